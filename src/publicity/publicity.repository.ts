// All of the publicity ledger's SQL: the ledger's version, its entries filtered by community, channel, month and
// indicator, the counts per community, channel and month (voided entries left out), communities and villages, the
// catalog's indicator codes, people's names and which photos are already in the archive library.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Database } from '../platform/database/database.types';
import type { Db } from '../platform/database/database';
import type { PublicityChannel, PublicityPhoto } from '../../workflows/publicity/publicity.types';

export const COMMUNITY_KINDS = ['COMMUNITY', 'VILLAGE'] as const;
/** The archive library's `source` of an entry's photo: registering it again answers the same document. */
export const photoSource = (entryId: string, sha256: string) => `publicity:${entryId}:${sha256}`;

export interface PublicityFilterArgs {
  unitCode: string | null;
  channel: PublicityChannel | null;
  month: string | null;
  indicatorCode: string | null;
}

export interface EntryRow {
  id: string;
  campaignId: string;
  channel: PublicityChannel;
  location: string;
  unitCode: string;
  count: number;
  heldOn: string;
  month: string;
  indicatorCodes: string[];
  photos: PublicityPhoto[];
  note: string;
  voided: boolean;
  voidReason: string | null;
  recordedAt: Date;
  recordedBy: string;
  correctedAt: Date | null;
  corrections: number;
  lastReason: string | null;
}

export interface CountRow {
  key: string;
  entries: number;
  count: number;
}

const COLUMNS = [
  'entry_id',
  'campaign_id',
  'channel',
  'location',
  'unit_code',
  'count',
  'held_on',
  'month',
  'indicator_codes',
  'photos',
  'note',
  'voided',
  'void_reason',
  'recorded_at',
  'recorded_by',
  'corrected_at',
  'corrections',
  'last_reason',
] as const;

function toEntry(r: Selectable<Database['publicity_entries']>): EntryRow {
  return {
    id: r.entry_id,
    campaignId: r.campaign_id,
    channel: r.channel as PublicityChannel,
    location: r.location,
    unitCode: r.unit_code,
    count: r.count,
    heldOn: r.held_on,
    month: r.month,
    indicatorCodes: r.indicator_codes,
    photos: r.photos as unknown as PublicityPhoto[],
    note: r.note,
    voided: r.voided,
    voidReason: r.void_reason,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    correctedAt: r.corrected_at,
    corrections: r.corrections,
    lastReason: r.last_reason,
  };
}

function filtered<O>(query: SelectQueryBuilder<Database, 'publicity_entries', O>, campaignId: string, f: PublicityFilterArgs): SelectQueryBuilder<Database, 'publicity_entries', O> {
  let q = query.where('campaign_id', '=', campaignId);
  if (f.unitCode !== null) q = q.where('unit_code', '=', f.unitCode);
  if (f.channel !== null) q = q.where('channel', '=', f.channel);
  if (f.month !== null) q = q.where('month', '=', f.month);
  if (f.indicatorCode !== null) q = q.where(sql<boolean>`indicator_codes @> array[${f.indicatorCode}]::text[]`);
  return q;
}

@Injectable()
export class PublicityRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async version(campaignId: string): Promise<number> {
    return (await this.db.selectFrom('publicity_ledgers').select('version').where('campaign_id', '=', campaignId).executeTakeFirst())?.version ?? 0;
  }

  async entry(entryId: string): Promise<EntryRow | null> {
    const row = await this.db.selectFrom('publicity_entries').select(COLUMNS).where('entry_id', '=', entryId).executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  /** The entries matching the filters, newest date first. */
  async entries(campaignId: string, f: PublicityFilterArgs): Promise<EntryRow[]> {
    const rows = await filtered(this.db.selectFrom('publicity_entries').select(COLUMNS), campaignId, f).orderBy('held_on', 'desc').orderBy('recorded_at', 'desc').orderBy('entry_id').execute();
    return rows.map(toEntry);
  }

  /** Entries and the sum of counts per community, channel or month, voided entries left out. */
  async counts(campaignId: string, f: PublicityFilterArgs, by: 'unit_code' | 'channel' | 'month'): Promise<CountRow[]> {
    const rows = await filtered(this.db.selectFrom('publicity_entries').select([sql<string>`${sql.ref(by)}`.as('key'), sql<string>`count(*)`.as('entries'), sql<string>`sum(count)`.as('total')]), campaignId, f)
      .where('voided', '=', false)
      .groupBy(by)
      .orderBy(by)
      .execute();
    return rows.map((r) => ({ key: r.key, entries: Number(r.entries), count: Number(r.total) }));
  }

  /** The communities and villages; `code` given: that one only if it is one. */
  async communities(code: string | null = null): Promise<{ code: string; name: string; kind: string }[]> {
    let query = this.db.selectFrom('units').select(['code', 'name', 'kind']).where('kind', 'in', [...COMMUNITY_KINDS]);
    if (code !== null) query = query.where('code', '=', code);
    return query.orderBy('code').execute();
  }

  async units(codes: readonly string[]): Promise<Map<string, { code: string; name: string; kind: string }>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...codes]).execute();
    return new Map(rows.map((u) => [u.code, u]));
  }

  /** Which of `codes` are 指标 of the catalog. */
  async knownIndicators(codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db.selectFrom('indicators').select('code').where('code', 'in', [...codes]).execute();
    return new Set(rows.map((r) => r.code));
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** The archive library's sources among these entries' photos: those already filed. */
  async archivedSources(sources: readonly string[]): Promise<Set<string>> {
    if (sources.length === 0) return new Set();
    const rows = await this.db.selectFrom('archive_documents').select('source').where('source', 'in', [...sources]).execute();
    return new Set(rows.flatMap((r) => (r.source ? [r.source] : [])));
  }
}
