// The 宣传组's publicity ledger (宣传台账, plan 四(四) and 六(四), issue 20): the campaign's carriers and actions by
// channel (公益广告, 宣传栏, 横幅, 电子屏, 宣传册, 短信, 新媒体), each with its place, community or village, count,
// photos, date and the 指标 it serves as evidence for. One workflow per campaign (`publicity-ledger:{campaign}`), the
// only writer: the office records entries, corrects them and voids them with a reason (events, never deletes). The
// ledger has no deadline, so the workflow keeps no timers; it only takes actions one at a time.
import type { Actor, Role } from '../shared/actor.types';

export const PUBLICITY_CHANNELS = ['PUBLIC_SERVICE_AD', 'BULLETIN_BOARD', 'BANNER', 'ELECTRONIC_SCREEN', 'BROCHURE', 'SMS', 'NEW_MEDIA'] as const;
export type PublicityChannel = (typeof PUBLICITY_CHANNELS)[number];

/** The largest count one entry may have (pieces, boards, messages sent...). */
export const MAX_COUNT = 1_000_000;
export const MAX_ENTRIES = 3_000;
export const MAX_LOCATION_CHARS = 100;
export const MAX_NOTE_CHARS = 500;
export const MAX_REASON_CHARS = 500;
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const MAX_INDICATORS = 10;
export const MAX_CODE_CHARS = 40;

export interface PublicityPhoto {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

/** What the office enters and corrects. */
export interface PublicityEntryFields {
  channel: PublicityChannel;
  location: string;
  /** The community or village (a unit of kind COMMUNITY or VILLAGE; the service checks the kind). */
  unitCode: string;
  count: number;
  /** YYYY-MM-DD */
  heldOn: string;
  indicatorCodes: string[];
  photos: PublicityPhoto[];
  note: string;
}

export interface PublicityEntry extends PublicityEntryFields {
  entryId: string;
  voided: boolean;
  voidReason: string | null;
  recordedAt: string;
  recordedBy: string;
  correctedAt: string | null;
  /** How many times it was corrected. */
  corrections: number;
  lastReason: string | null;
}

export interface PublicityLedgerState {
  ledgerId: string;
  campaignId: string;
  entries: PublicityEntry[];
  version: number;
}

export interface PublicityLedgerInput {
  campaignId: string;
  openedBy: Actor;
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: { state: PublicityLedgerState };
}

export const PUBLICITY_ACTIONS = ['RECORD_ENTRY', 'CORRECT_ENTRY', 'VOID_ENTRY'] as const;
export type PublicityAction = (typeof PUBLICITY_ACTIONS)[number];

export type PublicityCommand =
  | ({ action: 'RECORD_ENTRY'; entryId: string } & PublicityEntryFields)
  | ({ action: 'CORRECT_ENTRY'; entryId: string; reason: string } & PublicityEntryFields)
  | { action: 'VOID_ENTRY'; entryId: string; reason: string };

export interface PublicityActionRequest {
  command: PublicityCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The office (the working groups sit in it) records, corrects and voids entries and files photos in the archive. */
export const PUBLICITY_OFFICE_ROLES: readonly Role[] = ['OFFICE'];
/** Everyone signed in reads the ledger. */
export const PUBLICITY_READER_ROLES: readonly Role[] = ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'];
