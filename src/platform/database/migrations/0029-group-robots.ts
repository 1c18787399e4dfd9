// The 企业微信 and 钉钉 group robots (issue 16): a unit's own groups from the organisation import (only keys, never
// URLs), and one row per group message sent, so that the several people of one event in one group get one message
// that mentions them all, sent once however often the deliveries are retried.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_robots')
    .addColumn('unit_code', 'text', (c) => c.primaryKey().references('units.code').onDelete('cascade'))
    .addColumn('wecom_key', 'text')
    .addColumn('dingtalk_token', 'text')
    .addColumn('dingtalk_secret', 'text')
    .execute();
  await db.schema
    .createTable('robot_messages')
    // A hash of the channel, the source event and the group: one message per event and group.
    .addColumn('message_key', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('source_event_id', 'text', (c) => c.notNull())
    .addColumn('notification_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('robot_messages').execute();
  await db.schema.dropTable('unit_robots').execute();
}
