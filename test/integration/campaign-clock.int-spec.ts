// The campaign's clock through GraphQL, against real PostgreSQL and the real Temporal dev server: the office
// plans and moves the phases (the reminder when a planned start has passed, the archive gate refusing, then the
// office's override recorded), the countdown, visits and meetings recorded and listed by month, and the monthly
// Temporal Schedule triggered by hand: the shortfall flagged on the campaign's stream, the report stored, read
// and exported as .xlsx with the numbers worked out by hand below.
import * as ExcelJS from 'exceljs';
import { ensureCampaignClocks, ensureMonthlySchedule } from '../../src/campaign-clock/campaign-clock.starter';
import { CampaignStateProjection } from '../../src/campaign-clock/campaign-state.projection';
import { CampaignRepository } from '../../src/campaign/campaign.repository';
import { EventStoreRepository } from '../../src/platform/event-store/event-store.repository';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, OFFICE_ACTOR, eventsOf, seedReferenceData, waitFor } from '../support/fixtures';
import { nextMonth } from '../../workflows/campaign/campaign.calendar';
import { gql, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const STREAM = `campaign:${CAMPAIGN}`;
const SCHEDULE = `campaign-monthly:${CAMPAIGN}`;
const DAY = 86_400_000;

// The campaign's calendar worked out by hand: Shanghai is UTC+8 all year.
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const TODAY = shanghaiToday();
const THIS_MONTH = TODAY.slice(0, 7);
const LAST_MONTH = (() => {
  const [y, m] = THIS_MONTH.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const YESTERDAY = new Date(Date.parse(`${TODAY}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
const DAYS_TO_INSPECTION = Math.round((Date.parse('2027-06-30T00:00:00Z') - Date.parse(`${TODAY}T00:00:00Z`)) / DAY);

const FUTURE_DUE = '2027-03-31T15:59:59.000Z';
const TASKS = {
  A1: indicatorTaskWorkflowId(CAMPAIGN, 'A1', 'WTSQ'),
  A3: indicatorTaskWorkflowId(CAMPAIGN, 'A3', 'WTSQ'),
  A2: indicatorTaskWorkflowId(CAMPAIGN, 'A2', 'XCB'),
  B1: indicatorTaskWorkflowId(CAMPAIGN, 'B1', 'ZXXX'),
};

const CAMPAIGN_FIELDS = `id phase phaseLabel nextPhase daysToInspection countdownLabel version allowedActions
  archiveProgress { tasks archived complete }
  phases { phase label plannedStart startedAt current due }`;

interface CampaignResult {
  id: string;
  phase: string;
  phaseLabel: string;
  nextPhase: string | null;
  daysToInspection: number;
  countdownLabel: string;
  version: number;
  allowedActions: string[];
  archiveProgress: { tasks: number; archived: number; complete: boolean };
  phases: { phase: string; label: string; plannedStart: string | null; startedAt: string | null; current: boolean; due: boolean }[];
}

interface Row {
  code: string;
  name: string;
  tasks: number;
  met: number;
  metRate: number;
  overdue: number;
  stages: { stage: string; count: number }[];
}
interface UnitRow extends Row {
  relapses: number;
  escalations: number;
}
interface Report {
  month: string;
  phase: string;
  daysToInspection: number;
  cadence: { visits: number; jointMeetings: number; coordinationMeetings: number; met: boolean; ended: boolean; flagged: boolean; shortfalls: { requirement: string; required: number; recorded: number }[] };
  totals: Row;
  byItem: Row[];
  byUnit: UnitRow[];
  overdue: { taskId: string; stage: string; escalationLevel: string | null }[];
  relapses: { tasks: number; items: number };
  escalations: { total: number; levels: { level: string; tasks: number; items: number }[] };
  rectificationItems: { total: number; open: number; overdue: number; relapses: number };
}
const ROW = 'code name tasks met metRate overdue stages { stage count }';
const REPORT_FIELDS = `month phase daysToInspection
  cadence { visits jointMeetings coordinationMeetings met ended flagged shortfalls { requirement required recorded } }
  totals { ${ROW} } byItem { ${ROW} } byUnit { ${ROW} relapses escalations }
  overdue { taskId stage escalationLevel } relapses { tasks items } escalations { total levels { level tasks items } }
  rectificationItems { total open overdue relapses }`;

describe('the campaign clock', () => {
  let stack: TestStack;

  const q = <T>(login: string, query: string, variables: Record<string, unknown> = {}) => gql<T>(stack.url, login, query, variables);

  async function campaign(login = 'office'): Promise<CampaignResult> {
    const res = await q<{ campaign: CampaignResult }>(login, `query($id: String) { campaign(id: $id) { ${CAMPAIGN_FIELDS} } }`, { id: CAMPAIGN });
    expect(res.errors).toBeUndefined();
    return res.data!.campaign;
  }

  /** A mutation that must be refused with `code` (and `field`), in Chinese, writing nothing to the campaign's stream. */
  async function refused(login: string, mutation: string, inputType: string, input: Record<string, unknown>, code: string, field?: string) {
    const before = await eventsOf(stack.db, STREAM);
    const res = await q(login, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`, { input: { campaignId: CAMPAIGN, ...input } });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await eventsOf(stack.db, STREAM)).toEqual(before);
    return res.errors![0];
  }

  /** A mutation that must be accepted and write exactly one event. */
  async function accepted<T>(login: string, mutation: string, inputType: string, input: Record<string, unknown>, fields: string): Promise<T> {
    const before = (await eventsOf(stack.db, STREAM)).length;
    const res = await q<Record<string, T>>(login, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} } }`, { input: { campaignId: CAMPAIGN, ...input } });
    expect(res.errors).toBeUndefined();
    expect(await eventsOf(stack.db, STREAM)).toHaveLength(before + 1);
    return res.data![mutation];
  }

  async function act(login: string, mutation: string, inputType: string, input: Record<string, unknown>) {
    const res = await q<Record<string, { stage: string }>>(login, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { stage } }`, { input });
    expect(res.errors).toBeUndefined();
    return res.data![mutation].stage;
  }

  async function startTask(indicatorCode: string, unitCode: string, dueAt: string) {
    await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, indicatorCode, unitCode, leadUnitCode: 'XCB', dueAt, createdBy: OFFICE_ACTOR });
  }

  const escalations = async (taskId: string) => (await eventsOf(stack.db, taskId)).filter((e) => e.type === 'DeadlineEscalated').length;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'clock' });
    await seedReferenceData(stack.db);
    // Four tasks: A1 and A3 of 外滩社区, A2 of 宣传统战办, and B1 of 中心小学, due twenty days ago.
    await startTask('A1', 'WTSQ', FUTURE_DUE);
    await startTask('A3', 'WTSQ', FUTURE_DUE);
    await startTask('A2', 'XCB', FUTURE_DUE);
    await startTask('B1', 'ZXXX', new Date(Date.now() - 20 * DAY).toISOString());
    // What start-up does for every campaign: the clock's workflow and its monthly schedule.
    expect(await ensureCampaignClocks(new CampaignRepository(stack.db), stack.temporal, stack.config.temporal.taskQueue)).toEqual({ campaigns: 1, started: 1 });
    await waitFor(async () => (await stack.db.selectFrom('campaign_states').select('campaign_id').where('campaign_id', '=', CAMPAIGN).executeTakeFirst()) !== undefined, 30_000, 'the clock');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 4, 30_000, 'the cards');
    // B1 is past every step of the ladder: 催办, 督办, 约谈, 问责 come at once, this month.
    await waitFor(async () => (await escalations(TASKS.B1)) === 4, 30_000, 'the ladder of B1');
  });

  afterAll(async () => {
    await stack?.temporal.schedule
      .getHandle(SCHEDULE)
      .delete()
      .catch(() => undefined);
    await stack?.stop();
  });

  it('starts each campaign’s clock and schedule once, in the campaign’s time zone', async () => {
    expect(await ensureCampaignClocks(new CampaignRepository(stack.db), stack.temporal, stack.config.temporal.taskQueue)).toEqual({ campaigns: 1, started: 0 });
    const ensure = (timeZone: string) => ensureMonthlySchedule(stack.temporal, stack.config.temporal.taskQueue, { id: CAMPAIGN, timeZone, inspectionDate: '2027-06-30' });
    expect(await ensure('Asia/Shanghai')).toBe('unchanged');
    // A campaign whose time zone changed has its schedule brought up to date, not duplicated.
    expect(await ensure('Asia/Urumqi')).toBe('updated');
    expect((await stack.temporal.schedule.getHandle(SCHEDULE).describe()).spec.timezone).toBe('Asia/Urumqi');
    expect(await ensure('Asia/Shanghai')).toBe('updated');
    const schedule = await stack.temporal.schedule.getHandle(SCHEDULE).describe();
    expect(schedule.spec.timezone).toBe('Asia/Shanghai');
    expect(schedule.spec.calendars).toEqual([expect.objectContaining({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 9, end: 9, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] })]);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'monthlyCadenceWorkflow', taskQueue: stack.config.temporal.taskQueue });
    expect((await eventsOf(stack.db, STREAM)).map((e) => e.type)).toEqual(['CampaignClockStarted']);
  });

  it('shows the phase and the countdown to anyone signed in', async () => {
    for (const login of ['office', 'leader', 'wtsq.member']) {
      const c = await campaign(login);
      expect(c).toMatchObject({ phase: 'MOBILIZATION', phaseLabel: '宣传发动', nextPhase: 'SPECIAL_RECTIFICATION', daysToInspection: DAYS_TO_INSPECTION, countdownLabel: `距迎检还有 ${DAYS_TO_INSPECTION} 天` });
    }
    expect((await campaign('office')).allowedActions).toEqual(['SET_PHASE_PLAN', 'ADVANCE_PHASE', 'RECORD_SUPERVISION_VISIT', 'RECORD_MEETING']);
    expect((await campaign('supervisor')).allowedActions).toEqual(['RECORD_SUPERVISION_VISIT', 'RECORD_MEETING']);
    expect((await campaign('wtsq.member')).allowedActions).toEqual([]);
    const list = await q<{ campaigns: { id: string; phase: string }[] }>('leader', '{ campaigns { id phase } }');
    expect(list.data!.campaigns).toEqual([{ id: CAMPAIGN, phase: 'MOBILIZATION' }]);
  });

  it('plans the phases, reminds when a planned start has passed, and moves on only when the office says so', async () => {
    const plan = [
      { phase: 'SPECIAL_RECTIFICATION', startDate: YESTERDAY },
      { phase: 'SPRINT', startDate: '2027-03-01' },
      { phase: 'INSPECTION', startDate: '2027-06-01' },
      { phase: 'REVIEW', startDate: '2027-07-01' },
    ];
    await refused('supervisor', 'setCampaignPhasePlan', 'SetCampaignPhasePlanInput', { plan }, 'FORBIDDEN');
    await refused('office', 'setCampaignPhasePlan', 'SetCampaignPhasePlanInput', { plan: [...plan.slice(0, 1), { phase: 'SPRINT', startDate: YESTERDAY }] }, 'BAD_USER_INPUT', 'plan');
    await refused('office', 'setCampaignPhasePlan', 'SetCampaignPhasePlanInput', { plan: [{ phase: 'INSPECTION', startDate: '2027-07-15' }] }, 'BAD_USER_INPUT', 'plan');
    await accepted('office', 'setCampaignPhasePlan', 'SetCampaignPhasePlanInput', { plan, note: '按区创建办部署' }, 'id');

    // 专项整治 was planned for yesterday: the clock records the reminder at once, and stays where it is.
    await waitFor(async () => (await eventsOf(stack.db, STREAM)).some((e) => e.type === 'PhaseDue'), 20_000, 'PhaseDue');
    const reminded = await campaign();
    expect(reminded.phase).toBe('MOBILIZATION');
    expect(reminded.phases.map((p) => [p.phase, p.plannedStart, p.current, p.due])).toEqual([
      ['MOBILIZATION', null, true, false],
      ['SPECIAL_RECTIFICATION', YESTERDAY, false, true],
      ['SPRINT', '2027-03-01', false, false],
      ['INSPECTION', '2027-06-01', false, false],
      ['REVIEW', '2027-07-01', false, false],
    ]);

    await refused('office', 'advanceCampaignPhase', 'AdvanceCampaignPhaseInput', { to: 'SPRINT' }, 'ILLEGAL_TRANSITION', 'to');
    await refused('supervisor', 'advanceCampaignPhase', 'AdvanceCampaignPhaseInput', { to: 'SPECIAL_RECTIFICATION' }, 'FORBIDDEN');
    const moved = await accepted<CampaignResult>('office', 'advanceCampaignPhase', 'AdvanceCampaignPhaseInput', { to: 'SPECIAL_RECTIFICATION', note: '召开动员大会后转入' }, CAMPAIGN_FIELDS);
    expect(moved).toMatchObject({ phase: 'SPECIAL_RECTIFICATION', phaseLabel: '专项整治', nextPhase: 'SPRINT' });
    expect(moved.phases.find((p) => p.phase === 'SPECIAL_RECTIFICATION')).toMatchObject({ current: true, due: false, startedAt: expect.any(String) });
    await accepted('office', 'advanceCampaignPhase', 'AdvanceCampaignPhaseInput', { to: 'SPRINT' }, 'phase');
  });

  it('refuses 迎检 while the archive is incomplete, then records the office’s override reason', async () => {
    expect((await campaign()).archiveProgress).toEqual({ tasks: 4, archived: 0, complete: false });
    const error = await refused('office', 'advanceCampaignPhase', 'AdvanceCampaignPhaseInput', { to: 'INSPECTION' }, 'ILLEGAL_TRANSITION', 'overrideReason');
    expect(error.message).toBe('创文档案尚未全部归档（已归档 0 项，共 4 项任务，还差 4 项），不能进入「迎检」阶段；如确需进入，请填写理由');
    await refused('office', 'advanceCampaignPhase', 'AdvanceCampaignPhaseInput', { to: 'INSPECTION', overrideReason: '  ' }, 'ILLEGAL_TRANSITION', 'overrideReason');

    const moved = await accepted<CampaignResult>('office', 'advanceCampaignPhase', 'AdvanceCampaignPhaseInput', { to: 'INSPECTION', overrideReason: '区创建办通知提前迎检，余下档案迎检期间补齐' }, CAMPAIGN_FIELDS);
    expect(moved).toMatchObject({ phase: 'INSPECTION', phaseLabel: '迎检', nextPhase: 'REVIEW' });
    const history = await q<{ campaign: { history: { type: string; label: string; actor: { displayName: string }; data: Record<string, unknown> }[] } }>(
      'leader',
      `{ campaign(id: "${CAMPAIGN}") { history { type label actor { displayName } data } } }`,
    );
    const last = history.data!.campaign.history.at(-1)!;
    expect(last).toEqual({
      type: 'PhaseAdvanced',
      label: '进入「迎检」阶段（档案未全部归档，已说明理由）',
      actor: { displayName: '张霞（创建办主任）' },
      data: { from: 'SPRINT', to: 'INSPECTION', archive: { tasks: 4, archived: 0 }, overrideReason: '区创建办通知提前迎检，余下档案迎检期间补齐', note: '' },
    });
    // Units do not read the campaign's record.
    const unit = await q<{ campaign: { history: unknown[] } }>('wtsq.member', `{ campaign(id: "${CAMPAIGN}") { history { type } } }`);
    expect(unit.data!.campaign.history).toEqual([]);
  });

  it('records visits and meetings, refusing the wrong role and bad input, and lists them by month', async () => {
    const visit = { date: `${LAST_MONTH}-15`, places: ['外滩农贸市场', '滨江路背街小巷'], visitors: ['王组长', '李督查'], unitCodes: ['WTSQ'], notes: '农贸市场占道经营，要求一周内整改' };
    await refused('wtsq.member', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', visit, 'FORBIDDEN');
    await refused('leader', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', visit, 'FORBIDDEN');
    await refused('office', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', { ...visit, unitCodes: ['NOPE'] }, 'BAD_USER_INPUT', 'unitCodes');
    await refused('office', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', { ...visit, date: '2099-01-01' }, 'BAD_USER_INPUT', 'date');
    await refused('office', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', { ...visit, places: [] }, 'BAD_USER_INPUT', 'places');
    await refused('office', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', { ...visit, notes: '' }, 'BAD_USER_INPUT', 'notes');
    const recorded = await accepted<{ id: string; date: string; units: { name: string }[]; recordedBy: { displayName: string } }>(
      'office',
      'recordSupervisionVisit',
      'RecordSupervisionVisitInput',
      visit,
      'id date units { name } recordedBy { displayName }',
    );
    expect(recorded).toMatchObject({ date: `${LAST_MONTH}-15`, units: [{ name: '外滩社区' }], recordedBy: { displayName: '张霞（创建办主任）' } });

    const coordination = { kind: 'COORDINATION', date: `${LAST_MONTH}-20`, title: '重点难点问题协调会', attendees: ['张霞', '环卫所所长'], unitCodes: ['HWS'], minutes: '研究背街小巷保洁' };
    await refused('archivist', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', coordination, 'FORBIDDEN');
    await refused('supervisor', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', { ...coordination, minutes: ' ' }, 'BAD_USER_INPUT', 'minutes');
    await refused('supervisor', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', { ...coordination, decisions: [{ text: '清运', unitCode: 'NOPE' }] }, 'BAD_USER_INPUT', 'decisions');
    await accepted('supervisor', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', coordination, 'id');

    // This month: two visits and a joint meeting, whose decisions are kept for the items they will become.
    for (const place of ['东湖村垃圾点', '中心小学周边']) {
      await accepted('supervisor', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', { date: TODAY, places: [place], visitors: ['李督查'], notes: '已整改' }, 'id');
    }
    const joint = await accepted<{ kind: string; kindLabel: string; decisions: { text: string; unit: { code: string } | null; dueDate: string | null }[] }>(
      'office',
      'recordCampaignMeeting',
      'RecordCampaignMeetingInput',
      {
        kind: 'JOINT',
        date: TODAY,
        attendees: ['王组长', '张霞'],
        unitCodes: ['DHC', 'ZXXX'],
        minutes: '听取东湖村、中心小学创建工作汇报',
        decisions: [{ text: '东湖村清理垃圾点', unitCode: 'DHC', dueDate: '2027-01-15' }, { text: '加强校园周边巡查' }],
      },
      'kind kindLabel decisions { text unit { code } dueDate }',
    );
    expect(joint).toEqual({
      kind: 'JOINT',
      kindLabel: '联席会议',
      decisions: [
        { text: '东湖村清理垃圾点', unit: { code: 'DHC' }, dueDate: '2027-01-15' },
        { text: '加强校园周边巡查', unit: null, dueDate: null },
      ],
    });

    const listed = await q<{ campaign: { visits: { date: string; places: string[] }[]; meetings: { kind: string; units: { code: string }[] }[]; cadence: { visits: number; coordinationMeetings: number; met: boolean; ended: boolean } } }>(
      'leader',
      `query($m: String!) { campaign(id: "${CAMPAIGN}") { visits(month: $m) { date places } meetings(month: $m) { kind units { code } } cadence(month: $m) { visits coordinationMeetings met ended } } }`,
      { m: LAST_MONTH },
    );
    expect(listed.data!.campaign).toEqual({
      visits: [{ date: `${LAST_MONTH}-15`, places: ['外滩农贸市场', '滨江路背街小巷'] }],
      meetings: [{ kind: 'COORDINATION', units: [{ code: 'HWS' }] }],
      cadence: { visits: 1, coordinationMeetings: 1, met: false, ended: true },
    });
    // A unit sees the visits to it and the meetings it attended, nothing else.
    const unit = await q<{ campaign: { visits: { date: string }[]; meetings: unknown[] } }>('wtsq.member', `{ campaign(id: "${CAMPAIGN}") { visits { date } meetings { kind } } }`);
    expect(unit.data!.campaign).toEqual({ visits: [{ date: `${LAST_MONTH}-15` }], meetings: [] });
    const all = await q<{ campaign: { visits: unknown[]; meetings: unknown[] } }>('office', `{ campaign(id: "${CAMPAIGN}") { visits { date } meetings { date } } }`);
    expect(all.data!.campaign.visits).toHaveLength(3);
    expect(all.data!.campaign.meetings).toHaveLength(2);
  });

  it('gets tasks moving: one confirmed met, one relapsed on a failed re-check', async () => {
    await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: TASKS.A3, classification: 'MET', note: '台账齐全' });
    expect(await act('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId: TASKS.A3 })).toBe('CONSOLIDATION');
    await act('xcb.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: TASKS.A2, classification: 'MET', note: '已设置' });
    await act('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId: TASKS.A2 });
    expect(await act('supervisor', 'recordRecheck', 'RecordRecheckInput', { taskId: TASKS.A2, passed: false, note: '公益广告被遮挡' })).toBe('RECTIFICATION');
  });

  /*
   * By hand, for both reports (the cards as they stand when the report is generated):
   *   A1/WTSQ 自查自评 · A3/WTSQ 巩固 (达标) · A2/XCB 整改 (relapsed this month) · B1/ZXXX 自查自评, overdue since 20 days.
   *   total 4, 达标 1 → 25%, overdue 1.
   *   A 思想道德与核心价值观宣传: A1, A2, A3 → 3, 达标 1 → 33.3%.   B 未成年人思想道德建设: B1 → 1, 0%, overdue 1.
   *   WTSQ 外滩社区 2, 达标 1 → 50%.   XCB 街道宣传统战办 1, 0%.   ZXXX 街道中心小学 1, 0%, overdue 1.
   * Last month (the schedule's run): no relapse, no escalation, 1 visit, no joint meeting, 1 coordination meeting → flagged.
   * This month (the office's run): A2's relapse; B1's 催办, 督办, 约谈, 问责; 2 visits and a joint meeting → met, not over.
   */
  function expectSnapshot(report: Report) {
    expect(report.phase).toBe('INSPECTION');
    expect(report.daysToInspection).toBe(DAYS_TO_INSPECTION);
    expect(report.totals).toMatchObject({ tasks: 4, met: 1, metRate: 25, overdue: 1 });
    expect(Object.fromEntries(report.totals.stages.map((s) => [s.stage, s.count]))).toEqual({ SELF_CHECK: 2, RECTIFICATION: 1, MOCK_ASSESSMENT: 0, CONSOLIDATION: 1, ARCHIVING: 0, ARCHIVED: 0 });
    expect(report.byItem.map(({ code, name, tasks, met, metRate, overdue }) => [code, name, tasks, met, metRate, overdue])).toEqual([
      ['A', '思想道德与核心价值观宣传', 3, 1, 33.3, 0],
      ['B', '未成年人思想道德建设', 1, 0, 0, 1],
    ]);
    expect(report.overdue).toEqual([{ taskId: TASKS.B1, stage: 'SELF_CHECK', escalationLevel: 'ACCOUNTABILITY' }]);
    expect(report.rectificationItems).toEqual({ total: 0, open: 0, overdue: 0, relapses: 0 });
  }

  it('triggers the monthly schedule by hand: last month’s shortfall flagged on the campaign, its report stored', async () => {
    await stack.temporal.schedule.getHandle(SCHEDULE).trigger();
    await waitFor(
      async () => (await stack.db.selectFrom('monthly_reports').select('month').where('campaign_id', '=', CAMPAIGN).where('month', '=', LAST_MONTH).executeTakeFirst()) !== undefined,
      30_000,
      'the monthly report',
    );
    const flags = (await eventsOf(stack.db, STREAM)).filter((e) => e.type === 'CadenceShortfallFlagged');
    expect(flags).toHaveLength(1);
    const flag = await stack.db.selectFrom('events').select(['data', 'metadata']).where('event_id', '=', flags[0].event_id).executeTakeFirstOrThrow();
    expect(flag.data).toEqual({
      month: LAST_MONTH,
      tally: { visits: 1, jointMeetings: 0, coordinationMeetings: 1, hearings: 0 },
      missing: [
        { requirement: 'SUPERVISION_VISIT', required: 2, recorded: 1 },
        { requirement: 'JOINT_MEETING', required: 1, recorded: 0 },
        { requirement: 'UNIT_REPORT_HEARING', required: 1, recorded: 0 },
      ],
    });
    expect(flag.metadata).toMatchObject({ actor: { userId: 'system' }, workflowId: STREAM });

    // 每月督查: the scheduled run opened this month's supervision round for the supervision group.
    const thisMonth = nextMonth(LAST_MONTH);
    await waitFor(async () => (await stack.db.selectFrom('inspection_rounds').select('round_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 1, 30_000, 'the supervision round');
    const round = await q<{ inspectionRounds: { kind: string; title: string; plannedOn: string; state: string }[] }>('supervisor', `query($c: String!) { inspectionRounds(campaignId: $c) { kind title plannedOn state } }`, { c: CAMPAIGN });
    expect(round.data!.inspectionRounds).toEqual([
      { kind: 'MONTHLY_SUPERVISION', title: `${thisMonth.slice(0, 4)}年${Number(thisMonth.slice(5))}月每月督查`, plannedOn: `${thisMonth}-01`, state: 'PLANNED' },
    ]);

    const res = await q<{ monthlyReport: Report }>('leader', `query($c: String!, $m: String!) { monthlyReport(campaignId: $c, month: $m) { ${REPORT_FIELDS} } }`, { c: CAMPAIGN, m: LAST_MONTH });
    expect(res.errors).toBeUndefined();
    const report = res.data!.monthlyReport;
    expect(report.month).toBe(LAST_MONTH);
    expectSnapshot(report);
    expect(report.cadence).toEqual({
      visits: 1,
      jointMeetings: 0,
      coordinationMeetings: 1,
      met: false,
      ended: true,
      flagged: true,
      shortfalls: [
        { requirement: 'SUPERVISION_VISIT', required: 2, recorded: 1 },
        { requirement: 'JOINT_MEETING', required: 1, recorded: 0 },
        { requirement: 'UNIT_REPORT_HEARING', required: 1, recorded: 0 },
      ],
    });
    expect(report.relapses).toEqual({ tasks: 0, items: 0 });
    expect(report.escalations.total).toBe(0);
    expect(report.byUnit.map(({ code, tasks, met, metRate, overdue, relapses, escalations }) => [code, tasks, met, metRate, overdue, relapses, escalations])).toEqual([
      ['WTSQ', 2, 1, 50, 0, 0, 0],
      ['XCB', 1, 0, 0, 0, 0, 0],
      ['ZXXX', 1, 0, 0, 1, 0, 0],
    ]);
    const cadence = await q<{ campaign: { cadence: { flagged: boolean }; monthlyReports: { month: string }[] } }>('office', `{ campaign(id: "${CAMPAIGN}") { cadence(month: "${LAST_MONTH}") { flagged } monthlyReports { month } } }`);
    expect(cadence.data!.campaign).toEqual({ cadence: { flagged: true }, monthlyReports: [{ month: LAST_MONTH }] });

    // Triggered again: the same finding is not flagged twice, the report is regenerated in place.
    const generatedAt = async () => (await stack.db.selectFrom('monthly_reports').select('generated_at').where('campaign_id', '=', CAMPAIGN).where('month', '=', LAST_MONTH).executeTakeFirstOrThrow()).generated_at.getTime();
    const first = await generatedAt();
    // A triggered run's workflow id is the schedule's id and the trigger's time to the second: a second trigger in
    // the same second as the first gets the same id, and the server drops it as already started. The first run
    // can finish within its second, so the test triggers again only once that second is over.
    const firstAction = (await stack.temporal.schedule.getHandle(SCHEDULE).describe()).info.recentActions[0];
    const nextSecond = Math.floor(firstAction.takenAt.getTime() / 1000) * 1000 + 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, nextSecond - Date.now())));
    await stack.temporal.schedule.getHandle(SCHEDULE).trigger();
    await waitFor(async () => (await generatedAt()) > first, 30_000, 'the second run');
    expect((await stack.temporal.schedule.getHandle(SCHEDULE).describe()).info.numActionsTaken).toBe(2);
    expect((await eventsOf(stack.db, STREAM)).filter((e) => e.type === 'CadenceShortfallFlagged')).toHaveLength(1);
    expect(await stack.db.selectFrom('monthly_reports').select('month').where('campaign_id', '=', CAMPAIGN).execute()).toEqual([{ month: LAST_MONTH }]);
    // …and the month's round is opened once.
    expect(await stack.db.selectFrom('inspection_rounds').select('round_id').where('campaign_id', '=', CAMPAIGN).execute()).toHaveLength(1);
  });

  it('exports the report as .xlsx with the numbers worked out by hand', async () => {
    const res = await q<{ exportMonthlyReport: { fileName: string; mimeType: string; contentBase64: string } }>(
      'office',
      `query($c: String!, $m: String!) { exportMonthlyReport(campaignId: $c, month: $m) { fileName mimeType contentBase64 } }`,
      { c: CAMPAIGN, m: LAST_MONTH },
    );
    expect(res.errors).toBeUndefined();
    const file = res.data!.exportMonthlyReport;
    expect(file.fileName).toBe(`月度专题汇报-${CAMPAIGN}-${LAST_MONTH}.xlsx`);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(file.contentBase64, 'base64')).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '按测评项目', '按责任单位', '逾期任务', '反弹与督办', '整改问题', '单位专题汇报']);

    const summary = workbook.getWorksheet('概况')!;
    const value = (label: string) => summary.getCell(summary.getColumn(1).values.indexOf(label), 2).value;
    expect(value('汇报月份')).toBe(LAST_MONTH);
    expect(value('当前阶段')).toBe('迎检');
    expect(value('任务总数')).toBe(4);
    expect(value('达标数')).toBe(1);
    expect(value('达标率（%）')).toBe(25);
    expect(value('逾期任务')).toBe(1);
    expect(value('现场督查（次）')).toBe(1);
    expect(value('联席会议（次）')).toBe(0);
    expect(value('协调会（次）')).toBe(1);
    expect(value('听取单位工作汇报（次）')).toBe(0);
    expect(value('工作节奏')).toBe('未达要求：现场督查 1 次（要求 2 次以上）；联席会议 0 次（要求 1 次以上）；听取单位工作汇报 0 次（要求 1 次以上）');
    expect(value('整改问题总数')).toBe(0);

    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(3)
        .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    // 编码, 名称, 任务数, 自查自评, 整改, 模拟测评, 巩固, 归档, 已归档, 达标数, 达标率, 逾期
    expect(rows('按测评项目')).toEqual([
      ['A', '思想道德与核心价值观宣传', 3, 1, 1, 0, 1, 0, 0, 1, 33.3, 0],
      ['B', '未成年人思想道德建设', 1, 1, 0, 0, 0, 0, 0, 0, 0, 1],
      ['ALL', '全部', 4, 2, 1, 0, 1, 0, 0, 1, 25, 1],
    ]);
    // …, 本月反弹, 本月提醒督办, 未销号整改问题, 逾期整改问题
    expect(rows('按责任单位')).toEqual([
      ['WTSQ', '外滩社区', 2, 1, 0, 0, 1, 0, 0, 1, 50, 0, 0, 0, 0, 0],
      ['XCB', '街道宣传统战办', 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['ZXXX', '街道中心小学', 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const overdue = rows('逾期任务');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].slice(0, 5)).toEqual([TASKS.B1, 'B1', '校园周边环境', '街道中心小学', '自查自评']);
    expect(overdue[0][6]).toBe(20);
    expect(overdue[0][7]).toBe('问责');
  });

  it('lets the office run this month by hand: its relapse and escalations counted, the month not over so not flagged', async () => {
    await refused('supervisor', 'generateMonthlyReport', 'GenerateMonthlyReportInput', { month: THIS_MONTH }, 'FORBIDDEN');
    await refused('office', 'generateMonthlyReport', 'GenerateMonthlyReportInput', { month: '2099-01' }, 'BAD_USER_INPUT', 'month');
    await refused('office', 'generateMonthlyReport', 'GenerateMonthlyReportInput', { month: 'last month' }, 'BAD_USER_INPUT', 'month');
    const res = await q<{ generateMonthlyReport: Report }>('office', `mutation($m: String!) { generateMonthlyReport(input: { campaignId: "${CAMPAIGN}", month: $m }) { ${REPORT_FIELDS} } }`, { m: THIS_MONTH });
    expect(res.errors).toBeUndefined();
    const report = res.data!.generateMonthlyReport;
    expectSnapshot(report);
    // Two visits and a joint meeting, but no coordination meeting and no hearing of the units' reports yet (issue 20).
    expect(report.cadence).toEqual({
      visits: 2,
      jointMeetings: 1,
      coordinationMeetings: 0,
      met: false,
      ended: false,
      flagged: false,
      shortfalls: [
        { requirement: 'COORDINATION_MEETING', required: 1, recorded: 0 },
        { requirement: 'UNIT_REPORT_HEARING', required: 1, recorded: 0 },
      ],
    });
    expect(report.relapses).toEqual({ tasks: 1, items: 0 });
    expect(report.escalations.total).toBe(4);
    expect(report.escalations.levels.map((l) => [l.level, l.tasks, l.items])).toEqual([
      ['REMINDER', 0, 0],
      ['URGE', 1, 0],
      ['SUPERVISE', 1, 0],
      ['INTERVIEW', 1, 0],
      ['ACCOUNTABILITY', 1, 0],
    ]);
    expect(report.byUnit.map(({ code, relapses, escalations }) => [code, relapses, escalations])).toEqual([
      ['WTSQ', 0, 0],
      ['XCB', 1, 0],
      ['ZXXX', 0, 4],
    ]);
    expect((await eventsOf(stack.db, STREAM)).filter((e) => e.type === 'CadenceShortfallFlagged')).toHaveLength(1);
  });

  it('keeps the whole campaign’s report from the units', async () => {
    const res: GraphQLResponse<unknown> = await q('wtsq.member', `{ monthlyReport(campaignId: "${CAMPAIGN}", month: "${LAST_MONTH}") { month } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await q<{ campaign: { monthlyReports: unknown[] } }>('wtsq.member', `{ campaign(id: "${CAMPAIGN}") { monthlyReports { month } } }`);
    expect(list.data!.campaign.monthlyReports).toEqual([]);
  });
  it('reports a run caught up late on the month it was scheduled for, not the month it ran in', async () => {
    // 1 September 2026, 09:00 in Shanghai: the run for August, taken now as the server catches up.
    await stack.temporal.schedule.getHandle(SCHEDULE).backfill({ start: new Date('2026-09-01T00:59:00Z'), end: new Date('2026-09-01T01:01:00Z') });
    await waitFor(
      async () => (await stack.db.selectFrom('monthly_reports').select('month').where('campaign_id', '=', CAMPAIGN).where('month', '=', '2026-08').executeTakeFirst()) !== undefined,
      30_000,
      'the August report',
    );
    const flags = await stack.db.selectFrom('events').select('data').where('stream_id', '=', STREAM).where('type', '=', 'CadenceShortfallFlagged').orderBy('stream_version').execute();
    expect(flags.map((f) => f.data.month)).toEqual([LAST_MONTH, '2026-08']);
  });

  it('counts the coordination meeting and the hearing of the units’ reports; a month without a coordination meeting is reminded (issue 20)', async () => {
    // The month before last: two visits, a joint meeting and a hearing, but no coordination meeting.
    const before = LAST_MONTH === `${LAST_MONTH.slice(0, 4)}-01` ? `${Number(LAST_MONTH.slice(0, 4)) - 1}-12` : `${LAST_MONTH.slice(0, 4)}-${String(Number(LAST_MONTH.slice(5)) - 1).padStart(2, '0')}`;
    for (const day of ['05', '18']) {
      await accepted('supervisor', 'recordSupervisionVisit', 'RecordSupervisionVisitInput', { date: `${before}-${day}`, places: ['外滩农贸市场'], visitors: ['李督查'], notes: '复查' }, 'id');
    }
    await accepted('office', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', { kind: 'JOINT', date: `${before}-10`, attendees: ['王组长'], minutes: '部署' }, 'id');
    const hearing = { kind: 'HEARING', date: `${before}-26`, title: '听取各单位创建工作汇报', attendees: ['王组长', '张霞'], minutes: '外滩社区、中心小学汇报本月进展' };
    // A hearing names the units that reported; an unknown unit or none is refused and writes nothing.
    await refused('office', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', hearing, 'BAD_USER_INPUT', 'unitCodes');
    await refused('office', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', { ...hearing, unitCodes: ['NOPE'] }, 'BAD_USER_INPUT', 'unitCodes');
    await refused('wtsq.head', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', { ...hearing, unitCodes: ['WTSQ'] }, 'FORBIDDEN');
    const recorded = await accepted<{ kind: string; kindLabel: string; units: { code: string }[] }>(
      'office',
      'recordCampaignMeeting',
      'RecordCampaignMeetingInput',
      { ...hearing, unitCodes: ['WTSQ', 'ZXXX'] },
      'kind kindLabel units { code }',
    );
    expect(recorded).toEqual({ kind: 'HEARING', kindLabel: '听取单位工作汇报', units: [{ code: 'WTSQ' }, { code: 'ZXXX' }] });

    // Checked: reminded of the coordination meeting only, on the campaign's stream.
    const flagsBefore = (await eventsOf(stack.db, STREAM)).filter((e) => e.type === 'CadenceShortfallFlagged').length;
    const res = await q<{ generateMonthlyReport: { cadence: { met: boolean; flagged: boolean; shortfalls: { requirement: string; label: string }[] } } }>(
      'office',
      `mutation($m: String!) { generateMonthlyReport(input: { campaignId: "${CAMPAIGN}", month: $m }) { cadence { met flagged shortfalls { requirement label } } } }`,
      { m: before },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.generateMonthlyReport.cadence).toEqual({ met: false, flagged: true, shortfalls: [{ requirement: 'COORDINATION_MEETING', label: '协调会' }] });
    const flags = (await eventsOf(stack.db, STREAM)).filter((e) => e.type === 'CadenceShortfallFlagged');
    expect(flags).toHaveLength(flagsBefore + 1);
    const flag = await stack.db.selectFrom('events').select('data').where('event_id', '=', flags.at(-1)!.event_id).executeTakeFirstOrThrow();
    expect(flag.data).toMatchObject({ month: before, tally: { visits: 2, jointMeetings: 1, coordinationMeetings: 0, hearings: 1 }, missing: [{ requirement: 'COORDINATION_MEETING', required: 1, recorded: 0 }] });
    const history = await q<{ campaign: { history: { label: string }[] } }>('office', `{ campaign(id: "${CAMPAIGN}") { history { label } } }`);
    expect(history.data!.campaign.history.at(-1)!.label).toBe(`${before} 月度工作节奏不足：协调会 0 次（要求每月 1 次以上）`);

    // This month: a coordination meeting and a hearing after the units' reports were opened; the hearing links them.
    expect((await q('office', `mutation { openUnitReportMonth(campaignId: "${CAMPAIGN}", month: "${THIS_MONTH}") { opened } }`)).errors).toBeUndefined();
    await accepted('supervisor', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', { kind: 'COORDINATION', date: TODAY, attendees: ['张霞'], unitCodes: ['HWS'], minutes: '协调背街小巷保洁难点' }, 'id');
    await accepted('office', 'recordCampaignMeeting', 'RecordCampaignMeetingInput', { ...hearing, date: TODAY, unitCodes: ['WTSQ', 'XCB'] }, 'id');
    const month = await q<{ campaign: { cadence: { coordinationMeetings: number; hearings: number; met: boolean; shortfalls: unknown[] }; meetings: { kind: string; unitReports: { month: string; unit: { code: string } }[] }[] } }>(
      'leader',
      `query($m: String!) { campaign(id: "${CAMPAIGN}") { cadence(month: $m) { coordinationMeetings hearings met shortfalls { requirement } } meetings(month: $m) { kind unitReports { month unit { code } } } } }`,
      { m: THIS_MONTH },
    );
    expect(month.errors).toBeUndefined();
    expect(month.data!.campaign.cadence).toEqual({ coordinationMeetings: 1, hearings: 1, met: true, shortfalls: [] });
    const linked = month.data!.campaign.meetings.find((m) => m.kind === 'HEARING')!.unitReports;
    expect(linked.map((r) => [r.month, r.unit.code]).sort()).toEqual([
      [THIS_MONTH, 'WTSQ'],
      [THIS_MONTH, 'XCB'],
    ]);
    // A unit sees the hearing it reported at, and only its own report linked there.
    const unit = await q<{ campaign: { meetings: { kind: string; unitReports: { unit: { code: string } }[] }[] } }>('wtsq.head', `{ campaign(id: "${CAMPAIGN}") { meetings(month: "${THIS_MONTH}") { kind unitReports { unit { code } } } } }`);
    expect(unit.data!.campaign.meetings.filter((m) => m.kind === 'HEARING').map((m) => m.unitReports)).toEqual([[{ unit: { code: 'WTSQ' } }]]);
  });

  it('rebuilds the clock’s row from its events exactly as it was written live', async () => {
    const row = () => stack.db.selectFrom('campaign_states').selectAll().where('campaign_id', '=', CAMPAIGN).executeTakeFirstOrThrow();
    const live = await row();
    expect(live).toMatchObject({ stream_id: STREAM, phase: 'INSPECTION', phase_due: false });
    await stack.db.updateTable('campaign_states').set({ phase: 'REVIEW' }).execute(); // damage it
    expect(await new EventStoreRepository(stack.db, [new CampaignStateProjection()]).rebuildProjections()).toEqual([{ name: 'campaign_states', events: live.version }]);
    expect(await row()).toEqual(live);
  });
});
