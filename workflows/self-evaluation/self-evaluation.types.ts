// Self-evaluation rounds (自查自评表, plan 五(五), issue 20): the office opens a round over a period, asking chosen
// units (or all) and the sub-district itself (whose form the office fills) for a form: per own task a self-assessed
// status (达标 / 未达标 / 未知) with a short note, the overall achievements, shortcomings, next steps and a self-grade.
// A unit submits; the office may return a form with a reason; the unit resubmits. The office closes the round, after
// which nothing changes. One workflow per round (`self-evaluation:{campaign}:{key}`); while open, the forms still
// missing climb 提醒 → 催办 → 督办 to the units concerned and the office (and at 督办 the leading group).
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';

export const SELF_EVALUATION_STATES = ['OPEN', 'CLOSED'] as const;
export type SelfEvaluationStateName = (typeof SELF_EVALUATION_STATES)[number];

/** A form's state: not yet submitted, submitted, returned by the office for a correction. */
export const FORM_STATES = ['MISSING', 'SUBMITTED', 'RETURNED'] as const;
export type FormState = (typeof FORM_STATES)[number];

/** A task's self-assessed status, the glossary's classification words: 达标 / 未达标 / 未知可否达标. */
export const SELF_STATUSES = ['MET', 'NOT_MET', 'UNKNOWN'] as const;
export type SelfStatus = (typeof SELF_STATUSES)[number];

/** The self-grade, and the leading group's 评议 grade: 优秀 / 良好 / 合格 / 不合格. */
export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

export const SELF_EVALUATION_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE'] as const satisfies readonly EscalationLevel[];
export type SelfEvaluationLevel = (typeof SELF_EVALUATION_LEVELS)[number];

/** The sub-district's own form (街道自评), filled by the office: not a unit of the organisation. */
export const SUBDISTRICT_CODE = 'SUBDISTRICT';

export const MAX_TITLE_CHARS = 100;
export const MAX_NOTE_CHARS = 200;
export const MAX_TEXT_CHARS = 2_000;
export const MAX_REASON_CHARS = 500;
export const MAX_UNITS = 300;
export const MAX_TASKS_PER_UNIT = 500;
export const REMINDER_BEFORE_HOURS = 24;
export const SUPERVISE_AFTER_HOURS = 72;

export interface SelfEvaluationLadder {
  reminderBeforeHours: number;
  superviseAfterHours: number;
}
export const DEFAULT_SELF_EVALUATION_LADDER: SelfEvaluationLadder = { reminderBeforeHours: REMINDER_BEFORE_HOURS, superviseAfterHours: SUPERVISE_AFTER_HOURS };

/** The tasks a unit's form covers: its own indicator tasks of the campaign when the round was opened. */
export interface UnitTasks {
  unitCode: string;
  taskIds: string[];
}

export interface SelfEvaluationSubject {
  campaignId: string;
  title: string;
  /** YYYY-MM-DD: the period evaluated. */
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  /** The units asked, in order, without repeats; SUBDISTRICT_CODE for the sub-district's own form. */
  units: UnitTasks[];
}

export interface FormItem {
  taskId: string;
  status: SelfStatus;
  note: string;
}

export interface FormContent {
  items: FormItem[];
  achievements: string;
  shortcomings: string;
  nextSteps: string;
  selfGrade: Grade;
}

export interface UnitForm extends FormContent {
  unitCode: string;
  state: FormState;
  submittedAt: string | null;
  submittedBy: string | null;
  /** Submitted first after the due time. */
  late: boolean;
  submissions: number;
  returnReason: string | null;
}

export interface SelfEvaluationInput extends SelfEvaluationSubject {
  openedBy: Actor;
  ladder?: SelfEvaluationLadder;
  historyLimit?: number;
  resume?: { state: SelfEvaluationState };
}

export interface SelfEvaluationState extends SelfEvaluationSubject {
  roundId: string;
  state: SelfEvaluationStateName;
  /** Forms submitted at least once, in the order of units. */
  forms: UnitForm[];
  openedAt: string | null;
  closedAt: string | null;
  closeNote: string | null;
  escalationLevel: SelfEvaluationLevel | null;
  version: number;
}

export const SELF_EVALUATION_ACTIONS = ['SUBMIT', 'RETURN', 'CLOSE'] as const;
export type SelfEvaluationAction = (typeof SELF_EVALUATION_ACTIONS)[number];

export type SelfEvaluationCommand =
  | ({ action: 'SUBMIT'; unitCode: string } & FormContent)
  | { action: 'RETURN'; unitCode: string; reason: string }
  | { action: 'CLOSE'; note?: string };

export interface SelfEvaluationActionRequest {
  command: SelfEvaluationCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The office opens, returns, closes rounds and fills the sub-district's form; a unit's head and members fill their own. */
export const SELF_EVALUATION_OFFICE: readonly Role[] = ['OFFICE'];
export const SELF_EVALUATION_FILLERS: readonly Role[] = ['OFFICE', 'UNIT_HEAD', 'UNIT_MEMBER'];
