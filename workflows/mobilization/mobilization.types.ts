// Mobilization (动员部署, plan 五(一), phase MOBILIZATION): the office issues a mobilization document (实施方案 or 通知)
// to all units or chosen ones, asking each to acknowledge it (签收) and, where the document says so, to submit its own
// 工作实施方案 and to register its 创文责任小组 by a deadline; the office approves each unit's submission or returns
// it with a reason. One workflow per document (`mobilization-doc-{uuid}`) and one per (document, unit) response
// (`mobilization-resp-{document uuid}-{unit code}`), started durably from the workflow outbox when the document is
// issued. A missing submission climbs the ladder 提醒 (before dueAt) → 催办 (at dueAt) → 督办 (after).
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';

/** 实施方案 or 通知. */
export const MOBILIZATION_DOC_KINDS = ['IMPLEMENTATION_PLAN', 'NOTICE'] as const;
export type MobilizationDocKind = (typeof MOBILIZATION_DOC_KINDS)[number];

/** A file kept in the file store under its SHA-256 (the document's file, a unit's plan). */
export interface MobilizationFile {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface MobilizationDocInput {
  campaignId: string;
  kind: MobilizationDocKind;
  title: string;
  summary: string;
  file: MobilizationFile;
  /** The units it is issued to, in order, without repeats (the API resolves "all units"). */
  unitCodes: string[];
  requiresPlan: boolean;
  requiresGroup: boolean;
  dueAt: string;
  issuedBy: Actor;
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: { state: MobilizationDocState };
}

/** PENDING only between the workflow's start and its first record; DUE once its deadline has passed. */
export const MOBILIZATION_DOC_STATES = ['PENDING', 'ISSUED', 'DUE'] as const;
export type MobilizationDocStatus = (typeof MOBILIZATION_DOC_STATES)[number];

export interface MobilizationDocState {
  documentId: string;
  campaignId: string;
  kind: MobilizationDocKind;
  title: string;
  summary: string;
  file: MobilizationFile | null;
  unitCodes: string[];
  requiresPlan: boolean;
  requiresGroup: boolean;
  dueAt: string;
  status: MobilizationDocStatus;
  issuedAt: string | null;
  issuedBy: string | null;
  version: number;
}

/** What the unit hands in for review: its plan and its group, as the document asks. */
export const REVIEW_STATES = ['NONE', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** The ladder of a missing submission: 提醒 before dueAt, 催办 at it, 督办 after. */
export const MOBILIZATION_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE'] as const satisfies readonly EscalationLevel[];
export type MobilizationLevel = (typeof MOBILIZATION_LEVELS)[number];

/** A 创文责任小组: a leader, members (bounded), a contact phone. */
export interface ResponsibleGroup {
  leader: string;
  members: string[];
  phone: string;
}

export interface MobilizationResponseInput {
  documentId: string;
  campaignId: string;
  unitCode: string;
  title: string;
  requiresPlan: boolean;
  requiresGroup: boolean;
  dueAt: string;
  /** Hours before dueAt for 提醒, and after dueAt for 督办 (tests shorten them). */
  reminderBeforeHours?: number;
  superviseAfterHours?: number;
  historyLimit?: number;
  resume?: { state: MobilizationResponseState };
}

export interface MobilizationResponseState {
  responseId: string;
  documentId: string;
  campaignId: string;
  unitCode: string;
  title: string;
  requiresPlan: boolean;
  requiresGroup: boolean;
  dueAt: string;
  /** False until the response's first record (MobilizationResponseOpened). */
  opened: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  plan: { file: MobilizationFile; summary: string; submittedAt: string } | null;
  group: (ResponsibleGroup & { registeredAt: string }) | null;
  review: ReviewState;
  reviewedAt: string | null;
  reviewedBy: string | null;
  returnReason: string | null;
  /** How often the office returned it. */
  returns: number;
  escalationLevel: MobilizationLevel | null;
  version: number;
}

export const RESPONSE_ACTIONS = ['ACKNOWLEDGE', 'SUBMIT_PLAN', 'REGISTER_GROUP', 'APPROVE', 'RETURN'] as const;
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

export type ResponseCommand =
  | { action: 'ACKNOWLEDGE'; note?: string }
  | { action: 'SUBMIT_PLAN'; file: MobilizationFile; summary: string }
  | { action: 'REGISTER_GROUP'; group: ResponsibleGroup }
  | { action: 'APPROVE'; note?: string }
  | { action: 'RETURN'; reason: string };

export interface ResponseActionRequest {
  command: ResponseCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The unit's people act on their own unit's response; the office issues, approves and returns. */
export const MOBILIZATION_UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
export const MOBILIZATION_OFFICE_ROLES: readonly Role[] = ['OFFICE'];
export const RESPONSE_ACTION_ROLES: Record<ResponseAction, readonly Role[]> = {
  ACKNOWLEDGE: MOBILIZATION_UNIT_ROLES,
  SUBMIT_PLAN: MOBILIZATION_UNIT_ROLES,
  REGISTER_GROUP: MOBILIZATION_UNIT_ROLES,
  APPROVE: MOBILIZATION_OFFICE_ROLES,
  RETURN: MOBILIZATION_OFFICE_ROLES,
};

// Limits of every input, in characters (counted by code point) or items.
export const MAX_TITLE_CHARS = 100;
export const MAX_SUMMARY_CHARS = 2_000;
export const MAX_NOTE_CHARS = 500;
export const MAX_REASON_CHARS = 500;
export const MAX_NAME_CHARS = 30;
export const MAX_GROUP_MEMBERS = 30;
export const MAX_UNITS = 500;
/** A mainland mobile (11 digits, 1[3-9]…) or a landline (area code 0xx(x)-, 7–8 digits, optional extension). */
export const PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

/** Default ladder hours: 提醒 a day before dueAt, 督办 two days after it. */
export const DEFAULT_REMINDER_BEFORE_HOURS = 24;
export const DEFAULT_SUPERVISE_AFTER_HOURS = 48;

/** Who each step tells: the unit's people and its head; from 督办 the office as well. */
export const MOBILIZATION_NOTIFY: Record<MobilizationLevel, Role[]> = {
  REMINDER: ['UNIT_MEMBER', 'UNIT_HEAD'],
  URGE: ['UNIT_MEMBER', 'UNIT_HEAD'],
  SUPERVISE: ['UNIT_MEMBER', 'UNIT_HEAD', 'OFFICE'],
};
