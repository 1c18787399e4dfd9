// The archive library on the real stack: a unit hands in its own document, the archivist returns it with a reason
// (the unit is told), the unit resubmits, the archivist accepts; wrong roles and other units are refused with no
// event written; hostile inputs (oversized, control characters, unknown tags, another unit, someone else's upload)
// are refused before anything is written; a system document (a published briefing) is registered once per source.
import { ArchiveLibraryService } from '../../src/archive/archive-library.service';
import { CAMPAIGN, eventsOf, seedReferenceData } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';
import { DOCUMENT_FIELDS, PDF, submitDocument, upload } from '../support/archive-fixtures';

interface Doc {
  id: string;
  title: string;
  state: string;
  stateLabel: string;
  unit: { code: string } | null;
  tags: { kind: string; code: string; name: string }[];
  fileName: string;
  sha256: string;
  source: string | null;
  returnReason: string | null;
  rounds: number;
  version: number;
  canReview: boolean;
  canResubmit: boolean;
  reviewedByName: string | null;
}

describe('archive library', () => {
  let stack: TestStack;
  let doc: Doc;

  async function archiveEvents(): Promise<number> {
    const row = await stack.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).where('stream_id', 'like', 'archive-document-%').executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async function act(login: string, mutation: string, args: string, variables: Record<string, unknown> = {}) {
    return gql<Record<string, Doc>>(stack.url, login, `mutation${args ? `(${args})` : ''} { ${mutation} { ${DOCUMENT_FIELDS} } }`, variables);
  }
  async function refused(run: () => Promise<{ errors?: { message: string; extensions?: { code?: string; field?: string | null } }[] }>, code: string, field?: string) {
    const before = await archiveEvents();
    const res = await run();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await archiveEvents()).toBe(before);
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'archive-lib' });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => stack?.stop());

  it('refuses hostile input before writing anything', async () => {
    const fileId = await upload(stack.url, 'wtsq.member', '活动照片.pdf', PDF('照片'));
    const good = { campaignId: CAMPAIGN, title: '志愿服务活动记录', kind: 'PHOTO', fileId, tags: ['A3'] };
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, title: '长'.repeat(101) }), 'BAD_USER_INPUT', 'title');
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, title: '   ' }), 'BAD_USER_INPUT', 'title');
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, title: '标题\u001b[2J\r\n伪造的一行' }), 'BAD_USER_INPUT', 'title');
    // NUL is refused by the API for every input, before the resolver.
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, title: '标题\u0000' }), 'BAD_USER_INPUT');
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, tags: ['NOPE'] }), 'BAD_USER_INPUT', 'tags');
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, tags: Array.from({ length: 21 }, (_, i) => `A${i}`) }), 'BAD_USER_INPUT', 'tags');
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, tags: ["A3'; drop table events; --"] }), 'BAD_USER_INPUT', 'tags');
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, tags: ['x'.repeat(100_000)] }), 'BAD_USER_INPUT');
    await refused(() => submitDocument(stack.url, 'wtsq.member', { ...good, unitCode: 'BJSQ' }), 'FORBIDDEN', 'unitCode');
    await refused(() => submitDocument(stack.url, 'office', { ...good, unitCode: 'NOPE' }), 'BAD_USER_INPUT', 'unitCode');
    // Someone else's upload is of no use to them.
    await refused(() => submitDocument(stack.url, 'bjsq.member', { ...good, fileId }), 'BAD_USER_INPUT', 'fileId');
    await refused(() => submitDocument(stack.url, 'supervisor', good), 'FORBIDDEN');
    await refused(() => submitDocument(stack.url, 'archivist', good), 'FORBIDDEN');
  });

  it('takes a unit’s own document, shown to that unit and the campaign’s people, not to other units', async () => {
    const fileId = await upload(stack.url, 'wtsq.member', '活动照片.pdf', PDF('照片'));
    const res = await submitDocument(stack.url, 'wtsq.member', { campaignId: CAMPAIGN, title: '志愿服务活动记录', kind: 'PHOTO', fileId, tags: ['A3', 'A3', 'A'] });
    expect(res.errors).toBeUndefined();
    doc = res.data!.submitArchiveDocument as unknown as Doc;
    expect(doc).toMatchObject({ state: 'SUBMITTED', stateLabel: '待验收', unit: { code: 'WTSQ' }, rounds: 1, canReview: false, canResubmit: false, fileName: '活动照片.pdf' });
    expect(doc.tags.map((t) => [t.kind, t.code])).toEqual([['INDICATOR', 'A3'], ['ITEM', 'A']]);
    const list = (login: string) => gql<{ archiveDocuments: { id: string; canReview: boolean }[] }>(stack.url, login, `{ archiveDocuments(campaignId: "${CAMPAIGN}") { id canReview } }`);
    expect((await list('archivist')).data!.archiveDocuments).toEqual([{ id: doc.id, canReview: true }]);
    expect((await list('wtsq.head')).data!.archiveDocuments.map((d) => d.id)).toEqual([doc.id]);
    expect((await list('bjsq.member')).data!.archiveDocuments).toEqual([]);
    const file = await fetch(`${stack.url}/archive-documents/${doc.id}/file`, { headers: { 'x-demo-user': 'bjsq.member' } });
    expect(file.status).toBe(404);
    const own = await fetch(`${stack.url}/archive-documents/${doc.id}/file`, { headers: { 'x-demo-user': 'wtsq.head' } });
    expect(Buffer.from(await own.arrayBuffer()).toString()).toContain('照片');
  });

  it('lets only the archivist accept or return, with a reason; a return reaches the unit', async () => {
    await refused(() => act('office', 'acceptArchiveDocument(id: $id)', '$id: ID!', { id: doc.id }), 'FORBIDDEN');
    await refused(() => act('wtsq.head', 'returnArchiveDocument(id: $id, reason: "x")', '$id: ID!', { id: doc.id }), 'FORBIDDEN');
    await refused(() => act('bjsq.member', 'resubmitArchiveDocument(input: { id: $id })', '$id: ID!', { id: doc.id }), 'NOT_FOUND');
    await refused(() => act('archivist', 'returnArchiveDocument(id: $id, reason: "  ")', '$id: ID!', { id: doc.id }), 'BAD_USER_INPUT', 'reason');
    await refused(() => act('archivist', 'returnArchiveDocument(id: $id, reason: $r)', '$id: ID!, $r: String!', { id: doc.id, r: '长'.repeat(501) }), 'BAD_USER_INPUT', 'reason');
    await refused(() => act('wtsq.member', 'resubmitArchiveDocument(input: { id: $id })', '$id: ID!', { id: doc.id }), 'ILLEGAL_TRANSITION');

    const returned = await act('archivist', 'returnArchiveDocument(id: $id, reason: "照片缺少活动时间和地点说明")', '$id: ID!', { id: doc.id });
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.returnArchiveDocument).toMatchObject({ state: 'RETURNED', returnReason: '照片缺少活动时间和地点说明', reviewedByName: '陈档案（档案组）' });
    await refused(() => act('archivist', 'acceptArchiveDocument(id: $id)', '$id: ID!', { id: doc.id }), 'ILLEGAL_TRANSITION');
    // The archivist was asked to review it; the unit's people are told it came back, with the reason.
    const told = await stack.db.selectFrom('notifications').select(['recipient_login', 'kind', 'title']).where('title', 'like', '%志愿服务活动记录%').orderBy('recipient_login').execute();
    expect(told.filter((n) => n.kind === 'APPROVAL_REQUEST').map((n) => n.recipient_login)).toContain('archivist');
    const returnedTo = told.filter((n) => n.kind === 'RETURNED').map((n) => n.recipient_login);
    expect(returnedTo).toEqual(expect.arrayContaining(['wtsq.head', 'wtsq.member']));
    expect(returnedTo.some((login) => login.startsWith('bjsq.'))).toBe(false);
  });

  it('takes the resubmission, then the archivist’s acceptance; an accepted document is final', async () => {
    const fileId = await upload(stack.url, 'wtsq.head', '活动照片（补充说明）.pdf', PDF('照片 时间 地点'));
    const again = await act('wtsq.head', 'resubmitArchiveDocument(input: { id: $id, fileId: $f, note: "已补充" })', '$id: ID!, $f: ID', { id: doc.id, f: fileId });
    expect(again.errors).toBeUndefined();
    expect(again.data!.resubmitArchiveDocument).toMatchObject({ state: 'SUBMITTED', rounds: 2, fileName: '活动照片（补充说明）.pdf', returnReason: '照片缺少活动时间和地点说明' });
    const accepted = await act('archivist', 'acceptArchiveDocument(id: $id, note: "齐全")', '$id: ID!', { id: doc.id });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptArchiveDocument).toMatchObject({ state: 'ACCEPTED', returnReason: null, canReview: false });
    await refused(() => act('archivist', 'returnArchiveDocument(id: $id, reason: "再看看")', '$id: ID!', { id: doc.id }), 'ILLEGAL_TRANSITION');
    expect((await eventsOf(stack.db, doc.id)).map((e) => e.type)).toEqual(['LibraryDocumentSubmitted', 'LibraryDocumentReturned', 'LibraryDocumentResubmitted', 'LibraryDocumentAccepted']);
  });

  it('registers a system document once per source, already accepted by the system', async () => {
    const library = stack.app.get(ArchiveLibraryService);
    const fileId = await upload(stack.url, 'office', '简报.pdf', PDF('创文简报'));
    // The briefing's producer stores its PDF; here the upload puts one in the store.
    const stored = await submitDocument(stack.url, 'office', { campaignId: CAMPAIGN, title: '载体', kind: 'OTHER', fileId });
    const sha256 = (stored.data!.submitArchiveDocument as unknown as Doc).sha256;
    const input = { campaignId: CAMPAIGN, title: '创文简报〔2027〕第1期', kind: 'BRIEFING' as const, fileId: sha256, fileName: '创文简报〔2027〕第1期.pdf', source: 'briefing:b-1', tags: ['A3'] };
    const [first, second] = await Promise.all([library.registerSystemDocument(input), library.registerSystemDocument(input)]);
    expect(first.id).toBe(second.id);
    expect(first.state).toMatchObject({ state: 'ACCEPTED', source: 'briefing:b-1', submittedBy: 'system', reviewedBy: 'system', kind: 'BRIEFING' });
    const third = await library.registerSystemDocument(input);
    expect(third.id).toBe(first.id);
    expect((await eventsOf(stack.db, first.id)).map((e) => e.type)).toEqual(['LibraryDocumentSubmitted', 'LibraryDocumentAccepted']);
    await expect(library.registerSystemDocument({ ...input, source: 'briefing:b-2', fileId: 'f'.repeat(64) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(library.registerSystemDocument({ ...input, source: 'briefing:b-3', tags: ['NOPE'] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(library.registerSystemDocument({ ...input, source: '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
