// 专项整治 drives (plan 四(三), issue 20): one drive per campaign and area (交通秩序, 市容市貌, 社会治安, 环境卫生,
// 集贸市场, 窗口服务) with a lead unit, a period, goals and participating units. The office launches and amends it and
// attaches or detaches items by hand (items of the area reported within the period belong to it without that); the
// lead unit's head hands in the closing summary, the leading group approves it or returns it with a reason.
// One workflow per (campaign, area); its events are its own stream (`special-drive:{campaign}:{area}`).
// ACTIVE → SUMMARY_SUBMITTED → (RETURNED → SUMMARY_SUBMITTED …) → CLOSED.
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';
import type { ItemArea } from '../rectification-item/rectification-item.types';
import type { UnitReportAttachment } from '../unit-report/unit-report.types';

export const SPECIAL_DRIVE_STATES = ['ACTIVE', 'SUMMARY_SUBMITTED', 'RETURNED', 'CLOSED'] as const;
export type SpecialDriveStateName = (typeof SPECIAL_DRIVE_STATES)[number];

/** The steps a missing closing summary climbs: 提醒 before the end of the period, 催办 at it, 督办 after it. */
export const DRIVE_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE'] as const satisfies readonly EscalationLevel[];
export type DriveLevel = (typeof DRIVE_LEVELS)[number];

/** Hours before the period's end for 提醒, and after it for 督办. */
export const REMINDER_BEFORE_HOURS = 72;
export const SUPERVISE_AFTER_HOURS = 72;

/** Limits of what people write: goals, the summary, reasons and notes; units per drive; items named by hand. */
export const MAX_GOALS_CHARS = 2_000;
export const MAX_SUMMARY_CHARS = 5_000;
export const MAX_REASON_CHARS = 500;
export const MAX_PARTICIPANTS = 60;
export const MAX_UNIT_CODE_CHARS = 50;
export const MAX_ITEM_ID_CHARS = 300;
/** Items attached or detached by hand, each list: the automatic rule covers the rest. */
export const MAX_MANUAL_ITEMS = 500;
/** A drive is a campaign's work: at most a year and a half. */
export const MAX_PERIOD_DAYS = 550;

export type DriveAttachment = UnitReportAttachment;

/** What the office decides: who leads, when, to what end, with whom. Dates are local dates (YYYY-MM-DD). */
export interface DrivePlan {
  leadUnitCode: string;
  startDate: string;
  endDate: string;
  goals: string;
  participatingUnitCodes: string[];
}

/** The ladder's hours: 提醒 before the deadline, 督办 after it (催办 is at it). */
export interface DriveLadder {
  reminderBeforeHours: number;
  superviseAfterHours: number;
}

export const DEFAULT_DRIVE_LADDER: DriveLadder = { reminderBeforeHours: REMINDER_BEFORE_HOURS, superviseAfterHours: SUPERVISE_AFTER_HOURS };

export interface SpecialDriveInput {
  campaignId: string;
  area: ItemArea;
  /** The campaign's time zone: the period's dates are local dates there. */
  timeZone: string;
  plan: DrivePlan;
  launchedBy: Actor;
  /** The summary's deadline instead of the end date's end (tests, demo). */
  dueAt?: string;
  /** DEFAULT_DRIVE_LADDER when absent. */
  ladder?: DriveLadder;
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: { state: SpecialDriveState };
}

export interface DriveSummary {
  text: string;
  attachments: DriveAttachment[];
  submittedAt: string;
  submittedBy: string;
}

export interface SpecialDriveState {
  driveId: string;
  campaignId: string;
  area: ItemArea | null;
  timeZone: string;
  plan: DrivePlan;
  /** The period as instants: the start date's 0:00 and the day after the end date's 0:00, local time. */
  startsAt: string;
  endsAt: string;
  /** When the closing summary is due: the end of the period unless the launch said otherwise. */
  dueAt: string;
  state: SpecialDriveStateName;
  /** Items the office attached by hand (whatever their area or date), and items it took out of the automatic rule. */
  attachedItemIds: string[];
  detachedItemIds: string[];
  summary: DriveSummary | null;
  submissions: number;
  returnReason: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approveNote: string | null;
  escalationLevel: DriveLevel | null;
  launchedAt: string | null;
  launchedBy: string | null;
  amendments: number;
  version: number;
}

export const DRIVE_ACTIONS = ['AMEND', 'ATTACH_ITEM', 'DETACH_ITEM', 'SUBMIT_SUMMARY', 'APPROVE', 'RETURN'] as const;
export type DriveAction = (typeof DRIVE_ACTIONS)[number];

export type DriveCommand =
  | ({ action: 'AMEND' } & DrivePlan)
  | { action: 'ATTACH_ITEM'; itemId: string }
  | { action: 'DETACH_ITEM'; itemId: string; reason: string }
  | { action: 'SUBMIT_SUMMARY'; text: string; attachments: DriveAttachment[] }
  | { action: 'APPROVE'; note?: string }
  | { action: 'RETURN'; reason: string };

export interface DriveActionRequest {
  command: DriveCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The office launches and runs a drive; the lead unit's head hands in the summary; the leading group approves it. */
export const DRIVE_OFFICE_ROLES: readonly Role[] = ['OFFICE'];
export const DRIVE_SUMMARY_ROLES: readonly Role[] = ['UNIT_HEAD'];
export const DRIVE_REVIEW_ROLES: readonly Role[] = ['LEADER'];
