// The only place SQL about reports lives: a campaign's events up to an instant, read by position in batches
// inside one read-only snapshot, and the reference data (units, indicators) the reports name.
import type { AppraisalState } from '../../workflows/appraisal/appraisal.types';
import type { SelfEvaluationState } from '../../workflows/self-evaluation/self-evaluation.types';
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { StoredEvent } from '../platform/event-store/event-store.types';
import type { IndicatorView, UnitView } from '../indicator-task/indicator-task.repository';

/** Events read per query: a few MB of rows at most, whatever the campaign holds. */
export const REPLAY_BATCH = 5_000;

/**
 * What the folds read of an event row, in the forms cheapest to decode: at 10^5–10^6 events the time goes into
 * turning rows into objects (a uuid, the whole actor, a timestamp string each), not into the query.
 */
export const FOLD_COLUMNS = [
  'position',
  'stream_id',
  'stream_version',
  'type',
  'data',
  sql<string | null>`metadata->'actor'->>'userId'`.as('actor_id'),
  sql<number>`(extract(epoch from occurred_at) * 1000)::float8`.as('at'),
] as const;

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
            .select(FOLD_COLUMNS)
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
            visit(toStoredEvent(r));
          }
          count += rows.length;
          if (rows.length < batchSize) return count;
          after = rows[rows.length - 1].position;
        }
      });
  }

  /**
   * Hands the events of one unit's streams that occurred at or before `asOf` to `visit`, stream by stream in
   * version order: the tasks the unit does or leads now, those it did or led before a reassignment or a new
   * breakdown moved them (found through the events that record the previous unit, migration 0019), and the
   * rectification items linked to them. Never the rest of the campaign's log. One repeatable-read snapshot, so a
   * task moved meanwhile is either found by its card or by its event. Returns the number of event rows read.
   */
  async replayUnit(campaignId: string, unitCode: string, asOf: Date, visit: (event: StoredEvent) => void, batchSize = REPLAY_BATCH): Promise<number> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const { rows: tasks } = await sql<{ id: string }>`
          select task_id as id from indicator_task_cards
           where campaign_id = ${campaignId} and (unit_code = ${unitCode} or lead_unit_code = ${unitCode})
          union
          select stream_id from events
           where type = 'TaskReassigned' and data->>'previousUnitCode' = ${unitCode} and split_part(stream_id, ':', 2) = ${campaignId}
          union
          select stream_id from events
           where type = 'TaskBreakdownChanged' and data->>'previousLeadUnitCode' = ${unitCode} and split_part(stream_id, ':', 2) = ${campaignId}`.execute(trx);
        const taskIds = tasks.map((t) => t.id);
        const items = taskIds.length === 0 ? [] : await trx.selectFrom('rectification_item_cards').select('item_id').where('indicator_task_id', 'in', taskIds).execute();
        const streams = [...taskIds, ...items.map((i) => i.item_id)];
        let count = 0;
        // A few hundred streams per query, each read whole up to the instant: a unit's tasks are a bounded few.
        for (let i = 0; i < streams.length; i += 500) {
          let after: [string, number] = ['', 0];
          for (;;) {
            const rows = await trx
              .selectFrom('events')
              .select(FOLD_COLUMNS)
              .where('stream_id', 'in', streams.slice(i, i + 500))
              .where(sql<boolean>`(stream_id, stream_version) > (${after[0]}, ${after[1]})`)
              .where('occurred_at', '<=', asOf)
              .orderBy('stream_id')
              .orderBy('stream_version')
              .limit(batchSize)
              .execute();
            for (const r of rows) visit(toStoredEvent(r));
            count += rows.length;
            if (rows.length < batchSize) break;
            const last = rows[rows.length - 1];
            after = [last.stream_id, last.stream_version];
          }
        }
        return count;
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

  /** 总结评议 (issue 20): the campaign's self-evaluation rounds and its 评议, as the assessment shows them. */
  async reviewRecords(campaignId: string): Promise<{ rounds: SelfEvaluationState[]; appraisal: AppraisalState | null }> {
    const rounds = await this.db.selectFrom('self_evaluation_rounds').select('state_json').where('campaign_id', '=', campaignId).orderBy('period_end').execute();
    const appraisal = await this.db.selectFrom('appraisals').select('state_json').where('campaign_id', '=', campaignId).executeTakeFirst();
    return { rounds: rounds.map((r) => r.state_json as unknown as SelfEvaluationState), appraisal: appraisal ? (appraisal.state_json as unknown as AppraisalState) : null };
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

}

/** What the folds read of an event row, in the forms cheapest to decode. */
export function toStoredEvent(r: { position: string; stream_id: string; stream_version: number; type: string; data: unknown; actor_id: string | null; at: number }): StoredEvent {
  return {
    position: r.position,
    eventId: '', // not read: the folds need no idempotency key
    streamId: r.stream_id,
    streamVersion: r.stream_version,
    type: r.type,
    data: r.data as StoredEvent['data'],
    metadata: { actor: { userId: r.actor_id ?? '' } },
    occurredAt: new Date(r.at),
  };
}
