// Inspection rounds (检查轮次): a supervisor plans a round of monthly supervision, open or covert inspection, or
// mock assessment over places or indicators, records findings on the spot (each becomes a rectification item),
// and, for a mock assessment, scores each criterion: the round's score rate is a point of the 公共文明指数.
import type { CriterionScore, MockAssessmentFollowUp } from '../indicator-task/indicator-task.types';
import type { ItemSource } from '../rectification-item/rectification-item.types';
import type { Actor, Role } from '../shared/actor.types';

export const ROUND_KINDS = ['MONTHLY_SUPERVISION', 'OPEN_INSPECTION', 'COVERT_INSPECTION', 'MOCK_ASSESSMENT'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_STATES = ['PLANNED', 'IN_PROGRESS', 'CLOSED'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** The source a finding of each kind of round gets as a rectification item. */
export const ROUND_ITEM_SOURCE: Record<RoundKind, ItemSource> = {
  MONTHLY_SUPERVISION: 'SUPERVISION',
  OPEN_INSPECTION: 'OPEN_INSPECTION',
  COVERT_INSPECTION: 'COVERT_INSPECTION',
  MOCK_ASSESSMENT: 'MOCK_ASSESSMENT',
};

export interface RoundFinding {
  itemId: string;
  /** Linked to an open item of the same place, area and criterion instead of making a new one. */
  duplicate: boolean;
  at: string;
  by: string;
}

/** A criterion's score in a round; `unitCode` names the unit whose indicator task it scores (null: the round only). */
export interface RoundScore extends CriterionScore {
  unitCode?: string | null;
}

/**
 * A task a mock-assessment round's scores cover (issue 20): the unit's task of one of the round's indicators, with
 * what its mock assessment needs (the API fills it in from the catalog and the organisation).
 */
export interface RoundTaskTarget {
  taskId: string;
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  /** Every criterion of the indicator with its points: the task's mock assessment scores them all. */
  criteria: { code: string; points: number }[];
  followUp: MockAssessmentFollowUp;
}

export const ROUND_TASK_OUTCOMES = ['INCOMPLETE', 'APPLYING', 'APPLIED', 'NOT_APPLICABLE'] as const;
/**
 * What became of a covered task: INCOMPLETE, some of its indicator's criteria still unscored for the unit;
 * APPLYING, its scores are being recorded as the task's mock assessment; APPLIED, they are; NOT_APPLICABLE, the task
 * refused them (its rules; `reason` says why) or the round closed before they were complete.
 */
export type RoundTaskOutcome = (typeof ROUND_TASK_OUTCOMES)[number];

export interface RoundTaskAssessment {
  taskId: string;
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  criterionCodes: string[];
  outcome: RoundTaskOutcome;
  reason: string | null;
  /** The task's mock assessment once applied (or the unit's scores so far). */
  score: number;
  maxScore: number;
  scoreRate: number | null;
  passed: boolean | null;
  /** While APPLYING: what the activity sends the task, and who scored (the task's rules judge that person). */
  pending?: { scores: CriterionScore[]; followUp: MockAssessmentFollowUp; by: Actor } | null;
  at: string;
}

/** A point of the window-service checklist (规范化检查表), e.g. 亮证上岗. */
export interface WindowChecklistPoint {
  code: string;
  label: string;
}

/** A checklist point's result in a window-service check; a failure names the rectification item it became. */
export interface WindowCheckResult extends WindowChecklistPoint {
  passed: boolean;
  note: string;
  /** The item the failure was reported as (or linked to, `duplicate`); null for a point that passed. */
  itemId: string | null;
  duplicate: boolean;
}

/** A window-service unit checked in a round against one version of the checklist (issue 20, plan 五(二)8). */
export interface WindowCheck {
  unitCode: string;
  unitName: string;
  checklistVersion: number;
  results: WindowCheckResult[];
  at: string;
  by: string;
}

/** What a round is planned with, and keeps. */
interface RoundPlan {
  roundId: string;
  campaignId: string;
  kind: RoundKind;
  title: string;
  /** YYYY-MM-DD in the campaign's time zone. */
  plannedOn: string;
  places: string[];
  indicatorCodes: string[];
}

export interface InspectionRoundState extends RoundPlan {
  state: RoundState;
  plannedBy: string;
  findings: RoundFinding[];
  /** Mock assessments: the latest score of each criterion (of each unit). */
  scores: RoundScore[];
  score: number;
  maxScore: number;
  /** Percentage, one decimal. */
  scoreRate: number | null;
  startedAt: string | null;
  closedAt: string | null;
  /**
   * Mock assessments: the tasks the scores cover and what became of each (issue 20). Optional: states folded
   * before it existed lack it.
   */
  taskAssessments?: RoundTaskAssessment[];
  /** Window-service units checked in the round, one check each (issue 20). Optional as above. */
  windowChecks?: WindowCheck[];
  version: number;
}

export interface InspectionRoundInput extends RoundPlan {
  plannedBy: Actor;
}

export const ROUND_ACTIONS = ['START_ROUND', 'RECORD_FINDING', 'RECORD_SCORES', 'RECORD_WINDOW_CHECK', 'CLOSE_ROUND'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

export type RoundCommand =
  | { action: 'START_ROUND'; note?: string }
  /** The API has reported the finding as an item (or linked it to an open one) and names it here. */
  | { action: 'RECORD_FINDING'; itemId: string; duplicate: boolean }
  /**
   * The API fills in each criterion's points from the catalog, each score's unit, and the tasks the scores touch
   * (`targets`): a task whose criteria are then all scored gets them as its mock assessment.
   */
  | { action: 'RECORD_SCORES'; scores: RoundScore[]; targets?: RoundTaskTarget[] }
  /** The API has checked the unit is a window-service unit and reported each failure as an item, named here. */
  | { action: 'RECORD_WINDOW_CHECK'; unitCode: string; unitName: string; checklistVersion: number; results: WindowCheckResult[] }
  | { action: 'CLOSE_ROUND'; note?: string };

export interface RoundActionRequest {
  command: RoundCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** Rounds belong to the supervision group; the office runs them too. */
export const ROUND_ROLES: readonly Role[] = ['SUPERVISOR', 'OFFICE'];
