// Many rows in one statement through one jsonb parameter: PostgreSQL turns it into rows of the table's own type
// (jsonb_populate_recordset). The same rows written as VALUES take a parameter per value (20,000 for a thousand
// cards of twenty columns), each sent, parsed and planned on its own; a rebuild writes a hundred thousand cards.
import { sql, type Transaction } from 'kysely';
import type { Database } from './database.types';

/** Rows per statement. */
const CHUNK = 1_000;

/**
 * Inserts a row for each of `items`, or on a `key` already present updates every other column given. `toRow` gives
 * each the same columns, JSON-ready: dates as Date or ISO text, jsonb columns as the value itself (not its text).
 */
export async function upsertJsonRows<T>(trx: Transaction<Database>, table: keyof Database, key: string, items: readonly T[], toRow: (item: T) => Record<string, unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = items.slice(i, i + CHUNK).map(toRow);
    const columns = Object.keys(rows[0]);
    const list = sql.join(columns.map((c) => sql.ref(c)));
    const updates = sql.join(columns.filter((c) => c !== key).map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
    await sql`insert into ${sql.table(table)} (${list})
      select ${list} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)
      on conflict (${sql.ref(key)}) do update set ${updates}`.execute(trx);
  }
}
