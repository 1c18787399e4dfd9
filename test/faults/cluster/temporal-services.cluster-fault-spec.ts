// Faults only a cluster has (issue 17), under `npm run test:cluster`: the Temporal server runs as four processes
// on PostgreSQL, and one of them at a time fails while the load runs — the history service killed with SIGKILL,
// the matching service restarted, the frontend restarted while actions are in flight. Afterwards, as in every
// fault test, each task is archived with exactly its events (versions 1..10, no duplicates, each card the fold of
// its events, every workflow completed), and the clients saw only answers they may retry.
import { waitFor } from '../../../bench/support/harness';
import { verifyArchived } from '../../../bench/support/lifecycle';
import type { TemporalService } from '../../../src/platform/runtime/cluster/temporal-cluster';
import { sleep } from '../support/lifecycle-load';
import { LOAD_TIMEOUT_MS, OUTAGE_MS, expectNoCrashes, judgeFailures, loadOn, log, startSystem, useFaultStack } from '../support/scenario';

/** Kill (or stop) one service at a point of the load, keep it away OUTAGE_MS, start it again, and check the outcome. */
async function serviceFault(
  stack: Parameters<Parameters<ReturnType<typeof useFaultStack>>[1]>[0],
  service: TemporalService,
  how: { signal: NodeJS.Signals; inFlight: boolean },
): Promise<void> {
  const system = await startSystem(stack, { apis: 1 });
  const api = system.apis[0].url;
  const load = loadOn(stack, system, { deadline: Date.now() + LOAD_TIMEOUT_MS, idempotencyKeys: true });
  const running = load.start();

  await load.progress(0.3, LOAD_TIMEOUT_MS);
  if (how.inFlight) await waitFor(async () => load.inFlight(api) > 0, 30_000, 'actions in flight', 2);
  const inFlight = load.inFlight(api);
  const pid = stack.cluster.pid(service);
  await stack.cluster.killService(service, how.signal);
  const doneAtFault = load.done;
  log(`Temporal ${service} (pid ${pid}) ended by ${how.signal} at ${doneAtFault}/${load.total} steps, ${inFlight} action(s) in flight`);
  await sleep(OUTAGE_MS);
  expectNoCrashes(stack);
  await stack.cluster.startService(service);
  log(`Temporal ${service} started again (pid ${stack.cluster.pid(service)}) at ${load.done}/${load.total} steps`);

  await running;
  expect(doneAtFault).toBeLessThan(load.total);
  const failures = judgeFailures(load.failures, { codes: ['UNAVAILABLE'] });
  log(`load done: ${load.retries} retries, ${load.answeredOnRetry} answered on a retry with their key, failures ${JSON.stringify(failures)}`);
  expectNoCrashes(stack);
  log(await verifyArchived(system.db, system.client, stack.campaignId, system.tasks));
}

describe('cluster fault: the history service killed with SIGKILL under load', () => {
  const faultTest = useFaultStack();
  faultTest('finishes every task with exactly its events once history is back', (stack) => serviceFault(stack, 'history', { signal: 'SIGKILL', inFlight: false }));
});

describe('cluster fault: the matching service restarted under load', () => {
  const faultTest = useFaultStack();
  faultTest('finishes every task with exactly its events after matching restarts', (stack) => serviceFault(stack, 'matching', { signal: 'SIGTERM', inFlight: false }));
});

describe('cluster fault: the frontend restarted while actions are in flight', () => {
  const faultTest = useFaultStack();
  faultTest('answers the cut actions with a code to retry, and each takes effect once', (stack) => serviceFault(stack, 'frontend', { signal: 'SIGTERM', inFlight: true }));
});
