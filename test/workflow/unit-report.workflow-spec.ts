// A unit's monthly report on the time-skipping server with a fake event store: opened, the ladder climbs 提醒 → 催报 →
// 督办 while the report is owed and stops there; a hand-in after the due time is late; the office returns it with a
// reason, the unit hands it in again, the office accepts and the run ends; refused moves (another unit, the wrong
// role, the wrong state, hostile input) leave no event. The monthly cadence's scheduled run opens the new month's
// reports (a run recorded before that step replays: test/workflow/histories/monthly-cadence-*.history.bin).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import type { CheckCadenceInput, GenerateReportInput, OpenSupervisionRoundInput } from '../../activities/campaign.activities';
import type { OpenUnitReportsInput } from '../../activities/unit-report.activities';
import { monthOf, nextMonth, previousMonth } from '../../workflows/campaign/campaign.calendar';
import type { CadenceResult } from '../../workflows/campaign/campaign.types';
import { monthlyCadenceWorkflow } from '../../workflows/campaign/campaign.workflows';
import type { Actor } from '../../workflows/shared/actor.types';
import { unitReportActionUpdate, unitReportStateQuery, unitReportWorkflowId } from '../../workflows/unit-report/unit-report.messages';
import type { UnitReportCommand, UnitReportInput } from '../../workflows/unit-report/unit-report.types';
import { unitReportWorkflow } from '../../workflows/unit-report/unit-report.workflow';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, keepHistory, OFFICE, UNIT } from '../support/workflow-fixtures';

const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';
const OTHER_UNIT: Actor = { userId: 'u-bj', displayName: '滨江社区工作人员', role: 'UNIT_MEMBER', unitCode: 'BJSQ' };
const SHA = 'a'.repeat(64);
const REPORT: UnitReportCommand = {
  action: 'SUBMIT',
  progress: '本月完成背街小巷整治 12 条。',
  problems: '个别商户占道经营反复。',
  nextSteps: '下月开展联合执法。',
  attachments: [{ sha256: SHA, name: '整治照片.jpg', size: 1024, mimeType: 'image/jpeg' }],
};

describe('unit report workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const opened: OpenUnitReportsInput[] = [];
  const taskQueue = 'unit-report-workflow-spec';

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: {
        appendEvents: (r: AppendRequest) => store.appendEvents(r),
        checkCadence: async ({ month }: CheckCadenceInput): Promise<CadenceResult> => ({ month, tally: { visits: 0, jointMeetings: 0, coordinationMeetings: 0 } as CadenceResult['tally'], shortfalls: [], ended: true, flagged: false, version: 1 }),
        generateMonthlyReport: async (_: GenerateReportInput) => ({ generatedAt: new Date().toISOString() }),
        openMonthlySupervisionRound: async (input: OpenSupervisionRoundInput) => ({ roundId: `inspection-round:${input.campaignId}:monthly-${input.month}`, opened: true }),
        openUnitReports: async (input: OpenUnitReportsInput) => {
          opened.push(input);
          return { opened: 12, existing: 0 };
        },
      },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function start(dueInMs: number, extra: Partial<UnitReportInput> = {}) {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const now = await env.currentTimeMs();
    const input: UnitReportInput = { campaignId, unitCode: 'WTSQ', month: '2027-03', dueAt: new Date(now + dueInMs).toISOString(), dueDay: 25, openedBy: OFFICE, ...extra };
    const id = unitReportWorkflowId(campaignId, 'WTSQ', '2027-03');
    const handle = await env.client.workflow.start(unitReportWorkflow, { workflowId: id, taskQueue, args: [input] });
    const act = (actor: Actor, command: UnitReportCommand) => handle.executeUpdate(unitReportActionUpdate, { args: [{ command, actor }] });
    return { handle, act, id, input };
  }

  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  const types = (id: string) => store.stream(id).map((e) => e.type);

  it('climbs 提醒 → 催报 → 督办 while the report is owed, then a late hand-in is returned, handed in again and accepted', async () => {
    const { handle, act, id } = await start(10 * DAY);
    await env.sleep(6 * DAY);
    expect(types(id)).toEqual(['UnitReportOpened']);
    await env.sleep(2 * DAY); // 3 days before the due time: 提醒
    expect(types(id)).toEqual(['UnitReportOpened', 'UnitReportEscalated']);
    await env.sleep(2 * DAY + 60_000); // the due time: 催报
    await env.sleep(3 * DAY); // 3 days after: 督办
    const ladder = store.stream(id).filter((e) => e.type === 'UnitReportEscalated');
    expect(ladder.map((e) => e.data.level)).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    expect(ladder[2].data.notify).toEqual(['UNIT_HEAD', 'OFFICE']);
    expect(ladder[0].metadata.actor).toMatchObject({ userId: 'system' });
    await env.sleep(30 * DAY);
    expect(store.stream(id).filter((e) => e.type === 'UnitReportEscalated')).toHaveLength(3);

    // Refusals leave no event.
    expect((await failure(act(OTHER_UNIT, REPORT))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, REPORT))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, { action: 'ACCEPT' }))).type).toBe('ILLEGAL_TRANSITION');
    expect((await failure(act(UNIT, { ...REPORT, progress: '进'.repeat(5_001) }))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(UNIT, { ...REPORT, attachments: Array.from({ length: 11 }, (_, i) => ({ sha256: i.toString(16).padStart(64, '0'), name: `${i}.jpg`, size: 1, mimeType: 'image/jpeg' })) }))).type).toBe('BAD_USER_INPUT');
    expect(types(id)).toHaveLength(4);

    expect(await act(UNIT, REPORT)).toEqual({ version: 5, state: 'SUBMITTED' });
    expect((await handle.query(unitReportStateQuery)).late).toBe(true);
    expect((await failure(act(UNIT, REPORT))).type).toBe('ILLEGAL_TRANSITION');
    expect((await failure(act(OFFICE, { action: 'RETURN', reason: '  ' }))).type).toBe('BAD_USER_INPUT');
    await act(OFFICE, { action: 'RETURN', reason: '请补充问题清单' });
    await act(UNIT, { ...REPORT, problems: '占道经营 3 处，已建台账。' });
    expect(await act(OFFICE, { action: 'ACCEPT', note: '采用' })).toEqual({ version: 8, state: 'ACCEPTED' });
    await handle.result();
    expect(types(id).slice(4)).toEqual(['UnitReportSubmitted', 'UnitReportReturned', 'UnitReportSubmitted', 'UnitReportAccepted']);
    expect(store.stream(id)[6].data).toMatchObject({ resubmission: true, problems: '占道经营 3 处，已建台账。', unitCode: 'WTSQ', month: '2027-03' });
    const final = await handle.query(unitReportStateQuery);
    expect(final).toMatchObject({ state: 'ACCEPTED', submissions: 2, late: true, returnReason: '请补充问题清单', acceptNote: '采用' });
    await keepHistory('unit-report-late-returned-accepted', handle);
  });

  it('is not late when handed in before the due time, and climbs no further once handed in', async () => {
    const { handle, act, id } = await start(5 * DAY);
    await env.sleep(3 * DAY); // 提醒 at 2 days
    await act(UNIT, REPORT);
    await env.sleep(20 * DAY);
    expect(types(id)).toEqual(['UnitReportOpened', 'UnitReportEscalated', 'UnitReportSubmitted']);
    expect((await handle.query(unitReportStateQuery)).late).toBe(false);
    await act(OFFICE, { action: 'ACCEPT' });
    await handle.result();
  });

  it('records its opening first even when a hand-in arrives with the start', async () => {
    const { handle, act, id } = await start(5 * DAY);
    await act(UNIT, REPORT);
    expect(types(id)).toEqual(['UnitReportOpened', 'UnitReportSubmitted']);
    await act(OFFICE, { action: 'ACCEPT' });
    await handle.result();
  });

  it('opens the new month’s reports in the monthly cadence’s scheduled run, and not in a run for a month the office chose', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const expected = previousMonth(monthOf(new Date(await env.currentTimeMs()).toISOString(), TZ));
    const handle = await env.client.workflow.start(monthlyCadenceWorkflow, { workflowId: `campaign-monthly:${campaignId}:${randomUUID()}`, taskQueue, args: [{ campaignId, timeZone: TZ }] });
    expect(await handle.result()).toMatchObject({ campaignId, month: expected });
    expect(opened.filter((o) => o.campaignId === campaignId)).toEqual([{ campaignId, month: nextMonth(expected), actor: expect.objectContaining({ userId: 'system' }) }]);
    await keepHistory('monthly-cadence-opens-unit-reports', handle);
    await env.client.workflow.execute(monthlyCadenceWorkflow, { workflowId: `campaign-monthly:${campaignId}:${randomUUID()}`, taskQueue, args: [{ campaignId, timeZone: TZ, month: expected }] });
    expect(opened.filter((o) => o.campaignId === campaignId)).toHaveLength(1);
  });
});
