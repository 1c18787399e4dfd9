// Types of the rectification-item lifecycle (整改问题): a problem found on the street or in an assessment,
// dispatched to a unit, fixed with proof, verified by someone else, re-checked later and closed (销号).
// Shared by the workflow, the event store, the projections, the reports and the API. Names as in GLOSSARY.md.
import type { KeyFlag, KeyFlagCommand } from '../shared/key-flag';
import type { DayCounting } from '../shared/day-counting';
import type { EvidenceFile } from '../indicator-task/indicator-task.types';
import type { Actor, Role } from '../shared/actor.types';
import type { ResponsiblePerson } from '../shared/responsible-person';
import type { AccountabilityCommand, AccountabilityDecisionState } from '../shared/accountability';
import type { EscalationLevel } from '../shared/escalation';

/** 上报 → 派单 → 整改中 → 待复核 → 退回 → 已复核 → 巩固复查 → 销号 */
export const ITEM_STATES = ['REPORTED', 'DISPATCHED', 'RECTIFYING', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'RECHECK', 'CLOSED'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** States in which the unit owes the fix against the due date: the ones that escalate and can be extended. */
export const UNIT_WORK_STATES: readonly ItemState[] = ['DISPATCHED', 'RECTIFYING', 'RETURNED'];
/** Not yet fixed and verified: what keeps a linked indicator task from completing its rectification. */
export const UNVERIFIED_STATES: readonly ItemState[] = ['REPORTED', 'DISPATCHED', 'RECTIFYING', 'SUBMITTED', 'RETURNED'];

/** 督查 / 明察 / 暗访 / 模拟测评 / 领导现场办公 / 群众反映 / 属地上报 (a community or village unit's own area, 全民共创) */
export const ITEM_SOURCES = ['SUPERVISION', 'OPEN_INSPECTION', 'COVERT_INSPECTION', 'MOCK_ASSESSMENT', 'LEADER_VISIT', 'CITIZEN_REPORT', 'LOCAL_REPORT', 'LEAD_UNIT_MEETING'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

/** The six special rectification drives (专项整治). */
export const ITEM_AREAS = ['TRAFFIC_ORDER', 'CITY_APPEARANCE', 'PUBLIC_SECURITY', 'SANITATION', 'MARKETS', 'SERVICE_WINDOWS'] as const;
export type ItemArea = (typeof ITEM_AREAS)[number];

export interface ItemLocation {
  address: string;
  /** WGS-84, optional: a phone may give them. */
  latitude: number | null;
  longitude: number | null;
}

/** A campaign's rules of time for items, fixed in the item's creation event. */
export interface ItemPolicy {
  /** Days a unit has when dispatched without a due date. */
  rectificationDays: number;
  /** Days after verification that the item is re-checked (巩固复查). */
  recheckAfterDays: number;
  /** Days a relapsed item gets to be fixed again. */
  relapseDays: number;
  reminderBeforeHours: number;
  escalationAfterHours: Record<Exclude<EscalationLevel, 'REMINDER'>, number>;
  /** The campaign's way of counting the days above; absent: calendar days (see ../shared/day-counting.ts). */
  dayCounting?: DayCounting;
}

export const DEFAULT_ITEM_POLICY: ItemPolicy = {
  rectificationDays: 7,
  recheckAfterDays: 14,
  relapseDays: 3,
  reminderBeforeHours: 24,
  escalationAfterHours: { URGE: 0, SUPERVISE: 48, INTERVIEW: 120, ACCOUNTABILITY: 240 },
};

/** The roles that report problems: supervisors and the office; the leading group on a site visit. */
export const REPORTER_ROLES: readonly Role[] = ['SUPERVISOR', 'OFFICE', 'LEADER'];
/** The roles that report problems of their own area (属地上报, source LOCAL_REPORT only): community and village units' people. */
export const LOCAL_REPORTER_ROLES: readonly Role[] = ['UNIT_HEAD', 'UNIT_MEMBER'];

/** What a report says of a problem: the facts of ItemReported, held by the state and given to the workflow. */
export interface ItemReportFacts {
  campaignId: string;
  source: ItemSource;
  /** One of the six drives; null only for items a failed mock assessment raised on an indicator without one. */
  area: ItemArea | null;
  location: ItemLocation;
  description: string;
  /** Photos of the problem as found. */
  photos: EvidenceFile[];
  /** The indicator task and criterion it counts against, when known. */
  indicatorTaskId: string | null;
  criterionCode: string | null;
  /** The inspection round it was found in, when any. */
  inspectionRoundId: string | null;
  /**
   * 属地上报: the community or village unit whose people reported it in their own area (source LOCAL_REPORT).
   * Absent on other items and on items reported before it existed.
   */
  reportingUnitCode?: string | null;
}

export interface RectificationItemState extends ItemReportFacts {
  itemId: string;
  state: ItemState;
  /** Who reported it. For covert inspections the API never shows this to units. */
  reportedBy: string;
  /** The unit it is dispatched to; null until dispatched (and after a dispatch is returned). */
  unitCode: string | null;
  /** The unit's deadline; null until dispatched. */
  dueAt: string | null;
  /**
   * The item's 责任人 within its unit; null until named, cleared when the dispatch changes. (Optional only because
   * states carried over by continue-as-new before it existed lack it.)
   */
  responsiblePerson?: ResponsiblePerson | null;
  stateEnteredAt: string;
  escalationLevel: EscalationLevel | null;
  pendingExtension: { requestedDueAt: string; reason: string; requestedBy: string } | null;
  /** The unit says the item is not theirs (申请退回), waiting for a supervisor. */
  pendingDispatchReturn: { reason: string; requestedBy: string } | null;
  /** The unit's proof of the fix, and who handed it in (never the one who verifies it). */
  submission: { note: string; photos: EvidenceFile[]; submittedBy: string; submittedAt: string } | null;
  /** Why the last submission was returned. */
  returnReason: string | null;
  /** When the verified item is re-checked. */
  recheckAt: string | null;
  relapseCount: number;
  /** Later reports of the same place, area and criterion, linked here instead of made into new items. */
  duplicateReports: number;
  policy: ItemPolicy;
  /**
   * 问责 decisions proposed on the item, oldest first; the last may await a leader (../shared/accountability.ts).
   * Optional: states carried over by continue-as-new before it existed lack it.
   */
  accountability?: AccountabilityDecisionState[];
  /**
   * 重点/难点 as the office marked it; null when unmarked (../shared/key-flag.ts). Optional: states carried over by
   * continue-as-new before it existed lack it.
   */
  keyFlag?: KeyFlag | null;
  version: number;
}

export interface RectificationItemInput extends ItemReportFacts {
  itemId: string;
  reportedBy: Actor;
  /** Dispatched at once (a failed mock assessment's items go straight to the task's unit). */
  dispatch?: { unitCode: string; dueAt: string; note: string } | null;
  policy?: ItemPolicy;
  /** Set when the workflow continues as new. */
  resume?: { state: RectificationItemState } | null;
  historyLimit?: number;
}

/**
 * An address as compared for duplicates: full-width folded (NFKC), without spaces and punctuation, lower case.
 * 「解放路 12 号（东门）」 and 「解放路12号(东门)」 are the same place.
 */
export function placeKey(address: string): string {
  return address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export const ITEM_ACTIONS = [
  'DISPATCH',
  'START_RECTIFICATION',
  'SUBMIT_RECTIFICATION',
  'VERIFY',
  'RETURN',
  'RECORD_RECHECK',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'REFUSE_EXTENSION',
  'REQUEST_DISPATCH_RETURN',
  'APPROVE_DISPATCH_RETURN',
  'REFUSE_DISPATCH_RETURN',
  'REPORT_DUPLICATE',
  'ASSIGN_RESPONSIBLE_PERSON',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export type ItemCommand =
  /** `dueAt` defaults to the campaign's rectification days from now. */
  | { action: 'DISPATCH'; unitCode: string; dueAt?: string | null; note?: string }
  | { action: 'START_RECTIFICATION'; note?: string }
  | { action: 'SUBMIT_RECTIFICATION'; note: string; photos: EvidenceFile[] }
  | { action: 'VERIFY'; note?: string }
  | { action: 'RETURN'; reason: string }
  | { action: 'RECORD_RECHECK'; passed: boolean; note?: string }
  | { action: 'REQUEST_EXTENSION'; requestedDueAt: string; reason: string }
  | { action: 'APPROVE_EXTENSION'; note?: string }
  | { action: 'REFUSE_EXTENSION'; reason: string }
  | { action: 'REQUEST_DISPATCH_RETURN'; reason: string }
  | { action: 'APPROVE_DISPATCH_RETURN'; note?: string }
  | { action: 'REFUSE_DISPATCH_RETURN'; reason: string }
  /** Another report of the same place, area and criterion while the item is open: linked here. */
  | { action: 'REPORT_DUPLICATE'; source: ItemSource; description: string; photos: EvidenceFile[]; location: ItemLocation }
  /** The unit head (or the office) names the item's 责任人; the API checks that the login is a person of `unitCode`. */
  | { action: 'ASSIGN_RESPONSIBLE_PERSON'; unitCode: string; login: string; name: string };

export interface ItemActionRequest {
  /** A lifecycle action, or a step of a 问责 decision (proposed, approved, returned through their own mutations). */
  command: ItemCommand | AccountabilityCommand | KeyFlagCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}
