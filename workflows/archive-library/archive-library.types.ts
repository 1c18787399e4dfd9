// The campaign's archive library (档案库, plan 五(四)1): documents that belong to no single task — 方案, 简报,
// 会议纪要, 活动照片 and others — each a file in the file store with a title and a kind, tagged to the 测评项目 and
// 指标 it serves as evidence for. One workflow per document: the office (or a unit, for its own) submits it, the
// archivist accepts it or returns it with a reason, a returned one is resubmitted. System documents (a published
// briefing) are registered already accepted, once per `source`.
import type { Actor, Role } from '../shared/actor.types';

export const LIBRARY_KINDS = ['PLAN', 'BRIEFING', 'MINUTES', 'PHOTO', 'OTHER'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** PENDING only between the workflow's start and its first record. */
export const LIBRARY_STATES = ['PENDING', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type LibraryState = (typeof LIBRARY_STATES)[number];

/** A file kept in the file store, named by its content's SHA-256. */
export interface LibraryFile {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

/** What a document is tagged to: a 测评项目 (ITEM) or an 指标 (INDICATOR) of the catalog, by code. */
export interface LibraryTag {
  kind: 'ITEM' | 'INDICATOR';
  code: string;
}

export interface LibraryDocumentContent {
  campaignId: string;
  title: string;
  kind: LibraryKind;
  file: LibraryFile;
  /** The unit whose document it is; null for the office's (campaign-level) documents. */
  unitCode: string | null;
  tags: LibraryTag[];
}

export interface LibraryDocumentInput extends LibraryDocumentContent {
  submittedBy: Actor;
  /** A system document's origin (`briefing:<id>`): registered already accepted. Null for people's documents. */
  source: string | null;
}

export interface LibraryDocumentState extends LibraryDocumentContent {
  documentId: string;
  source: string | null;
  state: LibraryState;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  reviewNote: string | null;
  /** How many times it was handed in (1 for the first submission). */
  rounds: number;
  version: number;
}

export const LIBRARY_ACTIONS = ['ACCEPT', 'RETURN', 'RESUBMIT'] as const;
export type LibraryAction = (typeof LIBRARY_ACTIONS)[number];

export type LibraryCommand =
  | { action: 'ACCEPT'; note?: string }
  | { action: 'RETURN'; reason: string }
  | { action: 'RESUBMIT'; title: string; file: LibraryFile; tags: LibraryTag[]; note?: string };

export interface LibraryActionRequest {
  command: LibraryCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** Who reviews library documents. */
export const LIBRARY_REVIEWER_ROLES: readonly Role[] = ['ARCHIVIST'];
/** Who hands documents in: the office for the campaign, a unit for its own. */
export const LIBRARY_SUBMITTER_ROLES: readonly Role[] = ['OFFICE', 'UNIT_HEAD', 'UNIT_MEMBER'];

export const MAX_LIBRARY_TITLE_CHARS = 100;
export const MAX_LIBRARY_REASON_CHARS = 500;
export const MAX_LIBRARY_TAGS = 20;
