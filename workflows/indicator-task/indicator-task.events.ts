// Domain events of an indicator task: facts, past tense, a discriminated union on `type`.
// `counted` on the events that enter a stage: the deadlines counted in working days at that moment (only when
// the task's policy counts working days; absent in every older stream and in calendar-day tasks).
import type { Classification, CountedDeadlines, CriterionScore, EvidenceFile, Stage, TaskPolicy } from './indicator-task.types';
import type { EscalationLevel } from '../shared/escalation';
import type { Role } from '../shared/actor.types';
import type { ResponsiblePerson } from '../shared/responsible-person';
import type { AccountabilityEvent } from '../shared/accountability';
import type { KeyFlagEvent } from '../shared/key-flag';

export type IndicatorTaskEvent =
  | {
      type: 'IndicatorTaskCreated';
      /** `responsiblePerson`: the 责任人 the breakdown named; absent in older streams and when none was named. */
      data: { campaignId: string; indicatorCode: string; unitCode: string; leadUnitCode: string; dueAt: string; policy: TaskPolicy; responsiblePerson?: ResponsiblePerson; counted?: CountedDeadlines };
    }
  | { type: 'SelfCheckSubmitted'; data: { classification: Classification; note: string } }
  | { type: 'SelfCheckConfirmed'; data: { classification: Classification; note: string; counted?: CountedDeadlines } }
  | { type: 'SelfCheckReturned'; data: { reason: string } }
  | { type: 'RectificationPlanSubmitted'; data: { plan: string; deadline: string } }
  | { type: 'RectificationProgressReported'; data: { note: string } }
  | { type: 'RectificationSubmitted'; data: { note: string } }
  | { type: 'RectificationApproved'; data: { note: string; counted?: CountedDeadlines } }
  | { type: 'RectificationReturned'; data: { reason: string } }
  | {
      type: 'MockAssessmentRecorded';
      data: {
        scores: CriterionScore[];
        /** Points scored, of maxScore; scoreRate is their percentage. */
        score: number;
        maxScore: number;
        scoreRate: number;
        passed: boolean;
        failedCriteria: string[];
        note: string;
        counted?: CountedDeadlines;
        /** The inspection round whose scores this is (issue 20); absent when scored on the task itself. */
        roundId?: string;
        roundTitle?: string;
      };
    }
  /** `materials`: what the archive must hold, from the catalog when archiving began; absent in older streams (one package). */
  | { type: 'ArchivingStarted'; data: { note: string; materials?: { code: string; name: string }[] } }
  | { type: 'ArchiveMaterialSubmitted'; data: { materialCode: string; file: EvidenceFile | null; note: string } }
  | { type: 'ArchiveMaterialAccepted'; data: { materialCode: string; note: string } }
  | { type: 'ArchiveMaterialReturned'; data: { materialCode: string; reason: string } }
  /** Whole-package archive review, recorded by streams before per-material review: still folded, no longer written. */
  | { type: 'ArchiveSubmitted'; data: { note: string } }
  | { type: 'ArchiveAccepted'; data: { note: string } }
  | { type: 'ArchiveReturned'; data: { reason: string } }
  | { type: 'TaskReassigned'; data: { unitCode: string; previousUnitCode: string; reason: string } }
  /** The task's 责任人 named or changed within its unit; `previousLogin` null when none was named before. */
  | { type: 'ResponsiblePersonAssigned'; data: { login: string; name: string; previousLogin: string | null } }
  | { type: 'RecheckDue'; data: { dueAt: string } }
  | { type: 'RecheckRecorded'; data: { passed: boolean; note: string; counted?: CountedDeadlines } }
  | { type: 'ExtensionRequested'; data: { requestedDueAt: string; reason: string } }
  | { type: 'ExtensionApproved'; data: { dueAt: string; note: string } }
  | { type: 'ExtensionRefused'; data: { reason: string } }
  | { type: 'CommentAdded'; data: { text: string } }
  | { type: 'EvidenceAttached'; data: { sha256: string; name: string; size: number; mimeType: string; stage: Stage; note: string } }
  | {
      type: 'TaskBreakdownChanged';
      data: { importId: string; dueAt: string; leadUnitCode: string; previousDueAt: string; previousLeadUnitCode: string };
    }
  | { type: 'DeadlineEscalated'; data: { level: EscalationLevel; stage: Stage; stageDueAt: string; notify: Role[] } }
  | AccountabilityEvent
  | KeyFlagEvent;

export type IndicatorTaskEventType = IndicatorTaskEvent['type'];

export const INDICATOR_TASK_EVENT_TYPES: readonly IndicatorTaskEventType[] = [
  'IndicatorTaskCreated',
  'SelfCheckSubmitted',
  'SelfCheckConfirmed',
  'SelfCheckReturned',
  'RectificationPlanSubmitted',
  'RectificationProgressReported',
  'RectificationSubmitted',
  'RectificationApproved',
  'RectificationReturned',
  'MockAssessmentRecorded',
  'ArchivingStarted',
  'ArchiveMaterialSubmitted',
  'ArchiveMaterialAccepted',
  'ArchiveMaterialReturned',
  'ArchiveSubmitted',
  'ArchiveAccepted',
  'ArchiveReturned',
  'RecheckDue',
  'RecheckRecorded',
  'ExtensionRequested',
  'ExtensionApproved',
  'ExtensionRefused',
  'DeadlineEscalated',
  'TaskBreakdownChanged',
  'TaskReassigned',
  'ResponsiblePersonAssigned',
  'CommentAdded',
  'EvidenceAttached',
  'AccountabilityProposed',
  'AccountabilityApproved',
  'AccountabilityReturned',
  'KeyFlagSet',
  'KeyFlagCleared',
];
