// 总结评议 (issue 20, 五(五)) on the real stack: the office opens a self-evaluation round over chosen units and the
// sub-district, each unit's form covering its own tasks; a unit submits its own form (another unit's form, the office
// filling a unit's, a task not the unit's, oversized text and a missing task refused with no event); the office
// returns a form with a reason (the unit's people are told) and the unit resubmits; a unit's people see only their
// own form; closing makes the round read-only; the workbook has an overview and each unit's form; forms still missing
// past the due time climb 提醒 → 催办 → 督办, telling the units concerned and the office; the leading group grades
// units and rates working groups (others refused; a revision needs a reason); the performance assessment shows the
// unit's grade and its self-evaluation record; the projection rebuilds; the demo's round and 评议.
import * as ExcelJS from 'exceljs';
import { seedDemoSelfEvaluation } from '../../src/demo/demo-self-evaluation';
import { startSelfEvaluationRound } from '../../src/self-evaluation/self-evaluation.starter';
import { selfEvaluationWorkflowId } from '../../workflows/self-evaluation/self-evaluation.messages';
import { CAMPAIGN, OFFICE_ACTOR, seedTask, startTestTask, waitFor } from '../support/fixtures';
import { gql, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const FORM_FIELDS = `unitCode unitName state stateLabel late submissions returnReason selfGrade selfGradeLabel achievements canSubmit canReturn
  items { taskId indicatorCode indicatorName status statusLabel note }`;
const ROUND_FIELDS = `id title state stateLabel unitCount submittedCount canClose escalationLabel forms { ${FORM_FIELDS} }`;

interface Form {
  unitCode: string;
  unitName: string;
  state: string;
  late: boolean;
  submissions: number;
  returnReason: string | null;
  selfGrade: string | null;
  canSubmit: boolean;
  canReturn: boolean;
  items: { taskId: string; indicatorCode: string; indicatorName: string; status: string | null; note: string }[];
}
interface Round {
  id: string;
  state: string;
  unitCount: number;
  submittedCount: number;
  canClose: boolean;
  forms: Form[];
}

describe('self-evaluation and 评议', () => {
  let stack: TestStack;
  let a4: string;
  let a1: string;
  let round: Round;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'selfeval' });
    a4 = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A1', 'WTSQ');
    a1 = a4.replace(':A4:', ':A1:');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', a1).execute()).length === 1, 20_000, 'the A1 card');
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
  const open = (login: string, input: Record<string, unknown>) =>
    q<{ openSelfEvaluationRound: Round }>(login, `mutation($i: OpenSelfEvaluationRoundInput!) { openSelfEvaluationRound(input: $i) { ${ROUND_FIELDS} } }`, {
      i: { campaignId: CAMPAIGN, title: '第一季度自查自评', periodStart: '2026-09-01', periodEnd: '2026-11-30', dueDate: '2026-12-31', unitCodes: ['WTSQ', 'BJSQ'], ...input },
    });
  const submit = (login: string, input: Record<string, unknown>) =>
    q<{ submitSelfEvaluation: Round }>(login, `mutation($i: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $i) { ${ROUND_FIELDS} } }`, {
      i: { roundId: round.id, unitCode: 'WTSQ', items: [{ taskId: a4, status: 'MET' }, { taskId: a1, status: 'NOT_MET', note: '公益广告数量不足' }], achievements: '知晓率明显提升', shortcomings: '公益广告不足', nextSteps: '增设宣传栏', selfGrade: 'GOOD', ...input },
    });

  it('lets the office open a round whose forms cover each unit’s own tasks, and refuses bad input and other roles', async () => {
    expect(code(await open('wtsq.head', {}))).toBe('FORBIDDEN');
    expect(code(await open('leader', {}))).toBe('FORBIDDEN');
    expect(code(await open('office', { title: '名'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(code(await open('office', { periodEnd: '2026-08-01' }))).toBe('BAD_USER_INPUT');
    expect(code(await open('office', { unitCodes: ['NOPE'] }))).toBe('BAD_USER_INPUT');
    expect(code(await open('office', { unitCodes: ['WTSQ', 'WTSQ'] }))).toBe('BAD_USER_INPUT');
    expect(code(await open('office', { unitCodes: ['x'.repeat(10_000)] }))).toBe('BAD_USER_INPUT');
    expect(await stack.db.selectFrom('self_evaluation_rounds').select('round_id').execute()).toEqual([]);

    const res = await open('office', {});
    expect(res.errors).toBeUndefined();
    round = res.data!.openSelfEvaluationRound;
    expect(round).toMatchObject({ state: 'OPEN', unitCount: 3, submittedCount: 0, canClose: true });
    expect(round.forms.map((f) => [f.unitCode, f.unitName, f.state, f.items.map((i) => i.indicatorCode)])).toEqual([
      ['SUBDISTRICT', '街道（创建办填报）', 'MISSING', []],
      ['WTSQ', expect.any(String), 'MISSING', ['A1', 'A4']],
      ['BJSQ', expect.any(String), 'MISSING', []],
    ]);
    expect(round.forms.map((f) => f.canSubmit)).toEqual([true, false, false]);
  });

  it('takes a unit’s own form only, each of its tasks once, with bounded texts, and nothing is written when refused', async () => {
    const before = await streamTypes(round.id);
    expect(code(await submit('bjsq.member', {}))).toBe('FORBIDDEN'); // another unit's form
    expect(code(await submit('office', {}))).toBe('FORBIDDEN'); // the office fills only the sub-district's
    expect(code(await submit('supervisor', {}))).toBe('FORBIDDEN');
    expect(code(await submit('wtsq.member', { items: [{ taskId: a4, status: 'MET' }] }))).toBe('BAD_USER_INPUT'); // a task missing
    expect(code(await submit('wtsq.member', { items: [{ taskId: a4, status: 'MET' }, { taskId: 'indicator-task:other:B1:BJSQ', status: 'MET' }] }))).toBe('BAD_USER_INPUT'); // not the unit's
    expect(code(await submit('wtsq.member', { achievements: '长'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('wtsq.member', { items: [{ taskId: a4, status: 'MET', note: '注'.repeat(201) }, { taskId: a1, status: 'MET' }] }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('wtsq.member', { shortcomings: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('wtsq.member', { unitCode: 'NOPE' }))).toBe('BAD_USER_INPUT');
    expect(await streamTypes(round.id)).toEqual(before);

    const res = await submit('wtsq.member', {});
    expect(res.errors).toBeUndefined();
    const forms = res.data!.submitSelfEvaluation.forms;
    // A unit's people see only their own form.
    expect(forms.map((f) => f.unitCode)).toEqual(['WTSQ']);
    expect(forms[0]).toMatchObject({ state: 'SUBMITTED', late: false, submissions: 1, selfGrade: 'GOOD', canSubmit: false });
    expect(forms[0].items.find((i) => i.taskId === a1)).toMatchObject({ status: 'NOT_MET', note: '公益广告数量不足' });
    expect(code(await submit('wtsq.member', {}))).toBe('ILLEGAL_TRANSITION'); // submitted: only a return reopens it
  });

  it('lets the office return a form with a reason, telling the unit, and the unit resubmit', async () => {
    const ret = (login: string, reason: string) => q<{ returnSelfEvaluation: Round }>(login, `mutation($r: ID!, $u: String!, $x: String!) { returnSelfEvaluation(roundId: $r, unitCode: $u, reason: $x) { ${ROUND_FIELDS} } }`, { r: round.id, u: 'WTSQ', x: reason });
    expect(code(await ret('wtsq.head', '自己退回'))).toBe('FORBIDDEN');
    expect(code(await ret('leader', '领导退回'))).toBe('FORBIDDEN');
    expect(code(await ret('office', '因'.repeat(501)))).toBe('BAD_USER_INPUT');
    const res = await ret('office', '第二项请写明整改措施');
    expect(res.errors).toBeUndefined();
    expect(res.data!.returnSelfEvaluation.forms.find((f) => f.unitCode === 'WTSQ')).toMatchObject({ state: 'RETURNED', returnReason: '第二项请写明整改措施', canReturn: false });
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', 'wtsq.head').where('title', 'like', '%自评表被退回%').execute()).length === 1, 10_000, 'the unit told');
    const again = await submit('wtsq.head', { items: [{ taskId: a4, status: 'MET' }, { taskId: a1, status: 'UNKNOWN', note: '已增设两处宣传栏，待复查' }] });
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitSelfEvaluation.forms[0]).toMatchObject({ state: 'SUBMITTED', submissions: 2, returnReason: null });
  });

  it('exports the round (overview and each form), closes it and keeps it read-only', async () => {
    expect(code(await q('wtsq.head', `{ exportSelfEvaluationRound(id: "${round.id}") { fileName } }`))).toBe('FORBIDDEN');
    const file = (await must<{ exportSelfEvaluationRound: { fileName: string; contentBase64: string } }>('office', `{ exportSelfEvaluationRound(id: "${round.id}") { fileName contentBase64 } }`)).exportSelfEvaluationRound;
    expect(file.fileName).toBe('自查自评-第一季度自查自评.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['一览', expect.stringContaining('外滩')]);
    const overview = book.getWorksheet('一览')!;
    expect(overview.getRow(2).values).toEqual([undefined, '单位', '状态', '首次提交日期', '逾期提交', '提交次数', '自评等次', '任务数', '达标', '未达标', '未知可否达标', '退回原因']);
    expect((overview.getRow(4).values as unknown[]).slice(2, 3)).toEqual(['已提交']);
    expect(overview.getRow(4).getCell(5).value).toBe(2);
    expect(overview.getRow(5).getCell(2).value).toBe('未提交');

    const close = (login: string) => q<{ closeSelfEvaluationRound: Round }>(login, `mutation($id: ID!) { closeSelfEvaluationRound(id: $id, note: "季度结束") { ${ROUND_FIELDS} } }`, { id: round.id });
    expect(code(await close('wtsq.head'))).toBe('FORBIDDEN');
    const closed = await close('office');
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeSelfEvaluationRound).toMatchObject({ state: 'CLOSED', submittedCount: 1, canClose: false });
    expect(closed.data!.closeSelfEvaluationRound.forms.every((f) => !f.canSubmit && !f.canReturn)).toBe(true);
    const before = await streamTypes(round.id);
    expect(code(await submit('office', { unitCode: 'SUBDISTRICT', items: [] }))).toBe('ILLEGAL_TRANSITION');
    expect(code(await close('office'))).toBe('ILLEGAL_TRANSITION');
    expect(await streamTypes(round.id)).toEqual(before);
  });

  it('climbs 提醒 → 催办 → 督办 while forms are missing, telling the units concerned, the office and the leading group', async () => {
    const oneSecond = 1 / 3600;
    const id = await startSelfEvaluationRound(stack.temporal, stack.config.temporal.taskQueue, 'ladder', {
      campaignId: CAMPAIGN,
      title: '催办测试自评',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      dueAt: new Date(Date.now() + 1_000).toISOString(),
      units: [{ unitCode: 'BJSQ', taskIds: [] }],
      openedBy: OFFICE_ACTOR,
      ladder: { reminderBeforeHours: 0.5 * oneSecond, superviseAfterHours: 2 * oneSecond },
    });
    expect(id).toBe(selfEvaluationWorkflowId(CAMPAIGN, 'ladder'));
    await waitFor(async () => (await streamTypes(id)).filter((t) => t === 'SelfEvaluationEscalated').length >= 3, 30_000, 'the ladder');
    const told = async (login: string) => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', login).where('title', 'like', '%催办测试自评%').execute()).map((n) => n.title);
    await waitFor(async () => (await told('leader')).length > 0, 10_000, 'the leading group told of 督办');
    expect(await told('office')).toEqual(expect.arrayContaining([expect.stringContaining('【提醒】'), expect.stringContaining('【催办】'), expect.stringContaining('【督办】')]));
    expect(await told('leader')).toEqual([expect.stringContaining('【督办】')]);
    expect(await told('bjsq.head')).toEqual(expect.arrayContaining([expect.stringContaining('【督办】本单位')]));
    expect(await told('wtsq.head')).toEqual([]);
  });

  it('lets only the leading group grade units and rate working groups, a revision only with a reason', async () => {
    const grade = (login: string, input: Record<string, unknown>) =>
      q<{ gradeUnit: { grades: { unit: { code: string }; grade: string; gradeLabel: string; revisions: number; lastReason: string | null }[] } }>(
        login,
        `mutation($i: GradeUnitInput!) { gradeUnit(input: $i) { grades { unit { code } grade gradeLabel revisions lastReason } } }`,
        { i: { campaignId: CAMPAIGN, unitCode: 'WTSQ', grade: 'GOOD', comment: '推进有力', ...input } },
      );
    const rate = (login: string, input: Record<string, unknown>) =>
      q<{ rateWorkingGroup: { ratings: { group: string; rating: string | null; ratingLabel: string | null }[] } }>(login, `mutation($i: RateWorkingGroupInput!) { rateWorkingGroup(input: $i) { ratings { group rating ratingLabel } } }`, {
        i: { campaignId: CAMPAIGN, group: 'ARCHIVES', rating: 'MET', comment: '档案规范', ...input },
      });
    expect(code(await grade('office', {}))).toBe('FORBIDDEN');
    expect(code(await grade('wtsq.head', {}))).toBe('FORBIDDEN');
    expect(code(await grade('leader', { unitCode: 'NOPE' }))).toBe('BAD_USER_INPUT');
    expect(code(await grade('leader', { comment: '评'.repeat(501) }))).toBe('BAD_USER_INPUT');
    expect(code(await rate('supervisor', {}))).toBe('FORBIDDEN');
    expect(await stack.db.selectFrom('events').select('type').where('stream_id', 'like', 'appraisal:%').execute()).toEqual([]);

    expect((await grade('leader', {})).data!.gradeUnit.grades).toEqual([{ unit: { code: 'WTSQ' }, grade: 'GOOD', gradeLabel: '良好', revisions: 0, lastReason: null }]);
    expect(code(await grade('leader', { grade: 'EXCELLENT' }))).toBe('BAD_USER_INPUT'); // a revision needs its reason
    expect((await grade('leader', { grade: 'EXCELLENT', reason: '总结会复核后上调' })).data!.gradeUnit.grades[0]).toMatchObject({ grade: 'EXCELLENT', revisions: 1, lastReason: '总结会复核后上调' });
    const rated = (await rate('leader', {})).data!.rateWorkingGroup.ratings;
    expect(rated.map((r) => r.group)).toEqual(['PLANNING', 'SUPERVISION', 'PUBLICITY', 'ARCHIVES', 'LOGISTICS', 'ACTIVITIES']);
    expect(rated.find((r) => r.group === 'ARCHIVES')).toEqual({ group: 'ARCHIVES', rating: 'MET', ratingLabel: '达标' });
    expect(await streamTypes(`appraisal:${CAMPAIGN}`)).toEqual(['AppraisalOpened', 'UnitGraded', 'UnitGraded', 'WorkingGroupRated']);
    const read = await must<{ appraisal: { canGrade: boolean; grades: unknown[] } }>('wtsq.member', `{ appraisal(campaignId: "${CAMPAIGN}") { canGrade grades { grade } } }`);
    expect(read.appraisal).toEqual({ canGrade: false, grades: [{ grade: 'EXCELLENT' }] });
  });

  it('shows the unit’s 评议 grade and its self-evaluation record in the performance assessment and its workbook, the score unchanged', async () => {
    const res = await must<{ performanceAssessment: { units: { unit: { code: string }; appraisal: unknown; selfEvaluation: unknown }[] } }>(
      'office',
      `{ performanceAssessment(campaignId: "${CAMPAIGN}") { units { unit { code } appraisal { grade gradeLabel comment } selfEvaluation { rounds onTime late missing label } } } }`,
    );
    expect(res.performanceAssessment.units.find((u) => u.unit.code === 'WTSQ')).toEqual({
      unit: { code: 'WTSQ' },
      appraisal: { grade: 'EXCELLENT', gradeLabel: '优秀', comment: '推进有力' },
      selfEvaluation: { rounds: 1, onTime: 1, late: 0, missing: 0, label: '应报 1 次：按时 1，逾期 0，未报 0' },
    });
    const file = (await must<{ exportPerformanceAssessment: { contentBase64: string } }>('office', `{ exportPerformanceAssessment(campaignId: "${CAMPAIGN}", format: XLSX) { contentBase64 } }`)).exportPerformanceAssessment;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('绩效考核')!;
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    const row = [4, 5, 6, 7].map((r) => (sheet.getRow(r).values as unknown[]).slice(1)).find((v) => v[1] === 'WTSQ')!;
    expect(row[headers.indexOf('评议等次')]).toBe('优秀');
    expect(row[headers.indexOf('自查自评')]).toBe('应报 1 次：按时 1，逾期 0，未报 0');
  });

  it('rebuilds the rounds’ and 评议’s rows from the events alone', async () => {
    const rounds = await stack.db.selectFrom('self_evaluation_rounds').selectAll().orderBy('round_id').execute();
    const appraisals = await stack.db.selectFrom('appraisals').selectAll().execute();
    const { SelfEvaluationProjection } = await import('../../src/platform/projections/self-evaluation.projection');
    const { EventStoreRepository } = await import('../../src/platform/event-store/event-store.repository');
    await new EventStoreRepository(stack.db, [new SelfEvaluationProjection()]).rebuildProjections();
    expect(await stack.db.selectFrom('self_evaluation_rounds').selectAll().orderBy('round_id').execute()).toEqual(rounds);
    expect(await stack.db.selectFrom('appraisals').selectAll().execute()).toEqual(appraisals);
  });

  it('seeds the demo’s round with submitted, returned and missing forms, and the 评议, once', async () => {
    const demo = `${CAMPAIGN}-demo`;
    await stack.db.insertInto('campaigns').values({ id: demo, name: '演示', inspection_date: '2027-06-30', time_zone: 'Asia/Shanghai' }).execute();
    const tasks = (unitCode: string) => (unitCode === 'WTSQ' ? [a4, a1] : []);
    expect(await seedDemoSelfEvaluation(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai', tasks)).toBe(2);
    const rounds = await must<{ selfEvaluationRounds: Round[] }>('office', `{ selfEvaluationRounds(campaignId: "${demo}") { ${ROUND_FIELDS} } }`);
    expect(rounds.selfEvaluationRounds[0].forms.map((f) => [f.unitCode, f.state])).toEqual([
      ['SUBDISTRICT', 'SUBMITTED'],
      ['WTSQ', 'SUBMITTED'],
      ['BJSQ', 'RETURNED'],
      ['DHC', 'MISSING'],
    ]);
    const appraisal = await must<{ appraisal: { grades: { unit: { code: string }; grade: string; revisions: number }[]; ratings: { rating: string | null }[] } }>(
      'leader',
      `{ appraisal(campaignId: "${demo}") { grades { unit { code } grade revisions } ratings { rating } } }`,
    );
    expect(appraisal.appraisal.grades).toEqual([
      { unit: { code: 'BJSQ' }, grade: 'GOOD', revisions: 1 },
      { unit: { code: 'WTSQ' }, grade: 'EXCELLENT', revisions: 0 },
    ]);
    expect(appraisal.appraisal.ratings.filter((r) => r.rating !== null)).toHaveLength(4);
    expect(await seedDemoSelfEvaluation(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai', tasks)).toBe(0);
  });
});
