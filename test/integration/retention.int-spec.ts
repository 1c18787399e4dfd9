// What grows with use stays bounded, against the real API and PostgreSQL: the periodic cleanup deletes rows past
// their keeping period (configurable, in batches, one instance at a time) and keeps the rest; a flood of
// unauthenticated requests writes a bounded number of refusal rows; and the database refuses a unit person
// without a unit.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Client as PgClient } from 'pg';
import { ANONYMOUS_ROWS_PER_MINUTE } from '../../src/audit/access-denial.repository';
import { RetentionService } from '../../src/audit/retention.service';
import { migrateToLatest } from '../../src/platform/database/database';
import { seedReferenceData } from '../support/fixtures';
import { createTestDatabase, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const DAY = 86_400_000;
const SESSION_IDS = [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const ago = (ms: number) => new Date(Date.now() - ms);

describe('retention of what grows with use', () => {
  let stack: TestStack;
  let retention: RetentionService;

  beforeAll(async () => {
    // Denials kept 10 days here (90 by default), to show the period is read from the environment; the scheduled
    // run is far off, so that only the test's runs clean.
    stack = await startTestStack({ prefix: 'retention', withWorker: false, env: { RETENTION_ACCESS_DENIALS_DAYS: '10', RETENTION_INTERVAL_MINUTES: '9999' } });
    await seedReferenceData(stack.db);
    retention = stack.app.get(RetentionService);
  });
  afterAll(async () => stack?.stop());

  const denial = (at: Date, path: string) => ({ occurred_at: at, code: 'UNAUTHENTICATED', message: '请先登录', path, ip: '127.0.0.1' });
  const session = (id: string, expires: Date, revoked: Date | null) => ({ id, user_id: 'user:office', refresh_hash: randomUUID(), expires_at: expires, revoked_at: revoked, revoked_reason: revoked ? 'SIGNED_OUT' : null });

  async function seedOldAndNew(): Promise<void> {
    await stack.db.insertInto('access_denials').values([denial(ago(11 * DAY), 'old'), denial(ago(9 * DAY), 'new')]).execute();
    await stack.db
      .insertInto('sign_in_attempts')
      .values([
        { login: 'old', ip: '127.0.0.1', succeeded: false, at: ago(31 * DAY) },
        { login: 'new', ip: '127.0.0.1', succeeded: false, at: ago(29 * DAY) },
      ])
      .execute();
    await stack.db
      .insertInto('sign_in_throttle')
      .values([
        { login: 'old', ip: '127.0.0.1', failures: 9, last_attempt_at: ago(2 * DAY) },
        { login: 'new', ip: '127.0.0.1', failures: 9, last_attempt_at: ago(60_000) },
      ])
      .execute();
    await stack.db
      .insertInto('auth_sessions')
      .values([
        session('00000000-0000-4000-8000-000000000001', ago(8 * DAY), null), // expired 8 days ago: goes
        session('00000000-0000-4000-8000-000000000002', ago(6 * DAY), null), // expired 6 days ago: stays
        session('00000000-0000-4000-8000-000000000003', new Date(Date.now() + DAY), ago(8 * DAY)), // revoked 8 days ago: goes
        session('00000000-0000-4000-8000-000000000004', new Date(Date.now() + DAY), ago(DAY)), // revoked yesterday: stays
        session('00000000-0000-4000-8000-000000000005', new Date(Date.now() + DAY), null), // live: stays
      ])
      .execute();
    await stack.db
      .insertInto('idempotency_keys')
      .values([
        { user_id: 'user:office', key: 'old-key-0001', request_hash: 'h', stream_id: 's', created_at: ago(25 * 3_600_000) },
        { user_id: 'user:office', key: 'new-key-0001', request_hash: 'h', stream_id: 's', created_at: ago(23 * 3_600_000) },
      ])
      .execute();
  }

  async function remaining() {
    return {
      denials: (await stack.db.selectFrom('access_denials').select('path').where('path', 'in', ['old', 'new']).execute()).map((r) => r.path),
      attempts: (await stack.db.selectFrom('sign_in_attempts').select('login').where('login', 'in', ['old', 'new']).execute()).map((r) => r.login),
      throttle: (await stack.db.selectFrom('sign_in_throttle').select('login').where('login', 'in', ['old', 'new']).execute()).map((r) => r.login),
      sessions: (await stack.db.selectFrom('auth_sessions').select('id').where('id', 'in', SESSION_IDS).orderBy('id').execute()).map((r) => r.id.slice(-1)),
      keys: (await stack.db.selectFrom('idempotency_keys').select('key').orderBy('key').execute()).map((r) => r.key),
    };
  }

  it('waits while another instance cleans, then deletes what is past its period and keeps the rest', async () => {
    await seedOldAndNew();
    // Another instance holds the cleanup lock: this one skips its run and deletes nothing.
    const other = new PgClient({ connectionString: stack.databaseUrl });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock($1)', [0x63770e14]);
      await expect(retention.runOnce()).resolves.toBeNull();
      expect((await remaining()).denials.sort()).toEqual(['new', 'old']);
    } finally {
      await other.end();
    }

    const counts = await retention.runOnce();
    expect(counts).toEqual({ access_denials: 1, sign_in_attempts: 1, sign_in_throttle: 1, auth_sessions: 2, idempotency_keys: 1 });
    expect(await remaining()).toEqual({ denials: ['new'], attempts: ['new'], throttle: ['new'], sessions: ['2', '4', '5'], keys: ['new-key-0001'] });
  });

  it('deletes in bounded batches until nothing old is left', async () => {
    await sql`insert into access_denials (occurred_at, code, message, path) select now() - interval '30 days', 'FORBIDDEN', '无权', 'bulk' from generate_series(1, 2500)`.execute(stack.db);
    const counts = await retention.runOnce();
    expect(counts?.access_denials).toBe(2500);
    expect(await stack.db.selectFrom('access_denials').select('id').where('path', '=', 'bulk').execute()).toEqual([]);
    expect((await remaining()).denials).toEqual(['new']);
  });

  it('writes a bounded number of rows for a flood of unauthenticated requests, each asking for 25 fields', async () => {
    const query = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: me { login }`).join(' ')} }`;
    await stack.db.deleteFrom('access_denials').execute();
    const startMinute = Math.floor(Date.now() / 60_000);
    const answers = await Promise.all(
      Array.from({ length: 60 }, async () => {
        const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return (await res.json()) as GraphQLResponse<unknown>;
      }),
    );
    const endMinute = Math.floor(Date.now() / 60_000);
    // Every request was refused as it should be.
    expect(answers.every((a) => a.errors?.length && a.errors.every((e) => e.extensions?.code === 'UNAUTHENTICATED'))).toBe(true);
    const rows = await stack.db.selectFrom('access_denials').select(['path', 'repeats', 'anonymous_minute']).execute();
    // At most ANONYMOUS_ROWS_PER_MINUTE rows one by one and one summary row per minute the flood lasted ...
    const minutes = endMinute - startMinute + 1;
    expect(rows.length).toBeLessThanOrEqual((ANONYMOUS_ROWS_PER_MINUTE + 1) * minutes);
    // ... which still account for every request.
    expect(rows.reduce((n, r) => n + r.repeats, 0)).toBe(60);
    expect(rows.filter((r) => r.anonymous_minute === null).every((r) => r.repeats === 1 && /^a\d+/.test(r.path ?? ''))).toBe(true);
    // The office reads the summary row with its count.
    const office = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': 'office' },
      body: JSON.stringify({ query: '{ accessDenials(first: 50) { nodes { message } } }' }),
    });
    const page = (await office.json()) as GraphQLResponse<{ accessDenials: { nodes: { message: string }[] } }>;
    expect(page.data!.accessDenials.nodes.some((n) => /^请先登录（此地址本分钟内另有 \d+ 次未登录的请求被拒，未逐条记录）$/.test(n.message))).toBe(true);
  });
});

describe('a unit person without a unit cannot exist in the database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.db);
  });
  afterAll(async () => database?.drop());

  const person = (login: string, role: string, unit: string | null) => ({ id: `user:${login}`, login, display_name: login, role, unit_code: unit });

  it.each([
    ['UNIT_MEMBER', null],
    ['UNIT_HEAD', null],
    ['UNIT_MEMBER', ''],
    ['UNIT_HEAD', '   '],
  ])('refuses a %s with unit %j', async (role, unit) => {
    await expect(database.db.insertInto('users').values(person(`bad-${randomUUID()}`, role, unit)).execute()).rejects.toMatchObject({
      code: '23514',
      constraint: 'users_unit_role_has_unit',
    });
  });

  it('refuses taking the unit away from a unit member, and accepts the other roles without a unit', async () => {
    await expect(database.db.updateTable('users').set({ unit_code: null }).where('login', '=', 'wtsq.member').execute()).rejects.toMatchObject({ constraint: 'users_unit_role_has_unit' });
    await database.db.insertInto('users').values(person('new.supervisor', 'SUPERVISOR', null)).execute();
    await database.db.insertInto('users').values(person('new.member', 'UNIT_MEMBER', 'WTSQ')).execute();
  });

  it('stops the upgrade, naming the people, when such a row is already there', async () => {
    const old = await createTestDatabase({ migrateTo: '0017-lead-unit-index' });
    try {
      await old.db.insertInto('users').values(person('lost.member', 'UNIT_MEMBER', null)).execute();
      await expect(migrateToLatest(old.db)).rejects.toThrow(/以下单位角色的人员没有所属单位：lost\.member/);
    } finally {
      await old.drop();
    }
  });
});
