// 属地上报 (issue 20, 全民共创) on the real stack: the people of a community or village report problems of their own
// area; each becomes a rectification item (source LOCAL_REPORT) with the reporter's own unit as the reporting unit,
// waiting for the office, which sees it marked 属地上报 and dispatches it as usual; a second report of the same place
// and area is linked to it. Refused with no event: a unit that is not a community or village, the office through
// this path, another unit's task, a reporting unit named in the input, reportItem with the LOCAL_REPORT source,
// oversized text and too many photos; a unit reads only its own reports, and the daily limit holds.
import { sql } from 'kysely';
import { seedDemoLocalReports } from '../../src/demo/demo-local-reports';
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
});
