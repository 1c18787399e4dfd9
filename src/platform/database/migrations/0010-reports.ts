// Reports replay a campaign's events by position (绩效考核, 红黑榜, the board as of a past instant). Stream ids
// name their campaign second (`indicator-task:{campaign}:…`, `rectification-item:{campaign}:…`), so an index on
// that part and the position lets a report read one campaign's events in order, in batches, without scanning
// the others'.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index events_campaign_position on events (split_part(stream_id, ':', 2), position)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_campaign_position').execute();
}
