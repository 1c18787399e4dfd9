// The shapes of what the dashboard's documents return (only the fields they ask for).

export interface DashboardCampaign {
  id: string;
  name: string;
  inspectionDate: string;
  daysToInspection: number;
  countdownLabel: string;
  timeZone: string;
  phase: string;
  phaseLabel: string;
  phaseStartedAt: string | null;
  nextPhase: string | null;
  phases: { phase: string; label: string; plannedStart: string | null; startedAt: string | null; current: boolean }[];
  archiveProgress: { tasks: number; archived: number; complete: boolean };
  policy: { mockPassRate: number };
}

export interface DashCard {
  id: string;
  stage: string;
  classification: string | null;
  awaitingReview: string | null;
  dueAt: string;
  stageDueAt: string | null;
  escalationLevel: string | null;
  indicator: { code: string; itemName: string };
  unit: { code: string; name: string };
}

export interface DashItem {
  id: string;
  state: string;
  dueAt: string | null;
  escalationLevel: string | null;
  unit: { code: string; name: string } | null;
}

/** A card of the board as it stood at an instant: enough to say whether it was met. */
export interface PastCard {
  id: string;
  stage: string;
  classification: string | null;
  awaitingReview: string | null;
}

export interface RankedUnit {
  rank: number;
  score: number;
  handedInOnTime: number;
  unit: { code: string; name: string };
}

export interface RankingWeek {
  start: string;
  end: string;
  label: string;
  complete: boolean;
  best: RankedUnit[];
  worst: RankedUnit[];
}

export interface UnitRanking {
  asOf: string;
  top: number;
  flagAfterWeeks: number;
  weeks: RankingWeek[];
  flagged: { weeksRunning: number; reason: string; unit: { code: string; name: string } }[];
}

export interface CivilityPoint {
  roundId: string;
  title: string;
  plannedOn: string;
  score: number;
  maxScore: number;
  scoreRate: number | null;
  change: number | null;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}
