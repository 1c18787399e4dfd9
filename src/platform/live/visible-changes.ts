// A subscription's stream: every notification of the kind of stream wanted is read back from its projection and
// passed on only if the subscriber may see it. The source is the database's NOTIFY, so changes made through any
// API instance arrive on every instance.
import type { EventNotification } from '../event-store/event-store.types';

export function visibleChanges<T, R>(
  source: AsyncIterableIterator<EventNotification>,
  options: {
    wanted: (streamId: string) => boolean;
    load: (streamId: string) => Promise<T | null>;
    visible: (card: T) => boolean;
    wrap: (card: T, eventType: string) => R;
  },
): AsyncGenerator<R> {
  async function* changes() {
    try {
      for await (const notification of source) {
        if (!options.wanted(notification.streamId)) continue;
        const card = await options.load(notification.streamId);
        if (!card || !options.visible(card)) continue;
        yield options.wrap(card, notification.type);
      }
    } finally {
      await source.return?.();
    }
  }
  return changes();
}
