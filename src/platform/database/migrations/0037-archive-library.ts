// The archive library and packages (issue 19, 五(四)1): the library's documents and the packages as the 档案库 tab
// shows them, both projections of their streams (`archive-document-…`, `archive-package-…`), rebuilt from events.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('archive_documents')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index archive_documents_campaign on archive_documents (campaign_id, state, submitted_at desc)`.execute(db);
  await sql`create unique index archive_documents_source on archive_documents (source) where source is not null`.execute(db);

  await db.schema
    .createTable('archive_packages')
    .addColumn('package_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index archive_packages_campaign on archive_packages (campaign_id, requested_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('archive_packages').execute();
  await db.schema.dropTable('archive_documents').execute();
}
