// Turns PostgreSQL notifications into in-process streams. Every API instance LISTENs on its own
// connection, so a change written by any worker reaches subscribers on every instance.
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { RUNTIME } from '../app/app.tokens';
import type { AppRuntime } from '../app/app-runtime';
import { EVENTS_CHANNEL, type EventNotification } from '../event-store/event-store.types';

type Listener = (notification: EventNotification) => void;

@Injectable()
export class LiveEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveEvents');
  private readonly listeners = new Set<Listener>();
  private client: Client | null = null;
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(@Inject(RUNTIME) private readonly runtime: AppRuntime) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.runtime.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const notification = JSON.parse(message.payload) as EventNotification;
      for (const listener of this.listeners) listener(notification);
    });
    const retry = (err?: unknown) => {
      if (this.closing || this.client !== client) return;
      this.logger.warn(`LISTEN connection lost, reconnecting: ${String(err ?? 'closed')}`);
      this.client = null;
      this.reconnectTimer = setTimeout(() => void this.connect().catch((e) => retry(e)), 1000);
    };
    client.on('error', retry);
    client.on('end', () => retry());
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
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
