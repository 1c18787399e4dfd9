// POST /files against the running API, PostgreSQL and Temporal: a file streamed on its own, then named by its
// id in an action; refused when it passes MAX_UPLOAD_MB (while it streams), when its bytes are not what its name
// says, when nobody is signed in, and when someone else's upload is named.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { MAX_WAITING_UPLOADS, UploadService, UPLOAD_KEEP_HOURS } from '../../src/platform/files/upload.service';
import { CAMPAIGN, startStackWithTask } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const CHINESE = /[\u4e00-\u9fff]/;
const MB = 1024 * 1024;

interface Answer {
  status: number;
  body: { id?: string; sha256?: string; name?: string; size?: number; mimeType?: string; code?: string; message?: string; field?: string | null };
}

describe('uploads with POST /files', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'uploads', env: { MAX_UPLOAD_MB: '1' } })));
  afterAll(async () => stack?.stop());

  const incoming = () => path.join(stack.config.files.dir, 'incoming');
  const waiting = () => (fs.existsSync(incoming()) ? fs.readdirSync(incoming()) : []);

  /**
   * Sends a body with node:http, chunk by chunk (no Content-Length unless given), and takes the answer whenever
   * it comes: a refusal may arrive, and the connection close, before the whole body is sent.
   */
  function send(headers: Record<string, string>, chunks: Buffer[]): Promise<Answer> {
    const url = new URL(`${stack.url}/files`);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as Answer['body'] }));
        res.on('error', reject);
      });
      // Writes after a refusal may fail (the server stopped reading); the answer is what counts.
      req.on('error', () => undefined);
      let i = 0;
      const next = () => {
        while (i < chunks.length) if (!req.write(chunks[i++])) return void req.once('drain', next);
        req.end();
      };
      next();
    });
  }

  const upload = (login: string | null, name: string, content: Buffer, extra: Record<string, string> = {}) =>
    send({ ...(login ? { 'x-demo-user': login } : {}), 'x-file-name': encodeURIComponent(name), 'content-length': String(content.length), ...extra }, [content]);

  const attach = (login: string, input: Record<string, unknown>) =>
    gql<{ uploadEvidence: { evidence: { sha256: string; name: string; size: number; url: string }[] } }>(
      stack.url,
      login,
      'mutation($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { evidence { sha256 name size url } } }',
      { input: { taskId, ...input } },
    );

  it('stores an upload, then attaches it as evidence by its id; the evidence downloads as the same bytes', async () => {
    const sent = await upload('wtsq.member', '整改前 现场.jpg', JPEG);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ name: '整改前 现场.jpg', size: JPEG.length, mimeType: 'image/jpeg' });
    expect(sent.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(waiting()).toEqual([sent.body.id]);

    const res = await attach('wtsq.member', { fileId: sent.body.id, note: '整改前' });
    expect(res.errors).toBeUndefined();
    const evidence = res.data!.uploadEvidence.evidence.find((e) => e.name === '整改前 现场.jpg')!;
    expect(evidence).toMatchObject({ sha256: sent.body.sha256, size: JPEG.length });
    const download = await fetch(`${stack.url}${evidence.url}`, { headers: { 'x-demo-user': 'supervisor' } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(JPEG);
    // Moved into the store; the record says it was used. A retry of the action may name it again.
    expect(waiting()).toEqual([]);
    const row = await stack.db.selectFrom('uploaded_files').selectAll().where('id', '=', sent.body.id!).executeTakeFirstOrThrow();
    expect(row.used_at).not.toBeNull();
    expect((await attach('wtsq.member', { fileId: sent.body.id })).errors).toBeUndefined();
  });

  it('takes photos of a reported item by their ids, and a streamed body without Content-Length', async () => {
    const sent = await send({ 'x-demo-user': 'supervisor', 'x-file-name': encodeURIComponent('垃圾桶.png') }, [PNG.subarray(0, 3), PNG.subarray(3)]);
    expect(sent.status).toBe(201);
    const res = await gql<{ reportItem: { item: { photos: { name: string }[] } } }>(stack.url, 'supervisor', 'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { photos { name } } } }', {
      input: { campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'SANITATION', location: { address: '外滩路 12 号' }, description: '垃圾桶满溢', photos: [{ fileId: sent.body.id }] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportItem.item.photos).toEqual([{ name: '垃圾桶.png' }]);
  });

  it('refuses a body over MAX_UPLOAD_MB while it streams, and one that says so up front, keeping nothing', async () => {
    const before = await stack.db.selectFrom('uploaded_files').select('id').execute();
    // 2 MB in 64 KB chunks, no Content-Length: refused once 1 MB has passed.
    const chunks = [JPEG, ...Array.from({ length: 32 }, () => Buffer.alloc(64 * 1024, 1))];
    const streamed = await send({ 'x-demo-user': 'wtsq.member', 'x-file-name': 'big.jpg' }, chunks);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    expect(streamed.body.message).toMatch(/超过 1 MB 的上限/);

    const declared = await send({ 'x-demo-user': 'wtsq.member', 'x-file-name': 'big.jpg', 'content-length': String(2 * MB) }, [JPEG]);
    expect(declared.status).toBe(413);
    expect(declared.body.code).toBe('PAYLOAD_TOO_LARGE');

    expect(waiting()).toEqual([]);
    expect(await stack.db.selectFrom('uploaded_files').select('id').execute()).toEqual(before);
  });

  it('refuses bytes that are not what the name says, a type not accepted, and a missing or broken name', async () => {
    const cases: [string | undefined, Buffer, string, RegExp][] = [
      ['假照片.jpg', PNG, 'file', /与扩展名「\.jpg」不符/],
      ['假照片.jpg', Buffer.from('GIF89a'), 'file', /不符/],
      ['脚本.exe', JPEG, 'fileName', /不支持的文件类型/],
      ['空的.jpg', Buffer.alloc(0), 'file', /文件是空的/],
      [undefined, JPEG, 'fileName', /X-File-Name/],
    ];
    for (const [name, content, field, wording] of cases) {
      const res = await send({ 'x-demo-user': 'wtsq.member', ...(name ? { 'x-file-name': encodeURIComponent(name) } : {}), 'content-length': String(content.length) }, [content]);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.body.message).toMatch(wording);
    }
    expect((await send({ 'x-demo-user': 'wtsq.member', 'x-file-name': '%E4%B8', 'content-length': String(JPEG.length) }, [JPEG])).body.code).toBe('BAD_USER_INPUT');
    expect(waiting()).toEqual([]);
  });

  it('refuses a caller without credentials or with a bad token, before reading the body', async () => {
    const anonymous = await upload(null, 'a.jpg', JPEG);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.message).toMatch(CHINESE);
    expect((await upload(null, 'a.jpg', JPEG, { authorization: 'Bearer nonsense' })).status).toBe(401);
    expect(waiting()).toEqual([]);
  });

  it("refuses someone else's upload, an unknown id, and an id together with base64 content", async () => {
    const theirs = await upload('supervisor', '督查.jpg', JPEG);
    expect(theirs.status).toBe(201);
    for (const fileId of [theirs.body.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const res = await attach('wtsq.member', { fileId });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileId' });
      expect(res.errors?.[0]?.message).toMatch(/找不到编号为/);
    }
    const both = await attach('supervisor', { fileId: theirs.body.id, fileName: 'a.jpg', contentBase64: JPEG.toString('base64') });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await attach('supervisor', { note: '没有文件' });
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it(`removes uploads after ${UPLOAD_KEEP_HOURS} hours, used or not; an id past that is refused`, async () => {
    const unused = await upload('wtsq.member', '忘了.jpg', JPEG);
    expect(waiting()).toContain(unused.body.id);
    const uploads = stack.app.get(UploadService);
    expect(await uploads.cleanup(new Date())).toBe(0);
    const removed = await uploads.cleanup(new Date(Date.now() + (UPLOAD_KEEP_HOURS + 1) * 3600 * 1000));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(waiting()).toEqual([]);
    expect(await stack.db.selectFrom('uploaded_files').select('id').execute()).toEqual([]);
    expect((await attach('wtsq.member', { fileId: unused.body.id })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileId' });
  });

  it(`refuses an upload while the person has ${MAX_WAITING_UPLOADS} waiting for an action, so one account cannot fill the disk`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_WAITING_UPLOADS; i += 1) {
      const sent = await upload('wtsq.member', `批量-${i}.jpg`, JPEG);
      expect(sent.status).toBe(201);
      ids.push(sent.body.id!);
    }
    const refused = await upload('wtsq.member', '再一张.jpg', JPEG);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', field: 'file' });
    expect(refused.body.message).toMatch(CHINESE);
    expect(waiting()).toHaveLength(MAX_WAITING_UPLOADS);
    // Another person is not held back by it.
    expect((await upload('supervisor', '别人的.jpg', JPEG)).status).toBe(201);
    // Once one is used by an action, there is room for the next.
    expect((await attach('wtsq.member', { fileId: ids[0] })).errors).toBeUndefined();
    expect((await upload('wtsq.member', '再一张.jpg', JPEG)).status).toBe(201);
  });
});
