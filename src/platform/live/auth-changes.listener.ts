// Notices that a session, a person or a service account changed (the triggers of migration 0021), from
// PostgreSQL, so that every API instance ends the live subscriptions opened with it. On its own connection; after
// a lost connection, notices may have been missed, so `onLost` says so at once and `onReconnect` lets the caller
// re-check everything.
import { PgChannelListener } from './pg-channel.listener';

export const AUTH_CHANGES_CHANNEL = 'auth_changes';

export interface AuthChange {
  kind: 'session' | 'user' | 'service';
  id: string;
}

function parse(payload: string | undefined): AuthChange | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as Partial<AuthChange>;
    if ((value.kind === 'session' || value.kind === 'user' || value.kind === 'service') && typeof value.id === 'string') return { kind: value.kind, id: value.id };
  } catch {
    // Not ours: ignored.
  }
  return null;
}

/** Every API instance's ear for those notices; after a lost connection `onReconnect` re-checks everything. */
export class AuthChangesListener {
  private readonly listener: PgChannelListener;

  constructor(databaseUrl: string, onChange: (change: AuthChange) => void, onReconnect: () => void, onLost: () => void = () => undefined) {
    this.listener = new PgChannelListener(
      databaseUrl,
      AUTH_CHANGES_CHANNEL,
      (payload) => {
        const change = parse(payload);
        if (change) onChange(change);
      },
      onReconnect,
      'AuthChanges',
      onLost,
    );
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
