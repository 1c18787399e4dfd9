// Units' monthly reports (单位每月专题汇报, plan 五(二)2, issue 19): each month each unit reports its 工作进展, 存在问题 and
// 下步打算 with attachments, by a due day the office sets. One workflow per (campaign, unit, month); its events are
// its own stream (`unit-report:{campaign}:{unit}:{month}`). OPEN → SUBMITTED → (RETURNED → SUBMITTED …) → ACCEPTED.
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';

export const UNIT_REPORT_STATES = ['OPEN', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type UnitReportStateName = (typeof UNIT_REPORT_STATES)[number];

/** The steps a missing report climbs: 提醒 before the due day, 催报 at it, 督办 after it. */
export const UNIT_REPORT_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE'] as const satisfies readonly EscalationLevel[];
export type UnitReportLevel = (typeof UNIT_REPORT_LEVELS)[number];

/** The due day of the month a campaign uses until the office sets one; the office may choose 1–28. */
export const DEFAULT_DUE_DAY = 25;
export const MIN_DUE_DAY = 1;
export const MAX_DUE_DAY = 28;

/** Hours before the deadline for 提醒, and after it for 督办. */
export const REMINDER_BEFORE_HOURS = 72;
export const SUPERVISE_AFTER_HOURS = 72;

/** Limits of one report: characters per part, attachments and their bytes (each, and all together). */
export const MAX_REPORT_PART_CHARS = 5_000;
export const MAX_REASON_CHARS = 500;
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_TOTAL_BYTES = 50 * 1024 * 1024;

export interface UnitReportAttachment {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface UnitReportContent {
  progress: string;
  problems: string;
  nextSteps: string;
  attachments: UnitReportAttachment[];
}

/** What a report is: whose, which month, due when. */
export interface UnitReportSubject {
  campaignId: string;
  unitCode: string;
  /** YYYY-MM */
  month: string;
  /** The end of the due day (24:00 in the campaign's time zone). */
  dueAt: string;
  dueDay: number;
}

/** The ladder's hours: 提醒 before the due time, 督办 after it (催报 is at it). */
export interface UnitReportLadder {
  reminderBeforeHours: number;
  superviseAfterHours: number;
}

export const DEFAULT_UNIT_REPORT_LADDER: UnitReportLadder = { reminderBeforeHours: REMINDER_BEFORE_HOURS, superviseAfterHours: SUPERVISE_AFTER_HOURS };

export interface UnitReportInput extends UnitReportSubject {
  openedBy: Actor;
  /** DEFAULT_UNIT_REPORT_LADDER when absent. */
  ladder?: UnitReportLadder;
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: { state: UnitReportState };
}

export interface UnitReportState extends UnitReportSubject {
  reportId: string;
  state: UnitReportStateName;
  content: UnitReportContent | null;
  submittedAt: string | null;
  submittedBy: string | null;
  /** How many times it was handed in (a resubmission counts). */
  submissions: number;
  /** Whether the first submission came after the due time. */
  late: boolean;
  returnReason: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
  acceptNote: string | null;
  escalationLevel: UnitReportLevel | null;
  version: number;
}

export const UNIT_REPORT_ACTIONS = ['SUBMIT', 'ACCEPT', 'RETURN'] as const;
export type UnitReportAction = (typeof UNIT_REPORT_ACTIONS)[number];

export type UnitReportCommand =
  | ({ action: 'SUBMIT' } & UnitReportContent)
  | { action: 'ACCEPT'; note?: string }
  | { action: 'RETURN'; reason: string };

export interface UnitReportActionRequest {
  command: UnitReportCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The unit's people submit (their own unit, checked by the rule); the office accepts, returns and opens months. */
export const UNIT_REPORT_SUBMIT_ROLES: readonly Role[] = ['UNIT_HEAD', 'UNIT_MEMBER'];
export const UNIT_REPORT_REVIEW_ROLES: readonly Role[] = ['OFFICE'];
