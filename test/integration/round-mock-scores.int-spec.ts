// A mock-assessment round's scores are the mock assessment of the tasks they cover (issue 20), against the real
// Temporal dev server and PostgreSQL: a unit's fully scored indicator moves its task exactly as the task's own
// recordMockAssessment would (same score, pass/fail, failed criteria, rectification items), a task that cannot take
// it is reported on the round with the task's reason, the activity run again applies nothing twice, and hostile
// input leaves no event.
import { createInspectionRoundActivities } from '../../activities/inspection-round.activities';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { taskAction } from '../support/archive-fixtures';
import { CAMPAIGN, eventsOf, seedReferenceData, startAndSeed, startTestTask, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const ROUND = `id state findingCount scores { criterionCode points score unitCode }
  coveredTasks { taskId unitCode unitName stage stageLabel }
  taskAssessments { taskId unitCode unitName indicatorCode outcome outcomeLabel reason score maxScore scoreRate passed }
  history { label }`;

interface Assessment {
  taskId: string;
  unitCode: string;
  outcome: string;
  outcomeLabel: string;
  reason: string | null;
  score: number;
  maxScore: number;
  scoreRate: number | null;
  passed: boolean | null;
}
interface Round {
  id: string;
  state: string;
  scores: { criterionCode: string; points: number; score: number; unitCode: string | null }[];
  coveredTasks: { taskId: string; unitCode: string; stage: string }[];
  taskAssessments: Assessment[];
  history: { label: string }[];
}

const UNITS = ['WTSQ', 'BJSQ', 'NMSC'] as const;
const task = (unit: string) => indicatorTaskWorkflowId(CAMPAIGN, 'A4', unit);

describe('mock-assessment rounds move the tasks they cover', () => {
  let stack: TestStack;
  let roundId: string;

  beforeAll(async () => {
    ({ stack } = await startAndSeed({ prefix: 'round-scores' }, async (s) => {
      await seedReferenceData(s.db);
      for (const unit of UNITS) await startTestTask(s.temporal, s.config.temporal.taskQueue, 'A4', unit);
      await waitFor(async () => (await s.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === UNITS.length);
    }));
    // 外滩社区 and 滨江社区 ask for a mock assessment; 农贸市场 stays in self-check.
    for (const unit of ['WTSQ', 'BJSQ']) {
      await taskAction(stack.url, `${unit.toLowerCase()}.member`, 'submitSelfCheck', { taskId: task(unit), classification: 'UNKNOWN', note: '申请模拟测评' });
      await taskAction(stack.url, 'supervisor', 'confirmSelfCheck', { taskId: task(unit) });
    }
  });
  afterAll(async () => stack?.stop());

  async function scores(login: string, input: Record<string, unknown>) {
    return gql<{ recordRoundScores: Round }>(stack.url, login, `mutation($input: RecordRoundScoresInput!) { recordRoundScores(input: $input) { ${ROUND} } }`, { input: { roundId, ...input } });
  }
  async function card(taskId: string) {
    const res = await gql<{ indicatorTask: { stage: string; classification: string; failedCriteria: string[]; openItems: number; history: { label: string }[] } }>(
      stack.url,
      'supervisor',
      `{ indicatorTask(id: "${taskId}") { stage classification failedCriteria openItems history { label } } }`,
    );
    return res.data!.indicatorTask;
  }
  async function mockData(taskId: string) {
    const row = await stack.db.selectFrom('events').select('data').where('stream_id', '=', taskId).where('type', '=', 'MockAssessmentRecorded').executeTakeFirstOrThrow();
    return row.data as Record<string, unknown>;
  }

  it('plans and starts a mock assessment of A4 and lists the tasks it covers', async () => {
    const planned = await gql<{ planInspectionRound: { id: string } }>(stack.url, 'supervisor', `mutation($input: PlanInspectionRoundInput!) { planInspectionRound(input: $input) { id } }`, {
      input: { campaignId: CAMPAIGN, kind: 'MOCK_ASSESSMENT', title: '十二月模拟测评', plannedOn: '2026-12-08', indicatorCodes: ['A4', 'A1'] },
    });
    roundId = planned.data!.planInspectionRound.id;
    const started = await gql<{ actOnInspectionRound: Round }>(stack.url, 'supervisor', `mutation($input: RoundActionInput!) { actOnInspectionRound(input: $input) { ${ROUND} } }`, {
      input: { roundId, action: 'START_ROUND' },
    });
    expect(started.data!.actOnInspectionRound.coveredTasks.map((t) => [t.unitCode, t.stage])).toEqual([
      ['BJSQ', 'MOCK_ASSESSMENT'],
      ['NMSC', 'SELF_CHECK'],
      ['WTSQ', 'MOCK_ASSESSMENT'],
    ]);
  });

  it('refuses hostile and wrong input with a coded Chinese error and writes nothing', async () => {
    const before = await eventsOf(stack.db, roundId);
    const cases: [string, Record<string, unknown>, string, string | null][] = [
      ['wtsq.member', { unitCode: 'WTSQ', scores: [{ criterionCode: 'A4-1', score: 2 }] }, 'FORBIDDEN', null],
      ['supervisor', { unitCode: 'WTSQ', scores: [{ criterionCode: 'B1-1', score: 1 }] }, 'BAD_USER_INPUT', 'scores'],
      ['supervisor', { unitCode: 'WTSQ', scores: [{ criterionCode: 'A4-1', score: 2.5 }] }, 'BAD_USER_INPUT', 'scores'],
      ['supervisor', { unitCode: 'WTSQ', scores: [{ criterionCode: 'A4-1', score: -1 }] }, 'BAD_USER_INPUT', 'scores'],
      ['supervisor', { unitCode: 'WTSQ', scores: [] }, 'BAD_USER_INPUT', 'scores'],
      ['supervisor', { unitCode: 'WTSQ', scores: Array.from({ length: 501 }, () => ({ criterionCode: 'A4-1', score: 1 })) }, 'BAD_USER_INPUT', 'scores'],
      ['supervisor', { unitCode: 'W'.repeat(10_000), scores: [{ criterionCode: 'A4-1', score: 1 }] }, 'BAD_USER_INPUT', 'unitCode'],
      // A4 has three units' tasks: the unit must be named; a unit without a task of it is refused.
      ['supervisor', { scores: [{ criterionCode: 'A4-1', score: 1 }] }, 'BAD_USER_INPUT', 'unitCode'],
      ['supervisor', { unitCode: 'DHC', scores: [{ criterionCode: 'A4-1', score: 1 }] }, 'BAD_USER_INPUT', 'unitCode'],
      ['supervisor', { unitCode: "WTSQ' OR '1'='1", scores: [{ criterionCode: 'A4-1', score: 1 }] }, 'BAD_USER_INPUT', 'unitCode'],
    ];
    for (const [login, input, code, field] of cases) {
      const res = await scores(login, input);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // NaN and Infinity are not numbers GraphQL takes at all.
    const nan = await gql(stack.url, 'supervisor', `mutation { recordRoundScores(input: { roundId: "${roundId}", unitCode: "WTSQ", scores: [{ criterionCode: "A4-1", score: NaN }] }) { id } }`);
    expect(nan.errors?.length).toBeGreaterThan(0);
    expect(await eventsOf(stack.db, roundId)).toEqual(before);
    for (const unit of UNITS) expect((await eventsOf(stack.db, task(unit))).map((e) => e.type)).not.toContain('MockAssessmentRecorded');
  });

  it("makes 外滩社区's scores its task's mock assessment, with the outcome recordMockAssessment gives 滨江社区 for the same scores", async () => {
    const res = await scores('supervisor', { unitCode: 'WTSQ', scores: [{ criterionCode: 'A4-1', score: 1.25 }] });
    expect(res.errors).toBeUndefined();
    const round = res.data!.recordRoundScores;
    expect(round.taskAssessments).toEqual([
      { taskId: task('WTSQ'), unitCode: 'WTSQ', unitName: '外滩社区', indicatorCode: 'A4', outcome: 'APPLIED', outcomeLabel: '已计入任务', reason: null, score: 1.25, maxScore: 2, scoreRate: 62.5, passed: false },
    ]);
    expect(round.scores).toEqual([{ criterionCode: 'A4-1', points: 2, score: 1.25, unitCode: 'WTSQ' }]);

    // The same scores entered on 滨江社区's task directly.
    const direct = await gql(stack.url, 'supervisor', `mutation($input: RecordMockAssessmentInput!) { recordMockAssessment(input: $input) { id } }`, {
      input: { taskId: task('BJSQ'), scores: [{ criterionCode: 'A4-1', score: 1.25 }] },
    });
    expect(direct.errors).toBeUndefined();
    const viaRound = await mockData(task('WTSQ'));
    const viaTask = await mockData(task('BJSQ'));
    const outcome = (d: Record<string, unknown>) => ({ scores: d.scores, score: d.score, maxScore: d.maxScore, scoreRate: d.scoreRate, passed: d.passed, failedCriteria: d.failedCriteria });
    expect(outcome(viaRound)).toEqual(outcome(viaTask));
    expect(viaRound).toMatchObject({ roundId, roundTitle: '十二月模拟测评', passed: false, failedCriteria: ['A4-1'] });

    // Both tasks went to rectification with one item for the failed criterion, the round's one naming the round.
    await waitFor(async () => (await card(task('WTSQ'))).openItems === 1 && (await card(task('BJSQ'))).openItems === 1);
    const [wtsq, bjsq] = [await card(task('WTSQ')), await card(task('BJSQ'))];
    expect({ stage: wtsq.stage, classification: wtsq.classification, failedCriteria: wtsq.failedCriteria }).toEqual({
      stage: bjsq.stage,
      classification: bjsq.classification,
      failedCriteria: bjsq.failedCriteria,
    });
    expect(wtsq).toMatchObject({ stage: 'RECTIFICATION', classification: 'NOT_MET', failedCriteria: ['A4-1'] });
    expect(wtsq.history.map((h) => h.label)).toContain('录入模拟测评结果（得分来自检查轮次「十二月模拟测评」）');
    const items = await stack.db.selectFrom('rectification_item_cards').select(['indicator_task_id', 'inspection_round_id', 'source']).where('indicator_task_id', 'in', [task('WTSQ'), task('BJSQ')]).execute();
    expect(items.find((i) => i.indicator_task_id === task('WTSQ'))).toMatchObject({ inspection_round_id: roundId, source: 'MOCK_ASSESSMENT' });
    expect(items.find((i) => i.indicator_task_id === task('BJSQ'))).toMatchObject({ inspection_round_id: null });

    // The unit's scores now stand as the task's: a change is refused and writes nothing.
    const before = await eventsOf(stack.db, roundId);
    const again = await scores('supervisor', { unitCode: 'WTSQ', scores: [{ criterionCode: 'A4-1', score: 2 }] });
    expect(again.errors?.[0]).toMatchObject({ message: '「外滩社区」指标A4的得分已计入任务的模拟测评，不能再修改', extensions: { code: 'ILLEGAL_TRANSITION' } });
    expect(await eventsOf(stack.db, roundId)).toEqual(before);
  });

  it("reports a task in the wrong stage as not applied, with the task's own reason, and leaves the task as it was", async () => {
    const before = await eventsOf(stack.db, task('NMSC'));
    const res = await scores('supervisor', { unitCode: 'NMSC', scores: [{ criterionCode: 'A4-1', score: 2 }] });
    expect(res.errors).toBeUndefined();
    const nmsc = res.data!.recordRoundScores.taskAssessments.find((a) => a.unitCode === 'NMSC')!;
    expect(nmsc).toMatchObject({ outcome: 'NOT_APPLICABLE', outcomeLabel: '未计入任务', passed: null, score: 2, maxScore: 2 });
    expect(nmsc.reason).toMatch(/自查自评/);
    expect(await eventsOf(stack.db, task('NMSC'))).toEqual(before);
    expect((await card(task('NMSC'))).stage).toBe('SELF_CHECK');
  });

  it('applies nothing twice when the activity runs again (a retry after a crash)', async () => {
    const activities = createInspectionRoundActivities({ db: stack.db, client: stack.temporal });
    const before = await eventsOf(stack.db, task('WTSQ'));
    const input = {
      roundId,
      roundTitle: '十二月模拟测评',
      taskId: task('WTSQ'),
      scores: [{ criterionCode: 'A4-1', points: 2, score: 1.25 }],
      followUp: { area: null, address: '外滩社区（A4 市民创建知晓率）', criteria: { 'A4-1': '知晓率' } },
      by: { userId: 'user:supervisor', displayName: '李督查', role: 'SUPERVISOR' as const, unitCode: null },
    };
    const first = await activities.applyRoundScoresToTask(input);
    const second = await activities.applyRoundScoresToTask(input);
    expect(first).toEqual(second);
    expect(first).toMatchObject({ outcome: 'APPLIED', passed: false, score: 1.25, maxScore: 2, scoreRate: 62.5 });
    expect(await eventsOf(stack.db, task('WTSQ'))).toEqual(before);
  });

  it('closes the round with each outcome in its history', async () => {
    const closed = await gql<{ actOnInspectionRound: Round }>(stack.url, 'supervisor', `mutation($input: RoundActionInput!) { actOnInspectionRound(input: $input) { ${ROUND} } }`, {
      input: { roundId, action: 'CLOSE_ROUND' },
    });
    const round = closed.data!.actOnInspectionRound;
    expect(round.state).toBe('CLOSED');
    expect(round.taskAssessments.map((a) => [a.unitCode, a.outcome])).toEqual([
      ['NMSC', 'NOT_APPLICABLE'],
      ['WTSQ', 'APPLIED'],
    ]);
    expect(round.history.map((h) => h.label)).toEqual(['计划检查', '开始检查', '录入测评得分', '得分计入任务的模拟测评', '录入测评得分', '得分计入任务的模拟测评', '结束检查']);
    // Units see no rounds.
    expect((await gql(stack.url, 'wtsq.member', `{ inspectionRound(id: "${roundId}") { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
