import type { Transaction } from 'kysely';
import type { Database } from '../database/database.types';

export interface StoredEvent {
  /** Global position, int8 as a string. */
  position: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurredAt: Date;
}

/** A projection updated in the same transaction as the append; its rows are rebuilt from the events. */
export interface InlineProjection {
  readonly name: string;
  /** Raised whenever the rows a projection writes change meaning; older rows are rebuilt at start-up. */
  readonly schemaVersion: number;
  /** Applies events already written in this transaction, in stream order. */
  apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void>;
  /** Rebuilds the projection's rows from all events, inside the given transaction. */
  rebuild(trx: Transaction<Database>, readAll: (after: string, limit: number) => Promise<StoredEvent[]>): Promise<{ events: number }>;
}

/** The channel on which every append is announced to the API instances. */
export const EVENTS_CHANNEL = 'domain_events';

export interface EventNotification {
  streamId: string;
  version: number;
  type: string;
  position: string;
}
