// Briefings and circulars (issue 19) on the real stack: the office drafts (with an attachment and a pre-filled
// draft), a leader returns and then approves, the office publishes with the next number of its kind and year; ten
// briefings published at once take ten consecutive numbers with no gap and no duplicate; a published briefing is
// read-only (every edit refused with ILLEGAL_TRANSITION, no event); a named unit's head acknowledges a circular
// while another unit's head is refused with no event; units see published ones only; .docx and PDF download with
// the Chinese title; hostile input (oversized, injected, wrong unit, wrong state) is refused with nothing written.
import * as http from 'node:http';
import PizZip from 'pizzip';
import { seedDemoBriefings } from '../../src/demo/demo-briefings';
import { createEventStore } from '../../src/platform/runtime/worker-runner';
import { shanghaiDate } from '../../workflows/shared/time';
import { CAMPAIGN, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const YEAR = Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
const FIELDS =
  'id kind state stateLabel title number version returnReason approvalNote ackDueAt pdfFileId docxUrl pdfUrl canEdit canSubmit canApprove canPublish canAcknowledge sections { heading body } attachments { fileId name downloadUrl } namedUnits { unit { code name } acknowledged acknowledgedByName } history { type label actorName note }';

interface Briefing {
  id: string;
  kind: string;
  state: string;
  stateLabel: string;
  title: string;
  number: string | null;
  version: number;
  returnReason: string | null;
  approvalNote: string | null;
  ackDueAt: string | null;
  pdfFileId: string | null;
  docxUrl: string;
  pdfUrl: string;
  canEdit: boolean;
  canSubmit: boolean;
  canApprove: boolean;
  canPublish: boolean;
  canAcknowledge: boolean;
  sections: { heading: string; body: string }[];
  attachments: { fileId: string; name: string; downloadUrl: string }[];
  namedUnits: { unit: { code: string; name: string }; acknowledged: boolean; acknowledgedByName: string | null }[];
  history: { type: string; label: string; actorName: string; note: string | null }[];
}

const draft = (extra: Record<string, unknown> = {}) => ({
  title: '关于近期创文督查情况的通报',
  sections: [
    { heading: '一、总体情况', body: '本周督查点位 42 个，发现问题 17 个，已整改 12 个。' },
    { heading: '二、存在问题', body: '部分小区垃圾分类不到位。' },
  ],
  ...extra,
});

describe('briefings and circulars', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'briefings' });
  });
  afterAll(async () => stack?.stop());

  async function must<T = Record<string, unknown>>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  async function refused(login: string, query: string, variables: Record<string, unknown> = {}): Promise<{ code: string; message: string; field?: string }> {
    const res = await gql(stack.url, login, query, variables);
    expect(res.errors?.length).toBeGreaterThan(0);
    const e = res.errors![0] as { message: string; extensions?: { code?: string; field?: string } };
    return { code: e.extensions?.code ?? '', message: e.message, field: e.extensions?.field };
  }
  const eventCount = async (id: string) => Number((await stack.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('stream_id', '=', id).executeTakeFirstOrThrow()).n);
  const download = (login: string, url: string) => fetch(`${stack.url}${url}`, { headers: { 'x-demo-user': login } });

  const create = async (kind: string, content = draft(), login = 'office') =>
    (await must<{ createBriefing: Briefing }>(login, `mutation($input: CreateBriefingInput!) { createBriefing(input: $input) { ${FIELDS} } }`, { input: { campaignId: CAMPAIGN, kind, draft: content } })).createBriefing;
  const act = async (login: string, mutation: string, id: string, extra = '') =>
    (await must<Record<string, Briefing>>(login, `mutation($id: ID!) { ${mutation}(id: $id${extra}) { ${FIELDS} } }`, { id }))[mutation];
  const one = async (login: string, id: string) => (await must<{ briefing: Briefing }>(login, `query($id: ID!) { briefing(id: $id) { ${FIELDS} } }`, { id })).briefing;
  const publishFlow = async (id: string) => {
    await act('office', 'submitBriefing', id);
    await act('leader', 'approveBriefing', id);
    return act('office', 'publishBriefing', id);
  };

  function upload(login: string, name: string, content: Buffer): Promise<{ id: string }> {
    const url = new URL(`${stack.url}/files`);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-demo-user': login, 'x-file-name': encodeURIComponent(name), 'content-length': String(content.length) } },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8')) as { id: string }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(content);
    });
  }

  let publishedId = '';

  it('draft (with an attachment) → returned → resubmitted → approved → published with the next number; the .docx and PDF carry the title', async () => {
    const file = await upload('office', '督查照片说明.pdf', Buffer.from('%PDF-1.4\n% 督查照片说明\n%%EOF\n'));
    const b = await create('WORK_BRIEFING', draft({ title: '创文工作简报：三月推进情况', attachmentIds: [file.id] }));
    expect([b.state, b.number, b.canEdit, b.canSubmit, b.attachments.map((a) => a.name)]).toEqual(['DRAFT', null, true, true, ['督查照片说明.pdf']]);
    // Units and supervisors do not see drafts.
    expect((await refused('wtsq.head', `query($id: ID!) { briefing(id: $id) { id } }`, { id: b.id })).code).toBe('NOT_FOUND');

    // Kept attachments are named by their fileId on an edit.
    const edited = (
      await must<{ updateBriefingDraft: Briefing }>('office', `mutation($id: ID!, $d: BriefingDraftInput!, $v: Int) { updateBriefingDraft(id: $id, draft: $d, expectedVersion: $v) { ${FIELDS} } }`, {
        id: b.id,
        d: draft({ title: '创文工作简报：三月推进情况（修改）', attachmentIds: [b.attachments[0].fileId] }),
        v: b.version,
      })
    ).updateBriefingDraft;
    expect([edited.title, edited.attachments.length]).toEqual(['创文工作简报：三月推进情况（修改）', 1]);
    // A stale version is refused.
    expect((await refused('office', `mutation($id: ID!, $d: BriefingDraftInput!) { updateBriefingDraft(id: $id, draft: $d, expectedVersion: 1) { id } }`, { id: b.id, d: draft() })).code).toBe('CONFLICT');

    await act('office', 'submitBriefing', b.id);
    expect((await one('leader', b.id)).canApprove).toBe(true);
    expect((await refused('leader', `mutation($id: ID!) { returnBriefing(id: $id, reason: "") { id } }`, { id: b.id })).code).toBe('BAD_USER_INPUT');
    const returned = await act('leader', 'returnBriefing', b.id, ', reason: "数据请与月报核对"');
    expect([returned.state, returned.returnReason]).toEqual(['DRAFT', '数据请与月报核对']);
    await act('office', 'submitBriefing', b.id);
    const approved = await act('leader', 'approveBriefing', b.id, ', note: "同意印发"');
    expect([approved.state, approved.canPublish]).toEqual(['APPROVED', false]);
    const published = await act('office', 'publishBriefing', b.id);
    expect(published.state).toBe('PUBLISHED');
    expect(published.number).toMatch(new RegExp(`^创文简报〔${YEAR}〕第\\d+期$`));
    expect(published.pdfFileId).toMatch(/^[0-9a-f]{64}$/);
    expect(published.history.map((h) => h.type)).toEqual(['BriefingDrafted', 'BriefingDraftUpdated', 'BriefingSubmitted', 'BriefingReturned', 'BriefingSubmitted', 'BriefingApproved', 'BriefingPublished']);
    expect(published.history[3].note).toBe('退回理由：数据请与月报核对');
    const register = await stack.db.selectFrom('briefing_numbers').selectAll().where('briefing_id', '=', b.id).executeTakeFirstOrThrow();
    expect(register.number).toBe(published.number);
    publishedId = b.id;

    // Every unit reads it, and downloads it.
    expect((await one('wtsq.member', b.id)).number).toBe(published.number);
    const docx = await download('wtsq.member', published.docxUrl);
    expect(docx.status).toBe(200);
    expect(decodeURIComponent(docx.headers.get('content-disposition') ?? '')).toContain(`工作简报（${published.number}）`);
    const xml = new PizZip(Buffer.from(await docx.arrayBuffer())).file('word/document.xml')!.asText();
    expect(xml).toContain('创文工作简报：三月推进情况（修改）');
    expect(xml).toContain(published.number!);
    const pdf = await download('bjsq.head', published.pdfUrl);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/NotoSansSC/);
    // The PDF served is the one rendered on publish, kept in the file store under the recorded id.
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(published.pdfFileId);
    const attachment = await download('wtsq.head', published.attachments[0].downloadUrl);
    expect(attachment.status).toBe(200);

    // Kept in the archive library: the PDF as a 简报 the system registered, already accepted, once, downloadable.
    type LibraryDoc = { id: string; title: string; kind: string; state: string; source: string | null; sha256: string; fileSize: number; downloadUrl: string };
    const library = async () =>
      (await must<{ archiveDocuments: LibraryDoc[] }>('archivist', `{ archiveDocuments(campaignId: "${CAMPAIGN}", first: 200) { id title kind state source sha256 fileSize downloadUrl } }`)).archiveDocuments.filter(
        (d) => d.source === `briefing:${b.id}`,
      );
    await waitFor(async () => (await library()).some((d) => d.state === 'ACCEPTED'), 30_000, 'the briefing in the archive library');
    const [kept, ...more] = await library();
    expect(more).toEqual([]);
    expect([kept.kind, kept.title, kept.sha256, kept.fileSize]).toEqual(['BRIEFING', `${published.number} 创文工作简报：三月推进情况（修改）`, published.pdfFileId, bytes.length]);
    const fromLibrary = await download('archivist', kept.downloadUrl);
    expect(createHash('sha256').update(Buffer.from(await fromLibrary.arrayBuffer())).digest('hex')).toBe(published.pdfFileId);
  });

  it('a published briefing is read-only: every edit is refused with ILLEGAL_TRANSITION and writes no event', async () => {
    const before = await eventCount(publishedId);
    const edit = await refused('office', `mutation($id: ID!, $d: BriefingDraftInput!) { updateBriefingDraft(id: $id, draft: $d) { id } }`, { id: publishedId, d: draft() });
    expect(edit.code).toBe('ILLEGAL_TRANSITION');
    expect(edit.message).toContain('只读');
    expect((await refused('office', `mutation($id: ID!) { submitBriefing(id: $id) { id } }`, { id: publishedId })).code).toBe('ILLEGAL_TRANSITION');
    expect((await refused('office', `mutation($id: ID!) { publishBriefing(id: $id) { id } }`, { id: publishedId })).code).toBe('ILLEGAL_TRANSITION');
    expect((await refused('leader', `mutation($id: ID!) { returnBriefing(id: $id, reason: "再改") { id } }`, { id: publishedId })).code).toBe('ILLEGAL_TRANSITION');
    expect(await eventCount(publishedId)).toBe(before);
  });

  it('ten briefings published at once take consecutive numbers, with no gap and no duplicate', async () => {
    const drafts = [];
    for (let i = 0; i < 10; i += 1) {
      const b = await create('SUPERVISION_CIRCULAR', draft({ title: `并发通报 ${i + 1}` }));
      await act('office', 'submitBriefing', b.id);
      await act('leader', 'approveBriefing', b.id);
      drafts.push(b.id);
    }
    const before = await stack.db.selectFrom('briefing_numbers').select('seq').where('kind', '=', 'SUPERVISION_CIRCULAR').where('year', '=', YEAR).execute();
    const published = await Promise.all(drafts.map((id) => act('office', 'publishBriefing', id)));
    const seqs = published.map((b) => Number(/第(\d+)期/.exec(b.number!)![1])).sort((a, b) => a - b);
    const first = before.length + 1;
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => first + i));
    expect(new Set(published.map((b) => b.number)).size).toBe(10);
    const all = await stack.db.selectFrom('briefing_numbers').select('seq').where('kind', '=', 'SUPERVISION_CIRCULAR').where('year', '=', YEAR).orderBy('seq').execute();
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it('a circular naming units: the named unit\'s head acknowledges; another unit\'s head and a member are refused with no event; the office sees who did', async () => {
    const b = await create('SUPERVISION_CIRCULAR', draft({ namedUnitCodes: ['WTSQ', 'BJSQ'], ackDays: 2 }));
    expect(b.namedUnits.map((u) => u.unit.name)).toEqual(['外滩社区', '滨江社区']);
    const published = await publishFlow(b.id);
    expect(published.number).toMatch(new RegExp(`^督查通报〔${YEAR}〕第\\d+期$`));
    expect(published.ackDueAt).not.toBeNull();
    // The named units' heads are told in their inbox.
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('id').where('recipient_login', '=', 'wtsq.head').where('title', 'like', '%待签收%督查通报%').executeTakeFirst()) !== undefined);

    const awaiting = await must<{ briefings: { id: string }[] }>('wtsq.head', `{ briefings(campaignId: "${CAMPAIGN}", awaitingMyAcknowledgement: true) { id } }`);
    expect(awaiting.briefings.map((x) => x.id)).toContain(b.id);
    expect((await one('wtsq.head', b.id)).canAcknowledge).toBe(true);
    expect((await one('dhc.head', b.id)).canAcknowledge).toBe(false);

    const before = await eventCount(b.id);
    expect((await refused('dhc.head', `mutation($id: ID!) { acknowledgeBriefing(id: $id) { id } }`, { id: b.id })).code).toBe('FORBIDDEN');
    expect((await refused('wtsq.member', `mutation($id: ID!) { acknowledgeBriefing(id: $id) { id } }`, { id: b.id })).code).toBe('FORBIDDEN');
    expect(await eventCount(b.id)).toBe(before);

    const acked = await act('wtsq.head', 'acknowledgeBriefing', b.id, ', note: "已收到，立即整改"');
    expect(acked.namedUnits.map((u) => [u.unit.code, u.acknowledged, u.acknowledgedByName])).toEqual([
      ['WTSQ', true, '外滩社区负责人'],
      ['BJSQ', false, null],
    ]);
    expect((await refused('wtsq.head', `mutation($id: ID!) { acknowledgeBriefing(id: $id) { id } }`, { id: b.id })).code).toBe('ILLEGAL_TRANSITION');
    const seen = await one('office', b.id);
    expect(seen.history.at(-1)).toMatchObject({ type: 'BriefingAcknowledged', note: '外滩社区签收：已收到，立即整改' });
  });

  it('units see only published briefings; a pre-filled draft is Chinese text sections', async () => {
    const hidden = await create('WORK_BRIEFING', draft({ title: '未印发的草稿' }));
    const unitList = await must<{ briefings: { id: string; state: string }[] }>('wtsq.member', `{ briefings(campaignId: "${CAMPAIGN}", first: 200) { id state } }`);
    expect(unitList.briefings.every((x) => x.state === 'PUBLISHED')).toBe(true);
    expect(unitList.briefings.map((x) => x.id)).not.toContain(hidden.id);
    const officeList = await must<{ briefings: { id: string }[] }>('office', `{ briefings(campaignId: "${CAMPAIGN}", state: DRAFT) { id } }`);
    expect(officeList.briefings.map((x) => x.id)).toContain(hidden.id);

    const prefill = (await must<{ briefingPrefill: { title: string; sections: { heading: string; body: string }[]; sources: string[] } }>('office', `{ briefingPrefill(campaignId: "${CAMPAIGN}", kind: WORK_BRIEFING) { title sections { heading body } sources } }`)).briefingPrefill;
    expect(prefill.title).toMatch(/^\d{4}年\d{1,2}月创文工作简报$/);
    expect(prefill.sections.length).toBeGreaterThan(0);
    expect(prefill.sections[0].heading).toMatch(/^一、/);
    expect(prefill.sources.length).toBeGreaterThan(0);
    expect((await refused('office', `{ briefingPrefill(kind: WORK_BRIEFING, month: "2027-13") { title } }`)).code).toBe('BAD_USER_INPUT');
  });

  it('refuses hostile input with nothing written', async () => {
    const count = async () => Number((await stack.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('stream_id', 'like', 'briefing-%').executeTakeFirstOrThrow()).n);
    const before = await count();
    const createQ = `mutation($input: CreateBriefingInput!) { createBriefing(input: $input) { id } }`;
    const cases: [Record<string, unknown>, string][] = [
      [draft({ title: '' }), 'title'],
      [draft({ title: '标'.repeat(101) }), 'title'],
      [draft({ sections: [{ heading: '一', body: '字'.repeat(5_001) }] }), 'sections'],
      [draft({ sections: Array.from({ length: 21 }, () => ({ heading: '', body: 'x' })) }), 'sections'],
      [draft({ sections: [{ heading: '一', body: 'a\u0007b' }] }), 'sections'],
      [draft({ namedUnitCodes: ['NO-SUCH-UNIT'] }), 'namedUnitCodes'],
      [draft({ namedUnitCodes: ["WTSQ'; drop table briefings; --"] }), 'namedUnitCodes'],
      [draft({ attachmentIds: ['../../etc/passwd'] }), 'attachmentIds'],
      [draft({ attachmentIds: ['00000000-0000-4000-8000-000000000000'] }), 'attachmentIds'],
      [draft({ ackDays: 365 }), 'ackDays'],
    ];
    for (const [content, field] of cases) {
      const r = await refused('office', createQ, { input: { campaignId: CAMPAIGN, kind: 'SUPERVISION_CIRCULAR', draft: content } });
      expect([r.code, r.field ?? r.message]).toEqual(['BAD_USER_INPUT', field]);
    }
    // A 工作简报 names no units.
    expect((await refused('office', createQ, { input: { campaignId: CAMPAIGN, kind: 'WORK_BRIEFING', draft: draft({ namedUnitCodes: ['WTSQ'] }) } })).field).toBe('namedUnits');
    // Wrong role, wrong state.
    expect((await refused('wtsq.head', createQ, { input: { campaignId: CAMPAIGN, kind: 'WORK_BRIEFING', draft: draft() } })).code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    const b = await create('WORK_BRIEFING', draft({ title: '{number}<w:p>注入</w:p>' }));
    expect((await refused('office', `mutation($id: ID!) { publishBriefing(id: $id) { id } }`, { id: b.id })).code).toBe('ILLEGAL_TRANSITION');
    expect((await refused('leader', `mutation($id: ID!) { approveBriefing(id: $id) { id } }`, { id: b.id })).code).toBe('ILLEGAL_TRANSITION');
    expect((await refused('office', `mutation($id: ID!) { approveBriefing(id: $id) { id } }`, { id: b.id })).code).toBe('FORBIDDEN');
    expect(await eventCount(b.id)).toBe(1);
    // Injected markup stays text in the document.
    const docx = await download('office', `/briefings/${encodeURIComponent(b.id)}/docx`);
    const xml = new PizZip(Buffer.from(await docx.arrayBuffer())).file('word/document.xml')!.asText();
    expect(xml).toContain('{number}&lt;w:p&gt;注入&lt;/w:p&gt;');
    // Downloads follow the same visibility: a unit gets no draft, nobody gets another briefing's file.
    expect((await download('wtsq.head', `/briefings/${encodeURIComponent(b.id)}/pdf`)).status).toBe(404);
    expect((await download('office', `/briefings/${encodeURIComponent(b.id)}/attachments/${'a'.repeat(64)}`)).status).toBe(404);
  });

  it('seeds the demo\'s briefings once: two published 工作简报, a 督查通报 one unit acknowledged, one awaiting approval', async () => {
    expect(await seedDemoBriefings(stack.temporal, stack.config.temporal.taskQueue, CAMPAIGN)).toBe(4);
    await seedDemoBriefings(stack.temporal, stack.config.temporal.taskQueue, CAMPAIGN);
    const rows = await stack.db.selectFrom('briefings').select(['briefing_id', 'state', 'kind', 'named_units', 'pending_units']).where('briefing_id', 'like', 'briefing-demo-%').orderBy('briefing_id').execute();
    expect(rows.map((r) => [r.briefing_id, r.state, r.named_units, r.pending_units])).toEqual([
      ['briefing-demo-briefing-1', 'PUBLISHED', [], []],
      ['briefing-demo-briefing-2', 'PUBLISHED', [], []],
      ['briefing-demo-briefing-3', 'SUBMITTED', [], []],
      ['briefing-demo-circular-1', 'PUBLISHED', ['WTSQ', 'BJSQ'], ['BJSQ']],
    ]);
  });

  it('rebuilds the briefings projection from the events to the same rows', async () => {
    const rows = () => stack.db.selectFrom('briefings').select(['briefing_id', 'state', 'number', 'named_units', 'pending_units', 'version', 'state_json']).orderBy('briefing_id').execute();
    const live = await rows();
    expect(live.length).toBeGreaterThanOrEqual(4);
    const results = await createEventStore(stack.db).rebuildProjections();
    expect(results.find((r) => r.name === 'briefings')?.events).toBeGreaterThan(0);
    expect(await rows()).toEqual(live);
  });
});
