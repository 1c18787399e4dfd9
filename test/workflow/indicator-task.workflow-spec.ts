// The indicator-task workflow on the time-skipping test server with a fake event store: the order and
// versions of appends, rejected updates that leave no trace, and retried appends that keep their ids.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { AppendRequest, AppendResult, NewEvent } from '../../activities/event-store.types';
import { resolveTemporalTestServer } from '../../src/runtime/temporal-binaries';
import { registerSearchAttributes } from '../../src/temporal/search-attributes';
import { indicatorTaskWorkflow } from '../../workflows/indicator-task/indicator-task.workflow';
import { performActionUpdate, stateQuery } from '../../workflows/indicator-task/indicator-task.messages';
import type { ActionRequest, IndicatorTaskCommand } from '../../workflows/indicator-task/indicator-task.lifecycle';
import type { Actor, IndicatorTaskInput } from '../../workflows/indicator-task/indicator-task.types';

const UNIT: Actor = { userId: 'u-unit', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const SUPERVISOR: Actor = { userId: 'u-sup', displayName: '李督查', role: 'SUPERVISOR', unitCode: null };
const ARCHIVIST: Actor = { userId: 'u-arc', displayName: '陈档案', role: 'ARCHIVIST', unitCode: null };
const OFFICE: Actor = { userId: 'u-office', displayName: '张霞', role: 'OFFICE', unitCode: null };

/** An in-memory event store with the real store's contract: idempotent by event id, versions in order. */
class FakeEventStore {
  readonly events: NewEvent[] = [];
  calls = 0;
  failNext = 0;

  async appendEvents(request: AppendRequest): Promise<AppendResult> {
    this.calls += 1;
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('database unavailable');
    }
    const fresh = request.events.filter((e) => !this.events.some((k) => k.eventId === e.eventId));
    this.events.push(...fresh);
    return { written: fresh.length, lastPosition: String(this.events.length) };
  }
}

describe('indicatorTaskWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let store: FakeEventStore;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = 'workflow-spec';

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: resolveTemporalTestServer() } },
    });
    await registerSearchAttributes(env.connection, env.namespace ?? 'default');
    store = new FakeEventStore();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  function input(): IndicatorTaskInput {
    const taskId = `indicator-task:wf:${randomUUID()}`;
    return { taskId, campaignId: 'wf', indicatorCode: 'A4', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE };
  }

  function streamOf(taskId: string) {
    return store.events.filter((e) => e.metadata.workflowId === taskId);
  }

  async function start() {
    const args = input();
    const handle = await env.client.workflow.start(indicatorTaskWorkflow, { workflowId: args.taskId, taskQueue, args: [args] });
    const act = (actor: Actor, command: IndicatorTaskCommand, extra: Partial<ActionRequest> = {}) =>
      handle.executeUpdate(performActionUpdate, { args: [{ command, actor, ...extra }] });
    return { handle, act, taskId: args.taskId };
  }

  it('runs the NOT_MET path to ARCHIVED, appending one event per step in version order', async () => {
    const { handle, act, taskId } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '公厕指引牌缺失' });
    expect(await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' })).toEqual({ version: 3, stage: 'RECTIFICATION' });
    await act(UNIT, { action: 'SUBMIT_RECTIFICATION', note: '已安装指引牌' });
    expect(await act(SUPERVISOR, { action: 'APPROVE_RECTIFICATION' })).toEqual({ version: 5, stage: 'CONSOLIDATION' });
    await act(OFFICE, { action: 'START_ARCHIVING' });
    await act(UNIT, { action: 'SUBMIT_ARCHIVE', note: '照片与台账' });
    expect(await act(ARCHIVIST, { action: 'ACCEPT_ARCHIVE' })).toEqual({ version: 8, stage: 'ARCHIVED' });

    const final = await handle.result();
    expect(final).toMatchObject({ stage: 'ARCHIVED', classification: 'MET', version: 8 });
    const events = streamOf(taskId);
    expect(events.map((e) => e.type)).toEqual([
      'IndicatorTaskCreated',
      'SelfCheckSubmitted',
      'SelfCheckConfirmed',
      'RectificationSubmitted',
      'RectificationApproved',
      'ArchivingStarted',
      'ArchiveSubmitted',
      'ArchiveAccepted',
    ]);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[1].metadata).toMatchObject({ actor: UNIT, workflowId: taskId });
    expect(events[0].metadata.causationId).toBe(taskId);
  });

  it('records an update sent together with the start after the creation event', async () => {
    const args = input();
    const handle = await env.client.workflow.start(indicatorTaskWorkflow, { workflowId: args.taskId, taskQueue, args: [args] });
    const [a, b] = await Promise.all([
      handle.executeUpdate(performActionUpdate, { args: [{ command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '达标' }, actor: UNIT }] }),
      handle.query(stateQuery),
    ]);
    expect(a.version).toBe(2);
    expect(b.taskId).toBe(args.taskId);
    expect(streamOf(args.taskId).map((e) => [e.type, e.streamVersion])).toEqual([
      ['IndicatorTaskCreated', 1],
      ['SelfCheckSubmitted', 2],
    ]);
  });

  it('rejects illegal updates in the validator: a coded failure, no event, nothing in history', async () => {
    const { handle, act, taskId } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '不确定' });
    const before = streamOf(taskId).length;

    const forbidden = act(UNIT, { action: 'CONFIRM_SELF_CHECK' });
    await expect(forbidden).rejects.toThrow(WorkflowUpdateFailedError);
    const failure = await forbidden.catch((e: WorkflowUpdateFailedError) => e.cause);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe('FORBIDDEN');

    const stale = await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' }, { expectedVersion: 1 }).catch((e: WorkflowUpdateFailedError) => e.cause);
    expect((stale as ApplicationFailure).type).toBe('CONFLICT');

    const illegal = await act(SUPERVISOR, { action: 'ACCEPT_ARCHIVE' }).catch((e: WorkflowUpdateFailedError) => e.cause);
    expect((illegal as ApplicationFailure).type).toBe('FORBIDDEN');
    const wrongStage = await act(SUPERVISOR, { action: 'RECORD_MOCK_ASSESSMENT', score: 90, passed: true }).catch((e: WorkflowUpdateFailedError) => e.cause);
    expect((wrongStage as ApplicationFailure).type).toBe('ILLEGAL_TRANSITION');

    expect(streamOf(taskId)).toHaveLength(before);
    const history = await handle.fetchHistory();
    const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(1);
    expect((await handle.query(stateQuery)).awaitingReview).toBe('SELF_CHECK_REVIEW');
  });

  it('retries a failed append with the same event ids and writes each event once', async () => {
    const { act, taskId } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '待测评' });
    const callsBefore = store.calls;
    store.failNext = 2;
    const result = await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    expect(result).toEqual({ version: 3, stage: 'MOCK_ASSESSMENT' });
    expect(store.calls - callsBefore).toBe(3);
    const events = streamOf(taskId);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
  });

  it('takes the UNKNOWN path through a failed mock assessment back to rectification', async () => {
    const { act, taskId } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '待测评' });
    await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    const failed = await act(SUPERVISOR, { action: 'RECORD_MOCK_ASSESSMENT', score: 55, passed: false, note: '知晓率 55%' });
    expect(failed.stage).toBe('RECTIFICATION');
    const last = streamOf(taskId).at(-1)!;
    expect(last).toMatchObject({ type: 'MockAssessmentRecorded', data: { score: 55, passed: false, note: '知晓率 55%' } });
  });
});
