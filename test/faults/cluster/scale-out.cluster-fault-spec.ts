// Several APIs and workers on one cluster (issue 17): two workers and two APIs share the load, and one of each is
// killed with SIGKILL while it runs; the survivors carry it to the end. Every action takes effect exactly once
// (clients retry on the other API with the same Idempotency-Key), every task is archived with exactly its events.
import { waitFor } from '../../../bench/support/harness';
import { verifyArchived } from '../../../bench/support/lifecycle';
import type { NodeProcess } from '../support/fault-stack';
import { LOAD_TIMEOUT_MS, expectNoCrashes, judgeFailures, loadOn, log, startSystem, useFaultStack } from '../support/scenario';

describe('cluster fault: one of two workers and one of two APIs killed under load', () => {
  const faultTest = useFaultStack();

  faultTest('the survivors finish every task with exactly its events', async (stack) => {
    const system = await startSystem(stack, { apis: 2 });
    system.workers.push(await stack.startWorker());
    let live: NodeProcess[] = [...system.apis];
    const load = loadOn(stack, system, { apis: () => live.map((a) => a.url), deadline: Date.now() + LOAD_TIMEOUT_MS, idempotencyKeys: true });
    const running = load.start();

    await load.progress(0.3, LOAD_TIMEOUT_MS);
    await stack.kill(system.workers[0]);
    log(`worker 1 of 2 killed with SIGKILL at ${load.done}/${load.total} steps`);

    await load.progress(0.55, LOAD_TIMEOUT_MS);
    const victim = live[0];
    await waitFor(async () => load.inFlight(victim.url) > 0, 30_000, `actions in flight on ${victim.name}`, 2);
    const cut = load.inFlight(victim.url);
    await stack.kill(victim);
    live = live.filter((a) => a !== victim);
    log(`${victim.name} of 2 killed with SIGKILL at ${load.done}/${load.total} steps, ${cut} action(s) in flight on it`);

    await running;
    const failures = judgeFailures(load.failures, { codes: ['UNAVAILABLE'], network: true });
    log(`load done on the survivors: ${load.retries} retries, ${load.answeredOnRetry} answered on a retry with their key, failures ${JSON.stringify(failures)}`);
    expectNoCrashes(stack);
    log(await verifyArchived(system.db, system.client, stack.campaignId, system.tasks));
  });
});
