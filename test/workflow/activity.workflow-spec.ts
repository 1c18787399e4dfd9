// An activity on the time-skipping server with a fake event store: planned, once its date has passed without 举办
// the ladder tells the organiser (提醒) and then the office (催办) and stops there; refused moves (another unit, the
// leading group, a float attendance, cancelling by a unit) leave no event; the organiser's member records it as held,
// which ends the run and refuses any later move. A second activity is cancelled before its date: no ladder at all.
// The history is kept for the replay test (RECORD_HISTORIES=1).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { activityActionUpdate, activityStateQuery, activityWorkflowId } from '../../workflows/activity/activity.messages';
import type { ActivityCommand, ActivityInput } from '../../workflows/activity/activity.types';
import { activityWorkflow } from '../../workflows/activity/activity.workflow';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, keepHistory, NEW_UNIT, OFFICE, UNIT } from '../support/workflow-fixtures';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const LEADER: Actor = { userId: 'u-leader', displayName: '王组长', role: 'LEADER', unitCode: null };
const held = (attendance: number): ActivityCommand => ({ action: 'RECORD_HELD', heldDate: '2027-03-06', attendance, photos: [], summary: '开展垃圾分类宣讲' });

describe('activity workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'activity-workflow-spec';

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({ taskQueue, workflowsPath: require.resolve('../../workflows/index'), activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) } });
    env = server.env;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  const input = (campaignId: string, dueAt: string): ActivityInput => ({
    campaignId,
    kind: 'VOLUNTEER_SERVICE',
    title: '垃圾分类志愿宣讲',
    organiserUnitCode: 'WTSQ',
    plannedDate: '2027-03-06',
    place: '外滩社区广场',
    indicatorCodes: ['I-01'],
    dueAt,
    plannedBy: OFFICE,
  });

  it('reminds the organiser, then urges the office, refuses what the rules forbid, and ends once held', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const now = await env.currentTimeMs();
    const id = activityWorkflowId(campaignId, 'a1');
    const handle = await env.client.workflow.start(activityWorkflow, { workflowId: id, taskQueue, args: [input(campaignId, new Date(now + 2 * DAY).toISOString())] });
    const act = (actor: Actor, command: ActivityCommand) => handle.executeUpdate(activityActionUpdate, { args: [{ command, actor }] });
    const types = () => store.stream(id).map((e) => e.type);

    await env.sleep(DAY);
    expect(types()).toEqual(['ActivityPlanned']);
    await env.sleep(DAY + HOUR); // the date is over: 提醒 the organiser
    expect(store.stream(id).filter((e) => e.type === 'ActivityEscalated').map((e) => e.data.level)).toEqual(['REMINDER']);
    await env.sleep(2 * DAY); // two days later: 催办 the office
    await env.sleep(20 * DAY); // and nothing more
    const ladder = store.stream(id).filter((e) => e.type === 'ActivityEscalated');
    expect(ladder.map((e) => [e.data.level, e.data.notify])).toEqual([
      ['REMINDER', ['UNIT_HEAD', 'UNIT_MEMBER']],
      ['URGE', ['OFFICE', 'UNIT_HEAD']],
    ]);
    expect(ladder[0].data).toMatchObject({ organiserUnitCode: 'WTSQ', title: '垃圾分类志愿宣讲', plannedDate: '2027-03-06' });

    expect((await failure(act(NEW_UNIT, held(30)))).type).toBe('FORBIDDEN');
    expect((await failure(act(LEADER, held(30)))).type).toBe('FORBIDDEN');
    expect((await failure(act(UNIT, { action: 'CANCEL', reason: '下雨' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(UNIT, held(2.5)))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(UNIT, held(-1)))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(UNIT, { ...held(3), heldDate: '2027-02-30' } as ActivityCommand))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(OFFICE, { action: 'CANCEL', reason: '   ' }))).type).toBe('BAD_USER_INPUT');
    expect(types()).toHaveLength(3);

    expect(await act(UNIT, held(45))).toEqual({ version: 4, state: 'HELD' });
    await handle.result();
    expect(types()).toEqual(['ActivityPlanned', 'ActivityEscalated', 'ActivityEscalated', 'ActivityHeld']);
    expect(await handle.query(activityStateQuery)).toMatchObject({ state: 'HELD', attendance: 45, heldDate: '2027-03-06', summary: '开展垃圾分类宣讲', escalationLevel: 'URGE', recordedBy: UNIT.userId });
    await keepHistory('activity-escalated-held', handle);
  });

  it('a cancelled activity climbs no ladder and takes no further action', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const now = await env.currentTimeMs();
    const id = activityWorkflowId(campaignId, 'a2');
    const handle = await env.client.workflow.start(activityWorkflow, { workflowId: id, taskQueue, args: [input(campaignId, new Date(now + DAY).toISOString())] });
    const act = (actor: Actor, command: ActivityCommand) => handle.executeUpdate(activityActionUpdate, { args: [{ command, actor }] });
    expect(await act(OFFICE, { action: 'CANCEL', reason: '场地维修' })).toEqual({ version: 2, state: 'CANCELLED' });
    await handle.result();
    await env.sleep(5 * DAY);
    expect(store.stream(id).map((e) => e.type)).toEqual(['ActivityPlanned', 'ActivityCancelled']);
    expect(await handle.query(activityStateQuery)).toMatchObject({ state: 'CANCELLED', cancelReason: '场地维修', escalationLevel: null });
  });
});
