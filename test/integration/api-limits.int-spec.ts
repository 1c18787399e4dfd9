// The API's limits, its record of denied attempts and its error answers, through HTTP against real PostgreSQL and
// the real Temporal dev server: too deep, too costly, too large, batched; oversized and wrong-type files on every
// upload path; FORBIDDEN and UNAUTHENTICATED written to access_denials and readable by the office only; an
// internal error that shows neither stack nor SQL but the request's id.
//
// The stack is configured small: files of at most 1 MB (MAX_UPLOAD_MB), bodies of at most 3 MB (MAX_REQUEST_MB),
// and a depth of 5 (MAX_QUERY_DEPTH), because today's schema has no cycles and its deepest valid query is 7 deep:
// no valid query exceeds the default of 12. The cost limit is the default, 20,000.
import { sql } from 'kysely';
import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../../src/platform/config/config';
import type { Db } from '../../src/platform/database/database';
import { startApi } from '../../src/platform/runtime/api-server';
import { freePort } from '../../src/platform/runtime/ports';
import { startWorker, type RunningWorker } from '../../src/platform/runtime/worker-runner';
import { connectClient } from '../../src/platform/temporal/temporal-connection';
import { CAMPAIGN, eventsOf, seedTask } from '../support/fixtures';
import { accessToken, createTestDatabase, env, testConfig, uniqueTaskQueue } from '../support/test-env';

const JPEG_MAGIC = [0xff, 0xd8, 0xff, 0xe0];
const OK_PHOTO = { fileName: '现场.jpg', contentBase64: Buffer.from([...JPEG_MAGIC, 1, 2, 3]).toString('base64') };
/** One byte over MAX_UPLOAD_MB=1, a real JPEG header in front. */
const OVERSIZED = { fileName: '超大照片.jpg', contentBase64: Buffer.concat([Buffer.from(JPEG_MAGIC), Buffer.alloc(1024 * 1024 + 1 - JPEG_MAGIC.length, 7)]).toString('base64') };
const WRONG_TYPE = { fileName: '脚本.exe', contentBase64: Buffer.from('MZ\x90\x00 not a photo').toString('base64') };

interface GraphQLErrorBody {
  message: string;
  path?: string[];
  extensions?: { code?: string; field?: string | null; requestId?: string; stacktrace?: unknown };
}
interface Answer<T> {
  status: number;
  contentType: string | null;
  requestId: string | null;
  text: string;
  body: { data?: T | null; errors?: GraphQLErrorBody[] };
}

describe('API limits, denied attempts and error answers', () => {
  let config: AppConfig;
  let db: Db;
  let drop: () => Promise<void>;
  let temporal: Client;
  let worker: RunningWorker;
  let app: NestExpressApplication;
  let url: string;
  let taskId: string;

  beforeAll(async () => {
    config = testConfig(uniqueTaskQueue('limits'), { MAX_UPLOAD_MB: '1', MAX_REQUEST_MB: '3', MAX_QUERY_DEPTH: '5' });
    const database = await createTestDatabase();
    db = database.db;
    drop = database.drop;
    const address = env('TEST_TEMPORAL_ADDRESS');
    temporal = await connectClient({ ...config.temporal, address });
    worker = await startWorker({ ...config.temporal, address }, db);
    const port = await freePort();
    app = await startApi({ config, databaseUrl: database.url, db, temporal, temporalUiUrl: null, workerStatus: worker.status }, { port });
    url = `http://127.0.0.1:${port}`;
    taskId = await seedTask(db, temporal, config.temporal.taskQueue);
  });

  afterAll(async () => {
    await app?.close();
    await worker?.stop();
    await temporal?.connection.close();
    await drop?.();
  });

  async function post<T = Record<string, unknown>>(login: string | null, body: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(login ? { 'x-demo-user': login } : {}), ...headers },
      body,
    });
    const text = await res.text();
    let parsed: Answer<T>['body'] = {};
    try {
      parsed = JSON.parse(text) as Answer<T>['body'];
    } catch {
      // left empty: the test looking at it fails with the text in view
    }
    return { status: res.status, contentType: res.headers.get('content-type'), requestId: res.headers.get('x-request-id'), text, body: parsed };
  }
  const gql = <T = Record<string, unknown>>(login: string | null, query: string, variables: Record<string, unknown> = {}) =>
    post<T>(login, JSON.stringify({ query, variables }));

  /** Nothing of the server's insides: no stack, no file paths, no SQL. */
  function expectNoInsides(text: string) {
    expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|\.ts:\d+|node_modules|\bselect\b|\binsert\b|relation "/i);
  }

  it('asks browsers and proxies never to store an answer: boards and cards are people\'s work', async () => {
    for (const [login, query] of [
      ['supervisor', '{ board { columns { cards { id } } } }'],
      [null, '{ board { columns { cards { id } } } }'],
    ] as const) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(login ? { 'x-demo-user': login } : {}) },
        body: JSON.stringify({ query }),
      });
      await res.text();
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  describe('limits of a request', () => {
    it('refuses a query deeper than MAX_QUERY_DEPTH with QUERY_TOO_DEEP, before resolving anything', async () => {
      const res = await gql('supervisor', '{ board { columns { cards { linkedItems { history { label } } } } } }');
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toEqual([{ message: '查询嵌套过深：超过 5 层的上限，请减少嵌套层数', locations: [{ line: 1, column: 1 }], extensions: { code: 'QUERY_TOO_DEEP', field: null } }]);
      // The board itself is 5 deep and passes.
      const board = await gql('supervisor', '{ board { columns { cards { indicator { code } } } } }');
      expect(board.body.errors).toBeUndefined();
    });

    it('refuses a query costlier than MAX_QUERY_COST (20,000 by default) with QUERY_TOO_COMPLEX', async () => {
      // Each alias costs 1 + 1 + 10 × (1 + 10 × (1 + 10 × 1)) = 1,112; twenty of them 22,240.
      const aliases = Array.from({ length: 20 }, (_, i) => `b${i}: board { columns { cards { history { label } } } }`).join('\n');
      const res = await gql('supervisor', `query Everything {\n${aliases}\n}`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(res.body.errors?.[0]?.message).toBe('查询过于复杂：估算代价 22240，超过上限 20000，请减少字段或列表嵌套，或拆成几次查询');
      // Seventeen of them (18,904) are within the limit.
      const fewer = Array.from({ length: 17 }, (_, i) => `b${i}: board { columns { cards { history { label } } } }`).join('\n');
      expect((await gql('supervisor', `{ ${fewer} }`)).body.errors).toBeUndefined();
    });

    it('applies the same limits to subscriptions over graphql-ws', async () => {
      // 1 + (1 + 70 × (1 + 10 × (1 + 10 × (1 + 1 + 1)))) = 21,772: one root field, short, but too costly.
      const aliases = Array.from({ length: 70 }, (_, i) => `h${i}: linkedItems { history { label streamVersion occurredAt } }`).join(' ');
      const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await accessToken(url, 'supervisor')}` }, retryAttempts: 0 });
      try {
        const refusal = await new Promise<unknown>((resolve) => {
          client.subscribe({ query: `subscription { boardChanged { task { ${aliases} } } }` }, { next: () => resolve('next'), error: resolve, complete: () => resolve('complete') });
        });
        // Coded and worded as over HTTP (graphql-ws errors pass through the same formatter).
        expect(refusal).toEqual([expect.objectContaining({ message: expect.stringMatching(/^查询过于复杂：估算代价 21772，/), extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) })]);
        // A document too long to parse safely is refused before graphql-ws parses it.
        const deep = await new Promise<unknown>((resolve) => {
          client.subscribe({ query: `subscription { boardChanged ${'{ task '.repeat(3000)}{ id }${' }'.repeat(3000)} }` }, { next: () => resolve('next'), error: resolve, complete: () => resolve('complete') });
        });
        expect(deep).toEqual([expect.objectContaining({ message: expect.stringMatching(/^查询文本过长：超过 2000 个/), extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) })]);
      } finally {
        await client.dispose();
      }
    });

    it('refuses a document too long to parse (deep nesting included) with QUERY_TOO_COMPLEX, never a crash', async () => {
      const res = await gql('supervisor', `{ board ${'{ columns '.repeat(3000)}{ label }${' }'.repeat(3000)} }`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { message: '查询文本过长：超过 2000 个词法单元（token）的上限，请精简查询或拆成几次查询', locations: [expect.any(Object)], extensions: { code: 'QUERY_TOO_COMPLEX' } },
      ]);
    });

    it('keeps introspection open: the standard introspection query is answered', async () => {
      const res = await gql<{ __schema: { types: { name: string }[] } }>(null, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Query', 'AccessDenial', 'ErrorCode']));
    });

    it('refuses introspection that loops, as QUERY_TOO_DEEP', async () => {
      const res = await gql(null, '{ __schema { types { fields { type { fields { name } } } } } }');
      expect(res.body.errors?.[0]).toMatchObject({ message: '内省查询中「fields」不能循环嵌套', extensions: { code: 'QUERY_TOO_DEEP' } });
    });

    it('answers a body over MAX_REQUEST_MB with 413 PAYLOAD_TOO_LARGE as JSON, not an HTML page', async () => {
      const huge = JSON.stringify({ query: 'mutation($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { id } }', variables: { input: { taskId, fileName: 'a.jpg', contentBase64: 'A'.repeat(3.5 * 1024 * 1024) } } });
      const res = await post('wtsq.member', huge);
      expect(res.status).toBe(413);
      expect(res.contentType).toMatch(/^application\/json/);
      expect(res.body).toEqual({ errors: [{ message: '请求内容过大，超过 3 MB 的上限；照片和文件请分开上传，每次少传几个', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      expect(res.text).not.toMatch(/<html|<pre|PayloadTooLargeError/i);
    });

    it('answers a body that is not JSON with 400 BAD_USER_INPUT', async () => {
      const res = await post('office', '{"query": "{ me { login } }"');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [{ message: '请求内容不是有效的 JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
      expectNoInsides(res.text);
    });

    it('refuses a batch of operations', async () => {
      const res = await post('office', JSON.stringify([{ query: '{ me { login } }' }, { query: '{ me { role } }' }]));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [{ message: '不支持批量请求：一个请求只能包含一个操作，请分开发送', extensions: { code: 'BAD_USER_INPUT' } }] });
    });
  });

  describe('file limits on every upload path', () => {
    const expectFileRefused = (res: Answer<unknown>, field: 'file' | 'fileName') => {
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(res.body.errors![0].message).toMatch(field === 'file' ? /^文件超过 1 MB 的上限$/ : /^不支持的文件类型「\.exe」/);
    };

    it('uploadEvidence', async () => {
      const upload = (file: { fileName: string; contentBase64: string }) =>
        gql('wtsq.member', 'mutation($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { evidence { name } } }', { input: { taskId, ...file } });
      const before = await eventsOf(db, taskId);
      expectFileRefused(await upload(OVERSIZED), 'file');
      expectFileRefused(await upload(WRONG_TYPE), 'fileName');
      expect(await eventsOf(db, taskId)).toEqual(before);
      expect((await upload(OK_PHOTO)).body.errors).toBeUndefined();
    });

    it('submitArchiveMaterial', async () => {
      const act = async (login: string, mutation: string, type: string, input: Record<string, unknown>) => {
        const res = await gql(login, `mutation($input: ${type}!) { ${mutation}(input: $input) { stage } }`, { input: { taskId, ...input } });
        expect(res.body.errors).toBeUndefined();
      };
      await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { classification: 'MET', note: '已达标' });
      await act('supervisor', 'confirmSelfCheck', 'ApproveInput', {});
      await act('supervisor', 'startArchiving', 'ApproveInput', {});
      const card = await gql<{ indicatorTask: { stage: string; archiveMaterials: { code: string }[] } }>('wtsq.member', `{ indicatorTask(id: "${taskId}") { stage archiveMaterials { code } } }`);
      expect(card.body.data!.indicatorTask.stage).toBe('ARCHIVING');
      const materialCode = card.body.data!.indicatorTask.archiveMaterials[0].code;

      const submit = (file: { fileName: string; contentBase64: string }) =>
        gql('wtsq.member', 'mutation($input: SubmitArchiveMaterialInput!) { submitArchiveMaterial(input: $input) { stage } }', { input: { taskId, materialCode, ...file } });
      const before = await eventsOf(db, taskId);
      expectFileRefused(await submit(OVERSIZED), 'file');
      expectFileRefused(await submit(WRONG_TYPE), 'fileName');
      expect(await eventsOf(db, taskId)).toEqual(before);
    });

    const FINDING = { area: 'SANITATION', location: { address: '外滩路 12 号' }, description: '垃圾桶满溢' };

    it('reportItem photos', async () => {
      const report = (photos: unknown[]) =>
        gql('supervisor', 'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { id } } }', {
          input: { campaignId: CAMPAIGN, source: 'SUPERVISION', ...FINDING, photos },
        });
      expectFileRefused(await report([OK_PHOTO, OVERSIZED]), 'file');
      expectFileRefused(await report([WRONG_TYPE]), 'fileName');
      expect(await db.selectFrom('rectification_item_cards').select('item_id').execute()).toEqual([]);
    });

    it('actOnItem photos (SUBMIT_RECTIFICATION)', async () => {
      const reported = await gql<{ reportItem: { item: { id: string } } }>('supervisor', 'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { id } } }', {
        input: { campaignId: CAMPAIGN, source: 'SUPERVISION', ...FINDING, location: { address: '外滩路 14 号' }, unitCode: 'WTSQ' },
      });
      expect(reported.body.errors).toBeUndefined();
      const itemId = reported.body.data!.reportItem.item.id;
      const act = (action: string, input: Record<string, unknown> = {}) =>
        gql('wtsq.member', 'mutation($input: ItemActionInput!) { actOnItem(input: $input) { state } }', { input: { itemId, action, ...input } });
      expect((await act('START_RECTIFICATION')).body.errors).toBeUndefined();
      const before = await eventsOf(db, itemId);
      expectFileRefused(await act('SUBMIT_RECTIFICATION', { note: '已清理', photos: [OVERSIZED] }), 'file');
      expectFileRefused(await act('SUBMIT_RECTIFICATION', { note: '已清理', photos: [WRONG_TYPE] }), 'fileName');
      expect(await eventsOf(db, itemId)).toEqual(before);
    });

    it('recordFinding photos', async () => {
      const planned = await gql<{ planInspectionRound: { id: string } }>('supervisor', 'mutation($input: PlanInspectionRoundInput!) { planInspectionRound(input: $input) { id } }', {
        input: { campaignId: CAMPAIGN, kind: 'OPEN_INSPECTION', title: '明察', plannedOn: '2026-12-10' },
      });
      const roundId = planned.body.data!.planInspectionRound.id;
      expect((await gql('supervisor', 'mutation($input: RoundActionInput!) { actOnInspectionRound(input: $input) { state } }', { input: { roundId, action: 'START_ROUND' } })).body.errors).toBeUndefined();
      const record = (photos: unknown[]) =>
        gql('supervisor', 'mutation($input: RecordFindingInput!) { recordFinding(input: $input) { duplicate } }', {
          input: { roundId, ...FINDING, location: { address: '滨江大道 1 号' }, photos },
        });
      const before = await eventsOf(db, roundId);
      expectFileRefused(await record([OVERSIZED]), 'file');
      expectFileRefused(await record([WRONG_TYPE]), 'fileName');
      expect(await eventsOf(db, roundId)).toEqual(before);
    });
  });

  describe('the record of denied attempts', () => {
    const denials = () => db.selectFrom('access_denials').selectAll().orderBy('id').execute();
    const PAGE = 'nodes { id at userId login role unitCode operationType operationName path code message ip requestId } endCursor hasNextPage';

    it('records a FORBIDDEN refusal with who, what, when and where, and answers it unchanged', async () => {
      await db.deleteFrom('access_denials').execute();
      const started = Date.now();
      const res = await gql('wtsq.member', `mutation Tighten { updateCampaignPolicy(input: { campaignId: "${CAMPAIGN}", selfCheckDays: 3 }) { id } }`);
      expect(res.body.errors).toEqual([{ message: '「责任单位成员」无权修改活动的时限规则（仅限创建办）', locations: [{ line: 1, column: 20 }], path: ['updateCampaignPolicy'], extensions: { code: 'FORBIDDEN', field: null } }]);
      expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);

      const [row] = await denials();
      expect(row).toMatchObject({
        user_id: 'user:wtsq.member',
        login: 'wtsq.member',
        role: 'UNIT_MEMBER',
        unit_code: 'WTSQ',
        operation_type: 'mutation',
        operation_name: 'Tighten',
        path: 'updateCampaignPolicy',
        code: 'FORBIDDEN',
        message: '「责任单位成员」无权修改活动的时限规则（仅限创建办）',
        request_id: res.requestId,
      });
      expect(row.ip).toMatch(/127\.0\.0\.1$/);
      expect(row.occurred_at.getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(row.occurred_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('records UNAUTHENTICATED refusals with nobody as the caller, but not NOT_FOUND or input errors', async () => {
      await db.deleteFrom('access_denials').execute();
      expect((await gql(null, 'query Board { board { columns { label } } }')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gql('nobody', '{ me { login } }')).body.errors?.[0]).toMatchObject({ message: '用户「nobody」不存在', extensions: { code: 'UNAUTHENTICATED' } });
      // Another unit's task is NOT_FOUND: not recorded (the answer does not tell "hidden" from "missing").
      expect((await gql('bjsq.member', `{ indicatorTask(id: "${taskId}") { id } }`)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await gql('wtsq.member', `mutation { addComment(input: { taskId: "${taskId}", text: "  " }) { id } }`)).body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });

      const rows = await denials();
      expect(rows.map((r) => [r.code, r.path, r.operation_name, r.user_id, r.login, r.role, r.unit_code])).toEqual([
        ['UNAUTHENTICATED', 'board', 'Board', null, null, null, null],
        ['UNAUTHENTICATED', 'me', null, null, null, null, null],
      ]);
      expect(rows[1].message).toBe('用户「nobody」不存在');
    });

    it('shows the record to the office and the leading group, newest first, page by page; a unit member is refused, and that is recorded too', async () => {
      await db.deleteFrom('access_denials').execute();
      await gql(null, '{ me { login } }');
      await gql('wtsq.member', `mutation Tighten { updateCampaignPolicy(input: { campaignId: "${CAMPAIGN}", selfCheckDays: 3 }) { id } }`);

      const refused = await gql('wtsq.member', `{ accessDenials { ${PAGE} } }`);
      expect(refused.body.data).toBeNull();
      expect(refused.body.errors?.[0]).toMatchObject({ message: '「责任单位成员」无权查看拒绝访问记录（仅限创建办、领导小组）', extensions: { code: 'FORBIDDEN' } });

      type Page = { accessDenials: { nodes: Record<string, unknown>[]; endCursor: string | null; hasNextPage: boolean } };
      const all = await gql<Page>('office', `{ accessDenials { ${PAGE} } }`);
      expect(all.body.errors).toBeUndefined();
      const nodes = all.body.data!.accessDenials.nodes;
      expect(nodes.map((n) => [n.path, n.code, n.login])).toEqual([
        ['accessDenials', 'FORBIDDEN', 'wtsq.member'],
        ['updateCampaignPolicy', 'FORBIDDEN', 'wtsq.member'],
        ['me', 'UNAUTHENTICATED', null],
      ]);
      expect(nodes[1]).toMatchObject({ userId: 'user:wtsq.member', role: 'UNIT_MEMBER', unitCode: 'WTSQ', operationType: 'mutation', operationName: 'Tighten', message: '「责任单位成员」无权修改活动的时限规则（仅限创建办）' });
      expect(Date.parse(nodes[1].at as string)).toBeGreaterThan(Date.now() - 60_000);

      const first = await gql<Page>('leader', `{ accessDenials(first: 2) { ${PAGE} } }`);
      expect(first.body.data!.accessDenials).toMatchObject({ hasNextPage: true, endCursor: nodes[1].id });
      const second = await gql<Page>('leader', `query($after: String) { accessDenials(first: 2, after: $after) { ${PAGE} } }`, { after: first.body.data!.accessDenials.endCursor });
      expect(second.body.data!.accessDenials).toMatchObject({ hasNextPage: false, endCursor: nodes[2].id });
      expect(second.body.data!.accessDenials.nodes.map((n) => n.path)).toEqual(['me']);

      const later = await gql<Page>('office', `{ accessDenials(since: "${new Date(Date.now() + 60_000).toISOString()}") { ${PAGE} } }`);
      expect(later.body.data!.accessDenials).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
      expect((await gql('office', '{ accessDenials(first: 500) { hasNextPage } }')).body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('still answers FORBIDDEN when the record cannot be written', async () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      await sql`alter table access_denials rename to access_denials_away`.execute(db);
      try {
        const res = await gql('wtsq.member', `mutation { updateCampaignPolicy(input: { campaignId: "${CAMPAIGN}", selfCheckDays: 3 }) { id } }`);
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors![0]).toMatchObject({ message: '「责任单位成员」无权修改活动的时限规则（仅限创建办）', extensions: { code: 'FORBIDDEN' } });
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('[audit] could not record 1 denied attempt(s)'));
      } finally {
        await sql`alter table access_denials_away rename to access_denials`.execute(db);
        warn.mockRestore();
      }
    });
  });

  describe('internal errors', () => {
    it('answers INTERNAL_SERVER_ERROR with a Chinese message and the request id, without stack or SQL, and logs it under that id', async () => {
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      await sql`alter table campaigns rename to campaigns_away`.execute(db);
      try {
        const res = await gql('office', '{ campaigns { id name } }');
        expect(res.status).toBe(200);
        expect(res.body.data).toBeNull();
        expect(res.body.errors).toHaveLength(1);
        const [error] = res.body.errors!;
        expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.requestId });
        expect(error.message).toBe(`服务器内部错误，请稍后重试（请求编号 ${res.requestId}） / internal server error`);
        expect(error.path).toEqual(['campaigns']);
        expectNoInsides(res.text);
        expect(res.text).not.toContain('campaigns_away');
        expect(res.text).not.toContain('does not exist');
        expect(logged).toHaveBeenCalledWith(`[api] unexpected error (request ${res.requestId})`, expect.objectContaining({ message: expect.stringContaining('campaigns') }));
      } finally {
        await sql`alter table campaigns_away rename to campaigns`.execute(db);
        logged.mockRestore();
      }
    });

    it('keeps a request id a proxy in front gave the request', async () => {
      const res = await post('office', JSON.stringify({ query: '{ me { login } }' }), { 'x-request-id': 'lb-7f3a9c2e-0001' });
      expect(res.requestId).toBe('lb-7f3a9c2e-0001');
      const invented = await post('office', JSON.stringify({ query: '{ me { login } }' }), { 'x-request-id': 'no spaces <allowed>' });
      expect(invented.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
