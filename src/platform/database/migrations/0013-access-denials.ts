// The record of denied attempts: every FORBIDDEN and UNAUTHENTICATED answer of the GraphQL API, with who asked
// (null when nobody was signed in), what, from where and when. Written by src/audit/, read by `accessDenials`.
// Only ever inserted; read newest first by id.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('access_denials')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'text')
    .addColumn('login', 'text')
    .addColumn('role', 'text')
    .addColumn('unit_code', 'text')
    .addColumn('operation_type', 'text')
    .addColumn('operation_name', 'text')
    .addColumn('path', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('access_denials_occurred_at').on('access_denials').column('occurred_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_denials').execute();
}
