// The 保障组's funding ledger (issue 20, plan 六(三)) on the real stack: the office sets the approval threshold and adds
// a year's budget lines; allocations to a special drive and to an indicator task never exceed a line's remainder, even
// sent at once; a unit records a spending with a receipt on its own line (not on another unit's); below the threshold
// it is spent at once, above it waits for a leader, who approves or rejects it with a reason (a rejected one is not
// spent) while the ladder 提醒 → 催办 → 督办 reminds the leaders and then the office; a line is never overspent; totals
// are exact in fen, in GraphQL, in SQL and in the Excel export read back; hostile input is refused with no event.
import * as ExcelJS from 'exceljs';
import { seedDemoFunding } from '../../src/demo/demo-funding';
import { startFundingLedger } from '../../src/funding/funding.starter';
import { HEADER_ROW, LINES_HEADER, LINES_SHEET, SPENDINGS_SHEET, UNITS_SHEET } from '../../src/funding/funding.export';
import { fundingLedgerWorkflowId } from '../../workflows/funding/funding.messages';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, startTestTask, waitFor } from '../support/fixtures';
import { gql, type GraphQLResponse, type TestStack } from '../support/test-env';

const YEAR = 2027;
const LEDGER = fundingLedgerWorkflowId(CAMPAIGN);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const LINE_FIELDS = 'id year name unit { code } budgetFen allocatedFen spentFen pendingFen availableFen unallocatedFen canRecordSpending allocations { id targetKind area taskId targetLabel amountFen spentFen }';
const SPENDING_FIELDS = 'id lineId lineName amountFen payee spentOn purpose state stateLabel decisionNote escalationLabel canDecide unit { code } receipts { name size url } recordedByName decidedByName';

interface Line {
  id: string;
  name: string;
  unit: { code: string } | null;
  budgetFen: number;
  allocatedFen: number;
  spentFen: number;
  pendingFen: number;
  availableFen: number;
  unallocatedFen: number;
  canRecordSpending: boolean;
  allocations: { id: string; targetKind: string; area: string | null; taskId: string | null; targetLabel: string; amountFen: number; spentFen: number }[];
}
interface SpendingView {
  id: string;
  amountFen: number;
  state: string;
  stateLabel: string;
  decisionNote: string | null;
  escalationLabel: string | null;
  canDecide: boolean;
  receipts: { name: string; size: number; url: string }[];
  decidedByName: string | null;
}
interface Ledger {
  thresholdFen: number;
  lines: Line[];
  spendings: SpendingView[];
  units: { unitName: string; unit: { code: string } | null; totals: { budgetFen: number; allocatedFen: number; spentFen: number; pendingFen: number } }[];
  totals: { budgetFen: number; allocatedFen: number; spentFen: number; pendingFen: number };
  canManage: boolean;
}

describe('the funding ledger', () => {
  let stack: TestStack;
  const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
  const ids: { office?: string; wtsq?: string; small?: string; drive?: string } = {};

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'funding' });
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined);
    // A ladder of seconds (in hours) so that the escalation of a pending approval is seen here.
    await startFundingLedger(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, openedBy: OFFICE_ACTOR, ladder: { REMINDER: 3 / 3600, URGE: 6 / 3600, SUPERVISE: 9 / 3600 } });
  });
  afterAll(async () => stack?.stop());

  const q = <T = Record<string, unknown>>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => gql<T>(stack.url, login, query, variables);
  async function must<T = Record<string, unknown>>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await q<T>(login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const code = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code;
  const eventCount = async () => Number((await stack.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('stream_id', '=', LEDGER).executeTakeFirstOrThrow()).n);
  const ledger = async (login: string) => (await must<{ fundingLedger: Ledger }>(login, `query($y: Int, $c: String) { fundingLedger(year: $y, campaignId: $c) { thresholdFen canManage totals { budgetFen allocatedFen spentFen pendingFen } units { unitName unit { code } totals { budgetFen allocatedFen spentFen pendingFen } } lines { ${LINE_FIELDS} } spendings { ${SPENDING_FIELDS} } } }`, { y: YEAR, c: CAMPAIGN })).fundingLedger;
  const line = async (id: string) => (await ledger('office')).lines.find((l) => l.id === id)!;
  const addLine = (login: string, input: Record<string, unknown>) => q<{ addBudgetLine: Line }>(login, `mutation($i: AddBudgetLineInput!) { addBudgetLine(input: $i) { ${LINE_FIELDS} } }`, { i: { campaignId: CAMPAIGN, year: YEAR, purpose: '', ...input } });
  const allocate = (input: Record<string, unknown>, login = 'office') => q<{ allocateFunds: { id: string; amountFen: number; targetLabel: string } }>(login, `mutation($i: AllocateFundsInput!) { allocateFunds(input: $i) { id amountFen targetLabel } }`, { i: input });
  const spend = (login: string, input: Record<string, unknown>) =>
    q<{ recordSpending: SpendingView }>(login, `mutation($i: RecordSpendingInput!) { recordSpending(input: $i) { ${SPENDING_FIELDS} } }`, { i: { spentOn: '2027-03-15', payee: '上海某保洁服务有限公司', purpose: '背街小巷保洁', ...input } });
  async function upload(login: string, name: string, body: Buffer): Promise<string> {
    const res = await fetch(`${stack.url}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-demo-user': login }, body: new Uint8Array(body) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('lets the office set the approval threshold, refusing floats, negatives, strings, huge numbers and other roles', async () => {
    await waitFor(async () => (await eventCount()) === 1, 15_000, 'the ledger opened');
    for (const bad of ['1.5', '-1', '"100"', '9007199254740993', '1e6']) {
      expect(code(await q('office', `mutation { setFundingApprovalThreshold(campaignId: "${CAMPAIGN}", thresholdFen: ${bad}) }`))).toBe('BAD_USER_INPUT');
    }
    for (const bad of [1.5, -1, '100', 2 ** 53]) expect(code(await q('office', 'mutation($t: Fen!) { setFundingApprovalThreshold(thresholdFen: $t) }', { t: bad }))).toBe('BAD_USER_INPUT');
    // A safe integer past the cap of one amount (100 亿元) is refused by the service.
    expect(code(await q('office', `mutation { setFundingApprovalThreshold(campaignId: "${CAMPAIGN}", thresholdFen: 1000000000001) }`))).toBe('BAD_USER_INPUT');
    expect(code(await q('wtsq.head', `mutation { setFundingApprovalThreshold(campaignId: "${CAMPAIGN}", thresholdFen: 1) }`))).toBe('FORBIDDEN');
    expect(code(await q('leader', `mutation { setFundingApprovalThreshold(campaignId: "${CAMPAIGN}", thresholdFen: 1) }`))).toBe('FORBIDDEN');
    expect(await eventCount()).toBe(1);
    expect(await must('office', `mutation { setFundingApprovalThreshold(campaignId: "${CAMPAIGN}", thresholdFen: 1000000) }`)).toEqual({ setFundingApprovalThreshold: 1_000_000 });
    expect((await ledger('leader')).thresholdFen).toBe(1_000_000);
  });

  it('keeps a year’s budget lines for the office, refusing other roles, hostile text and unknown units', async () => {
    const before = await eventCount();
    expect(code(await addLine('wtsq.head', { name: '自建科目', amountFen: 100 }))).toBe('FORBIDDEN');
    expect(code(await addLine('office', { name: '长'.repeat(101), amountFen: 100 }))).toBe('BAD_USER_INPUT');
    expect(code(await addLine('office', { name: '用途超长', amountFen: 100, purpose: 'x'.repeat(501) }))).toBe('BAD_USER_INPUT');
    expect(code(await addLine('office', { name: '  ', amountFen: 100 }))).toBe('BAD_USER_INPUT');
    expect(code(await addLine('office', { name: '无此单位', amountFen: 100, unitCode: 'NOPE' }))).toBe('BAD_USER_INPUT');
    expect(code(await addLine('office', { name: '小数', amountFen: 10.5 }))).toBe('BAD_USER_INPUT');
    expect(code(await addLine('office', { name: '年度', amountFen: 100, year: 1999 }))).toBe('BAD_USER_INPUT');
    expect(await eventCount()).toBe(before);

    const office = (await addLine('office', { name: '创文宣传经费', amountFen: 100_000_000, purpose: '公益广告、宣传品' })).data!.addBudgetLine;
    expect(office).toMatchObject({ name: '创文宣传经费', unit: null, budgetFen: 100_000_000, allocatedFen: 0, spentFen: 0, availableFen: 100_000_000 });
    const wtsq = (await addLine('office', { name: '外滩社区环境整治经费', amountFen: 50_000_001, unitCode: 'WTSQ' })).data!.addBudgetLine;
    expect(wtsq).toMatchObject({ unit: { code: 'WTSQ' }, budgetFen: 50_000_001, unallocatedFen: 50_000_001 });
    expect(code(await addLine('office', { name: '外滩社区环境整治经费', amountFen: 1 }))).toBe('BAD_USER_INPUT');
    ids.office = office.id;
    ids.wtsq = wtsq.id;

    // A unit sees its own lines only, and may record on them.
    const unitView = await ledger('wtsq.member');
    expect(unitView.lines.map((l) => l.id)).toEqual([wtsq.id]);
    expect(unitView.lines[0].canRecordSpending).toBe(true);
    expect(unitView.canManage).toBe(false);
    expect((await ledger('bjsq.member')).lines).toEqual([]);
  });

  it('allocates to a special drive and to an indicator task of the campaign, never past the line’s remainder', async () => {
    const drive = (await allocate({ lineId: ids.wtsq, targetKind: 'DRIVE', area: 'SANITATION', amountFen: 30_000_000, note: '环境卫生专项整治' })).data!.allocateFunds;
    expect(drive).toMatchObject({ amountFen: 30_000_000, targetLabel: '环境卫生专项整治' });
    ids.drive = drive.id;
    const before = await eventCount();
    expect(code(await allocate({ lineId: ids.wtsq, targetKind: 'TASK', taskId: 'indicator-task:other:A4:WTSQ', amountFen: 1 }))).toBe('BAD_USER_INPUT');
    expect(code(await allocate({ lineId: ids.wtsq, targetKind: 'DRIVE', amountFen: 1 }))).toBe('BAD_USER_INPUT');
    expect(code(await allocate({ lineId: ids.wtsq, targetKind: 'DRIVE', area: 'SANITATION', amountFen: 20_000_002 }))).toBe('BAD_USER_INPUT');
    expect(code(await allocate({ lineId: ids.wtsq, targetKind: 'DRIVE', area: 'SANITATION', amountFen: 5 }, 'wtsq.head'))).toBe('FORBIDDEN');
    expect(code(await allocate({ lineId: 'line-none', targetKind: 'DRIVE', area: 'SANITATION', amountFen: 5 }))).toBe('NOT_FOUND');
    expect(await eventCount()).toBe(before);
    const task = (await allocate({ lineId: ids.wtsq, targetKind: 'TASK', taskId, amountFen: 20_000_001 })).data!.allocateFunds;
    expect(task.targetLabel).toContain('A4');
    const l = await line(ids.wtsq!);
    expect(l).toMatchObject({ allocatedFen: 50_000_001, unallocatedFen: 0 });
    expect(l.allocations.map((a) => [a.targetKind, a.area, a.taskId, a.amountFen])).toEqual([
      ['DRIVE', 'SANITATION', null, 30_000_000],
      ['TASK', null, taskId, 20_000_001],
    ]);
    expect(code(await allocate({ lineId: ids.wtsq, targetKind: 'DRIVE', area: 'MARKETS', amountFen: 1 }))).toBe('BAD_USER_INPUT');
  });

  it('never overdraws a line with allocations sent at once: the ledger decides them one at a time', async () => {
    const small = (await addLine('office', { name: '并发测试科目', amountFen: 1_000 })).data!.addBudgetLine;
    ids.small = small.id;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => allocate({ lineId: small.id, targetKind: 'DRIVE', area: 'MARKETS', amountFen: 300, note: `第${i + 1}笔` })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => r.errors).map(code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(await line(small.id)).toMatchObject({ allocatedFen: 900, unallocatedFen: 100 });
    const rows = await stack.db.selectFrom('funding_allocations').select('amount_fen').where('line_id', '=', small.id).execute();
    expect(rows.map((r) => Number(r.amount_fen))).toEqual([300, 300, 300]);
  });

  it('records a unit’s spending below the threshold at once, with its receipt, and refuses another unit', async () => {
    const fileId = await upload('wtsq.member', '保洁发票.png', PNG);
    const before = await eventCount();
    expect(code(await spend('bjsq.member', { lineId: ids.wtsq, amountFen: 100 }))).toBe('FORBIDDEN');
    expect(code(await spend('wtsq.member', { lineId: ids.office, amountFen: 100 }))).toBe('FORBIDDEN');
    expect(code(await spend('leader', { lineId: ids.wtsq, amountFen: 100 }))).toBe('FORBIDDEN');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: -5 }))).toBe('BAD_USER_INPUT');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: 99.99 }))).toBe('BAD_USER_INPUT');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: 100, payee: '收'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: 100, spentOn: '2027-13-45' }))).toBe('BAD_USER_INPUT');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: 100, purpose: '' }))).toBe('BAD_USER_INPUT');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: 100, allocationId: 'allocation-none' }))).toBe('BAD_USER_INPUT');
    expect(await eventCount()).toBe(before);

    const s = (await spend('wtsq.member', { lineId: ids.wtsq, allocationId: ids.drive, amountFen: 1_000_000, receiptFileIds: [fileId] })).data!.recordSpending;
    expect(s).toMatchObject({ amountFen: 1_000_000, state: 'RECORDED', stateLabel: '已入账', canDecide: false, unit: { code: 'WTSQ' } });
    expect(s.receipts).toEqual([{ name: '保洁发票.png', size: PNG.length, url: expect.stringContaining('/funding/spendings/') }]);
    const download = (login: string) => fetch(`${stack.url}${s.receipts[0].url}`, { headers: { 'x-demo-user': login } });
    const own = await download('wtsq.head');
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(PNG);
    expect((await download('bjsq.head')).status).toBe(404);
    expect((await download('leader')).status).toBe(200);
    const l = await line(ids.wtsq!);
    expect(l).toMatchObject({ spentFen: 1_000_000, pendingFen: 0, availableFen: 49_000_001 });
    expect(l.allocations[0].spentFen).toBe(1_000_000);
  });

  it('holds a spending above the threshold for a leader, who approves one and rejects another with a reason', async () => {
    const pending = (await spend('wtsq.head', { lineId: ids.wtsq, amountFen: 1_000_001, payee: '外滩街道物业', purpose: '楼道清理' })).data!.recordSpending;
    expect(pending).toMatchObject({ state: 'PENDING', stateLabel: '待领导审批', canDecide: false });
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', 'leader').where('title', 'like', '%待审批%10,000.01 元%').executeTakeFirst()) !== undefined, 10_000, 'the leader told');
    expect((await line(ids.wtsq!)).pendingFen).toBe(1_000_001);
    expect((await ledger('leader')).spendings.find((x) => x.id === pending.id)!.canDecide).toBe(true);
    expect(code(await q('office', `mutation { approveSpending(id: "${pending.id}") { id } }`))).toBe('FORBIDDEN');
    expect(code(await q('wtsq.head', `mutation { approveSpending(id: "${pending.id}") { id } }`))).toBe('FORBIDDEN');
    const approved = (await must<{ approveSpending: SpendingView }>('leader', `mutation { approveSpending(id: "${pending.id}", note: "同意") { ${SPENDING_FIELDS} } }`)).approveSpending;
    expect(approved).toMatchObject({ state: 'APPROVED', decisionNote: '同意', decidedByName: '王组长（领导小组）' });
    expect(code(await q('leader', `mutation { rejectSpending(id: "${pending.id}", reason: "再驳回") { id } }`))).toBe('ILLEGAL_TRANSITION');

    const second = (await spend('office', { lineId: ids.office, amountFen: 3_000_000, payee: '某广告公司', purpose: '公益广告制作' })).data!.recordSpending;
    expect(second.state).toBe('PENDING');
    expect(code(await q('leader', `mutation { rejectSpending(id: "${second.id}", reason: "  ") { id } }`))).toBe('BAD_USER_INPUT');
    expect(code(await q('leader', `mutation($r: String!) { rejectSpending(id: "${second.id}", reason: $r) { id } }`, { r: '理'.repeat(501) }))).toBe('BAD_USER_INPUT');
    const rejected = (await must<{ rejectSpending: SpendingView }>('leader', `mutation { rejectSpending(id: "${second.id}", reason: "请先比价三家") { ${SPENDING_FIELDS} } }`)).rejectSpending;
    expect(rejected).toMatchObject({ state: 'REJECTED', decisionNote: '请先比价三家' });
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('text').where('recipient_login', '=', 'office').where('text', 'like', '%请先比价三家%').executeTakeFirst()) !== undefined, 10_000, 'the office told');
    // Rejected: not spent, not pending.
    expect(await line(ids.office!)).toMatchObject({ spentFen: 0, pendingFen: 0, availableFen: 100_000_000 });
    expect(await line(ids.wtsq!)).toMatchObject({ spentFen: 2_000_001, pendingFen: 0 });
  });

  it('climbs 提醒 → 催办 → 督办 while a spending waits, telling the leaders and then the office', async () => {
    const s = (await spend('wtsq.member', { lineId: ids.wtsq, amountFen: 2_000_000, purpose: '垃圾分类设施' })).data!.recordSpending;
    expect(s.state).toBe('PENDING');
    await waitFor(async () => (await ledger('leader')).spendings.find((x) => x.id === s.id)!.escalationLabel === '督办', 40_000, 'the ladder climbed');
    const levels = (await stack.db.selectFrom('events').select('data').where('stream_id', '=', LEDGER).where('type', '=', 'SpendingApprovalEscalated').orderBy('stream_version').execute())
      .filter((e) => e.data.spendingId === s.id)
      .map((e) => e.data.level);
    expect(levels).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    const told = async (login: string) => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', login).where('title', 'like', '%20,000.00 元待领导审批%').execute()).map((n) => n.title);
    await waitFor(async () => (await told('office')).length === 1, 10_000, 'the office told at 督办');
    expect((await told('leader')).sort()).toEqual(['【催办】外滩社区支出 20,000.00 元待领导审批', '【提醒】外滩社区支出 20,000.00 元待领导审批', '【督办】外滩社区支出 20,000.00 元待领导审批'].sort());
    expect(await told('office')).toEqual(['【督办】外滩社区支出 20,000.00 元待领导审批']);
    // Pending counts against the line: what is left cannot be overspent, even with the rest of the budget asked at once.
    const l = await line(ids.wtsq!);
    expect(l.availableFen).toBe(50_000_001 - 2_000_001 - 2_000_000);
    const before = await eventCount();
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, amountFen: l.availableFen + 1 }))).toBe('BAD_USER_INPUT');
    expect(code(await spend('wtsq.member', { lineId: ids.wtsq, allocationId: ids.drive, amountFen: 29_000_001 }))).toBe('BAD_USER_INPUT');
    expect(await eventCount()).toBe(before);
    const race = await Promise.all([0, 1, 2].map(() => spend('wtsq.member', { lineId: ids.wtsq, amountFen: 20_000_000 })));
    expect(race.filter((r) => !r.errors)).toHaveLength(2);
    expect(code(race.find((r) => r.errors)!)).toBe('BAD_USER_INPUT');
    expect((await line(ids.wtsq!)).availableFen).toBe(6_000_000);
    await must('leader', `mutation { rejectSpending(id: "${s.id}", reason: "超出年度计划") { id } }`);
    for (const r of race.filter((x) => !x.errors)) await must('leader', `mutation { approveSpending(id: "${r.data!.recordSpending.id}") { id } }`);
  });

  it('keeps the lines’ and the units’ totals exact in fen, as the database sums them', async () => {
    const view = await ledger('office');
    const rows = await stack.db.selectFrom('funding_spendings').select(['line_id', 'amount_fen', 'state']).where('campaign_id', '=', CAMPAIGN).execute();
    for (const l of view.lines) {
      const mine = rows.filter((r) => r.line_id === l.id);
      const sum = (states: string[]) => mine.filter((r) => states.includes(r.state)).reduce((a, r) => a + BigInt(r.amount_fen), 0n);
      expect(BigInt(l.spentFen)).toBe(sum(['RECORDED', 'APPROVED']));
      expect(BigInt(l.pendingFen)).toBe(sum(['PENDING']));
      expect(l.availableFen).toBe(l.budgetFen - l.spentFen - l.pendingFen);
    }
    expect(view.totals.budgetFen).toBe(100_000_000 + 50_000_001 + 1_000);
    expect(view.totals.spentFen).toBe(1_000_000 + 1_000_001 + 40_000_000);
    const wtsq = view.units.find((u) => u.unit?.code === 'WTSQ')!;
    expect(wtsq.totals).toEqual({ budgetFen: 50_000_001, allocatedFen: 50_000_001, spentFen: 42_000_001, pendingFen: 0 });
    expect(view.units.find((u) => u.unit === null)!.unitName).toBe('创建办统筹');
    const unitView = await ledger('wtsq.member');
    expect(unitView.units.map((u) => u.unit?.code)).toEqual(['WTSQ']);
    expect(unitView.totals).toEqual(wtsq.totals);
  });

  it('exports the workbook with its three sheets, amounts in yuan matching the database to the fen', async () => {
    expect(code(await q('office', `{ exportFundingLedger(format: CSV, year: ${YEAR}, campaignId: "${CAMPAIGN}") { fileName } }`))).toBe('BAD_USER_INPUT');
    const file = (await must<{ exportFundingLedger: { fileName: string; contentBase64: string } }>('office', `{ exportFundingLedger(format: XLSX, year: ${YEAR}, campaignId: "${CAMPAIGN}") { fileName contentBase64 } }`)).exportFundingLedger;
    expect(file.fileName).toBe(`经费台账-${CAMPAIGN}-${YEAR}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([LINES_SHEET, SPENDINGS_SHEET, UNITS_SHEET]);
    const sheet = workbook.getWorksheet(LINES_SHEET)!;
    expect((sheet.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual([...LINES_HEADER]);
    const fenOf = (v: unknown) => Math.round(Number(v) * 100);
    const dbLines = await stack.db.selectFrom('funding_budget_lines').selectAll().where('campaign_id', '=', CAMPAIGN).where('year', '=', YEAR).execute();
    for (let r = HEADER_ROW + 1; r < HEADER_ROW + 1 + dbLines.length; r++) {
      const row = sheet.getRow(r);
      const db = dbLines.find((l) => l.name === row.getCell(1).value)!;
      expect([fenOf(row.getCell(4).value), fenOf(row.getCell(5).value), fenOf(row.getCell(6).value), fenOf(row.getCell(7).value)]).toEqual([Number(db.budget_fen), Number(db.allocated_fen), Number(db.spent_fen), Number(db.pending_fen)]);
      expect(row.getCell(4).numFmt).toBe('#,##0.00');
    }
    const total = sheet.getRow(HEADER_ROW + 1 + dbLines.length);
    expect(total.getCell(1).value).toBe('合计');
    expect(fenOf(total.getCell(4).value)).toBe(dbLines.reduce((a, l) => a + Number(l.budget_fen), 0));
    expect(fenOf(total.getCell(6).value)).toBe(dbLines.reduce((a, l) => a + Number(l.spent_fen), 0));
    const spendings = workbook.getWorksheet(SPENDINGS_SHEET)!;
    const dbSpendings = await stack.db.selectFrom('funding_spendings').select('amount_fen').where('campaign_id', '=', CAMPAIGN).execute();
    const amounts: number[] = [];
    for (let r = HEADER_ROW + 1; spendings.getRow(r).getCell(1).value; r++) amounts.push(fenOf(spendings.getRow(r).getCell(6).value));
    expect(amounts.sort((a, b) => a - b)).toEqual(dbSpendings.map((s) => Number(s.amount_fen)).sort((a, b) => a - b));
    const units = workbook.getWorksheet(UNITS_SHEET)!;
    const wtsqRow = [HEADER_ROW + 1, HEADER_ROW + 2, HEADER_ROW + 3].map((r) => units.getRow(r)).find((row) => row.getCell(1).value === '外滩社区')!;
    expect(fenOf(wtsqRow.getCell(4).value)).toBe(42_000_001);

    // A unit's export holds its own part only.
    const unitFile = (await must<{ exportFundingLedger: { fileName: string; contentBase64: string } }>('bjsq.head', `{ exportFundingLedger(format: XLSX, year: ${YEAR}, campaignId: "${CAMPAIGN}") { fileName contentBase64 } }`)).exportFundingLedger;
    const unitBook = new ExcelJS.Workbook();
    await unitBook.xlsx.load(Buffer.from(unitFile.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(unitBook.getWorksheet(SPENDINGS_SHEET)!.getRow(HEADER_ROW + 1).getCell(1).value).toBeFalsy();
  });

  it('refuses cutting a line below what is allocated or spent, and amends it otherwise', async () => {
    const amend = (input: Record<string, unknown>) => q<{ amendBudgetLine: Line }>('office', `mutation($i: AmendBudgetLineInput!) { amendBudgetLine(input: $i) { ${LINE_FIELDS} } }`, { i: input });
    expect(code(await amend({ id: ids.small, name: '并发测试科目', amountFen: 899 }))).toBe('BAD_USER_INPUT');
    expect(code(await amend({ id: ids.wtsq, name: '外滩社区环境整治经费', amountFen: 50_000_000, unitCode: 'WTSQ' }))).toBe('BAD_USER_INPUT');
    expect(code(await amend({ id: ids.wtsq, name: '外滩社区环境整治经费', amountFen: 60_000_000, unitCode: 'BJSQ' }))).toBe('BAD_USER_INPUT');
    expect((await amend({ id: ids.small, name: '并发测试科目（调整）', amountFen: 900 })).data!.amendBudgetLine).toMatchObject({ name: '并发测试科目（调整）', budgetFen: 900, unallocatedFen: 0 });
    expect(code(await q('wtsq.head', `mutation { amendBudgetLine(input: { id: "${ids.wtsq}", name: "x", amountFen: 1 }) { id } }`))).toBe('FORBIDDEN');
  });

  it('seeds the demo’s ledger once: lines, allocations, and spendings in every state, one awaiting the leader', async () => {
    const demo = `${CAMPAIGN}-demo`;
    const queue = stack.config.temporal.taskQueue;
    expect(await seedDemoFunding(stack.temporal, queue, demo, 'Asia/Shanghai', taskId)).toBe(15);
    await waitFor(async () => (await stack.db.selectFrom('funding_spendings').select('state').where('campaign_id', '=', demo).execute()).length === 5, 10_000, 'the demo spendings');
    const states = (await stack.db.selectFrom('funding_spendings').select(['spending_id', 'state']).where('campaign_id', '=', demo).orderBy('spending_id').execute()).map((r) => [r.spending_id, r.state]);
    expect(states).toEqual([
      ['spending-demo-ads', 'RECORDED'],
      ['spending-demo-banners', 'REJECTED'],
      ['spending-demo-bins', 'APPROVED'],
      ['spending-demo-bjsq', 'PENDING'],
      ['spending-demo-wtsq', 'RECORDED'],
    ]);
    const lines = await stack.db.selectFrom('funding_budget_lines').select(['line_id', 'allocated_fen', 'spent_fen']).where('campaign_id', '=', demo).orderBy('line_id').execute();
    expect(lines.map((l) => [l.line_id, Number(l.allocated_fen), Number(l.spent_fen)])).toEqual([
      ['line-demo-bjsq', 0, 0],
      ['line-demo-publicity', 0, 3_280_000],
      ['line-demo-sanitation', 90_000_000, 12_800_000],
      ['line-demo-wtsq', 5_000_000, 865_050],
    ]);
    expect(await seedDemoFunding(stack.temporal, queue, demo, 'Asia/Shanghai', taskId)).toBe(0);
  });

  it('rebuilds the ledger’s tables from the events to exactly the live rows', async () => {
    const { createEventStore } = await import('../../src/platform/runtime/worker-runner');
    const snapshot = async () => ({
      ledgers: await stack.db.selectFrom('funding_ledgers').selectAll().orderBy('ledger_id').execute(),
      lines: await stack.db.selectFrom('funding_budget_lines').selectAll().orderBy('line_id').execute(),
      allocations: await stack.db.selectFrom('funding_allocations').selectAll().orderBy('allocation_id').execute(),
      spendings: await stack.db.selectFrom('funding_spendings').selectAll().orderBy('spending_id').execute(),
    });
    const before = await snapshot();
    expect(before.spendings.length).toBeGreaterThan(5);
    await stack.db.deleteFrom('funding_spendings').execute();
    await stack.db.deleteFrom('funding_budget_lines').execute();
    const results = await createEventStore(stack.db).rebuildProjections();
    expect(results.find((r) => r.name === 'funding')?.events).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
