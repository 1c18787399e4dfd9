// Fault 2 (issue 7): PostgreSQL goes away in the middle of the load, twice — once with a fast shutdown, once with
// kill -9 of the postmaster — and starts again on the same data folder. Events are delayed, never lost: the
// workflows' appends retry until the database is back. While it is away the API answers at once with a coded
// error (no hang, no stack); the same request succeeds once it is back. Every task ends with exactly its events.
import { sql } from 'kysely';
import { waitFor } from '../../bench/support/harness';
import { verifyArchived } from '../../bench/support/lifecycle';
import { graphql, sleep, type LifecycleLoad } from './support/lifecycle-load';
import { LOAD_TIMEOUT_MS, OUTAGE_MS, expectNoCrashes, judgeFailures, loadOn, log, sideTasks, startSystem, startTasks, useFaultStack } from './support/scenario';

/** An answer during an outage must come back within this, with its code. */
const ANSWER_WITHIN_MS = 15_000;

describe('fault: PostgreSQL stopped under load and started again on its data folder', () => {
  const faultTest = useFaultStack();

  faultTest('delays events without losing or repeating any, and answers during the outage with a coded error', async (stack) => {
    const system = await startSystem(stack, { apis: 1 });
    const api = system.apis[0].url;
    // One task per outage that is acted on only while the database is away.
    const probes = sideTasks(system, 2);
    await startTasks(system.db, system.client, stack.taskQueue, probes.starts);

    const deadline = Date.now() + LOAD_TIMEOUT_MS;
    const load = loadOn(stack, system, { deadline });
    const running = load.start();

    const outages = [
      { how: 'fast', at: 0.25 },
      { how: 'kill', at: 0.6 },
    ] as const;
    const probeLoads: LifecycleLoad[] = [];
    for (const [i, outage] of outages.entries()) {
      await load.progress(outage.at, LOAD_TIMEOUT_MS);
      await stack.stopPostgres(outage.how);
      const stoppedAt = Date.now();
      const doneAtStop = load.done;
      log(`PostgreSQL stopped (${outage.how === 'fast' ? 'fast shutdown' : 'kill -9 of the postmaster'}) at ${doneAtStop}/${load.total} steps`);

      // A read, and an action whose first attempt can only fail, while the database is away.
      expectNoCrashes(stack);
      const read = await graphql(api, 'office', 'query($id: String!) { indicatorTask(id: $id) { stage version } }', { id: system.tasks[0].taskId }, 'read during the outage');
      expect(read.ok).toBe(false);
      expect(read.failure).toMatchObject({ kind: 'graphql', code: 'UNAVAILABLE' });
      expect(read.failure!.ms).toBeLessThan(ANSWER_WITHIN_MS);
      const probe = loadOn(stack, system, { tasks: [probes.tasks[i]], concurrency: 1, deadline, steps: 1 });
      probeLoads.push(probe);
      const probing = probe.start();
      await waitFor(async () => probe.failures.length > 0, ANSWER_WITHIN_MS, 'the action during the outage to be answered');
      expect(probe.failures[0]).toMatchObject({ kind: 'graphql', code: 'UNAVAILABLE' });
      expect(probe.done).toBe(0);

      await sleep(stoppedAt + OUTAGE_MS - Date.now());
      expectNoCrashes(stack);
      await stack.startPostgres();
      log(`PostgreSQL started again after ${Date.now() - stoppedAt} ms at ${load.done}/${load.total} steps; read during the outage answered ${read.failure!.code} in ${read.failure!.ms} ms, action ${probe.failures[0].code} in ${probe.failures[0].ms} ms`);
      await probing;
      expect(doneAtStop).toBeLessThan(load.total);
    }

    await running;
    log(`load done: ${load.retries} retries, ${load.recognised} steps recognised as already applied, failures ${JSON.stringify(judgeFailures(load.failures, { codes: ['UNAVAILABLE'] }))}`);
    judgeFailures(probeLoads.flatMap((p) => p.failures), { codes: ['UNAVAILABLE'] });

    const db = stack.db(); // the first pool's connections died with the server
    expectNoCrashes(stack);
    log(`${await verifyArchived(db, system.client, stack.campaignId, system.tasks)}`);
    const delayed = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(sql<boolean>`recorded_at - occurred_at > interval '1 second'`)
      .executeTakeFirstOrThrow();
    log(`${delayed.n} event(s) written more than 1 s after the workflow decided them: appends that waited out an outage`);
    // Each probed action was written exactly once, however often it was tried.
    for (const task of probes.tasks) {
      const events = await db.selectFrom('events').select(['type', 'stream_version']).where('stream_id', '=', task.taskId).orderBy('stream_version').execute();
      expect(events).toEqual([
        { type: 'IndicatorTaskCreated', stream_version: 1 },
        { type: 'SelfCheckSubmitted', stream_version: 2 },
      ]);
    }
  });
});
