// Types of the indicator-task lifecycle, shared by the workflow, the event store and the API.
// Names follow ../shared/GLOSSARY.md exactly. Who acts (Actor, Role, SYSTEM_ACTOR) is shared by every kind:
// ../shared/actor.types.ts.

import type { Actor } from '../shared/actor.types';
import type { ResponsiblePerson } from '../shared/responsible-person';
import type { DayCounting } from '../shared/day-counting';
import type { AccountabilityCommand, AccountabilityDecisionState } from '../shared/accountability';
import type { EscalationLevel } from '../shared/escalation';
import type { KeyFlag, KeyFlagCommand } from '../shared/key-flag';

export const STAGES = [
  'SELF_CHECK',
  'RECTIFICATION',
  'MOCK_ASSESSMENT',
  'CONSOLIDATION',
  'ARCHIVING',
  'ARCHIVED',
] as const;
export type Stage = (typeof STAGES)[number];

export const CLASSIFICATIONS = ['MET', 'NOT_MET', 'UNKNOWN', 'RELAPSE_PRONE'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** What a task is waiting for after a unit has handed something in. */
export const REVIEW_KINDS = ['SELF_CHECK_REVIEW', 'RECTIFICATION_REVIEW', 'ARCHIVE_REVIEW'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/**
 * The campaign's rules of time for a task, fixed in its creation event so that the workflow and the
 * projection fold the same events to the same due dates.
 */
export interface TaskPolicy {
  /** Days a unit has for its self-check (never past the task's own due date). */
  selfCheckDays: number;
  /** Days a unit has to rectify when it enters rectification after the task's due date (a relapse, a late failure). */
  rectificationDays: number;
  /** Days the supervision group has to run a mock assessment. */
  mockAssessmentDays: number;
  /** Score rate (0–1) at which a mock assessment finds the indicator met. */
  mockPassRate: number;
  /** Hours before a stage's due date that the unit is reminded. */
  reminderBeforeHours: number;
  /** Hours after the due date at which each step of the ladder is taken. */
  escalationAfterHours: Record<Exclude<EscalationLevel, 'REMINDER'>, number>;
  /** Days between re-checks in consolidation: weekly for relapse-prone indicators, monthly otherwise. */
  recheckDays: { relapseProne: number; other: number };
  /** The campaign's archive deadline (ISO instant); the task's due date when null. */
  archiveDueAt: string | null;
  /**
   * Whether the days above are calendar days (absent: every policy written before working days) or working
   * days, which the workflow asks the addWorkingDays activity to count and records in the event (CountedDeadlines).
   */
  dayCounting?: DayCounting;
}

/**
 * Deadlines counted in working days when a stage was entered, from the same instant: recorded in the event that
 * enters the stage, so that the workflow and the projection fold it to the same due dates without the holiday
 * calendar. Absent when the task counts calendar days.
 */
export interface CountedDeadlines {
  selfCheck: string;
  rectification: string;
  mockAssessment: string;
  recheckRelapseProne: string;
  recheckOther: string;
}

export const DEFAULT_TASK_POLICY: TaskPolicy = {
  selfCheckDays: 14,
  rectificationDays: 14,
  mockAssessmentDays: 14,
  mockPassRate: 0.9,
  reminderBeforeHours: 72,
  escalationAfterHours: { URGE: 0, SUPERVISE: 72, INTERVIEW: 168, ACCOUNTABILITY: 336 },
  recheckDays: { relapseProne: 7, other: 30 },
  archiveDueAt: null,
};

/** A supervisor's score for one criterion of the indicator, out of the criterion's points. */
export interface CriterionScore {
  criterionCode: string;
  points: number;
  score: number;
}

/** An archive material the indicator requires (from the catalog), as the task tracks it while archiving. */
export const MATERIAL_STATUSES = ['MISSING', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/** A file kept in the file store, named by its content's SHA-256. */
export interface EvidenceFile {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface ArchiveMaterialState {
  code: string;
  name: string;
  status: MaterialStatus;
  /** The file the unit handed in for it; null until it does. */
  file: EvidenceFile | null;
  note: string;
  submittedBy: string | null;
  submittedAt: string | null;
  /** The archivist who accepted or returned it last, and why it was returned. */
  reviewedBy: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
}

/**
 * The code of the one material a task requires when its indicator lists none in the catalog, and of the
 * whole-package archive that tasks archived before per-material review handed in.
 */
export const PACKAGE_MATERIAL = { code: 'PACKAGE', name: '档案材料（整套）' } as const;

export interface IndicatorTaskState {
  taskId: string;
  campaignId: string;
  indicatorCode: string;
  unitCode: string;
  leadUnitCode: string;
  stage: Stage;
  classification: Classification | null;
  awaitingReview: ReviewKind | null;
  /** Who handed in what is awaiting review: never the one who approves it. */
  submittedBy: string | null;
  /** The task's due date from the task breakdown (完成时限). */
  dueAt: string;
  policy: TaskPolicy;
  /** When the current stage began. */
  stageEnteredAt: string;
  /** The current stage's deadline; null where the stage has none (consolidation, archived). */
  stageDueAt: string | null;
  /** The highest step of the ladder taken for the current stage's deadline. */
  escalationLevel: EscalationLevel | null;
  /** A unit's request for more time, waiting for a supervisor. */
  pendingExtension: { requestedDueAt: string; reason: string; requestedBy: string } | null;
  /** The unit's rectification plan in the current rectification. */
  rectificationPlan: { plan: string; deadline: string } | null;
  /** In consolidation: when the next periodic re-check falls due, and whether it is due now. */
  nextRecheckAt: string | null;
  recheckDue: boolean;
  /** Criteria that lost points in the failed mock assessment that sent the task to rectification. */
  failedCriteria: string[];
  relapseCount: number;
  /**
   * The task's 责任人 within its unit; null until named, cleared when the task moves to another unit. (Optional
   * only because states carried over by continue-as-new before it existed lack it.)
   */
  responsiblePerson?: ResponsiblePerson | null;
  /**
   * While archiving and once archived: each required material and where it stands. Null before archiving.
   * (Optional only because states carried over by continue-as-new before it existed lack it.)
   */
  archive?: ArchiveMaterialState[] | null;
  /**
   * The working-day deadlines counted when the current stage was entered (a task counting working days only;
   * absent otherwise): what the stage's deadline and a changed due date are measured against.
   */
  countedDeadlines?: CountedDeadlines | null;
  /**
   * 问责 decisions proposed on the task, oldest first; the last may await a leader (../shared/accountability.ts).
   * Optional: states carried over by continue-as-new before it existed lack it.
   */
  accountability?: AccountabilityDecisionState[];
  /**
   * The inspection rounds whose scores became a mock assessment of this task, so that none is applied twice.
   * Optional: states carried over by continue-as-new before it existed lack it.
   */
  mockAssessmentRounds?: string[];
  /**
   * 重点/难点 as the office marked it; null when unmarked (../shared/key-flag.ts). Optional: states carried over by
   * continue-as-new before it existed lack it.
   */
  keyFlag?: KeyFlag | null;
  /** Number of events in the task's stream; the next event gets version + 1. */
  version: number;
}

export interface IndicatorTaskInput {
  taskId: string;
  campaignId: string;
  indicatorCode: string;
  unitCode: string;
  leadUnitCode: string;
  dueAt: string;
  createdBy: Actor;
  /** Defaults to DEFAULT_TASK_POLICY. */
  policy?: TaskPolicy;
  /** The 责任人 the task breakdown names (checked against the unit by the import); absent when none. */
  responsiblePerson?: ResponsiblePerson | null;
  /** Set when the workflow continues as new: the state it carries over. */
  resume?: { state: IndicatorTaskState } | null;
  /** Events of history after which the workflow continues as new (lowered in tests). */
  historyLimit?: number;
  /**
   * Append the creation event by a local activity in the first workflow task, leaving the stage search attribute
   * as the start set it. startIndicatorTask sets it; runs started before it existed lack it and replay as they ran.
   */
  createdLocally?: boolean;
}

export const INDICATOR_TASK_ACTIONS = [
  'SUBMIT_SELF_CHECK',
  'CONFIRM_SELF_CHECK',
  'RETURN_SELF_CHECK',
  'SUBMIT_RECTIFICATION_PLAN',
  'REPORT_RECTIFICATION_PROGRESS',
  'SUBMIT_RECTIFICATION',
  'APPROVE_RECTIFICATION',
  'RETURN_RECTIFICATION',
  'RECORD_MOCK_ASSESSMENT',
  'RECORD_RECHECK',
  'START_ARCHIVING',
  'SUBMIT_ARCHIVE_MATERIAL',
  'ACCEPT_ARCHIVE_MATERIAL',
  'RETURN_ARCHIVE_MATERIAL',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'REFUSE_EXTENSION',
  'ADD_COMMENT',
  'ATTACH_EVIDENCE',
  'REASSIGN',
  'ASSIGN_RESPONSIBLE_PERSON',
  'PROPOSE_ACCOUNTABILITY',
  'APPROVE_ACCOUNTABILITY',
  'RETURN_ACCOUNTABILITY',
] as const;
export type IndicatorTaskAction = (typeof INDICATOR_TASK_ACTIONS)[number];

export type IndicatorTaskCommand =
  | { action: 'SUBMIT_SELF_CHECK'; classification: Classification; note: string }
  | { action: 'CONFIRM_SELF_CHECK'; note?: string }
  | { action: 'RETURN_SELF_CHECK'; reason: string }
  | { action: 'SUBMIT_RECTIFICATION_PLAN'; plan: string; deadline: string }
  | { action: 'REPORT_RECTIFICATION_PROGRESS'; note: string }
  /** `openItems`: linked rectification items not yet verified, counted by the API; completion waits for them. */
  | { action: 'SUBMIT_RECTIFICATION'; note: string; openItems?: number }
  | { action: 'APPROVE_RECTIFICATION'; note?: string }
  | { action: 'RETURN_RECTIFICATION'; reason: string }
  /** One score per criterion of the indicator; the API fills in each criterion's points from the catalog. */
  | { action: 'RECORD_MOCK_ASSESSMENT'; scores: CriterionScore[]; note?: string; followUp?: MockAssessmentFollowUp; source?: MockAssessmentSource }
  | { action: 'RECORD_RECHECK'; passed: boolean; note?: string }
  /** `materials`: what the archive must hold; the API fills it in from the catalog (one package when absent). */
  | { action: 'START_ARCHIVING'; note?: string; materials?: { code: string; name: string }[] }
  /** `file` is null only for the whole package of older histories (SUBMIT_ARCHIVE); every material now needs one. */
  | { action: 'SUBMIT_ARCHIVE_MATERIAL'; materialCode: string; file: EvidenceFile | null; note?: string }
  | { action: 'ACCEPT_ARCHIVE_MATERIAL'; materialCode: string; note?: string }
  | { action: 'RETURN_ARCHIVE_MATERIAL'; materialCode: string; reason: string }
  | { action: 'REQUEST_EXTENSION'; requestedDueAt: string; reason: string }
  | { action: 'APPROVE_EXTENSION'; note?: string }
  | { action: 'REFUSE_EXTENSION'; reason: string }
  | { action: 'ADD_COMMENT'; text: string }
  | { action: 'ATTACH_EVIDENCE'; file: EvidenceFile; note?: string }
  /** The office moves the task to another responsible unit; the API checks that the unit exists and is free. */
  | { action: 'REASSIGN'; unitCode: string; reason: string }
  /**
   * The unit head (or the office) names the task's 责任人. The API checks that the login is a person of `unitCode`
   * and fills in the name; the workflow refuses it when the task's unit is no longer `unitCode`.
   */
  | { action: 'ASSIGN_RESPONSIBLE_PERSON'; unitCode: string; login: string; name: string }
  /** 问责: the office proposes once the ladder has reached ACCOUNTABILITY, a leader approves or returns it. */
  | AccountabilityCommand;

/**
 * What the workflow needs to raise one rectification item per failed criterion of a failed mock assessment
 * (the API fills it from the catalog and the organisation): where, in which drive, and what each criterion asks.
 */
export interface MockAssessmentFollowUp {
  area: string | null;
  address: string;
  criteria: Record<string, string>;
}

/**
 * The inspection round whose scores are the task's mock assessment (issue 20): set only by the round's activity,
 * never by the API's recordMockAssessment. A round's scores are applied to a task once (mockAssessmentRounds).
 */
export interface MockAssessmentSource {
  roundId: string;
  roundTitle: string;
}

/** A command as it arrives at the workflow: who, what, and optionally the version the caller saw. */
export interface ActionRequest {
  /** A lifecycle command, or the office's 重点/难点 mark (decided apart, like the items' 问责 steps). */
  command: IndicatorTaskCommand | KeyFlagCommand;
  actor: Actor;
  expectedVersion?: number | null;
  /** Ties the resulting events to the request that caused them (the API's request id). */
  correlationId?: string;
}
