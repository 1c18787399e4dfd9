// Survey rounds (问卷调查, issue 20) on the real stack: the office plans a round over the communities, enters each
// community's counts (counts above the sample, negative, fractional, huge or oversized input refused with no event;
// a unit user and the wrong role refused), closes it once every community has results, after which nothing changes;
// the trend over closed rounds is exact, street-wide (weighted by sample) and per community; a survey indicator's
// task cites a closed round as evidence, which its history and evidence list show; an open round past its due time
// climbs 提醒 → 催办 → 督办, telling the office and then the leading group; the workbooks; the projection rebuilds;
// the demo's rounds.
import * as ExcelJS from 'exceljs';
import { seedDemoSurveys } from '../../src/demo/demo-surveys';
import { startSurveyRound } from '../../src/survey/survey.starter';
import { surveyRoundWorkflowId } from '../../workflows/survey-round/survey-round.messages';
import { CAMPAIGN, OFFICE_ACTOR, seedTask, startTestTask, waitFor } from '../support/fixtures';
import { gql, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const ROUND_FIELDS = `id title method methodLabel startDate endDate dueAt state stateLabel recordedCount canRecord canClose closeNote escalationLabel
  total { sample aware supporting participating satisfied rates { aware supporting participating satisfied } }
  communities { unit { code name } recorded counts { sample aware supporting participating satisfied rates { aware supporting participating satisfied } } }
  history { type label actorName note }`;

interface Counts {
  sample: number;
  aware: number;
  supporting: number;
  participating: number;
  satisfied: number;
  rates: { aware: number; supporting: number; participating: number; satisfied: number };
}
interface Round {
  id: string;
  title: string;
  state: string;
  stateLabel: string;
  recordedCount: number;
  canRecord: boolean;
  canClose: boolean;
  escalationLabel: string | null;
  total: Counts | null;
  communities: { unit: { code: string; name: string }; recorded: boolean; counts: Counts | null }[];
  history: { type: string; label: string; actorName: string; note: string }[];
}
interface TrendPoint {
  roundId: string;
  counts: Counts;
  change: { aware: number | null; supporting: number | null; participating: number | null; satisfied: number | null };
}

describe('survey rounds', () => {
  let stack: TestStack;
  let taskId: string;
  let first: Round;
  let second: Round;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'surveys' });
    // A4 市民创建知晓率 is a survey indicator; A1 公益广告密度 is not.
    taskId = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A1', 'WTSQ');
  });
  afterAll(async () => stack?.stop());

  const q = <T = Record<string, unknown>>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => gql<T>(stack.url, login, query, variables);
  async function must<T = Record<string, unknown>>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await q<T>(login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const code = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code;
  const streamTypes = async (id: string) => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', id).orderBy('stream_version').execute()).map((e) => e.type);
  const plan = (login: string, input: Record<string, unknown>) =>
    q<{ planSurveyRound: Round }>(login, `mutation($i: PlanSurveyRoundInput!) { planSurveyRound(input: $i) { ${ROUND_FIELDS} } }`, {
      i: { campaignId: CAMPAIGN, title: '第一轮群众满意度调查', method: 'IN_PERSON', startDate: '2026-09-01', endDate: '2026-09-07', ...input },
    });
  const record = (login: string, roundId: string, unitCode: string, counts: Record<string, unknown>) =>
    q<{ recordSurveyResults: Round }>(login, `mutation($i: RecordSurveyResultsInput!) { recordSurveyResults(input: $i) { ${ROUND_FIELDS} } }`, { i: { roundId, unitCode, ...counts } });
  const counts = (sample: number, aware: number, supporting: number, participating: number, satisfied: number) => ({ sample, aware, supporting, participating, satisfied });

  it('lets the office plan a round over the communities, and refuses bad plans and other roles', async () => {
    const communities = await must<{ surveyCommunities: { code: string }[] }>('leader', '{ surveyCommunities { code } }');
    expect(communities.surveyCommunities.map((u) => u.code)).toEqual(['BJSQ', 'WTSQ']);
    expect(code(await plan('wtsq.head', {}))).toBe('FORBIDDEN');
    expect(code(await plan('leader', {}))).toBe('FORBIDDEN');
    expect(code(await plan('office', { title: '问'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { title: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { startDate: '2026-09-08' }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { endDate: '2026-02-30' }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { unitCodes: ['ZHZF'] }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { unitCodes: ['WTSQ', 'WTSQ'] }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { unitCodes: ['x'.repeat(10_000)] }))).toBe('BAD_USER_INPUT');
    expect(await stack.db.selectFrom('survey_rounds').select('round_id').where('campaign_id', '=', CAMPAIGN).execute()).toEqual([]);

    const res = await plan('office', {});
    expect(res.errors).toBeUndefined();
    first = res.data!.planSurveyRound;
    expect(first).toMatchObject({ state: 'OPEN', stateLabel: '进行中', recordedCount: 0, canRecord: true, canClose: false, total: null });
    expect(first.communities.map((c) => [c.unit.code, c.recorded])).toEqual([['BJSQ', false], ['WTSQ', false]]);
    expect(await streamTypes(first.id)).toEqual(['SurveyRoundPlanned']);
  });

  it('refuses counts above the sample, negative, fractional and huge counts, a unit user and others’ communities, writing no event', async () => {
    const ok = counts(200, 150, 160, 90, 140);
    expect(code(await record('office', first.id, 'WTSQ', { ...ok, aware: 201 }))).toBe('BAD_USER_INPUT');
    expect(code(await record('office', first.id, 'WTSQ', { ...ok, satisfied: -1 }))).toBe('BAD_USER_INPUT');
    expect(code(await record('office', first.id, 'WTSQ', { ...ok, sample: 0, aware: 0, supporting: 0, participating: 0, satisfied: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(await record('office', first.id, 'WTSQ', { ...ok, sample: 100_001 }))).toBe('BAD_USER_INPUT');
    // Not an Int: refused by GraphQL before any resolver.
    expect((await record('office', first.id, 'WTSQ', { ...ok, aware: 150.5 })).errors).toBeDefined();
    expect((await record('office', first.id, 'WTSQ', { ...ok, sample: 1e12 })).errors).toBeDefined();
    expect((await record('office', first.id, 'WTSQ', { ...ok, sample: '200' })).errors).toBeDefined();
    expect(code(await record('office', first.id, 'ZHZF', ok))).toBe('BAD_USER_INPUT');
    expect(code(await record('office', first.id, 'W'.repeat(100_000), ok))).toBe('BAD_USER_INPUT');
    expect(code(await record('office', 'x'.repeat(1_000), 'WTSQ', ok))).toBe('BAD_USER_INPUT');
    expect(code(await record('wtsq.head', first.id, 'WTSQ', ok))).toBe('FORBIDDEN');
    expect(code(await record('supervisor', first.id, 'WTSQ', ok))).toBe('FORBIDDEN');
    expect(code(await q('office', `mutation { closeSurveyRound(id: "${first.id}") { id } }`))).toBe('ILLEGAL_TRANSITION');
    expect(await streamTypes(first.id)).toEqual(['SurveyRoundPlanned']);
  });

  it('records each community, corrects one, computes the rates exactly and closes the round, which then locks', async () => {
    await record('office', first.id, 'WTSQ', counts(200, 150, 150, 90, 140));
    // A correction replaces the community's counts.
    const corrected = (await record('office', first.id, 'WTSQ', counts(200, 150, 160, 90, 140))).data!.recordSurveyResults;
    expect(corrected.communities.find((c) => c.unit.code === 'WTSQ')!.counts).toEqual({ ...counts(200, 150, 160, 90, 140), rates: { aware: 75, supporting: 80, participating: 45, satisfied: 70 } });
    // 2/3 = 66.666…% → 66.7; 1/8 = 12.5% stays; rounding half up on integers.
    const r = (await record('office', first.id, 'BJSQ', counts(3, 2, 3, 1, 2))).data!.recordSurveyResults;
    expect(r.communities.find((c) => c.unit.code === 'BJSQ')!.counts!.rates).toEqual({ aware: 66.7, supporting: 100, participating: 33.3, satisfied: 66.7 });
    // Street-wide: pooled counts (weighted by sample): 152/203 = 74.876… → 74.9.
    expect(r.total).toEqual({ ...counts(203, 152, 163, 91, 142), rates: { aware: 74.9, supporting: 80.3, participating: 44.8, satisfied: 70 } });
    expect(r).toMatchObject({ recordedCount: 2, canClose: true });

    expect(code(await q('wtsq.member', `mutation { closeSurveyRound(id: "${first.id}") { id } }`))).toBe('FORBIDDEN');
    expect(code(await q('office', `mutation { closeSurveyRound(id: "${first.id}", note: "${'长'.repeat(501)}") { id } }`))).toBe('BAD_USER_INPUT');
    const closed = await must<{ closeSurveyRound: Round }>('office', `mutation { closeSurveyRound(id: "${first.id}", note: "首轮基线") { ${ROUND_FIELDS} } }`);
    expect(closed.closeSurveyRound).toMatchObject({ state: 'CLOSED', stateLabel: '已结束', canRecord: false, canClose: false, closeNote: '首轮基线' });
    expect(closed.closeSurveyRound.history.map((h) => h.label)).toEqual(['制定调查计划', '录入社区结果', '录入社区结果', '录入社区结果', '结束本轮调查']);
    expect(closed.closeSurveyRound.history[2].note).toBe('外滩社区（更正）：样本 200 份');

    const before = await streamTypes(first.id);
    expect(code(await record('office', first.id, 'WTSQ', counts(200, 199, 199, 199, 199)))).toBe('ILLEGAL_TRANSITION');
    expect(code(await q('office', `mutation { closeSurveyRound(id: "${first.id}") { id } }`))).toBe('ILLEGAL_TRANSITION');
    expect(await streamTypes(first.id)).toEqual(before);
    const view = await must<{ surveyRound: Round }>('wtsq.member', `{ surveyRound(id: "${first.id}") { ${ROUND_FIELDS} } }`);
    expect(view.surveyRound.total!.aware).toBe(152);
  });

  it('draws the trend over closed rounds only, in date order, with exact changes', async () => {
    second = (await plan('office', { title: '第二轮群众满意度调查', startDate: '2026-10-01', endDate: '2026-10-07', unitCodes: ['WTSQ'] })).data!.planSurveyRound;
    await record('office', second.id, 'WTSQ', counts(210, 176, 181, 118, 162));
    // An open round does not count.
    const open = await must<{ surveyTrend: { overall: TrendPoint[] } }>('leader', `{ surveyTrend(campaignId: "${CAMPAIGN}") { overall { roundId } } }`);
    expect(open.surveyTrend.overall.map((p) => p.roundId)).toEqual([first.id]);
    await must('office', `mutation { closeSurveyRound(id: "${second.id}") { id } }`);

    const trend = await must<{ surveyTrend: { overall: TrendPoint[]; communities: { unit: { code: string }; points: TrendPoint[] }[] } }>(
      'leader',
      `{ surveyTrend(campaignId: "${CAMPAIGN}") { overall { roundId counts { sample rates { aware supporting participating satisfied } } change { aware supporting participating satisfied } }
         communities { unit { code } points { roundId counts { sample rates { aware satisfied } } change { aware supporting participating satisfied } } } } }`,
    );
    const { overall, communities } = trend.surveyTrend;
    expect(overall.map((p) => p.roundId)).toEqual([first.id, second.id]);
    expect(overall[0].change).toEqual({ aware: null, supporting: null, participating: null, satisfied: null });
    // 176/210 = 83.809… → 83.8; 181/210 = 86.190… → 86.2; 118/210 = 56.190… → 56.2; 162/210 = 77.142… → 77.1.
    expect(overall[1].counts).toEqual({ sample: 210, rates: { aware: 83.8, supporting: 86.2, participating: 56.2, satisfied: 77.1 } });
    // From 74.9 / 80.3 / 44.8 / 70.0: differences of the rounded rates, in tenths, exactly.
    expect(overall[1].change).toEqual({ aware: 8.9, supporting: 5.9, participating: 11.4, satisfied: 7.1 });
    const wtsq = communities.find((c) => c.unit.code === 'WTSQ')!;
    expect(wtsq.points.map((p) => p.counts.rates.aware)).toEqual([75, 83.8]);
    expect(wtsq.points[1].change).toEqual({ aware: 8.8, supporting: 6.2, participating: 11.2, satisfied: 7.1 });
    // 滨江社区 took part in the first round only.
    expect(communities.find((c) => c.unit.code === 'BJSQ')!.points).toHaveLength(1);
  });

  it('exports a round and the trend as workbooks with the counts and the rates', async () => {
    const round = await must<{ exportSurveyRound: { fileName: string; contentBase64: string } }>('office', `{ exportSurveyRound(id: "${first.id}") { fileName contentBase64 } }`);
    expect(round.exportSurveyRound.fileName).toBe('问卷调查结果-第一轮群众满意度调查.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(round.exportSurveyRound.contentBase64, 'base64')).buffer);
    const rows = book.getWorksheet('各社区结果')!.getSheetValues().slice(3).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows).toEqual([
      ['BJSQ', '滨江社区', 3, 2, 3, 1, 2, 0.667, 1, 0.333, 0.667],
      ['WTSQ', '外滩社区', 200, 150, 160, 90, 140, 0.75, 0.8, 0.45, 0.7],
      [undefined, '全街道合计（按样本加权）', 203, 152, 163, 91, 142, 0.749, 0.803, 0.448, 0.7],
    ]);
    const trend = await must<{ exportSurveyTrend: { contentBase64: string } }>('leader', `{ exportSurveyTrend(campaignId: "${CAMPAIGN}") { contentBase64 } }`);
    const t = new ExcelJS.Workbook();
    await t.xlsx.load(Uint8Array.from(Buffer.from(trend.exportSurveyTrend.contentBase64, 'base64')).buffer);
    const overall = t.getWorksheet('全街道趋势')!.getSheetValues().slice(3).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(overall.map((r) => [r[0], r[3], r[12]])).toEqual([
      ['第一轮群众满意度调查', 203, undefined],
      ['第二轮群众满意度调查', 210, 8.9],
    ]);
  });

  it('lets a survey indicator’s task cite a closed round: its evidence and history show it', async () => {
    const cite = (login: string, input: Record<string, unknown>) =>
      q<{ citeSurveyRound: { evidence: { name: string; note: string; mimeType: string }[]; history: { type: string; label: string }[] } }>(
        login,
        'mutation($i: CiteSurveyRoundInput!) { citeSurveyRound(input: $i) { evidence { name note mimeType } history { type label } } }',
        { i: { taskId, roundId: first.id, ...input } },
      );
    const open = (await plan('office', { title: '进行中的一轮', startDate: '2026-11-01', endDate: '2026-11-07' })).data!.planSurveyRound;
    const taskEvents = await streamTypes(taskId);
    expect(code(await cite('wtsq.member', { roundId: open.id }))).toBe('ILLEGAL_TRANSITION');
    expect(code(await cite('wtsq.member', { taskId: taskId.replace(':A4:', ':A1:') }))).toBe('BAD_USER_INPUT');
    expect(code(await cite('bjsq.member', {}))).toBe('NOT_FOUND');
    expect(code(await cite('office', {}))).toBe('FORBIDDEN');
    expect(code(await cite('wtsq.member', { note: '说'.repeat(501) }))).toBe('BAD_USER_INPUT');
    expect(code(await cite('wtsq.member', { roundId: 'survey-round:no-such' }))).toBe('NOT_FOUND');
    expect(await streamTypes(taskId)).toEqual(taskEvents);

    const res = await cite('wtsq.member', { note: '用于材料审核' });
    expect(res.errors).toBeUndefined();
    const task = res.data!.citeSurveyRound;
    expect(task.evidence).toEqual([
      {
        name: '问卷调查结果-第一轮群众满意度调查.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        note: `引用问卷调查「第一轮群众满意度调查」（2026-09-01 至 2026-09-07，2 个社区，样本 203 份）：知晓率 74.9%、支持率 80.3%、参与率 44.8%、满意度 70.0%〔${first.id}〕。用于材料审核`,
      },
    ]);
    expect(task.history.at(-1)).toMatchObject({ type: 'EvidenceAttached' });
    expect(await streamTypes(taskId)).toEqual([...taskEvents, 'EvidenceAttached']);
  });

  it('climbs 提醒 → 催办 → 督办 while a round is open past its due time, telling the office and the leading group', async () => {
    const oneSecond = 1 / 3600;
    const key = 'ladder';
    const id = await startSurveyRound(stack.temporal, stack.config.temporal.taskQueue, key, {
      campaignId: CAMPAIGN,
      title: '催办测试轮',
      method: 'PHONE',
      startDate: '2026-11-10',
      endDate: '2026-11-12',
      unitCodes: ['WTSQ', 'BJSQ'],
      dueAt: new Date(Date.now() + 1_000).toISOString(),
      plannedBy: OFFICE_ACTOR,
      ladder: { reminderBeforeHours: 0.5 * oneSecond, superviseAfterHours: 2 * oneSecond },
    });
    expect(id).toBe(surveyRoundWorkflowId(CAMPAIGN, key));
    await waitFor(async () => (await streamTypes(id)).filter((t) => t === 'SurveyRoundEscalated').length >= 3, 30_000, 'the ladder');
    const levels = (await stack.db.selectFrom('events').select('data').where('stream_id', '=', id).where('type', '=', 'SurveyRoundEscalated').orderBy('stream_version').execute()).map((e) => [e.data.level, e.data.missing]);
    expect(levels).toEqual([
      ['REMINDER', ['WTSQ', 'BJSQ']],
      ['URGE', ['WTSQ', 'BJSQ']],
      ['SUPERVISE', ['WTSQ', 'BJSQ']],
    ]);
    const told = async (login: string) => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', login).where('title', 'like', '%催办测试轮%').execute()).map((n) => n.title);
    await waitFor(async () => (await told('leader')).length > 0, 10_000, 'the leading group told of 督办');
    expect(await told('office')).toEqual(expect.arrayContaining([expect.stringContaining('【提醒】'), expect.stringContaining('【催办】'), expect.stringContaining('【督办】')]));
    expect(await told('leader')).toEqual([expect.stringContaining('【督办】')]);
    expect(await told('wtsq.head')).toEqual([]);
    const view = await must<{ surveyRound: Round }>('office', `{ surveyRound(id: "${id}") { escalationLabel canRecord } }`);
    expect(view.surveyRound).toEqual({ escalationLabel: '督办', canRecord: true });
  });

  it('rebuilds the rounds’ rows from the events alone', async () => {
    const before = await stack.db.selectFrom('survey_rounds').selectAll().orderBy('round_id').execute();
    const { SurveyRoundProjection } = await import('../../src/platform/projections/survey-round.projection');
    const { EventStoreRepository } = await import('../../src/platform/event-store/event-store.repository');
    await new EventStoreRepository(stack.db, [new SurveyRoundProjection()]).rebuildProjections();
    expect(await stack.db.selectFrom('survey_rounds').selectAll().orderBy('round_id').execute()).toEqual(before);
  });

  it('seeds the demo’s three closed rounds with rising rates and an open one, once', async () => {
    const demo = `${CAMPAIGN}-demo`;
    await stack.db.insertInto('campaigns').values({ id: demo, name: '演示', inspection_date: '2027-06-30', time_zone: 'Asia/Shanghai' }).execute();
    expect(await seedDemoSurveys(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai')).toBe(4);
    await waitFor(async () => (await stack.db.selectFrom('survey_rounds').select('state').where('campaign_id', '=', demo).where('state', '=', 'CLOSED').execute()).length === 3, 20_000, 'the demo rounds');
    const trend = await must<{ surveyTrend: { overall: TrendPoint[] } }>('leader', `{ surveyTrend(campaignId: "${demo}") { overall { roundId counts { rates { aware supporting participating satisfied } } change { aware supporting participating satisfied } } } }`);
    expect(trend.surveyTrend.overall).toHaveLength(3);
    for (const p of trend.surveyTrend.overall.slice(1)) for (const v of Object.values(p.change)) expect(v).toBeGreaterThan(0);
    const rounds = await must<{ surveyRounds: { state: string; recordedCount: number }[] }>('office', `{ surveyRounds(campaignId: "${demo}") { state recordedCount } }`);
    expect(rounds.surveyRounds[0]).toEqual({ state: 'OPEN', recordedCount: 1 });
    expect(await seedDemoSurveys(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai')).toBe(0);
  });
});
