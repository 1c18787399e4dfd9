// Two API processes behind one PostgreSQL and one Temporal: a subscriber connected to the second process, signed
// in with a token, sees changes made through the first, for indicator tasks and for rectification items, and
// only those it may see. Changes travel through the database's notifications, never through process memory.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createClient } from 'graphql-ws';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { seedTask, waitFor } from '../support/fixtures';
import { env, gql, startTestStack, subscribeAs, type TestStack } from '../support/test-env';

interface Received {
  boardChanged?: { eventType: string; task: { id: string; stage: string } };
  itemChanged?: { eventType: string; item: { id: string; state: string; reportedBy: { displayName: string } | null } };
}

describe('two API processes', () => {
  let stack: TestStack;
  let second: ChildProcess;
  let secondUrl: string;
  let taskId: string;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'two-apis' });
    taskId = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue);
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}`;
    second = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/api.main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: stack.databaseUrl,
        TEMPORAL_ADDRESS: env('TEST_TEMPORAL_ADDRESS'),
        TEMPORAL_NAMESPACE: env('TEST_TEMPORAL_NAMESPACE'),
        TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'error',
        FILE_STORE_DIR: stack.config.files.dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitFor(async () => (await fetch(`${secondUrl}/health`).catch(() => null))?.ok === true, 60_000, 'the second API');
  });

  afterAll(async () => {
    if (second && second.exitCode === null) {
      const exited = new Promise((resolve) => second.once('exit', resolve));
      second.kill('SIGTERM');
      await exited;
    }
    await stack?.stop();
  });

  async function token(login: string): Promise<string> {
    const res = await gql<{ signIn: { accessToken: string } }>(secondUrl, null, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { login, password: DEMO_PASSWORD } });
    expect(res.errors).toBeUndefined();
    return res.data!.signIn.accessToken;
  }

  const subscribe = (accessToken: string, query: string) => subscribeAs<Received>(secondUrl, accessToken, query);

  it('delivers a task change made through the first process to a subscriber on the second, and not to another unit', async () => {
    const own = subscribe(await token('wtsq.member'), 'subscription { boardChanged { eventType task { id stage } } }');
    const other = subscribe(await token('bjsq.member'), 'subscription { boardChanged { eventType task { id stage } } }');
    await Promise.all([own.ready, other.ready]);
    await new Promise((r) => setTimeout(r, 300));
    const res = await gql(stack.url, 'wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: NOT_MET, note: "缺公益广告" }) { version } }`);
    expect(res.errors).toBeUndefined();
    await waitFor(async () => own.received.length > 0, 10_000, 'the change on the second process');
    await new Promise((r) => setTimeout(r, 300));
    expect(own.received).toEqual([{ boardChanged: { eventType: 'SelfCheckSubmitted', task: { id: taskId, stage: 'SELF_CHECK' } } }]);
    expect(other.received).toEqual([]);
    await Promise.all([own.client.dispose(), other.client.dispose()]);
  });

  it('delivers item changes to the unit it is dispatched to, hiding a covert inspector', async () => {
    const unit = subscribe(await token('wtsq.member'), 'subscription { itemChanged { eventType item { id state reportedBy { displayName } } } }');
    const office = subscribe(await token('office'), 'subscription { itemChanged { eventType item { id state reportedBy { displayName } } } }');
    const other = subscribe(await token('bjsq.member'), 'subscription { itemChanged { eventType item { id state } } }');
    await Promise.all([unit.ready, office.ready, other.ready]);
    await new Promise((r) => setTimeout(r, 300));
    const reported = await gql<{ reportItem: { item: { id: string } } }>(
      stack.url,
      'supervisor',
      'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id } } }',
      { i: { source: 'COVERT_INSPECTION', area: 'SANITATION', location: { address: '外滩路 3 号' }, description: '垃圾满溢', unitCode: 'WTSQ' } },
    );
    expect(reported.errors).toBeUndefined();
    const id = reported.data!.reportItem.item.id;
    await waitFor(async () => unit.received.length >= 1 && office.received.length >= 2, 10_000, 'item changes on the second process');
    await new Promise((r) => setTimeout(r, 300));
    // The unit hears of it once it is dispatched to them, without the inspector's name; the office hears of both events.
    // (Each notification is answered with the item as projected when it is read, so both may show it dispatched.)
    expect(unit.received.at(-1)).toEqual({ itemChanged: { eventType: 'ItemDispatched', item: { id, state: 'DISPATCHED', reportedBy: null } } });
    expect(unit.received.every((r) => r.itemChanged!.item.state === 'DISPATCHED' && r.itemChanged!.item.reportedBy === null)).toBe(true);
    expect(office.received.map((r) => r.itemChanged!.eventType)).toEqual(['ItemReported', 'ItemDispatched']);
    expect(office.received[1].itemChanged!.item.reportedBy).toEqual({ displayName: '李督查（督查检查组）' });
    expect(other.received).toEqual([]);
    await Promise.all([unit.client.dispose(), office.client.dispose(), other.client.dispose()]);
  });

  it('closes a subscriber\'s socket on the second process when its session is signed out through the first', async () => {
    const accessToken = await token('supervisor2');
    let closed!: (code: number) => void;
    const closedWith = new Promise<number>((resolve) => (closed = resolve));
    const client = createClient({
      url: `${secondUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${accessToken}` },
      retryAttempts: 0,
      lazy: false,
      // The close is what these tests wait for, through `on.closed`; not an error to print.
      onNonLazyError: () => undefined,
      on: { closed: (event) => closed((event as { code: number }).code) },
    });
    const received: unknown[] = [];
    client.subscribe({ query: 'subscription { boardChanged { eventType } }' }, { next: (v) => received.push(v), error: (e) => received.push(e), complete: () => undefined });
    // A query on the same socket answers once the socket is up; the subscription is then in place or refused.
    await new Promise<void>((resolve, reject) => {
      client.subscribe({ query: '{ me { login } }' }, { next: () => resolve(), error: reject, complete: () => undefined });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toEqual([]);
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({ signOut: true });
    // PostgreSQL tells every instance at once (the 15 s re-check is the fallback); the bound keeps a failure from hanging.
    const code = await Promise.race([closedWith, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000).unref())]);
    expect(code).toBe(4401);
    await client.dispose();
  });

  it('refuses a token on the second process right after its session is signed out through the first, though the second had just used it (identities are cached for seconds)', async () => {
    const accessToken = await token('supervisor2');
    const me = (url: string) =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ query: '{ me { login } }' }) }).then(
        async (res) => (await res.json()) as { data?: { me: { login: string } } | null; errors?: { extensions?: { code?: string } }[] },
      );
    // Twice on the second process: the second answer comes from its identity cache.
    for (let i = 0; i < 2; i++) expect((await me(secondUrl)).data).toEqual({ me: { login: 'supervisor2' } });
    const out = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ query: 'mutation { signOut }' }) });
    expect(((await out.json()) as { data: unknown }).data).toEqual({ signOut: true });
    // The same process forgets at once; the other as soon as PostgreSQL's notice arrives (well within the 5 s TTL).
    expect((await me(stack.url)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refusedAt = Date.now();
    let answer = await me(secondUrl);
    while (!answer.errors && Date.now() - refusedAt < 2000) {
      await new Promise((r) => setTimeout(r, 20));
      answer = await me(secondUrl);
    }
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(Date.now() - refusedAt).toBeLessThan(2000);
  });

  it("acts on a person's new role on the second process as soon as it is changed in the database, though it had just used the old one", async () => {
    const accessToken = await token('wtsq.member');
    const serviceAccounts = () =>
      fetch(`${secondUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ query: '{ serviceAccounts { id } }' }) }).then(
        async (res) => (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
      );
    // Twice as a unit's member (the second from the identity cache): the office's list is refused.
    for (let i = 0; i < 2; i++) expect((await serviceAccounts()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Made office staff by hand, as a DBA would: only the trigger's notice can tell the second process.
    const { numUpdatedRows } = await stack.db.updateTable('users').set({ role: 'OFFICE' }).where('login', '=', 'wtsq.member').executeTakeFirst();
    expect(Number(numUpdatedRows)).toBe(1);
    try {
      const changedAt = Date.now();
      let answer = await serviceAccounts();
      while (answer.errors && Date.now() - changedAt < 2000) {
        await new Promise((r) => setTimeout(r, 20));
        answer = await serviceAccounts();
      }
      expect(answer.errors).toBeUndefined();
    } finally {
      await stack.db.updateTable('users').set({ role: 'UNIT_MEMBER' }).where('login', '=', 'wtsq.member').execute();
    }
  });

  it('listens to auth_changes on one connection per API process, shared by the identity cache and the live subscriptions', async () => {
    const { rows } = await sql<{ listeners: string }>`
      select count(*) as listeners from pg_stat_activity
      where datname = current_database() and query ilike 'LISTEN auth_changes%'`.execute(stack.db);
    expect(Number(rows[0].listeners)).toBe(2);
  });

  it('stops trusting its cached identities the moment its LISTEN connection is lost, and listens again after', async () => {
    const accessToken = await token('bjsq.member');
    const me = () =>
      fetch(`${secondUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ query: '{ me { login } }' }) }).then(
        async (res) => (await res.json()) as { data?: { me: { login: string } } | null; errors?: { extensions?: { code?: string } }[] },
      );
    for (let i = 0; i < 2; i++) expect((await me()).data).toEqual({ me: { login: 'bjsq.member' } });
    const listeners = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and query ilike 'LISTEN auth_changes%'`.execute(stack.db)).rows[0].n,
      );
    // Both processes' connections cut: each reconnects after a second, and notices sent before then are lost.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN auth_changes%'`.execute(stack.db);
    await new Promise((r) => setTimeout(r, 200));
    await stack.db.updateTable('auth_sessions').set({ revoked_at: new Date() }).where('user_id', '=', (eb) => eb.selectFrom('users').select('id').where('login', '=', 'bjsq.member')).execute();
    // The revocation's notice went nowhere, yet the second process, no longer listening, asks the database.
    expect((await me()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await waitFor(async () => (await listeners()) === 2, 10_000, 'both processes listening again');
  });
});
