// Activity records (活动组, issue 20): the activities group's civic activities — 市民教育, 志愿服务, 文化科技卫生下乡,
// 征集展出 and others — planned by the office for an organiser unit on a date at a place, serving catalog indicators.
// The organiser's people (or the office) record it as 举办 (actual date, attendance, photos, summary); the office may
// cancel it with a reason. One workflow per activity (`activity:{campaign}:{key}`): once its planned date has passed
// without 举办 recorded, the organiser is told (提醒), then the office (催办). A held activity's photos and summary can
// go to the archive library as evidence for its indicators.
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';

export const ACTIVITY_STATES = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export type ActivityStateName = (typeof ACTIVITY_STATES)[number];

/** 市民教育 / 志愿服务 / 下乡（文化科技卫生下乡） / 征集展出 / 其他. */
export const ACTIVITY_KINDS = ['CIVIC_EDUCATION', 'VOLUNTEER_SERVICE', 'COUNTRYSIDE_OUTREACH', 'COLLECTION_EXHIBITION', 'OTHER'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The steps of an activity whose 举办 is not recorded after its date: 提醒 the organiser, then 催办 the office. */
export const ACTIVITY_LEVELS = ['REMINDER', 'URGE'] as const satisfies readonly EscalationLevel[];
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];

/** Limits: characters of the title, place, summary and reason; indicators, photos, attendance. */
export const MAX_ACTIVITY_TITLE_CHARS = 100;
export const MAX_ACTIVITY_PLACE_CHARS = 100;
export const MAX_ACTIVITY_SUMMARY_CHARS = 2000;
export const MAX_ACTIVITY_REASON_CHARS = 500;
export const MAX_ACTIVITY_INDICATORS = 20;
export const MAX_ACTIVITY_PHOTOS = 9;
export const MAX_ATTENDANCE = 1_000_000;

/** Hours after the end of the planned date: 提醒 the organiser at once (0), 催办 the office two days later. */
export interface ActivityLadder {
  reminderAfterHours: number;
  urgeAfterHours: number;
}
export const DEFAULT_ACTIVITY_LADDER: ActivityLadder = { reminderAfterHours: 0, urgeAfterHours: 48 };

/** A photo of a held activity: a file in the file store, named by its content's SHA-256. */
export interface ActivityPhoto {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

/** What an activity is: its campaign, kind, title, organiser, planned date, place and the indicators it serves. */
export interface ActivitySubject {
  campaignId: string;
  kind: ActivityKind;
  title: string;
  organiserUnitCode: string;
  /** YYYY-MM-DD, a local date of the campaign. */
  plannedDate: string;
  place: string;
  /** Catalog indicator codes, each once. */
  indicatorCodes: string[];
  /** The end of the planned date: 举办 is owed from then. */
  dueAt: string;
}

export interface ActivityInput extends ActivitySubject {
  plannedBy: Actor;
  ladder?: ActivityLadder;
  historyLimit?: number;
  resume?: { state: ActivityState };
}

export interface ActivityState extends ActivitySubject {
  activityId: string;
  state: ActivityStateName;
  plannedAt: string | null;
  plannedBy: string | null;
  heldDate: string | null;
  attendance: number | null;
  photos: ActivityPhoto[];
  summary: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  escalationLevel: ActivityLevel | null;
  version: number;
}

export const ACTIVITY_ACTIONS = ['RECORD_HELD', 'CANCEL'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export type ActivityCommand =
  | { action: 'RECORD_HELD'; heldDate: string; attendance: number; photos: ActivityPhoto[]; summary: string }
  | { action: 'CANCEL'; reason: string };

export interface ActivityActionRequest {
  command: ActivityCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The office plans and cancels any activity, and may record any as held. */
export const ACTIVITY_OFFICE_ROLES: readonly Role[] = ['OFFICE'];
/** An organiser unit's head and members record their own unit's activity as held. */
export const ACTIVITY_UNIT_ROLES: readonly Role[] = ['UNIT_HEAD', 'UNIT_MEMBER'];
/** Who may put a held activity into the archive library as evidence. */
export const ACTIVITY_ARCHIVE_ROLES: readonly Role[] = ['OFFICE', 'ARCHIVIST'];
