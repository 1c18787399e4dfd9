// Sign-in and record hygiene (issue 14):
// - sign_in_throttle: per login and address, the failures in a row (an attempt counts as one until its password
//   matches) and when the last attempt was; the progressive delay is decided from it in one statement.
// - access_denials: beyond a few rows per address and minute, refusals of callers nobody could identify are
//   counted in one summary row (`anonymous_minute`, `repeats`), so that a flood of them writes few rows.
// - indexes for the periodic retention (src/audit/retention.service.ts).
// - users: a unit role (单位负责人, 责任单位成员) must name its unit, else it would see nothing it should, or more.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sign_in_throttle_pkey', ['login', 'ip'])
    .execute();
  await db.schema.createIndex('sign_in_throttle_last_attempt').on('sign_in_throttle').column('last_attempt_at').execute();
  await db.schema.createIndex('sign_in_attempts_at').on('sign_in_attempts').column('at').execute();

  await db.schema
    .alterTable('access_denials')
    .addColumn('repeats', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('anonymous_minute', 'bigint')
    .execute();
  await sql`create unique index access_denials_anonymous_minute on access_denials (ip, coalesce(operation_type, ''), anonymous_minute) where anonymous_minute is not null`.execute(db);
  await sql`create index access_denials_anonymous_ip on access_denials (ip, occurred_at) where user_id is null`.execute(db);

  await db.schema.createIndex('auth_sessions_expires_at').on('auth_sessions').column('expires_at').execute();
  await sql`create index auth_sessions_revoked_at on auth_sessions (revoked_at) where revoked_at is not null`.execute(db);

  // A row that breaks the rule stops the upgrade with the people named, rather than being guessed at.
  const { rows } = await sql<{ login: string }>`
    select login from users where role in ('UNIT_HEAD', 'UNIT_MEMBER') and (unit_code is null or btrim(unit_code) = '') order by login`.execute(db);
  if (rows.length > 0) {
    throw new Error(
      `以下单位角色的人员没有所属单位：${rows.map((r) => r.login).join('、')}。请先用组织机构导入为其填写所属单位（或改为其他角色），再启动 / ` +
        'unit-role users without a unit must be given one before this migration',
    );
  }
  await sql`alter table users add constraint users_unit_role_has_unit check (role not in ('UNIT_HEAD', 'UNIT_MEMBER') or (unit_code is not null and btrim(unit_code) <> ''))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_unit_role_has_unit`.execute(db);
  await sql`drop index auth_sessions_revoked_at`.execute(db);
  await db.schema.dropIndex('auth_sessions_expires_at').execute();
  await sql`drop index access_denials_anonymous_ip`.execute(db);
  await sql`drop index access_denials_anonymous_minute`.execute(db);
  await db.schema.alterTable('access_denials').dropColumn('anonymous_minute').dropColumn('repeats').execute();
  await db.schema.dropIndex('sign_in_attempts_at').execute();
  await db.schema.dropTable('sign_in_throttle').execute();
}
