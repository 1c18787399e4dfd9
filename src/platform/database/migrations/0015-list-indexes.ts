// Indexes for the paged lists `tasks` and `items` (src/indicator-task/task-list.ts, src/rectification-item/item-list.ts):
// one per ordering, on the campaign and then exactly the ordering's sort keys, so that a page after a cursor is
// an index seek on `(k1, …, id) > (…)` and a read of the next rows in order, never a scan of the pages before and
// never a sort. Descending orderings read the same index backwards. Ids and codes are in byte order (COLLATE "C"),
// as the lists sort them; the expressions must stay written as the lists write them, or PostgreSQL will not use
// the index (the lists would still be right, only slower).
//
// Every filter of the lists is on a column the cards already have (the item's indicator is found through its
// task or criterion), so no column is added.
import { sql, type Kysely } from 'kysely';

const INDEXES: Record<string, string> = {
  indicator_task_cards_list_due: 'indicator_task_cards (campaign_id, due_at, task_id collate "C")',
  indicator_task_cards_list_updated: 'indicator_task_cards (campaign_id, updated_at, task_id collate "C")',
  indicator_task_cards_list_indicator: 'indicator_task_cards (campaign_id, indicator_code collate "C", task_id collate "C")',
  indicator_task_cards_list_escalation:
    "indicator_task_cards (campaign_id, (case escalation_level when 'ACCOUNTABILITY' then 0 when 'INTERVIEW' then 1 when 'SUPERVISE' then 2 " +
    "when 'URGE' then 3 when 'REMINDER' then 4 else 5 end), due_at, task_id collate \"C\")",
  rectification_item_cards_list_due: "rectification_item_cards (campaign_id, (coalesce(due_at, 'infinity'::timestamptz)), item_id collate \"C\")",
  rectification_item_cards_list_reported: 'rectification_item_cards (campaign_id, created_at, item_id collate "C")',
  rectification_item_cards_list_updated: 'rectification_item_cards (campaign_id, updated_at, item_id collate "C")',
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, on] of Object.entries(INDEXES)) await sql.raw(`create index ${name} on ${on}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(INDEXES)) await db.schema.dropIndex(name).execute();
}
