// Reading every stored event in order, in batches, for a projection's rebuild.
import type { StoredEvent } from '../event-store/event-store.types';

const REBUILD_BATCH = 10_000;

export type ReadAll = (after: string, limit: number) => Promise<StoredEvent[]>;

/** Calls `visit` for every event after position 0, in order; returns how many it visited. */
export async function forEachEvent(readAll: ReadAll, visit: (event: StoredEvent) => Promise<void> | void): Promise<number> {
  let after = '0';
  let count = 0;
  for (;;) {
    const batch = await readAll(after, REBUILD_BATCH);
    if (batch.length === 0) return count;
    for (const event of batch) {
      const pending = visit(event);
      if (pending) await pending; // synchronous visitors cost no microtask per event
      count += 1;
    }
    after = batch[batch.length - 1].position;
  }
}
