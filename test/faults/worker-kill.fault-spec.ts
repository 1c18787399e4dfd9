// Fault 1 (issue 7): the only worker is killed with SIGKILL in the middle of the load, and a new worker process
// starts. Updates the dead worker had taken are delivered again to the new one; every task still ends archived
// with exactly its events.
import { verifyArchived } from '../../bench/support/lifecycle';
import { LOAD_TIMEOUT_MS, expectNoCrashes, judgeFailures, loadOn, log, startSystem, useFaultStack } from './support/scenario';

describe('fault: the worker killed with SIGKILL under load', () => {
  const faultTest = useFaultStack();

  faultTest('finishes every task with exactly its events once a new worker runs', async (stack) => {
    const system = await startSystem(stack, { apis: 1 });
    const load = loadOn(stack, system, { deadline: Date.now() + LOAD_TIMEOUT_MS });
    const running = load.start();

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
  });
});
