// Comments and evidence on a card, through GraphQL over HTTP: who may add them, the file store's limits, and
// downloads that follow the same visibility rules as the card.
import { startStackWithTask } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]);

describe('comments and evidence', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'evidence' })));
  afterAll(async () => stack?.stop());

  const eventCount = async () => (await stack.db.selectFrom('events').select('event_id').where('stream_id', '=', taskId).execute()).length;

  it('records comments from the unit, its lead unit and the supervisors, in order, and refuses other units', async () => {
    for (const [login, text] of [['wtsq.member', '照片明天补'], ['xcb.member', '牵头单位已督促'], ['supervisor', '周五前完成']]) {
      const res = await gql(stack.url, login, `mutation { addComment(input: { taskId: "${taskId}", text: "${text}" }) { version } }`);
      expect(res.errors).toBeUndefined();
    }
    const before = await eventCount();
    const other = await gql(stack.url, 'bjsq.member', `mutation { addComment(input: { taskId: "${taskId}", text: "路过" }) { version } }`);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const blank = await gql(stack.url, 'wtsq.member', `mutation { addComment(input: { taskId: "${taskId}", text: "  " }) { version } }`);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(await eventCount()).toBe(before);

    const res = await gql<{ indicatorTask: { comments: { text: string; author: { displayName: string } }[]; sideActions: string[] } }>(
      stack.url,
      'wtsq.member',
      `{ indicatorTask(id: "${taskId}") { sideActions comments { text author { displayName } } } }`,
    );
    expect(res.data!.indicatorTask.comments.map((c) => c.text)).toEqual(['照片明天补', '牵头单位已督促', '周五前完成']);
    expect(res.data!.indicatorTask.sideActions).toEqual(['ADD_COMMENT', 'ATTACH_EVIDENCE']);
  });

  it('stores evidence by its SHA-256, lists it on the card, and serves it only to those who may see the card', async () => {
    const upload = (login: string, fileName: string, content: Buffer) =>
      gql<{ uploadEvidence: { evidence: { sha256: string; name: string; size: number; url: string; uploadedBy: { displayName: string } }[] } }>(
        stack.url,
        login,
        `mutation($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { evidence { sha256 name size url uploadedBy { displayName } } } }`,
        { input: { taskId, fileName, contentBase64: content.toString('base64'), note: '整改前' } },
      );
    const ok = await upload('wtsq.member', '现场照片.jpg', JPEG);
    expect(ok.errors).toBeUndefined();
    const [evidence] = ok.data!.uploadEvidence.evidence;
    expect(evidence).toMatchObject({ name: '现场照片.jpg', size: JPEG.length, uploadedBy: { displayName: '外滩社区工作人员' } });
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);

    const before = await eventCount();
    expect((await upload('wtsq.member', '脚本.exe', JPEG)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileName' });
    expect((await upload('wtsq.member', '假的.png', JPEG)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await upload('leader', '领导.jpg', JPEG)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await eventCount()).toBe(before);

    const download = (login: string | null) => fetch(`${stack.url}${evidence.url}`, { headers: login ? { 'x-demo-user': login } : {} });
    const own = await download('supervisor');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await own.arrayBuffer())).toEqual(JPEG);
    expect((await download('bjsq.member')).status).toBe(404);
    expect((await download(null)).status).toBe(401);
    expect((await fetch(`${stack.url}/tasks/${encodeURIComponent(taskId)}/evidence/${'0'.repeat(64)}`, { headers: { 'x-demo-user': 'supervisor' } })).status).toBe(404);
  });
});
