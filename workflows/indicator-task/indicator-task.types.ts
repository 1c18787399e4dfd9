// Types of the indicator-task lifecycle, shared by the workflow, the event store and the API.
// Names follow ../shared/GLOSSARY.md exactly.

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

export const ROLES = ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/** What a task is waiting for after a unit has handed something in. */
export const REVIEW_KINDS = ['SELF_CHECK_REVIEW', 'RECTIFICATION_REVIEW', 'ARCHIVE_REVIEW'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** The person acting. The API authenticates them; the workflow trusts the API for identity, not for legality. */
export interface Actor {
  userId: string;
  displayName: string;
  role: Role;
  /** The unit the person belongs to; null for office-level roles. */
  unitCode: string | null;
}

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
  dueAt: string;
  relapseCount: number;
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
}
