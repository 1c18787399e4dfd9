// The only place SQL about reports lives: a campaign's events up to an instant, read by position in batches
// inside one read-only snapshot, and the reference data (units, indicators) the reports name.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../app/app.tokens';
import type { Db } from '../database/database';
import type { StoredEvent } from '../event-store/event-store.types';
import type { IndicatorView, UnitView } from '../indicator-task/indicator-task.repository';

/** Events read per query: a few MB of rows at most, whatever the campaign holds. */
export const REPLAY_BATCH = 5_000;

/** The kinds of stream the reports fold: the first part of a stream id (`indicator-task:{campaign}:…`). */
export type ReportStreamKind = 'indicator-task' | 'rectification-item';

@Injectable()
export class ReportsRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /**
   * Hands every event of the campaign's streams of `kinds` that occurred at or before `asOf` to `visit`, in
   * position order, `batchSize` at a time. One repeatable-read snapshot: events appended meanwhile are not seen,
   * so every stream is read as one consistent prefix. Walks the index of migration 0010 (campaign, position), or
   * the primary key where the campaign is most of the table; either way each batch reads about `batchSize` rows.
   * Returns the number of rows read.
   */
  async replay(campaignId: string, asOf: Date, kinds: readonly ReportStreamKind[], visit: (event: StoredEvent) => void, batchSize = REPLAY_BATCH): Promise<number> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        let after = '0';
        let count = 0;
        for (;;) {
          const rows = await trx
            .selectFrom('events')
            // What the folds read, in the forms cheapest to decode: at 10^5–10^6 events the time goes into turning
            // rows into objects (a uuid, the whole actor, a timestamp string each), not into the query.
            .select([
              'position',
              'stream_id',
              'stream_version',
              'type',
              'data',
              sql<string | null>`metadata->'actor'->>'userId'`.as('actor_id'),
              sql<number>`(extract(epoch from occurred_at) * 1000)::float8`.as('at'),
            ])
            // Only the campaign and the position in SQL: a condition on the stream's kind as well makes the planner
            // misjudge how many rows match and sort a sequential scan per batch instead of walking an index.
            .where(sql<string>`split_part(stream_id, ':', 2)`, '=', campaignId)
            .where('position', '>', after)
            .where('occurred_at', '<=', asOf)
            .orderBy('position')
            .limit(batchSize)
            .execute();
          for (const r of rows) {
            if (!kinds.includes(r.stream_id.slice(0, r.stream_id.indexOf(':')) as ReportStreamKind)) continue;
            visit({
              position: r.position,
              eventId: '', // not read: the folds need no idempotency key
              streamId: r.stream_id,
              streamVersion: r.stream_version,
              type: r.type,
              data: r.data,
              metadata: { actor: { userId: r.actor_id ?? '' } },
              occurredAt: new Date(r.at),
            });
          }
          count += rows.length;
          if (rows.length < batchSize) return count;
          after = rows[rows.length - 1].position;
        }
      });
  }

  /** When the campaign began: its creation, or its first event when that is earlier (data carried over). */
  async campaignStart(campaignId: string): Promise<Date | null> {
    const campaign = await this.db.selectFrom('campaigns').select('created_at').where('id', '=', campaignId).executeTakeFirst();
    if (!campaign) return null;
    const first = await this.db
      .selectFrom('events')
      .select('occurred_at')
      .where(sql<string>`split_part(stream_id, ':', 2)`, '=', campaignId)
      .orderBy('position')
      .limit(1)
      .executeTakeFirst();
    return first && first.occurred_at < campaign.created_at ? first.occurred_at : campaign.created_at;
  }

  async units(): Promise<Map<string, UnitView>> {
    const rows = await this.db.selectFrom('units').select(['code', 'name', 'kind']).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  async unit(code: string): Promise<UnitView | undefined> {
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();
  }

  /** Indicators as cards show them (with their assessment item's name), by code. */
  async indicators(codes: readonly string[]): Promise<Map<string, IndicatorView>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('indicators as i')
      .innerJoin('assessment_items as ai', 'ai.code', 'i.item_code')
      .select(['i.code', 'ai.name as item_name', 'i.name', 'i.method', 'i.points', 'i.standard', 'i.area'])
      .where('i.code', 'in', [...new Set(codes)])
      .execute();
    return new Map(
      rows.map((r) => [r.code, { code: r.code, itemName: r.item_name, name: r.name, method: r.method, points: Number(r.points), standard: r.standard, area: r.area }]),
    );
  }

  /** The ids sorted as PostgreSQL sorts text (the database's collation), as the live board's ORDER BY does. */
  async collationOrder(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<{ id: string }>`select id from unnest(${[...ids]}::text[]) as t(id) order by id`.execute(this.db);
    return rows.map((r) => r.id);
  }
}
