// Units' monthly reports (issue 19, plan 五(二)2) on the real stack: the office sets the due day and opens a month
// for every unit (again: nothing new); a unit hands in its own report with an attachment, the office returns it with a
// reason, the unit hands it in again keeping the attachment, the office accepts; another unit, the wrong role, the
// wrong state and hostile input are refused with no event; a report still owed climbs 提醒 → 催报 → 督办 with
// notifications to the unit, its head and the office; the monthly report links each unit's report, in GraphQL and in
// its workbook.
import * as ExcelJS from 'exceljs';
import { seedDemoUnitReports } from '../../src/demo/demo-unit-reports';
import { UnitReportRepository } from '../../src/unit-report/unit-report.repository';
import { openUnitReportMonth } from '../../src/unit-report/unit-report.starter';
import { unitReportWorkflowId } from '../../workflows/unit-report/unit-report.messages';
import { shanghaiDate } from '../../workflows/shared/time';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type GraphQLResponse, type TestStack } from '../support/test-env';

const THIS_MONTH = shanghaiDate(new Date().toISOString()).slice(0, 7);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
const REPORT_FIELDS = 'id month state stateLabel dueAt late progress problems nextSteps submissions returnReason acceptNote escalationLabel canSubmit canReview unit { code name } attachments { sha256 name size url } history { type label actorName note }';

interface Report {
  id: string;
  month: string;
  state: string;
  stateLabel: string;
  dueAt: string;
  late: boolean;
  progress: string | null;
  problems: string | null;
  nextSteps: string | null;
  submissions: number;
  returnReason: string | null;
  acceptNote: string | null;
  escalationLabel: string | null;
  canSubmit: boolean;
  canReview: boolean;
  unit: { code: string; name: string };
  attachments: { sha256: string; name: string; size: number; url: string }[];
  history: { type: string; label: string; actorName: string; note: string }[];
}

describe('units’ monthly reports', () => {
  let stack: TestStack;
  const wtsq = unitReportWorkflowId(CAMPAIGN, 'WTSQ', THIS_MONTH);

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'unit-reports' });
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
  const month = (login: string) => must<{ unitReportMonth: { dueDay: number; opened: boolean; submitted: number; accepted: number; reports: Report[] } }>(login, `query($m: String!, $c: String) { unitReportMonth(month: $m, campaignId: $c) { dueDay opened submitted accepted reports { ${REPORT_FIELDS} } } }`, { m: THIS_MONTH, c: CAMPAIGN });
  const submit = (login: string, input: Record<string, unknown>) =>
    q<{ submitUnitReport: Report }>(login, `mutation($i: SubmitUnitReportInput!) { submitUnitReport(input: $i) { ${REPORT_FIELDS} } }`, { i: { reportId: wtsq, progress: '本月完成背街小巷整治 12 条，新增公益广告 30 处。', problems: '农贸市场周边占道经营反复。', nextSteps: '下月联合执法队每周巡查两次。', ...input } });
  async function upload(login: string, name: string, body: Buffer): Promise<string> {
    const res = await fetch(`${stack.url}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-demo-user': login }, body: new Uint8Array(body) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('lets the office set the due day (1–28 only) and open a month for every unit, once', async () => {
    for (const bad of [0, 29, -1]) expect(code(await q('office', `mutation { setUnitReportDueDay(campaignId: "${CAMPAIGN}", dueDay: ${bad}) }`))).toBe('BAD_USER_INPUT');
    expect(await must('office', `mutation { setUnitReportDueDay(campaignId: "${CAMPAIGN}", dueDay: 28) }`)).toEqual({ setUnitReportDueDay: 28 });
    expect(code(await q('office', `mutation { openUnitReportMonth(campaignId: "${CAMPAIGN}", month: "2999-01") { month } }`))).toBe('BAD_USER_INPUT');
    expect(code(await q('office', `mutation { openUnitReportMonth(campaignId: "${CAMPAIGN}", month: "3月") { month } }`))).toBe('BAD_USER_INPUT');

    const open = () => must<{ openUnitReportMonth: { opened: boolean; dueDay: number; reports: Report[] } }>('office', `mutation { openUnitReportMonth(campaignId: "${CAMPAIGN}", month: "${THIS_MONTH}") { opened dueDay reports { id state unit { code } dueAt } } }`);
    const first = (await open()).openUnitReportMonth;
    const units = await stack.db.selectFrom('units').select('code').execute();
    expect(first.opened).toBe(true);
    expect(first.reports).toHaveLength(units.length);
    expect(first.reports.every((r) => r.state === 'OPEN')).toBe(true);
    expect(shanghaiDate(new Date(Date.parse(first.reports[0].dueAt) - 1).toISOString())).toBe(`${THIS_MONTH}-28`);
    const again = (await open()).openUnitReportMonth;
    expect(again.reports.map((r) => r.id)).toEqual(first.reports.map((r) => r.id));
    expect(await streamTypes(wtsq)).toEqual(['UnitReportOpened']);
  });

  it('shows a unit its own report only, and everyone else the whole month', async () => {
    const own = (await month('wtsq.member')).unitReportMonth.reports;
    expect(own.map((r) => r.unit.code)).toEqual(['WTSQ']);
    expect(own[0]).toMatchObject({ state: 'OPEN', canSubmit: true, canReview: false });
    expect((await month('leader')).unitReportMonth.reports.length).toBeGreaterThan(1);
    expect(code(await q('bjsq.member', `{ unitReport(id: "${wtsq}") { id } }`))).toBe('NOT_FOUND');
  });

  it('refuses another unit, the wrong role and hostile input, writing no event', async () => {
    expect(code(await submit('bjsq.head', {}))).toBe('NOT_FOUND');
    expect(code(await submit('office', {}))).toBe('FORBIDDEN');
    expect(code(await q('office', `mutation { acceptUnitReport(id: "${wtsq}") { id } }`))).toBe('ILLEGAL_TRANSITION');
    expect(code(await submit('wtsq.member', { progress: '进'.repeat(5_001) }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('wtsq.member', { progress: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('wtsq.member', { fileIds: Array.from({ length: 11 }, () => '00000000-0000-4000-8000-000000000000') }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('wtsq.member', { keepAttachments: ['../../etc/passwd'] }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('wtsq.member', { fileIds: ['not-an-upload'] }))).toBe('BAD_USER_INPUT');
    // An upload of another person's cannot be used.
    const theirs = await upload('wtsq.head', '照片.jpg', JPEG);
    expect(code(await submit('wtsq.member', { fileIds: [theirs] }))).toBe('BAD_USER_INPUT');
    expect(code(await q('wtsq.member', 'mutation { submitUnitReport(input: { reportId: "x\' OR 1=1 --", progress: "a", problems: "", nextSteps: "b" }) { id } }'))).toBe('NOT_FOUND');
    expect(await streamTypes(wtsq)).toEqual(['UnitReportOpened']);
  });

  it('takes the unit’s hand-in, the office’s return with a reason, the hand-in again and the acceptance', async () => {
    const fileId = await upload('wtsq.member', '背街小巷整治前后对比.jpg', JPEG);
    const injected = '<img src=x onerror=alert(1)> =HYPERLINK("http://evil")';
    const first = await submit('wtsq.member', { fileIds: [fileId], problems: injected });
    expect(first.errors).toBeUndefined();
    const report = first.data!.submitUnitReport;
    expect(report).toMatchObject({ state: 'SUBMITTED', submissions: 1, late: false, problems: injected, canSubmit: false });
    expect(report.attachments).toEqual([expect.objectContaining({ name: '背街小巷整治前后对比.jpg', size: JPEG.length })]);
    // The attachment: the unit and the office may download it, another unit may not.
    const url = report.attachments[0].url;
    const download = (login: string) => fetch(`${stack.url}${url}`, { headers: { 'x-demo-user': login } });
    expect((await download('wtsq.member')).status).toBe(200);
    expect(Buffer.from(await (await download('office')).arrayBuffer())).toEqual(JPEG);
    expect((await download('bjsq.member')).status).toBe(404);
    // The office is asked to review it.
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', 'office').where('title', 'like', '%待审核%外滩社区%专题汇报%').executeTakeFirst()) !== undefined, 10_000, 'the office told');

    expect(code(await q('office', `mutation { returnUnitReport(id: "${wtsq}", reason: "  ") { id } }`))).toBe('BAD_USER_INPUT');
    expect(code(await q('leader', `mutation { returnUnitReport(id: "${wtsq}", reason: "补充") { id } }`))).toBe('FORBIDDEN');
    const returned = await must<{ returnUnitReport: Report }>('office', `mutation { returnUnitReport(id: "${wtsq}", reason: "请补充问题整改台账") { state returnReason canReview } }`);
    expect(returned.returnUnitReport).toMatchObject({ state: 'RETURNED', returnReason: '请补充问题整改台账', canReview: false });
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('text').where('recipient_login', '=', 'wtsq.head').where('text', 'like', '%请补充问题整改台账%').executeTakeFirst()) !== undefined, 10_000, 'the unit told');

    const again = await submit('wtsq.head', { keepAttachments: [report.attachments[0].sha256], problems: '占道经营 3 处，已建整改台账。' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitUnitReport).toMatchObject({ state: 'SUBMITTED', submissions: 2, attachments: [expect.objectContaining({ sha256: report.attachments[0].sha256 })] });
    const accepted = await must<{ acceptUnitReport: Report }>('office', `mutation { acceptUnitReport(id: "${wtsq}", note: "内容详实，予以采用") { ${REPORT_FIELDS} } }`);
    expect(accepted.acceptUnitReport).toMatchObject({ state: 'ACCEPTED', stateLabel: '已采用', acceptNote: '内容详实，予以采用' });
    expect(accepted.acceptUnitReport.history.map((h) => h.label)).toEqual(['开始报送', '报送专题汇报', '退回修改', '报送专题汇报', '采用']);
    expect(accepted.acceptUnitReport.history[2]).toMatchObject({ note: '请补充问题整改台账' });
    expect(code(await submit('wtsq.member', {}))).toBe('ILLEGAL_TRANSITION');
    expect(await streamTypes(wtsq)).toEqual(['UnitReportOpened', 'UnitReportSubmitted', 'UnitReportReturned', 'UnitReportSubmitted', 'UnitReportAccepted']);
  });

  it('climbs 催报 then 督办 while a report is owed, telling the unit, its head and the office', async () => {
    const repository = new UnitReportRepository(stack.db);
    const second = 1 / 3600;
    await openUnitReportMonth(stack.temporal, stack.config.temporal.taskQueue, repository, {
      campaignId: CAMPAIGN,
      month: '2026-01',
      openedBy: OFFICE_ACTOR,
      unitCodes: ['DHC'],
      dueAt: new Date(Date.now() + 1_000).toISOString(),
      ladder: { reminderBeforeHours: 0.5 * second, superviseAfterHours: 2 * second },
    });
    const id = unitReportWorkflowId(CAMPAIGN, 'DHC', '2026-01');
    await waitFor(async () => (await streamTypes(id)).filter((t) => t === 'UnitReportEscalated').length >= 3, 30_000, 'the ladder');
    const levels = (await stack.db.selectFrom('events').select('data').where('stream_id', '=', id).where('type', '=', 'UnitReportEscalated').orderBy('stream_version').execute()).map((e) => e.data.level);
    expect(levels).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    const told = async (login: string) => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', login).where('title', 'like', '%2026年1月专题汇报%').execute()).map((n) => n.title);
    await waitFor(async () => (await told('office')).length > 0, 10_000, 'the office told of 督办');
    expect(await told('dhc.head')).toEqual(expect.arrayContaining([expect.stringContaining('【催报】'), expect.stringContaining('【督办】')]));
    expect(await told('dhc.member')).toEqual(expect.arrayContaining([expect.stringContaining('【提醒】'), expect.stringContaining('【催报】')]));
    expect(await told('office')).toEqual([expect.stringContaining('【督办】东湖村')]);
    const view = await must<{ unitReport: Report }>('dhc.head', `{ unitReport(id: "${id}") { late escalationLabel canSubmit } }`);
    expect(view.unitReport).toEqual({ late: true, escalationLabel: '督办', canSubmit: true });
  });

  it('links each unit’s report from the monthly report, in GraphQL and in its workbook', async () => {
    await must('office', `mutation { generateMonthlyReport(input: { campaignId: "${CAMPAIGN}", month: "${THIS_MONTH}" }) { month } }`);
    const res = await must<{ monthlyReport: { unitReports: { unit: { code: string }; status: string; statusLabel: string; reportId: string | null; summary: string | null }[] } }>(
      'leader',
      `{ monthlyReport(campaignId: "${CAMPAIGN}", month: "${THIS_MONTH}") { unitReports { unit { code } status statusLabel reportId summary } } }`,
    );
    const links = res.monthlyReport.unitReports;
    expect(links.find((l) => l.unit.code === 'WTSQ')).toEqual({ unit: { code: 'WTSQ' }, status: 'ACCEPTED', statusLabel: '已采用', reportId: wtsq, summary: '本月完成背街小巷整治 12 条，新增公益广告 30 处。' });
    expect(links.find((l) => l.unit.code === 'BJSQ')).toMatchObject({ status: 'OPEN', statusLabel: '未报送', summary: null });

    const file = await must<{ exportMonthlyReport: { contentBase64: string } }>('leader', `{ exportMonthlyReport(campaignId: "${CAMPAIGN}", month: "${THIS_MONTH}") { contentBase64 } }`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(file.exportMonthlyReport.contentBase64, 'base64')).buffer);
    const sheet = workbook.getWorksheet('单位专题汇报')!;
    const rows = sheet.getSheetValues().slice(3).map((r) => (r as ExcelJS.CellValue[]).slice(1, 4));
    expect(rows).toContainEqual(['WTSQ', '外滩社区', '已采用']);
    expect(rows).toHaveLength(links.length);
  });

  it('rebuilds the reports’ rows from the events alone', async () => {
    const before = await stack.db.selectFrom('unit_reports').selectAll().orderBy('report_id').execute();
    const { UnitReportProjection } = await import('../../src/platform/projections/unit-report.projection');
    const { EventStoreRepository } = await import('../../src/platform/event-store/event-store.repository');
    const store = new EventStoreRepository(stack.db, [new UnitReportProjection()]);
    await store.rebuildProjections();
    const after = await stack.db.selectFrom('unit_reports').selectAll().orderBy('report_id').execute();
    expect(after).toEqual(before);
  });

  it('seeds the demo’s mix once: accepted, awaiting review, returned, not handed in, and last month’s owed and late', async () => {
    const demo = `${CAMPAIGN}-demo`;
    await stack.db.insertInto('campaigns').values({ id: demo, name: '演示', inspection_date: '2027-06-30', time_zone: 'Asia/Shanghai' }).execute();
    const units = (await stack.db.selectFrom('units').select('code').execute()).length;
    expect(await seedDemoUnitReports(stack.db, stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai')).toBe(units + 3);
    const states = async () => Object.fromEntries((await stack.db.selectFrom('unit_reports').select(['unit_code', 'month', 'state', 'late']).where('campaign_id', '=', demo).execute()).map((r) => [`${r.unit_code}:${r.month}`, `${r.state}${r.late ? ':late' : ''}`]));
    await waitFor(async () => (await states())[`HWS:${THIS_MONTH}`] === 'RETURNED' && Object.values(await states()).filter((s) => s.startsWith('ACCEPTED')).length === 2, 20_000, 'the demo reports');
    const seeded = await states();
    expect(seeded).toMatchObject({ [`WTSQ:${THIS_MONTH}`]: 'ACCEPTED', [`BJSQ:${THIS_MONTH}`]: 'SUBMITTED', [`DHC:${THIS_MONTH}`]: 'SUBMITTED', [`HWS:${THIS_MONTH}`]: 'RETURNED', [`DZB:${THIS_MONTH}`]: 'OPEN' });
    expect(Object.entries(seeded).filter(([k]) => !k.endsWith(THIS_MONTH)).map(([k, v]) => `${k.split(':')[0]} ${v}`).sort()).toEqual(['NMSC OPEN', 'ZHZF ACCEPTED:late', 'ZXXX OPEN']);
    expect(await seedDemoUnitReports(stack.db, stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai')).toBe(0);
  });
});
