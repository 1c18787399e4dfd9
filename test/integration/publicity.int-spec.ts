// The 宣传组's publicity ledger (issue 20, plan 四(四), 六(四)) on the real stack: the office records carriers and
// actions by channel with a community or village, count, photos, date and the 指标 they serve as evidence for; hostile
// input (oversized text, count 0 / negative / float / huge, unknown indicator, a unit that is no community, a future
// or impossible date, too many photos, a file that is no image, other roles) is refused with no event; entries are
// corrected and voided with a reason (events, never deletes); everyone signed in reads the ledger, filtered, with its
// counts per community, channel and month; the workbook has 台账, 按社区 and 按渠道; a photo is filed in the archive
// library as 活动照片 tagged to the entry's indicators, through the library's own registration.
import * as ExcelJS from 'exceljs';
import { CHANNEL_SHEET, COMMUNITY_SHEET, ENTRIES_SHEET, HEADER_ROW } from '../../src/publicity/publicity.export';
import { seedDemoPublicity } from '../../src/demo/demo-publicity';
import { FileStore } from '../../src/platform/files/file-store';
import { startPublicityLedger } from '../../src/publicity/publicity.starter';
import { publicityLedgerWorkflowId } from '../../workflows/publicity/publicity.messages';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type GraphQLResponse, type TestStack } from '../support/test-env';

const LEDGER = publicityLedgerWorkflowId(CAMPAIGN);
const png = (n: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, n]);
const ENTRY_FIELDS = 'id channel channelLabel location unit { code name } count heldOn month indicatorCodes photos { sha256 name size url archived } note voided voidReason corrections lastReason recordedByName';
const COUNT_FIELDS = 'key label entries count';

interface Entry {
  id: string;
  channel: string;
  channelLabel: string;
  location: string;
  unit: { code: string; name: string };
  count: number;
  heldOn: string;
  month: string;
  indicatorCodes: string[];
  photos: { sha256: string; name: string; size: number; url: string; archived: boolean }[];
  note: string;
  voided: boolean;
  voidReason: string | null;
  corrections: number;
  lastReason: string | null;
  recordedByName: string;
}
interface Count {
  key: string;
  label: string;
  entries: number;
  count: number;
}
interface Ledger {
  entries: Entry[];
  totalEntries: number;
  totalCount: number;
  byCommunity: Count[];
  byChannel: Count[];
  byMonth: Count[];
  communities: { code: string }[];
  canManage: boolean;
}

describe('the publicity ledger', () => {
  let stack: TestStack;
  const ids: { banner?: string; screen?: string; sms?: string } = {};

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'publicity' });
    await startPublicityLedger(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, openedBy: OFFICE_ACTOR });
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
  const ledger = async (login: string, filter: Record<string, unknown> = {}) =>
    (
      await must<{ publicityLedger: Ledger }>(
        login,
        `query($c: String, $f: PublicityFilter) { publicityLedger(campaignId: $c, filter: $f) { totalEntries totalCount canManage communities { code } byCommunity { ${COUNT_FIELDS} } byChannel { ${COUNT_FIELDS} } byMonth { ${COUNT_FIELDS} } entries { ${ENTRY_FIELDS} } } }`,
        { c: CAMPAIGN, f: filter },
      )
    ).publicityLedger;
  const record = (login: string, input: Record<string, unknown>) =>
    q<{ recordPublicityEntry: Entry }>(login, `mutation($i: RecordPublicityEntryInput!) { recordPublicityEntry(input: $i) { ${ENTRY_FIELDS} } }`, {
      i: { campaignId: CAMPAIGN, channel: 'BANNER', location: '中山东一路沿线', unitCode: 'WTSQ', count: 12, heldOn: '2026-11-03', indicatorCodes: ['A1'], ...input },
    });
  const correct = (login: string, input: Record<string, unknown>) => q<{ correctPublicityEntry: Entry }>(login, `mutation($i: CorrectPublicityEntryInput!) { correctPublicityEntry(input: $i) { ${ENTRY_FIELDS} } }`, { i: input });
  const voidEntry = (login: string, id: string, reason: string) => q<{ voidPublicityEntry: Entry }>(login, `mutation($id: ID!, $r: String!) { voidPublicityEntry(id: $id, reason: $r) { ${ENTRY_FIELDS} } }`, { id, r: reason });
  async function upload(login: string, name: string, body: Buffer): Promise<string> {
    const res = await fetch(`${stack.url}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-demo-user': login }, body: new Uint8Array(body) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('refuses hostile input and other roles, recording nothing', async () => {
    await waitFor(async () => (await eventCount()) === 1, 15_000, 'the ledger opened');
    const refused: [Record<string, unknown>, string][] = [
      [{ location: '长'.repeat(101) }, 'location'],
      [{ location: '   ' }, 'location'],
      [{ location: '第一行\n第二行' }, 'location'],
      [{ note: 'x'.repeat(501) }, 'note'],
      [{ count: 0 }, 'count'],
      [{ count: -3 }, 'count'],
      [{ count: 1_000_001 }, 'count'],
      [{ indicatorCodes: ['ZZ99'] }, 'indicatorCodes'],
      [{ indicatorCodes: ['A1', 'A1'] }, 'indicatorCodes'],
      [{ indicatorCodes: ['x'.repeat(41)] }, 'indicatorCodes'],
      [{ indicatorCodes: Array.from({ length: 11 }, (_, i) => `A${i}`) }, 'indicatorCodes'],
      [{ unitCode: 'XCB' }, 'unitCode'],
      [{ unitCode: 'NOPE' }, 'unitCode'],
      [{ unitCode: 'W'.repeat(10_000) }, 'unitCode'],
      [{ heldOn: '2026-02-30' }, 'heldOn'],
      [{ heldOn: '2999-01-01' }, 'heldOn'],
      [{ heldOn: '1999-12-31' }, 'heldOn'],
      [{ photoFileIds: Array.from({ length: 10 }, () => '00000000-0000-4000-8000-000000000000') }, 'photoFileIds'],
    ];
    for (const [input, field] of refused) {
      const res = await record('office', input);
      expect([JSON.stringify(input).slice(0, 60), code(res), res.errors?.[0]?.extensions?.field]).toEqual([JSON.stringify(input).slice(0, 60), 'BAD_USER_INPUT', field]);
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // NUL characters (which PostgreSQL keeps in no text) are refused before anything is looked up.
    for (const input of [{ note: '空\u0000字符' }, { indicatorCodes: ['A\u00001'] }, { unitCode: 'WT\u0000SQ' }]) expect(code(await record('office', input))).toBe('BAD_USER_INPUT');
    // Floats and strings are no Int: GraphQL refuses them before the service.
    for (const count of [1.5, '3']) expect((await record('office', { count })).errors).toBeDefined();
    expect((await record('office', { channel: 'POSTER' })).errors).toBeDefined();
    // A file that is no image is not a photo.
    const pdf = await upload('office', '方案.pdf', Buffer.from('%PDF-1.4 test'));
    expect(code(await record('office', { photoFileIds: [pdf] }))).toBe('BAD_USER_INPUT');
    // Someone else's upload is not found.
    const theirs = await upload('wtsq.head', '横幅.png', png(1));
    expect(code(await record('office', { photoFileIds: [theirs] }))).toBe('BAD_USER_INPUT');
    for (const login of ['wtsq.head', 'wtsq.member', 'leader', 'supervisor', 'archivist']) expect(code(await record(login, {}))).toBe('FORBIDDEN');
    expect(await eventCount()).toBe(1);
  });

  it('records entries with photos and indicators, and everyone reads them with their counts', async () => {
    const photo1 = await upload('office', '中山东一路横幅.png', png(1));
    const photo2 = await upload('office', '横幅近景.png', png(2));
    const banner = (await record('office', { photoFileIds: [photo1, photo2], indicatorCodes: ['A1', 'A2'], note: '核心价值观主题' })).data!.recordPublicityEntry;
    expect(banner).toMatchObject({ channel: 'BANNER', channelLabel: '横幅', unit: { code: 'WTSQ', name: '外滩社区' }, count: 12, month: '2026-11', indicatorCodes: ['A1', 'A2'], voided: false, corrections: 0, recordedByName: '张霞（创建办主任）' });
    expect(banner.photos.map((p) => [p.name, p.archived])).toEqual([
      ['中山东一路横幅.png', false],
      ['横幅近景.png', false],
    ]);
    const screen = (await record('office', { channel: 'ELECTRONIC_SCREEN', location: '滨江大道电子屏', unitCode: 'BJSQ', count: 3, heldOn: '2026-10-15', indicatorCodes: ['A2'] })).data!.recordPublicityEntry;
    const sms = (await record('office', { channel: 'SMS', location: '全村', unitCode: 'DHC', count: 850, heldOn: '2026-11-20', indicatorCodes: [] })).data!.recordPublicityEntry;
    Object.assign(ids, { banner: banner.id, screen: screen.id, sms: sms.id });
    expect(await eventCount()).toBe(4);

    // The photo is downloadable by anyone signed in.
    const res = await fetch(`${stack.url}${banner.photos[0].url}`, { headers: { 'x-demo-user': 'dhc.member' } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png(1))).toBe(true);

    for (const login of ['leader', 'supervisor', 'archivist', 'wtsq.member', 'dhc.head', 'zxxx.member']) {
      const view = await ledger(login);
      expect(view.entries.map((e) => e.id)).toEqual([sms.id, banner.id, screen.id]);
      expect(view.canManage).toBe(false);
    }
    const all = await ledger('office');
    expect(all).toMatchObject({ totalEntries: 3, totalCount: 865, canManage: true });
    expect(all.communities.map((c) => c.code).sort()).toEqual(['BJSQ', 'DHC', 'WTSQ']);
    expect(all.byCommunity).toEqual([
      { key: 'BJSQ', label: '滨江社区', entries: 1, count: 3 },
      { key: 'DHC', label: '东湖村', entries: 1, count: 850 },
      { key: 'WTSQ', label: '外滩社区', entries: 1, count: 12 },
    ]);
    expect(all.byChannel.map((c) => [c.label, c.count])).toEqual([
      ['横幅', 12],
      ['电子屏', 3],
      ['短信', 850],
    ]);
    expect(all.byMonth).toEqual([
      { key: '2026-10', label: '2026年10月', entries: 1, count: 3 },
      { key: '2026-11', label: '2026年11月', entries: 2, count: 862 },
    ]);

    // Filters: community, channel, month, indicator.
    expect((await ledger('wtsq.member', { unitCode: 'WTSQ' })).entries.map((e) => e.id)).toEqual([banner.id]);
    expect((await ledger('leader', { channel: 'SMS' })).totalCount).toBe(850);
    expect((await ledger('leader', { month: '2026-11' })).entries.map((e) => e.id)).toEqual([sms.id, banner.id]);
    expect((await ledger('leader', { indicatorCode: 'A2' })).entries.map((e) => e.id)).toEqual([banner.id, screen.id]);
    expect((await ledger('leader', { indicatorCode: 'A2', unitCode: 'BJSQ' })).byCommunity).toEqual([{ key: 'BJSQ', label: '滨江社区', entries: 1, count: 3 }]);
    expect(code(await q('leader', 'query { publicityLedger(filter: { month: "2026-13" }) { totalCount } }'))).toBe('BAD_USER_INPUT');
    for (const u of ['x'.repeat(51), 'WT\u0000SQ']) expect(code(await q('leader', `query($u: String) { publicityLedger(filter: { unitCode: $u }) { totalCount } }`, { u }))).toBe('BAD_USER_INPUT');
    expect(code(await q('office', `mutation($i: ID!) { voidPublicityEntry(id: $i, reason: "x") { id } }`, { i: 'a\u0000b' }))).toBe('BAD_USER_INPUT');
  });

  it('corrects an entry with a reason, keeping or dropping photos, refusing the same hostile input', async () => {
    const before = await eventCount();
    const base = { id: ids.banner, channel: 'BANNER', location: '中山东一路沿线', unitCode: 'WTSQ', count: 14, heldOn: '2026-11-03', indicatorCodes: ['A1', 'A2'], reason: '现场复核后数量为 14 条' };
    expect(code(await correct('wtsq.head', base))).toBe('FORBIDDEN');
    expect(code(await correct('office', { ...base, reason: ' ' }))).toBe('BAD_USER_INPUT');
    expect(code(await correct('office', { ...base, reason: 'x'.repeat(501) }))).toBe('BAD_USER_INPUT');
    expect(code(await correct('office', { ...base, count: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(await correct('office', { ...base, indicatorCodes: ['NOPE'] }))).toBe('BAD_USER_INPUT');
    expect(code(await correct('office', { ...base, keepPhotos: ['0'.repeat(64)] }))).toBe('BAD_USER_INPUT');
    expect(code(await correct('office', { ...base, id: 'publicity-nope' }))).toBe('NOT_FOUND');
    expect(await eventCount()).toBe(before);

    const entry = (await ledger('office')).entries.find((e) => e.id === ids.banner)!;
    const corrected = (await correct('office', { ...base, keepPhotos: [entry.photos[0].sha256] })).data!.correctPublicityEntry;
    expect(corrected).toMatchObject({ count: 14, corrections: 1, lastReason: '现场复核后数量为 14 条' });
    expect(corrected.photos.map((p) => p.name)).toEqual(['中山东一路横幅.png']);
    expect((await ledger('office')).totalCount).toBe(867);
    expect(await eventCount()).toBe(before + 1);
  });

  it('voids an entry with a reason: kept in the ledger, left out of the counts, not corrected again', async () => {
    expect(code(await voidEntry('leader', ids.sms!, '重复登记'))).toBe('FORBIDDEN');
    expect(code(await voidEntry('office', ids.sms!, ''))).toBe('BAD_USER_INPUT');
    const voided = (await voidEntry('office', ids.sms!, '与 11 月 18 日的记录重复')).data!.voidPublicityEntry;
    expect(voided).toMatchObject({ voided: true, voidReason: '与 11 月 18 日的记录重复' });
    expect(code(await voidEntry('office', ids.sms!, '再次作废'))).toBe('ILLEGAL_TRANSITION');
    expect(code(await correct('office', { id: ids.sms, channel: 'SMS', location: '全村', unitCode: 'DHC', count: 1, heldOn: '2026-11-20', reason: '改' }))).toBe('ILLEGAL_TRANSITION');
    const view = await ledger('office');
    expect(view.entries.map((e) => e.id)).toContain(ids.sms);
    expect(view).toMatchObject({ totalEntries: 2, totalCount: 17 });
    expect(view.byCommunity.map((c) => c.key)).toEqual(['BJSQ', 'WTSQ']);
    const types = (await stack.db.selectFrom('events').select('type').where('stream_id', '=', LEDGER).orderBy('stream_version').execute()).map((e) => e.type);
    expect(types).toEqual(['PublicityLedgerOpened', 'PublicityEntryRecorded', 'PublicityEntryRecorded', 'PublicityEntryRecorded', 'PublicityEntryCorrected', 'PublicityEntryVoided']);
  });

  it('files a photo in the archive library as 活动照片 tagged to the entry’s indicators', async () => {
    const entry = (await ledger('office')).entries.find((e) => e.id === ids.banner)!;
    const sha = entry.photos[0].sha256;
    const archive = (login: string, entryId: string, sha256: string) =>
      q<{ archivePublicityPhoto: { id: string; kind: string; kindLabel: string; state: string; title: string; source: string; tags: { kind: string; code: string }[] } }>(
        login,
        'mutation($e: ID!, $s: String!) { archivePublicityPhoto(entryId: $e, sha256: $s) { id kind kindLabel state title source tags { kind code } } }',
        { e: entryId, s: sha256 },
      );
    expect(code(await archive('wtsq.head', entry.id, sha))).toBe('FORBIDDEN');
    expect(code(await archive('office', entry.id, 'f'.repeat(64)))).toBe('NOT_FOUND');
    expect(code(await archive('office', ids.sms!, sha))).toBe('ILLEGAL_TRANSITION');
    const doc = (await archive('office', entry.id, sha)).data!.archivePublicityPhoto;
    expect(doc).toMatchObject({ kind: 'PHOTO', kindLabel: '活动照片', state: 'ACCEPTED', title: '横幅：外滩社区中山东一路沿线（2026-11-03）', source: `publicity:${entry.id}:${sha}` });
    expect(doc.tags).toEqual([
      { kind: 'INDICATOR', code: 'A1' },
      { kind: 'INDICATOR', code: 'A2' },
    ]);
    // Filing it again answers the same document.
    expect((await archive('office', entry.id, sha)).data!.archivePublicityPhoto.id).toBe(doc.id);
    const library = (await must<{ archiveDocuments: { id: string; kind: string; tags: { code: string }[] }[] }>('archivist', `query($c: String) { archiveDocuments(campaignId: $c) { id kind tags { code } } }`, { c: CAMPAIGN })).archiveDocuments;
    expect(library.filter((d) => d.id === doc.id)).toEqual([{ id: doc.id, kind: 'PHOTO', tags: [{ code: 'A1' }, { code: 'A2' }] }]);
    expect((await ledger('office')).entries.find((e) => e.id === ids.banner)!.photos[0].archived).toBe(true);
  });

  it('exports 台账, 按社区 and 按渠道 as a workbook, filters applied', async () => {
    const exported = async (login: string, filter: Record<string, unknown> = {}) =>
      (await must<{ exportPublicityLedger: { fileName: string; contentBase64: string } }>(login, 'query($c: String, $f: PublicityFilter) { exportPublicityLedger(format: XLSX, campaignId: $c, filter: $f) { fileName contentBase64 } }', { c: CAMPAIGN, f: filter }))
        .exportPublicityLedger;
    expect(code(await q('office', `query { exportPublicityLedger(format: CSV, campaignId: "${CAMPAIGN}") { fileName } }`))).toBe('BAD_USER_INPUT');
    const file = await exported('wtsq.member');
    expect(file.fileName).toBe(`宣传台账-${CAMPAIGN}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([ENTRIES_SHEET, COMMUNITY_SHEET, CHANNEL_SHEET]);
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const out: unknown[][] = [];
      sheet.eachRow((row, n) => {
        if (n > HEADER_ROW) out.push((row.values as unknown[]).slice(1));
      });
      return out;
    };
    expect(rows(ENTRIES_SHEET).map((r) => [r[0], r[1], r[2], r[4], r[8]])).toEqual([
      ['2026-11-20', '短信', '东湖村', 850, '已作废'],
      ['2026-11-03', '横幅', '外滩社区', 14, '有效'],
      ['2026-10-15', '电子屏', '滨江社区', 3, '有效'],
    ]);
    expect(rows(COMMUNITY_SHEET)).toEqual([
      ['滨江社区', 1, 3],
      ['外滩社区', 1, 14],
      ['合计', 2, 17],
    ]);
    expect(rows(CHANNEL_SHEET)).toEqual([
      ['横幅', 1, 14],
      ['电子屏', 1, 3],
      ['合计', 2, 17],
    ]);
    const wtsq = new ExcelJS.Workbook();
    await wtsq.xlsx.load(Buffer.from((await exported('office', { unitCode: 'WTSQ' })).contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wtsq.getWorksheet(ENTRIES_SHEET)!.rowCount).toBe(HEADER_ROW + 1);
  });

  it('seeds the demo: a dozen entries across channels and communities, one corrected, one voided; seeding again adds nothing', async () => {
    const demo = `${CAMPAIGN}-demo`;
    const files = new FileStore(stack.config.files.dir, stack.config.files.maxBytes);
    const queue = stack.config.temporal.taskQueue;
    expect(await seedDemoPublicity(stack.temporal, queue, demo, 'Asia/Shanghai', files)).toBe(14);
    await waitFor(async () => (await stack.db.selectFrom('publicity_ledgers').select('version').where('campaign_id', '=', demo).executeTakeFirst())?.version === 15, 20_000, 'the demo ledger');
    const rows = await stack.db.selectFrom('publicity_entries').select(['channel', 'unit_code', 'voided', 'corrections', 'photos']).where('campaign_id', '=', demo).execute();
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.channel)).size).toBe(7);
    expect(new Set(rows.map((r) => r.unit_code))).toEqual(new Set(['WTSQ', 'BJSQ', 'DHC']));
    expect(rows.filter((r) => r.voided)).toHaveLength(1);
    expect(rows.filter((r) => r.corrections > 0)).toHaveLength(1);
    expect(rows.filter((r) => r.photos.length > 0)).toHaveLength(3);
    expect(await seedDemoPublicity(stack.temporal, queue, demo, 'Asia/Shanghai', files)).toBe(0);
  });

  it('rebuilds the ledger’s tables from the events to exactly the live rows', async () => {
    const { createEventStore } = await import('../../src/platform/runtime/worker-runner');
    const snapshot = async () => ({
      ledgers: await stack.db.selectFrom('publicity_ledgers').selectAll().orderBy('ledger_id').execute(),
      entries: await stack.db.selectFrom('publicity_entries').selectAll().orderBy('entry_id').execute(),
    });
    const before = await snapshot();
    expect(before.entries.length).toBeGreaterThan(12);
    await stack.db.deleteFrom('publicity_entries').execute();
    await createEventStore(stack.db).rebuildProjections();
    expect(await snapshot()).toEqual(before);
  });
});
