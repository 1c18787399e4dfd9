// The workflow outbox (issue 16) against real PostgreSQL and Temporal: rows written in a transaction start their
// workflows once, however many starters run at once; a rolled-back append leaves nothing to start; a start that
// fails keeps its row pending with the error until a later pass starts it; the running loop picks up new rows.
import { Client } from '@temporalio/client';
import type { Db } from '../../src/platform/database/database';
import { WorkflowOutboxRepository, type OutboxWorkflow } from '../../src/platform/outbox/workflow-outbox.repository';
import { WorkflowOutboxStarter } from '../../src/platform/outbox/workflow-outbox.starter';
import { connectClient } from '../../src/platform/temporal/temporal-connection';
import { waitFor } from '../support/fixtures';
import { createTestDatabase, env, testConfig, uniqueTaskQueue } from '../support/test-env';

describe('the workflow outbox', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let temporal: Client;
  const taskQueue = uniqueTaskQueue('outbox');
  const quiet = () => undefined;
  const started: string[] = [];

  // No worker polls this queue: the workflows wait, which is all these tests need to see that they exist.
  const probe = (n: number, prefix = 'outbox-probe'): OutboxWorkflow => ({ workflowId: `${prefix}-${taskQueue}-${n}`, workflowType: 'outboxProbeWorkflow', args: [{ n }], sourceEventId: `event-${n}` });
  const enqueue = (workflows: OutboxWorkflow[]) => db.transaction().execute((trx) => WorkflowOutboxRepository.enqueue(trx, workflows));
  const rowsOf = (ids: string[]) => db.selectFrom('workflow_outbox').selectAll().where('workflow_id', 'in', ids).orderBy('workflow_id').execute();
  const exists = async (id: string) => {
    try {
      await temporal.workflow.getHandle(id).describe();
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    const config = testConfig(taskQueue);
    temporal = await connectClient({ ...config.temporal, address: env('TEST_TEMPORAL_ADDRESS') });
  });
  afterAll(async () => {
    await Promise.all(started.map((id) => temporal.workflow.getHandle(id).terminate('test over').catch(() => undefined)));
    await temporal.connection.close();
    await drop();
  });

  it('starts each row once although two starters drain at the same time, with the row\'s arguments', async () => {
    const workflows = [1, 2, 3, 4, 5].map((n) => probe(n));
    started.push(...workflows.map((w) => w.workflowId));
    await enqueue(workflows);
    const a = new WorkflowOutboxStarter(db, temporal, taskQueue, { log: quiet });
    const b = new WorkflowOutboxStarter(db, temporal, taskQueue, { log: quiet });
    const [claimedA, claimedB] = await Promise.all([a.drainOnce(), b.drainOnce()]);
    expect(claimedA + claimedB).toBe(5);

    const rows = await rowsOf(workflows.map((w) => w.workflowId));
    expect(rows.map((r) => [r.attempts, r.started_at !== null, r.last_error])).toEqual(workflows.map(() => [1, true, null]));
    for (const w of workflows) {
      const description = await temporal.workflow.getHandle(w.workflowId).describe();
      expect(description.type).toBe('outboxProbeWorkflow');
      expect(description.taskQueue).toBe(taskQueue);
    }
    // Nothing is left: a further pass claims nothing.
    expect(await a.drainOnce()).toBe(0);
  });

  it('writes nothing when the append\'s transaction rolls back, and a repeated row is kept once', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await WorkflowOutboxRepository.enqueue(trx, [probe(10)]);
        throw new Error('the append failed');
      }),
    ).rejects.toThrow('the append failed');
    expect(await rowsOf([probe(10).workflowId])).toEqual([]);

    await enqueue([probe(11)]);
    await enqueue([{ ...probe(11), args: [{ n: 'changed' }] }]);
    const rows = await rowsOf([probe(11).workflowId]);
    expect(rows.map((r) => r.args)).toEqual([[{ n: 11 }]]);
    await db.deleteFrom('workflow_outbox').where('workflow_id', '=', probe(11).workflowId).execute();
  });

  it('counts a workflow that already exists as started (a crash between the start and the mark)', async () => {
    const w = probe(20);
    started.push(w.workflowId);
    await temporal.workflow.start(w.workflowType, { workflowId: w.workflowId, taskQueue, args: w.args });
    await enqueue([w]);
    expect(await new WorkflowOutboxStarter(db, temporal, taskQueue, { log: quiet }).drainOnce()).toBe(1);
    const [row] = await rowsOf([w.workflowId]);
    expect(row.started_at).not.toBeNull();
    expect(row.last_error).toBeNull();
  });

  it('keeps a row whose start fails pending, with the error, and starts it at a later pass', async () => {
    const w = probe(30);
    started.push(w.workflowId);
    await enqueue([w]);
    const broken = new Client({ connection: temporal.connection, namespace: `no-such-namespace-${taskQueue}` });
    const logged: string[] = [];
    expect(await new WorkflowOutboxStarter(db, broken, taskQueue, { log: (line) => logged.push(line) }).drainOnce()).toBe(1);
    let [row] = await rowsOf([w.workflowId]);
    expect(row.started_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/namespace/i);
    expect(logged.join('\n')).toContain('启动失败');
    expect(await exists(w.workflowId)).toBe(false);

    expect(await new WorkflowOutboxStarter(db, temporal, taskQueue, { log: quiet }).drainOnce()).toBe(1);
    [row] = await rowsOf([w.workflowId]);
    expect([row.started_at !== null, row.attempts, row.last_error]).toEqual([true, 2, null]);
    expect(await exists(w.workflowId)).toBe(true);
  });

  it('the running loop starts rows written after it began, and stops when asked', async () => {
    const starter = new WorkflowOutboxStarter(db, temporal, taskQueue, { log: quiet, pollMs: 100 });
    starter.start();
    const workflows = [40, 41].map((n) => probe(n));
    started.push(...workflows.map((w) => w.workflowId));
    await enqueue(workflows);
    await waitFor(async () => (await new WorkflowOutboxRepository(db).pending()) === 0, 10_000, 'the rows started');
    await starter.stop();
    for (const w of workflows) expect(await exists(w.workflowId)).toBe(true);
  });
});
