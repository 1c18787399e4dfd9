// Reading every stored event in order, in batches, for a rebuild of the projections.
import type { ReplayedEvent } from '../event-store/event-store.types';

const REBUILD_BATCH = 10_000;

export type ReadAll = (after: string, limit: number) => Promise<ReplayedEvent[]>;

/**
 * Calls `visit` for every event after position 0, in order; returns how many it visited. The next batch is read
 * while this one is visited, so that the database and the folding work at the same time.
 */
export async function forEachEvent(readAll: ReadAll, visit: (event: ReplayedEvent) => Promise<void> | void): Promise<number> {
  let count = 0;
  let next = readAll('0', REBUILD_BATCH);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return count;
    next = readAll(batch[batch.length - 1].position, REBUILD_BATCH);
    next.catch(() => undefined); // a visit that fails leaves it unawaited; the rebuild fails with the visit's error
    for (const event of batch) {
      const pending = visit(event);
      if (pending) await pending; // synchronous visitors cost no microtask per event
      count += 1;
    }
  }
}
