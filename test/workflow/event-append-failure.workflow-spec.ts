// What a workflow does when its events cannot be written (issue 14): a fake event store with the real store's
// contract (idempotent by event id, versions in order, a conflict is non-retryable) refuses one chosen append for
// good. The action it belonged to fails with EVENT_APPEND_FAILED and changes nothing; the workflow takes the next
// one; and every action that was answered OK is in the store, at the version it was answered with.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import type { AppendRequest, AppendResult, NewEvent } from '../../activities/event-store.types';
import { OFFICE, SUPERVISOR, UNIT, dispatchedItemInput, keepHistory } from '../support/workflow-fixtures';
import { campaignActionUpdate, campaignStateQuery, campaignWorkflowId } from '../../workflows/campaign/campaign.messages';
import { campaignClockWorkflow } from '../../workflows/campaign/campaign.workflows';
import { indicatorTaskWorkflow } from '../../workflows/indicator-task/indicator-task.workflow';
import { breakdownChangedSignal, performActionUpdate, stateQuery } from '../../workflows/indicator-task/indicator-task.messages';
import type { IndicatorTaskCommand, IndicatorTaskInput } from '../../workflows/indicator-task/indicator-task.types';
import type { Actor } from '../../workflows/shared/actor.types';
import type { ItemCommand } from '../../workflows/rectification-item/rectification-item.types';
import { itemActionUpdate, itemStateQuery } from '../../workflows/rectification-item/rectification-item.messages';
import { rectificationItemWorkflow } from '../../workflows/rectification-item/rectification-item.workflow';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The real store's contract, and a way to refuse one chosen append for good, as a conflict would. */
class RefusingEventStore {
  readonly events: NewEvent[] = [];
  private refusals: ((e: NewEvent) => boolean)[] = [];

  /** The next append holding an event that matches is refused (non-retryable), once. */
  refuseOnce(match: (e: NewEvent) => boolean): void {
    this.refusals.push(match);
  }

  async appendEvents(request: AppendRequest): Promise<AppendResult> {
    const refusal = this.refusals.findIndex((match) => request.events.some(match));
    if (refusal >= 0) {
      this.refusals.splice(refusal, 1);
      throw ApplicationFailure.create({ type: 'STREAM_CONFLICT', message: 'refused by the test', nonRetryable: true });
    }
    const fresh = request.events.filter((e) => !this.events.some((k) => k.eventId === e.eventId));
    if (fresh.length === 0) return { written: 0, lastPosition: null };
    const version = Math.max(0, ...this.stream(request.streamId).map((e) => e.streamVersion));
    if (fresh[0].streamVersion - 1 !== version) {
      throw ApplicationFailure.create({ type: 'STREAM_CONFLICT', message: `expected ${fresh[0].streamVersion - 1}, actual ${version}`, nonRetryable: true });
    }
    this.events.push(...fresh);
    return { written: fresh.length, lastPosition: String(this.events.length) };
  }

  stream(streamId: string): NewEvent[] {
    return this.events.filter((e) => e.metadata.workflowId === streamId);
  }
}

describe('a failed append', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: RefusingEventStore;
  const taskQueue = 'event-append-failure-spec';

  beforeAll(async () => {
    store = new RefusingEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      logLevel: 'ERROR',
      activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  let clock = Date.now();
  const inDays = (days: number) => new Date(clock + days * DAY).toISOString();
  beforeEach(async () => {
    clock = await env.currentTimeMs();
  });

  /** Every Update answered OK, with the id it was sent under: each must be in the store at its version. */
  const answered: { streamId: string; updateId: string; version: number }[] = [];

  function expectEveryAnsweredActionStored(streamId: string) {
    const mine = answered.filter((a) => a.streamId === streamId);
    expect(mine.length).toBeGreaterThan(0);
    for (const a of mine) {
      expect(store.stream(streamId).filter((e) => e.metadata.causationId === a.updateId).map((e) => e.streamVersion)).toContain(a.version);
    }
    // And the stream has no gaps: versions 1..n, each once.
    const versions = store.stream(streamId).map((e) => e.streamVersion);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  }

  async function startTask(extra: Partial<IndicatorTaskInput> = {}) {
    const taskId = `indicator-task:wf:${randomUUID()}`;
    const args: IndicatorTaskInput = { taskId, campaignId: 'wf', indicatorCode: 'A4', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: inDays(60), createdBy: OFFICE, ...extra };
    const handle = await env.client.workflow.start(indicatorTaskWorkflow, { workflowId: taskId, taskQueue, args: [args] });
    const act = async (actor: Actor, command: IndicatorTaskCommand) => {
      const updateId = randomUUID();
      const result = await handle.executeUpdate(performActionUpdate, { args: [{ command, actor }], updateId });
      answered.push({ streamId: taskId, updateId, version: result.version });
      return result;
    };
    return { handle, act, taskId };
  }

  /** The failure an Update was refused with. */
  const failureOf = (p: Promise<unknown>) => p.then(() => null, (e: WorkflowUpdateFailedError) => e.cause as ApplicationFailure);

  it('fails its action with EVENT_APPEND_FAILED, leaves the state as it was, and the next action is written at the next version', async () => {
    const { handle, act, taskId } = await startTask();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '待测评' });
    const before = await handle.query(stateQuery);

    store.refuseOnce((e) => e.type === 'SelfCheckConfirmed' && e.metadata.workflowId === taskId);
    const refused = act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    await expect(refused).rejects.toThrow(WorkflowUpdateFailedError);
    const failure = await failureOf(refused);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure!.type).toBe('EVENT_APPEND_FAILED');
    expect(failure!.message).toMatch(/未能写入事件库/);
    expect(failure!.details?.[0]).toMatchObject({ field: null, storeCode: 'STREAM_CONFLICT' });
    expect(await handle.query(stateQuery)).toEqual(before);
    expect(store.stream(taskId).map((e) => e.type)).toEqual(['IndicatorTaskCreated', 'SelfCheckSubmitted']);

    // The same action again, now written: the version the failed one would have had.
    expect(await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' })).toMatchObject({ version: 3, stage: 'MOCK_ASSESSMENT' });
    expect(await act(UNIT, { action: 'ADD_COMMENT', text: '已联系测评组' })).toMatchObject({ version: 4, stage: 'MOCK_ASSESSMENT' });
    expect(store.stream(taskId).map((e) => [e.type, e.streamVersion])).toEqual([
      ['IndicatorTaskCreated', 1],
      ['SelfCheckSubmitted', 2],
      ['SelfCheckConfirmed', 3],
      ['CommentAdded', 4],
    ]);
    expect((await handle.query(stateQuery)).version).toBe(4);
    expectEveryAnsweredActionStored(taskId);
  });

  it('among actions sent at once, fails only the refused one; every other answered action is written in order', async () => {
    const { handle, act, taskId } = await startTask();
    store.refuseOnce((e) => e.type === 'CommentAdded' && (e.data as { text: string }).text === '第 3 条' && e.metadata.workflowId === taskId);
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => act(UNIT, { action: 'ADD_COMMENT', text: `第 ${n} 条` })));
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as WorkflowUpdateFailedError).cause as ApplicationFailure);
    expect(failures.map((f) => f.type)).toEqual(['EVENT_APPEND_FAILED']);
    const versions = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ version: number }>).value.version);
    expect([...versions].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
    const comments = store.stream(taskId).filter((e) => e.type === 'CommentAdded').map((e) => (e.data as { text: string }).text);
    expect(comments).toHaveLength(5);
    expect(comments).not.toContain('第 3 条');
    expect((await handle.query(stateQuery)).version).toBe(6);
    expectEveryAnsweredActionStored(taskId);
  });

  it('decides a queued action again on the committed state: two confirmations at once, one is written, the other refused by the rules', async () => {
    const { act, taskId } = await startTask();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '达标' });
    const outcomes = await Promise.allSettled([act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' }), act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(((refused.reason as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toMatch(/^(ILLEGAL_TRANSITION|CONFLICT|FORBIDDEN)$/);
    expect(store.stream(taskId).filter((e) => e.type === 'SelfCheckConfirmed')).toHaveLength(1);
    expectEveryAnsweredActionStored(taskId);
  });

  it('does not move a timer-driven escalation on until it is written, and tries it again later', async () => {
    const { handle, act, taskId } = await startTask({ dueAt: inDays(10) });
    const due = Date.parse(inDays(10));
    const sleepUntil = async (at: number) => env.sleep(Math.max(0, at - (await env.currentTimeMs())));
    const levels = () => store.stream(taskId).filter((e) => e.type === 'DeadlineEscalated').map((e) => (e.data as { level: string }).level);

    store.refuseOnce((e) => e.type === 'DeadlineEscalated' && e.metadata.workflowId === taskId);
    // The reminder falls 72 hours before the deadline; its first append is refused.
    await sleepUntil(due - 72 * HOUR + 30_000);
    expect(levels()).toEqual([]);
    expect((await handle.query(stateQuery)).escalationLevel).toBeNull();
    // A minute later it is tried again, and written once.
    await sleepUntil(due - 72 * HOUR + 3 * MINUTE);
    expect(levels()).toEqual(['REMINDER']);
    expect((await handle.query(stateQuery)).escalationLevel).toBe('REMINDER');
    await sleepUntil(due + HOUR);
    expect(levels()).toEqual(['REMINDER', 'URGE']);
    // Actions went on meanwhile, at the right versions.
    await act(UNIT, { action: 'ADD_COMMENT', text: '正在整改' });
    expectEveryAnsweredActionStored(taskId);
    await keepHistory('escalation-append-refused-then-retried', handle);
  });

  it('leaves the task as it was when a breakdown change cannot be written, so the same change sent again applies', async () => {
    const { handle, act, taskId } = await startTask();
    const change = { importId: 'imp-1', dueAt: inDays(90), leadUnitCode: 'JSB', actor: OFFICE };
    store.refuseOnce((e) => e.type === 'TaskBreakdownChanged' && e.metadata.workflowId === taskId);
    await handle.signal(breakdownChangedSignal, change);
    // An action after the signal is decided after it: the signal's record has settled by then.
    await act(UNIT, { action: 'ADD_COMMENT', text: '收到' });
    expect((await handle.query(stateQuery)).dueAt).toBe(inDays(60));
    expect(store.stream(taskId).some((e) => e.type === 'TaskBreakdownChanged')).toBe(false);

    await handle.signal(breakdownChangedSignal, change);
    await act(UNIT, { action: 'ADD_COMMENT', text: '已按新期限安排' });
    expect((await handle.query(stateQuery)).dueAt).toBe(inDays(90));
    expect(store.stream(taskId).filter((e) => e.type === 'TaskBreakdownChanged')).toHaveLength(1);
    expectEveryAnsweredActionStored(taskId);
  });

  it('fails a rectification item’s action the same way, and the item takes the next one', async () => {
    const itemId = `rectification-item:wf:${randomUUID()}`;
    const handle = await env.client.workflow.start(rectificationItemWorkflow, {
      workflowId: itemId,
      taskQueue,
      args: [dispatchedItemInput(itemId, inDays(5))],
    });
    const act = async (actor: Actor, command: ItemCommand) => {
      const updateId = randomUUID();
      const result = await handle.executeUpdate(itemActionUpdate, { args: [{ command, actor }], updateId });
      answered.push({ streamId: itemId, updateId, version: result.version });
      return result;
    };
    store.refuseOnce((e) => e.type === 'ItemRectificationStarted' && e.metadata.workflowId === itemId);
    const before = await handle.query(itemStateQuery);
    const refused = act(UNIT, { action: 'START_RECTIFICATION' });
    expect((await failureOf(refused))?.type).toBe('EVENT_APPEND_FAILED');
    expect(await handle.query(itemStateQuery)).toEqual(before);
    const started = await act(UNIT, { action: 'START_RECTIFICATION' });
    expect(started).toMatchObject({ version: 3, state: 'RECTIFYING' });
    expect(store.stream(itemId).map((e) => e.type)).toEqual(['ItemReported', 'ItemDispatched', 'ItemRectificationStarted']);
    // The answer carries the events as stored and the time they carry: what the API folds into the card it read.
    const stored = store.stream(itemId)[2];
    expect(started.events).toEqual([{ type: stored.type, data: stored.data }]);
    expect(started.recordedAt).toBe(stored.occurredAt);
    expectEveryAnsweredActionStored(itemId);
    await keepHistory('append-failure-on-item', handle);
  });

  it('fails a campaign’s phase move the same way, and the campaign takes the next one', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const id = campaignWorkflowId(campaignId);
    const handle = await env.client.workflow.start(campaignClockWorkflow, {
      workflowId: id,
      taskQueue,
      args: [{ campaignId, timeZone: 'Asia/Shanghai', inspectionDate: '2099-06-30', startedBy: OFFICE }],
    });
    const advance = async () => {
      const updateId = randomUUID();
      const result = await handle.executeUpdate(campaignActionUpdate, { args: [{ command: { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION' }, actor: OFFICE }], updateId });
      answered.push({ streamId: id, updateId, version: result.version });
      return result;
    };
    store.refuseOnce((e) => e.type === 'PhaseAdvanced' && e.metadata.workflowId === id);
    const before = await handle.query(campaignStateQuery);
    expect((await failureOf(advance()))?.type).toBe('EVENT_APPEND_FAILED');
    expect(await handle.query(campaignStateQuery)).toEqual(before);
    expect(await advance()).toEqual({ version: 2, phase: 'SPECIAL_RECTIFICATION' });
    expect(store.stream(id).map((e) => e.type)).toEqual(['CampaignClockStarted', 'PhaseAdvanced']);
    expectEveryAnsweredActionStored(id);
  });
});
