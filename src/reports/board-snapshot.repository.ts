// The SQL of the board's snapshots (migration 0033): taking a campaign's next snapshot from the one before and the
// events since, and answering the board as of an instant from the newest snapshot old enough for it plus the events
// after it that had occurred by then. The folding itself is board-snapshot.ts.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { Database } from '../platform/database/database.types';
import type { StoredEvent } from '../platform/event-store/event-store.types';
import { isIndicatorTaskStream } from '../platform/projections/indicator-task-card.projection';
import { isRectificationItemStream } from '../platform/projections/rectification-item-card.projection';
import type { SortValue } from '../platform/graphql/cursor';
import type { IndicatorTaskState, Stage } from '../../workflows/indicator-task/indicator-task.types';
import type { RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import { FOLD_COLUMNS, REPLAY_BATCH, toStoredEvent } from './reports.repository';
import { BOARD_SNAPSHOT_VERSION, BoardFold, SNAPSHOT_RETENTION, openFor, retainSnapshots, type SnapshotItem, type SnapshotRetention, type SnapshotTask } from './board-snapshot';
import { sortAt } from './board-as-of';

/** Streams per query when rows are looked up or closed by id. */
const IDS_PER_QUERY = 1_000;
/** Rows per insert statement (one jsonb parameter each). */
const ROWS_PER_INSERT = 1_000;

export interface SnapshotTaken {
  campaignId: string;
  seq: number;
  position: string;
  /** Events folded since the snapshot before, and the streams whose rows changed. */
  events: number;
  streams: number;
  /** True when the campaign's older snapshots were of another version and were dropped first. */
  restarted: boolean;
  /** Older snapshots dropped by the retention (board-snapshot.ts retainSnapshots). */
  pruned: number;
}

/** A snapshot's row as the reads need it. */
interface SnapshotMeta {
  seq: number;
  position: string;
  max_occurred_at: Date | null;
  min_occurred_at: Date | null;
}

/** One column's part that the snapshot's untouched rows give: how many, and the first rows after a cursor. */
export interface SnapshotColumn {
  count: number;
  rows: SnapshotTask[];
}

/** The board as of an instant, from a snapshot: the cards the later events changed, and the snapshot's other rows in SQL. */
export interface SnapshotAsOf {
  seq: number;
  /** Every task card the events after the snapshot changed, as it stood at the instant. */
  changed: ReadonlyMap<string, SnapshotTask>;
  /** The snapshot's rows of the other cards in `stages`: counts of the cards the live board would show, and pages. */
  columns(stages: readonly Stage[], after: readonly SortValue[] | null, limit: number): Promise<Map<Stage, SnapshotColumn>>;
}

type Trx = Transaction<Database>;

@Injectable()
export class BoardSnapshotRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /**
   * Takes the campaign's next snapshot: the one before (if of this version) with the events since folded onto the
   * streams they touch; only those streams get new rows. Returns null when nothing happened since the last one.
   */
  async take(campaignId: string, now: Date = new Date(), retention: SnapshotRetention = SNAPSHOT_RETENTION): Promise<SnapshotTaken | null> {
    const position = await this.settledPosition();
    // Read committed: after the lock below, each statement sees the snapshot the taker before committed.
    return this.db.transaction().execute(async (trx) => {
      // One taker per campaign at a time (the daily schedule, the command line): the second waits, then finds it done.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`board-snapshot:${campaignId}`}, 0))`.execute(trx);
      let restarted = false;
      const stale = await trx.selectFrom('board_snapshots').select('seq').where('campaign_id', '=', campaignId).where('schema_version', '<>', BOARD_SNAPSHOT_VERSION).limit(1).execute();
      if (stale.length > 0) {
        await trx.deleteFrom('board_snapshot_cards').where('campaign_id', '=', campaignId).execute();
        await trx.deleteFrom('board_snapshots').where('campaign_id', '=', campaignId).execute();
        restarted = true;
      }
      const last = await trx
        .selectFrom('board_snapshots')
        .select(['seq', 'position', 'max_occurred_at'])
        .where('campaign_id', '=', campaignId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const from = last?.position ?? '0';
      if (BigInt(position) <= BigInt(from)) return null;
      const current = last?.seq ?? 0;
      const { fold, tasks, items } = await this.foldSince(trx, campaignId, current, [[from, position]], null);
      if (fold.events === 0) return null;
      const seq = current + 1;

      const changed = [...tasks.keys(), ...items.keys()];
      for (let i = 0; i < changed.length; i += IDS_PER_QUERY) {
        await trx
          .updateTable('board_snapshot_cards')
          .set({ to_seq: seq })
          .where('campaign_id', '=', campaignId)
          .where('to_seq', 'is', null)
          .where('stream_id', 'in', changed.slice(i, i + IDS_PER_QUERY))
          .execute();
      }
      const rows = [
        ...[...tasks].map(([id, t]) => taskRow(campaignId, id, seq, t)),
        ...[...items].map(([id, item]) => itemRow(campaignId, id, seq, item)),
      ];
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await sql`insert into board_snapshot_cards
          select * from jsonb_populate_recordset(null::board_snapshot_cards, ${JSON.stringify(rows.slice(i, i + ROWS_PER_INSERT))}::jsonb)`.execute(trx);
      }
      const times = [last?.max_occurred_at, fold.maxOccurredAt].filter((d): d is Date => d instanceof Date);
      const maxOccurredAt = times.length === 0 ? null : new Date(Math.max(...times.map((d) => d.getTime())));
      await trx
        .insertInto('board_snapshots')
        .values({
          campaign_id: campaignId,
          seq,
          position,
          taken_at: now,
          max_occurred_at: maxOccurredAt,
          min_occurred_at: fold.minOccurredAt,
          events: fold.events,
          streams: rows.length,
          schema_version: BOARD_SNAPSHOT_VERSION,
        })
        .execute();
      const pruned = await this.prune(trx, campaignId, retention);
      return { campaignId, seq, position, events: fold.events, streams: rows.length, restarted, pruned };
    });
  }

  /**
   * Drops the snapshots the retention no longer keeps, hands their segments of the log to the next snapshot kept,
   * and deletes the rows no snapshot kept is valid at. Returns how many snapshots were dropped.
   */
  private async prune(trx: Trx, campaignId: string, retention: SnapshotRetention): Promise<number> {
    const all = await trx
      .selectFrom('board_snapshots')
      .select(['seq', 'max_occurred_at', 'min_occurred_at', 'events'])
      .where('campaign_id', '=', campaignId)
      .orderBy('seq')
      .execute();
    const { kept, dropped } = retainSnapshots(
      all.map((s) => ({ seq: s.seq, maxOccurredAt: s.max_occurred_at, minOccurredAt: s.min_occurred_at, events: s.events })),
      retention,
    );
    if (dropped.length === 0) return 0;
    const before = new Map(all.map((s) => [s.seq, s]));
    for (const s of kept) {
      const was = before.get(s.seq)!;
      if (was.events === s.events && was.min_occurred_at?.getTime() === s.minOccurredAt?.getTime()) continue;
      await trx.updateTable('board_snapshots').set({ min_occurred_at: s.minOccurredAt, events: s.events }).where('campaign_id', '=', campaignId).where('seq', '=', s.seq).execute();
    }
    await trx.deleteFrom('board_snapshots').where('campaign_id', '=', campaignId).where('seq', 'in', dropped).execute();
    // A row is still needed while a kept snapshot falls in [from_seq, to_seq); the current rows always are.
    await sql`
      delete from board_snapshot_cards c
       where c.campaign_id = ${campaignId} and c.to_seq is not null and c.to_seq > ${Math.min(...dropped)}
         and not exists (select 1 from unnest(${kept.map((s) => s.seq)}::int[]) k(seq) where k.seq >= c.from_seq and k.seq < c.to_seq)`.execute(trx);
    return dropped.length;
  }

  /** The campaigns that have events to snapshot: every campaign in the database. */
  async campaignIds(): Promise<string[]> {
    return (await this.db.selectFrom('campaigns').select('id').orderBy('id').execute()).map((r) => r.id);
  }

  /** The campaign's snapshots of this version, oldest first. */
  async list(campaignId: string): Promise<(SnapshotMeta & { taken_at: Date; events: number; streams: number })[]> {
    return this.db
      .selectFrom('board_snapshots')
      .select(['seq', 'position', 'max_occurred_at', 'min_occurred_at', 'taken_at', 'events', 'streams'])
      .where('campaign_id', '=', campaignId)
      .where('schema_version', '=', BOARD_SNAPSHOT_VERSION)
      .orderBy('seq')
      .execute();
  }

  /**
   * The board as of `asOf` from the newest snapshot whose every event had occurred by then, in one repeatable-read
   * transaction: `work` gets the cards changed since and reads the snapshot's other rows. Null when no snapshot
   * is old enough (the caller replays the log).
   */
  async asOf<T>(campaignId: string, asOf: Date, work: (view: SnapshotAsOf) => Promise<T>): Promise<T | null> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const snapshots: SnapshotMeta[] = await trx
          .selectFrom('board_snapshots')
          .select(['seq', 'position', 'max_occurred_at', 'min_occurred_at'])
          .where('campaign_id', '=', campaignId)
          .where('schema_version', '=', BOARD_SNAPSHOT_VERSION)
          .orderBy('seq')
          .execute();
        // The latest events' time only grows with the snapshots, so the usable ones are a prefix.
        let base = -1;
        for (let i = 0; i < snapshots.length; i += 1) {
          const max = snapshots[i].max_occurred_at;
          if (max && max > asOf) break;
          base = i;
        }
        if (base < 0) return null;
        const seq = snapshots[base].seq;
        // Beyond the snapshot: each later segment of the log that holds an event as early as the instant, and the
        // events since the last snapshot.
        const ranges: [string, string | null][] = [];
        for (let i = base + 1; i < snapshots.length; i += 1) {
          const min = snapshots[i].min_occurred_at;
          if (min && min <= asOf) ranges.push([snapshots[i - 1].position, snapshots[i].position]);
        }
        ranges.push([snapshots[snapshots.length - 1].position, null]);
        const { tasks: changed, excluded } = await this.foldSince(trx, campaignId, seq, mergeRanges(ranges), asOf);
        return work({
          seq,
          changed,
          columns: (stages, after, limit) => this.columnsAt(trx, campaignId, seq, excluded, stages, after, limit),
        });
      });
  }

  /**
   * The events in `ranges` (and by `asOf`, when given) folded onto snapshot `seq`'s rows of the streams they touch:
   * the tasks and items that changed, and every task whose snapshot row the fold looked at. Two passes over the
   * events: the streams first (to read their rows), then the fold, so that only the touched streams' cards are held.
   */
  private async foldSince(trx: Trx, campaignId: string, seq: number, ranges: readonly [string, string | null][], asOf: Date | null) {
    const touched = await touchedStreams(trx, campaignId, ranges, asOf);
    const fold = new BoardFold(
      await this.tasksAt(trx, campaignId, seq, touched.filter(isIndicatorTaskStream)),
      await this.itemsAt(trx, campaignId, seq, touched.filter(isRectificationItemStream)),
    );
    await readEvents(trx, campaignId, ranges, asOf, (e) => fold.push(e));
    const change = fold.openChange();
    const untouched = fold.untouchedTasksWithOpenChange(change);
    const untouchedPrior = await this.tasksAt(trx, campaignId, seq, untouched);
    const openWithoutCard = await this.openItemsAt(trx, campaignId, seq, fold.tasksWithoutPrior());
    const tasks = fold.foldedTasks(change, untouchedPrior, openWithoutCard);
    const excluded = [...new Set([...touched.filter(isIndicatorTaskStream), ...untouched])];
    return { fold, tasks, items: fold.foldedItems(), excluded };
  }

  /**
   * The snapshot's task rows in `stages`, less `excluded`, that the live board would show (indicator, unit and lead
   * unit still known, as its joins): each column's count and its first `limit` rows after `after`.
   */
  private async columnsAt(trx: Trx, campaignId: string, seq: number, excluded: readonly string[], stages: readonly Stage[], after: readonly SortValue[] | null, limit: number): Promise<Map<Stage, SnapshotColumn>> {
    // The rows valid at the snapshot that the live board would show: indicator, unit and lead unit still known (its
    // joins). The excluded cards are taken off afterwards, not in the scan: a list of thousands compared with every
    // row would cost more than the count itself.
    const shown = sql`
      c.campaign_id = ${campaignId} and c.kind = 'TASK' and c.from_seq <= ${seq} and coalesce(c.to_seq, 2147483647) > ${seq}
      and c.indicator_code in (select i.code from indicators i join assessment_items ai on ai.code = i.item_code)
      and c.unit_code in (select u.code from units u) and c.lead_unit_code in (select lu.code from units lu)`;
    const byStage = async (only: RawBuilder<unknown> | null) => {
      const { rows } = await sql<{ stage: Stage; n: number }>`
        select c.stage, count(*)::int as n from board_snapshot_cards c
         where ${shown} and c.stage = any(${[...stages]}::text[]) ${only ?? sql``}
         group by c.stage`.execute(trx);
      return new Map(rows.map((r) => [r.stage, r.n]));
    };
    const all = await byStage(null);
    // The excluded cards' own rows at the snapshot, found by their ids (the primary key).
    const off = excluded.length === 0 ? new Map<Stage, number>() : await byStage(sql`and c.stream_id = any(${excluded}::text[])`);
    const skip = new Set(excluded);
    const columns = new Map<Stage, SnapshotColumn>(stages.map((s) => [s, { count: (all.get(s) ?? 0) - (off.get(s) ?? 0), rows: [] }]));
    const cursor = after ? sql`and (c.sort_at, c.stream_id collate "C") > (${String(after[0])}::timestamptz, ${String(after[1])}::text collate "C")` : sql``;
    for (const stage of stages) {
      if (columns.get(stage)!.count === 0) continue;
      // Enough rows that, the excluded among them taken off, `limit` remain whenever that many follow the cursor.
      const { rows } = await sql<{ stream_id: string; state: IndicatorTaskState; updated_at: Date; open_items: number }>`
        select c.stream_id, c.state, c.updated_at, c.open_items from board_snapshot_cards c
         where ${shown} and c.stage = ${stage} ${cursor}
         order by c.sort_at, c.stream_id collate "C"
         limit ${limit + (off.get(stage) ?? 0)}`.execute(trx);
      columns.get(stage)!.rows = rows
        .filter((r) => !skip.has(r.stream_id))
        .slice(0, limit)
        .map((r) => ({ state: r.state, updatedAt: r.updated_at, openItems: r.open_items }));
    }
    return columns;
  }

  /** The snapshot's task rows of `ids` as of snapshot `seq` (0: none). */
  private async tasksAt(trx: Trx, campaignId: string, seq: number, ids: readonly string[]): Promise<Map<string, SnapshotTask>> {
    const tasks = new Map<string, SnapshotTask>();
    for (const r of await this.rowsAt(trx, campaignId, seq, ids, 'TASK')) tasks.set(r.stream_id, { state: r.state as IndicatorTaskState, updatedAt: r.updated_at, openItems: r.open_items });
    return tasks;
  }

  private async itemsAt(trx: Trx, campaignId: string, seq: number, ids: readonly string[]): Promise<Map<string, SnapshotItem>> {
    const items = new Map<string, SnapshotItem>();
    for (const r of await this.rowsAt(trx, campaignId, seq, ids, 'ITEM')) items.set(r.stream_id, { state: r.state as RectificationItemState, updatedAt: r.updated_at });
    return items;
  }

  private async rowsAt(trx: Trx, campaignId: string, seq: number, ids: readonly string[], kind: 'TASK' | 'ITEM') {
    if (seq === 0 || ids.length === 0) return [];
    const rows: { stream_id: string; state: unknown; updated_at: Date; open_items: number }[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const { rows: batch } = await sql<{ stream_id: string; state: unknown; updated_at: Date; open_items: number }>`
        select stream_id, state, updated_at, open_items from board_snapshot_cards
         where campaign_id = ${campaignId} and stream_id = any(${ids.slice(i, i + IDS_PER_QUERY)}::text[]) and kind = ${kind}
           and from_seq <= ${seq} and (to_seq is null or to_seq > ${seq})`.execute(trx);
      rows.push(...batch);
    }
    return rows;
  }

  /** For tasks without a row in snapshot `seq`: the items open against each in it. */
  private async openItemsAt(trx: Trx, campaignId: string, seq: number, taskIds: readonly string[]): Promise<Map<string, number>> {
    const open = new Map<string, number>();
    if (seq === 0 || taskIds.length === 0) return open;
    for (let i = 0; i < taskIds.length; i += IDS_PER_QUERY) {
      const { rows } = await sql<{ id: string; n: number }>`
        select indicator_task_id as id, count(*)::int as n from board_snapshot_cards
         where campaign_id = ${campaignId} and kind = 'ITEM' and open and indicator_task_id = any(${taskIds.slice(i, i + IDS_PER_QUERY)}::text[])
           and from_seq <= ${seq} and (to_seq is null or to_seq > ${seq})
         group by indicator_task_id`.execute(trx);
      for (const r of rows) open.set(r.id, r.n);
    }
    return open;
  }

  /**
   * The highest position below which every event is committed. Positions are drawn when an append inserts, and an
   * append that drew a lower one may commit after one that drew a higher: a snapshot up to the highest committed
   * position could miss it for ever. A SHARE lock waits for the appends in flight and holds new ones back only
   * while the highest position is read (a moment); an append lasts milliseconds, so a wait over 5 s is given up
   * and the snapshot is tried again later.
   */
  private async settledPosition(): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      await sql`set local lock_timeout = '5s'`.execute(trx);
      await sql`lock table events in share mode`.execute(trx);
      const { rows } = await sql<{ position: string }>`select coalesce(max(position), 0)::text as position from events`.execute(trx);
      return rows[0].position;
    });
  }
}

/** Adjacent position ranges as one: (a, b] and (b, c] read as (a, c]. */
function mergeRanges(ranges: readonly [string, string | null][]): [string, string | null][] {
  const merged: [string, string | null][] = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && last[1] === from) last[1] = to;
    else merged.push([from, to]);
  }
  return merged;
}

/** The campaign's streams with events in the ranges (and by `asOf`, when given). */
async function touchedStreams(trx: Trx, campaignId: string, ranges: readonly [string, string | null][], asOf: Date | null): Promise<string[]> {
  const ids = new Set<string>();
  for (const [from, to] of ranges) {
    const { rows } = await sql<{ stream_id: string }>`
      select distinct stream_id from events
       where split_part(stream_id, ':', 2) = ${campaignId} and position > ${from}
         ${to === null ? sql`` : sql`and position <= ${to}`} ${asOf ? sql`and occurred_at <= ${asOf}` : sql``}`.execute(trx);
    for (const r of rows) ids.add(r.stream_id);
  }
  return [...ids];
}

/**
 * Hands the campaign's events with positions in the ranges (from, to] (to null: to the end), and when `asOf` is
 * given only those that occurred by then, to `visit` in position order, a batch at a time.
 */
async function readEvents(trx: Trx, campaignId: string, ranges: readonly [string, string | null][], asOf: Date | null, visit: (event: StoredEvent) => void): Promise<void> {
  for (const [from, to] of ranges) {
    let after = from;
    for (;;) {
      let query = trx
        .selectFrom('events')
        .select(FOLD_COLUMNS)
        .where(sql<string>`split_part(stream_id, ':', 2)`, '=', campaignId)
        .where('position', '>', after);
      if (to !== null) query = query.where('position', '<=', to);
      if (asOf) query = query.where('occurred_at', '<=', asOf);
      const rows = await query.orderBy('position').limit(REPLAY_BATCH).execute();
      for (const r of rows) visit(toStoredEvent(r));
      if (rows.length < REPLAY_BATCH) break;
      after = rows[rows.length - 1].position;
    }
  }
}

function taskRow(campaignId: string, streamId: string, seq: number, t: SnapshotTask) {
  const s = t.state;
  return {
    campaign_id: campaignId,
    stream_id: streamId,
    from_seq: seq,
    to_seq: null,
    kind: 'TASK',
    stage: s.stage,
    sort_at: sortAt(s).toISOString(),
    indicator_code: s.indicatorCode,
    unit_code: s.unitCode,
    lead_unit_code: s.leadUnitCode,
    open_items: t.openItems,
    indicator_task_id: null,
    open: false,
    updated_at: t.updatedAt.toISOString(),
    state: s,
  };
}

function itemRow(campaignId: string, streamId: string, seq: number, item: SnapshotItem) {
  return {
    campaign_id: campaignId,
    stream_id: streamId,
    from_seq: seq,
    to_seq: null,
    kind: 'ITEM',
    stage: null,
    sort_at: null,
    indicator_code: null,
    unit_code: null,
    lead_unit_code: null,
    open_items: 0,
    indicator_task_id: item.state.indicatorTaskId ?? null,
    open: openFor(item) !== null,
    updated_at: item.updatedAt.toISOString(),
    state: item.state,
  };
}
