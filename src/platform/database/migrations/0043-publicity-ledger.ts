// The 宣传组's publicity ledger (issue 20, plan 四(四), 六(四)): projections of the ledgers' streams, rebuildable. The
// ledger (its whole state) and one row per entry with the columns the lists filter and count on (community, channel,
// month, indicators); a voided entry keeps its row, marked voided.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publicity_ledgers')
    .addColumn('ledger_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().unique())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publicity_entries')
    .addColumn('entry_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0`))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('indicator_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('photos', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('voided', 'boolean', (c) => c.notNull())
    .addColumn('void_reason', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'timestamptz')
    .addColumn('corrections', 'integer', (c) => c.notNull())
    .addColumn('last_reason', 'text')
    .execute();
  await sql`create index publicity_entries_list on publicity_entries (campaign_id, held_on desc, entry_id)`.execute(db);
  await sql`create index publicity_entries_indicators on publicity_entries using gin (indicator_codes)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('publicity_entries').execute();
  await db.schema.dropTable('publicity_ledgers').execute();
}
