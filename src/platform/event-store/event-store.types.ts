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

/** What a history (a card's, a round's, the campaign clock's) needs of an event. */
export type HistoryEvent = Pick<StoredEvent, 'position' | 'streamVersion' | 'type' | 'occurredAt' | 'data' | 'metadata'>;

/** A projection updated in the same transaction as the append; its rows are rebuilt from the events. */
export interface InlineProjection {
  readonly name: string;
  /** Raised whenever the rows a projection writes change meaning; older rows are rebuilt at start-up. */
  readonly schemaVersion: number;
  /** Applies events already written in this transaction, in stream order. */
  apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void>;
  /**
   * Starts rebuilding the projection's rows inside the given transaction (clearing them first). The rebuild is then
   * shown every stored event once, in order, together with the other projections being rebuilt, and finished.
   */
  rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild>;
}

/**
 * An event as a rebuild reads it. `lastOfStream`: no later event of its stream was stored when it was read, so a row
 * folded from the stream's events up to it is final and may be written at once, while the rebuild reads on. (An
 * append committed later is still shown to the rebuild if it falls in its range; the row is then folded and written
 * again.)
 */
export interface ReplayedEvent extends StoredEvent {
  lastOfStream: boolean;
}

/** One projection's part of a rebuild. */
export interface ProjectionRebuild {
  /** Folds one event, of any stream; returns a promise only when it has to write before the next event. */
  visit(event: ReplayedEvent): Promise<void> | void;
  /** Writes the rows folded; how many events the projection folded. */
  finish(): Promise<{ events: number }>;
}

/** The channel on which every append is announced to the API instances. */
export const EVENTS_CHANNEL = 'domain_events';

export interface EventNotification {
  streamId: string;
  version: number;
  type: string;
  position: string;
}
