// Mobilization (动员部署, issue 19): the documents the office issued and each unit's response to them, as the
// 动员部署 tab shows them (projections of the documents' and the responses' streams, rebuildable from them).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mobilization_documents')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('unit_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index mobilization_documents_campaign on mobilization_documents (campaign_id, issued_at desc)`.execute(db);
  await sql`create index mobilization_documents_units on mobilization_documents using gin (unit_codes)`.execute(db);

  await db.schema
    .createTable('mobilization_responses')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('escalation_level', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create unique index mobilization_responses_document_unit on mobilization_responses (document_id, unit_code)`.execute(db);
  await sql`create index mobilization_responses_unit on mobilization_responses (campaign_id, unit_code)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mobilization_responses').execute();
  await db.schema.dropTable('mobilization_documents').execute();
}
