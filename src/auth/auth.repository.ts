// The only place SQL about identity lives: users by login or id, sessions, sign-in attempts, and the token
// secret every API instance shares.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../database/database';

export interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: string;
  unit_code: string | null;
  password_hash: string | null;
}

export class AuthRepository {
  constructor(private readonly db: Db) {}

  private users() {
    return this.db.selectFrom('users').select(['id', 'login', 'display_name', 'role', 'unit_code', 'password_hash']);
  }

  userByLogin(login: string): Promise<UserRow | undefined> {
    return this.users().where('login', '=', login).executeTakeFirst();
  }

  userById(id: string): Promise<UserRow | undefined> {
    return this.users().where('id', '=', id).executeTakeFirst();
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

  /** Failed attempts for the login, and all attempts from the address, since `since`. */
  async attempts(login: string, ip: string, since: Date): Promise<{ loginFailures: number; fromIp: number; oldestLoginFailure: Date | null }> {
    const { rows } = await sql<{ login_failures: number; from_ip: number; oldest: Date | null }>`
      select
        (select count(*)::int from sign_in_attempts where login = ${login} and not succeeded and at >= ${since}) as login_failures,
        (select count(*)::int from sign_in_attempts where ip = ${ip} and at >= ${since}) as from_ip,
        (select min(at) from sign_in_attempts where login = ${login} and not succeeded and at >= ${since}) as oldest`.execute(this.db);
    return { loginFailures: rows[0].login_failures, fromIp: rows[0].from_ip, oldestLoginFailure: rows[0].oldest };
  }

  async recordAttempt(login: string, ip: string, succeeded: boolean): Promise<void> {
    await this.db.insertInto('sign_in_attempts').values({ login, ip, succeeded }).execute();
  }

  async createSession(session: { id: string; userId: string; refreshHash: string; expiresAt: Date; ip: string }): Promise<void> {
    await this.db
      .insertInto('auth_sessions')
      .values({ id: session.id, user_id: session.userId, refresh_hash: session.refreshHash, expires_at: session.expiresAt, ip: session.ip })
      .execute();
  }

  /** A live session's user, in one query: what every request with an access token needs. */
  liveSessionUser(sessionId: string, userId: string, now: Date): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('auth_sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.login', 'u.display_name', 'u.role', 'u.unit_code', 'u.password_hash'])
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
   * under (a session's person's role and unit, an account's key): src/live/graphql-ws.server.ts ends the rest.
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
