// Inspection rounds (检查轮次): a supervisor plans a round of monthly supervision, open or covert inspection, or
// mock assessment over places or indicators, records findings on the spot (each becomes a rectification item),
// and, for a mock assessment, scores each criterion: the round's score rate is a point of the 公共文明指数.
import type { CriterionScore } from '../indicator-task/indicator-task.types';
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
  /** Mock assessments: the latest score of each criterion. */
  scores: CriterionScore[];
  score: number;
  maxScore: number;
  /** Percentage, one decimal. */
  scoreRate: number | null;
  startedAt: string | null;
  closedAt: string | null;
  version: number;
}

export interface InspectionRoundInput extends RoundPlan {
  plannedBy: Actor;
}

export const ROUND_ACTIONS = ['START_ROUND', 'RECORD_FINDING', 'RECORD_SCORES', 'CLOSE_ROUND'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

export type RoundCommand =
  | { action: 'START_ROUND'; note?: string }
  /** The API has reported the finding as an item (or linked it to an open one) and names it here. */
  | { action: 'RECORD_FINDING'; itemId: string; duplicate: boolean }
  /** The API fills in each criterion's points from the catalog. */
  | { action: 'RECORD_SCORES'; scores: CriterionScore[] }
  | { action: 'CLOSE_ROUND'; note?: string };

export interface RoundActionRequest {
  command: RoundCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** Rounds belong to the supervision group; the office runs them too. */
export const ROUND_ROLES: readonly Role[] = ['SUPERVISOR', 'OFFICE'];
