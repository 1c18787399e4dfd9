import type { Client } from '@temporalio/client';
import type { Db } from '../../src/platform/database/database';
import { randomBytes } from 'node:crypto';
import { insertDemoReferenceData } from '../../src/demo/demo-data';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { DEMO_CAMPAIGN } from '../../src/demo/demo-organisation';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { startTestStack, type TestStack, type TestStackOptions } from './test-env';

/**
 * Each test file gets its own campaign id: workflow ids are business keys on a Temporal server that all test
 * files share, so two files using one campaign would meet each other's workflows.
 */
export const CAMPAIGN = `test-${randomBytes(4).toString('hex')}`;

export async function seedReferenceData(db: Db): Promise<void> {
  await insertDemoReferenceData(db, readDemoCatalog(), { ...DEMO_CAMPAIGN, id: CAMPAIGN });
}
export const OFFICE_ACTOR = { userId: 'user:office', displayName: '张霞（创建办主任）', role: 'OFFICE' as const, unitCode: null };

/** Starts the task of the file's campaign for the indicator and unit: led by 宣传统战办, due 2027-03-31, created by the office. */
export async function startTestTask(client: Client, taskQueue: string, indicatorCode: string, unitCode: string): Promise<void> {
  await startIndicatorTask(client, taskQueue, { campaignId: CAMPAIGN, indicatorCode, unitCode, leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR });
}

/** Demo reference data plus one started task; resolves once the task's card is on the board. */
export async function seedTask(db: Db, client: Client, taskQueue: string, indicatorCode = 'A4', unitCode = 'WTSQ'): Promise<string> {
  await seedReferenceData(db);
  await startTestTask(client, taskQueue, indicatorCode, unitCode);
  const taskId = indicatorTaskWorkflowId(CAMPAIGN, indicatorCode, unitCode);
  await waitFor(async () => (await db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined);
  return taskId;
}

/** A test stack (see startTestStack) holding the demo's reference data in the file's campaign. */
export async function startSeededStack(options: TestStackOptions): Promise<TestStack> {
  return (await startAndSeed(options, (stack) => seedReferenceData(stack.db))).stack;
}

/** A test stack with the demo's reference data and one started task (seedTask's), its card on the board. */
export async function startStackWithTask(options: TestStackOptions): Promise<{ stack: TestStack; taskId: string }> {
  const { stack, seeded } = await startAndSeed(options, (s) => seedTask(s.db, s.temporal, s.config.temporal.taskQueue));
  return { stack, taskId: seeded };
}

/** Starts a stack and seeds it; a stack whose seeding failed is stopped, since the test file never gets it to stop. */
export async function startAndSeed<T>(options: TestStackOptions, seed: (stack: TestStack) => Promise<T>): Promise<{ stack: TestStack; seeded: T }> {
  const stack = await startTestStack(options);
  try {
    return { stack, seeded: await seed(stack) };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

export async function waitFor(predicate: () => Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function eventsOf(db: Db, streamId: string) {
  return db.selectFrom('events').select(['type', 'stream_version', 'event_id']).where('stream_id', '=', streamId).orderBy('stream_version').execute();
}
