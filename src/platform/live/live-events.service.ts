// Turns PostgreSQL notifications into in-process streams. Every API instance LISTENs on its own
// connection, so a change written by any worker reaches subscribers on every instance.
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DATABASE_URL } from '../core/app.tokens';
import { EVENTS_CHANNEL, type EventNotification } from '../event-store/event-store.types';
import { PgChannelListener } from './pg-channel.listener';

type Listener = (notification: EventNotification) => void;

@Injectable()
export class LiveEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly listeners = new Set<Listener>();
  private readonly listen: PgChannelListener;

  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    this.listen = new PgChannelListener(
      databaseUrl,
      EVENTS_CHANNEL,
      (payload) => {
        if (!payload) return;
        const notification = JSON.parse(payload) as EventNotification;
        for (const listener of this.listeners) listener(notification);
      },
      () => undefined,
      'LiveEvents',
    );
  }

  async onModuleInit(): Promise<void> {
    await this.listen.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listen.stop();
  }

  /** A stream of every event appended from now on; `return()` (end of subscription) unsubscribes. */
  subscribe(): AsyncIterableIterator<EventNotification> {
    const queue: EventNotification[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener: Listener = (n) => {
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
      async next(): Promise<IteratorResult<EventNotification>> {
        while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (queue.length > 0) return { value: queue.shift()!, done: false };
        return { value: undefined, done: true };
      },
      async return(): Promise<IteratorResult<EventNotification>> {
        finish();
        return { value: undefined, done: true };
      },
    };
  }
}
