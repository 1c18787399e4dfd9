// Service accounts for other systems (the district's campaign office pulls progress): a name, the scopes it may
// read, and one API key kept only as its SHA-256 (shown once, when made or rotated). And refresh-token reuse:
// each session keeps the hash of the refresh token it replaced last, so that a replaced token presented again
// (stolen, or replayed) is recognised and the session ended.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_accounts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('scopes', sql`text[]`, (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('key_rotated_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'text')
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('auth_sessions').addColumn('previous_refresh_hash', 'text').execute();
  await db.schema.createIndex('auth_sessions_previous_refresh').on('auth_sessions').column('previous_refresh_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('auth_sessions_previous_refresh').execute();
  await db.schema.alterTable('auth_sessions').dropColumn('previous_refresh_hash').execute();
  await db.schema.dropTable('service_accounts').execute();
}
