// The indicator-task workflow on the time-skipping test server with a fake event store: the order and
// versions of appends, rejected updates that leave no trace, and retried appends that keep their ids.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { ApplicationFailure } from '@temporalio/common';
import type { AppendRequest, AppendResult } from '../../activities/event-store.types';
import { ARCHIVIST, FakeEventStore, NEW_UNIT, OFFICE, SUPERVISOR, UNIT, dispatchedItemInput, keepHistory } from '../support/workflow-fixtures';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { TASK_STAGE, UNIT_CODE } from '../../workflows/search-attributes';
import { indicatorTaskWorkflow } from '../../workflows/indicator-task/indicator-task.workflow';
import { performActionUpdate, stateQuery } from '../../workflows/indicator-task/indicator-task.messages';
import type { ActionRequest, IndicatorTaskCommand, IndicatorTaskInput } from '../../workflows/indicator-task/indicator-task.types';
import type { Actor } from '../../workflows/shared/actor.types';

const LEADER: Actor = { userId: 'u-leader', displayName: '王组长', role: 'LEADER', unitCode: null };
const UNIT_HEAD: Actor = { userId: 'u-head', displayName: '陈主任', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
import type { ItemActionRequest, ItemCommand } from '../../workflows/rectification-item/rectification-item.types';
import { itemActionUpdate, itemStateQuery } from '../../workflows/rectification-item/rectification-item.messages';
import { rectificationItemWorkflow } from '../../workflows/rectification-item/rectification-item.workflow';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const M1 = { code: 'A1-M1', name: '现场照片' };
const M2 = { code: 'A1-M2', name: '工作台账' };
const FILE = { sha256: 'b'.repeat(64), name: '照片.jpg', size: 2048, mimeType: 'image/jpeg' };

/** The in-memory event store, which can fail its next appends as a database outage would. */
class FlakyEventStore extends FakeEventStore {
  calls = 0;
  failNext = 0;

  override async appendEvents(request: AppendRequest): Promise<AppendResult> {
    this.calls += 1;
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('database unavailable');
    }
    return super.appendEvents(request);
  }
}

describe('indicatorTaskWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FlakyEventStore;
  const taskQueue = 'workflow-spec';

  beforeAll(async () => {
    store = new FlakyEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** An instant `days` from the test server's current time. */
  let clock = Date.now();
  const inDays = (days: number) => new Date(clock + days * DAY).toISOString();

  function input(extra: Partial<IndicatorTaskInput> = {}): IndicatorTaskInput {
    const taskId = `indicator-task:wf:${randomUUID()}`;
    return { taskId, campaignId: 'wf', indicatorCode: 'A4', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: inDays(60), createdBy: OFFICE, ...extra };
  }

  const streamOf = (streamId: string) => store.stream(streamId);

  beforeEach(async () => {
    clock = await env.currentTimeMs();
  });

  async function start(extra: Partial<IndicatorTaskInput> = {}) {
    const args = input(extra);
    const handle = await env.client.workflow.start(indicatorTaskWorkflow, { workflowId: args.taskId, taskQueue, args: [args] });
    const act = (actor: Actor, command: IndicatorTaskCommand, extra: Partial<ActionRequest> = {}) =>
      handle.executeUpdate(performActionUpdate, { args: [{ command, actor, ...extra }] });
    return { handle, act, taskId: args.taskId };
  }

  it('runs the NOT_MET path to ARCHIVED, reassigned on the way and archived material by material, one event per step', async () => {
    const { handle, act, taskId } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '公厕指引牌缺失' });
    expect(await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' })).toMatchObject({ version: 3, stage: 'RECTIFICATION' });
    await act(UNIT, { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '增设指引牌 6 块', deadline: inDays(20) });
    await act(UNIT, { action: 'SUBMIT_RECTIFICATION', note: '已安装指引牌' });
    expect(await act(SUPERVISOR, { action: 'APPROVE_RECTIFICATION' })).toMatchObject({ version: 6, stage: 'CONSOLIDATION' });
    await act(OFFICE, { action: 'REASSIGN', unitCode: 'BJSQ', reason: '公厕划归滨江社区管理' });
    // Operators find the task under its new unit.
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(UNIT_CODE)).toBe('BJSQ');
    await act(OFFICE, { action: 'START_ARCHIVING', materials: [M1, M2] });
    // The unit it was taken from can no longer hand anything in.
    const taken = await act(UNIT, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE }).catch((e: WorkflowUpdateFailedError) => e.cause);
    expect((taken as ApplicationFailure).type).toBe('FORBIDDEN');
    await act(NEW_UNIT, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE, note: '照片' });
    await act(ARCHIVIST, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code });
    await act(NEW_UNIT, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M2.code, file: FILE, note: '台账' });
    expect(await act(ARCHIVIST, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code })).toMatchObject({ version: 12, stage: 'ARCHIVED' });

    const final = await handle.result();
    expect(final).toMatchObject({ stage: 'ARCHIVED', classification: 'MET', unitCode: 'BJSQ', version: 12 });
    expect(final.archive?.map((m) => m.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    await keepHistory('not-met-reassigned-archived-by-material', handle);
    const events = streamOf(taskId);
    expect(events.map((e) => e.type)).toEqual([
      'IndicatorTaskCreated',
      'SelfCheckSubmitted',
      'SelfCheckConfirmed',
      'RectificationPlanSubmitted',
      'RectificationSubmitted',
      'RectificationApproved',
      'TaskReassigned',
      'ArchivingStarted',
      'ArchiveMaterialSubmitted',
      'ArchiveMaterialAccepted',
      'ArchiveMaterialSubmitted',
      'ArchiveMaterialAccepted',
    ]);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
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

  it('appends the creation of a task started with createdLocally by a local activity, once, even when the first try fails', async () => {
    store.failNext = 1;
    const args = input({ createdLocally: true });
    const handle = await env.client.workflow.start(indicatorTaskWorkflow, { workflowId: args.taskId, taskQueue, args: [args] });
    const result = await handle.executeUpdate(performActionUpdate, { args: [{ command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '达标' }, actor: UNIT }] });
    expect(result.version).toBe(2);
    const events = streamOf(args.taskId);
    expect(events.map((e) => [e.type, e.streamVersion])).toEqual([
      ['IndicatorTaskCreated', 1],
      ['SelfCheckSubmitted', 2],
    ]);
    const history = (await handle.fetchHistory()).events ?? [];
    // The creation left a local activity's marker and no activity task; the self-check went through an activity.
    expect(history.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(1);
    expect(history.filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(1);
    // The self-check's stage; the patch marker of its first action adds the server's TemporalChangeVersion.
    expect(history.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.TaskStage)).toHaveLength(1);
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

    const illegal = await act(SUPERVISOR, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: 'PACKAGE' }).catch((e: WorkflowUpdateFailedError) => e.cause);
    expect((illegal as ApplicationFailure).type).toBe('FORBIDDEN');
    const wrongStage = await act(SUPERVISOR, { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A4-1', points: 2, score: 2 }] }).catch((e: WorkflowUpdateFailedError) => e.cause);
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
    expect(result).toMatchObject({ version: 3, stage: 'MOCK_ASSESSMENT' });
    expect(store.calls - callsBefore).toBe(3);
    const events = streamOf(taskId);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
    // The answer carries the events as stored and the time they carry: what the API folds into the card it read.
    expect(result.events).toEqual([{ type: events[2].type, data: events[2].data }]);
    expect(result.recordedAt).toBe(events[2].occurredAt);
  });

  it('takes the UNKNOWN path through a failed mock assessment back to rectification', async () => {
    const { act, handle, taskId } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '待测评' });
    await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    const scores = [
      { criterionCode: 'A4-1', points: 6, score: 6 },
      { criterionCode: 'A4-2', points: 4, score: 2.5 },
    ];
    const failed = await act(SUPERVISOR, { action: 'RECORD_MOCK_ASSESSMENT', scores, note: '知晓率问卷扣分' });
    expect(failed.stage).toBe('RECTIFICATION');
    const last = streamOf(taskId).at(-1)!;
    expect(last).toMatchObject({
      type: 'MockAssessmentRecorded',
      data: { score: 8.5, maxScore: 10, scoreRate: 85, passed: false, failedCriteria: ['A4-2'], note: '知晓率问卷扣分' },
    });
    expect((await handle.query(stateQuery)).failedCriteria).toEqual(['A4-2']);
  });

  /** Events of one stream recorded by the workflow's own timers. */
  function escalations(taskId: string) {
    return streamOf(taskId)
      .filter((e) => e.type === 'DeadlineEscalated')
      .map((e) => (e.data as { level: string }).level);
  }

  it('climbs the escalation ladder as a self-check deadline approaches and passes, then stops', async () => {
    const { handle, taskId } = await start({ dueAt: inDays(10) });
    const due = Date.parse(inDays(10));
    const sleepUntil = async (at: number) => env.sleep(Math.max(0, at - (await env.currentTimeMs())));

    await sleepUntil(due - 73 * HOUR);
    expect(escalations(taskId)).toEqual([]);
    await sleepUntil(due - 71 * HOUR);
    expect(escalations(taskId)).toEqual(['REMINDER']);
    await sleepUntil(due + HOUR);
    expect(escalations(taskId)).toEqual(['REMINDER', 'URGE']);
    await sleepUntil(due + 73 * HOUR);
    expect(escalations(taskId)).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    await sleepUntil(due + 169 * HOUR);
    expect(escalations(taskId)).toEqual(['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW']);
    await sleepUntil(due + 337 * HOUR);
    expect(escalations(taskId)).toEqual(['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY']);
    await env.sleep(60 * DAY);
    expect(escalations(taskId)).toHaveLength(5);

    const state = await handle.query(stateQuery);
    expect(state).toMatchObject({ escalationLevel: 'ACCOUNTABILITY', stage: 'SELF_CHECK' });
    await keepHistory('escalation-ladder', handle);
    const supervise = streamOf(taskId).find((e) => e.type === 'DeadlineEscalated' && (e.data as { level: string }).level === 'SUPERVISE')!;
    expect(supervise.data).toMatchObject({ stage: 'SELF_CHECK', notify: ['UNIT_HEAD', 'SUPERVISOR'] });
    expect(supervise.metadata.actor.userId).toBe('system');
  });

  it('pauses the ladder while work awaits review and restarts it from an approved extension', async () => {
    const { act, handle, taskId } = await start({ dueAt: inDays(5) });
    await act(UNIT, { action: 'REQUEST_EXTENSION', requestedDueAt: inDays(30), reason: '等待区里下发标识样式' });
    await expect(act(UNIT, { action: 'APPROVE_EXTENSION' })).rejects.toThrow(WorkflowUpdateFailedError);
    await act(SUPERVISOR, { action: 'APPROVE_EXTENSION', note: '同意延期' });
    expect((await handle.query(stateQuery)).stageDueAt).toBe(inDays(30));

    await env.sleep(10 * DAY); // past the old deadline: nothing, the deadline moved
    expect(escalations(taskId)).toEqual([]);
    await env.sleep(18 * DAY); // within 72 h of the new one
    expect(escalations(taskId)).toEqual(['REMINDER']);

    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '已达标' });
    await env.sleep(30 * DAY); // awaiting review: the unit owes nothing, so no urging
    expect(escalations(taskId)).toEqual(['REMINDER']);
  });

  it('falls a periodic re-check due in consolidation, and a failed re-check is a relapse re-checked weekly', async () => {
    const { act, handle, taskId } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '台账齐全' });
    await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    expect((await handle.query(stateQuery)).stage).toBe('CONSOLIDATION');

    await env.sleep(29 * DAY);
    expect(streamOf(taskId).some((e) => e.type === 'RecheckDue')).toBe(false);
    await env.sleep(2 * DAY);
    expect((await handle.query(stateQuery)).recheckDue).toBe(true);

    await act(SUPERVISOR, { action: 'RECORD_RECHECK', passed: false, note: '楼道又见堆物' });
    let state = await handle.query(stateQuery);
    expect(state).toMatchObject({ stage: 'RECTIFICATION', classification: 'RELAPSE_PRONE', relapseCount: 1, rectificationPlan: null });

    const deadline = new Date((await env.currentTimeMs()) + 5 * DAY).toISOString();
    await act(UNIT, { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '清理堆物并张贴告示', deadline });
    await act(UNIT, { action: 'SUBMIT_RECTIFICATION', note: '已清理' });
    await act(SUPERVISOR, { action: 'APPROVE_RECTIFICATION' });
    state = await handle.query(stateQuery);
    expect(state).toMatchObject({ stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE', relapseCount: 1 });

    const dues = () => streamOf(taskId).filter((e) => e.type === 'RecheckDue').length;
    await env.sleep(8 * DAY); // weekly now
    expect(dues()).toBe(2);
    await act(SUPERVISOR, { action: 'RECORD_RECHECK', passed: true });
    await env.sleep(8 * DAY);
    expect(dues()).toBe(3);
    await keepHistory('relapse-and-weekly-rechecks', handle);
  });

  it('continues as new before its history grows large, with its state, timers and pending requests intact', async () => {
    const { act, handle, taskId } = await start({ historyLimit: 60 });
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '未达标' });
    await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    await act(UNIT, { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '分三批整改', deadline: inDays(40) });
    const firstRun = (await handle.describe()).runId;
    for (let i = 1; i <= 12; i++) await act(UNIT, { action: 'REPORT_RECTIFICATION_PROGRESS', note: `第${i}周进展` });
    await act(UNIT, { action: 'REQUEST_EXTENSION', requestedDueAt: inDays(50), reason: '材料未到' });

    const description = await handle.describe();
    expect(description.runId).not.toBe(firstRun);
    const state = await handle.query(stateQuery);
    expect(state).toMatchObject({
      stage: 'RECTIFICATION',
      version: 17,
      rectificationPlan: { plan: '分三批整改', deadline: inDays(40) },
      pendingExtension: { requestedDueAt: inDays(50), reason: '材料未到', requestedBy: UNIT.userId },
    });
    expect(streamOf(taskId).map((e) => e.streamVersion)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));

    // Timers are re-armed from the carried state: the plan's deadline still brings the reminder.
    await env.sleep(38 * DAY);
    expect(escalations(taskId)).toEqual(['REMINDER']);
    // And the pending request can still be decided in the new run.
    await act(SUPERVISOR, { action: 'REFUSE_EXTENSION', reason: '期限内完成' });
    expect((await handle.query(stateQuery)).pendingExtension).toBeNull();
    await keepHistory('continued-as-new', handle);
  });

  it('continues as new in the middle of archiving with every material where it stood', async () => {
    const { act, handle } = await start({ historyLimit: 60 });
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '达标' });
    await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    await act(OFFICE, { action: 'START_ARCHIVING', materials: [M1, M2] });
    await act(UNIT, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE });
    const firstRun = (await handle.describe()).runId;
    for (let i = 1; i <= 12; i++) await act(UNIT, { action: 'ADD_COMMENT', text: `第${i}次补充说明` });
    expect((await handle.describe()).runId).not.toBe(firstRun);
    const carried = await handle.query(stateQuery);
    expect(carried).toMatchObject({ stage: 'ARCHIVING', awaitingReview: 'ARCHIVE_REVIEW' });
    expect(carried.archive?.map((m) => [m.code, m.status, m.submittedBy])).toEqual([
      [M1.code, 'SUBMITTED', UNIT.userId],
      [M2.code, 'MISSING', null],
    ]);
    await act(ARCHIVIST, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code });
    await act(UNIT, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M2.code, file: FILE });
    expect(await act(ARCHIVIST, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code })).toMatchObject({ stage: 'ARCHIVED' });
    expect((await handle.result()).stage).toBe('ARCHIVED');
  });

  it('upserts the stage it is searched by only when a record changes it, or the unit on a reassignment, and replays', async () => {
    const { handle, act } = await start();
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '已达标' }); // this test's start set none: upserted
    await act(UNIT, { action: 'ADD_COMMENT', text: '附说明' }); // still SELF_CHECK: nothing
    await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' }); // CONSOLIDATION: upserted
    await act(UNIT, { action: 'ADD_COMMENT', text: '巩固中' }); // nothing
    await act(OFFICE, { action: 'REASSIGN', unitCode: 'BJSQ', reason: '划归滨江社区' }); // the unit: upserted
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(TASK_STAGE)).toBe('CONSOLIDATION');
    expect(attributes.get(UNIT_CODE)).toBe('BJSQ');
    await handle.terminate('done');
    const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
    const upserts = (history.events ?? [])
      .map((e) => e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields)
      .filter((fields) => fields?.[TASK_STAGE.name] !== undefined);
    expect(upserts.map((fields) => Object.keys(fields!).sort())).toEqual([[TASK_STAGE.name], [TASK_STAGE.name], [TASK_STAGE.name, UNIT_CODE.name].sort()]);
    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows/index') }, history, 'search-attributes-on-change')).resolves.toBeUndefined();
  });

  it('runs a rectification item’s ladder while the unit owes the fix, then its re-check, on skipped time', async () => {
    const itemId = `rectification-item:wf:${randomUUID()}`;
    const handle = await env.client.workflow.start(rectificationItemWorkflow, {
      workflowId: itemId,
      taskQueue,
      args: [dispatchedItemInput(itemId, inDays(5))],
    });
    const act = (actor: Actor, command: ItemCommand) => handle.executeUpdate(itemActionUpdate, { args: [{ command, actor }] });
    const levels = () => streamOf(itemId).filter((e) => e.type === 'DeadlineEscalated').map((e) => (e.data as { level: string }).level);
    await act(UNIT, { action: 'START_RECTIFICATION' });
    await env.sleep(5 * DAY + HOUR);
    expect(levels()).toEqual(['REMINDER', 'URGE']);
    await env.sleep(3 * DAY);
    expect(levels()).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    await act(UNIT, { action: 'SUBMIT_RECTIFICATION', note: '已清理', photos: [FILE] });
    await env.sleep(30 * DAY); // awaiting verification: the unit owes nothing
    expect(levels()).toHaveLength(3);
    await act(SUPERVISOR, { action: 'VERIFY' });
    await env.sleep(15 * DAY);
    expect((await handle.query(itemStateQuery)).state).toBe('RECHECK');
    await act(SUPERVISOR, { action: 'RECORD_RECHECK', passed: true });
    expect((await handle.result()).state).toBe('CLOSED');
    await keepHistory('rectification-item-ladder-and-recheck', handle);
    expect(streamOf(itemId).map((e) => e.type)).toEqual([
      'ItemReported',
      'ItemDispatched',
      'ItemRectificationStarted',
      'DeadlineEscalated',
      'DeadlineEscalated',
      'DeadlineEscalated',
      'ItemSubmitted',
      'ItemVerified',
      'ItemRecheckDue',
      'ItemRecheckRecorded',
    ]);
  });

  it('raises a linked, dispatched item for each criterion a failed mock assessment lost', async () => {
    const { act, handle, taskId } = await start();
    const dispatchedBefore = store.events.filter((e) => e.type === 'ItemDispatched').length;
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '待测评' });
    await act(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    const scores = [
      { criterionCode: 'A4-1', points: 6, score: 6 },
      { criterionCode: 'A4-2', points: 4, score: 1 },
      { criterionCode: 'A4-3', points: 2, score: 0 },
    ];
    const followUp = { area: null, address: '外滩社区（A4 市民创建知晓率）', criteria: { 'A4-2': '知晓率问卷', 'A4-3': '宣传栏' } };
    await act(SUPERVISOR, { action: 'RECORD_MOCK_ASSESSMENT', scores, followUp });
    // The update returns once the items' workflows have started; their own first events follow.
    const reportedFor = () => store.events.filter((e) => e.type === 'ItemReported' && (e.data as { indicatorTaskId: string }).indicatorTaskId === taskId);
    for (let i = 0; i < 100 && store.events.filter((e) => e.type === 'ItemDispatched').length < 2 + dispatchedBefore; i++) await new Promise((r) => setTimeout(r, 50));
    const raised = reportedFor();
    expect(raised.map((e) => [(e.data as { criterionCode: string }).criterionCode, (e.data as { description: string }).description])).toEqual([
      ['A4-2', '模拟测评失分：知晓率问卷（得分 1 / 4）'],
      ['A4-3', '模拟测评失分：宣传栏（得分 0 / 2）'],
    ]);
    const dispatched = store.events.filter((e) => e.type === 'ItemDispatched' && raised.some((r) => r.metadata.workflowId === e.metadata.workflowId));
    expect(dispatched.map((e) => (e.data as { unitCode: string }).unitCode)).toEqual(['WTSQ', 'WTSQ']);
    await keepHistory('mock-assessment-raises-items', handle);
  });

  it('starts with the 责任人 the breakdown names, lets the unit head change them, refuses others without a trace, and forgets them on reassignment', async () => {
    const HEAD: Actor = { userId: 'u-wtsq-head', displayName: '外滩社区负责人', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
    const { handle, act, taskId } = await start({ responsiblePerson: { login: 'wtsq.li', name: '李四' } });
    await act(UNIT, { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '公厕指引牌缺失' });
    expect(streamOf(taskId)[0].data).toMatchObject({ unitCode: 'WTSQ', responsiblePerson: { login: 'wtsq.li', name: '李四' } });
    expect((await handle.query(stateQuery)).responsiblePerson).toEqual({ login: 'wtsq.li', name: '李四' });

    expect(await act(HEAD, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'WTSQ', login: 'wtsq.zhang', name: '张三' })).toMatchObject({ version: 3, stage: 'SELF_CHECK' });
    const before = streamOf(taskId).length;
    const refusedTo = async (actor: Actor, command: IndicatorTaskCommand) => ((await act(actor, command).catch((e: WorkflowUpdateFailedError) => e.cause)) as ApplicationFailure).type;
    expect(await refusedTo(UNIT, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'WTSQ', login: 'wtsq.li', name: '李四' })).toBe('FORBIDDEN');
    expect(await refusedTo(NEW_UNIT, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'WTSQ', login: 'wtsq.li', name: '李四' })).toBe('FORBIDDEN');
    expect(await refusedTo(OFFICE, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'BJSQ', login: 'bjsq.wang', name: '王五' })).toBe('CONFLICT');
    expect(await refusedTo(HEAD, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'WTSQ', login: 'x'.repeat(65), name: '超长' })).toBe('BAD_USER_INPUT');
    expect(streamOf(taskId)).toHaveLength(before);
    const history = (await handle.fetchHistory()).events ?? [];
    expect(history.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(2);

    await act(OFFICE, { action: 'REASSIGN', unitCode: 'BJSQ', reason: '公厕划归滨江社区管理' });
    expect((await handle.query(stateQuery)).responsiblePerson).toBeNull();
    await act(OFFICE, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'BJSQ', login: 'bjsq.wang', name: '王五' });
    expect((await handle.query(stateQuery)).responsiblePerson).toEqual({ login: 'bjsq.wang', name: '王五' });
    expect(streamOf(taskId).map((e) => [e.type, e.data.previousLogin ?? null])).toEqual([
      ['IndicatorTaskCreated', null],
      ['SelfCheckSubmitted', null],
      ['ResponsiblePersonAssigned', 'wtsq.li'],
      ['TaskReassigned', null],
      ['ResponsiblePersonAssigned', null],
    ]);
    await keepHistory('responsible-person-assigned', handle);
    await handle.terminate('test done');
  });

  it('lets the unit head name the 责任人 of a dispatched item, and refuses another unit without an event', async () => {
    const HEAD: Actor = { userId: 'u-wtsq-head', displayName: '外滩社区负责人', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
    const itemId = `rectification-item:wf:${randomUUID()}`;
    const handle = await env.client.workflow.start(rectificationItemWorkflow, { workflowId: itemId, taskQueue, args: [dispatchedItemInput(itemId, inDays(5))] });
    const act = (actor: Actor, command: ItemCommand) => handle.executeUpdate(itemActionUpdate, { args: [{ command, actor }] });
    await act(HEAD, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'WTSQ', login: 'wtsq.li', name: '李四' });
    const before = streamOf(itemId).length;
    const refused = await act({ ...HEAD, userId: 'u-bjsq-head', unitCode: 'BJSQ' }, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: 'WTSQ', login: 'wtsq.zhang', name: '张三' }).catch(
      (e: WorkflowUpdateFailedError) => e.cause,
    );
    expect((refused as ApplicationFailure).type).toBe('FORBIDDEN');
    expect(streamOf(itemId)).toHaveLength(before);
    expect((await handle.query(itemStateQuery)).responsiblePerson).toEqual({ login: 'wtsq.li', name: '李四' });
    await handle.terminate('test done');
  });

  it('records a 问责 decision at the top of the ladder: proposal, return, proposal, approval; refusals leave nothing', async () => {
    const { act, handle, taskId } = await start({ dueAt: inDays(3) });
    const propose = { action: 'PROPOSE_ACCOUNTABILITY' as const, unit: true, persons: [{ login: 'wtsq.head', displayName: '陈主任' }], form: 'CRITICISM_NOTICE' as const, formNote: '', reason: '自查逾期两周未交' };
    const code = (p: Promise<unknown>) => p.then(() => 'accepted', (e: WorkflowUpdateFailedError) => (e.cause as ApplicationFailure).type);
    // Not yet at 问责.
    expect(await code(act(OFFICE, propose))).toBe('ILLEGAL_TRANSITION');
    await env.sleep(3 * DAY + 337 * HOUR);
    expect((await handle.query(stateQuery)).escalationLevel).toBe('ACCOUNTABILITY');
    const before = streamOf(taskId).length;
    expect(await code(act(UNIT_HEAD, propose))).toBe('FORBIDDEN');
    expect(await code(act(OFFICE, { ...propose, reason: 'x'.repeat(1001) }))).toBe('BAD_USER_INPUT');
    expect(await code(act(LEADER, { action: 'APPROVE_ACCOUNTABILITY' }))).toBe('ILLEGAL_TRANSITION');
    expect(streamOf(taskId)).toHaveLength(before);

    await act(OFFICE, propose);
    expect(await code(act(OFFICE, { action: 'APPROVE_ACCOUNTABILITY' }))).toBe('FORBIDDEN');
    await act(LEADER, { action: 'RETURN_ACCOUNTABILITY', reason: '先约谈，再定' });
    await act(OFFICE, { ...propose, form: 'ADMONITION' });
    await act(LEADER, { action: 'APPROVE_ACCOUNTABILITY', note: '同意' });
    expect(await code(act(LEADER, { action: 'APPROVE_ACCOUNTABILITY' }))).toBe('ILLEGAL_TRANSITION');

    expect(streamOf(taskId).slice(before).map((e) => e.type)).toEqual(['AccountabilityProposed', 'AccountabilityReturned', 'AccountabilityProposed', 'AccountabilityApproved']);
    const decisions = (await handle.query(stateQuery)).accountability ?? [];
    expect(decisions.map((d) => [d.status, d.form])).toEqual([
      ['RETURNED', 'CRITICISM_NOTICE'],
      ['APPROVED', 'ADMONITION'],
    ]);
    // Four accepted updates; the refused ones are not in the history at all.
    const accepted = ((await handle.fetchHistory()).events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(4);
    await keepHistory('accountability-decision', handle);
    await handle.terminate('test done');
  });

  it('records a 问责 decision on a rectification item once its ladder has reached it', async () => {
    const itemId = `rectification-item:wf:${randomUUID()}`;
    // Due eleven days ago: the ladder climbs to 问责 (240 h after the deadline) at once, without skipping much time
    // while the other tests' workflows still wait on their timers.
    const handle = await env.client.workflow.start(rectificationItemWorkflow, { workflowId: itemId, taskQueue, args: [dispatchedItemInput(itemId, inDays(-11))] });
    const act = (actor: Actor, command: ItemActionRequest['command']) => handle.executeUpdate(itemActionUpdate, { args: [{ command, actor }] });
    // Its ladder's steps are all past, so they fire at once: wait in real time rather than skip more of the suite's time.
    for (let i = 0; i < 300 && (await handle.query(itemStateQuery)).escalationLevel !== 'ACCOUNTABILITY'; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await handle.query(itemStateQuery)).escalationLevel).toBe('ACCOUNTABILITY');
    await act(OFFICE, { action: 'PROPOSE_ACCOUNTABILITY', unit: false, persons: [{ login: 'wtsq.li', displayName: '李四' }], form: 'OTHER', formNote: '取消评优', reason: '逾期十天未整改' });
    await act(LEADER, { action: 'APPROVE_ACCOUNTABILITY' });
    expect((await handle.query(itemStateQuery)).accountability).toEqual([expect.objectContaining({ status: 'APPROVED', unitCode: 'WTSQ', formNote: '取消评优' })]);
    expect(streamOf(itemId).slice(-2).map((e) => e.type)).toEqual(['AccountabilityProposed', 'AccountabilityApproved']);
    await handle.terminate('test done');
  });
});
