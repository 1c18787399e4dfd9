// Delivering notifications beyond the inbox (issue 16): a person's email address, their delivery preferences
// (channels, quiet hours), and the delivery log: one row per notification and channel, written by the delivery
// workflow's activities (PENDING, SENT, FAILED, SKIPPED), with attempts and the last error.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema
    .createTable('notification_preferences')
    .addColumn('login', 'text', (c) => c.primaryKey())
    // null: every configured channel (SMS for urgent ones only); otherwise the channels the person chose.
    .addColumn('channels', sql`text[]`)
    .addColumn('quiet_hours_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('quiet_start', 'text', (c) => c.notNull().defaultTo('22:00'))
    .addColumn('quiet_end', 'text', (c) => c.notNull().defaultTo('07:00'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addPrimaryKeyConstraint('notification_deliveries_pk', ['notification_id', 'channel'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
}
