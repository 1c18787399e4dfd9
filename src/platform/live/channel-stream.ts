// One PostgreSQL channel as in-process streams: its JSON notices are parsed once and passed to every open
// subscription. Every API instance LISTENs on its own connection, so a notice sent by any writer reaches
// subscribers on every instance.
import { PgChannelListener } from './pg-channel.listener';

export class ChannelStream<T> {
  private readonly listeners = new Set<(notice: T) => void>();
  private readonly listen: PgChannelListener;

  constructor(databaseUrl: string, channel: string, name: string) {
    this.listen = new PgChannelListener(
      databaseUrl,
      channel,
      (payload) => {
        if (!payload) return;
        const notice = JSON.parse(payload) as T;
        for (const listener of this.listeners) listener(notice);
      },
      () => undefined,
      name,
    );
  }

  start(): Promise<void> {
    return this.listen.start();
  }

  stop(): Promise<void> {
    return this.listen.stop();
  }

  /** A stream of every notice sent from now on; `return()` (end of subscription) unsubscribes. */
  subscribe(): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener = (n: T) => {
      queue.push(n);
      wake?.();
    };
    this.listeners.add(listener);
    const finish = () => {
      done = true;
      this.listeners.delete(listener);
      wake?.();
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next(): Promise<IteratorResult<T>> {
        while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (queue.length > 0) return { value: queue.shift()!, done: false };
        return { value: undefined, done: true };
      },
      async return(): Promise<IteratorResult<T>> {
        finish();
        return { value: undefined, done: true };
      },
    };
  }
}
