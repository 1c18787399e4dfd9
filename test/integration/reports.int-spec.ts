// Reports from the event history, through GraphQL against a real PostgreSQL and the real Temporal dev server:
// the live board, 绩效考核 and 红黑榜 are taken at an instant T; more happens; then the board and the reports
// "as of T" must equal what was taken at T, the live ones must show what happened since, and the .xlsx export
// must hold the same numbers.
import { randomUUID } from 'node:crypto';
import * as ExcelJS from 'exceljs';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { SCORE_RULES } from '../../src/reports/performance-score';
import { createEventStore } from '../../src/platform/runtime/worker-runner';
import type { UnitPerformance } from '../../src/platform/graphql/graphql.generated';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { reportedItem } from '../support/rectification-item.fixtures';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const DAY = 86_400_000;

const CARD = `id stage stageLabel classification awaitingReview dueAt stageEnteredAt stageDueAt escalationLevel
  pendingExtension { requestedDueAt reason } rectificationPlan { plan deadline } nextRecheckAt recheckDue failedCriteria
  relapseCount version allowedActions sideActions updatedAt unit { code name kind } leadUnit { code name }
  indicator { code name itemName points } archiveMaterials { code name status } history { type streamVersion } comments { text }`;
const BOARD = `campaign { id name } columns { stage label count cards { ${CARD} } }`;
const ASSESSMENT = `campaign { id } from to summary rules { code label points explanation }
  units { unit { code name } rank tasks items dueWork handedInOnTime handedInLate overdue onTimeRate relapses returns
    escalations { level label count } highestEscalation highestEscalationLabel score
    deductions { code label count points explanation } }`;
const RANKED = 'unit { code name } rank score handedInOnTime';
const RANKING = `campaign { id } asOf top flagAfterWeeks flagged { unit { code } weeksRunning reason }
  weeks { start end label complete best { ${RANKED} } worst { ${RANKED} } ranking { ${RANKED} } }`;

/** A unit's line of the assessment as ASSESSMENT selects it: all of UnitPerformance, of its unit the code and name. */
type UnitFigures = Omit<UnitPerformance, 'unit'> & { unit: { code: string; name: string } };
interface Assessment {
  from: string;
  to: string;
  units: UnitFigures[];
}
interface Ranking {
  asOf: string;
  weeks: { complete: boolean; best: { unit: { code: string } }[]; worst: { unit: { code: string } }[] }[];
  flagged: unknown[];
}
interface Board {
  columns: { stage: string; count: number; cards: { id: string; stage: string; version: number }[] }[];
}

describe('reports from the events: assessment, 红黑榜, the board as of an instant, the export', () => {
  let stack: TestStack;
  const onTime = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
  const late = indicatorTaskWorkflowId(CAMPAIGN, 'A1', 'WTSQ');
  const other = indicatorTaskWorkflowId(CAMPAIGN, 'A2', 'BJSQ');
  const item1 = `rectification-item:${CAMPAIGN}:report-test-1`;
  const item2 = `rectification-item:${CAMPAIGN}:report-test-2`;

  beforeAll(async () => (stack = await startSeededStack({ prefix: 'reports' })));
  afterAll(async () => stack?.stop());

  async function ok<T>(login: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  async function refused(login: string | null, query: string, variables: Record<string, unknown>, code: string): Promise<void> {
    const res = await gql(stack.url, login, query, variables);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  }

  async function act(login: string, mutation: string, inputType: string, input: Record<string, unknown>): Promise<void> {
    await ok(login, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input });
  }

  async function start(indicatorCode: string, unitCode: string, dueAt: string): Promise<void> {
    await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, indicatorCode, unitCode, leadUnitCode: 'XCB', dueAt, createdBy: OFFICE_ACTOR });
    const taskId = indicatorTaskWorkflowId(CAMPAIGN, indicatorCode, unitCode);
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined);
  }

  /**
   * Rectification items are written straight to the event store in the contract's events: this test is about what
   * reports make of that contract, not about the item workflow, which another change is building at the same time.
   */
  const itemVersions = new Map<string, number>();
  async function itemEvents(streamId: string, events: { type: string; data: Record<string, unknown>; userId?: string }[]): Promise<void> {
    const first = itemVersions.get(streamId) ?? 0;
    await createEventStore(stack.db).append({
      streamId,
      events: events.map((e, i) => ({
        eventId: randomUUID(),
        streamVersion: first + i + 1,
        type: e.type,
        data: e.data,
        metadata: {
          actor: { ...OFFICE_ACTOR, userId: e.userId ?? OFFICE_ACTOR.userId },
          causationId: streamId,
          correlationId: streamId,
          workflowId: streamId,
          runId: 'reports-test',
        },
        occurredAt: new Date().toISOString(),
      })),
    });
    itemVersions.set(streamId, first + events.length);
  }
  const reported = (address: string) => reportedItem(CAMPAIGN, address);

  const board = (login: string, extra = '') => ok<{ board: Board }>(login, `query($c: String) { board(campaignId: $c${extra}) { ${BOARD} } }`, { c: CAMPAIGN }).then((d) => d.board);
  const boardAsOf = (login: string, asOf: string, unitCode: string | null = null) =>
    ok<{ boardAsOf: Board }>(login, `query($c: String, $t: DateTime!, $u: String) { boardAsOf(campaignId: $c, asOf: $t, unitCode: $u) { ${BOARD} } }`, { c: CAMPAIGN, t: asOf, u: unitCode }).then(
      (d) => d.boardAsOf,
    );
  const assessment = (login: string, to: string | null = null) =>
    ok<{ performanceAssessment: Assessment }>(login, `query($c: String, $to: DateTime) { performanceAssessment(campaignId: $c, to: $to) { ${ASSESSMENT} } }`, { c: CAMPAIGN, to }).then(
      (d) => d.performanceAssessment,
    );
  const ranking = (login: string, asOf: string | null = null) =>
    ok<{ unitRanking: Ranking }>(login, `query($c: String, $t: DateTime) { unitRanking(campaignId: $c, asOf: $t, top: 1) { ${RANKING} } }`, { c: CAMPAIGN, t: asOf }).then((d) => d.unitRanking);
  const unit = (a: Assessment, code: string) => a.units.find((u) => u.unit.code === code)!;
  const escalations = (u: UnitFigures) => Object.fromEntries(u.escalations.map((e) => [e.level, e.count]));

  it('takes the board and the reports at T, acts on, and gets at T exactly what was taken then', async () => {
    // WTSQ: A4 due in a month (self-check due in 14 days), A1 due 10 days ago: the ladder has reached 约谈 at once.
    // BJSQ: A2 due in a month.
    await start('A4', 'WTSQ', new Date(Date.now() + 30 * DAY).toISOString());
    await start('A1', 'WTSQ', new Date(Date.now() - 10 * DAY).toISOString());
    await start('A2', 'BJSQ', new Date(Date.now() + 30 * DAY).toISOString());
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('escalation_level').where('task_id', '=', late).executeTakeFirst())?.escalation_level === 'INTERVIEW');

    await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: onTime, classification: 'MET', note: '已达标' });
    await act('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId: onTime });
    await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: late, classification: 'NOT_MET', note: '未达标' });
    await act('supervisor', 'returnSelfCheck', 'ReturnInput', { taskId: late, reason: '说明不全' });
    await act('bjsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: other, classification: 'MET', note: '已达标' });
    // Item 1: WTSQ's, due two days ago, urged. Item 2: BJSQ's, handed in on time and returned.
    await itemEvents(item1, [
      { type: 'ItemReported', data: reported('外滩路 1 号') },
      { type: 'ItemDispatched', data: { unitCode: 'WTSQ', dueAt: new Date(Date.now() - 2 * DAY).toISOString(), note: '' } },
      { type: 'DeadlineEscalated', data: { level: 'URGE', state: 'DISPATCHED', dueAt: new Date(Date.now() - 2 * DAY).toISOString(), notify: [] } },
    ]);
    await itemEvents(item2, [
      { type: 'ItemReported', data: reported('滨江路 2 号') },
      { type: 'ItemDispatched', data: { unitCode: 'BJSQ', dueAt: new Date(Date.now() + 5 * DAY).toISOString(), note: '' } },
      { type: 'ItemRectificationStarted', data: { note: '' }, userId: 'user:bjsq.member' },
      { type: 'ItemSubmitted', data: { note: '已清理', photos: [] }, userId: 'user:bjsq.member' },
      { type: 'ItemReturned', data: { reason: '照片不清' }, userId: 'user:supervisor' },
    ]);

    // ---- T: what the live reports say now.
    const officeBoardAtT = await board('office');
    const unitBoardAtT = await board('wtsq.member');
    const assessmentAtT = await assessment('office');
    const unitAssessmentAtT = await assessment('wtsq.member');
    const rankingAtT = await ranking('wtsq.member');
    const T = assessmentAtT.to;
    expect(Date.parse(rankingAtT.asOf)).toBeGreaterThanOrEqual(Date.parse(T));

    // WTSQ at T: on time A4; late A1; overdue A1 (returned, past due) and item 1; A1 returned; ladder of A1 (催办,
    // 督办, 约谈) and item 1's 催办. Due 4, 3 not on time: 3 × 30 / 4 = 22.5; overdue 2 × 2; returned 1; 催办 2 × 1;
    // 督办 2; 约谈 4: 100 − 35.5 = 64.5.
    expect(unit(assessmentAtT, 'WTSQ')).toMatchObject({
      rank: 2,
      tasks: 2,
      items: 1,
      dueWork: 4,
      handedInOnTime: 1,
      handedInLate: 1,
      overdue: 2,
      onTimeRate: 0.25,
      relapses: 0,
      returns: 1,
      highestEscalation: 'INTERVIEW',
      score: 64.5,
    });
    expect(escalations(unit(assessmentAtT, 'WTSQ'))).toEqual({ REMINDER: 0, URGE: 2, SUPERVISE: 1, INTERVIEW: 1, ACCOUNTABILITY: 0 });
    // BJSQ: A2 and item 2 on time; item 2 returned once: 99.
    expect(unit(assessmentAtT, 'BJSQ')).toMatchObject({ rank: 1, tasks: 1, items: 1, dueWork: 2, handedInOnTime: 2, overdue: 0, returns: 1, score: 99 });
    expect(assessmentAtT.units.map((u) => u.unit.code)).toEqual(['BJSQ', 'WTSQ']);
    expect(unitAssessmentAtT.units.map((u) => u.unit.code)).toEqual(['WTSQ']);
    // The week in progress: BJSQ on the 红榜, WTSQ on the 黑榜 (top 1).
    expect(rankingAtT.weeks[0]).toMatchObject({ complete: false, best: [{ unit: { code: 'BJSQ' } }], worst: [{ unit: { code: 'WTSQ' } }] });
    expect(unitBoardAtT.columns.flatMap((c) => c.cards.map((card) => card.id)).sort()).toEqual([late, onTime].sort());

    // ---- After T: more happens.
    await new Promise((r) => setTimeout(r, 50));
    await act('office', 'startArchiving', 'ApproveInput', { taskId: onTime });
    await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: late, classification: 'NOT_MET', note: '补充说明' });
    await act('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId: late });
    await act('office', 'reassignTask', 'ReassignTaskInput', { taskId: other, unitCode: 'DHC', reason: '属地调整' });
    await itemEvents(item1, [{ type: 'ItemSubmitted', data: { note: '已整改', photos: [] }, userId: 'user:wtsq.member' }]);

    // As of T: exactly what was taken at T.
    expect(await boardAsOf('office', T)).toEqual(officeBoardAtT);
    expect(await boardAsOf('wtsq.member', T)).toEqual(unitBoardAtT);
    expect(await assessment('office', T)).toEqual(assessmentAtT);
    expect(await assessment('wtsq.member', unitAssessmentAtT.to)).toEqual(unitAssessmentAtT);
    expect(await ranking('wtsq.member', rankingAtT.asOf)).toEqual(rankingAtT);

    // Live: what happened since. The replay of every event equals the live projection too.
    const now = await board('office');
    expect(now).not.toEqual(officeBoardAtT);
    expect(await boardAsOf('office', new Date(Date.now() + 1000).toISOString())).toEqual(now);
    const liveAfter = await assessment('office');
    // WTSQ: A1 handed in late again and now in rectification (a fresh 14 days); item 1 handed in late.
    expect(unit(liveAfter, 'WTSQ')).toMatchObject({ handedInOnTime: 1, handedInLate: 3, overdue: 0, dueWork: 4, score: 68.5 });
    // A2 went to DHC with its history: BJSQ keeps what it did, DHC holds the task now.
    expect(unit(liveAfter, 'BJSQ')).toMatchObject({ tasks: 0, items: 1, handedInOnTime: 2, score: 99 });
    expect(unit(liveAfter, 'DHC')).toMatchObject({ tasks: 1, items: 0, dueWork: 0, score: 100 });
  });

  it('replays the board as of an instant for one unit, and before anything happened', async () => {
    const nowIso = new Date(Date.now() + 1000).toISOString();
    const dhc = await boardAsOf('office', nowIso, 'DHC');
    expect(dhc.columns.flatMap((c) => c.cards.map((card) => card.id))).toEqual([other]);
    expect(await boardAsOf('office', nowIso, 'DHC')).toEqual(await board('office', ', unitCode: "DHC"'));
    const empty = await boardAsOf('office', '2020-01-01T00:00:00Z');
    expect(empty.columns.map((c) => c.count)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('lets units see the 红黑榜 and only their own assessment', async () => {
    await refused('wtsq.member', `query { performanceAssessment(campaignId: "${CAMPAIGN}", unitCode: "BJSQ") { to } }`, {}, 'FORBIDDEN');
    await refused('archivist', `query { performanceAssessment(campaignId: "${CAMPAIGN}") { to } }`, {}, 'FORBIDDEN');
    await refused(null, `query { unitRanking(campaignId: "${CAMPAIGN}") { asOf } }`, {}, 'UNAUTHENTICATED');
    await refused('office', `query { unitRanking(campaignId: "${CAMPAIGN}", top: 0) { asOf } }`, {}, 'BAD_USER_INPUT');
    await refused('office', `query { performanceAssessment(campaignId: "${CAMPAIGN}", from: "2030-01-01T00:00:00Z", to: "2029-01-01T00:00:00Z") { to } }`, {}, 'BAD_USER_INPUT');
    await refused('office', `query { performanceAssessment(campaignId: "nope") { to } }`, {}, 'NOT_FOUND');
    const archivistRanking = await ok<{ unitRanking: Ranking }>('archivist', `query { unitRanking(campaignId: "${CAMPAIGN}") { asOf weeks { complete } } }`);
    expect(archivistRanking.unitRanking.weeks.length).toBeGreaterThan(0);
    const supervisor = await assessment('supervisor');
    expect(supervisor.units.map((u) => u.unit.code).sort()).toEqual(['BJSQ', 'DHC', 'WTSQ']);
    const head = await assessment('bjsq.head');
    expect(head.units.map((u) => u.unit.code)).toEqual(['BJSQ']);
  });

  it('exports the assessment, the 红黑榜 and the rules as an .xlsx that holds the same numbers', async () => {
    const figures = await assessment('office');
    const res = await ok<{ exportPerformanceAssessment: { fileName: string; mimeType: string; contentBase64: string } }>(
      'office',
      `query($c: String, $to: DateTime) { exportPerformanceAssessment(campaignId: $c, to: $to, format: XLSX) { fileName mimeType contentBase64 } }`,
      { c: CAMPAIGN, to: figures.to },
    );
    const file = res.exportPerformanceAssessment;
    expect(file.fileName).toMatch(new RegExp(`^绩效考核-${CAMPAIGN}-\\d{8}-\\d{8}\\.xlsx$`));
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['绩效考核', '红黑榜', '问责决定', '考核规则']);
    // No decision approved in this history: the 问责决定 sheet says so.
    expect(workbook.getWorksheet('问责决定')!.getRow(4).getCell(1).value).toBe('（无）');

    const sheet = workbook.getWorksheet('绩效考核')!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    const rowOf = (code: string) => {
      for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).value === code) return r;
      throw new Error(`no row for ${code}`);
    };
    const cell = (code: string, column: string) => sheet.getCell(rowOf(code), header.indexOf(column) + 1).value;
    for (const u of figures.units) {
      expect(cell(u.unit.code, '单位名称')).toBe(u.unit.name);
      expect(cell(u.unit.code, '得分')).toBe(u.score);
      expect(cell(u.unit.code, '按时提交')).toBe(u.handedInOnTime);
      expect(cell(u.unit.code, '逾期提交')).toBe(u.handedInLate);
      expect(cell(u.unit.code, '逾期未交')).toBe(u.overdue);
      expect(cell(u.unit.code, '审核退回')).toBe(u.returns);
      expect(cell(u.unit.code, '名次')).toBe(u.rank);
    }
    expect(cell('WTSQ', '得分')).toBe(68.5);
    expect(cell('WTSQ', '按时完成率')).toBe(0.25);
    expect(cell('WTSQ', '约谈')).toBe(1);
    expect(cell('WTSQ', '最高督办步骤')).toBe('约谈');
    expect(cell('DHC', '按时完成率')).toBe('无应交事项');

    const board = workbook.getWorksheet('红黑榜')!;
    const rows: unknown[][] = [];
    board.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // Three on each list by default: BJSQ and WTSQ both handed work in on time this week and are on the 红榜.
    expect(rows.some((r) => r[1] === '红榜' && r[3] === 'BJSQ' && r[5] === 99)).toBe(true);
    expect(rows.some((r) => r[1] === '红榜' && r[3] === 'WTSQ')).toBe(true);
    expect(rows.some((r) => String(r[0]).startsWith('连续 3 周以上上黑榜'))).toBe(true);

    const rules = workbook.getWorksheet('考核规则')!;
    const texts: string[] = [];
    rules.eachRow((row) => texts.push(...(row.values as unknown[]).map((v) => String(v ?? ''))));
    for (const rule of SCORE_RULES) expect(texts).toContain(rule.explanation);

    // A unit's export holds its own figures only.
    const own = await ok<{ exportPerformanceAssessment: { fileName: string; contentBase64: string } }>(
      'wtsq.member',
      `query($c: String) { exportPerformanceAssessment(campaignId: $c, format: XLSX) { fileName contentBase64 } }`,
      { c: CAMPAIGN },
    );
    expect(own.exportPerformanceAssessment.fileName).toContain('-WTSQ-');
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(Buffer.from(own.exportPerformanceAssessment.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ownSheet = ownBook.getWorksheet('绩效考核')!;
    expect(ownSheet.getCell(4, 2).value).toBe('WTSQ');
    expect(ownSheet.getCell(5, 2).value).toBeNull();

    await refused('office', `query { exportPerformanceAssessment(campaignId: "${CAMPAIGN}", format: CSV) { fileName } }`, {}, 'BAD_USER_INPUT');
  });
});
