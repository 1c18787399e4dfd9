// The only place that writes events. Appends are idempotent by event id and checked against the
// stream's version; projections, their checkpoints and the notification happen in the same transaction.
import { sql, type Transaction } from 'kysely';
import type { AppendRequest, AppendResult } from '../../../activities/event-store.types';
import type { Db } from '../database/database';
import type { Database } from '../database/database.types';
import { StreamConflictError } from './event-store.errors';
import { forEachEvent } from '../projections/replay-events';
import { EVENTS_CHANNEL, type EventNotification, type InlineProjection, type ProjectionRebuild, type ReplayedEvent, type StoredEvent } from './event-store.types';
import { eventAppendDuration } from '../metrics/worker.metrics';

const EVENT_COLUMNS = ['position', 'event_id', 'stream_id', 'stream_version', 'type', 'data', 'metadata', 'occurred_at'] as const;

type EventRow = {
  position: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurred_at: Date;
};

function toStored(row: EventRow): StoredEvent {
  return {
    position: row.position,
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
  };
}

/**
 * Several streams' events in one query (a page of cards' histories), each stream in version order; a stream with
 * no events maps to an empty list. Read-only, so it needs no projections: the API reads with it directly.
 */
export async function readStreams(db: Db, streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
  const streams = new Map(streamIds.map((id) => [id, [] as StoredEvent[]]));
  if (streams.size === 0) return streams;
  const rows = await db
    .selectFrom('events')
    .select(EVENT_COLUMNS)
    .where('stream_id', 'in', [...streams.keys()])
    .orderBy('stream_id')
    .orderBy('stream_version')
    .execute();
  for (const row of rows) streams.get(row.stream_id)?.push(toStored(row as EventRow));
  return streams;
}

/** One stream's events in version order; only those of `types` when given. Read-only, like `readStreams`. */
export async function readStream(db: Db, streamId: string, types?: readonly string[]): Promise<StoredEvent[]> {
  let query = db.selectFrom('events').select(EVENT_COLUMNS).where('stream_id', '=', streamId);
  if (types && types.length > 0) query = query.where('type', 'in', [...types]);
  const rows = await query.orderBy('stream_version').execute();
  return rows.map((row) => toStored(row as EventRow));
}

export class EventStoreRepository {
  constructor(
    private readonly db: Db,
    private readonly projections: readonly InlineProjection[],
  ) {}

  /** Timed for /metrics (chuangwen_event_append_duration_seconds) by outcome. */
  async append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) return { written: 0, lastPosition: null };
    const end = eventAppendDuration.startTimer();
    try {
      const result = await this.appendInTransaction(request);
      end({ outcome: result.written > 0 ? 'WRITTEN' : 'DUPLICATE' });
      return result;
    } catch (err) {
      end({ outcome: err instanceof StreamConflictError ? 'STREAM_CONFLICT' : 'ERROR' });
      throw err;
    }
  }

  private async appendInTransaction(request: AppendRequest): Promise<AppendResult> {
    const { streamId, events } = request;
    return this.db.transaction().execute(async (trx) => {
      // One writer per stream at a time; other streams are not held up.
      await sql`select pg_advisory_xact_lock(hashtextextended(${streamId}, 0))`.execute(trx);
      // Which of these events are stored already, and the stream's version, in one round trip.
      const { rows: [head] } = await sql<{ known: string[]; version: number }>`
        select coalesce((select array_agg(event_id::text) from events where event_id = any(${events.map((e) => e.eventId)}::uuid[])), '{}') as known,
               coalesce((select max(stream_version) from events where stream_id = ${streamId}), 0)::int as version`.execute(trx);
      const knownIds = new Set(head.known);
      const fresh = events.filter((e) => !knownIds.has(e.eventId));
      if (fresh.length === 0) return { written: 0, lastPosition: null };
      const { version } = head;
      const expected = fresh[0].streamVersion - 1;
      if (version !== expected) throw new StreamConflictError(streamId, expected, version);

      const rows = await trx
        .insertInto('events')
        .values(
          fresh.map((e) => ({
            event_id: e.eventId,
            stream_id: streamId,
            stream_version: e.streamVersion,
            type: e.type,
            data: JSON.stringify(e.data),
            metadata: JSON.stringify(e.metadata),
            occurred_at: e.occurredAt,
          })),
        )
        .returning(EVENT_COLUMNS)
        .execute();
      const stored = rows.map((r) => toStored(r as EventRow));
      await this.project(trx, stored);
      const last = stored[stored.length - 1];
      const notification: EventNotification = { streamId, version: last.streamVersion, type: last.type, position: last.position };
      await sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(notification)})`.execute(trx);
      return { written: stored.length, lastPosition: last.position };
    });
  }

  /**
   * The projections' rows follow the events in the append's transaction. Their checkpoints are not touched here: a
   * row that every append updated was locked by each until its commit, so appends of different streams queued
   * behind one another (the import's thousands of first events, actions from many people at once). A checkpoint
   * records the schema version a projection's rows were built with, and the position its last rebuild reached.
   */
  private async project(trx: Transaction<Database>, stored: StoredEvent[]): Promise<void> {
    for (const projection of this.projections) await projection.apply(trx, stored);
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .select(EVENT_COLUMNS)
      .where('stream_id', '=', streamId)
      .orderBy('stream_version')
      .execute();
    return rows.map((r) => toStored(r as EventRow));
  }

  /**
   * Rebuilds projections from the events in one transaction: readers see the old rows until it commits.
   * With `onlyStale`, only those whose rows were written by an older schema version (or never) are rebuilt;
   * processes starting together serialise on a lock, so one rebuilds and the others find the work done.
   */
  async rebuildProjections(options: { onlyStale?: boolean } = {}): Promise<{ name: string; events: number }[]> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended('projections:rebuild', 0))`.execute(trx);
      const results: { name: string; events: number }[] = [];
      const checkpoints = await trx.selectFrom('projection_checkpoints').select(['name', 'schema_version']).execute();
      const { last } = await trx
        .selectFrom('events')
        .select(sql<string>`coalesce(max(position), 0)::text`.as('last'))
        .executeTakeFirstOrThrow();
      const rebuilding: { projection: InlineProjection; rebuild: ProjectionRebuild }[] = [];
      for (const projection of this.projections) {
        const checkpoint = checkpoints.find((c) => c.name === projection.name);
        const stale = checkpoint ? checkpoint.schema_version < projection.schemaVersion : last !== '0';
        if (options.onlyStale && !stale) {
          // No events yet: record the version of the (empty) rows, so that the events projected as they are
          // appended from now on are not taken for an older version's at the next start.
          if (!checkpoint) {
            await trx
              .insertInto('projection_checkpoints')
              .values({ name: projection.name, position: last, updated_at: new Date(), schema_version: projection.schemaVersion })
              .onConflict((oc) => oc.column('name').doNothing())
              .execute();
          }
          continue;
        }
        rebuilding.push({ projection, rebuild: await projection.rebuild(trx) });
      }
      if (rebuilding.length === 0) return results;
      // One pass over the events for all of them: reading and parsing the events is most of a rebuild's work. The
      // events are read on a connection of their own, so that PostgreSQL reads the next batch while it writes the
      // rows already final on this transaction's connection (most of a rebuild's database time), and Node folds.
      await this.db.connection().execute(async (reader) => {
        const readAll = async (after: string, limit: number): Promise<ReplayedEvent[]> => {
          const { rows } = await sql<EventRow & { last_of_stream: boolean }>`
            select ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(`e.${c}`)))},
                   not exists (select 1 from events n where n.stream_id = e.stream_id and n.stream_version = e.stream_version + 1) as last_of_stream
              from events e
             where e.position > ${after} and e.position <= ${last}
             order by e.position
             limit ${limit}`.execute(reader);
          return rows.map((r) => Object.assign(toStored(r), { lastOfStream: r.last_of_stream }));
        };
        await forEachEvent(readAll, (event) => {
          let pending: Promise<void> | undefined;
          for (const { rebuild } of rebuilding) {
            pending = pending ? pending.then(() => rebuild.visit(event)) : (rebuild.visit(event) ?? undefined);
          }
          return pending;
        });
      });
      // Finished together: one projection's work in Node overlaps another's writes still running in the database.
      const finished = await Promise.all(rebuilding.map(({ rebuild }) => rebuild.finish()));
      for (const [i, { projection }] of rebuilding.entries()) {
        const { events } = finished[i];
        const values = { name: projection.name, position: last, updated_at: new Date(), schema_version: projection.schemaVersion };
        await trx
          .insertInto('projection_checkpoints')
          .values(values)
          .onConflict((oc) => oc.column('name').doUpdateSet({ position: last, updated_at: values.updated_at, schema_version: projection.schemaVersion }))
          .execute();
        results.push({ name: projection.name, events });
      }
      return results;
    });
  }
}
