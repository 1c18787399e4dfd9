// What the publicity ledger's service answers and the export writes: the filtered entries and the counts.
import type { CampaignView } from '../campaign/campaign.repository';
import type { EntryRow } from './publicity.repository';

export interface CountView {
  key: string;
  label: string;
  entries: number;
  count: number;
}

export interface PublicityLedgerView {
  campaign: CampaignView;
  entries: EntryRow[];
  totalEntries: number;
  totalCount: number;
  byCommunity: CountView[];
  byChannel: CountView[];
  byMonth: CountView[];
  communities: { code: string; name: string; kind: string }[];
  /** The archive library's sources of the photos already filed. */
  archived: Set<string>;
}
