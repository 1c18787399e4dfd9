// One PostgreSQL LISTEN on its own connection, kept alive: a lost connection is opened again every second until it
// is back (each failed attempt schedules the next). Notices sent while it was down are lost, so `onLost` tells the
// owner at once and `onReconnect` lets it catch up.
import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export class PgChannelListener {
  private readonly logger: Logger;
  private client: Client | null = null;
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string | undefined) => void,
    private readonly onReconnect: () => void = () => undefined,
    name = 'Listen',
    private readonly onLost: () => void = () => undefined,
  ) {
    this.logger = new Logger(name);
  }

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
      if (message.channel === this.channel) this.onPayload(message.payload);
    });
    const lost = (err?: unknown) => {
      if (this.client === client) this.reconnect(err);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      this.client = null;
      await client.end().catch(() => undefined);
      throw err;
    }
    if (again) this.onReconnect();
  }

  private reconnect(err: unknown): void {
    if (this.closing || this.reconnectTimer) return;
    this.logger.warn(`LISTEN ${this.channel} connection lost, reconnecting: ${String(err ?? 'closed')}`);
    this.client = null;
    this.onLost();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect(true).catch((e) => this.reconnect(e));
    }, 1000);
  }
}
