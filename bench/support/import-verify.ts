// What an import of a fresh campaign's 任务分解表 must have left behind, checked against the database and Temporal:
// one card per task the file asks for and none other, each started exactly once (a single IndicatorTaskCreated
// event), every change applied and counted, and Temporal running exactly that many workflows of the campaign. The
// import benchmark checks it after each round, the worker-kill fault test after a worker died mid-import.
import type { Client } from '@temporalio/client';
import type { Db } from '../../src/platform/database/database';
import { INDICATOR_TASK_WORKFLOW_TYPE, indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { waitFor } from './harness';

/** Throws listing every problem; otherwise says what was verified. */
export async function verifyImport(db: Db, client: Client, campaignId: string, expectedTasks: readonly { indicatorCode: string; unitCode: string }[]): Promise<string> {
  const total = expectedTasks.length;
  const expected = new Set(expectedTasks.map((t) => indicatorTaskWorkflowId(campaignId, t.indicatorCode, t.unitCode)));
  const problems = [
    ...(await cardProblems(db, campaignId, expected)),
    ...(await eventProblems(db, campaignId, total)),
    ...(await importRecordProblems(db, campaignId, total)),
    ...(await runningWorkflowProblems(client, campaignId, total)),
  ];
  if (problems.length > 0) throw new Error(`verification FAILED (${problems.length} problems):\n  ${problems.slice(0, 20).join('\n  ')}`);
  return `${total} cards in SELF_CHECK at version 1, one IndicatorTaskCreated event per task, ${total} assignments, every import item applied and counted, ${total} task workflows running: OK`;
}

async function cardProblems(db: Db, campaignId: string, expected: ReadonlySet<string>): Promise<string[]> {
  const problems: string[] = [];
  const cards = await db.selectFrom('indicator_task_cards').select(['task_id', 'stage', 'version']).where('campaign_id', '=', campaignId).execute();
  if (cards.length !== expected.size) problems.push(`${cards.length} cards, expected ${expected.size}`);
  const seen = new Set<string>();
  for (const card of cards) {
    if (!expected.has(card.task_id)) problems.push(`unexpected card ${card.task_id}`);
    if (seen.has(card.task_id)) problems.push(`card ${card.task_id} twice`);
    seen.add(card.task_id);
    if (card.stage !== 'SELF_CHECK' || card.version !== 1) problems.push(`card ${card.task_id}: ${card.stage} v${card.version}`);
  }
  for (const id of expected) if (!seen.has(id)) problems.push(`no card for ${id}`);
  return problems;
}

/** A task started twice would have a second creation event (or a second stream under another id). */
async function eventProblems(db: Db, campaignId: string, total: number): Promise<string[]> {
  const problems: string[] = [];
  const streams = await db
    .selectFrom('events')
    .select(['stream_id', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('type').as('type')])
    .where('stream_id', 'like', `indicator-task:${campaignId}:%`)
    .groupBy('stream_id')
    .execute();
  if (streams.length !== total) problems.push(`${streams.length} event streams, expected ${total}`);
  for (const s of streams) if (Number(s.n) !== 1 || s.type !== 'IndicatorTaskCreated') problems.push(`${s.stream_id}: ${s.n} events (${s.type})`);
  return problems;
}

async function importRecordProblems(db: Db, campaignId: string, total: number): Promise<string[]> {
  const problems: string[] = [];
  const { n: pending } = await db
    .selectFrom('task_breakdown_import_items as i')
    .innerJoin('task_breakdown_imports as r', 'r.id', 'i.import_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.campaign_id', '=', campaignId)
    .where('i.applied_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(pending) !== 0) problems.push(`${pending} import items not applied`);
  const imports = await db.selectFrom('task_breakdown_imports').select(['id', 'status', 'applied_count', 'created_count', 'changed_count']).where('campaign_id', '=', campaignId).execute();
  for (const r of imports) {
    if (r.status !== 'APPLIED') problems.push(`import ${r.id} is ${r.status}`);
    if (r.applied_count !== r.created_count + r.changed_count) problems.push(`import ${r.id} counts ${r.applied_count} applied of ${r.created_count + r.changed_count}`);
  }
  const applied = imports.reduce((sum, r) => sum + r.applied_count, 0);
  if (applied !== total) problems.push(`${applied} changes counted applied, expected ${total}`);
  const { n: assignments } = await db.selectFrom('task_assignments').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
  if (Number(assignments) !== total) problems.push(`${assignments} assignments, expected ${total}`);
  return problems;
}

/**
 * Temporal's own count of the campaign's running task workflows (its visibility store catches up a moment later).
 * Only task workflows: the campaign's clock runs too once an API or worker has started with the campaign in place.
 */
async function runningWorkflowProblems(client: Client, campaignId: string, total: number): Promise<string[]> {
  let running = -1;
  try {
    await waitFor(
      async () => {
        running = (await client.workflow.count(`CampaignId = "${campaignId}" AND WorkflowType = "${INDICATOR_TASK_WORKFLOW_TYPE}" AND ExecutionStatus = "Running"`)).count;
        return running === total;
      },
      60_000,
      `${total} running workflows in Temporal`,
      500,
    );
    return [];
  } catch {
    return [`Temporal counts ${running} running task workflows of the campaign, expected ${total}`];
  }
}
