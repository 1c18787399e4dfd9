// The transactional outbox for workflows (issue 16): a projection that decides, inside an append's transaction, that
// an event must start a workflow (deliver a notification, follow an official notice) writes one row here; the
// worker's outbox starter starts each row's workflow once (its id is the row's key) and marks the row started.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workflow_outbox')
    .addColumn('workflow_id', 'text', (c) => c.primaryKey())
    .addColumn('workflow_type', 'text', (c) => c.notNull())
    .addColumn('args', 'jsonb', (c) => c.notNull())
    .addColumn('source_event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  // What the starter still has to start, oldest first.
  await sql`create index workflow_outbox_pending on workflow_outbox (created_at) where started_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workflow_outbox').execute();
}
