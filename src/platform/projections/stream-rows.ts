// What every projection with one row per stream does (task cards, item cards, rounds, the campaign's state): fold
// its streams' events onto their rows, in the append's transaction or in a rebuild. Each says which streams are
// its, and how it reads, folds, writes and clears its rows.
import type { Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';

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
  const rows = await p.read(trx, [...new Set(relevant.map((e) => e.streamId))]);
  for (const event of relevant) {
    const row = rows.get(event.streamId);
    // Already folded (a rebuild ran after the append in another transaction): never double-apply.
    if (row && row.state.version >= event.streamVersion) continue;
    rows.set(event.streamId, p.fold(row, event));
  }
  await p.write(trx, [...rows.values()]);
}

export async function rebuildStreamRows<R extends { state: { version: number } }>(trx: Transaction<Database>, p: StreamRows<R>): Promise<ProjectionRebuild> {
  await p.clear(trx);
  const rows = new Map<string, R>();
  let count = 0;
  return {
    visit(event) {
      if (!p.isStream(event.streamId)) return;
      rows.set(event.streamId, p.fold(rows.get(event.streamId), event));
      count += 1;
    },
    async finish() {
      await p.write(trx, [...rows.values()]);
      return { events: count };
    },
  };
}
