// Two office-and-archive capabilities through GraphQL, against real PostgreSQL and the real Temporal dev
// server: the office reassigns a task to another unit (the task, its history and its workflow go with it; the
// breakdown follows; a stale breakdown file is refused), and the new unit archives it material by material,
// each material accepted or returned by the archivist on its own.
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { UNIT_CODE } from '../../workflows/search-attributes';
import { createEventStore } from '../../src/platform/runtime/worker-runner';
import { breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';
import { CAMPAIGN, eventsOf, seedReferenceData, waitFor } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';

const A3 = { 测评项目: '思想道德与核心价值观宣传', 测评指标: '新时代文明实践站活动台账', 牵头单位: '街道宣传统战办' };
const TASK = indicatorTaskWorkflowId(CAMPAIGN, 'A3', 'WTSQ');
const CARD = `id stage awaitingReview version unit { code } allowedActions sideActions
  archiveMaterials { code name status statusLabel note returnReason file { sha256 name size url } submittedBy { displayName } reviewedBy { displayName } }`;

interface Material {
  code: string;
  name: string;
  status: string;
  statusLabel: string;
  note: string;
  returnReason: string | null;
  file: { sha256: string; name: string; size: number; url: string } | null;
  submittedBy: { displayName: string } | null;
  reviewedBy: { displayName: string } | null;
}
interface Card {
  id: string;
  stage: string;
  awaitingReview: string | null;
  version: number;
  unit: { code: string };
  allowedActions: string[];
  sideActions: string[];
  archiveMaterials: Material[];
}

const INPUT_TYPES: Record<string, string> = {
  reassignTask: 'ReassignTaskInput',
  submitSelfCheck: 'SubmitSelfCheckInput',
  confirmSelfCheck: 'ApproveInput',
  startArchiving: 'ApproveInput',
  uploadEvidence: 'UploadEvidenceInput',
  submitArchiveMaterial: 'SubmitArchiveMaterialInput',
  acceptArchiveMaterial: 'AcceptArchiveMaterialInput',
  returnArchiveMaterial: 'ReturnArchiveMaterialInput',
};

describe('reassignment and archiving material by material', () => {
  let stack: TestStack;

  async function act(login: string, mutation: string, input: Record<string, unknown>) {
    return gql<Record<string, Card>>(stack.url, login, `mutation($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { ${CARD} } }`, {
      input: { taskId: TASK, ...input },
    });
  }

  async function legal(login: string, mutation: string, input: Record<string, unknown> = {}): Promise<Card> {
    const before = (await eventsOf(stack.db, TASK)).length;
    const res = await act(login, mutation, input);
    expect(res.errors).toBeUndefined();
    expect(await eventsOf(stack.db, TASK)).toHaveLength(before + 1);
    return res.data![mutation];
  }

  async function refused(login: string, mutation: string, input: Record<string, unknown>, code: string, field?: string) {
    const before = await eventsOf(stack.db, TASK);
    const res = await act(login, mutation, input);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await eventsOf(stack.db, TASK)).toEqual(before);
    return res.errors![0];
  }

  async function importBreakdown(units: string) {
    const file = await xlsx([breakdownSheet('任务分解表', [dataRow({ ...A3, 序号: '1', 责任单位: units, 完成时限: '2027-03-31' })])]);
    const res = await gql<{ importTaskBreakdown: { id: string | null; status: string; problems: { row: number; columnLetter: string | null; code: string; message: string }[] } }>(
      stack.url,
      'office',
      'mutation($input: ImportTaskBreakdownInput!) { importTaskBreakdown(input: $input) { id status problems { row columnLetter code message } } }',
      { input: { campaignId: CAMPAIGN, fileName: '任务分解表.xlsx', contentBase64: file.toString('base64') } },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.importTaskBreakdown;
  }

  async function boardIds(login: string): Promise<string[]> {
    const res = await gql<{ board: { columns: { cards: { id: string }[] }[] } }>(stack.url, login, `{ board(campaignId: "${CAMPAIGN}") { columns { cards { id } } } }`);
    return res.data!.board.columns.flatMap((c) => c.cards.map((t) => t.id));
  }

  async function assignmentOf(taskId: string) {
    return stack.db.selectFrom('task_assignments').select(['indicator_code', 'unit_code']).where('task_id', '=', taskId).executeTakeFirst();
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'reassign' });
    await seedReferenceData(stack.db);
    // Two tasks for A3: 外滩社区 and 东湖村.
    const imported = await importBreakdown('外滩社区、东湖村');
    expect(imported.status).toBe('APPLYING');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 2, 60_000, 'two cards');
  });
  afterAll(async () => stack?.stop());

  it('lets only the office reassign, only to a unit that exists and does not have the indicator already', async () => {
    const card = (await gql<{ indicatorTask: Card }>(stack.url, 'office', `{ indicatorTask(id: "${TASK}") { ${CARD} } }`)).data!.indicatorTask;
    expect(card.sideActions).toContain('REASSIGN');
    await refused('wtsq.head', 'reassignTask', { unitCode: 'BJSQ', reason: '职责调整' }, 'FORBIDDEN');
    await refused('supervisor', 'reassignTask', { unitCode: 'BJSQ', reason: '职责调整' }, 'FORBIDDEN');
    await refused('office', 'reassignTask', { unitCode: 'NOPE', reason: '职责调整' }, 'BAD_USER_INPUT', 'unitCode');
    await refused('office', 'reassignTask', { unitCode: 'WTSQ', reason: '职责调整' }, 'BAD_USER_INPUT', 'unitCode');
    await refused('office', 'reassignTask', { unitCode: 'BJSQ', reason: ' ' }, 'BAD_USER_INPUT', 'reason');
    const conflict = await refused('office', 'reassignTask', { unitCode: 'DHC', reason: '职责调整' }, 'CONFLICT', 'unitCode');
    expect(conflict.message).toContain('东湖村');
  });

  it('moves the task, with its history and workflow, to the new unit; the breakdown follows', async () => {
    const card = await legal('office', 'reassignTask', { unitCode: 'BJSQ', reason: '文明实践站划归滨江社区' });
    expect(card).toMatchObject({ id: TASK, stage: 'SELF_CHECK', unit: { code: 'BJSQ' } });
    expect(await assignmentOf(TASK)).toEqual({ indicator_code: 'A3', unit_code: 'BJSQ' });

    expect(await boardIds('bjsq.member')).toEqual([TASK]);
    expect(await boardIds('wtsq.member')).toEqual([]);
    const hidden = await gql(stack.url, 'wtsq.member', `{ indicatorTask(id: "${TASK}") { id } }`);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The lead unit still sees it.
    expect(await boardIds('xcb.member')).toContain(TASK);

    const history = await gql<{ indicatorTask: { history: { type: string; label: string; data: Record<string, unknown> }[] } }>(
      stack.url,
      'bjsq.member',
      `{ indicatorTask(id: "${TASK}") { history { type label data } } }`,
    );
    expect(history.data!.indicatorTask.history.at(-1)).toEqual({
      type: 'TaskReassigned',
      label: '改派责任单位',
      data: { unitCode: 'BJSQ', previousUnitCode: 'WTSQ', reason: '文明实践站划归滨江社区' },
    });
    const description = await stack.temporal.workflow.getHandle(TASK).describe();
    expect(description.typedSearchAttributes.get(UNIT_CODE)).toBe('BJSQ');
  });

  it('rebuilds the breakdown row from the reassignment event, like any projection', async () => {
    await stack.db.updateTable('task_assignments').set({ unit_code: 'WTSQ' }).where('task_id', '=', TASK).execute(); // damage it
    const results = await createEventStore(stack.db).rebuildProjections();
    expect(results.find((r) => r.name === 'task_assignment_units')).toEqual({ name: 'task_assignment_units', events: 1 });
    expect(await assignmentOf(TASK)).toEqual({ indicator_code: 'A3', unit_code: 'BJSQ' });
  });

  it('refuses a breakdown file that still gives the task to the unit it was taken from, and accepts the updated one', async () => {
    const eventsBefore = await stack.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const stale = await importBreakdown('外滩社区、东湖村');
    expect(stale.status).toBe('REJECTED');
    expect(stale.problems.map((p) => [p.row, p.columnLetter, p.code])).toEqual([[3, 'F', 'REASSIGNED']]);
    expect(stale.problems[0].message).toContain('已由「外滩社区」改派给「滨江社区」');
    const current = await importBreakdown('滨江社区、东湖村');
    expect(current).toMatchObject({ status: 'UNCHANGED', id: null });
    const eventsAfter = await stack.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(eventsAfter.n).toBe(eventsBefore.n);
  });

  it('archives the task material by material: each handed in, returned or accepted on its own', async () => {
    await legal('bjsq.member', 'submitSelfCheck', { classification: 'MET', note: '台账齐全' });
    await legal('supervisor', 'confirmSelfCheck', {});
    let card = await legal('office', 'startArchiving', {});
    // A3 is assessed on material: the catalog asks for 台账 and 照片.
    expect(card.archiveMaterials.map((m) => [m.code, m.name, m.status, m.statusLabel])).toEqual([
      ['A3-M1', '台账', 'MISSING', '未提交'],
      ['A3-M2', '照片', 'MISSING', '未提交'],
    ]);

    // 照片 from evidence already on the task; 台账 as a new file.
    const photo = Buffer.from('\xff\xd8\xff\xe0 photo', 'latin1');
    await legal('bjsq.member', 'uploadEvidence', { fileName: '活动照片.jpg', contentBase64: photo.toString('base64') });
    const evidence = await gql<{ indicatorTask: { evidence: { sha256: string }[] } }>(stack.url, 'bjsq.member', `{ indicatorTask(id: "${TASK}") { evidence { sha256 } } }`);
    const sha256 = evidence.data!.indicatorTask.evidence[0].sha256;
    await refused('bjsq.member', 'submitArchiveMaterial', { materialCode: 'A3-M2' }, 'BAD_USER_INPUT', 'file');
    await refused('bjsq.member', 'submitArchiveMaterial', { materialCode: 'A3-M2', evidenceSha256: 'f'.repeat(64) }, 'BAD_USER_INPUT', 'evidenceSha256');
    card = await legal('bjsq.member', 'submitArchiveMaterial', { materialCode: 'A3-M2', evidenceSha256: sha256, note: '活动照片 12 张' });
    expect(card.awaitingReview).toBe('ARCHIVE_REVIEW');
    // One awaits the archivist; the other is still owed, so the unit may go on.
    expect(card.allowedActions).toEqual(['SUBMIT_ARCHIVE_MATERIAL', 'REQUEST_EXTENSION']);

    const ledger = { materialCode: 'A3-M1', fileName: '活动台账.pdf', contentBase64: Buffer.from('%PDF-1.4 台账').toString('base64') };
    await refused('wtsq.member', 'submitArchiveMaterial', ledger, 'NOT_FOUND');
    await refused('bjsq.member', 'submitArchiveMaterial', { ...ledger, fileName: '台账.exe' }, 'BAD_USER_INPUT');
    card = await legal('bjsq.member', 'submitArchiveMaterial', ledger);
    expect(card.allowedActions).toEqual([]);

    await refused('supervisor', 'acceptArchiveMaterial', { materialCode: 'A3-M1' }, 'FORBIDDEN');
    await legal('archivist', 'returnArchiveMaterial', { materialCode: 'A3-M1', reason: '缺少负责人签字' });
    card = await legal('archivist', 'acceptArchiveMaterial', { materialCode: 'A3-M2' });
    expect(card.stage).toBe('ARCHIVING');
    const returned = card.archiveMaterials.find((m) => m.code === 'A3-M1')!;
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: '缺少负责人签字', reviewedBy: { displayName: '陈档案（档案组）' } });
    expect(card.archiveMaterials.find((m) => m.code === 'A3-M2')).toMatchObject({
      status: 'ACCEPTED',
      note: '活动照片 12 张',
      file: { sha256, name: '活动照片.jpg' },
      submittedBy: { displayName: '滨江社区工作人员' },
    });

    // Handed in again as an upload (POST /files) named by its id; only the person who uploaded it may name it.
    const upload = async (login: string) => {
      const headers = { 'x-demo-user': login, 'x-file-name': encodeURIComponent('活动台账（已签字）.pdf'), 'content-type': 'application/octet-stream' };
      const res = await fetch(`${stack.url}/files`, { method: 'POST', headers, body: Buffer.from('%PDF-1.4 台账') });
      return ((await res.json()) as { id: string }).id;
    };
    await refused('bjsq.head', 'submitArchiveMaterial', { materialCode: 'A3-M1', fileId: await upload('bjsq.member'), note: '已补签字' }, 'BAD_USER_INPUT', 'fileId');
    await legal('bjsq.head', 'submitArchiveMaterial', { materialCode: 'A3-M1', fileId: await upload('bjsq.head'), note: '已补签字' });
    card = await legal('archivist', 'acceptArchiveMaterial', { materialCode: 'A3-M1' });
    expect(card).toMatchObject({ stage: 'ARCHIVED', awaitingReview: null, allowedActions: [] });
    expect(card.archiveMaterials.map((m) => m.status)).toEqual(['ACCEPTED', 'ACCEPTED']);

    // The file handed in is downloadable by those who may see the task, and by nobody else.
    const url = card.archiveMaterials[0].file!.url;
    const own = await fetch(`${stack.url}${url}`, { headers: { 'x-demo-user': 'bjsq.member' } });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).toString()).toBe('%PDF-1.4 台账');
    const other = await fetch(`${stack.url}${url}`, { headers: { 'x-demo-user': 'wtsq.member' } });
    expect(other.status).toBe(404);

    const events = await eventsOf(stack.db, TASK);
    expect(events.map((e) => e.type).slice(-9)).toEqual([
      'SelfCheckConfirmed',
      'ArchivingStarted',
      'EvidenceAttached',
      'ArchiveMaterialSubmitted',
      'ArchiveMaterialSubmitted',
      'ArchiveMaterialReturned',
      'ArchiveMaterialAccepted',
      'ArchiveMaterialSubmitted',
      'ArchiveMaterialAccepted',
    ]);
    await waitFor(async () => (await stack.temporal.workflow.getHandle(TASK).describe()).status.name === 'COMPLETED', 30_000, 'workflow completed');
  });
});
