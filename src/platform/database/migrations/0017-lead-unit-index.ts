// A unit's board and its `tasks` list show the tasks the unit does or leads: `unit_code = $1 or lead_unit_code = $1`.
// With an index on each side PostgreSQL answers the OR with two index scans (a BitmapOr); with none on the lead
// unit it read every card of the campaign for each such request (bench/board-query.bench.ts: a sequential scan
// of 10,000 cards for the 40 a community sees, growing with the campaign).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('indicator_task_cards_campaign_lead_unit').on('indicator_task_cards').columns(['campaign_id', 'lead_unit_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_task_cards_campaign_lead_unit').execute();
}
