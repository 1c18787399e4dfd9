// Limits of what a request may carry, against the running API: base64 content that would make a backtracking
// check spin (the API keeps answering), and the small body allowed to callers without credentials.
import { startStackWithTask } from '../support/fixtures';
import { gql, type GraphQLResponse, type TestStack } from '../support/test-env';

const CHINESE = /[\u4e00-\u9fff]/;

describe('request limits', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'uplimits' })));
  afterAll(async () => stack?.stop());

  // The quadratic check took about 50 s on this input; the test's own time limit is what fails then.
  it('refuses uploadEvidence of 200,000 spaces then «!» with BAD_USER_INPUT, while /health keeps answering', async () => {
    const upload = gql(stack.url, 'wtsq.member', 'mutation($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { version } }', {
      input: { taskId, fileName: '照片.jpg', contentBase64: `${' '.repeat(200_000)}!` },
    });
    const health = fetch(`${stack.url}/health`);
    const [res, answered] = await Promise.all([upload, health]);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
    expect(res.errors?.[0]?.message).toBe('文件内容须为 Base64 编码');
    expect(answered.status).toBeLessThan(500);
  }, 30_000);

  describe('a caller without credentials', () => {
    const post = (headers: Record<string, string>, body: string) => fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const padded = (bytes: number) => JSON.stringify({ query: '{ me { login } }', variables: { pad: 'x'.repeat(bytes) } });

    it('cannot send a 14 MB body: 413 PAYLOAD_TOO_LARGE as JSON, in Chinese', async () => {
      const res = await post({}, padded(14 * 1024 * 1024));
      expect(res.status).toBe(413);
      const body = (await res.json()) as GraphQLResponse<unknown>;
      expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(body.errors?.[0]?.message).toMatch(CHINESE);
      // Just over the anonymous limit is refused the same way; a bad token is not credentials enough to be
      // refused here, but it is refused before any resolver runs.
      expect((await post({}, padded(70 * 1024))).status).toBe(413);
      const badToken = (await (await post({ authorization: 'Bearer nonsense' }, padded(70 * 1024))).json()) as GraphQLResponse<unknown>;
      expect(badToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a chunked body of unknown length', async () => {
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(padded(10)));
          controller.close();
        },
      });
      const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(411);
      expect(((await res.json()) as GraphQLResponse<unknown>).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('can still sign in, and a caller with credentials may send more than the anonymous limit', async () => {
      const signIn = await post({}, JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', variables: { i: { login: 'office', password: 'wrong-password-1' } } }));
      expect(signIn.status).toBe(200);
      expect(((await signIn.json()) as GraphQLResponse<unknown>).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const known = await post({ 'x-demo-user': 'office' }, padded(200 * 1024));
      expect(known.status).toBe(200);
      expect(((await known.json()) as GraphQLResponse<{ me: { login: string } }>).data?.me.login).toBe('office');
    });
  });
});
