// What the reports return: the GraphQL types of graphql/reports.graphql, as the service builds them.
import type { CampaignView } from '../campaign/campaign.repository';
import type { UnitView } from '../indicator-task/indicator-task.repository';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import type { Deduction, ScoreRule } from './performance-score';
import type { AccountabilityForm } from '../../workflows/shared/accountability';
import type { UnitReviewRecord } from './performance-review';

export interface UnitPerformanceView {
  unit: UnitView;
  rank: number;
  tasks: number;
  items: number;
  dueWork: number;
  handedInOnTime: number;
  handedInLate: number;
  overdue: number;
  onTimeRate: number | null;
  relapses: number;
  returns: number;
  escalations: { level: EscalationLevel; label: string; count: number }[];
  highestEscalation: EscalationLevel | null;
  highestEscalationLabel: string | null;
  score: number;
  deductions: Deduction[];
  accountabilityDecisions: AccountabilityDecisionRow[];
  /** 总结评议 (issue 20): shown beside the score, not in it. */
  appraisal: UnitReviewRecord['appraisal'];
  selfEvaluation: UnitReviewRecord['selfEvaluation'];
}

/** An approved 问责 decision counted in the assessment. */
export interface AccountabilityDecisionRow {
  taskId: string | null;
  itemId: string | null;
  holdsUnit: boolean;
  persons: { login: string; displayName: string }[];
  form: AccountabilityForm;
  formLabel: string;
  target: string;
  reason: string;
  approvedAt: string;
}

export interface AssessmentView {
  campaign: CampaignView;
  from: string;
  to: string;
  units: UnitPerformanceView[];
  rules: readonly ScoreRule[];
  summary: string;
}

export interface RankedUnitView {
  unit: UnitView;
  rank: number;
  score: number;
  handedInOnTime: number;
  accountabilityDecisions: number;
}

export interface RankingWeekView {
  start: string;
  end: string;
  label: string;
  complete: boolean;
  best: RankedUnitView[];
  worst: RankedUnitView[];
  ranking: RankedUnitView[];
}

export interface RankingView {
  campaign: CampaignView;
  asOf: string;
  top: number;
  flagAfterWeeks: number;
  weeks: RankingWeekView[];
  flagged: { unit: UnitView; weeksRunning: number; reason: string }[];
}
