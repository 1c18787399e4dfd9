// Briefings and circulars (工作简报 / 督查通报, issue 19, 统筹策划组): the office drafts one (text in sections and
// attachments), submits it, a leader approves it or returns it with a reason, and the office publishes it with a
// number per kind and year (创文简报〔2027〕第5期, 督查通报〔2027〕第2期). Published ones are read-only and visible to
// every unit. A circular may name units: each named unit's head acknowledges it (签收) by a deadline, and those
// who do not are reminded, urged and supervised (提醒 → 催办 → 督办). One workflow per briefing; its events are
// its own stream (`briefing-…`).
import type { Actor, Role } from '../shared/actor.types';

/** 工作简报, 督查通报. */
export const BRIEFING_KINDS = ['WORK_BRIEFING', 'SUPERVISION_CIRCULAR'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

/** 草稿 → 待审批 → 已批准 → 已印发; a return goes back to DRAFT. */
export const BRIEFING_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED'] as const;
export type BriefingState = (typeof BRIEFING_STATES)[number];

/** The steps an unacknowledged circular climbs for the units that have not acknowledged it. */
export const BRIEFING_ACK_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE'] as const;
export type BriefingAckLevel = (typeof BRIEFING_ACK_LEVELS)[number];

export interface BriefingSection {
  heading: string;
  body: string;
}

/** An attachment, kept in the file store under its SHA-256. */
export interface BriefingAttachment {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

/** What the office writes and may change while it is a draft. */
export interface BriefingDraft {
  title: string;
  sections: BriefingSection[];
  attachments: BriefingAttachment[];
  /** Units a circular names (empty for a 工作简报): each must acknowledge it once published. */
  namedUnits: string[];
  /** Days the named units have to acknowledge it once published. */
  ackDays: number;
}

export interface BriefingUnitAck {
  unitCode: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  note: string | null;
}

export interface BriefingInput {
  campaignId: string;
  kind: BriefingKind;
  draft: BriefingDraft;
  createdBy: Actor;
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: { state: BriefingStateView };
}

export interface BriefingStateView extends BriefingDraft {
  briefingId: string;
  campaignId: string;
  kind: BriefingKind;
  state: BriefingState;
  createdAt: string | null;
  createdBy: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvalNote: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  /** 创文简报〔2027〕第5期; null until published. */
  number: string | null;
  year: number | null;
  seq: number | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** The PDF rendered on publish, in the file store (what the archive library takes: briefingPdfForArchive). */
  pdfSha256: string | null;
  pdfName: string | null;
  ackDueAt: string | null;
  acks: BriefingUnitAck[];
  escalationLevel: BriefingAckLevel | null;
  version: number;
}

export const BRIEFING_ACTIONS = ['UPDATE_DRAFT', 'SUBMIT', 'APPROVE', 'RETURN', 'PUBLISH', 'ACKNOWLEDGE'] as const;
export type BriefingAction = (typeof BRIEFING_ACTIONS)[number];

/** What the workflow adds to a PUBLISH: the number it took and the PDF it rendered (never the caller). */
export interface BriefingPublication {
  number: string;
  year: number;
  seq: number;
  pdfSha256: string;
  pdfName: string;
  pdfSize: number;
  publishedAt: string;
}

export type BriefingCommand =
  | { action: 'UPDATE_DRAFT'; draft: BriefingDraft }
  | { action: 'SUBMIT' }
  | { action: 'APPROVE'; note?: string }
  | { action: 'RETURN'; reason: string }
  | { action: 'PUBLISH'; publication?: BriefingPublication }
  | { action: 'ACKNOWLEDGE'; note?: string };

export interface BriefingActionRequest {
  command: BriefingCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** Who does what: the office writes, submits and publishes; a leader approves or returns; a named unit's head acknowledges. */
export const BRIEFING_ROLES: Record<BriefingAction, readonly Role[]> = {
  UPDATE_DRAFT: ['OFFICE'],
  SUBMIT: ['OFFICE'],
  APPROVE: ['LEADER'],
  RETURN: ['LEADER'],
  PUBLISH: ['OFFICE'],
  ACKNOWLEDGE: ['UNIT_HEAD'],
};

// Limits of what a draft may hold; every check is linear in the input's size.
export const MAX_TITLE_CHARS = 100;
export const MAX_SECTIONS = 20;
export const MAX_HEADING_CHARS = 50;
export const MAX_SECTION_CHARS = 5_000;
export const MAX_TOTAL_CHARS = 30_000;
export const MAX_ATTACHMENTS = 10;
export const MAX_NAMED_UNITS = 100;
export const MAX_NOTE_CHARS = 500;
export const MAX_UNIT_CODE_CHARS = 64;
export const DEFAULT_ACK_DAYS = 3;
export const MAX_ACK_DAYS = 30;
