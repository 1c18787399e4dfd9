// What every fault test does around its fault: start the system as processes, start the load's workflows, and
// afterwards judge what the clients saw. Sizes are small by default so that the tier fits CI; FAULT_TASKS and
// FAULT_CONCURRENCY make the load larger.
import type { Client } from '@temporalio/client';
import { waitFor } from '../../../bench/support/harness';
import { STEPS, benchTasks, type BenchTask } from '../../../bench/support/lifecycle';
import type { Db } from '../../../src/platform/database/database';
import { startIndicatorTasks, type NewIndicatorTask } from '../../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../../workflows/indicator-task/indicator-task.messages';
import { usingCluster } from '../../support/temporal-under-test';
import { FaultStack, type NodeProcess } from './fault-stack';
import { LifecycleLoad, type FailedAttempt, type LoadOptions } from './lifecycle-load';

function intEnv(name: string, fallback: number): number {
  const value = process.env[name] === undefined ? fallback : Number(process.env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got ${process.env[name]}`);
  return value;
}

export const FAULT_TASKS = intEnv('FAULT_TASKS', 16);
export const FAULT_CONCURRENCY = intEnv('FAULT_CONCURRENCY', 6);
/** How long a server stays away, at least, when a test stops it. */
export const OUTAGE_MS = intEnv('FAULT_OUTAGE_MS', 3_000);
/** Each test's own time limit: generous for the default size, growing with the load. */
export const TEST_TIMEOUT_MS = 180_000 + FAULT_TASKS * STEPS.length * 200;
/** How long the load may take, from its start, before the test gives up on it. */
export const LOAD_TIMEOUT_MS = TEST_TIMEOUT_MS - 60_000;

const began = Date.now();
export const log = (line: string) => console.log(`[faults +${((Date.now() - began) / 1000).toFixed(1)} s] ${line}`);

/**
 * The test file's FaultStack: created before its tests; after them every process stopped and the folder removed.
 * Returns `faultTest`, which declares a test whose body gets the stack, within TEST_TIMEOUT_MS, a failure
 * carrying the processes' last log lines.
 */
export function useFaultStack(): (name: string, body: (stack: FaultStack) => Promise<void>) => void {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await FaultStack.create();
  });
  afterAll(async () => {
    await stack?.stop();
    log('everything stopped, folder removed');
  }, 120_000);
  return (name, body) => it(name, () => stack.explain(() => body(stack)), TEST_TIMEOUT_MS);
}

export interface System {
  db: Db;
  client: Client;
  workers: NodeProcess[];
  apis: NodeProcess[];
  tasks: BenchTask[];
  /** A second campaign for the tasks a test probes or times on its own, outside the load's exact check. */
  sideCampaignId: string;
}

/** PostgreSQL, Temporal, a worker, the given number of APIs, and the load's workflows with their cards. */
export async function startSystem(stack: FaultStack, options: { apis: number }): Promise<System> {
  const sideCampaignId = `${stack.campaignId}-side`;
  const cli = process.env.TEMPORAL_CLI;
  if (!cli) throw new Error('TEMPORAL_CLI is not set: run the fault tests through jest (global setup)');
  await Promise.all([stack.startPostgres(), stack.startTemporal(cli)]);
  log(`PostgreSQL and the Temporal ${usingCluster() ? 'cluster (four services)' : 'dev server'} started`);
  await stack.prepareDatabase([stack.campaignId, sideCampaignId]);
  const db = stack.db();
  const client = await stack.client();
  const workers = [await stack.startWorker()];
  const apis = await Promise.all(Array.from({ length: options.apis }, () => stack.startApi()));
  log(`a worker and ${apis.length} API(s) started`);
  const { tasks, starts } = benchTasks(stack.campaignId, FAULT_TASKS);
  await startTasks(db, client, stack.taskQueue, starts);
  log(`${tasks.length} tasks started, their cards on the board`);
  return { db, client, workers, apis, tasks, sideCampaignId };
}

/** Starts workflows and waits until each has its card. */
export async function startTasks(db: Db, client: Client, taskQueue: string, starts: readonly NewIndicatorTask[]): Promise<void> {
  const started = await startIndicatorTasks(client, taskQueue, starts);
  if (started !== starts.length) throw new Error(`started ${started} workflows, expected ${starts.length}`);
  const campaigns = [...new Set(starts.map((s) => s.campaignId))];
  await waitFor(
    async () => {
      const cards = await db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', 'in', campaigns).execute();
      const ids = new Set(cards.map((c) => c.task_id));
      return starts.every((s) => ids.has(indicatorTaskWorkflowId(s.campaignId, s.indicatorCode, s.unitCode)));
    },
    60_000,
    `${starts.length} cards`,
    100,
  );
}

/**
 * A load on the system: its tasks, FAULT_CONCURRENCY at a time, spread over its APIs, given up once a process died;
 * `options` may change any of these.
 */
export function loadOn(stack: FaultStack, system: System, options: Partial<LoadOptions> & Pick<LoadOptions, 'deadline'>): LifecycleLoad {
  return new LifecycleLoad({
    apis: () => system.apis.map((a) => a.url),
    tasks: system.tasks,
    concurrency: FAULT_CONCURRENCY,
    check: () => expectNoCrashes(stack),
    ...options,
  });
}

/** Tasks of the side campaign (distinct from the load's), for probes and timers. */
export function sideTasks(system: System, n: number): { tasks: BenchTask[]; starts: NewIndicatorTask[] } {
  return benchTasks(system.sideCampaignId, n);
}

/** A stack trace, SQL or a file path of the server in what a client received. */
const INSIDES = /\n\s+at\s|\bat\s+\S+\s+\(\/|node_modules|\.ts:\d+|\bselect\s.+\bfrom\b|\binsert into\b/i;

/**
 * Every failure the clients saw was an answer, not a hang, with a code the client may retry on (or, where a
 * process died under it, a refused connection), and nothing of the server's insides. Returns the failures by kind.
 */
export function judgeFailures(failures: readonly FailedAttempt[], allowed: { codes: readonly string[]; network?: boolean }): Record<string, number> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  for (const f of failures) {
    const kind = f.code ?? f.kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (f.kind === 'timeout') problems.push(`${f.what} at ${f.api}: no answer within ${f.ms} ms`);
    else if (f.kind === 'network' && !allowed.network) problems.push(`${f.what} at ${f.api}: ${f.message}`);
    else if (f.kind === 'http') problems.push(`${f.what} at ${f.api}: HTTP ${f.httpStatus} ${f.body.slice(0, 300)}`);
    else if (f.kind === 'graphql' && !allowed.codes.includes(f.code ?? '')) problems.push(`${f.what} at ${f.api}: ${f.code} ${f.message}`);
    if (INSIDES.test(f.body)) problems.push(`${f.what} at ${f.api}: the answer shows the server's insides: ${f.body.slice(0, 300)}`);
    if (f.kind === 'graphql' && !/[\u4e00-\u9fff]/.test(f.message)) problems.push(`${f.what} at ${f.api}: message not in Chinese: ${f.message}`);
  }
  if (problems.length > 0) throw new Error(`clients saw ${problems.length} bad failures:\n  ${[...new Set(problems)].slice(0, 15).join('\n  ')}`);
  return counts;
}

/** No worker or API may die by itself: a fault costs time, never a process. Also ends a load the test gave up on. */
export function expectNoCrashes(stack: FaultStack): void {
  if (stack.stopping) throw new Error('the test is over: everything is being stopped');
  if (stack.crashes.length > 0) throw new Error(`${stack.crashes.length} process(es) died:\n${stack.crashes.join('\n\n')}`);
}
