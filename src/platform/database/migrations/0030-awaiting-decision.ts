// The approval queue read in SQL (issue 18): `tasks(filter: { awaitingMyDecision: true })` looks only at the cards
// on which a decision can wait at all (a review or an extension request waiting, or a consolidated task the office
// may move to archiving), a small part of a large campaign. Partial indexes hold exactly those cards, in the `tasks`
// list's default order (due date, id) and in the order of the latest change, so that a page of the queue is an index
// range however many cards the campaign has. The predicate must stay implied by the one in
// src/indicator-task/indicator-task.repository.ts (taskAwaitingDecisionOf), or PostgreSQL cannot use these indexes.
import { sql, type Kysely } from 'kysely';

const MAY_WAIT = "(awaiting_review is not null or pending_extension or stage = 'CONSOLIDATION')";

const INDEXES: Record<string, string> = {
  indicator_task_cards_awaiting_due: `indicator_task_cards (campaign_id, due_at, task_id collate "C") where ${MAY_WAIT}`,
  indicator_task_cards_awaiting_updated: `indicator_task_cards (campaign_id, updated_at, task_id collate "C") where ${MAY_WAIT}`,
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, on] of Object.entries(INDEXES)) await sql.raw(`create index ${name} on ${on}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(INDEXES)) await db.schema.dropIndex(name).execute();
}
