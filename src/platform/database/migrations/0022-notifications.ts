// The in-app inbox (站内消息, issue 16): one durable row per notification and recipient, written by the
// notifications projection in the same transaction as the event that causes it. Unique per source event and
// recipient, so a retried append, a replay or a rebuild never writes a second one, and read state survives.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_login', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('item_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('urgent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source_event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addUniqueConstraint('notifications_source_recipient', ['source_event_id', 'recipient_login'])
    .execute();
  // A person's inbox, newest first (keyset paging on created_at desc, id desc).
  await sql`create index notifications_inbox on notifications (recipient_login, created_at desc, id desc)`.execute(db);
  // The unread count and the unread-only list.
  await sql`create index notifications_unread on notifications (recipient_login, created_at desc, id desc) where read_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
