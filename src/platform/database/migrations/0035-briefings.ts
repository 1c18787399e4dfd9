// Briefings and circulars (issue 19): the numbers given out (a register, not a projection: never rebuilt, never
// reused) and the briefings as lists and the 文书档案 tab show them (a projection of the briefings' streams).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per briefing that took a number: gapless per kind and year, given once per briefing id.
  await db.schema
    .createTable('briefing_numbers')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('briefing_id', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('allocated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('briefing_numbers_pk', ['kind', 'year', 'seq'])
    .execute();

  await db.schema
    .createTable('briefings')
    .addColumn('briefing_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    .addColumn('named_units', sql`text[]`, (c) => c.notNull())
    .addColumn('pending_units', sql`text[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index briefings_list on briefings (campaign_id, kind, updated_at desc)`.execute(db);
  await sql`create index briefings_named on briefings using gin (named_units)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('briefings').execute();
  await db.schema.dropTable('briefing_numbers').execute();
}
