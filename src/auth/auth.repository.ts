// The only place SQL about identity lives: users by login or id and with their unit, sessions, sign-in attempts,
// and the token secret every API instance shares (service accounts: service-account.repository.ts).
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';

export interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: string;
  unit_code: string | null;
  password_hash: string | null;
}

/** What limits sign-in attempts (AppConfig.auth). */
export interface AttemptLimits {
  windowSeconds: number;
  maxPerIp: number;
  /** Failures in a row of one login from one address before the delay starts. */
  freeFailures: number;
  delaySeconds: number;
  maxDelaySeconds: number;
}

export type AttemptClaim = { ok: true; attemptId: string } | { ok: false; limit: 'ADDRESS' | 'LOGIN'; waitSeconds: number };

@Injectable()
export class AuthRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  private users() {
    return this.db.selectFrom('users').select(['id', 'login', 'display_name', 'role', 'unit_code', 'password_hash']);
  }

  userByLogin(login: string): Promise<UserRow | undefined> {
    return this.users().where('login', '=', login).executeTakeFirst();
  }

  userById(id: string): Promise<UserRow | undefined> {
    return this.users().where('id', '=', id).executeTakeFirst();
  }

  /** The person with their unit, for `me`; throws (NoResultError) when there is no such user. */
  profile(userId: string) {
    return this.db
      .selectFrom('users')
      .leftJoin('units', 'units.code', 'users.unit_code')
      .select(['users.id', 'users.login', 'users.display_name', 'users.role', 'units.code as unit_code', 'units.name as unit_name', 'units.kind as unit_kind'])
      .where('users.id', '=', userId)
      .executeTakeFirstOrThrow();
  }

  /** The HMAC key of access tokens: made once, kept in `settings`, the same for every instance. */
  async tokenSecret(): Promise<string> {
    const key = 'auth.token-secret';
    await this.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify({ secret: randomBytes(48).toString('base64url') }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    return String((row.value as { secret: string }).secret);
  }

  /**
   * Claims one password check for `login` from `ip`, recorded before the password is looked at, or says how long to
   * wait. One transaction holding an advisory lock on the address: concurrent attempts from it (on any API instance)
   * are counted one after another, so none races past a limit. An attempt counts as a failure until its password
   * matches (finishAttempt), which is what stops a burst of parallel guesses after `freeFailures` checks.
   */
  async claimAttempt(login: string, ip: string, limits: AttemptLimits): Promise<AttemptClaim> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in\n${ip}`}, 0))`.execute(trx);
      const window = limits.windowSeconds;
      const fromIp = await sql<{ n: number; wait: number | null }>`
        select count(*)::int as n,
               ceil(extract(epoch from min(at) + make_interval(secs => ${window}) - now()))::int as wait
        from sign_in_attempts where ip = ${ip} and at >= now() - make_interval(secs => ${window})`.execute(trx);
      if (fromIp.rows[0].n >= limits.maxPerIp) return { ok: false, limit: 'ADDRESS', waitSeconds: Math.max(1, fromIp.rows[0].wait ?? window) };

      // The wait after f failures in a row: none below freeFailures, then delay·2^(f−freeFailures), capped. A quiet
      // window forgets the failures.
      const wait = sql<number>`least(${limits.maxDelaySeconds}::float8, ${limits.delaySeconds}::float8 * power(2::float8, least(greatest(t.failures - ${limits.freeFailures}, 0), 20)))`;
      const claimed = await sql<{ failures: number }>`
        insert into sign_in_throttle as t (login, ip, failures, last_attempt_at) values (${login}, ${ip}, 1, now())
        on conflict (login, ip) do update
          set failures = case when t.last_attempt_at < now() - make_interval(secs => ${window}) then 1 else t.failures + 1 end,
              last_attempt_at = now()
          where t.failures < ${limits.freeFailures}
             or t.last_attempt_at < now() - make_interval(secs => ${window})
             or t.last_attempt_at + make_interval(secs => ${wait}) <= now()
        returning t.failures`.execute(trx);
      if (claimed.rows.length === 0) {
        const held = await sql<{ wait: number }>`
          select ceil(extract(epoch from t.last_attempt_at + make_interval(secs => ${wait}) - now()))::int as wait
          from sign_in_throttle t where login = ${login} and ip = ${ip}`.execute(trx);
        return { ok: false, limit: 'LOGIN', waitSeconds: Math.max(1, held.rows[0]?.wait ?? limits.delaySeconds) };
      }
      const attempt = await trx.insertInto('sign_in_attempts').values({ login, ip, succeeded: false }).returning('id').executeTakeFirstOrThrow();
      return { ok: true, attemptId: attempt.id };
    });
  }

  /** The outcome of a claimed check: a match marks the attempt succeeded and forgets the failures of the pair. */
  async finishAttempt(attemptId: string, login: string, ip: string, succeeded: boolean): Promise<void> {
    if (!succeeded) return;
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
      await trx.deleteFrom('sign_in_throttle').where('login', '=', login).where('ip', '=', ip).execute();
    });
  }

  async createSession(session: { id: string; userId: string; refreshHash: string; expiresAt: Date; ip: string }): Promise<void> {
    await this.db
      .insertInto('auth_sessions')
      .values({ id: session.id, user_id: session.userId, refresh_hash: session.refreshHash, expires_at: session.expiresAt, ip: session.ip })
      .execute();
  }

  /** A live session's user, in one query: what every request with an access token needs. */
  liveSessionUser(sessionId: string, userId: string, now: Date): Promise<(UserRow & { session_expires_at: Date }) | undefined> {
    return this.db
      .selectFrom('auth_sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.login', 'u.display_name', 'u.role', 'u.unit_code', 'u.password_hash', 's.expires_at as session_expires_at'])
      .where('s.id', '=', sessionId)
      .where('s.user_id', '=', userId)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
  }

  /** Swaps the refresh token of a live session, atomically: of two concurrent refreshes with one token, one wins. */
  async rotate(oldHash: string, newHash: string, now: Date): Promise<{ id: string; user_id: string; expires_at: Date } | undefined> {
    return this.db
      .updateTable('auth_sessions')
      .set({ refresh_hash: newHash, previous_refresh_hash: oldHash, refreshed_at: now })
      .where('refresh_hash', '=', oldHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['id', 'user_id', 'expires_at'])
      .executeTakeFirst();
  }

  /**
   * A refresh token that a live session already replaced, presented again: someone holds a copy (stolen, or a
   * replay). The session is ended, so that neither the thief nor the owner can go on with it, and its id returned;
   * undefined when the token was never this session's latest-but-one.
   */
  async revokeReused(oldHash: string): Promise<{ id: string; user_id: string } | undefined> {
    return this.db
      .updateTable('auth_sessions')
      .set({ revoked_at: new Date(), revoked_reason: 'REFRESH_TOKEN_REUSED' })
      .where('previous_refresh_hash', '=', oldHash)
      .where('revoked_at', 'is', null)
      .returning(['id', 'user_id'])
      .executeTakeFirst();
  }

  /** A new password hash, and every session of the user but `keep` revoked, in one transaction. */
  async setPassword(userId: string, hash: string, keep: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
      let q = trx.updateTable('auth_sessions').set({ revoked_at: new Date(), revoked_reason: 'PASSWORD_CHANGED' }).where('user_id', '=', userId).where('revoked_at', 'is', null);
      if (keep) q = q.where('id', '<>', keep);
      await q.execute();
    });
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.db.updateTable('auth_sessions').set({ revoked_at: new Date(), revoked_reason: reason }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
  }

  /**
   * Of these sessions and service accounts, the ones still valid now, with what a live subscription was opened
   * under (a session's person's role and unit, an account's key): src/platform/live/graphql-ws.server.ts ends the rest.
   */
  async liveCredentials(
    sessionIds: readonly string[],
    accountIds: readonly string[],
    now: Date,
  ): Promise<{ sessions: { id: string; role: string; unit_code: string | null }[]; accounts: { id: string; key_hash: string }[] }> {
    const sessions =
      sessionIds.length === 0
        ? []
        : await this.db
            .selectFrom('auth_sessions as s')
            .innerJoin('users as u', 'u.id', 's.user_id')
            .select(['s.id', 'u.role', 'u.unit_code'])
            .where('s.id', 'in', [...sessionIds])
            .where('s.revoked_at', 'is', null)
            .where('s.expires_at', '>', now)
            .execute();
    const accounts =
      accountIds.length === 0
        ? []
        : await this.db
            .selectFrom('service_accounts')
            .select(['id', 'key_hash'])
            .where('id', 'in', [...accountIds])
            .where('revoked_at', 'is', null)
            .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
            .execute();
    return { sessions, accounts };
  }
}
