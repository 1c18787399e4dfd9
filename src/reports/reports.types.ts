// What the reports return: the GraphQL types of graphql/reports.graphql, as the service builds them.
import type { CampaignView } from '../campaign/campaign.repository';
import type { UnitView } from '../indicator-task/indicator-task.repository';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import type { Deduction, ScoreRule } from './performance-score';

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
