// Kill -9 the worker process in the middle of lifecycles, start a new one, and find every task where it
// should be with exactly the expected events: none lost, none written twice.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { startIndicatorTasks } from '../../src/indicator-task/indicator-task.starter';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import type { IndicatorTaskService } from '../../src/indicator-task/indicator-task.service';
import { performActionUpdate } from '../../workflows/indicator-task/indicator-task.messages';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import type { Actor } from '../../workflows/shared/actor.types';
import { CAMPAIGN, OFFICE_ACTOR, eventsOf, seedReferenceData, waitFor } from '../support/fixtures';
import { env, startTestStack, type TestStack } from '../support/test-env';

const UNIT: Actor = { userId: 'user:wtsq.member', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const SUPERVISOR: Actor = { userId: 'user:supervisor', displayName: '李督查', role: 'SUPERVISOR', unitCode: null };
const INDICATORS = ['A1', 'A2', 'A3', 'A4', 'C1', 'C2', 'C4', 'D1'];

function spawnWorker(stack: TestStack, healthPort: number): ChildProcess {
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/worker.main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: env('TEST_TEMPORAL_ADDRESS'),
      TEMPORAL_NAMESPACE: stack.config.temporal.namespace,
      TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
      WORKER_HEALTH_PORT: String(healthPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
  } catch {
    return false;
  }
}

describe('worker killed mid-lifecycle', () => {
  let stack: TestStack;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    // No in-process worker: the only worker is the child process this test kills.
    stack = await startTestStack({ withWorker: false, prefix: 'restart' });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await stack?.stop();
  });

  it('loses and duplicates nothing', async () => {
    const port = await freePort();
    worker = spawnWorker(stack, port);
    await waitFor(() => healthy(port), 60_000, 'worker health');

    const ids = INDICATORS.map((code) => indicatorTaskWorkflowId(CAMPAIGN, code, 'WTSQ'));
    await startIndicatorTasks(
      stack.temporal,
      stack.config.temporal.taskQueue,
      INDICATORS.map((indicatorCode) => ({ campaignId: CAMPAIGN, indicatorCode, unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR })),
    );
    const update = (id: string, actor: Actor, command: Parameters<IndicatorTaskService['perform']>[2]) =>
      stack.temporal.workflow.getHandle(id).executeUpdate(performActionUpdate, { args: [{ command, actor }] });

    // First half: every task submits its self-check.
    await Promise.all(ids.map((id) => update(id, UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '未达标' })));

    // Second half starts while the worker dies under it.
    const inFlight = ids.map((id) => update(id, SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' }));
    await new Promise((r) => setTimeout(r, 50));
    worker.kill('SIGKILL');
    await new Promise((r) => worker!.once('exit', r));

    const port2 = await freePort();
    worker = spawnWorker(stack, port2);
    await Promise.all(inFlight);
    await Promise.all(ids.map((id) => update(id, UNIT, { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '分批整改', deadline: '2027-03-01T00:00:00.000Z' })));

    for (const id of ids) {
      const events = await eventsOf(stack.db, id);
      expect(events.map((e) => e.type)).toEqual(['IndicatorTaskCreated', 'SelfCheckSubmitted', 'SelfCheckConfirmed', 'RectificationPlanSubmitted']);
      expect(events.map((e) => e.stream_version)).toEqual([1, 2, 3, 4]);
      expect(new Set(events.map((e) => e.event_id)).size).toBe(4);
      const card = await stack.db.selectFrom('indicator_task_cards').selectAll().where('task_id', '=', id).executeTakeFirstOrThrow();
      expect(card).toMatchObject({ stage: 'RECTIFICATION', stage_due_at: new Date('2027-03-01T00:00:00.000Z'), version: 4 });
    }
    const total = await stack.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(ids.length * 4);
  });
});
