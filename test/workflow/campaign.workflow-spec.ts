// The campaign's clock and its monthly cadence on the time-skipping test server with a fake event store: one
// event per accepted action in stream order, refusals that leave no trace, the PhaseDue reminder on a durable
// timer (never a move by itself), the archive gate, an idempotent cadence check, continue-as-new carrying the
// state, and the monthly workflow working through its steps for the month just ended.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import type { CheckCadenceInput, GenerateReportInput, OpenSupervisionRoundInput } from '../../activities/campaign.activities';
import type { AppendRequest } from '../../activities/event-store.types';
import { FakeEventStore, OFFICE, SUPERVISOR } from '../support/workflow-fixtures';
import { localDate, monthOf, nextMonth, previousMonth } from '../../workflows/campaign/campaign.calendar';
import type { CampaignCommand, CampaignClockInput } from '../../workflows/campaign/campaign.types';
import { campaignActionUpdate, campaignStateQuery, campaignWorkflowId, checkCadenceUpdate } from '../../workflows/campaign/campaign.messages';
import { campaignClockWorkflow, monthlyCadenceWorkflow } from '../../workflows/campaign/campaign.workflows';
import type { Actor } from '../../workflows/shared/actor.types';

const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';

describe('campaign workflows', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const reports: GenerateReportInput[] = [];
  const rounds: OpenSupervisionRoundInput[] = [];
  const taskQueue = 'campaign-workflow-spec';

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/campaign/campaign.workflows'),
      activities: {
        appendEvents: (r: AppendRequest) => store.appendEvents(r),
        // As the real activity: ask the campaign's clock, which decides and records.
        checkCadence: ({ campaignId, month, actor }: CheckCadenceInput) =>
          env.client.workflow.getHandle(campaignWorkflowId(campaignId)).executeUpdate(checkCadenceUpdate, { args: [{ month, actor }] }),
        openMonthlySupervisionRound: async (input: OpenSupervisionRoundInput) => {
          rounds.push(input);
          return { roundId: `inspection-round:${input.campaignId}:monthly-${input.month}`, opened: true };
        },
        openUnitReports: async () => ({ opened: 0, existing: 0 }),
        generateMonthlyReport: async (input: GenerateReportInput) => {
          reports.push(input);
          return { generatedAt: new Date().toISOString() };
        },
      },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  const streamOf = (id: string) => store.stream(id);

  async function start(extra: Partial<CampaignClockInput> = {}) {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const input: CampaignClockInput = { campaignId, timeZone: TZ, inspectionDate: '2099-06-30', startedBy: OFFICE, ...extra };
    const id = campaignWorkflowId(campaignId);
    const handle = await env.client.workflow.start(campaignClockWorkflow, { workflowId: id, taskQueue, args: [input] });
    const act = (actor: Actor, command: CampaignCommand, expectedVersion?: number) => handle.executeUpdate(campaignActionUpdate, { args: [{ command, actor, expectedVersion }] });
    return { handle, act, id, campaignId };
  }

  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  const acceptedUpdates = async (handle: WorkflowHandle) => ((await handle.fetchHistory()).events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;

  it('records one event per accepted move in stream order, and nothing for a refused one', async () => {
    const { handle, act, id } = await start();
    expect(await act(OFFICE, { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION' })).toEqual({ version: 2, phase: 'SPECIAL_RECTIFICATION' });

    const forbidden = await failure(act(SUPERVISOR, { action: 'ADVANCE_PHASE', to: 'SPRINT' }));
    expect(forbidden.type).toBe('FORBIDDEN');
    const skipped = await failure(act(OFFICE, { action: 'ADVANCE_PHASE', to: 'INSPECTION' }));
    expect(skipped.type).toBe('ILLEGAL_TRANSITION');
    const stale = await failure(act(OFFICE, { action: 'ADVANCE_PHASE', to: 'SPRINT' }, 1));
    expect(stale.type).toBe('CONFLICT');

    expect(await act(OFFICE, { action: 'ADVANCE_PHASE', to: 'SPRINT' }, 2)).toEqual({ version: 3, phase: 'SPRINT' });
    // The gate: refused without a reason, then the office's reason goes into the event.
    const gate = await failure(act(OFFICE, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: { tasks: 10, archived: 7 } }));
    expect(gate.type).toBe('ILLEGAL_TRANSITION');
    expect(gate.message).toContain('已归档 7 项，共 10 项任务');
    await act(OFFICE, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: { tasks: 10, archived: 7 }, overrideReason: '区里提前迎检' });

    const events = streamOf(id);
    expect(events.map((e) => [e.type, e.streamVersion])).toEqual([
      ['CampaignClockStarted', 1],
      ['PhaseAdvanced', 2],
      ['PhaseAdvanced', 3],
      ['PhaseAdvanced', 4],
    ]);
    expect(events[3].data).toEqual({ from: 'SPRINT', to: 'INSPECTION', archive: { tasks: 10, archived: 7 }, overrideReason: '区里提前迎检', note: '' });
    expect(events[3].metadata.actor).toEqual(OFFICE);
    // Refusals left no trace in the workflow's history either.
    expect(await acceptedUpdates(handle)).toBe(3);
    expect((await handle.query(campaignStateQuery)).phase).toBe('INSPECTION');
  });

  it('reminds when the next phase’s planned start passes, once, and never moves on by itself', async () => {
    const { handle, act, id } = await start();
    const now = await env.currentTimeMs();
    const plannedStart = localDate(now + 3 * DAY, TZ);
    await act(OFFICE, { action: 'SET_PHASE_PLAN', plan: { SPECIAL_RECTIFICATION: plannedStart } });
    await env.sleep(2 * DAY);
    expect(streamOf(id).map((e) => e.type)).toEqual(['CampaignClockStarted', 'PhasePlanSet']);
    await env.sleep(3 * DAY);
    expect(streamOf(id).map((e) => e.type)).toEqual(['CampaignClockStarted', 'PhasePlanSet', 'PhaseDue']);
    const due = streamOf(id)[2];
    expect(due.data).toEqual({ phase: 'SPECIAL_RECTIFICATION', plannedStart, current: 'MOBILIZATION' });
    expect(due.metadata.actor).toMatchObject({ userId: 'system' });
    await env.sleep(30 * DAY);
    expect(streamOf(id)).toHaveLength(3);
    expect(await handle.query(campaignStateQuery)).toMatchObject({ phase: 'MOBILIZATION', phaseDue: { phase: 'SPECIAL_RECTIFICATION', plannedStart } });
  });

  it('flags a short month once however often it is checked, and counts visits by their date', async () => {
    const { handle, act, id } = await start();
    const today = localDate(await env.currentTimeMs(), TZ);
    const lastMonth = previousMonth(today.slice(0, 7));
    await act(SUPERVISOR, { action: 'RECORD_SUPERVISION_VISIT', visitId: 'v1', date: `${lastMonth}-15`, places: ['菜场'], visitors: ['李督查'], notes: '占道经营' });
    const check = () => handle.executeUpdate(checkCadenceUpdate, { args: [{ month: lastMonth, actor: OFFICE }] });
    const first = await check();
    expect(first).toMatchObject({ month: lastMonth, ended: true, flagged: true, tally: { visits: 1, jointMeetings: 0 } });
    const second = await check();
    expect(second.flagged).toBe(true);
    expect(streamOf(id).map((e) => e.type)).toEqual(['CampaignClockStarted', 'SupervisionVisitRecorded', 'CadenceShortfallFlagged']);
    const bad = await failure(handle.executeUpdate(checkCadenceUpdate, { args: [{ month: 'last month', actor: OFFICE }] }));
    expect(bad.type).toBe('BAD_USER_INPUT');
  });

  it('counts the coordination meeting and the hearing of the units’ reports like the joint meeting (issue 20)', async () => {
    const { handle, act, id } = await start();
    const today = localDate(await env.currentTimeMs(), TZ);
    const lastMonth = previousMonth(today.slice(0, 7));
    const before = previousMonth(lastMonth);
    for (const month of [before, lastMonth]) {
      await act(SUPERVISOR, { action: 'RECORD_SUPERVISION_VISIT', visitId: `v1-${month}`, date: `${month}-05`, places: ['菜场'], visitors: ['李督查'], notes: '占道经营' });
      await act(SUPERVISOR, { action: 'RECORD_SUPERVISION_VISIT', visitId: `v2-${month}`, date: `${month}-20`, places: ['背街小巷'], visitors: ['李督查'], notes: '堆物' });
      await act(OFFICE, { action: 'RECORD_MEETING', meetingId: `j-${month}`, kind: 'JOINT', date: `${month}-10`, attendees: ['王组长'], minutes: '部署' });
    }
    // The month before last lacked the coordination meeting and the hearing: reminded of both.
    const short = await handle.executeUpdate(checkCadenceUpdate, { args: [{ month: before, actor: OFFICE }] });
    expect(short.shortfalls).toEqual([
      { requirement: 'COORDINATION_MEETING', required: 1, recorded: 0 },
      { requirement: 'UNIT_REPORT_HEARING', required: 1, recorded: 0 },
    ]);
    expect(short.flagged).toBe(true);
    // Last month had both: met, nothing flagged. A hearing names the units that reported.
    const hearing = { action: 'RECORD_MEETING' as const, meetingId: `h-${lastMonth}`, kind: 'HEARING' as const, date: `${lastMonth}-25`, attendees: ['王组长'], minutes: '听取汇报' };
    expect((await failure(act(OFFICE, hearing))).message).toBe('请选择汇报的单位');
    await act(OFFICE, { ...hearing, unitCodes: ['WTSQ', 'BJSQ'] });
    await act(OFFICE, { action: 'RECORD_MEETING', meetingId: `c-${lastMonth}`, kind: 'COORDINATION', date: `${lastMonth}-12`, attendees: ['张霞'], minutes: '协调难点' });
    const met = await handle.executeUpdate(checkCadenceUpdate, { args: [{ month: lastMonth, actor: OFFICE }] });
    expect(met).toMatchObject({ shortfalls: [], flagged: false, tally: { visits: 2, jointMeetings: 1, coordinationMeetings: 1, hearings: 1 } });
    expect(streamOf(id).filter((e) => e.type === 'CadenceShortfallFlagged')).toHaveLength(1);
  });

  it('continues as new before its history grows long, carrying its state over', async () => {
    const { handle, act, id } = await start({ historyLimit: 40 });
    const month = localDate(await env.currentTimeMs(), TZ).slice(0, 7);
    for (let i = 0; i < 8; i++) {
      await act(OFFICE, { action: 'RECORD_MEETING', meetingId: `m${i}`, kind: i % 2 === 0 ? 'JOINT' : 'COORDINATION', date: `${month}-01`, attendees: ['王组长'], minutes: `第${i + 1}次` });
    }
    await act(OFFICE, { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION' });
    const described = await handle.describe();
    expect(described.runId).not.toBe(handle.firstExecutionRunId);
    const state = await env.client.workflow.getHandle(id).query(campaignStateQuery);
    expect(state).toMatchObject({ phase: 'SPECIAL_RECTIFICATION', version: 10, months: { [month]: { visits: 0, jointMeetings: 4, coordinationMeetings: 4 } } });
    expect(streamOf(id).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('runs the monthly steps for the month just ended: the cadence check on the campaign, the report, then the new month’s round', async () => {
    const { id, campaignId } = await start();
    const before = reports.length;
    const roundsBefore = rounds.length;
    // The month is fixed when the run starts; the server may skip time while it runs.
    const expected = previousMonth(monthOf(new Date(await env.currentTimeMs()).toISOString(), TZ));
    const result = await env.client.workflow.execute(monthlyCadenceWorkflow, {
      workflowId: `campaign-monthly:${campaignId}:${randomUUID()}`,
      taskQueue,
      args: [{ campaignId, timeZone: TZ }],
    });
    expect(result).toMatchObject({ campaignId, month: expected, cadence: { month: expected, ended: true, flagged: true, tally: { visits: 0, jointMeetings: 0 } } });
    expect(reports.slice(before)).toEqual([{ campaignId, month: expected, cadence: result.cadence }]);
    expect(rounds.slice(roundsBefore)).toEqual([{ campaignId, month: nextMonth(expected) }]);
    expect(streamOf(id).map((e) => e.type)).toEqual(['CampaignClockStarted', 'CadenceShortfallFlagged']);
    expect(streamOf(id)[1].metadata.actor).toMatchObject({ userId: 'system' });
  });
});
