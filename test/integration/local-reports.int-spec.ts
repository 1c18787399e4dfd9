// 属地上报 (issue 20, 全民共创) on the real stack: the people of a community or village report problems of their own
// area; each becomes a rectification item (source LOCAL_REPORT) with the reporter's own unit as the reporting unit,
// waiting for the office, which sees it marked 属地上报 and dispatches it as usual; a second report of the same place
// and area is linked to it. Refused with no event: a unit that is not a community or village, the office through
// this path, another unit's task, a reporting unit named in the input, reportItem with the LOCAL_REPORT source,
// oversized text and too many photos; a unit reads only its own reports, and the daily limit holds. The export
// (exportLocalReports) gives the same rows as a workbook with counts per community, a unit only its own.
import * as ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { seedDemoLocalReports } from '../../src/demo/demo-local-reports';
import { HEADER_ROW, REPORTS_HEADER, REPORTS_SHEET, UNITS_HEADER, UNITS_SHEET } from '../../src/local-report/local-report.export';
import { rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import { CAMPAIGN, seedReferenceData, seedTask, waitFor } from '../support/fixtures';
import { gql, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const ITEM = `id state source sourceLabel area description location { address } unit { code } reportingUnit { code name kind } reportedBy { displayName }
  photos { name } indicatorTaskId duplicateReports allowedActions`;

interface Item {
  id: string;
  state: string;
  source: string;
  sourceLabel: string;
  description: string;
  unit: { code: string } | null;
  reportingUnit: { code: string; name: string; kind: string } | null;
  reportedBy: { displayName: string } | null;
  photos: { name: string }[];
  indicatorTaskId: string | null;
  duplicateReports: number;
  allowedActions: string[];
}

const JPEG = { fileName: '积水.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]).toString('base64') };
const PROBLEM = { area: 'SANITATION', location: { address: '外滩社区幸福里 3 栋门口' }, description: '楼道口垃圾堆放多日无人清运' };

describe('属地上报 (local reports)', () => {
  let stack: TestStack;
  let wtsqTask: string;
  let bjsqTask: string;
  let first: Item;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'local' });
    await seedReferenceData(stack.db);
    wtsqTask = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A1', 'WTSQ');
    bjsqTask = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A1', 'BJSQ');
  });
  afterAll(async () => stack?.stop());

  const code = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code;
  const report = (login: string, input: Record<string, unknown>) =>
    gql<{ reportLocalProblem: { duplicate: boolean; item: Item } }>(stack.url, login, `mutation($i: LocalProblemInput!) { reportLocalProblem(input: $i) { duplicate item { ${ITEM} } } }`, {
      i: { campaignId: CAMPAIGN, ...PROBLEM, ...input },
    });
  const list = (login: string, args: Record<string, unknown> = {}) =>
    gql<{ localReports: Item[] }>(stack.url, login, `query($u: String, $a: Boolean) { localReports(campaignId: "${CAMPAIGN}", unitCode: $u, awaitingDispatch: $a) { ${ITEM} } }`, args);
  const itemEvents = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from events where stream_id like 'rectification-item:%'`.execute(stack.db)).rows[0].n);

  it('refuses units that are not communities or villages, other roles, other units’ tasks and oversized input, writing no event', async () => {
    expect(code(await report('zhzf.head', {}))).toBe('FORBIDDEN'); // a department
    expect(code(await report('zxxx.member', {}))).toBe('FORBIDDEN'); // a school
    expect(code(await report('office', {}))).toBe('FORBIDDEN');
    expect(code(await report('supervisor', {}))).toBe('FORBIDDEN');
    // Another community's task: it would make the report theirs.
    expect(code(await report('wtsq.member', { indicatorTaskId: bjsqTask }))).toBe('BAD_USER_INPUT');
    expect(code(await report('wtsq.member', { indicatorTaskId: 'x'.repeat(10_000) }))).toBe('BAD_USER_INPUT');
    expect(code(await report('wtsq.member', { description: '脏'.repeat(1001) }))).toBe('BAD_USER_INPUT');
    expect(code(await report('wtsq.member', { description: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await report('wtsq.member', { location: { address: '路'.repeat(201) } }))).toBe('BAD_USER_INPUT');
    expect(code(await report('wtsq.member', { location: { address: '幸福里', latitude: 91, longitude: 0 } }))).toBe('BAD_USER_INPUT');
    expect(code(await report('wtsq.member', { photos: Array.from({ length: 10 }, () => JPEG) }))).toBe('BAD_USER_INPUT');
    // The unit is the reporter's own: the input cannot name one (GraphQL refuses the unknown field).
    expect((await report('wtsq.member', { unitCode: 'BJSQ' })).errors).toBeDefined();
    expect((await report('wtsq.member', { reportingUnitCode: 'BJSQ' })).errors).toBeDefined();
    // Nor can the supervisors' path be used to pass a report off as a community's.
    const viaReportItem = await gql(stack.url, 'supervisor', 'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id } } }', {
      i: { campaignId: CAMPAIGN, source: 'LOCAL_REPORT', ...PROBLEM },
    });
    expect(code(viaReportItem)).toBe('BAD_USER_INPUT');
    expect(await itemEvents()).toBe(0);
  });

  it('makes a community’s report an item of its own area waiting for dispatch, which the office sees marked 属地上报', async () => {
    const res = await report('wtsq.member', { photos: [JPEG], indicatorTaskId: wtsqTask });
    expect(res.errors).toBeUndefined();
    first = res.data!.reportLocalProblem.item;
    expect(res.data!.reportLocalProblem.duplicate).toBe(false);
    expect(first).toMatchObject({
      state: 'REPORTED',
      source: 'LOCAL_REPORT',
      sourceLabel: '属地上报',
      unit: null,
      reportingUnit: { code: 'WTSQ', name: '外滩社区', kind: 'COMMUNITY' },
      photos: [{ name: '积水.jpg' }],
      indicatorTaskId: wtsqTask,
    });
    const events = await stack.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', first.id).orderBy('stream_version').execute();
    expect(events.map((e) => e.type)).toEqual(['ItemReported']);
    expect(events[0].data).toMatchObject({ source: 'LOCAL_REPORT', reportingUnitCode: 'WTSQ' });

    // A village reports too.
    const village = await report('dhc.head', { area: 'CITY_APPEARANCE', location: { address: '东湖村村口' }, description: '村口违规广告牌' });
    expect(village.data!.reportLocalProblem.item.reportingUnit).toMatchObject({ code: 'DHC', kind: 'VILLAGE' });

    const office = await list('office', { a: true });
    expect(office.errors).toBeUndefined();
    expect(office.data!.localReports.map((i) => [i.reportingUnit?.code, i.sourceLabel])).toEqual([
      ['DHC', '属地上报'],
      ['WTSQ', '属地上报'],
    ]);
    // The office dispatches it as any report; the community that reported it may not.
    expect(office.data!.localReports[1].allowedActions).toContain('DISPATCH');
    expect(first.allowedActions).toEqual([]);
  });

  it('lets a community read only its own reports', async () => {
    const own = await list('wtsq.head');
    expect(own.data!.localReports.map((i) => i.reportingUnit?.code)).toEqual(['WTSQ']);
    expect(code(await list('wtsq.head', { u: 'DHC' }))).toBe('FORBIDDEN');
    expect((await list('bjsq.member')).data!.localReports).toEqual([]);
    const read = await gql<{ rectificationItem: Item }>(stack.url, 'wtsq.member', `{ rectificationItem(id: "${first.id}") { id reportingUnit { code } } }`);
    expect(read.data!.rectificationItem.reportingUnit).toEqual({ code: 'WTSQ' });
    expect(code(await gql(stack.url, 'bjsq.member', `{ rectificationItem(id: "${first.id}") { id } }`))).toBe('NOT_FOUND');
  });

  it('links a second report of the same place and area, and is dispatched by the office as usual', async () => {
    const again = await report('wtsq.head', { description: '还是没人清运' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.reportLocalProblem).toMatchObject({ duplicate: true, item: { id: first.id, duplicateReports: 1 } });

    const dispatched = await gql<{ actOnItem: Item }>(stack.url, 'office', `mutation($i: ItemActionInput!) { actOnItem(input: $i) { ${ITEM} } }`, {
      i: { itemId: first.id, action: 'DISPATCH', unitCode: 'HWS', note: '请环卫所三日内清运' },
    });
    expect(dispatched.errors).toBeUndefined();
    expect(dispatched.data!.actOnItem).toMatchObject({ state: 'DISPATCHED', unit: { code: 'HWS' }, reportingUnit: { code: 'WTSQ' }, source: 'LOCAL_REPORT' });
    // The community still follows what it reported; the unit it went to sees it too.
    expect((await list('wtsq.member')).data!.localReports[0]).toMatchObject({ id: first.id, state: 'DISPATCHED' });
    expect((await list('office', { a: true })).data!.localReports.map((i) => i.reportingUnit?.code)).toEqual(['DHC']);
  });

  it('holds a unit to its daily limit of reports', async () => {
    const before = await itemEvents();
    // 30 a day: fill the rest of BJSQ's with distinct places, then one more is refused with no event.
    for (let n = 0; n < 30; n++) {
      const res = await report('bjsq.member', { location: { address: `滨江社区 ${n} 号楼` } });
      expect(res.errors).toBeUndefined();
    }
    const afterThirty = await itemEvents();
    expect(afterThirty).toBeGreaterThan(before);
    const over = await report('bjsq.member', { location: { address: '滨江社区 99 号楼' } });
    expect(code(over)).toBe('BAD_USER_INPUT');
    expect(over.errors![0].message).toContain('上限30条');
    expect(await itemEvents()).toBe(afterThirty);
  }, 120_000);

  it('seeds the demo’s reports once, one of them dispatched', async () => {
    await seedDemoLocalReports(stack.temporal, stack.config.temporal.taskQueue, CAMPAIGN);
    await seedDemoLocalReports(stack.temporal, stack.config.temporal.taskQueue, CAMPAIGN);
    const ids = ['demo-local-1', 'demo-local-2', 'demo-local-3'].map((key) => rectificationItemWorkflowId(CAMPAIGN, key));
    await waitFor(async () => (await stack.db.selectFrom('rectification_item_cards').select('state').where('item_id', 'in', ids).where('version', '>=', 1).execute()).length === 3);
    await waitFor(async () => (await stack.db.selectFrom('rectification_item_cards').select('state').where('item_id', '=', ids[0]).executeTakeFirst())?.state === 'DISPATCHED');
    const demo = (await list('office')).data!.localReports.filter((i) => i.description.includes('演示数据'));
    expect(demo.map((i) => [i.reportingUnit?.code, i.state, i.unit?.code ?? null]).sort()).toEqual([
      ['BJSQ', 'REPORTED', null],
      ['DHC', 'REPORTED', null],
      ['WTSQ', 'DISPATCHED', 'HWS'],
    ]);
  });

  describe('exportLocalReports', () => {
    const HOSTILE = '=HYPERLINK("http://evil.example","点此领奖")';
    let hostileId: string;

    const exported = (login: string, args: Record<string, unknown> = {}) =>
      gql<{ exportLocalReports: { fileName: string; mimeType: string; contentBase64: string } }>(
        stack.url,
        login,
        'query($c: String, $u: String, $a: Boolean) { exportLocalReports(campaignId: $c, unitCode: $u, awaitingDispatch: $a) { fileName mimeType contentBase64 } }',
        { c: CAMPAIGN, ...args },
      );
    const workbook = async (login: string, args: Record<string, unknown> = {}) => {
      const res = await exported(login, args);
      expect(res.errors).toBeUndefined();
      const file = res.data!.exportLocalReports;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      const rows = (name: string) => {
        const out: unknown[][] = [];
        book.getWorksheet(name)!.eachRow((row, n) => {
          if (n > HEADER_ROW) out.push((row.values as unknown[]).slice(1));
        });
        return out;
      };
      return { file, book, reports: rows(REPORTS_SHEET), units: rows(UNITS_SHEET) };
    };
    const col = (name: (typeof REPORTS_HEADER)[number]) => REPORTS_HEADER.indexOf(name);

    beforeAll(async () => {
      const res = await report('wtsq.member', { area: 'CITY_APPEARANCE', location: { address: '外滩社区幸福里 5 栋' }, description: HOSTILE });
      expect(res.errors).toBeUndefined();
      hostileId = res.data!.reportLocalProblem.item.id;
    });

    it('gives the office every report, newest first, and the counts per community or village', async () => {
      const campaign = await stack.db.selectFrom('campaigns').select('name').where('id', '=', CAMPAIGN).executeTakeFirstOrThrow();
      const { file, book, reports, units } = await workbook('office');
      expect(file.fileName).toBe(`属地上报-${campaign.name}.xlsx`);
      expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(book.worksheets.map((s) => s.name)).toEqual([REPORTS_SHEET, UNITS_SHEET]);
      expect((book.getWorksheet(REPORTS_SHEET)!.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual([...REPORTS_HEADER]);
      expect((book.getWorksheet(UNITS_SHEET)!.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual([...UNITS_HEADER]);

      // The same rows as the list, in its order: WTSQ's first (duplicate linked, dispatched) and the hostile one,
      // DHC's, BJSQ's thirty, the demo's three.
      const listed = (await gql<{ localReports: Item[] }>(stack.url, 'office', `{ localReports(campaignId: "${CAMPAIGN}", first: 200) { id } }`)).data!.localReports;
      expect(listed).toHaveLength(36);
      expect(reports.map((r) => r[col('编号')])).toEqual(listed.map((i) => i.id));
      const firstRow = reports.find((r) => r[col('编号')] === first.id)!;
      expect([firstRow[col('上报单位')], firstRow[col('领域')], firstRow[col('状态')], firstRow[col('责任单位')], firstRow[col('重复上报次数')]]).toEqual(['外滩社区', '环境卫生', '派单', '街道环卫所', 1]);
      expect(firstRow[col('上报时间')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      expect(firstRow[col('整改时限')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      const waiting = reports.find((r) => r[col('上报单位')] === '东湖村' && r[col('地点')] === '东湖村村口')!;
      expect([waiting[col('状态')], waiting[col('责任单位')], waiting[col('整改时限')]]).toEqual(['上报', '未派单', undefined]);

      const byUnit = new Map(units.map((r) => [r[0], r.slice(1)]));
      expect(byUnit.get('外滩社区')).toEqual([3, 2, 0, 1]);
      expect(byUnit.get('滨江社区')).toEqual([31, 0, 0, 31]);
      expect(byUnit.get('东湖村')).toEqual([2, 0, 0, 2]);
      expect(units[units.length - 1]).toEqual(['合计', 36, 2, 0, 34]);
      // Communities and villages that reported nothing are listed with zeros; no other kind of unit is.
      const others = units.slice(0, -1).filter((r) => !['外滩社区', '滨江社区', '东湖村'].includes(r[0] as string));
      for (const r of others) expect(r.slice(1)).toEqual([0, 0, 0, 0]);
      expect(units.map((r) => r[0])).not.toContain('街道环卫所');
    });

    it('keeps a description that looks like a formula as text', async () => {
      const { book } = await workbook('office');
      const sheet = book.getWorksheet(REPORTS_SHEET)!;
      let cell: ExcelJS.Cell | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(col('编号') + 1).value === hostileId) cell = row.getCell(col('问题描述') + 1);
      });
      expect(cell?.value).toBe(HOSTILE);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.formula).toBeUndefined();
    });

    it('filters by community and by waiting for dispatch, for the office', async () => {
      const dhc = await workbook('office', { u: 'DHC' });
      expect(dhc.file.fileName).toMatch(/^属地上报-.+-东湖村\.xlsx$/);
      expect(dhc.reports.map((r) => r[col('上报单位')])).toEqual(['东湖村', '东湖村']);
      expect(dhc.units).toEqual([
        ['东湖村', 2, 0, 0, 2],
        ['合计', 2, 0, 0, 2],
      ]);
      const open = await workbook('office', { a: true });
      expect(open.reports).toHaveLength(34);
      expect(new Set(open.reports.map((r) => r[col('状态')]))).toEqual(new Set(['上报']));
      expect(open.units[open.units.length - 1]).toEqual(['合计', 34, 0, 0, 34]);
    });

    it('gives a community only its own rows, whatever it asks', async () => {
      const own = await workbook('wtsq.head');
      expect(own.file.fileName).toMatch(/-外滩社区\.xlsx$/);
      expect(own.reports).toHaveLength(3);
      expect(new Set(own.reports.map((r) => r[col('上报单位')]))).toEqual(new Set(['外滩社区']));
      expect(own.units).toEqual([
        ['外滩社区', 3, 2, 0, 1],
        ['合计', 3, 2, 0, 1],
      ]);
      expect((await workbook('wtsq.member', { u: 'WTSQ' })).reports).toHaveLength(3);
      expect(code(await exported('wtsq.head', { u: 'DHC' }))).toBe('FORBIDDEN');
      // A unit that is not a community or village has reported nothing: an empty workbook.
      const department = await workbook('zhzf.head');
      expect(department.reports).toEqual([]);
      expect(department.units).toEqual([['合计', 0, 0, 0, 0]]);
    });

    it('refuses oversized or unknown arguments with BAD_USER_INPUT or NOT_FOUND', async () => {
      const refused = async (login: string, args: Record<string, unknown>) => {
        const res = await exported(login, args);
        return [code(res), res.errors?.[0]?.message];
      };
      expect(await refused('office', { u: 'X'.repeat(51) })).toEqual(['BAD_USER_INPUT', '社区（村）编码格式不正确']);
      expect(await refused('office', { u: 'HWS' })).toEqual(['BAD_USER_INPUT', '「HWS」不是社区（村）']);
      expect(await refused('office', { u: 'NO-SUCH' })).toEqual(['BAD_USER_INPUT', '「NO-SUCH」不是社区（村）']);
      expect(await refused('office', { c: 'c'.repeat(201) })).toEqual(['BAD_USER_INPUT', '活动编号格式不正确']);
      expect((await refused('office', { c: 'no-such-campaign' }))[0]).toBe('NOT_FOUND');
    });
  });
});
