// Official notices (issue 16): the numbers given out (a register, not a projection: never rebuilt, never reused),
// the notices as the card and lists show them (a projection of the notices' streams), and the templates the office
// put in place of the default ones.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per notice that took a number: gapless per kind and year, given once per notice id.
  await db.schema
    .createTable('official_notice_numbers')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('allocated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('official_notice_numbers_pk', ['kind', 'year', 'seq'])
    .execute();

  await db.schema
    .createTable('official_notices')
    .addColumn('notice_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('item_id', 'text')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ack_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('escalation_level', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index official_notices_task on official_notices (task_id, issued_at) where task_id is not null`.execute(db);
  await sql`create index official_notices_item on official_notices (item_id, issued_at) where item_id is not null`.execute(db);
  await sql`create index official_notices_unit on official_notices (campaign_id, unit_code, state)`.execute(db);

  await db.schema
    .createTable('official_notice_templates')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('official_notice_templates').execute();
  await db.schema.dropTable('official_notices').execute();
  await db.schema.dropTable('official_notice_numbers').execute();
}
