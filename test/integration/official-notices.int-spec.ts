// Official notices (issue 16) on the real stack: the 督办 and 约谈 steps of a task's ladder each issue one numbered
// notice through the workflow outbox (a retried append or projection issues no second one); the office issues
// notices on demand, numbered on per kind and year; the head of the unit acknowledges (签收) through GraphQL while
// another unit's head and a unit member are refused with no event; the .docx downloads with a Chinese name and
// holds the number and the unit; a replacement template is checked, a bad one refused with the old one kept.
import { randomUUID } from 'node:crypto';
import PizZip from 'pizzip';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { NoticeNumberRepository } from '../../src/official-notice/notice-number.repository';
import { defaultTemplate } from '../../src/official-notice/notice-document';
import { OfficialNoticeProjection } from '../../src/platform/projections/official-notice.projection';
import { createEventStore } from '../../src/platform/runtime/worker-runner';
import type { EventMetadata } from '../../activities/event-store.types';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { DEFAULT_TASK_POLICY, type TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';
import { shanghaiDate } from '../../workflows/shared/time';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const SECOND_IN_HOURS = 1 / 3600;
/** The ladder in seconds: 督办 1 s after the deadline, 约谈 2 s after, 问责 3 s after. */
const FAST: TaskPolicy = {
  ...DEFAULT_TASK_POLICY,
  reminderBeforeHours: 0,
  escalationAfterHours: { URGE: 0, SUPERVISE: 1 * SECOND_IN_HOURS, INTERVIEW: 2 * SECOND_IN_HOURS, ACCOUNTABILITY: 3 * SECOND_IN_HOURS },
};
const YEAR = Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
const NOTICE_FIELDS = 'id number kind kindLabel state stateLabel issuedAt ackDueAt acknowledgedAt acknowledgedByName level downloadUrl canAcknowledge unit { code name } taskId title';

interface Notice {
  id: string;
  number: string;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  issuedAt: string;
  ackDueAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  level: string | null;
  downloadUrl: string;
  canAcknowledge: boolean;
  unit: { code: string; name: string };
  taskId: string | null;
  title: string;
}

describe('official notices', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'notices' });
    await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, {
      campaignId: CAMPAIGN,
      indicatorCode: 'A4',
      unitCode: 'WTSQ',
      leadUnitCode: 'XCB',
      dueAt: new Date(Date.now() + 1_000).toISOString(),
      createdBy: OFFICE_ACTOR,
      policy: FAST,
    });
    taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined);
  });
  afterAll(async () => stack?.stop());

  async function must<T = Record<string, unknown>>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const cardNotices = async (login = 'office') =>
    (await must<{ indicatorTask: { officialNotices: Notice[] } }>(login, `query($id: String!) { indicatorTask(id: $id) { officialNotices { ${NOTICE_FIELDS} } } }`, { id: taskId })).indicatorTask.officialNotices;
  const streamTypes = async (id: string) => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', id).orderBy('stream_version').execute()).map((e) => e.type);
  const download = (login: string | null, url: string) => fetch(`${stack.url}${url}`, { headers: login ? { 'x-demo-user': login } : {} });
  const documentText = async (res: Response) => new PizZip(Buffer.from(await res.arrayBuffer())).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');

  it('issues one 督办通知单 at the 督办 step and one 约谈通知书 at the 约谈 step, and none again when the append or the projection is retried', async () => {
    await waitFor(async () => (await cardNotices()).length >= 2, 60_000, 'the ladder’s notices');
    // 问责 (3 s after the deadline) issues nothing: give it time to pass.
    await waitFor(async () => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', taskId).where('type', '=', 'DeadlineEscalated').execute()).length >= 4, 30_000, 'the whole ladder');
    const notices = await cardNotices();
    expect(notices.map((n) => [n.kind, n.level, n.number, n.state, n.unit.code])).toEqual([
      ['SUPERVISION', 'SUPERVISE', `创文督〔${YEAR}〕1号`, 'ISSUED', 'WTSQ'],
      ['INTERVIEW', 'INTERVIEW', `创文约〔${YEAR}〕1号`, 'ISSUED', 'WTSQ'],
    ]);
    expect(notices[0].title).toContain('测评指标 A4');

    const escalations = await stack.db.selectFrom('events').selectAll().where('stream_id', '=', taskId).where('type', '=', 'DeadlineEscalated').execute();
    const supervise = escalations.find((e) => e.data.level === 'SUPERVISE')!;
    expect(notices[0].id).toBe(`official-notice-${supervise.event_id}`);
    // The task's workflow retries its append: the event store writes nothing, the outbox gets nothing.
    const again = await createEventStore(stack.db).append({
      streamId: taskId,
      events: [{ eventId: supervise.event_id, streamVersion: supervise.stream_version, type: supervise.type, data: supervise.data, metadata: supervise.metadata as unknown as EventMetadata, occurredAt: supervise.occurred_at.toISOString() }],
    });
    expect(again.written).toBe(0);
    // Even the projection run again over the same event (an append retried after its commit was lost) adds no row.
    await stack.db.transaction().execute((trx) =>
      new OfficialNoticeProjection().apply(trx, [
        { position: supervise.position, eventId: supervise.event_id, streamId: taskId, streamVersion: supervise.stream_version, type: supervise.type, data: supervise.data, metadata: supervise.metadata, occurredAt: supervise.occurred_at },
      ]),
    );
    const outbox = await stack.db.selectFrom('workflow_outbox').select(['workflow_id', 'started_at']).where('source_event_id', '=', supervise.event_id).execute();
    expect(outbox).toEqual([{ workflow_id: `official-notice-${supervise.event_id}`, started_at: expect.any(Date) }]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await cardNotices()).length).toBe(2);
    expect(await stack.db.selectFrom('official_notice_numbers').select('number').orderBy('number').execute()).toEqual([{ number: `创文督〔${YEAR}〕1号` }, { number: `创文约〔${YEAR}〕1号` }]);
  });

  it('tells the head of the unit of a notice to acknowledge', async () => {
    const [notice] = await cardNotices();
    const issued = await stack.db.selectFrom('events').select('event_id').where('stream_id', '=', notice.id).where('type', '=', 'NoticeIssued').executeTakeFirstOrThrow();
    const rows = await stack.db.selectFrom('notifications').select(['recipient_login', 'title', 'task_id']).where('source_event_id', '=', String(issued.event_id)).execute();
    expect(rows).toEqual([{ recipient_login: 'wtsq.head', title: `【待签收】督办通知单（创文督〔${YEAR}〕1号）：${notice.title}`, task_id: taskId }]);
  });

  it('numbers the office’s notices on per kind and year, and refuses bad input with nothing issued', async () => {
    const issue = (kind: string, note = '') =>
      must<{ issueOfficialNotice: Notice }>('office', `mutation($i: IssueOfficialNoticeInput!) { issueOfficialNotice(input: $i) { ${NOTICE_FIELDS} } }`, { i: { kind, taskId, note } });
    const second = (await issue('SUPERVISION', '请于本周内整改到位')).issueOfficialNotice;
    expect([second.number, second.kindLabel, second.level, second.state, second.stateLabel]).toEqual([`创文督〔${YEAR}〕2号`, '督办通知单', null, 'ISSUED', '未签收']);
    expect((await issue('RECTIFICATION')).issueOfficialNotice.number).toBe(`创文改〔${YEAR}〕1号`);
    expect((await issue('SUPERVISION')).issueOfficialNotice.number).toBe(`创文督〔${YEAR}〕3号`);

    const before = await stack.db.selectFrom('official_notices').select('notice_id').execute();
    const refused = async (login: string, input: Record<string, unknown>) =>
      (await gql(stack.url, login, 'mutation($i: IssueOfficialNoticeInput!) { issueOfficialNotice(input: $i) { id } }', { i: input })).errors?.[0];
    expect(await refused('office', { kind: 'SUPERVISION', taskId, note: '长'.repeat(501) })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'note' } });
    expect(await refused('office', { kind: 'SUPERVISION' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await refused('office', { kind: 'SUPERVISION', taskId: 'x'.repeat(10_000) })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await refused('office', { kind: 'SUPERVISION', taskId: 'indicator-task:none' })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await refused('wtsq.head', { kind: 'SUPERVISION', taskId })).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await stack.db.selectFrom('official_notices').select('notice_id').execute()).toHaveLength(before.length);

    // Another year starts again from 1; a notice asking again gets its own number back.
    const numbers = new NoticeNumberRepository(stack.db);
    expect(await numbers.allocate('probe-a', 'SUPERVISION', 2099)).toEqual({ seq: 1, number: '创文督〔2099〕1号' });
    expect(await numbers.allocate('probe-b', 'SUPERVISION', 2099)).toEqual({ seq: 2, number: '创文督〔2099〕2号' });
    expect(await numbers.allocate('probe-a', 'SUPERVISION', 2099)).toEqual({ seq: 1, number: '创文督〔2099〕1号' });
    const raced = await Promise.all(Array.from({ length: 8 }, (_, i) => numbers.allocate(`race-${i}`, 'INTERVIEW', 2099)));
    expect(raced.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('is acknowledged by the head of its unit only; others are refused and nothing is recorded', async () => {
    const [notice] = await cardNotices('wtsq.head');
    expect(notice.canAcknowledge).toBe(true);
    expect((await cardNotices('wtsq.member'))[0].canAcknowledge).toBe(false);
    const ack = (login: string) => gql<{ acknowledgeOfficialNotice: Notice }>(stack.url, login, `mutation($id: ID!) { acknowledgeOfficialNotice(id: $id, note: "已收到") { ${NOTICE_FIELDS} } }`, { id: notice.id });

    expect((await ack('bjsq.head')).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((await ack('wtsq.member')).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await ack('office')).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await streamTypes(notice.id)).toEqual(['NoticeIssued']);

    const done = await ack('wtsq.head');
    expect(done.errors).toBeUndefined();
    expect(done.data!.acknowledgeOfficialNotice).toMatchObject({ state: 'ACKNOWLEDGED', stateLabel: '已签收', acknowledgedAt: expect.any(String), acknowledgedByName: expect.any(String), canAcknowledge: false });
    expect(await streamTypes(notice.id)).toEqual(['NoticeIssued', 'NoticeAcknowledged']);
    expect((await ack('wtsq.head')).errors?.[0]).toMatchObject({ extensions: { code: 'ILLEGAL_TRANSITION' } });
    expect(await streamTypes(notice.id)).toEqual(['NoticeIssued', 'NoticeAcknowledged']);
    const unacknowledged = await must<{ officialNotices: Notice[] }>('wtsq.head', `{ officialNotices(unacknowledgedOnly: true) { id } }`);
    expect(unacknowledged.officialNotices.map((n) => n.id)).not.toContain(notice.id);
    expect((await must<{ officialNotices: Notice[] }>('bjsq.head', '{ officialNotices { id } }')).officialNotices).toEqual([]);
  });

  it('downloads as a .docx named in Chinese that holds the number, the unit and the 签收; only for who may see it', async () => {
    const [notice] = await cardNotices();
    const res = await download('wtsq.head', notice.downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe(`督办通知单（创文督〔${YEAR}〕1号）.docx`);
    const text = await documentText(res);
    expect(text).toContain(`创文督〔${YEAR}〕1号`);
    expect(text).toContain('外滩社区');
    expect(text).toContain('签收时间：');
    expect(text).not.toContain('签收时间：________');
    expect((await download('bjsq.member', notice.downloadUrl)).status).toBe(404);
    expect((await download(null, notice.downloadUrl)).status).toBe(401);
  });

  it('takes the office’s own template once it is checked, refuses a bad one with the old one kept', async () => {
    const upload = async (name: string, content: Buffer) => {
      const res = await fetch(`${stack.url}/files`, { method: 'POST', headers: { 'x-demo-user': 'office', 'x-file-name': encodeURIComponent(name), 'content-length': String(content.length) }, body: new Uint8Array(content) });
      const body = (await res.json()) as { id: string };
      expect([res.status, body]).toEqual([201, expect.objectContaining({ id: expect.any(String) })]);
      return body.id;
    };
    const replace = async (name: string, content: Buffer) =>
      gql<{ uploadOfficialNoticeTemplate: { custom: boolean; fileName: string } }>(stack.url, 'office', 'mutation($f: ID!) { uploadOfficialNoticeTemplate(kind: SUPERVISION, fileId: $f) { custom fileName } }', { f: await upload(name, content) });
    const zip = new PizZip(defaultTemplate('SUPERVISION'));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{kindTitle}', '本市专用{kindTitle}'));
    const own = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;

    expect((await replace('本市督办单.docx', own)).data!.uploadOfficialNoticeTemplate).toEqual({ custom: true, fileName: '本市督办单.docx' });
    const broken = new PizZip(own);
    broken.file('word/document.xml', broken.file('word/document.xml')!.asText().replace('{unitName}', '{unitName'));
    const refusedBroken = (await replace('坏模板.docx', broken.generate({ type: 'nodebuffer' }) as Buffer)).errors?.[0];
    expect(refusedBroken).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(refusedBroken?.message).toContain('占位符有误');
    // Not a zip at all: the upload itself is refused (its first bytes do not match .docx).
    const plain = await fetch(`${stack.url}/files`, { method: 'POST', headers: { 'x-demo-user': 'office', 'x-file-name': encodeURIComponent('不是文档.docx') }, body: 'plain text' });
    expect(plain.status).toBe(400);
    expect((await gql(stack.url, 'wtsq.head', '{ officialNoticeTemplates { kind } }')).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const templates = await must<{ officialNoticeTemplates: { kind: string; custom: boolean; fileName: string | null }[] }>('office', '{ officialNoticeTemplates { kind custom fileName } }');
    expect(templates.officialNoticeTemplates).toEqual([
      { kind: 'SUPERVISION', custom: true, fileName: '本市督办单.docx' },
      { kind: 'RECTIFICATION', custom: false, fileName: null },
      { kind: 'INTERVIEW', custom: false, fileName: null },
    ]);
    const [notice] = await cardNotices();
    expect(await documentText(await download('office', notice.downloadUrl))).toContain('本市专用督办通知单');

    await must('office', 'mutation { resetOfficialNoticeTemplate(kind: SUPERVISION) { custom } }');
    expect(await documentText(await download('office', notice.downloadUrl))).not.toContain('本市专用');
  });

  it('takes an Idempotency-Key: a retried issue gives the same notice and number, a retried 签收 its outcome', async () => {
    const post = async (login: string, query: string, key: string) => {
      const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-user': login, 'idempotency-key': key }, body: JSON.stringify({ query }) });
      return (await res.json()) as { data?: Record<string, { id?: string; number?: string; state?: string }>; errors?: unknown[] };
    };
    const key = `issue-${randomUUID()}`;
    const issue = `mutation { issueOfficialNotice(input: { kind: INTERVIEW, taskId: "${taskId}" }) { id number } }`;
    const first = await post('office', issue, key);
    const again = await post('office', issue, key);
    expect(first.errors).toBeUndefined();
    expect(first.data!.issueOfficialNotice.number).toBe(`创文约〔${YEAR}〕2号`);
    expect(again.data).toEqual(first.data);
    const id = first.data!.issueOfficialNotice.id!;

    const ackKey = `ack-${randomUUID()}`;
    const ack = `mutation { acknowledgeOfficialNotice(id: "${id}") { state } }`;
    expect((await post('wtsq.head', ack, ackKey)).data).toEqual({ acknowledgeOfficialNotice: { state: 'ACKNOWLEDGED' } });
    expect(await post('wtsq.head', ack, ackKey)).toEqual({ data: { acknowledgeOfficialNotice: { state: 'ACKNOWLEDGED' } } });
    expect(await streamTypes(id)).toEqual(['NoticeIssued', 'NoticeAcknowledged']);
  });

  it('issues a 整改通知书 when a rectification item reaches 督办, to the unit it was dispatched to', async () => {
    const JPEG = { fileName: '现场.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64') };
    const reported = await must<{ reportItem: { item: { id: string } } }>('supervisor', 'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id } } }', {
      i: { campaignId: CAMPAIGN, source: 'OPEN_INSPECTION', area: 'CITY_APPEARANCE', location: { address: '中山东一路 1 号' }, description: '绿化带枯死', photos: [JPEG], unitCode: 'WTSQ' },
    });
    const itemId = reported.reportItem.item.id;
    await waitFor(async () => (await stack.db.selectFrom('rectification_item_cards').select('unit_code').where('item_id', '=', itemId).executeTakeFirst())?.unit_code === 'WTSQ', 10_000, 'the dispatched item');
    // The item's ladder reaching 督办, as its workflow would append it (its timers are days away in this test).
    const last = await stack.db.selectFrom('events').select(['stream_version', 'metadata']).where('stream_id', '=', itemId).orderBy('stream_version', 'desc').executeTakeFirstOrThrow();
    const eventId = randomUUID();
    await createEventStore(stack.db).append({
      streamId: itemId,
      events: [
        {
          eventId,
          streamVersion: last.stream_version + 1,
          type: 'DeadlineEscalated',
          data: { level: 'SUPERVISE', state: 'DISPATCHED', dueAt: new Date().toISOString(), notify: ['UNIT_HEAD', 'SUPERVISOR'] },
          metadata: { ...(last.metadata as unknown as EventMetadata), actor: { userId: 'system', displayName: '系统（自动）', role: 'OFFICE', unitCode: null }, causationId: `${itemId}:test`, correlationId: itemId },
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    const itemNotices = async () =>
      (await must<{ rectificationItem: { officialNotices: Notice[] } }>('wtsq.head', `query($id: String!) { rectificationItem(id: $id) { officialNotices { ${NOTICE_FIELDS} } } }`, { id: itemId })).rectificationItem.officialNotices;
    await waitFor(async () => (await itemNotices()).length === 1, 30_000, 'the item’s notice');
    const [notice] = await itemNotices();
    expect([notice.id, notice.kind, notice.number, notice.unit.code, notice.level, notice.canAcknowledge]).toEqual([`official-notice-${eventId}`, 'RECTIFICATION', `创文改〔${YEAR}〕2号`, 'WTSQ', 'SUPERVISE', true]);
    expect(notice.title).toBe('整改问题：绿化带枯死');
  });

  it('rebuilds the notices’ rows exactly from their events, and starts no notice again from history', async () => {
    const notices = () => stack.db.selectFrom('official_notices').selectAll().orderBy('notice_id').execute();
    const outbox = () => stack.db.selectFrom('workflow_outbox').select('workflow_id').orderBy('workflow_id').execute();
    const [before, queued] = await Promise.all([notices(), outbox()]);
    await stack.db.deleteFrom('official_notices').execute();
    const results = await createEventStore(stack.db).rebuildProjections();
    expect(results.find((r) => r.name === 'official_notices')?.events).toBeGreaterThanOrEqual(before.length);
    expect(await notices()).toEqual(before);
    expect(await outbox()).toEqual(queued);
  });
});
