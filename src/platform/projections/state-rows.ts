// What the notices' and the paperwork's projections share (official notices, units' reports, mobilization, the archive):
// one row per stream that keeps the stream's whole state in `state_json`, beside the few columns its lists filter on,
// folded with the workflow's own evolve function. Each says its table and key column, which streams are its, how a
// state begins and evolves, its row (null while the stream has not recorded its first event) and the columns an
// upsert changes; reading, folding, writing in chunks and clearing are the same for all.
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { StoredEvent } from '../event-store/event-store.types';
import type { StreamRows } from './stream-rows';

const INSERT_CHUNK = 500;

/** A stream's row while it is folded: its state and the position of its last event. */
export interface StateRow<S> {
  state: S;
  lastPosition: string;
}

/** The tables kept this way: those with `state_json` and `last_position`. */
export type StateTable = { [T in keyof Database]: Database[T] extends { state_json: unknown; last_position: unknown } ? T : never }[keyof Database];

export interface StateRowsSpec<T extends StateTable, S extends { version: number }, E> {
  table: T;
  /** The key column: the stream's id. */
  key: keyof Database[T] & string;
  isStream(streamId: string): boolean;
  initial(streamId: string): S;
  evolve(state: S, event: E, meta: { actorId: string; at: string }): S;
  toRow(row: StateRow<S>): Insertable<Database[T]> | null;
  /** The columns an upsert of an existing row changes. */
  updated: readonly (keyof Database[T] & string)[];
}

/** Who recorded an event and when, as the workflows' evolve functions take it. */
export function eventMeta(event: StoredEvent): { actorId: string; at: string } {
  const actor = event.metadata.actor as { userId?: string } | undefined;
  return { actorId: actor?.userId ?? '', at: event.occurredAt.toISOString() };
}

/** Tables named at run time: the spec's types keep each projection's own columns right. */
type LooseTransaction = Transaction<Record<string, Record<string, unknown>>>;

export function stateRows<T extends StateTable, S extends { version: number }, E>(spec: StateRowsSpec<T, S, E>): StreamRows<StateRow<S>> {
  const loose = (trx: Transaction<Database>) => trx as unknown as LooseTransaction;
  const table: string = spec.table;
  const key: string = spec.key;
  const updated: readonly string[] = spec.updated;
  return {
    isStream: spec.isStream,
    async read(trx, ids) {
      const rows = await loose(trx).selectFrom(table).select([key, 'state_json', 'last_position']).where(key, 'in', ids).execute();
      return new Map(rows.map((r) => [String(r[key]), { state: r.state_json as S, lastPosition: String(r.last_position) }]));
    },
    fold(row, event) {
      const state = spec.evolve(row?.state ?? spec.initial(event.streamId), { type: event.type, data: event.data } as E, eventMeta(event));
      return { state, lastPosition: event.position };
    },
    async write(trx, rows) {
      const values = rows.map(spec.toRow).filter((r) => r !== null) as Record<string, unknown>[];
      for (let i = 0; i < values.length; i += INSERT_CHUNK) {
        await loose(trx)
          .insertInto(table)
          .values(values.slice(i, i + INSERT_CHUNK))
          .onConflict((oc) => oc.column(key).doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}`)]))))
          .execute();
      }
    },
    async clear(trx) {
      await loose(trx).deleteFrom(table).execute();
    },
  };
}
