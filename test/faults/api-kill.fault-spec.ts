// Fault 4 (issue 7): two API processes share the load, and one is killed with SIGKILL while mutations are in flight
// on it — twice, a new API process taking the dead one's place each time. Clients whose answer was cut off send
// the same action to the other API with the same Idempotency-Key and get its outcome; every action takes effect
// exactly once. Also, deterministically: every lifecycle action sent twice with one key, to two APIs, is answered
// twice and written once.
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../bench/support/harness';
import { STEPS, login, stepInput, stepMutation, verifyArchived } from '../../bench/support/lifecycle';
import type { NodeProcess } from './support/fault-stack';
import { graphql } from './support/lifecycle-load';
import { LOAD_TIMEOUT_MS, expectNoCrashes, judgeFailures, loadOn, log, sideTasks, startSystem, startTasks, useFaultStack, type System } from './support/scenario';

describe('fault: an API process killed with SIGKILL while mutations are in flight on it', () => {
  let system: System;
  /** The APIs alive now. */
  let live: NodeProcess[] = [];
  const faultTest = useFaultStack();

  faultTest('answers the retries on the other API with the same Idempotency-Key, and every action takes effect once', async (stack) => {
    system = await startSystem(stack, { apis: 2 });
    live = [...system.apis];
    const load = loadOn(stack, system, { apis: () => live.map((a) => a.url), deadline: Date.now() + LOAD_TIMEOUT_MS, idempotencyKeys: true });
    const running = load.start();

    for (const [i, at] of [0.3, 0.6].entries()) {
      await load.progress(at, LOAD_TIMEOUT_MS);
      const victim = live[i % live.length];
      await waitFor(async () => load.inFlight(victim.url) > 0, 30_000, `mutations in flight on ${victim.name}`, 5);
      const cut = load.inFlight(victim.url);
      // The survivor carries the load while the replacement starts, but not to the end: the second kill must find
      // mutations in flight however long a start takes on a loaded machine (CI once saw the load finish first).
      load.holdAt(at + 0.2);
      await stack.kill(victim);
      log(`${victim.name} killed with SIGKILL at ${load.done}/${load.total} steps, ${cut} request(s) in flight on it`);
      live[live.indexOf(victim)] = await stack.startApi();
      log(`${live[i % live.length].name} took its place at ${load.done}/${load.total} steps`);
      load.release();
    }

    await running;
    const failures = judgeFailures(load.failures, { codes: ['UNAVAILABLE'], network: true });
    log(`load done: ${load.retries} retries, ${load.answeredOnRetry} steps answered on a retry with their key, failures ${JSON.stringify(failures)}`);
    expect(failures.network).toBeGreaterThan(0); // the kills did cut requests off
    expectNoCrashes(stack);
    log(await verifyArchived(system.db, system.client, stack.campaignId, system.tasks));
  });

  faultTest('answers every lifecycle action sent twice with one key, to two APIs, and writes it once', async (stack) => {
    const { tasks, starts } = sideTasks(system, 2);
    await startTasks(system.db, system.client, stack.taskQueue, starts);
    const [first, second] = live;
    for (const task of tasks) {
      for (const [i, step] of STEPS.entries()) {
        const headers = { 'idempotency-key': randomUUID() };
        const send = (api: NodeProcess) => graphql<{ stage: string; version: number }>(api.url, login(step.who, task), stepMutation(step), { input: stepInput(step, task) }, `${step.mutation} on ${task.taskId}`, headers);
        const answers = [await send(first), await send(second)];
        for (const answer of answers) {
          expect({ step: step.mutation, failure: answer.failure }).toEqual({ step: step.mutation, failure: null });
          expect(answer.data).toMatchObject({ stage: step.stage, version: i + 2 });
        }
      }
    }
    log(await verifyArchived(system.db, system.client, system.sideCampaignId, tasks));
  });
});
