// Official notices (正式通知, issue 16): a numbered 督办通知单, 整改通知书 or 约谈通知书 issued to the responsible unit of
// a task or item, at the 督办 and 约谈 steps of the escalation ladder or on demand by the office, and acknowledged
// (签收) by that unit's head. One workflow per notice; its events are its own stream (`official-notice-…`).
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';

/** 督办通知单, 整改通知书, 约谈通知书. */
export const NOTICE_KINDS = ['SUPERVISION', 'RECTIFICATION', 'INTERVIEW'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** PENDING only between the workflow's start and its first record (the number is being allocated). */
export const NOTICE_STATES = ['PENDING', 'ISSUED', 'ACKNOWLEDGED'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** What caused a notice: a step of the ladder (automatic) or the office. */
export type NoticeTrigger = 'ESCALATION' | 'ON_DEMAND';

/** The steps an unacknowledged notice climbs: 催签 at the 签收 deadline, then 督办 (the office is told). */
export const NOTICE_ACK_LEVELS = ['URGE', 'SUPERVISE'] as const satisfies readonly EscalationLevel[];
export type NoticeAckLevel = (typeof NOTICE_ACK_LEVELS)[number];

/** Hours the unit has to acknowledge a notice, by default; the next step follows as long again after. */
export const DEFAULT_ACK_HOURS = 48;

/** What a notice is about: a task or an item of a unit, as it stood when the notice was issued. */
export interface NoticeSubject {
  campaignId: string;
  /** The task's stream id, or null for an item's notice. */
  taskId: string | null;
  /** The item's stream id, or null for a task's notice. */
  itemId: string | null;
  unitCode: string;
  indicatorCode: string | null;
  /** One line naming the task or item, in Chinese. */
  title: string;
  /** The deadline the unit missed or faces, when there is one. */
  dueAt: string | null;
}

export interface OfficialNoticeInput extends NoticeSubject {
  kind: NoticeKind;
  trigger: NoticeTrigger;
  /** The ladder's step that caused it (ESCALATION). */
  level: EscalationLevel | null;
  note: string;
  /** The escalation event that caused it (ESCALATION). */
  sourceEventId: string | null;
  issuedBy: Actor;
  ackHours?: number;
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: { state: OfficialNoticeState };
}

export interface OfficialNoticeState extends NoticeSubject {
  noticeId: string;
  kind: NoticeKind;
  trigger: NoticeTrigger;
  level: EscalationLevel | null;
  note: string;
  sourceEventId: string | null;
  state: NoticeState;
  /** 创文督〔2027〕12号; null until issued. */
  number: string | null;
  year: number | null;
  seq: number | null;
  issuedAt: string | null;
  issuedBy: string | null;
  ackDueAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackNote: string | null;
  escalationLevel: NoticeAckLevel | null;
  version: number;
}

export const NOTICE_ACTIONS = ['ACKNOWLEDGE'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

export type NoticeCommand = { action: 'ACKNOWLEDGE'; note?: string };

export interface NoticeActionRequest {
  command: NoticeCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** Who acknowledges: the head of the notice's unit (the unit is checked by the rule). */
export const NOTICE_ACK_ROLES: readonly Role[] = ['UNIT_HEAD'];
/** Who issues a notice on demand and replaces the templates. */
export const NOTICE_ISSUER_ROLES: readonly Role[] = ['OFFICE'];

/** The longest 签收 note and issuing note, in characters. */
export const MAX_NOTICE_NOTE_CHARS = 500;
