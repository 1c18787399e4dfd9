// 专项整治 drives (issue 20, plan 四(三)) on the real stack: the office launches an area's drive (once per campaign and
// area; hostile plans and the wrong role are refused with no event); items of the area reported within the period
// belong to it without a second entry, and its progress counts them (open, 销号, overdue, relapses) as their own
// workflows move them; the office attaches and detaches by hand; a unit sees its own items, the lead unit all; the
// lead unit's head hands in the closing summary (another unit and the wrong role cannot), the leading group returns
// it with a reason and then approves it, which closes the drive; a summary still owed climbs 提醒 → 催办 → 督办;
// the workbook; the projection rebuilds from the events alone.
import * as ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { SPECIAL_DRIVE_WORKFLOW_TYPE, specialDriveWorkflowId } from '../../workflows/special-drive/special-drive.messages';
import type { SpecialDriveInput } from '../../workflows/special-drive/special-drive.types';
import { shanghaiDate } from '../../workflows/shared/time';
import { seedDemoSpecialDrives } from '../../src/demo/demo-special-drives';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type GraphQLResponse, type TestStack } from '../support/test-env';

const DAY = 86_400_000;
const today = (offsetDays = 0) => shanghaiDate(new Date(Date.now() + offsetDays * DAY).toISOString());
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
const PHOTO = { fileName: '现场.jpg', contentBase64: JPEG.toString('base64') };
const DRIVE = `id area name state stateLabel startDate endDate goals dueAt late escalationLabel summary submissions returnReason approveNote
  canAmend canSubmitSummary canReview leadUnit { code name } participatingUnits { code }
  progress { total open closed overdue relapses relapsedItems closedRate }
  items { id state area overdue relapseCount link unit { code } } summaryAttachments { sha256 name url } history { type label actorName note }`;

interface Drive {
  id: string;
  state: string;
  stateLabel: string;
  name: string;
  late: boolean;
  summary: string | null;
  submissions: number;
  returnReason: string | null;
  approveNote: string | null;
  escalationLabel: string | null;
  canAmend: boolean;
  canSubmitSummary: boolean;
  canReview: boolean;
  leadUnit: { code: string; name: string };
  participatingUnits: { code: string }[];
  progress: { total: number; open: number; closed: number; overdue: number; relapses: number; relapsedItems: number; closedRate: number | null };
  items: { id: string; state: string; area: string | null; overdue: boolean; relapseCount: number; link: string; unit: { code: string } | null }[];
  summaryAttachments: { sha256: string; name: string; url: string }[];
  history: { type: string; label: string; actorName: string; note: string }[];
}

describe('专项整治 drives', () => {
  let stack: TestStack;
  const sanitation = specialDriveWorkflowId(CAMPAIGN, 'SANITATION');
  const items: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'special-drives' });
    // Re-checks two seconds after verification, so that a relapse and a 销号 happen within the test.
    await sql`update campaigns set policy = coalesce(policy, '{}'::jsonb) || ${JSON.stringify({ items: { recheckAfterDays: 2 / 86_400 } })}::jsonb where id = ${CAMPAIGN}`.execute(stack.db);
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
  const drive = async (login: string, area = 'SANITATION') => (await must<{ specialDrive: Drive | null }>(login, `query($a: RectificationArea!, $c: String) { specialDrive(area: $a, campaignId: $c) { ${DRIVE} } }`, { a: area, c: CAMPAIGN })).specialDrive;
  const plan = (input: Record<string, unknown> = {}) => ({ campaignId: CAMPAIGN, area: 'SANITATION', leadUnitCode: 'HWS', startDate: today(-1), endDate: today(30), goals: '背街小巷垃圾日产日清，公厕保洁达标。', participatingUnitCodes: ['WTSQ', 'BJSQ', 'HWS', 'WTSQ'], ...input });
  const launch = (login: string, input: Record<string, unknown> = {}) => q<{ launchSpecialDrive: Drive }>(login, `mutation($i: SpecialDrivePlanInput!) { launchSpecialDrive(input: $i) { ${DRIVE} } }`, { i: plan(input) });
  const amend = (login: string, input: Record<string, unknown> = {}) => q<{ amendSpecialDrive: Drive }>(login, `mutation($i: SpecialDrivePlanInput!) { amendSpecialDrive(input: $i) { ${DRIVE} } }`, { i: plan(input) });
  const submit = (login: string, input: Record<string, unknown> = {}) =>
    q<{ submitSpecialDriveSummary: Drive }>(login, `mutation($i: SubmitSpecialDriveSummaryInput!) { submitSpecialDriveSummary(input: $i) { ${DRIVE} } }`, { i: { campaignId: CAMPAIGN, area: 'SANITATION', summary: '整治期内清理卫生死角 46 处，新增分类垃圾桶 120 个。', ...input } });
  async function report(area: string, description: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await must<{ reportItem: { item: { id: string } } }>('supervisor', 'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id } } }', {
      i: { campaignId: CAMPAIGN, source: 'SUPERVISION', area, location: { address: `${description}所在路段` }, description, photos: [PHOTO], ...extra },
    });
    return res.reportItem.item.id;
  }
  const act = (login: string, itemId: string, action: string, input: Record<string, unknown> = {}) => must(login, 'mutation($i: ItemActionInput!) { actOnItem(input: $i) { id } }', { i: { itemId, action, ...input } });
  const itemState = async (id: string) => (await stack.db.selectFrom('rectification_item_cards').select('state').where('item_id', '=', id).executeTakeFirstOrThrow()).state;
  async function upload(login: string, name: string, body: Buffer): Promise<string> {
    const res = await fetch(`${stack.url}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-demo-user': login }, body: new Uint8Array(body) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('refuses hostile plans and the wrong role with no event, then launches one drive per area', async () => {
    items.before = await report('SANITATION', '启动前上报：垃圾桶满溢');
    items.market = await report('MARKETS', '农贸市场门口占道经营');
    expect(code(await launch('leader'))).toBe('FORBIDDEN');
    expect(code(await launch('hws.head'))).toBe('FORBIDDEN');
    for (const bad of [
      { leadUnitCode: 'NO-SUCH' },
      { leadUnitCode: ' HWS' },
      { participatingUnitCodes: ['NO-SUCH'] },
      { participatingUnitCodes: Array.from({ length: 61 }, (_, i) => `U${i}`) },
      { goals: '目'.repeat(2_001) },
      { goals: '   ' },
      { startDate: '2027-02-30' },
      { startDate: "2027-01-01' OR 1=1 --" },
      { endDate: today(-3) },
      { endDate: '2099-12-31' },
      { area: 'NOT_AN_AREA' },
    ]) {
      const res = await launch('office', bad);
      expect([JSON.stringify(bad).slice(0, 60), code(res)]).toEqual([JSON.stringify(bad).slice(0, 60), 'BAD_USER_INPUT']);
    }
    expect(await streamTypes(sanitation)).toEqual([]);
    expect(await drive('office')).toBeNull();

    const launched = await launch('office');
    expect(launched.errors).toBeUndefined();
    const d = launched.data!.launchSpecialDrive;
    expect(d).toMatchObject({ name: '环境卫生专项整治', state: 'ACTIVE', stateLabel: '整治中', leadUnit: { code: 'HWS', name: '街道环卫所' }, canAmend: true, late: false });
    // The lead unit is not a participant of its own drive; duplicates are folded.
    expect(d.participatingUnits.map((u) => u.code)).toEqual(['WTSQ', 'BJSQ']);
    // The item reported the day before, within the period, belongs to it; the market's item does not.
    expect(d.items.map((i) => [i.id, i.link])).toEqual([[items.before, 'AUTO']]);
    expect(code(await launch('office'))).toBe('CONFLICT');
    expect(await streamTypes(sanitation)).toEqual(['SpecialDriveLaunched']);
    expect((await must<{ specialDrives: { area: string }[] }>('wtsq.member', `{ specialDrives(campaignId: "${CAMPAIGN}") { area } }`)).specialDrives).toEqual([{ area: 'SANITATION' }]);
  });

  it('takes in the area’s new items by itself and counts them as their workflows move: open, overdue, relapsed, 销号', async () => {
    items.late = await report('SANITATION', '公厕保洁不到位');
    items.fixed = await report('SANITATION', '背街小巷卫生死角', { unitCode: 'BJSQ' });
    await report('TRAFFIC_ORDER', '非机动车乱停放');
    let d = (await drive('office'))!;
    expect(d.items.map((i) => i.id)).toEqual([items.before, items.late, items.fixed]);
    expect(d.progress).toEqual({ total: 3, open: 3, closed: 0, overdue: 0, relapses: 0, relapsedItems: 0, closedRate: 0 });

    // Dispatched with a deadline two seconds away and left alone: overdue.
    await act('supervisor', items.late, 'DISPATCH', { unitCode: 'WTSQ', dueAt: new Date(Date.now() + 2_000).toISOString() });
    // Fixed, verified, relapsed at the re-check, fixed again and closed (销号).
    await act('bjsq.member', items.fixed, 'START_RECTIFICATION');
    await act('bjsq.member', items.fixed, 'SUBMIT_RECTIFICATION', { note: '已清理', photos: [PHOTO] });
    await act('supervisor', items.fixed, 'VERIFY', { note: '合格' });
    await waitFor(async () => (await itemState(items.fixed)) === 'RECHECK', 30_000, 'the re-check');
    await act('supervisor', items.fixed, 'RECORD_RECHECK', { passed: false, note: '又见垃圾堆放' });
    await act('bjsq.member', items.fixed, 'SUBMIT_RECTIFICATION', { note: '增加巡查频次', photos: [PHOTO] });
    await act('supervisor2', items.fixed, 'VERIFY');
    await waitFor(async () => (await itemState(items.fixed)) === 'RECHECK', 30_000, 'the second re-check');
    await act('supervisor', items.fixed, 'RECORD_RECHECK', { passed: true, note: '保持良好' });

    d = (await drive('leader'))!;
    expect(d.progress).toEqual({ total: 3, open: 2, closed: 1, overdue: 1, relapses: 1, relapsedItems: 1, closedRate: 1 / 3 });
    expect(d.items.find((i) => i.id === items.fixed)).toMatchObject({ state: 'CLOSED', relapseCount: 1, overdue: false });
    expect(d.items.find((i) => i.id === items.late)).toMatchObject({ state: 'DISPATCHED', overdue: true, unit: { code: 'WTSQ' } });
  });

  it('lets the office attach and detach by hand, once, and no one else', async () => {
    const attach = (login: string, itemId: string, area = 'SANITATION') => q<{ attachSpecialDriveItem: Drive }>(login, `mutation($a: RectificationArea!, $i: ID!, $c: String) { attachSpecialDriveItem(area: $a, itemId: $i, campaignId: $c) { ${DRIVE} } }`, { a: area, i: itemId, c: CAMPAIGN });
    const detach = (login: string, itemId: string, reason: string) => q<{ detachSpecialDriveItem: Drive }>(login, `mutation($i: ID!, $r: String!, $c: String) { detachSpecialDriveItem(area: SANITATION, itemId: $i, reason: $r, campaignId: $c) { ${DRIVE} } }`, { i: itemId, r: reason, c: CAMPAIGN });
    const before = await streamTypes(sanitation);
    expect(code(await attach('hws.head', items.market))).toBe('FORBIDDEN');
    expect(code(await attach('office', items.before))).toBe('CONFLICT');
    expect(code(await attach('office', 'rectification-item:no-such'))).toBe('NOT_FOUND');
    expect(code(await attach('office', 'x'.repeat(10_000)))).toBe('BAD_USER_INPUT');
    expect(code(await attach('office', items.market, 'MARKETS'))).toBe('NOT_FOUND');
    expect(code(await detach('office', items.market, '不属于'))).toBe('BAD_USER_INPUT');
    expect(code(await detach('office', items.before, '  '))).toBe('BAD_USER_INPUT');
    expect(code(await detach('office', items.before, '理'.repeat(501)))).toBe('BAD_USER_INPUT');
    expect(await streamTypes(sanitation)).toEqual(before);

    const attached = await attach('office', items.market);
    expect(attached.errors).toBeUndefined();
    expect(attached.data!.attachSpecialDriveItem.items.find((i) => i.id === items.market)).toMatchObject({ link: 'MANUAL', area: 'MARKETS' });
    const detached = await detach('office', items.before, '系重复上报，已并入其他问题');
    expect(detached.errors).toBeUndefined();
    const d = detached.data!.detachSpecialDriveItem;
    expect(d.items.map((i) => i.id).sort()).toEqual([items.late, items.fixed, items.market].sort());
    expect(d.progress.total).toBe(3);
    expect(d.history.slice(-2).map((h) => [h.label, h.note])).toEqual([
      ['纳入整改问题', items.market],
      ['移出整改问题', `${items.before}：系重复上报，已并入其他问题`],
    ]);
  });

  it('shows a unit the items dispatched to it, and the lead unit every item', async () => {
    expect((await drive('wtsq.member'))!.items.map((i) => i.id)).toEqual([items.late]);
    expect((await drive('dhc.head'))!.items).toEqual([]);
    expect((await drive('dhc.head'))!.progress.total).toBe(3);
    expect((await drive('hws.member'))!.items).toHaveLength(3);
  });

  it('takes the lead unit head’s summary, the leading group’s return with a reason and then its approval, which closes the drive', async () => {
    const before = await streamTypes(sanitation);
    expect(code(await submit('wtsq.head'))).toBe('FORBIDDEN');
    expect(code(await submit('hws.member'))).toBe('FORBIDDEN');
    expect(code(await submit('office'))).toBe('FORBIDDEN');
    expect(code(await submit('hws.head', { summary: '总'.repeat(5_001) }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('hws.head', { summary: ' ' }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('hws.head', { keepAttachments: ['../../etc/passwd'] }))).toBe('BAD_USER_INPUT');
    expect(code(await submit('hws.head', { fileIds: Array.from({ length: 11 }, () => '00000000-0000-4000-8000-000000000000') }))).toBe('BAD_USER_INPUT');
    const theirs = await upload('office', '别人的.jpg', JPEG);
    expect(code(await submit('hws.head', { fileIds: [theirs] }))).toBe('BAD_USER_INPUT');
    expect(code(await q('leader', `mutation { approveSpecialDriveSummary(area: SANITATION, campaignId: "${CAMPAIGN}") { id } }`))).toBe('ILLEGAL_TRANSITION');
    expect(await streamTypes(sanitation)).toEqual(before);

    const fileId = await upload('hws.head', '环境卫生专项整治总结.jpg', JPEG);
    const first = await submit('hws.head', { fileIds: [fileId], summary: '<script>alert(1)</script> =HYPERLINK("http://evil") 整治完成' });
    expect(first.errors).toBeUndefined();
    const d = first.data!.submitSpecialDriveSummary;
    expect(d).toMatchObject({ state: 'SUMMARY_SUBMITTED', submissions: 1, canSubmitSummary: false, summary: '<script>alert(1)</script> =HYPERLINK("http://evil") 整治完成' });
    expect((await drive('leader'))!.canReview).toBe(true);
    const url = d.summaryAttachments[0].url;
    expect((await fetch(`${stack.url}${url}`, { headers: { 'x-demo-user': 'leader' } })).status).toBe(200);
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', 'leader').where('title', 'like', '%待审定%街道环卫所%环境卫生专项整治总结%').executeTakeFirst()) !== undefined, 10_000, 'the leaders told');

    expect(code(await q('office', `mutation { returnSpecialDriveSummary(area: SANITATION, reason: "补充", campaignId: "${CAMPAIGN}") { id } }`))).toBe('FORBIDDEN');
    expect(code(await q('leader', `mutation { returnSpecialDriveSummary(area: SANITATION, reason: " ", campaignId: "${CAMPAIGN}") { id } }`))).toBe('BAD_USER_INPUT');
    const returned = await must<{ returnSpecialDriveSummary: Drive }>('leader', `mutation { returnSpecialDriveSummary(area: SANITATION, reason: "请补充反弹问题的长效措施", campaignId: "${CAMPAIGN}") { state returnReason canReview } }`);
    expect(returned.returnSpecialDriveSummary).toMatchObject({ state: 'RETURNED', returnReason: '请补充反弹问题的长效措施', canReview: false });
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('text').where('recipient_login', '=', 'hws.head').where('text', 'like', '%长效措施%').executeTakeFirst()) !== undefined, 10_000, 'the lead unit told');

    const again = await submit('hws.head', { keepAttachments: [d.summaryAttachments[0].sha256], summary: '整治完成；反弹点位实行网格员每日巡查。' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitSpecialDriveSummary).toMatchObject({ state: 'SUMMARY_SUBMITTED', submissions: 2, summaryAttachments: [expect.objectContaining({ sha256: d.summaryAttachments[0].sha256 })] });
    const approved = await must<{ approveSpecialDriveSummary: Drive }>('leader', `mutation { approveSpecialDriveSummary(area: SANITATION, note: "同意结项", campaignId: "${CAMPAIGN}") { ${DRIVE} } }`);
    expect(approved.approveSpecialDriveSummary).toMatchObject({ state: 'CLOSED', stateLabel: '已结束', approveNote: '同意结项', canAmend: false, canReview: false });
    expect(code(await amend('office', { goals: '新目标' }))).toBe('ILLEGAL_TRANSITION');
    expect(code(await submit('hws.head'))).toBe('ILLEGAL_TRANSITION');
    expect(await streamTypes(sanitation)).toEqual([
      'SpecialDriveLaunched',
      'SpecialDriveItemAttached',
      'SpecialDriveItemDetached',
      'SpecialDriveSummarySubmitted',
      'SpecialDriveSummaryReturned',
      'SpecialDriveSummarySubmitted',
      'SpecialDriveClosed',
    ]);
  });

  it('lets the office amend a running drive, and a new end date moves the summary’s deadline', async () => {
    const launched = await launch('office', { area: 'MARKETS', leadUnitCode: 'SCJG', participatingUnitCodes: ['NMSC'], goals: '市场内外环境整洁有序' });
    expect(launched.errors).toBeUndefined();
    expect(code(await amend('office', { area: 'MARKETS', leadUnitCode: 'SCJG', participatingUnitCodes: ['NMSC'], goals: '市场内外环境整洁有序' }))).toBe('BAD_USER_INPUT');
    expect(code(await amend('scjg.head', { area: 'MARKETS', leadUnitCode: 'SCJG', goals: '改' }))).toBe('FORBIDDEN');
    const amended = await amend('office', { area: 'MARKETS', leadUnitCode: 'SCJG', participatingUnitCodes: ['NMSC', 'WTSQ'], goals: '市场内外环境整洁有序', endDate: today(45) });
    expect(amended.errors).toBeUndefined();
    const d = amended.data!.amendSpecialDrive;
    expect(d.participatingUnits.map((u) => u.code)).toEqual(['NMSC', 'WTSQ']);
    expect(shanghaiDate(new Date(Date.parse((d as unknown as { dueAt: string }).dueAt) - 1).toISOString())).toBe(today(45));
    expect(d.history.at(-1)).toMatchObject({ label: '调整方案', note: '调整：结束日期、参与单位' });
    // The market item attached by hand to 环境卫生 belongs to one drive only.
    expect(d.items.map((i) => i.id)).not.toContain(items.market);
  });

  it('climbs 提醒, 催办 then 督办 while the summary is owed, telling the lead unit’s head, the office and the leading group', async () => {
    const id = specialDriveWorkflowId(CAMPAIGN, 'CITY_APPEARANCE');
    const second = 1 / 3600;
    const input: SpecialDriveInput = {
      campaignId: CAMPAIGN,
      area: 'CITY_APPEARANCE',
      timeZone: 'Asia/Shanghai',
      plan: { leadUnitCode: 'ZHZF', startDate: today(-10), endDate: today(), goals: '店招店牌规范', participatingUnitCodes: [] },
      launchedBy: OFFICE_ACTOR,
      dueAt: new Date(Date.now() + 1_500).toISOString(),
      ladder: { reminderBeforeHours: 0.5 * second, superviseAfterHours: 2 * second },
    };
    await stack.temporal.workflow.start(SPECIAL_DRIVE_WORKFLOW_TYPE, { workflowId: id, taskQueue: stack.config.temporal.taskQueue, args: [input] });
    await waitFor(async () => (await streamTypes(id)).filter((t) => t === 'SpecialDriveEscalated').length >= 3, 30_000, 'the ladder');
    const levels = (await stack.db.selectFrom('events').select('data').where('stream_id', '=', id).where('type', '=', 'SpecialDriveEscalated').orderBy('stream_version').execute()).map((e) => e.data.level);
    expect(levels).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    const told = async (login: string) => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', login).where('title', 'like', '%市容市貌专项整治%').execute()).map((n) => n.title);
    await waitFor(async () => (await told('leader')).length > 0, 10_000, 'the leaders told of 督办');
    expect(await told('zhzf.head')).toEqual(expect.arrayContaining([expect.stringContaining('【提醒】'), expect.stringContaining('【催办】'), expect.stringContaining('【督办】')]));
    expect(await told('zhzf.member')).toEqual([expect.stringContaining('【催办】')]);
    expect(await told('office')).toEqual([expect.stringContaining('【督办】')]);
    expect(await told('wtsq.head')).toEqual([]);
    const view = (await drive('zhzf.head', 'CITY_APPEARANCE'))!;
    expect(view).toMatchObject({ late: true, escalationLabel: '督办', canSubmitSummary: true });
  });

  it('exports the overview and each drive’s items as a workbook for those who see every item', async () => {
    expect(code(await q('wtsq.head', `{ exportSpecialDrives(campaignId: "${CAMPAIGN}") { fileName } }`))).toBe('FORBIDDEN');
    const file = (await must<{ exportSpecialDrives: { fileName: string; contentBase64: string } }>('office', `{ exportSpecialDrives(campaignId: "${CAMPAIGN}") { fileName contentBase64 } }`)).exportSpecialDrives;
    expect(file.fileName).toMatch(/^专项整治-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(file.contentBase64, 'base64')).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['专项整治一览', '市容市貌问题清单', '环境卫生问题清单', '集贸市场问题清单']);
    const overview = workbook.getWorksheet('专项整治一览')!;
    const rows = overview.getSheetValues().slice(4).map((r) => (r as ExcelJS.CellValue[]).slice(1, 4));
    expect(rows).toContainEqual(['环境卫生', '已结束', '街道环卫所']);
    const sheet = workbook.getWorksheet('环境卫生问题清单')!;
    const listed = sheet.getSheetValues().slice(4).map((r) => (r as ExcelJS.CellValue[])[1]);
    expect(listed.sort()).toEqual([items.late, items.fixed, items.market].sort());
    const one = (await must<{ exportSpecialDrives: { contentBase64: string } }>('leader', `{ exportSpecialDrives(campaignId: "${CAMPAIGN}", area: MARKETS) { contentBase64 } }`)).exportSpecialDrives;
    const single = new ExcelJS.Workbook();
    await single.xlsx.load(Uint8Array.from(Buffer.from(one.contentBase64, 'base64')).buffer);
    expect(single.worksheets.map((s) => s.name)).toEqual(['专项整治一览', '集贸市场问题清单']);
  });

  it('rebuilds the drives’ rows from the events alone', async () => {
    const before = await stack.db.selectFrom('special_drives').selectAll().orderBy('drive_id').execute();
    expect(before.length).toBe(3);
    const { SpecialDriveProjection } = await import('../../src/platform/projections/special-drive.projection');
    const { EventStoreRepository } = await import('../../src/platform/event-store/event-store.repository');
    const store = new EventStoreRepository(stack.db, [new SpecialDriveProjection()]);
    await store.rebuildProjections();
    const after = await stack.db.selectFrom('special_drives').selectAll().orderBy('drive_id').execute();
    expect(after).toEqual(before);
  });

  it('seeds the demo’s six drives once, with items in their areas and 集贸市场’s summary awaiting the leading group', async () => {
    const demo = `${CAMPAIGN}-demo`;
    await stack.db.insertInto('campaigns').values({ id: demo, name: '演示', inspection_date: '2027-06-30', time_zone: 'Asia/Shanghai' }).execute();
    expect(await seedDemoSpecialDrives(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai')).toBe(6);
    const drives = async () =>
      (await must<{ specialDrives: { area: string; state: string; leadUnit: { code: string }; progress: { total: number } }[] }>('leader', `{ specialDrives(campaignId: "${demo}") { area state leadUnit { code } progress { total } } }`)).specialDrives;
    await waitFor(async () => (await drives()).length === 6 && (await drives()).reduce((n, d) => n + d.progress.total, 0) === 6 && (await drives()).some((d) => d.state === 'SUMMARY_SUBMITTED'), 30_000, 'the demo drives');
    const seeded = await drives();
    expect(seeded.map((d) => [d.area, d.leadUnit.code, d.state, d.progress.total])).toEqual([
      ['TRAFFIC_ORDER', 'PAB', 'ACTIVE', 1],
      ['CITY_APPEARANCE', 'ZHZF', 'ACTIVE', 1],
      ['PUBLIC_SECURITY', 'PAB', 'ACTIVE', 0],
      ['SANITATION', 'HWS', 'ACTIVE', 2],
      ['MARKETS', 'SCJG', 'SUMMARY_SUBMITTED', 1],
      ['SERVICE_WINDOWS', 'BMFW', 'ACTIVE', 1],
    ]);
    expect(await seedDemoSpecialDrives(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai')).toBe(0);
  });
});
