// A 专项整治 drive on the time-skipping server with a fake event store: launched, it sleeps durably to the end of its
// period, then climbs 提醒 → 催办 → 督办 while the closing summary is owed and stops there; a new end date starts the
// ladder again; refused moves (another unit, the wrong role, the wrong state, hostile input) leave no event; the
// lead unit's head hands in the summary, the leading group returns it, then approves it and the run ends.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import type { Actor } from '../../workflows/shared/actor.types';
import { specialDriveActionUpdate, specialDriveStateQuery, specialDriveWorkflowId } from '../../workflows/special-drive/special-drive.messages';
import type { DriveCommand, SpecialDriveInput } from '../../workflows/special-drive/special-drive.types';
import { specialDriveWorkflow } from '../../workflows/special-drive/special-drive.workflow';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, OFFICE, UNIT } from '../support/workflow-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TZ = 'Asia/Shanghai';
const LEAD_HEAD: Actor = { userId: 'u-hws', displayName: '环卫所负责人', role: 'UNIT_HEAD', unitCode: 'HWS' };
const LEADER: Actor = { userId: 'u-leader', displayName: '王组长', role: 'LEADER', unitCode: null };

describe('special drive workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'special-drive-workflow-spec';

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
  const levels = (id: string) => store.stream(id).filter((e) => e.type === 'SpecialDriveEscalated').map((e) => e.data.level);

  it('sleeps to the end of its period, climbs the ladder while the summary is owed, and closes once the leading group approves', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const now = await env.currentTimeMs();
    const plan = { leadUnitCode: 'HWS', startDate: localDate(now, TZ), endDate: localDate(now + 20 * DAY, TZ), goals: '垃圾日产日清', participatingUnitCodes: ['WTSQ'] };
    const input: SpecialDriveInput = { campaignId, area: 'SANITATION', timeZone: TZ, plan, launchedBy: OFFICE };
    const id = specialDriveWorkflowId(campaignId, 'SANITATION');
    const handle = await env.client.workflow.start(specialDriveWorkflow, { workflowId: id, taskQueue, args: [input] });
    const act = (actor: Actor, command: DriveCommand) => handle.executeUpdate(specialDriveActionUpdate, { args: [{ command, actor }] });

    // The launch is recorded by the workflow's first activity: ask until it is.
    let { dueAt } = await handle.query(specialDriveStateQuery);
    for (let i = 0; i < 200 && dueAt === ''; i++) ({ dueAt } = await handle.query(specialDriveStateQuery));
    expect(localDate(Date.parse(dueAt) - 1, TZ)).toBe(plan.endDate);
    await env.sleep(Date.parse(dueAt) - 3 * DAY - (await env.currentTimeMs()) - HOUR);
    expect(levels(id)).toEqual([]);
    await env.sleep(2 * HOUR); // 3 days before the end: 提醒
    expect(levels(id)).toEqual(['REMINDER']);
    await env.sleep(3 * DAY); // the end: 催办
    await env.sleep(3 * DAY); // 3 days after: 督办
    expect(levels(id)).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    expect(store.stream(id).at(-1)!.data.notify).toEqual(['UNIT_HEAD', 'OFFICE', 'LEADER']);
    await env.sleep(30 * DAY);
    expect(levels(id)).toHaveLength(3);

    // Refusals leave no event.
    const before = store.stream(id).length;
    expect((await failure(act(UNIT, { action: 'SUBMIT_SUMMARY', text: '总结', attachments: [] }))).type).toBe('FORBIDDEN');
    expect((await failure(act({ ...LEAD_HEAD, unitCode: 'WTSQ' }, { action: 'SUBMIT_SUMMARY', text: '总结', attachments: [] }))).type).toBe('FORBIDDEN');
    expect((await failure(act(LEADER, { action: 'APPROVE' }))).type).toBe('ILLEGAL_TRANSITION');
    expect((await failure(act(LEAD_HEAD, { action: 'SUBMIT_SUMMARY', text: '总'.repeat(5_001), attachments: [] }))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(OFFICE, { action: 'AMEND', ...plan, endDate: '2027-13-01' }))).type).toBe('BAD_USER_INPUT');
    expect(store.stream(id)).toHaveLength(before);

    // A new end date: the ladder starts again from 提醒 before it.
    const later = localDate((await env.currentTimeMs()) + 10 * DAY, TZ);
    await act(OFFICE, { action: 'AMEND', ...plan, endDate: later });
    expect((await handle.query(specialDriveStateQuery)).escalationLevel).toBeNull();
    await env.sleep(8 * DAY);
    expect(levels(id)).toEqual(['REMINDER', 'URGE', 'SUPERVISE', 'REMINDER']);

    await act(LEAD_HEAD, { action: 'SUBMIT_SUMMARY', text: '清理卫生死角 46 处', attachments: [] });
    await env.sleep(10 * DAY);
    expect(levels(id)).toHaveLength(4);
    await act(LEADER, { action: 'RETURN', reason: '请补充长效机制' });
    await act(LEAD_HEAD, { action: 'SUBMIT_SUMMARY', text: '清理卫生死角 46 处；网格员每日巡查', attachments: [] });
    expect(await act(LEADER, { action: 'APPROVE', note: '同意结项' })).toMatchObject({ state: 'CLOSED' });
    await handle.result();
    // Returned after its deadline, the summary is owed again and the ladder climbs on: 催办 at once.
    expect(store.stream(id).map((e) => e.type).slice(-7)).toEqual([
      'SpecialDriveAmended',
      'SpecialDriveEscalated',
      'SpecialDriveSummarySubmitted',
      'SpecialDriveSummaryReturned',
      'SpecialDriveEscalated',
      'SpecialDriveSummarySubmitted',
      'SpecialDriveClosed',
    ]);
    expect(levels(id)).toEqual(['REMINDER', 'URGE', 'SUPERVISE', 'REMINDER', 'URGE']);
    expect(await handle.query(specialDriveStateQuery)).toMatchObject({ state: 'CLOSED', submissions: 2, approveNote: '同意结项', returnReason: '请补充长效机制' });
  });
});
