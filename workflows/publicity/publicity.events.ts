// Domain events of the publicity ledger. Every event names its campaign; a correction carries the whole corrected
// entry and its reason, a voiding its reason: the entry is never deleted.
import type { PublicityEntryFields } from './publicity.types';

type About = { campaignId: string };

export type PublicityEvent =
  | { type: 'PublicityLedgerOpened'; data: About }
  | { type: 'PublicityEntryRecorded'; data: About & { entryId: string } & PublicityEntryFields }
  | { type: 'PublicityEntryCorrected'; data: About & { entryId: string; reason: string } & PublicityEntryFields }
  | { type: 'PublicityEntryVoided'; data: About & { entryId: string; reason: string } };

export type PublicityEventType = PublicityEvent['type'];
