// Fault 3 (issue 7): the Temporal dev server, keeping its state in SQLite, stops in the middle of the load and
// starts again on the same port and file. The worker and the API reconnect by themselves; while the server is away
// the board can still be read, and an action is answered at once with a coded error and succeeds when retried.
// Every task ends with exactly its events, and a deadline's timers that fell due while the server was away still
// fire, each exactly once.
import { waitFor } from '../../bench/support/harness';
import { verifyArchived } from '../../bench/support/lifecycle';
import { DEFAULT_TASK_POLICY, type TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';
import { graphql, sleep } from './support/lifecycle-load';
import { LOAD_TIMEOUT_MS, OUTAGE_MS, expectNoCrashes, judgeFailures, loadOn, log, sideTasks, startSystem, startTasks, useFaultStack } from './support/scenario';

/** An answer during the outage must come back within this, with its code. */
const ANSWER_WITHIN_MS = 30_000;
const SECOND_IN_HOURS = 1 / 3600;
/** Rules of time in seconds: the reminder 2 s before the deadline, then a step of the ladder every second after it. */
const FAST: TaskPolicy = {
  ...DEFAULT_TASK_POLICY,
  reminderBeforeHours: 2 * SECOND_IN_HOURS,
  escalationAfterHours: { URGE: 0, SUPERVISE: 1 * SECOND_IN_HOURS, INTERVIEW: 2 * SECOND_IN_HOURS, ACCOUNTABILITY: 3 * SECOND_IN_HOURS },
};
const LADDER = ['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY'];

describe('fault: the Temporal dev server stopped under load and started again on its SQLite file', () => {
  const faultTest = useFaultStack();

  faultTest('finishes every task with exactly its events once the server is back, and fires the timers that fell due meanwhile', async (stack) => {
    const system = await startSystem(stack, { apis: 1 });
    const api = system.apis[0].url;
    const cli = process.env.TEMPORAL_CLI!;
    const [probe, timed] = sideTasks(system, 2).starts;
    const [probeTask, timedTask] = sideTasks(system, 2).tasks;
    await startTasks(system.db, system.client, stack.taskQueue, [probe]);

    const deadline = Date.now() + LOAD_TIMEOUT_MS;
    const load = loadOn(stack, system, { deadline });
    const running = load.start();
    await load.progress(0.35, LOAD_TIMEOUT_MS);

    // A task waiting on the durable timer of its reminder, which falls due while the server is away.
    const dueAt = Date.now() + 8_000;
    await startTasks(system.db, system.client, stack.taskQueue, [{ ...timed, dueAt: new Date(dueAt).toISOString(), policy: FAST }]);
    const history = async () => (await system.client.workflow.getHandle(timedTask.taskId).fetchHistory()).events ?? [];
    await waitFor(async () => (await history()).some((e) => e.timerStartedEventAttributes), 30_000, 'the reminder timer to be started');
    await stack.stopTemporal();
    const stoppedAt = Date.now();
    const doneAtStop = load.done;
    log(`Temporal dev server stopped at ${doneAtStop}/${load.total} steps`);

    // Reads need only PostgreSQL; an action is refused with a code while the server is away.
    const read = await graphql<{ version: number }>(api, 'office', 'query($id: String!) { indicatorTask(id: $id) { stage version } }', { id: system.tasks[0].taskId }, 'read during the outage');
    expect(read.failure).toBeNull();
    const acting = loadOn(stack, system, { tasks: [probeTask], concurrency: 1, deadline, steps: 1 });
    const probing = acting.start();
    await waitFor(async () => acting.failures.length > 0, ANSWER_WITHIN_MS, 'the action during the outage to be answered');
    expect(acting.failures[0]).toMatchObject({ kind: 'graphql', code: 'UNAVAILABLE' });
    expect(acting.done).toBe(0);

    // Away until the whole ladder is overdue (and at least OUTAGE_MS).
    await sleep(Math.max(stoppedAt + OUTAGE_MS, dueAt + 3_000 + 500) - Date.now());
    expectNoCrashes(stack);
    await stack.startTemporal(cli);
    log(`Temporal dev server started again after ${Date.now() - stoppedAt} ms at ${load.done}/${load.total} steps; the action during the outage was answered ${acting.failures[0].code} in ${acting.failures[0].ms} ms`);

    await probing;
    await running;
    expect(doneAtStop).toBeLessThan(load.total);
    log(`load done: ${load.retries} retries, ${load.recognised} steps recognised as already applied, failures ${JSON.stringify(judgeFailures(load.failures, { codes: ['UNAVAILABLE'] }))}`);
    judgeFailures(acting.failures, { codes: ['UNAVAILABLE'] });
    expectNoCrashes(stack);
    log(`${await verifyArchived(system.db, system.client, stack.campaignId, system.tasks)}`);

    const events = (streamId: string) => system.db.selectFrom('events').select(['type', 'stream_version', 'data']).where('stream_id', '=', streamId).orderBy('stream_version').execute();
    expect((await events(probeTask.taskId)).map((e) => [e.stream_version, e.type])).toEqual([
      [1, 'IndicatorTaskCreated'],
      [2, 'SelfCheckSubmitted'],
    ]);
    // The whole ladder, each step once: the reminder's timer, started before the outage, fired after it, and
    // the steps that fell due meanwhile followed at once.
    await waitFor(async () => (await events(timedTask.taskId)).length >= 1 + LADDER.length, 60_000, 'the deadline ladder').catch(async (err: Error) => {
      throw new Error(`${err.message}: its events are ${JSON.stringify((await events(timedTask.taskId)).map((e) => e.type))}`);
    });
    await sleep(1_500); // a step recorded twice would show by now: the ladder's steps are 1 s apart
    const ladder = await events(timedTask.taskId);
    expect(ladder.map((e) => [e.stream_version, e.type, (e.data as { level?: string }).level ?? null])).toEqual([
      [1, 'IndicatorTaskCreated', null],
      ...LADDER.map((level, i) => [i + 2, 'DeadlineEscalated', level]),
    ]);
    expect((await history()).filter((e) => e.timerFiredEventAttributes).length).toBeGreaterThanOrEqual(1);
  });
});
