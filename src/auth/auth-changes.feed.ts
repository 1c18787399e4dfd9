// The API instance's one LISTEN on auth_changes (migration 0021), shared by everything that must hear that a session,
// a person or a service account changed: the identity cache (auth.service.ts) drops what a notice concerns, and the
// live subscriptions (src/platform/live/graphql-ws.server.ts) end those opened with a credential no longer valid.
// One connection per instance however many listen; after a lost connection every subscriber hears `lost` at once
// and `reconnected` when notices arrive again (those sent in between are gone, so each re-checks what it holds).
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DATABASE_URL } from '../platform/core/app.tokens';
import { AuthChangesListener, type AuthChange } from '../platform/live/auth-changes.listener';

export interface AuthChangesSubscriber {
  /** A notice. */
  changed(change: AuthChange): void;
  /** The notices are being heard: at start, and again after a lost connection (then some may have been missed). */
  listening(after: 'start' | 'reconnect'): void;
  /** The connection is lost: notices are not heard until `listening('reconnect')`. */
  lost(): void;
}

@Injectable()
export class AuthChangesFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly subscribers = new Set<AuthChangesSubscriber>();
  private listener: AuthChangesListener | null = null;
  private heard = false;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /** Subscribes (in a constructor, so that nobody misses the start); returns the unsubscribe. */
  subscribe(subscriber: AuthChangesSubscriber): () => void {
    this.subscribers.add(subscriber);
    if (this.heard) subscriber.listening('start');
    return () => this.subscribers.delete(subscriber);
  }

  async onApplicationBootstrap(): Promise<void> {
    const each = (call: (subscriber: AuthChangesSubscriber) => void) => {
      for (const subscriber of [...this.subscribers]) call(subscriber);
    };
    this.listener = new AuthChangesListener(
      this.databaseUrl,
      (change) => each((s) => s.changed(change)),
      () => {
        this.heard = true;
        each((s) => s.listening('reconnect'));
      },
      () => {
        this.heard = false;
        each((s) => s.lost());
      },
    );
    // An API that cannot listen cannot end revoked subscriptions: it does not start (as with any database outage).
    await this.listener.start();
    this.heard = true;
    each((s) => s.listening('start'));
  }

  async onModuleDestroy(): Promise<void> {
    this.heard = false;
    await this.listener?.stop();
    this.listener = null;
  }
}
