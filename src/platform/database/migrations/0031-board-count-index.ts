// A board's column counts at district scale (issue 18): every board answers each column's count, over all the
// cards the viewer may see, and at 100,000 cards reading every card row for it took most of the board's time. This
// index holds what a count looks at (the campaign, the column, and the codes that say whether a card is shown and to
// whom), so that PostgreSQL counts from the index alone (src/indicator-task/indicator-task.repository.ts columnCounts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index indicator_task_cards_counts on indicator_task_cards (campaign_id, stage) include (unit_code, lead_unit_code, indicator_code)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_task_cards_counts').execute();
}
