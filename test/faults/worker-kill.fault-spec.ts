// Fault 1 (issue 7): the only worker is killed with SIGKILL in the middle of the load, and a new worker process
// starts. Updates the dead worker had taken are delivered again to the new one; every task still ends archived
// with exactly its events.
import { verifyArchived } from '../../bench/support/lifecycle';
import { FaultStack } from './support/fault-stack';
import { LifecycleLoad } from './support/lifecycle-load';
import { FAULT_CONCURRENCY, LOAD_TIMEOUT_MS, TEST_TIMEOUT_MS, expectNoCrashes, judgeFailures, log, startSystem } from './support/scenario';

describe('fault: the worker killed with SIGKILL under load', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.create();
  });
  afterAll(async () => {
    await stack?.stop();
    log('everything stopped, folder removed');
  }, 120_000);

  it(
    'finishes every task with exactly its events once a new worker runs',
    () =>
      stack.explain(async () => {
        const system = await startSystem(stack, { apis: 1 });
        const load = new LifecycleLoad({ apis: () => system.apis.map((a) => a.url), tasks: system.tasks, concurrency: FAULT_CONCURRENCY, deadline: Date.now() + LOAD_TIMEOUT_MS, check: () => expectNoCrashes(stack) });
        const running = load.run();
        running.catch(() => undefined);

        await load.progress(0.3, LOAD_TIMEOUT_MS);
        await stack.kill(system.workers[0]);
        const doneAtKill = load.done;
        log(`worker killed with SIGKILL at ${doneAtKill}/${load.total} steps`);
        system.workers[0] = await stack.startWorker();
        log(`new worker healthy at ${load.done}/${load.total} steps`);

        await running;
        expect(doneAtKill).toBeLessThan(load.total);
        log(`load done: ${load.retries} retries, ${load.recognised} steps recognised as already applied, failures ${JSON.stringify(judgeFailures(load.failures, { codes: ['UNAVAILABLE'] }))}`);
        expectNoCrashes(stack);
        log(`${await verifyArchived(system.db, system.client, stack.campaignId, system.tasks)}`);
      }),
    TEST_TIMEOUT_MS,
  );
});
