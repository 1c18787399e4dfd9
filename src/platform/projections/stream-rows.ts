// What every projection with one row per stream does (task cards, item cards, rounds, the campaign's state): fold
// its streams' events onto their rows, in the append's transaction or in a rebuild. Each says which streams are
// its, and how it reads, folds, writes and clears its rows.
import type { Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { ProjectionRebuild, ReplayedEvent, StoredEvent } from '../event-store/event-store.types';

export interface StreamRows<R extends { state: { version: number } }> {
  isStream(streamId: string): boolean;
  /** The rows these streams already have, by stream id. */
  read(trx: Transaction<Database>, streamIds: string[]): Promise<Map<string, R>>;
  fold(row: R | undefined, event: StoredEvent): R;
  write(trx: Transaction<Database>, rows: R[]): Promise<void>;
  /** Deletes every row, before a rebuild. */
  clear(trx: Transaction<Database>): Promise<void>;
}

export async function applyToStreamRows<R extends { state: { version: number } }>(trx: Transaction<Database>, events: readonly StoredEvent[], p: StreamRows<R>): Promise<void> {
  const relevant = events.filter((e) => p.isStream(e.streamId));
  if (relevant.length === 0) return;
  // A stream that begins here has no row yet: nothing to read (a new task's or item's first append).
  const begins = new Set(relevant.filter((e) => e.streamVersion === 1).map((e) => e.streamId));
  const existing = [...new Set(relevant.map((e) => e.streamId))].filter((id) => !begins.has(id));
  const rows = existing.length > 0 ? await p.read(trx, existing) : new Map<string, R>();
  for (const event of relevant) {
    const row = rows.get(event.streamId);
    // Already folded (a rebuild ran after the append in another transaction): never double-apply.
    if (row && row.state.version >= event.streamVersion) continue;
    rows.set(event.streamId, p.fold(row, event));
  }
  await p.write(trx, [...rows.values()]);
}

/** Rows written together by a rebuild while it reads on. */
const REBUILD_WRITE_BATCH = 1_000;

/**
 * A rebuild's rows: each stream's row is written as soon as its last event is folded, a thousand at a time, on the
 * transaction's connection while the events are read on another (their writes are most of a rebuild's database time),
 * and let go of, so that memory holds only the streams in progress; what is left is written at the end. A stream shown
 * an event after its row went (an append that committed late inside the rebuild's range) has its row read back.
 */
export async function rebuildStreamRows<R extends { state: { version: number } }>(trx: Transaction<Database>, p: StreamRows<R>): Promise<ProjectionRebuild> {
  await p.clear(trx);
  /** The rows of streams whose last event is still to come. */
  const folding = new Map<string, R>();
  /** Rows to write next, by stream. */
  let ready = new Map<string, R>();
  let writing: Promise<void> = Promise.resolve();
  const writeReady = () => {
    const batch = [...ready.values()];
    ready = new Map();
    // After a failed write the chain skips the rest; finish() rejects with the failure.
    writing = writing.then(() => p.write(trx, batch));
    writing.catch(() => undefined);
  };
  const fold = (row: R | undefined, event: ReplayedEvent) => {
    const next = p.fold(row, event);
    if (event.lastOfStream) {
      folding.delete(event.streamId);
      ready.set(event.streamId, next);
      if (ready.size >= REBUILD_WRITE_BATCH) writeReady();
    } else {
      folding.set(event.streamId, next);
    }
  };
  let count = 0;
  return {
    visit(event) {
      if (!p.isStream(event.streamId)) return;
      count += 1;
      const row = folding.get(event.streamId);
      // The rebuild reads from the first event, so a later event whose stream is not being folded comes after its
      // row went (rare): read the row back once it is written (the read queues behind the writes on this connection).
      if (row || event.streamVersion === 1) return fold(row, event);
      if (ready.size > 0) writeReady();
      return writing.then(async () => fold((await p.read(trx, [event.streamId])).get(event.streamId), event));
    },
    async finish() {
      for (const [streamId, row] of folding) ready.set(streamId, row);
      folding.clear();
      if (ready.size > 0) writeReady();
      await writing;
      return { events: count };
    },
  };
}

/** Two rebuilds as one: each event to both (each takes only its own streams). */
export function combineRebuilds(a: ProjectionRebuild, b: ProjectionRebuild): ProjectionRebuild {
  return {
    visit(event) {
      const first = a.visit(event);
      const second = b.visit(event);
      if (first || second) return Promise.all([first, second]).then(() => undefined);
      return undefined;
    },
    async finish() {
      const [x, y] = [await a.finish(), await b.finish()];
      return { events: x.events + y.events };
    },
  };
}
