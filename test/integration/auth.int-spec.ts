// Sign-in through GraphQL against the real stack: passwords, short-lived access tokens, refresh that swaps the
// refresh token, sign-out that revokes at once, forged and expired tokens refused, the per-login-and-address delay
// and the per-address limit (also under 40 parallel guesses), bcrypt in worker threads, and the demo header
// refused when it is turned off.
import { threadId } from 'node:worker_threads';
import * as bcrypt from 'bcryptjs';
import { sql } from 'kysely';
import { DEMO_PASSWORD, passwordWork } from '../../src/auth/passwords';
import { signAccessToken } from '../../src/auth/tokens';
import { seedReferenceData } from '../support/fixtures';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const SESSION = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt me { login role unit { code } }';

interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  me: { login: string; role: string; unit: { code: string } | null };
}

describe('sign-in, tokens and sign-out', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // No demo header here: only tokens identify people. A low per-address limit so that it can be reached.
    stack = await startTestStack({ prefix: 'auth', env: { DEMO_IDENTITY_HEADER: 'false', SIGN_IN_MAX_FAILURES: '3', SIGN_IN_MAX_PER_IP: '40' } });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => stack?.stop());

  async function call<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GraphQLResponse<T>;
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signIn = (login: string, password: string) => call<{ signIn: Session }>(`mutation($i: SignInInput!) { signIn(input: $i) { ${SESSION} } }`, { i: { login, password } });
  const me = (token: string) => call<{ me: { login: string } }>('{ me { login } }', {}, bearer(token));

  it('signs in with the demo password and reads as that person with the access token', async () => {
    const res = await signIn('wtsq.member', DEMO_PASSWORD);
    expect(res.errors).toBeUndefined();
    const session = res.data!.signIn;
    expect(session.me).toEqual({ login: 'wtsq.member', role: 'UNIT_MEMBER', unit: { code: 'WTSQ' } });
    expect(Date.parse(session.accessTokenExpiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(session.accessTokenExpiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(Date.parse(session.refreshTokenExpiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect((await me(session.accessToken)).data).toEqual({ me: { login: 'wtsq.member' } });
    // The password is kept only as a bcrypt hash; the refresh token only as its SHA-256.
    const user = await stack.db.selectFrom('users').select('password_hash').where('login', '=', 'wtsq.member').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$2[aby]\$10\$/);
    const sessions = await stack.db.selectFrom('auth_sessions').select('refresh_hash').execute();
    expect(sessions.map((s) => s.refresh_hash)).not.toContain(session.refreshToken);
  });

  it('refuses the demo header when it is turned off, and calls without any identity', async () => {
    const header = await call('{ me { login } }', {}, { 'x-demo-user': 'office' });
    expect(header.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(header.errors?.[0]?.message).toBe('请先登录');
    expect((await call('{ me { login } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged, a malformed and an expired token', async () => {
    const session = (await signIn('office', DEMO_PASSWORD)).data!.signIn;
    const [header, payload] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; sid: string; iat: number; exp: number };
    // Another user's id under the same signature: refused.
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'user:leader' })).toString('base64url')}.${session.accessToken.split('.')[2]}`;
    expect((await me(tampered)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Signed with a key of the attacker's choosing: refused.
    expect((await me(signAccessToken({ ...claims }, 'not-the-secret-not-the-secret-not-the-secret'))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await call('{ me { login } }', {}, { authorization: 'Basic b2ZmaWNl' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Genuinely signed but expired.
    const secret = await stack.db.selectFrom('settings').select('value').where('key', '=', 'auth.token-secret').executeTakeFirstOrThrow();
    const expired = signAccessToken({ ...claims, iat: claims.iat - 3600, exp: Math.floor(Date.now() / 1000) - 1 }, (secret.value as { secret: string }).secret);
    const res = await me(expired);
    expect(res.errors?.[0]).toMatchObject({ message: '登录已过期，请刷新或重新登录', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await me(session.accessToken)).data).toEqual({ me: { login: 'office' } });
  });

  it('swaps the refresh token on refresh, and signing out ends the session at once', async () => {
    const first = (await signIn('supervisor', DEMO_PASSWORD)).data!.signIn;
    const refreshed = await call<{ refreshSession: Session }>(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`, { t: first.refreshToken });
    expect(refreshed.errors).toBeUndefined();
    const second = refreshed.data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.me.login).toBe('supervisor');
    // The new access token works.
    expect((await me(second.accessToken)).data).toEqual({ me: { login: 'supervisor' } });

    const out = await call<{ signOut: boolean }>('mutation { signOut }', {}, bearer(second.accessToken));
    expect(out.data).toEqual({ signOut: true });
    expect((await me(second.accessToken)).errors?.[0]).toMatchObject({ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await me(first.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const dead = await call(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: second.refreshToken });
    expect(dead.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the session when a refresh token it already replaced comes back (a copy is about)', async () => {
    const first = (await signIn('supervisor2', DEMO_PASSWORD)).data!.signIn;
    const refresh = (t: string) => call<{ refreshSession: Session }>(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`, { t });
    const second = (await refresh(first.refreshToken)).data!.refreshSession;
    expect((await me(second.accessToken)).data).toEqual({ me: { login: 'supervisor2' } });
    // The replaced token again (the thief, or the owner after the thief): refused, and the whole session ends,
    // so that neither the thief's nor the owner's tokens go on working.
    const reused = await refresh(first.refreshToken);
    expect(reused.errors?.[0]).toMatchObject({ message: '该刷新凭证已被使用过，为安全起见本次登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await me(second.accessToken)).errors?.[0]).toMatchObject({ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await refresh(second.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const session = await stack.db.selectFrom('auth_sessions').select(['revoked_reason']).where('user_id', '=', 'user:supervisor2').executeTakeFirstOrThrow();
    expect(session.revoked_reason).toBe('REFRESH_TOKEN_REUSED');
    // The refusal is in the record of denied attempts.
    const denied = await stack.db.selectFrom('access_denials').select(['path', 'code', 'message']).where('path', '=', 'refreshSession').execute();
    expect(denied).toContainEqual({ path: 'refreshSession', code: 'UNAUTHENTICATED', message: '该刷新凭证已被使用过，为安全起见本次登录已失效，请重新登录' });
    // A fresh sign-in is unaffected.
    expect((await signIn('supervisor2', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('counts sign-in attempts by the connecting address, ignoring X-Forwarded-For unless the proxy is trusted', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.77' };
    await call('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { login: 'leader', password: DEMO_PASSWORD } }, forwarded);
    const rows = await stack.db.selectFrom('sign_in_attempts').select('ip').orderBy('id', 'desc').limit(1).execute();
    expect(rows[0].ip).not.toBe('203.0.113.77');
    expect(rows[0].ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('says the same for an unknown login and a wrong password, and delays guessing after the limit', async () => {
    const unknown = await signIn('nobody', 'whatever1');
    const wrong = await signIn('archivist', 'wrong-password-1');
    expect(unknown.errors?.[0]).toMatchObject({ message: '登录名或密码不正确', extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.errors?.[0]).toMatchObject({ message: '登录名或密码不正确', extensions: { code: 'UNAUTHENTICATED' } });
    await signIn('archivist', 'wrong-password-2');
    await signIn('archivist', 'wrong-password-3');
    // Three failures from this address: even the right password waits, with a coded answer that says how long.
    const limited = await signIn('archivist', DEMO_PASSWORD);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.message).toMatch(/^该账号在此地址密码错误次数过多，请 \d+ 秒后再试$/);
    // Other people are not locked out by it.
    expect((await signIn('leader', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('refuses an overlong login as input, before it is counted or stored', async () => {
    const before = passwordWork().compares;
    const res = await signIn('x'.repeat(101), 'whatever1');
    expect(res.errors?.[0]).toMatchObject({ message: '登录名过长（最多 100 个字符）', extensions: { code: 'BAD_USER_INPUT', field: 'login' } });
    expect(await stack.db.selectFrom('sign_in_attempts').select('id').where('login', 'like', 'xxxx%').execute()).toEqual([]);
    expect(await stack.db.selectFrom('sign_in_throttle').select('login').where('login', 'like', 'xxxx%').execute()).toEqual([]);
    expect(passwordWork().compares).toBe(before);
  });

  it('lets people change their own password and the office set anyone’s; old sessions end', async () => {
    const mine = (await signIn('bjsq.head', DEMO_PASSWORD)).data!.signIn;
    const other = (await signIn('bjsq.head', DEMO_PASSWORD)).data!.signIn;
    const weak = await call('mutation { changePassword(currentPassword: "chuangwen2027", newPassword: "short") }', {}, bearer(mine.accessToken));
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const changed = await call('mutation { changePassword(currentPassword: "chuangwen2027", newPassword: "Binjiang2027") }', {}, bearer(mine.accessToken));
    expect(changed.data).toEqual({ changePassword: true });
    expect((await me(mine.accessToken)).data).toEqual({ me: { login: 'bjsq.head' } });
    expect((await me(other.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('bjsq.head', DEMO_PASSWORD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('bjsq.head', 'Binjiang2027')).errors).toBeUndefined();

    const office = (await signIn('office', DEMO_PASSWORD)).data!.signIn;
    const unit = (await signIn('bjsq.member', DEMO_PASSWORD)).data!.signIn;
    expect((await call('mutation { setUserPassword(login: "bjsq.head", password: "Reset2027x") }', {}, bearer(unit.accessToken))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await call('mutation { setUserPassword(login: "bjsq.head", password: "Reset2027x") }', {}, bearer(office.accessToken))).data).toEqual({ setUserPassword: true });
    expect((await me(mine.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('bjsq.head', 'Reset2027x')).errors).toBeUndefined();
  });
});

describe('behind a trusted proxy', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // The proxy in front (here: the test, on loopback) is trusted to say who the client is.
    stack = await startTestStack({ prefix: 'proxy', withWorker: false, env: { TRUST_PROXY: 'loopback', SIGN_IN_MAX_PER_IP: '3' } });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => stack?.stop());

  const signInFrom = async (client: string) => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', variables: { i: { login: 'leader', password: DEMO_PASSWORD } } }),
    });
    return (await res.json()) as GraphQLResponse<{ signIn: { accessToken: string } }>;
  };

  it('limits each client address, as the proxy reports it, on its own', async () => {
    for (let i = 0; i < 3; i += 1) expect((await signInFrom('203.0.113.5')).errors).toBeUndefined();
    const limited = await signInFrom('203.0.113.5');
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another client behind the same proxy is not held back by it.
    expect((await signInFrom('198.51.100.9')).errors).toBeUndefined();
    const ips = await stack.db.selectFrom('sign_in_attempts').select('ip').execute();
    expect([...new Set(ips.map((r) => r.ip))].sort()).toEqual(['198.51.100.9', '203.0.113.5']);
  });

  it('makes at most SIGN_IN_MAX_PER_IP checks for 40 parallel attempts from one address, whatever the logins', async () => {
    const before = passwordWork().compares;
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const res = await fetch(`${stack.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.44' },
          body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', variables: { i: { login: `guess${i}`, password: 'wrong-1' } } }),
        });
        return (await res.json()) as GraphQLResponse<unknown>;
      }),
    );
    expect(answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(37);
    expect(answers.find((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED')?.errors?.[0]?.message).toMatch(/^此地址登录尝试过于频繁，请 \d+ 秒后再试$/);
    expect(passwordWork().compares - before).toBe(3);
  });

  it('takes the development identity header only from this machine, not from a client behind the proxy', async () => {
    const ask = async (headers: Record<string, string>) => {
      const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-user': 'office', ...headers }, body: JSON.stringify({ query: '{ me { login } }' }) });
      return (await res.json()) as GraphQLResponse<{ me: { login: string } }>;
    };
    expect((await ask({})).data).toEqual({ me: { login: 'office' } });
    const remote = await ask({ 'x-forwarded-for': '203.0.113.5' });
    expect(remote.errors?.[0]).toMatchObject({ message: '演示身份请求头只接受本机发出的请求，请登录', extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('sign-in under attack: counted before the check, delayed per login and address', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // The test stands for a proxy that reports each client's address, so that attacker and owner can differ.
    stack = await startTestStack({
      prefix: 'attack',
      withWorker: false,
      env: { TRUST_PROXY: 'loopback', DEMO_IDENTITY_HEADER: 'false', SIGN_IN_MAX_FAILURES: '3', SIGN_IN_MAX_PER_IP: '200', SIGN_IN_DELAY_SECONDS: '30', SIGN_IN_MAX_DELAY_SECONDS: '120' },
    });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => stack?.stop());

  const signInFrom = async (client: string, login: string, password: string) => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', variables: { i: { login, password } } }),
    });
    return (await res.json()) as GraphQLResponse<{ signIn: { accessToken: string } }>;
  };
  const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code ?? 'OK';
  /** The seconds a RATE_LIMITED answer asks to wait. */
  const waitOf = (res: GraphQLResponse<unknown>) => Number(/请 (\d+) 秒后再试/.exec(res.errors?.[0]?.message ?? '')?.[1] ?? NaN);
  /** Time passing for the delay of `login` from `client`, without waiting: its last attempt moved into the past. */
  const age = (login: string, client: string, seconds: number) =>
    sql`update sign_in_throttle set last_attempt_at = last_attempt_at - make_interval(secs => ${seconds}) where login = ${login} and ip = ${client}`.execute(stack.db);

  it('makes at most SIGN_IN_MAX_FAILURES password checks for 40 parallel wrong passwords', async () => {
    const before = passwordWork().compares;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signInFrom('203.0.113.10', 'leader', `wrong-guess-${i}`)));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(37);
    // bcrypt ran three times, not forty: counted by the password pool and by the attempts recorded before the checks.
    expect(passwordWork().compares - before).toBe(3);
    const rows = await stack.db.selectFrom('sign_in_attempts').select(['succeeded']).where('login', '=', 'leader').where('ip', '=', '203.0.113.10').execute();
    expect(rows).toEqual([{ succeeded: false }, { succeeded: false }, { succeeded: false }]);
  });

  it('lets the real person sign in from another address while the attacker’s address waits', async () => {
    expect(codeOf(await signInFrom('198.51.100.20', 'leader', DEMO_PASSWORD))).toBe('OK');
    // The attacker's address is still delayed, even with the right password.
    const attacker = await signInFrom('203.0.113.10', 'leader', DEMO_PASSWORD);
    expect(codeOf(attacker)).toBe('RATE_LIMITED');
    expect(waitOf(attacker)).toBeGreaterThan(0);
    expect(waitOf(attacker)).toBeLessThanOrEqual(30);
  });

  it('doubles the wait with each further failure up to the cap, and a success resets it', async () => {
    const client = '203.0.113.11';
    for (let i = 0; i < 3; i += 1) expect(codeOf(await signInFrom(client, 'office', `wrong-${i}`))).toBe('UNAUTHENTICATED');
    const waits: number[] = [];
    for (const delay of [30, 60, 120, 120]) {
      const refused = await signInFrom(client, 'office', DEMO_PASSWORD);
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      waits.push(waitOf(refused));
      // The wait passes; one more wrong password is checked (and refused), and the next wait is longer.
      await age('office', client, delay);
      expect(codeOf(await signInFrom(client, 'office', 'wrong-again'))).toBe('UNAUTHENTICATED');
    }
    // 30, 60, 120, then capped at SIGN_IN_MAX_DELAY_SECONDS (each read a moment after the failure, so at most that).
    expect(waits.map((w, i) => w > [15, 45, 105, 105][i] && w <= [30, 60, 120, 120][i])).toEqual([true, true, true, true]);
    const capped = await signInFrom(client, 'office', DEMO_PASSWORD);
    expect(waitOf(capped)).toBeGreaterThan(105);
    expect(waitOf(capped)).toBeLessThanOrEqual(120);

    await age('office', client, 120);
    expect(codeOf(await signInFrom(client, 'office', DEMO_PASSWORD))).toBe('OK');
    // Reset: three wrong passwords are checked again before any wait.
    for (let i = 0; i < 3; i += 1) expect(codeOf(await signInFrom(client, 'office', `wrong-after-${i}`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signInFrom(client, 'office', DEMO_PASSWORD))).toBe('RATE_LIMITED');
  });

  it('checks passwords in worker threads, and /health answers while they hash', async () => {
    const signIns = Array.from({ length: 8 }, (_, i) => signInFrom(`198.51.100.${100 + i}`, 'supervisor', i % 2 === 0 ? DEMO_PASSWORD : `wrong-${i}`));
    const health = await fetch(`${stack.url}/health`);
    expect(health.status).toBeLessThan(500);
    const codes = (await Promise.all(signIns)).map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(4);
    const work = passwordWork();
    expect(work.threadIds.length).toBeGreaterThan(0);
    // threadId 0 is the main thread, the one that serves requests: no bcrypt ran there.
    expect(threadId).toBe(0);
    expect(work.threadIds).not.toContain(0);
    expect(work.inFlight).toBe(0);
  });

  it('limits guessing the current password through changePassword like sign-in (a stolen access token)', async () => {
    const client = '203.0.113.12';
    const token = (await signInFrom(client, 'supervisor2', DEMO_PASSWORD)).data!.signIn.accessToken;
    const change = async (current: string) => {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "Stolen2027x") }', variables: { c: current } }),
      });
      return (await res.json()) as GraphQLResponse<unknown>;
    };
    const before = passwordWork().compares;
    const codes = (await Promise.all(Array.from({ length: 10 }, (_, i) => change(`guess-${i}`)))).map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
    expect(passwordWork().compares - before).toBe(3);
    // Even the right current password waits now; the password is unchanged.
    expect(codeOf(await change(DEMO_PASSWORD))).toBe('RATE_LIMITED');
    expect(codeOf(await signInFrom('198.51.100.40', 'supervisor2', DEMO_PASSWORD))).toBe('OK');
  });

  it('keeps the hashes compatible: a password set through the pool signs in, and an old bcryptjs hash still matches', async () => {
    const office = (await signInFrom('198.51.100.30', 'office', DEMO_PASSWORD)).data!.signIn.accessToken;
    const set = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` },
      body: JSON.stringify({ query: 'mutation { setUserPassword(login: "archivist", password: "Archive2027x") }' }),
    });
    expect(await set.json()).toEqual({ data: { setUserPassword: true } });
    const user = await stack.db.selectFrom('users').select('password_hash').where('login', '=', 'archivist').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$2[aby]\$10\$.{53}$/);
    expect(codeOf(await signInFrom('198.51.100.31', 'archivist', 'Archive2027x'))).toBe('OK');
    // A hash made on the main thread by bcryptjs itself, as before this change.
    await stack.db.updateTable('users').set({ password_hash: bcrypt.hashSync('Legacy2027x', 10) }).where('login', '=', 'archivist').execute();
    expect(codeOf(await signInFrom('198.51.100.31', 'archivist', 'Legacy2027x'))).toBe('OK');
  });
});
