// Activity records (活动组, issue 20) on the real stack: the office plans activities for organiser units, serving
// catalog indicators (bad, oversized, unknown and foreign input refused with no event; other roles refused); the
// organiser's member records one as held with photos through the upload path (another unit, the leading group, a
// float or negative attendance, a future date, too many photos or a non-image refused, writing no event); the office
// cancels one; the list's filters, the monthly counts and the workbook agree; a held activity is put into the archive
// library as a document tagged to its indicators, once however often it is selected; an activity past its date
// reminds the organiser, then urges the office; the projection rebuilds.
import * as ExcelJS from 'exceljs';
import { startActivity } from '../../src/activity/activity.starter';
import { seedDemoActivities } from '../../src/demo/demo-activities';
import { FileStore } from '../../src/platform/files/file-store';
import { upload } from '../support/archive-fixtures';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type GraphQLResponse, type TestStack } from '../support/test-env';

// A real 1×1 PNG, so the evidence PDF draws it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4 not a photo');

const FIELDS = `id kind kindLabel title organiser { code name } plannedDate place indicators { code name } state stateLabel heldDate attendance
  photos { name mimeType sha256 url } summary cancelReason overdue escalationLabel archiveDocumentId version canRecordHeld canCancel canArchive
  history { type label actorName note }`;

interface Activity {
  id: string;
  kind: string;
  title: string;
  organiser: { code: string; name: string };
  state: string;
  stateLabel: string;
  heldDate: string | null;
  attendance: number | null;
  photos: { name: string; mimeType: string; sha256: string; url: string }[];
  summary: string | null;
  cancelReason: string | null;
  overdue: boolean;
  archiveDocumentId: string | null;
  canRecordHeld: boolean;
  canCancel: boolean;
  canArchive: boolean;
  indicators: { code: string; name: string }[];
  history: { type: string; label: string; actorName: string; note: string }[];
}

describe('activity records', () => {
  let stack: TestStack;
  let lecture: Activity;
  let fair: Activity;
  let exhibition: Activity;

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'activities' });
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
  const activityRows = async () => (await stack.db.selectFrom('activities').select('activity_id').where('campaign_id', '=', CAMPAIGN).execute()).length;
  const plan = (login: string, input: Record<string, unknown> = {}) =>
    q<{ planActivity: Activity }>(login, `mutation($i: PlanActivityInput!) { planActivity(input: $i) { ${FIELDS} } }`, {
      i: { campaignId: CAMPAIGN, kind: 'CIVIC_EDUCATION', title: '文明礼仪进社区讲座', organiserUnitCode: 'WTSQ', plannedDate: '2026-12-03', place: '外滩社区文化活动中心', indicatorCodes: ['A1'], ...input },
    });
  const recordHeld = (login: string, input: Record<string, unknown>) =>
    q<{ recordActivityHeld: Activity }>(login, `mutation($i: RecordActivityHeldInput!) { recordActivityHeld(input: $i) { ${FIELDS} } }`, {
      i: { activityId: lecture.id, heldDate: '2026-12-03', attendance: 86, summary: '讲解文明礼仪知识，发放宣传册 200 份。', ...input },
    });

  it('lets the office plan activities, and refuses bad plans and other roles with nothing written', async () => {
    expect(code(await plan('wtsq.head'))).toBe('FORBIDDEN');
    expect(code(await plan('leader'))).toBe('FORBIDDEN');
    expect(code(await plan('archivist'))).toBe('FORBIDDEN');
    expect(code(await plan('office', { title: '讲'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { title: 'x'.repeat(1_000_000) }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { title: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { place: '地'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { plannedDate: '2026-02-30' }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { plannedDate: '2030-01-01' }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { organiserUnitCode: 'NO-SUCH' }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { organiserUnitCode: 'W'.repeat(100_000) }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { indicatorCodes: [] }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { indicatorCodes: ['ZZ9'] }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { indicatorCodes: ['A1', 'A1'] }))).toBe('BAD_USER_INPUT');
    expect(code(await plan('office', { indicatorCodes: Array.from({ length: 21 }, (_, i) => `A${i}`) }))).toBe('BAD_USER_INPUT');
    expect((await plan('office', { kind: 'PARTY' })).errors).toBeDefined();
    expect(await activityRows()).toBe(0);

    lecture = must_(await plan('office', { indicatorCodes: ['A1', 'A4'] })).planActivity;
    expect(lecture).toMatchObject({ kind: 'CIVIC_EDUCATION', kindLabel: '市民教育', state: 'PLANNED', stateLabel: '计划中', organiser: { code: 'WTSQ' }, canRecordHeld: true, canCancel: true, canArchive: false, overdue: true });
    expect(lecture.indicators.map((i) => i.code)).toEqual(['A1', 'A4']);
    expect(lecture.indicators[0].name).not.toBe('A1');
    fair = must_(await plan('office', { kind: 'VOLUNTEER_SERVICE', title: '志愿服务集市', organiserUnitCode: 'BJSQ', plannedDate: '2026-12-20', place: '滨江公园' })).planActivity;
    exhibition = must_(await plan('office', { kind: 'COLLECTION_EXHIBITION', title: '家风家训征集展', plannedDate: '2027-01-10', place: '街道图书馆' })).planActivity;
    expect(fair.overdue).toBe(false);
    expect((await streamTypes(lecture.id))[0]).toBe('ActivityPlanned');
    // Its date is over by more than two days: the organiser is reminded and the office urged at once.
    await waitFor(async () => (await streamTypes(lecture.id)).filter((t) => t === 'ActivityEscalated').length === 2, 20_000, 'the ladder of an activity past its date');
    expect(await streamTypes(fair.id)).toEqual(['ActivityPlanned']);
  });

  function must_<T>(res: GraphQLResponse<T>): T {
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  it('lets the organiser’s member record it as held with photos, and refuses others and bad input writing no event', async () => {
    const before = await streamTypes(lecture.id);
    const photo = await upload(stack.url, 'wtsq.member', '讲座现场.png', PNG);
    expect(code(await recordHeld('bjsq.member', { photoFileIds: [photo] }))).toBe('FORBIDDEN');
    expect(code(await recordHeld('leader', {}))).toBe('FORBIDDEN');
    expect(code(await recordHeld('supervisor', {}))).toBe('FORBIDDEN');
    expect(code(await recordHeld('wtsq.member', { attendance: -1 }))).toBe('BAD_USER_INPUT');
    expect(code(await recordHeld('wtsq.member', { attendance: 1_000_001 }))).toBe('BAD_USER_INPUT');
    expect((await recordHeld('wtsq.member', { attendance: 8.5 })).errors).toBeDefined();
    expect((await recordHeld('wtsq.member', { attendance: '86' })).errors).toBeDefined();
    expect(code(await recordHeld('wtsq.member', { heldDate: '2099-01-01' }))).toBe('BAD_USER_INPUT');
    expect(code(await recordHeld('wtsq.member', { heldDate: '3 Dec' }))).toBe('BAD_USER_INPUT');
    expect(code(await recordHeld('wtsq.member', { summary: '总'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    expect(code(await recordHeld('wtsq.member', { summary: '' }))).toBe('BAD_USER_INPUT');
    expect(code(await recordHeld('wtsq.member', { photoFileIds: Array.from({ length: 10 }, () => photo) }))).toBe('BAD_USER_INPUT');
    const pdf = await upload(stack.url, 'wtsq.member', '签到表.pdf', PDF);
    expect(code(await recordHeld('wtsq.member', { photoFileIds: [pdf] }))).toBe('BAD_USER_INPUT');
    // Another person's upload is of no use.
    const theirs = await upload(stack.url, 'bjsq.member', '别人的.png', PNG);
    expect(code(await recordHeld('wtsq.member', { photoFileIds: [theirs] }))).toBe('BAD_USER_INPUT');
    expect(code(await recordHeld('wtsq.member', { activityId: 'x'.repeat(1_000) }))).toBe('BAD_USER_INPUT');
    expect(code(await recordHeld('wtsq.member', { activityId: 'activity:no-such' }))).toBe('NOT_FOUND');
    expect(await streamTypes(lecture.id)).toEqual(before);

    lecture = must_(await recordHeld('wtsq.member', { photoFileIds: [photo] })).recordActivityHeld;
    expect(lecture).toMatchObject({ state: 'HELD', stateLabel: '已举办', heldDate: '2026-12-03', attendance: 86, summary: '讲解文明礼仪知识，发放宣传册 200 份。', canRecordHeld: false, overdue: false });
    expect(lecture.photos).toEqual([expect.objectContaining({ name: '讲座现场.png', mimeType: 'image/png' })]);
    const res = await fetch(`${stack.url}${lecture.photos[0].url}`, { headers: { 'x-demo-user': 'bjsq.member' } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    expect((await fetch(`${stack.url}/activities/${encodeURIComponent(lecture.id)}/photos/${'0'.repeat(64)}`, { headers: { 'x-demo-user': 'office' } })).status).toBe(404);
    expect(code(await recordHeld('office', {}))).toBe('ILLEGAL_TRANSITION');
    expect(code(await q('office', `mutation { cancelActivity(id: "${lecture.id}", reason: "太晚了") { id } }`))).toBe('ILLEGAL_TRANSITION');
    // Planned for 12-03, its 举办 owed since the end of that day: more than two days late, both steps were taken.
    expect(lecture.history.map((h) => [h.label, h.note])).toEqual([
      ['制定活动计划', ''],
      ['举办情况催办', '提醒'],
      ['举办情况催办', '催办'],
      ['登记举办', '2026-12-03，参加 86 人'],
    ]);
  });

  it('lets only the office cancel, with a reason', async () => {
    const cancel = (login: string, id: string, reason: string) => q<{ cancelActivity: Activity }>(login, `mutation($id: ID!, $r: String!) { cancelActivity(id: $id, reason: $r) { ${FIELDS} } }`, { id, r: reason });
    expect(code(await cancel('bjsq.head', fair.id, '下雨'))).toBe('FORBIDDEN');
    expect(code(await cancel('office', fair.id, '  '))).toBe('BAD_USER_INPUT');
    expect(code(await cancel('office', fair.id, '因'.repeat(501)))).toBe('BAD_USER_INPUT');
    fair = must_(await cancel('office', fair.id, '公园改造，改期举办')).cancelActivity;
    expect(fair).toMatchObject({ state: 'CANCELLED', cancelReason: '公园改造，改期举办', canCancel: false, canRecordHeld: false });
  });

  it('filters the list, counts per month and kind, and exports a workbook that agrees', async () => {
    const list = async (filter: Record<string, unknown>) => (await must<{ activities: { title: string }[] }>('bjsq.member', 'query($f: ActivityFilter) { activities(filter: $f) { title } }', { f: { campaignId: CAMPAIGN, ...filter } })).activities.map((a) => a.title);
    expect(await list({})).toEqual(['家风家训征集展', '志愿服务集市', '文明礼仪进社区讲座']);
    expect(await list({ month: '2026-12' })).toEqual(['志愿服务集市', '文明礼仪进社区讲座']);
    expect(await list({ kind: 'VOLUNTEER_SERVICE' })).toEqual(['志愿服务集市']);
    expect(await list({ organiserUnitCode: 'WTSQ' })).toEqual(['家风家训征集展', '文明礼仪进社区讲座']);
    expect(await list({ state: 'HELD' })).toEqual(['文明礼仪进社区讲座']);
    expect(code(await q('office', 'query($f: ActivityFilter) { activities(filter: $f) { id } }', { f: { campaignId: CAMPAIGN, month: '2026-13' } }))).toBe('BAD_USER_INPUT');
    expect(code(await q('office', 'query($f: ActivityFilter) { activities(filter: $f) { id } }', { f: { campaignId: CAMPAIGN, organiserUnitCode: 'x'.repeat(10_000) } }))).toBe('BAD_USER_INPUT');

    const counts = await must<{ activityMonthlyCounts: { months: unknown[]; byKind: unknown[] } }>(
      'leader',
      `{ activityMonthlyCounts(campaignId: "${CAMPAIGN}") { months { month kind planned held cancelled attendance } byKind { month kind kindLabel planned held cancelled attendance } } }`,
    );
    expect(counts.activityMonthlyCounts.months).toEqual([
      { month: '2026-12', kind: null, planned: 0, held: 1, cancelled: 1, attendance: 86 },
      { month: '2027-01', kind: null, planned: 1, held: 0, cancelled: 0, attendance: 0 },
    ]);
    expect(counts.activityMonthlyCounts.byKind).toEqual([
      { month: '2026-12', kind: 'CIVIC_EDUCATION', kindLabel: '市民教育', planned: 0, held: 1, cancelled: 0, attendance: 86 },
      { month: '2026-12', kind: 'VOLUNTEER_SERVICE', kindLabel: '志愿服务', planned: 0, held: 0, cancelled: 1, attendance: 0 },
      { month: '2027-01', kind: 'COLLECTION_EXHIBITION', kindLabel: '征集展出', planned: 1, held: 0, cancelled: 0, attendance: 0 },
    ]);

    const file = await must<{ exportActivities: { fileName: string; contentBase64: string } }>('office', 'query($f: ActivityFilter) { exportActivities(filter: $f) { fileName contentBase64 } }', { f: { campaignId: CAMPAIGN, month: '2026-12' } });
    expect(file.exportActivities.fileName).toBe('活动记录-2026-12.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(Buffer.from(file.exportActivities.contentBase64, 'base64')).buffer);
    const rows = wb.getWorksheet('活动记录')!.getSheetValues().slice(3).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[6], r[8], r[9]])).toEqual([
      ['2026-12-20', '志愿服务', '志愿服务集市', '滨江社区', '已取消', undefined, 0],
      ['2026-12-03', '市民教育', '文明礼仪进社区讲座', '外滩社区', '已举办', 86, 1],
    ]);
    const monthly = wb.getWorksheet('按月统计')!.getSheetValues().slice(3).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(monthly).toEqual([
      ['2026-12', '合计', 0, 1, 1, 2, 86],
      ['2027-01', '合计', 1, 0, 0, 1, 0],
    ]);
  });

  it('puts a held activity into the archive library as a document tagged to its indicators, once', async () => {
    const archive = (login: string, id: string) => q<{ archiveActivityEvidence: { id: string; title: string; kind: string; state: string; source: string; fileName: string; tags: { kind: string; code: string }[] } }>(login, `mutation { archiveActivityEvidence(id: "${id}") { id title kind state source fileName tags { kind code } } }`);
    expect(code(await archive('wtsq.member', lecture.id))).toBe('FORBIDDEN');
    expect(code(await archive('leader', lecture.id))).toBe('FORBIDDEN');
    expect(code(await archive('office', exhibition.id))).toBe('ILLEGAL_TRANSITION');
    expect(code(await archive('office', fair.id))).toBe('ILLEGAL_TRANSITION');
    expect(await stack.db.selectFrom('archive_documents').select('document_id').where('source', 'like', 'activity:%').execute()).toEqual([]);

    const doc = must_(await archive('archivist', lecture.id)).archiveActivityEvidence;
    expect(doc).toMatchObject({ title: '活动照片及总结：文明礼仪进社区讲座', kind: 'PHOTO', state: 'ACCEPTED', source: `activity:${lecture.id}`, fileName: '活动记录-文明礼仪进社区讲座.pdf' });
    expect(doc.tags).toEqual([
      { kind: 'INDICATOR', code: 'A1' },
      { kind: 'INDICATOR', code: 'A4' },
    ]);
    expect(must_(await archive('office', lecture.id)).archiveActivityEvidence.id).toBe(doc.id);
    // In the library as the archivists list it, with its tags, and its file a PDF.
    const library = await must<{ archiveDocuments: { id: string; tags: { code: string }[]; downloadUrl: string }[] }>('archivist', `{ archiveDocuments(campaignId: "${CAMPAIGN}") { id tags { code } downloadUrl } }`);
    const listed = library.archiveDocuments.filter((d) => d.id === doc.id);
    expect(listed).toHaveLength(1);
    expect(listed[0].tags.map((t) => t.code)).toEqual(['A1', 'A4']);
    const pdf = Buffer.from(await (await fetch(`${stack.url}${listed[0].downloadUrl}`, { headers: { 'x-demo-user': 'archivist' } })).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const view = await must<{ activity: Activity }>('office', `{ activity(id: "${lecture.id}") { archiveDocumentId canArchive } }`);
    expect(view.activity).toEqual({ archiveDocumentId: doc.id, canArchive: true });
  });

  it('reminds the organiser once the date has passed unrecorded, then urges the office', async () => {
    const oneSecond = 1 / 3600;
    const id = await startActivity(stack.temporal, stack.config.temporal.taskQueue, 'ladder', {
      campaignId: CAMPAIGN,
      kind: 'COUNTRYSIDE_OUTREACH',
      title: '催办测试下乡',
      organiserUnitCode: 'BJSQ',
      plannedDate: '2026-12-01',
      place: '滨江村',
      indicatorCodes: ['A1'],
      dueAt: new Date(Date.now() + 500).toISOString(),
      plannedBy: OFFICE_ACTOR,
      ladder: { reminderAfterHours: 0, urgeAfterHours: oneSecond },
    });
    await waitFor(async () => (await streamTypes(id)).filter((t) => t === 'ActivityEscalated').length >= 2, 30_000, 'the ladder');
    const told = async (login: string) => (await stack.db.selectFrom('notifications').select('title').where('recipient_login', '=', login).where('title', 'like', '%催办测试下乡%').execute()).map((n) => n.title);
    await waitFor(async () => (await told('office')).length > 0, 10_000, 'the office told of 催办');
    expect(await told('bjsq.member')).toEqual([expect.stringContaining('【提醒】')]);
    expect(await told('bjsq.head')).toEqual(expect.arrayContaining([expect.stringContaining('【提醒】'), expect.stringContaining('【催办】')]));
    expect(await told('office')).toEqual([expect.stringContaining('【催办】')]);
    expect(await told('wtsq.member')).toEqual([]);
    const view = await must<{ activity: Activity }>('office', `{ activity(id: "${id}") { escalationLabel overdue } }`);
    expect(view.activity).toEqual({ escalationLabel: '催办', overdue: true });
  });

  it('rebuilds the activities’ rows from the events alone', async () => {
    const before = await stack.db.selectFrom('activities').selectAll().orderBy('activity_id').execute();
    const { ActivityProjection } = await import('../../src/platform/projections/activity.projection');
    const { EventStoreRepository } = await import('../../src/platform/event-store/event-store.repository');
    await new EventStoreRepository(stack.db, [new ActivityProjection()]).rebuildProjections();
    expect(await stack.db.selectFrom('activities').selectAll().orderBy('activity_id').execute()).toEqual(before);
  });

  it('seeds the demo’s activities — held with photos, cancelled, overdue, ahead — once', async () => {
    const demo = `${CAMPAIGN}-demo`;
    await stack.db.insertInto('campaigns').values({ id: demo, name: '演示', inspection_date: '2027-06-30', time_zone: 'Asia/Shanghai' }).execute();
    const files = new FileStore(stack.config.files.dir, stack.config.files.maxBytes);
    expect(await seedDemoActivities(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai', files)).toBe(5);
    const states = async () => (await stack.db.selectFrom('activities').select(['title', 'state', 'escalation_level']).where('campaign_id', '=', demo).orderBy('planned_date').execute()).map((r) => [r.title, r.state, r.escalation_level]);
    await waitFor(async () => (await states()).filter(([, s]) => s !== 'PLANNED').length === 3 && (await states()).some(([, , level]) => level === 'URGE'), 20_000, 'the demo activities');
    const list = await must<{ activities: Activity[] }>('office', `{ activities(filter: { campaignId: "${demo}" }) { ${FIELDS} } }`);
    const byTitle = new Map(list.activities.map((a) => [a.title, a]));
    expect(byTitle.get('文明礼仪进社区讲座')).toMatchObject({ state: 'HELD', attendance: 86, photos: [expect.objectContaining({ mimeType: 'image/png' })] });
    expect(byTitle.get('家风家训征集展')).toMatchObject({ state: 'CANCELLED' });
    expect(byTitle.get('文化科技卫生“三下乡”')).toMatchObject({ state: 'PLANNED', overdue: true, escalationLabel: '催办' });
    expect(byTitle.get('垃圾分类知识进小区')).toMatchObject({ state: 'PLANNED', overdue: false, escalationLabel: null });
    const photo = byTitle.get('学雷锋志愿服务集市')!.photos[0];
    const res = await fetch(`${stack.url}${photo.url}`, { headers: { 'x-demo-user': 'leader' } });
    expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect(await seedDemoActivities(stack.temporal, stack.config.temporal.taskQueue, demo, 'Asia/Shanghai', files)).toBe(0);
  });
});
