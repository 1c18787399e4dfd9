// Indexes for the paged boards (issue 14): a column's page is `campaign, stage (or state), then the board's order`,
// so that the first page of a column, and each page after a cursor, is an index seek and a read of the next rows in
// order at any size of campaign, and its count an index-only range. A second index leads with the unit, for the
// board of one unit (`unitCode`). The expressions must stay written as the boards write them
// (src/indicator-task/indicator-task.repository.ts BOARD_ORDERING, src/rectification-item ITEM_BOARD_ORDERING).
//
// boardAsOf for a unit reads only the streams of that unit's tasks: the cards it has now, and the tasks it had
// before a reassignment or a new breakdown moved them, found by the partial expression indexes on the events
// that record the previous unit (the old board read every event of the campaign).
import { sql, type Kysely } from 'kysely';

const INDEXES: Record<string, string> = {
  indicator_task_cards_board: 'indicator_task_cards (campaign_id, stage, (coalesce(stage_due_at, due_at)), task_id collate "C")',
  indicator_task_cards_board_unit: 'indicator_task_cards (campaign_id, unit_code, stage, (coalesce(stage_due_at, due_at)), task_id collate "C")',
  rectification_item_cards_board: 'rectification_item_cards (campaign_id, state, (coalesce(due_at, created_at)), item_id collate "C")',
  rectification_item_cards_board_unit: 'rectification_item_cards (campaign_id, unit_code, state, (coalesce(due_at, created_at)), item_id collate "C")',
  events_previous_unit: "events ((data->>'previousUnitCode'), stream_id) where type = 'TaskReassigned'",
  events_previous_lead_unit: "events ((data->>'previousLeadUnitCode'), stream_id) where type = 'TaskBreakdownChanged'",
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, on] of Object.entries(INDEXES)) await sql.raw(`create index ${name} on ${on}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(INDEXES)) await db.schema.dropIndex(name).execute();
}
