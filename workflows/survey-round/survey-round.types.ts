// Survey rounds (问卷调查, plan 二 and 四(四), issue 20): the office plans a round of the campaign's questionnaire over
// chosen communities, records for each community the sample size and how many respondents were aware of the campaign
// (知晓), support it (支持), take part (参与) and are satisfied (满意), and closes the round, after which its numbers
// cannot change. Counts are stored, never rates: every rate is computed from integers (survey-round.rates.ts). One
// workflow per round (`survey-round:{campaign}:{key}`); while open, the results owed climb 提醒 → 催办 → 督办 to the
// office (and at 督办 the leading group).
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';

export const SURVEY_ROUND_STATES = ['OPEN', 'CLOSED'] as const;
export type SurveyRoundStateName = (typeof SURVEY_ROUND_STATES)[number];

/** How the questionnaire was taken: 入户面访 / 街头拦访 / 网络问卷 / 电话访问. */
export const SURVEY_METHODS = ['IN_PERSON', 'INTERCEPT', 'ONLINE', 'PHONE'] as const;
export type SurveyMethod = (typeof SURVEY_METHODS)[number];

/** The steps of results still owed: 提醒 before the results are due, 催办 at it, 督办 after it. */
export const SURVEY_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE'] as const satisfies readonly EscalationLevel[];
export type SurveyLevel = (typeof SURVEY_LEVELS)[number];

/** The four measures, in the plan's order (知晓率、支持率、参与率、满意度). */
export const SURVEY_MEASURES = ['aware', 'supporting', 'participating', 'satisfied'] as const;
export type SurveyMeasure = (typeof SURVEY_MEASURES)[number];

/** Limits of a round: characters of the title and the note, communities, respondents per community. */
export const MAX_TITLE_CHARS = 100;
export const MAX_NOTE_CHARS = 500;
export const MAX_COMMUNITIES = 100;
export const MAX_SAMPLE = 100_000;
/** A round entered after its period gets this long to have its results entered. */
export const ENTRY_GRACE_HOURS = 72;
export const REMINDER_BEFORE_HOURS = 24;
export const SUPERVISE_AFTER_HOURS = 72;

export interface SurveyLadder {
  reminderBeforeHours: number;
  superviseAfterHours: number;
}
export const DEFAULT_SURVEY_LADDER: SurveyLadder = { reminderBeforeHours: REMINDER_BEFORE_HOURS, superviseAfterHours: SUPERVISE_AFTER_HOURS };

/** One community's answers: how many were asked and how many said yes to each measure. */
export interface SurveyCounts {
  sample: number;
  aware: number;
  supporting: number;
  participating: number;
  satisfied: number;
}

export interface SurveyCommunityResult extends SurveyCounts {
  unitCode: string;
  recordedAt: string;
  recordedBy: string;
}

/** What a round is: its campaign, title, method, period, communities and when its results are due. */
export interface SurveyRoundSubject {
  campaignId: string;
  title: string;
  method: SurveyMethod;
  /** YYYY-MM-DD, local dates of the campaign. */
  startDate: string;
  endDate: string;
  /** The communities surveyed, in order, without repeats. */
  unitCodes: string[];
  /** When every community's results are due: the end of the period, or later for a round entered afterwards. */
  dueAt: string;
}

export interface SurveyRoundInput extends SurveyRoundSubject {
  plannedBy: Actor;
  ladder?: SurveyLadder;
  historyLimit?: number;
  resume?: { state: SurveyRoundState };
}

export interface SurveyRoundState extends SurveyRoundSubject {
  roundId: string;
  state: SurveyRoundStateName;
  /** Recorded results, in the order of unitCodes. */
  results: SurveyCommunityResult[];
  plannedAt: string | null;
  plannedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
  escalationLevel: SurveyLevel | null;
  version: number;
}

export const SURVEY_ROUND_ACTIONS = ['RECORD_RESULTS', 'CLOSE'] as const;
export type SurveyRoundAction = (typeof SURVEY_ROUND_ACTIONS)[number];

export type SurveyRoundCommand = ({ action: 'RECORD_RESULTS'; unitCode: string } & SurveyCounts) | { action: 'CLOSE'; note?: string };

export interface SurveyRoundActionRequest {
  command: SurveyRoundCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The office plans, records and closes rounds; everyone reads them. */
export const SURVEY_ROLES: readonly Role[] = ['OFFICE'];
