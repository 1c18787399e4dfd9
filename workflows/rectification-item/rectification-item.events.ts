// Domain events of a rectification item: facts, past tense. Streams are named by rectificationItemWorkflowId
// (rectification-item.messages.ts): `rectification-item:{campaign}:{id}`.
// DeadlineEscalated has the same shape as an indicator task's, so reports can count escalations of both.
import type { EvidenceFile } from '../indicator-task/indicator-task.types';
import type { Role } from '../shared/actor.types';
import type { AccountabilityEvent } from '../shared/accountability';
import type { KeyFlagEvent } from '../shared/key-flag';
import type { EscalationLevel } from '../shared/escalation';
import type { ItemLocation, ItemPolicy, ItemReportFacts, ItemSource, ItemState } from './rectification-item.types';

export type RectificationItemEvent =
  | { type: 'ItemReported'; data: ItemReportFacts & { policy: ItemPolicy } }
  | { type: 'ItemDispatched'; data: { unitCode: string; dueAt: string; note: string } }
  | { type: 'ItemRectificationStarted'; data: { note: string } }
  | { type: 'ItemSubmitted'; data: { note: string; photos: EvidenceFile[] } }
  | { type: 'ItemVerified'; data: { note: string; recheckAt: string } }
  | { type: 'ItemReturned'; data: { reason: string } }
  | { type: 'ItemRecheckDue'; data: { dueAt: string } }
  /** Passed: closed (销号). Failed: a relapse, back to rectifying with a new due date. */
  | { type: 'ItemRecheckRecorded'; data: { passed: boolean; note: string; dueAt: string | null } }
  | { type: 'ItemExtensionRequested'; data: { requestedDueAt: string; reason: string } }
  | { type: 'ItemExtensionApproved'; data: { dueAt: string; note: string } }
  | { type: 'ItemExtensionRefused'; data: { reason: string } }
  | { type: 'ItemDispatchReturnRequested'; data: { reason: string } }
  /** Approved: back to REPORTED, without a unit, to be dispatched again. */
  | { type: 'ItemDispatchReturnApproved'; data: { note: string; previousUnitCode: string } }
  | { type: 'ItemDispatchReturnRefused'; data: { reason: string } }
  /** The item's 责任人 named or changed within its unit; `previousLogin` null when none was named before. */
  | { type: 'ResponsiblePersonAssigned'; data: { login: string; name: string; previousLogin: string | null } }
  | { type: 'ItemDuplicateReported'; data: { source: ItemSource; description: string; photos: EvidenceFile[]; location: ItemLocation } }
  | { type: 'DeadlineEscalated'; data: { level: EscalationLevel; state: ItemState; dueAt: string; notify: Role[] } }
  | AccountabilityEvent
  | KeyFlagEvent;

export type RectificationItemEventType = RectificationItemEvent['type'];
