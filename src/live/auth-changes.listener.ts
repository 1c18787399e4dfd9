// Notices that a session, a person or a service account changed (the triggers of migration 0018), from
// PostgreSQL, so that every API instance ends the live subscriptions opened with it. On its own connection; after
// a lost connection, notices may have been missed, so `onReconnect` lets the caller re-check everything.
import { Logger } from '@nestjs/common';
import { Client } from 'pg';

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

export class AuthChangesListener {
  private readonly logger = new Logger('AuthChanges');
  private client: Client | null = null;
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly onChange: (change: AuthChange) => void,
    private readonly onReconnect: () => void,
  ) {}

  async start(): Promise<void> {
    await this.connect(false);
  }

  async stop(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(again: boolean): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      const change = message.channel === AUTH_CHANGES_CHANNEL ? parse(message.payload) : null;
      if (change) this.onChange(change);
    });
    const lost = (err?: unknown) => {
      if (this.client === client) this.reconnect(err);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANGES_CHANNEL}`);
    } catch (err) {
      this.client = null;
      await client.end().catch(() => undefined);
      throw err;
    }
    if (again) this.onReconnect();
  }

  private reconnect(err: unknown): void {
    if (this.closing || this.reconnectTimer) return;
    this.logger.warn(`LISTEN connection lost, reconnecting: ${String(err ?? 'closed')}`);
    this.client = null;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect(true).catch((e) => this.reconnect(e));
    }, 1000);
  }
}
