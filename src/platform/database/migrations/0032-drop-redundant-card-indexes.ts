// Fewer indexes to keep up on the task cards (issue 18): every card write (a projection's upsert, each of a rebuild's
// million) updates every index of indicator_task_cards, and two of the first migration's are covered by later ones
// but for their last column, due_at: (campaign_id, stage) leads 0031's count index and 0019's board index,
// (campaign_id, unit_code) leads 0019's unit board index. The boards order by the stage's deadline and the `tasks`
// list by (due_at, task_id), which neither of the two could give in full (0015's list indexes do).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_task_cards_campaign_stage').ifExists().execute();
  await db.schema.dropIndex('indicator_task_cards_campaign_unit').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('indicator_task_cards_campaign_stage').ifNotExists().on('indicator_task_cards').columns(['campaign_id', 'stage', 'due_at']).execute();
  await db.schema.createIndex('indicator_task_cards_campaign_unit').ifNotExists().on('indicator_task_cards').columns(['campaign_id', 'unit_code', 'due_at']).execute();
}
