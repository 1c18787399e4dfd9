// Mobilization (动员部署, issue 19) on the real stack: the office uploads a 实施方案 and issues it to two units; the
// workflow outbox starts one response per unit; a unit acknowledges (签收), submits its plan and registers its group;
// the office returns it with a reason, the unit hands in again, the office approves; a document whose deadline
// passes climbs 催办 for what is missing and tells the unit; a unit sees only its own row, another unit cannot act
// (and no event is written), and hostile inputs are refused in Chinese with nothing written.
import { CampaignRepository } from '../../src/campaign/campaign.repository';
import { ensureCampaignClocks } from '../../src/campaign-clock/campaign-clock.starter';
import { DEMO_MOBILIZATION_KEY, seedDemoMobilization } from '../../src/demo/demo-mobilization';
import { FileStore } from '../../src/platform/files/file-store';
import { EventStoreRepository } from '../../src/platform/event-store/event-store.repository';
import { MobilizationProjection } from '../../src/platform/projections/mobilization.projection';
import { MOBILIZATION_DOC_STREAM_PREFIX, mobilizationDocWorkflowId } from '../../workflows/mobilization/mobilization.messages';
import { CAMPAIGN, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const RESPONSE_FIELDS = 'id documentId unit { code name } acknowledged acknowledgedAt review reviewLabel returnReason returns overdueLevel overdueLabel missing allowedActions version plan { summary file { name size downloadUrl } } group { leader members phone }';
const DOC_FIELDS = `id kind kindLabel title summary requiresPlan requiresGroup dueAt issuedAt due file { name size downloadUrl } responses { ${RESPONSE_FIELDS} }`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('动员部署实施方案正文'.repeat(20))]);

interface Row {
  id: string;
  unit: { code: string; name: string };
  acknowledged: boolean;
  review: string;
  reviewLabel: string;
  returnReason: string | null;
  returns: number;
  overdueLevel: string | null;
  missing: string[];
  allowedActions: string[];
  version: number;
  plan: { summary: string; file: { name: string; downloadUrl: string } } | null;
  group: { leader: string; members: string[]; phone: string } | null;
}
interface Doc {
  id: string;
  title: string;
  kindLabel: string;
  requiresPlan: boolean;
  due: boolean;
  file: { name: string; downloadUrl: string };
  responses: Row[];
}

describe('mobilization', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'mobilization' });
  });
  afterAll(async () => stack?.stop());

  async function must<T = Record<string, unknown>>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  async function refused(login: string, query: string, variables: Record<string, unknown>) {
    const res = await gql(stack.url, login, query, variables);
    expect(res.errors?.length).toBeGreaterThan(0);
    return res.errors![0] as { message: string; extensions?: { code?: string; field?: string } };
  }
  async function upload(login: string, name: string, body: Buffer = PDF): Promise<string> {
    const res = await fetch(`${stack.url}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-demo-user': login }, body: new Uint8Array(body) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const eventCount = async () => Number((await stack.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const streamTypes = async (id: string) => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', id).orderBy('stream_version').execute()).map((e) => e.type);
  const document = async (login: string, id: string) => (await must<{ mobilizationDocument: Doc }>(login, `query($id: ID!) { mobilizationDocument(id: $id) { ${DOC_FIELDS} } }`, { id })).mobilizationDocument;

  const ISSUE = `mutation($input: IssueMobilizationDocumentInput!) { issueMobilizationDocument(input: $input) { ${DOC_FIELDS} } }`;
  const ACK = `mutation($id: ID!, $note: String) { acknowledgeMobilization(responseId: $id, note: $note) { ${RESPONSE_FIELDS} } }`;
  const PLAN = `mutation($id: ID!, $fileId: ID!, $summary: String!) { submitMobilizationPlan(responseId: $id, fileId: $fileId, summary: $summary) { ${RESPONSE_FIELDS} } }`;
  const GROUP = `mutation($id: ID!, $group: MobilizationGroupInput!) { registerMobilizationGroup(responseId: $id, group: $group) { ${RESPONSE_FIELDS} } }`;
  const APPROVE = `mutation($id: ID!, $note: String) { approveMobilization(responseId: $id, note: $note) { ${RESPONSE_FIELDS} } }`;
  const RETURN = `mutation($id: ID!, $reason: String!) { returnMobilization(responseId: $id, reason: $reason) { ${RESPONSE_FIELDS} } }`;

  async function issue(dueAt: string, unitCodes: string[] | null = ['WTSQ', 'BJSQ'], title = '某街道创建全国文明城区动员实施方案') {
    const fileId = await upload('office', '创文动员实施方案.pdf');
    const doc = (
      await must<{ issueMobilizationDocument: Doc }>('office', ISSUE, {
        input: { kind: 'IMPLEMENTATION_PLAN', title, summary: '全面动员，落实责任，各单位制定本单位工作实施方案并成立创文责任小组。', fileId, unitCodes, requiresPlan: true, requiresGroup: true, dueAt },
      })
    ).issueMobilizationDocument;
    const expected = unitCodes?.length ?? 0;
    await waitFor(async () => (await document('office', doc.id)).responses.length === expected, 30_000, 'one response per unit');
    return document('office', doc.id);
  }

  let docId = '';
  let wtsq: Row;

  it('issues a 实施方案 to the chosen units: one response each, and the units are told', async () => {
    const doc = await issue(new Date(Date.now() + 7 * 86_400_000).toISOString());
    docId = doc.id;
    expect(doc.id.startsWith(MOBILIZATION_DOC_STREAM_PREFIX)).toBe(true);
    expect([doc.kindLabel, doc.requiresPlan, doc.due, doc.file.name]).toEqual(['实施方案', true, false, '创文动员实施方案.pdf']);
    expect(doc.responses.map((r) => [r.unit.code, r.acknowledged, r.review, r.missing])).toEqual([
      ['BJSQ', false, 'NONE', ['签收', '工作实施方案', '创文责任小组']],
      ['WTSQ', false, 'NONE', ['签收', '工作实施方案', '创文责任小组']],
    ]);
    wtsq = doc.responses.find((r) => r.unit.code === 'WTSQ')!;
    // The office sees every row but may take no unit's action; the unit sees its own row only.
    expect(wtsq.allowedActions).toEqual([]);
    const mine = await document('wtsq.member', docId);
    expect(mine.responses.map((r) => [r.unit.code, r.allowedActions])).toEqual([['WTSQ', ['ACKNOWLEDGE']]]);
    // A unit the document was not issued to does not learn of it.
    expect((await must<{ mobilizationDocuments: Doc[] }>('dhc.member', '{ mobilizationDocuments { id } }')).mobilizationDocuments.map((d) => d.id)).not.toContain(docId);
    expect((await refused('dhc.member', `query($id: ID!) { mobilizationDocument(id: $id) { id } }`, { id: docId })).extensions?.code).toBe('NOT_FOUND');
    // The document's file downloads for the unit, not for a unit it was not issued to.
    expect((await fetch(`${stack.url}${doc.file.downloadUrl}`, { headers: { 'x-demo-user': 'wtsq.member' } })).status).toBe(200);
    expect((await fetch(`${stack.url}${doc.file.downloadUrl}`, { headers: { 'x-demo-user': 'dhc.member' } })).status).toBe(404);
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('id').where('recipient_login', '=', 'wtsq.member').where('title', 'like', '%待签收%动员部署%').execute()).length > 0, 10_000, 'the unit told');
  });

  it('refuses another unit, the wrong role and the wrong state, writing no event', async () => {
    const before = await eventCount();
    expect((await refused('bjsq.member', ACK, { id: wtsq.id })).extensions?.code).toBe('NOT_FOUND');
    expect((await refused('bjsq.head', ACK, { id: wtsq.id })).extensions?.code).toBe('NOT_FOUND');
    expect((await refused('office', ACK, { id: wtsq.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await refused('supervisor', APPROVE, { id: wtsq.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await refused('wtsq.head', APPROVE, { id: wtsq.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await refused('office', APPROVE, { id: wtsq.id })).extensions?.code).toBe('ILLEGAL_TRANSITION');
    const early = await refused('wtsq.member', GROUP, { id: wtsq.id, group: { leader: '王主任', members: ['张三'], phone: '13812345678' } });
    expect([early.extensions?.code, early.message]).toEqual(['ILLEGAL_TRANSITION', expect.stringContaining('请先签收')]);
    expect(await eventCount()).toBe(before);
  });

  it('acknowledges, submits the plan and registers the group; the office returns it, the unit hands in again, the office approves', async () => {
    const acked = (await must<{ acknowledgeMobilization: Row }>('wtsq.member', ACK, { id: wtsq.id, note: '已收到，立即部署' })).acknowledgeMobilization;
    expect([acked.acknowledged, acked.allowedActions]).toEqual([true, ['SUBMIT_PLAN', 'REGISTER_GROUP']]);
    const fileId = await upload('wtsq.member', '外滩社区创文工作实施方案.pdf');
    const planned = (await must<{ submitMobilizationPlan: Row }>('wtsq.member', PLAN, { id: wtsq.id, fileId, summary: '成立专班，分三阶段推进。' })).submitMobilizationPlan;
    expect([planned.review, planned.plan?.summary, planned.missing]).toEqual(['NONE', '成立专班，分三阶段推进。', ['创文责任小组']]);
    const grouped = (await must<{ registerMobilizationGroup: Row }>('wtsq.head', GROUP, { id: wtsq.id, group: { leader: '王主任', members: ['张科员', '李干事'], phone: '021-63211234' } }))
      .registerMobilizationGroup;
    expect([grouped.review, grouped.reviewLabel, grouped.group]).toEqual(['SUBMITTED', '待审核', { leader: '王主任', members: ['张科员', '李干事'], phone: '021-63211234' }]);
    // The office is asked to review; it downloads the plan, the other unit cannot.
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('id').where('recipient_login', '=', 'office').where('title', 'like', '%待审核%外滩社区%').execute()).length > 0, 10_000, 'the office told');
    expect((await fetch(`${stack.url}${grouped.plan!.file.downloadUrl}`, { headers: { 'x-demo-user': 'office' } })).status).toBe(200);
    expect((await fetch(`${stack.url}${grouped.plan!.file.downloadUrl}`, { headers: { 'x-demo-user': 'bjsq.member' } })).status).toBe(404);

    const before = await eventCount();
    expect((await refused('office', RETURN, { id: wtsq.id, reason: '  ' })).extensions?.field).toBe('reason');
    expect((await refused('office', RETURN, { id: wtsq.id, reason: '理'.repeat(501) })).message).toContain('500');
    expect(await eventCount()).toBe(before);
    const returned = (await must<{ returnMobilization: Row }>('office', RETURN, { id: wtsq.id, reason: '方案缺少各阶段时间节点' })).returnMobilization;
    expect([returned.review, returned.returnReason, returned.returns, returned.missing]).toEqual(['RETURNED', '方案缺少各阶段时间节点', 1, ['工作实施方案', '创文责任小组']]);
    await waitFor(async () => (await stack.db.selectFrom('notifications').select('id').where('recipient_login', '=', 'wtsq.member').where('title', 'like', '%退回%').execute()).length > 0, 10_000, 'the unit told of the return');

    const again = await upload('wtsq.member', '外滩社区创文工作实施方案（修改稿）.pdf');
    const resubmitted = (await must<{ submitMobilizationPlan: Row }>('wtsq.member', PLAN, { id: wtsq.id, fileId: again, summary: '补充了各阶段时间节点。' })).submitMobilizationPlan;
    expect(resubmitted.review).toBe('SUBMITTED');
    const approved = (await must<{ approveMobilization: Row }>('office', APPROVE, { id: wtsq.id, note: '同意' })).approveMobilization;
    expect([approved.review, approved.returnReason, approved.missing]).toEqual(['APPROVED', null, []]);
    expect(await streamTypes(wtsq.id)).toEqual([
      'MobilizationResponseOpened',
      'MobilizationAcknowledged',
      'MobilizationPlanSubmitted',
      'MobilizationGroupRegistered',
      'MobilizationReturned',
      'MobilizationPlanSubmitted',
      'MobilizationApproved',
    ]);
  });

  it('refuses hostile inputs in Chinese and writes nothing', async () => {
    const bjsq = (await document('office', docId)).responses.find((r) => r.unit.code === 'BJSQ')!;
    await must('bjsq.member', ACK, { id: bjsq.id });
    const before = await eventCount();
    const fileId = await upload('bjsq.member', '方案.pdf');
    const cases: [string, Record<string, unknown>, string][] = [
      [PLAN, { id: bjsq.id, fileId, summary: '长'.repeat(2001) }, 'summary'],
      [PLAN, { id: bjsq.id, fileId, summary: '正文\u0007\u001b[2J' }, 'summary'],
      [PLAN, { id: bjsq.id, fileId: '../../etc/passwd', summary: '方案' }, 'fileId'],
      [GROUP, { id: bjsq.id, group: { leader: '赵'.repeat(31), members: ['甲'], phone: '13812345678' } }, 'leader'],
      [GROUP, { id: bjsq.id, group: { leader: '赵主任', members: Array.from({ length: 31 }, (_, i) => `成员${i}`), phone: '13812345678' } }, 'members'],
      [GROUP, { id: bjsq.id, group: { leader: '赵主任', members: ['甲'], phone: "13812345678'; drop table events;--" } }, 'phone'],
      [ACK, { id: 'x'.repeat(10_000) }, 'responseId'],
    ];
    for (const [query, variables, field] of cases) {
      const error = await refused('bjsq.member', query, variables);
      expect([field, error.extensions?.field]).toEqual([field, field]);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // A file not of the caller's own upload cannot be named.
    const foreign = await upload('wtsq.member', '别人的方案.pdf');
    expect((await refused('bjsq.member', PLAN, { id: bjsq.id, fileId: foreign, summary: '方案' })).extensions?.field).toBe('fileId');
    // The office's issue: oversized title, a past deadline, an unknown unit, a file of the wrong kind.
    const docFile = await upload('office', '实施方案.pdf');
    const issueInput = { kind: 'NOTICE', title: '通知', summary: '内容', fileId: docFile, unitCodes: ['WTSQ'], requiresPlan: false, requiresGroup: false, dueAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect((await refused('office', ISSUE, { input: { ...issueInput, title: '标'.repeat(101) } })).extensions?.field).toBe('title');
    expect((await refused('office', ISSUE, { input: { ...issueInput, dueAt: '2020-01-01T00:00:00Z' } })).extensions?.field).toBe('dueAt');
    expect((await refused('office', ISSUE, { input: { ...issueInput, unitCodes: ['NOPE', 'WTSQ'] } })).extensions?.field).toBe('unitCodes');
    expect((await refused('office', ISSUE, { input: { ...issueInput, unitCodes: Array.from({ length: 501 }, (_, i) => `U${i}`) } })).extensions?.field).toBe('unitCodes');
    const image = await upload('office', '照片.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect((await refused('office', ISSUE, { input: { ...issueInput, fileId: image } })).extensions?.field).toBe('fileId');
    expect((await refused('wtsq.head', ISSUE, { input: issueInput })).extensions?.code).toBe('FORBIDDEN');
    expect(await eventCount()).toBe(before);
  });

  it('escalates what is missing once the deadline passes: 催办 to the unit and its head', async () => {
    const doc = await issue(new Date(Date.now() + 3_000).toISOString(), ['DHC'], '关于成立创文责任小组的通知');
    const response = doc.responses[0];
    await waitFor(async () => (await document('office', doc.id)).responses[0].overdueLevel === 'URGE', 30_000, '催办');
    const row = (await document('dhc.member', doc.id)).responses[0];
    expect([row.overdueLevel, row.missing]).toEqual(['URGE', ['签收', '工作实施方案', '创文责任小组']]);
    expect((await document('office', doc.id)).due).toBe(true);
    const types = await streamTypes(response.id);
    // The reminder's time had passed when the response opened: it goes out at once, then 催办 at the deadline.
    expect(types.filter((t) => t === 'MobilizationEscalated').length).toBeGreaterThanOrEqual(1);
    await waitFor(
      async () => (await stack.db.selectFrom('notifications').select('recipient_login').where('title', 'like', '【催办】动员部署%').where('recipient_login', 'in', ['dhc.member', 'dhc.head']).execute()).length === 2,
      10_000,
      '催办 told',
    );
  });

  it('seeds the demo: one 实施方案 to every demo unit, its responses approved, returned, awaiting review, acknowledged and overdue', async () => {
    const files = new FileStore(stack.config.files.dir, stack.config.files.maxBytes);
    const units = await seedDemoMobilization(stack.temporal, stack.config.temporal.taskQueue, files);
    expect(units).toBeGreaterThanOrEqual(5);
    const id = mobilizationDocWorkflowId(DEMO_MOBILIZATION_KEY);
    const rows = async () => new Map((await stack.db.selectFrom('mobilization_responses').select(['unit_code', 'review', 'acknowledged_at', 'escalation_level']).where('document_id', '=', id).execute()).map((r) => [r.unit_code, r]));
    await waitFor(async () => (await rows()).get('NMSC')?.escalation_level === 'URGE', 30_000, 'the demo’s overdue units');
    const seen = await rows();
    expect(seen.size).toBe(units);
    // Those still owing something are at 催办; those that handed in may have been urged before they did (the deadline had passed).
    expect(['WTSQ', 'BJSQ', 'DHC', 'XCB', 'NMSC'].map((c) => [c, seen.get(c)?.review, seen.get(c)?.acknowledged_at !== null])).toEqual([
      ['WTSQ', 'APPROVED', true],
      ['BJSQ', 'RETURNED', true],
      ['DHC', 'SUBMITTED', true],
      ['XCB', 'NONE', true],
      ['NMSC', 'NONE', false],
    ]);
    for (const c of ['BJSQ', 'XCB']) await waitFor(async () => (await rows()).get(c)?.escalation_level === 'URGE', 30_000, `${c} at 催办`);
    // The document's file is in the store, a real PDF.
    const doc = (await stack.db.selectFrom('mobilization_documents').select('state_json').where('document_id', '=', id).executeTakeFirstOrThrow()).state_json as { file: { sha256: string } };
    expect((await files.get(doc.file.sha256))?.subarray(0, 5).toString()).toBe('%PDF-');
    // Seeding again adds nothing.
    expect(await seedDemoMobilization(stack.temporal, stack.config.temporal.taskQueue, files)).toBe(0);
  });

  it('records a 动员大会 with attendance by unit, shown with the campaign\'s meetings (an absent unit sees it too)', async () => {
    await ensureCampaignClocks(new CampaignRepository(stack.db), stack.temporal, stack.config.temporal.taskQueue);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const input = { campaignId: CAMPAIGN, kind: 'MOBILIZATION', date: today, title: '创建全国文明城区动员大会', attendees: ['王组长', '张霞'], unitCodes: ['WTSQ', 'BJSQ'], absentUnitCodes: ['DHC'], minutes: '部署创文工作' };
    const RECORD = 'mutation($i: RecordCampaignMeetingInput!) { recordCampaignMeeting(input: $i) { kind kindLabel units { code } absentUnits { code name } } }';
    await waitFor(async () => (await gql(stack.url, 'office', RECORD, { i: { ...input, absentUnitCodes: ['WTSQ'] } })).errors?.[0]?.extensions?.code === 'BAD_USER_INPUT', 30_000, 'the clock');
    expect((await refused('office', RECORD, { i: { ...input, absentUnitCodes: ['WTSQ'] } })).extensions?.field).toBe('absentUnitCodes');
    expect((await refused('office', RECORD, { i: { ...input, absentUnitCodes: ['NOPE'] } })).extensions?.field).toBe('absentUnitCodes');
    const meeting = (await must<{ recordCampaignMeeting: { kindLabel: string; units: { code: string }[]; absentUnits: { code: string; name: string }[] } }>('office', RECORD, { i: input })).recordCampaignMeeting;
    expect(meeting).toEqual({ kind: 'MOBILIZATION', kindLabel: '动员大会', units: [{ code: 'WTSQ' }, { code: 'BJSQ' }], absentUnits: [{ code: 'DHC', name: '东湖村' }] });
    const seen = await must<{ campaign: { meetings: { kind: string; absentUnits: { code: string }[] }[] } }>('dhc.member', `{ campaign(id: "${CAMPAIGN}") { meetings { kind absentUnits { code } } } }`);
    expect(seen.campaign.meetings).toEqual([{ kind: 'MOBILIZATION', absentUnits: [{ code: 'DHC' }] }]);
  });

  it('rebuilds its rows from the events as they were, and starts no workflow again', async () => {
    const read = async () => ({
      docs: await stack.db.selectFrom('mobilization_documents').select(['document_id', 'status', 'version', 'state_json']).orderBy('document_id').execute(),
      responses: await stack.db.selectFrom('mobilization_responses').select(['response_id', 'review', 'version', 'state_json']).orderBy('response_id').execute(),
    });
    const before = await read();
    const outbox = await stack.db.selectFrom('workflow_outbox').select('workflow_id').execute();
    const [result] = await new EventStoreRepository(stack.db, [new MobilizationProjection()]).rebuildProjections();
    expect(result.name).toBe('mobilization');
    expect(await read()).toEqual(before);
    expect(await stack.db.selectFrom('workflow_outbox').select('workflow_id').execute()).toHaveLength(outbox.length);
  });
});
