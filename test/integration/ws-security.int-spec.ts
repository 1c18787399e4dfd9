// The live connection (graphql-ws) as an attacker on the same host would try it (issue 14), with a real
// graphql-ws client against the real API, PostgreSQL and Temporal: a page on another site is refused at the
// handshake; the demo header in connectionParams, sent through a trusted proxy, names no one; a subscriber's socket
// is closed when the session it was opened with ends (sign-out, password changes, role change, removal, expiry,
// a service account's revocation); and one socket or person cannot hold more than their share.
import { createClient, type Client as WsClient } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { DEMO_PASSWORD, hashPassword } from '../../src/auth/passwords';
import { signAccessToken } from '../../src/auth/tokens';
import { GraphqlWsServer, SESSION_ENDED } from '../../src/platform/live/graphql-ws.server';
import { seedReferenceData, waitFor } from '../support/fixtures';
import { accessToken, gql, startTestStack, type TestStack } from '../support/test-env';

const SECRET = 's'.repeat(48);
const PROTOCOL = 'graphql-transport-ws';
const BOARD = 'subscription { boardChanged { eventType } }';

/** A graphql-ws WebSocket whose handshake carries these headers (what a page, a proxy or a script would send). */
function socketWith(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as typeof WebSocket;
}

interface Opened {
  client: WsClient;
  results: unknown[];
  errors: unknown[];
  closed: Promise<{ code: number; reason: string }>;
}

describe('graphql-ws security', () => {
  let stack: TestStack;
  let server: GraphqlWsServer;
  let wsUrl: string;
  const clients: WsClient[] = [];

  beforeAll(async () => {
    stack = await startTestStack({
      prefix: 'ws-security',
      withWorker: false,
      env: {
        TRUST_PROXY: 'loopback',
        AUTH_TOKEN_SECRET: SECRET,
        WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
        WS_MAX_SUBSCRIPTIONS_PER_PERSON: '5',
        MAX_REQUEST_MB: '1',
        SIGN_IN_MAX_PER_IP: '200',
      },
    });
    await seedReferenceData(stack.db);
    server = stack.app.get(GraphqlWsServer);
    wsUrl = `${stack.url.replace('http', 'ws')}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await stack?.stop();
  });

  /** Opens a socket with these connection parameters and subscribes to `query` on it. */
  function open(connectionParams: Record<string, unknown>, query = BOARD, headers: Record<string, string> = {}): Opened {
    let closed!: (event: { code: number; reason: string }) => void;
    const opened: Opened = { client: undefined as unknown as WsClient, results: [], errors: [], closed: new Promise((resolve) => (closed = resolve)) };
    opened.client = createClient({
      url: wsUrl,
      webSocketImpl: socketWith(headers),
      connectionParams,
      retryAttempts: 0,
      lazy: false,
      // The close is what these tests wait for, through `on.closed`; not an error to print.
      onNonLazyError: () => undefined,
      on: { closed: (event) => closed({ code: (event as { code: number }).code, reason: String((event as { reason: string }).reason) }) },
    });
    clients.push(opened.client);
    opened.client.subscribe({ query }, { next: (value) => opened.results.push(value), error: (err) => opened.errors.push(err), complete: () => undefined });
    return opened;
  }

  async function subscribed(userId: string, count: number): Promise<void> {
    await waitFor(async () => server.subscriptionCount(userId) === count, 10_000, `${count} subscriptions of ${userId}`);
  }

  /** The raw handshake: its HTTP status when refused, 101 when upgraded. */
  function handshake(headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl, PROTOCOL, { headers });
      ws.on('unexpected-response', (_req, res: IncomingMessage) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      ws.on('open', () => {
        ws.close();
        resolve({ status: 101, body: '' });
      });
      ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
    });
  }

  describe('the handshake', () => {
    it('refuses a page from another site with 403 before any graphql-ws message', async () => {
      const evil = open({ authorization: `Bearer ${await accessToken(stack.url, 'supervisor')}` }, BOARD, { Origin: 'https://evil.example' });
      const closed = await evil.closed;
      expect(closed.code).toBe(1006);
      expect(evil.results).toEqual([]);
      const refused = await handshake({ Origin: 'https://evil.example' });
      expect(refused).toEqual({ status: 403, body: expect.stringContaining('origin not allowed: https://evil.example') });
    });

    it.each(['null', 'http://127.0.0.1.evil.example:PORT', 'http://localhost:1', 'https://127.0.0.1:PORT', 'http://127.0.0.1:PORT/board', 'file://'])('refuses Origin %j', async (origin) => {
      const port = new URL(stack.url).port;
      expect((await handshake({ Origin: origin.replace('PORT', port) })).status).toBe(403);
    });

    it('refuses an allowed Origin with a foreign Host (a DNS name rebound to this machine)', async () => {
      const port = new URL(stack.url).port;
      expect((await handshake({ Origin: `http://127.0.0.1:${port}`, Host: `evil.example:${port}` })).status).toBe(403);
      expect((await handshake({ Host: 'a b' })).status).toBe(403);
    });

    it('lets in the API\'s own pages, the loopback names, and clients that send no Origin (the CLI, integrations)', async () => {
      const port = new URL(stack.url).port;
      expect((await handshake({ Origin: `http://127.0.0.1:${port}` })).status).toBe(101);
      expect((await handshake({ Origin: `http://localhost:${port}`, Host: `localhost:${port}` })).status).toBe(101);
      expect((await handshake({})).status).toBe(101);
    });

    it('answers 404 for a WebSocket to any other path', async () => {
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/health`, PROTOCOL);
        ws.on('unexpected-response', (_req, res: IncomingMessage) => resolve(res.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
      expect(status).toBe(404);
    });
  });

  describe('identity', () => {
    it('does not take the demo header from connectionParams, even through a trusted proxy', async () => {
      const proxied = { 'X-Forwarded-For': '203.0.113.5' };
      const asOffice = open({ 'x-demo-user': 'office' }, BOARD, proxied);
      await waitFor(async () => asOffice.results.length > 0, 10_000, 'the refusal');
      expect(asOffice.results).toEqual([
        expect.objectContaining({
          errors: [expect.objectContaining({ message: '实时连接不接受演示身份请求头，请登录后用访问令牌连接', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })],
        }),
      ]);
      // The refusal is recorded with the client's address behind the proxy (TRUST_PROXY=loopback), as over HTTP.
      await waitFor(async () => (await stack.db.selectFrom('access_denials').select('ip').where('operation_type', '=', 'subscription').execute()).length > 0, 10_000, 'the record');
      const records = await stack.db.selectFrom('access_denials').select(['ip', 'code', 'user_id']).where('operation_type', '=', 'subscription').execute();
      expect(records).toEqual([{ ip: '203.0.113.5', code: 'UNAUTHENTICATED', user_id: null }]);

      // Queries and mutations over the socket: no one either (the office's power to set passwords in particular).
      const client = createClient({ url: wsUrl, webSocketImpl: socketWith({ ...proxied, 'x-demo-user': 'office' }), connectionParams: { 'x-demo-user': 'office' }, retryAttempts: 0 });
      clients.push(client);
      const run = (query: string) =>
        new Promise<unknown>((resolve) => {
          client.subscribe({ query }, { next: resolve, error: resolve, complete: () => undefined });
        });
      const me = (await run('{ me { login } }')) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
      expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(me.data).toBeNull();
      const set = (await run('mutation { setUserPassword(login: "supervisor2", password: "taken0ver") }')) as { errors?: { extensions?: { code?: string } }[] };
      expect(set.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const signIn = await gql<{ signIn: { accessToken: string } }>(stack.url, null, 'mutation { signIn(input: { login: "supervisor2", password: "taken0ver" }) { accessToken } }');
      expect(signIn.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // Over HTTP from loopback the demo header still works, as the examples in docs/api.md use it.
      expect((await gql<{ me: { login: string } }>(stack.url, 'office', '{ me { login } }')).data).toEqual({ me: { login: 'office' } });
    });

    it('accepts a bearer token in connectionParams', async () => {
      const token = await accessToken(stack.url, 'leader');
      const ok = open({ authorization: `Bearer ${token}` });
      await subscribed('user:leader', 1);
      expect(ok.errors).toEqual([]);
      await ok.client.dispose();
      await subscribed('user:leader', 0);
    });
  });

  describe('a live subscription ends with its session', () => {
    async function expectEnded(opened: Opened): Promise<void> {
      // The notice reaches the API at once; the bound is only there so that a failure does not hang.
      const closed = await Promise.race([opened.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 12_000).unref())]);
      expect(closed).toEqual({ code: SESSION_ENDED.code, reason: SESSION_ENDED.reason });
    }

    it('on sign-out', async () => {
      const token = await accessToken(stack.url, 'supervisor');
      const live = open({ authorization: `Bearer ${token}` });
      await subscribed('user:supervisor', 1);
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { signOut }' }),
      });
      expect(((await res.json()) as { data: unknown }).data).toEqual({ signOut: true });
      await expectEnded(live);
      await subscribed('user:supervisor', 0);
    });

    it('when the person changes their password on another device', async () => {
      const elsewhere = await accessToken(stack.url, 'wtsq.head');
      const live = open({ authorization: `Bearer ${await accessToken(stack.url, 'wtsq.head')}` });
      await subscribed('user:wtsq.head', 1);
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${elsewhere}` },
        body: JSON.stringify({ query: `mutation { changePassword(currentPassword: "${DEMO_PASSWORD}", newPassword: "newpass123") }` }),
      });
      expect(((await res.json()) as { data: unknown }).data).toEqual({ changePassword: true });
      await expectEnded(live);
    });

    it('when the office sets the person\'s password', async () => {
      const live = open({ authorization: `Bearer ${await accessToken(stack.url, 'bjsq.head')}` });
      await subscribed('user:bjsq.head', 1);
      expect((await gql(stack.url, 'office', 'mutation { setUserPassword(login: "bjsq.head", password: "office1234") }')).errors).toBeUndefined();
      await expectEnded(live);
    });

    it('when the person\'s role or unit changes (an organisation import), and not when an import leaves them as they are', async () => {
      const live = open({ authorization: `Bearer ${await accessToken(stack.url, 'wtsq.member')}` });
      await subscribed('user:wtsq.member', 1);
      // What the import writes for an unchanged person: the same values again.
      await sql`update users set role = role, unit_code = unit_code, display_name = display_name where login = 'wtsq.member'`.execute(stack.db);
      await server.recheck(() => true);
      expect(server.subscriptionCount('user:wtsq.member')).toBe(1);
      await stack.db.updateTable('users').set({ role: 'UNIT_HEAD' }).where('login', '=', 'wtsq.member').execute();
      await expectEnded(live);
      await stack.db.updateTable('users').set({ role: 'UNIT_MEMBER' }).where('login', '=', 'wtsq.member').execute();
    });

    it('when the person is removed', async () => {
      await stack.db
        .insertInto('users')
        .values({ id: 'user:leaving', login: 'leaving', display_name: '将离职', role: 'SUPERVISOR', unit_code: null, password_hash: await hashPassword(DEMO_PASSWORD) })
        .execute();
      const live = open({ authorization: `Bearer ${await accessToken(stack.url, 'leaving')}` });
      await subscribed('user:leaving', 1);
      await stack.db.deleteFrom('users').where('id', '=', 'user:leaving').execute();
      await expectEnded(live);
    });

    it('when the access token expires', async () => {
      const token = await accessToken(stack.url, 'archivist');
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string; sid: string };
      const now = Math.floor(Date.now() / 1000);
      const shortLived = signAccessToken({ sub: claims.sub, sid: claims.sid, iat: now, exp: now + 5 }, SECRET);
      const live = open({ authorization: `Bearer ${shortLived}` });
      await subscribed('user:archivist', 1);
      await expectEnded(live);
    });

    it('when the session was revoked and the notice lost: the periodic re-check closes it', async () => {
      const token = await accessToken(stack.url, 'xcb.member');
      const live = open({ authorization: `Bearer ${token}` });
      await subscribed('user:xcb.member', 1);
      const { sid } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sid: string };
      // Triggers off for this transaction only: the revocation is written without its notice.
      await stack.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await trx.updateTable('auth_sessions').set({ revoked_at: new Date(), revoked_reason: 'TEST' }).where('id', '=', sid).execute();
      });
      expect(server.subscriptionCount('user:xcb.member')).toBe(1);
      await server.recheck(() => true);
      await expectEnded(live);
    });

    it('when a service account is revoked', async () => {
      const made = await gql<{ createServiceAccount: { apiKey: string; account: { id: string } } }>(
        stack.url,
        'office',
        'mutation { createServiceAccount(input: { name: "区创文办", scopes: [BOARD_READ] }) { apiKey account { id } } }',
      );
      expect(made.errors).toBeUndefined();
      const { apiKey, account } = made.data!.createServiceAccount;
      const live = open({ authorization: `ApiKey ${apiKey}` });
      await subscribed(`service:${account.id}`, 1);
      expect((await gql(stack.url, 'office', `mutation { revokeServiceAccount(id: "${account.id}") { active } }`)).errors).toBeUndefined();
      await expectEnded(live);
    });
  });

  describe('limits', () => {
    it('caps the subscriptions of one socket and of one person', async () => {
      const token = await accessToken(stack.url, 'supervisor2');
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      clients.push(client);
      const errors: unknown[] = [];
      const start = () => client.subscribe({ query: BOARD }, { next: (v) => errors.push(v), error: (e) => errors.push(e), complete: () => undefined });
      for (let i = 1; i <= 3; i += 1) {
        start();
        await subscribed('user:supervisor2', i);
      }
      start();
      await waitFor(async () => errors.length === 1, 10_000, 'the refusal of the fourth');
      expect(errors[0]).toEqual([expect.objectContaining({ message: '一个连接最多同时订阅 3 项实时推送，请先取消不用的订阅', extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })]);
      expect(server.subscriptionCount('user:supervisor2')).toBe(3);

      // A second socket of the same person: two more, then the person's cap (5).
      const second = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      clients.push(second);
      const more: unknown[] = [];
      const startMore = () => second.subscribe({ query: BOARD }, { next: (v) => more.push(v), error: (e) => more.push(e), complete: () => undefined });
      startMore();
      await subscribed('user:supervisor2', 4);
      startMore();
      await subscribed('user:supervisor2', 5);
      startMore();
      await waitFor(async () => more.length === 1, 10_000, 'the refusal of the sixth');
      expect(more[0]).toEqual(
        expect.objectContaining({ errors: [expect.objectContaining({ message: expect.stringContaining('您已同时订阅 5 项实时推送'), extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })] }),
      );
      expect(server.subscriptionCount('user:supervisor2')).toBe(5);
      await Promise.all([client.dispose(), second.dispose()]);
      await subscribed('user:supervisor2', 0);
    });

    it('closes a socket whose message is larger than MAX_REQUEST_MB (1009)', async () => {
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(wsUrl, PROTOCOL);
        ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(1024 * 1024 + 10) } })));
        ws.on('close', (c) => resolve(c));
        ws.on('error', () => undefined);
      });
      expect(code).toBe(1009);
    });

    it('closes a socket that does not initialise the connection (4408)', async () => {
      const received: string[] = [];
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(wsUrl, PROTOCOL);
        ws.on('message', (m: Buffer) => received.push(m.toString('utf8')));
        ws.on('close', (c) => resolve(c));
      });
      expect(code).toBe(4408);
      expect(received).toEqual([]);
    });
  });
});
