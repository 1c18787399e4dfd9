// Deadlines counted in working days (工作日) on the time-skipping server: the workflow asks the addWorkingDays
// activity (here the real calendar over a fake override list) and records its answer in the event that enters
// the stage, and the escalation ladder runs from that deadline; a calendar-day task asks nothing, so histories
// recorded before working days replay unchanged.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import type { AppendRequest } from '../../activities/event-store.types';
import type { AddWorkingDaysInput } from '../../activities/working-days.activities';
import { WorkingDayCalendar, shanghaiDateOf } from '../../src/working-days/working-day-calendar';
import { performActionUpdate, stateQuery } from '../../workflows/indicator-task/indicator-task.messages';
import { DEFAULT_TASK_POLICY, type IndicatorTaskInput, type TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';
import { indicatorTaskWorkflow } from '../../workflows/indicator-task/indicator-task.workflow';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, OFFICE, SUPERVISOR, UNIT, dispatchedItemInput, keepHistory } from '../support/workflow-fixtures';
import { itemActionUpdate, itemStateQuery } from '../../workflows/rectification-item/rectification-item.messages';
import { rectificationItemWorkflow } from '../../workflows/rectification-item/rectification-item.workflow';
import { DEFAULT_ITEM_POLICY } from '../../workflows/rectification-item/rectification-item.types';

const DAY = 86_400_000;
const WORKING: TaskPolicy = { ...DEFAULT_TASK_POLICY, selfCheckDays: 5, recheckDays: { relapseProne: 3, other: 10 }, dayCounting: 'WORKING' };

describe('deadlines counted in working days', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  const store = new FakeEventStore();
  const asked: AddWorkingDaysInput[] = [];
  // The office rests the whole week after the start (an override), so the count must skip it.
  let calendar = new WorkingDayCalendar();
  const taskQueue = 'working-days-spec';

  beforeAll(async () => {
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: {
        appendEvents: (r: AppendRequest) => store.appendEvents(r),
        addWorkingDays: async (request: AddWorkingDaysInput) => {
          asked.push(request);
          return request.days.map((n) => calendar.addWorkingDays(request.from, n));
        },
      },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function start(policy: TaskPolicy) {
    const now = await env.currentTimeMs();
    const args: IndicatorTaskInput = {
      taskId: `indicator-task:wd:${randomUUID()}`,
      campaignId: 'wd',
      indicatorCode: 'A4',
      unitCode: 'WTSQ',
      leadUnitCode: 'XCB',
      dueAt: new Date(now + 90 * DAY).toISOString(),
      createdBy: OFFICE,
      createdLocally: true,
      policy,
    };
    const handle = await env.client.workflow.start(indicatorTaskWorkflow, { workflowId: args.taskId, taskQueue, args: [args] });
    return { handle, now, taskId: args.taskId };
  }

  it('sets the self-check deadline in working days, skips the office rest days, and escalates from it', async () => {
    const startedAt = await env.currentTimeMs();
    const overrides = new Map<string, boolean>();
    for (let d = 1; d <= 7; d++) overrides.set(shanghaiDateOf(new Date(startedAt + d * DAY)), false);
    calendar = new WorkingDayCalendar(overrides);
    asked.length = 0;

    const { handle, now, taskId } = await start(WORKING);
    const state = await handle.query(stateQuery);
    const expected = calendar.addWorkingDays(new Date(now).toISOString(), 5);
    expect(state.stageDueAt).toBe(expected);
    // The end of a Shanghai day, past the whole week off: more than 12 calendar days away.
    expect(expected.endsWith('T15:59:59.000Z')).toBe(true);
    expect(Date.parse(expected) - now).toBeGreaterThan(12 * DAY);
    expect(asked).toHaveLength(1);
    expect(asked[0].days).toEqual([5, WORKING.rectificationDays, WORKING.mockAssessmentDays, 3, 10]);
    const created = store.stream(taskId)[0];
    expect(created.type).toBe('IndicatorTaskCreated');
    expect((created.data as { counted?: { selfCheck: string } }).counted?.selfCheck).toBe(expected);

    // The ladder runs from that deadline: the reminder 72 h before it, 催办 (URGE, 0 h) at it.
    await env.sleep(Date.parse(expected) - (await env.currentTimeMs()) + 60_000);
    const ladder = store.stream(taskId).filter((e) => e.type === 'DeadlineEscalated');
    expect(ladder.map((e) => e.data)).toEqual([expect.objectContaining({ level: 'REMINDER', stageDueAt: expected }), expect.objectContaining({ level: 'URGE', stageDueAt: expected })]);
    expect(Date.parse(ladder[1].occurredAt)).toBeGreaterThanOrEqual(Date.parse(expected));

    // Confirmed as met: the re-check is counted in working days from the confirmation.
    await handle.executeUpdate(performActionUpdate, { args: [{ command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '已达标' }, actor: UNIT }] });
    expect(asked).toHaveLength(1); // a submission enters no stage: nothing asked
    await handle.executeUpdate(performActionUpdate, { args: [{ command: { action: 'CONFIRM_SELF_CHECK' }, actor: SUPERVISOR }] });
    expect(asked).toHaveLength(2);
    const consolidated = await handle.query(stateQuery);
    expect(consolidated.stage).toBe('CONSOLIDATION');
    expect(consolidated.nextRecheckAt).toBe(calendar.addWorkingDays(asked[1].from, 10));
    const confirmed = store.stream(taskId).find((e) => e.type === 'SelfCheckConfirmed');
    expect((confirmed?.data as { counted?: { recheckOther: string } }).counted?.recheckOther).toBe(consolidated.nextRecheckAt);

    await keepHistory('working-days-self-check', handle);
    await handle.terminate('done');
    // The run replays from its own history: the calendar's answers come from the recorded markers.
    const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows/index') }, history, 'working-days')).resolves.toBeUndefined();
  });

  it('a task counting calendar days asks nothing and replays as before', async () => {
    asked.length = 0;
    const { handle, now } = await start(DEFAULT_TASK_POLICY);
    // Fourteen days to the millisecond from the workflow's start, as always (not the end of a day).
    const due = Date.parse((await handle.query(stateQuery)).stageDueAt!);
    expect(Math.abs(due - (now + DEFAULT_TASK_POLICY.selfCheckDays * DAY))).toBeLessThan(5_000);
    await handle.executeUpdate(performActionUpdate, { args: [{ command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '已达标' }, actor: UNIT }] });
    await handle.executeUpdate(performActionUpdate, { args: [{ command: { action: 'CONFIRM_SELF_CHECK' }, actor: SUPERVISOR }] });
    const state = await handle.query(stateQuery);
    expect(state.countedDeadlines).toBeUndefined();
    expect(asked).toEqual([]);
    await handle.terminate('done');
    const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
    const localActivities = (history.events ?? [])
      .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')
      .map((e) => JSON.parse(Buffer.from(e.markerRecordedEventAttributes!.details!.data!.payloads![0].data!).toString('utf8')) as { activity_type: string });
    // Only the creation's local append: no calendar in a calendar-day history.
    expect(localActivities.map((a) => a.activity_type)).toEqual(['appendEvents']);
    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows/index') }, history, 'calendar-days')).resolves.toBeUndefined();
  });

  it("an item of a working-day campaign gets its re-check counted in working days when verified", async () => {
    calendar = new WorkingDayCalendar();
    asked.length = 0;
    const itemId = `rectification-item:wd:${randomUUID()}`;
    const now = await env.currentTimeMs();
    const args = { ...dispatchedItemInput(itemId, new Date(now + 5 * DAY).toISOString()), policy: { ...DEFAULT_ITEM_POLICY, dayCounting: 'WORKING' as const } };
    const handle = await env.client.workflow.start(rectificationItemWorkflow, { workflowId: itemId, taskQueue, args: [args] });
    const act = (command: object, actor = UNIT) => handle.executeUpdate(itemActionUpdate, { args: [{ command: command as never, actor }] });
    await act({ action: 'START_RECTIFICATION' });
    await act({ action: 'SUBMIT_RECTIFICATION', note: '已清理', photos: [{ sha256: 'b'.repeat(64), name: '照片.jpg', size: 2048, mimeType: 'image/jpeg' }] });
    expect(asked).toEqual([]);
    await act({ action: 'VERIFY' }, SUPERVISOR);
    expect(asked.map((a) => a.days)).toEqual([[DEFAULT_ITEM_POLICY.rectificationDays, DEFAULT_ITEM_POLICY.recheckAfterDays, DEFAULT_ITEM_POLICY.relapseDays]]);
    const state = await handle.query(itemStateQuery);
    expect(state.recheckAt).toBe(calendar.addWorkingDays(asked[0].from, DEFAULT_ITEM_POLICY.recheckAfterDays));
    await handle.terminate('done');
  });
});
