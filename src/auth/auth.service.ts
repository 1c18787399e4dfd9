// Who is calling. People sign in with a login and password and then send `Authorization: Bearer <access token>`
// (for subscriptions, `authorization` in the connection parameters). An access token lives minutes; a refresh
// token renews it for days and is swapped on every use; signing out revokes the session and every access token
// issued for it. Sign-in is rate limited per login and per address, counted in the database so that several API
// instances count together. For the demo the `x-demo-user` header names a demo user, over HTTP from loopback only
// (config.ts decides when it is on); never over WebSocket, where any web page in a browser could send it.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { CONFIG } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { signInFailures } from '../platform/metrics/api.metrics';
import type { Actor, Role } from '../../workflows/shared/actor.types';
import { AuthChangesFeed } from './auth-changes.feed';
import { AuthRepository, type UserRow } from './auth.repository';
import { IdentityCache, type CachedUser } from './identity-cache';
import { NO_USER_HASH, hashPassword, verifyPassword } from './passwords';
import { signAccessToken, verifyAccessToken } from './tokens';
import { isUnitRole, type Caller } from './access-policy';
import { callerOfApiKey } from './service-accounts';
import { ServiceAccountRepository } from './service-account.repository';
import { annotateLogContext, personOf } from '../platform/logging/log-context';
import { componentLogger } from '../platform/logging/logger';

export { isUnitRole };

export const IDENTITY_HEADER = 'x-demo-user';
/** Service accounts may send their key in this header instead of `Authorization: ApiKey <key>`. */
export const API_KEY_HEADER = 'x-api-key';

export interface GraphQLContext {
  req?: { headers: Record<string, string | string[] | undefined>; ip?: string; socket?: { remoteAddress?: string } };
  connectionParams?: Record<string, unknown>;
  /** Resolved once per request. */
  actor?: Promise<Caller>;
  /** The session of a signed-in caller (null for the demo header). */
  sessionId?: string | null;
  /** Set for operations over graphql-ws (src/platform/live/graphql-ws.server.ts): the demo header is refused there. */
  overWebSocket?: boolean;
  /** What the caller proved who they are with, so that a live subscription can end when it stops being valid. */
  credential?: Credential;
  /** Field resolvers' batched lookups for this request (src/platform/graphql/request-loader.ts). */
  loaders?: Map<string, unknown>;
}

export type Credential =
  | { kind: 'session'; sessionId: string; userId: string; role: string; unitCode: string | null; expiresAtMs: number }
  | { kind: 'service'; accountId: string; userId: string; keyHash: string };

export interface SignedIn {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  actor: Actor;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function actorOf(user: CachedUser): Actor {
  return { userId: user.id, displayName: user.display_name, role: user.role as Role, unitCode: user.unit_code };
}

@Injectable()
export class AuthService implements OnModuleDestroy {
  private secret: Promise<string> | null = null;
  /** Sessions' and demo logins' people for a few seconds, dropped on every auth_changes notice (identity-cache.ts). */
  private readonly identities = new IdentityCache();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly repo: AuthRepository,
    private readonly serviceAccounts: ServiceAccountRepository,
    @Inject(CONFIG) private readonly appConfig: AppConfig,
    changes: AuthChangesFeed,
  ) {
    const identities = this.identities;
    this.unsubscribe = changes.subscribe({
      changed: (change) => identities.changed(change),
      listening: () => identities.setListening(true),
      lost: () => identities.setListening(false),
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
    this.identities.setListening(false);
  }

  private get config() {
    return this.appConfig.auth;
  }

  private tokenSecret(): Promise<string> {
    this.secret ??= this.config.tokenSecret ? Promise.resolve(this.config.tokenSecret) : this.repo.tokenSecret();
    return this.secret;
  }

  /**
   * The caller of this request (a person, or a service account with an API key); UNAUTHENTICATED when there is
   * none, the token or key is bad, or the session is over.
   */
  actor(context: GraphQLContext): Promise<Caller> {
    context.actor ??= this.resolve(context);
    return context.actor;
  }

  private async resolve(context: GraphQLContext): Promise<Caller> {
    const header = context.req?.headers?.authorization ?? context.connectionParams?.authorization ?? context.connectionParams?.Authorization;
    const authorization = Array.isArray(header) ? header[0] : header;
    if (typeof authorization === 'string' && authorization.trim() !== '') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (bearer) return this.fromToken(bearer[1], context);
      const apiKey = /^ApiKey\s+(\S+)$/i.exec(authorization.trim());
      if (apiKey) return this.fromApiKey(apiKey[1], context);
      throw new DomainError('UNAUTHENTICATED', '身份凭证格式不正确，请重新登录');
    }
    const keyHeader = context.req?.headers?.[API_KEY_HEADER] ?? context.connectionParams?.[API_KEY_HEADER];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    if (typeof key === 'string' && key.trim() !== '') return this.fromApiKey(key.trim(), context);
    context.sessionId = null;
    if (context.overWebSocket) {
      // A page on any site can open a WebSocket to this machine and put anything in connectionParams.
      if (context.connectionParams?.[IDENTITY_HEADER] !== undefined || context.req?.headers?.[IDENTITY_HEADER] !== undefined) {
        throw new DomainError('UNAUTHENTICATED', '实时连接不接受演示身份请求头，请登录后用访问令牌连接');
      }
      throw new DomainError('UNAUTHENTICATED', '请先登录');
    }
    if (this.config.demoIdentityHeader) {
      const demo = context.req?.headers?.[IDENTITY_HEADER];
      const login = Array.isArray(demo) ? demo[0] : demo;
      if (typeof login === 'string' && login.trim() !== '') {
        // Only this machine's own tools (the CLI imports, a developer's curl) may name a person by header: from any
        // other address it is refused, even when the API listens on every interface.
        if (!isLoopback(AuthService.address(context))) throw new DomainError('UNAUTHENTICATED', '演示身份请求头只接受本机发出的请求，请登录');
        const user = await this.identities.through(IdentityCache.loginKey(login.trim()), () => this.repo.userByLogin(login.trim()));
        if (!user) throw new DomainError('UNAUTHENTICATED', `用户「${login}」不存在`);
        return actorOf(user);
      }
    }
    throw new DomainError('UNAUTHENTICATED', '请先登录');
  }

  private async fromApiKey(key: string, context: GraphQLContext): Promise<Caller> {
    context.sessionId = null;
    const caller = await callerOfApiKey(this.serviceAccounts, key);
    if (caller.service) context.credential = { kind: 'service', accountId: caller.service.accountId, userId: caller.userId, keyHash: sha256(key) };
    return caller;
  }

  private async fromToken(token: string, context: GraphQLContext): Promise<Actor> {
    const check = verifyAccessToken(token, await this.tokenSecret(), Math.floor(Date.now() / 1000));
    if (!check.ok) throw new DomainError('UNAUTHENTICATED', check.reason === 'EXPIRED' ? '登录已过期，请刷新或重新登录' : '身份凭证无效，请重新登录');
    // Sessions are deleted with their user, so no row means signed out, expired, or the person is gone.
    const user = await this.identities.through(
      IdentityCache.sessionKey(check.claims.sid, check.claims.sub),
      () => this.repo.liveSessionUser(check.claims.sid, check.claims.sub, new Date()),
      (live) => live.session_expires_at.getTime(),
    );
    if (!user) throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');
    context.sessionId = check.claims.sid;
    context.credential = { kind: 'session', sessionId: check.claims.sid, userId: user.id, role: user.role, unitCode: user.unit_code, expiresAtMs: check.claims.exp * 1000 };
    return actorOf(user);
  }

  /** Where the request came from (the client's address behind a trusted proxy), for the limits and the record. */
  static address(context: GraphQLContext): string {
    return context.req?.ip ?? context.req?.socket?.remoteAddress ?? 'unknown';
  }

  /**
   * Limits: per login and address, a delay that grows with failures in a row (so that an attacker elsewhere cannot
   * lock the person out), and per address overall. The attempt is counted in the database before the password is
   * checked, so that parallel requests and several API instances cannot race past either limit.
   */
  async signIn(login: string, password: string, ip: string): Promise<SignedIn> {
    try {
      return await this.checkedSignIn(login, password, ip);
    } catch (err) {
      // Refusals of the person, counted for /metrics (a burst of WRONG_PASSWORD is someone guessing); not outages.
      if (err instanceof DomainError && (err.code === 'UNAUTHENTICATED' || err.code === 'RATE_LIMITED' || err.code === 'BAD_USER_INPUT')) {
        signInFailures.inc({ reason: err.code === 'UNAUTHENTICATED' ? 'WRONG_PASSWORD' : err.code });
      }
      throw err;
    }
  }

  private async checkedSignIn(login: string, password: string, ip: string): Promise<SignedIn> {
    const MAX_LOGIN_LENGTH = 100;
    const name = typeof login === 'string' ? login.trim() : '';
    if (name === '' || typeof password !== 'string' || password === '') throw new DomainError('BAD_USER_INPUT', '请填写登录名和密码', name === '' ? 'login' : 'password');
    // Longer than any login people are given (the organisation import's): refused before it is counted or stored.
    if (name.length > MAX_LOGIN_LENGTH) throw new DomainError('BAD_USER_INPUT', `登录名过长（最多 ${MAX_LOGIN_LENGTH} 个字符）`, 'login');
    const claim = await this.claimCheck(name, ip);
    const user = await this.repo.userByLogin(name);
    // Compared even when there is no such user, so that the answer's timing does not tell which logins exist.
    const matches = await verifyPassword(password, user?.password_hash ?? NO_USER_HASH);
    const ok = Boolean(user?.password_hash) && matches;
    await this.repo.finishAttempt(claim, name, ip, ok);
    if (!ok || !user) throw new DomainError('UNAUTHENTICATED', '登录名或密码不正确');
    annotateLogContext({ person: user.login });
    const refreshToken = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const refreshExpires = new Date(Date.now() + this.config.refreshTokenSeconds * 1000);
    await this.repo.createSession({ id: sessionId, userId: user.id, refreshHash: sha256(refreshToken), expiresAt: refreshExpires, ip });
    return this.tokens(user, sessionId, refreshToken, refreshExpires);
  }

  /** One password check for `login` from `ip`, counted before it is made; RATE_LIMITED while a limit holds. */
  private async claimCheck(login: string, ip: string): Promise<string> {
    const claim = await this.repo.claimAttempt(login, ip, {
      windowSeconds: this.config.attemptWindowSeconds,
      maxPerIp: this.config.maxAttemptsPerIp,
      freeFailures: this.config.maxFailuresPerLogin,
      delaySeconds: this.config.delaySeconds,
      maxDelaySeconds: this.config.maxDelaySeconds,
    });
    if (claim.ok) return claim.attemptId;
    throw new DomainError(
      'RATE_LIMITED',
      claim.limit === 'ADDRESS' ? `此地址登录尝试过于频繁，请 ${claim.waitSeconds} 秒后再试` : `该账号在此地址密码错误次数过多，请 ${claim.waitSeconds} 秒后再试`,
    );
  }

  private async tokens(user: UserRow, sessionId: string, refreshToken: string, refreshExpires: Date): Promise<SignedIn> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.config.accessTokenSeconds;
    const accessToken = signAccessToken({ sub: user.id, sid: sessionId, iat: now, exp }, await this.tokenSecret());
    return {
      accessToken,
      accessTokenExpiresAt: new Date(exp * 1000).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpires.toISOString(),
      actor: actorOf(user),
    };
  }

  /** A new access token and a new refresh token for a live session; the old refresh token stops working. */
  async refresh(refreshToken: string): Promise<SignedIn> {
    if (typeof refreshToken !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(refreshToken)) throw new DomainError('UNAUTHENTICATED', '刷新凭证无效，请重新登录');
    const next = randomBytes(32).toString('base64url');
    const session = await this.repo.rotate(sha256(refreshToken), sha256(next), new Date());
    if (!session) {
      // Only the session's latest refresh token works; the one before it, presented again, means a copy is about.
      const reused = await this.repo.revokeReused(sha256(refreshToken));
      if (reused) {
        this.identities.changed({ kind: 'session', id: reused.id });
        componentLogger('auth').warn({ sessionId: reused.id, person: personOf(reused.user_id) }, '刷新凭证被重复使用，已注销该会话 / refresh token reused: session revoked');
        throw new DomainError('UNAUTHENTICATED', '该刷新凭证已被使用过，为安全起见本次登录已失效，请重新登录');
      }
      throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');
    }
    const user = await this.repo.userById(session.user_id);
    if (!user) throw new DomainError('UNAUTHENTICATED', '用户已不存在，请联系创建办');
    return this.tokens(user, session.id, next, session.expires_at);
  }

  /** Revokes the caller's session: its access tokens and its refresh token stop working at once. */
  async signOut(context: GraphQLContext): Promise<boolean> {
    await this.actor(context);
    if (!context.sessionId) throw new DomainError('BAD_USER_INPUT', '演示身份无需退出登录');
    await this.repo.revoke(context.sessionId, 'SIGNED_OUT');
    // This instance forgets it now; the others when the trigger's notice arrives.
    this.identities.changed({ kind: 'session', id: context.sessionId });
    return true;
  }

  /** A password people can keep: 8 to 72 characters (bcrypt reads no further), with a letter and a digit. */
  static checkPassword(password: unknown, field: string): string {
    if (typeof password !== 'string' || password.length < 8) throw new DomainError('BAD_USER_INPUT', '密码至少 8 位', field);
    if (Buffer.byteLength(password, 'utf8') > 72) throw new DomainError('BAD_USER_INPUT', '密码过长（最多 72 个字节）', field);
    if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) throw new DomainError('BAD_USER_INPUT', '密码须同时包含字母和数字', field);
    return password;
  }

  /** The caller changes their own password; their other sessions are signed out. */
  async changePassword(context: GraphQLContext, current: string, next: string): Promise<boolean> {
    const actor = await this.actor(context);
    const user = await this.repo.userById(actor.userId);
    if (!user?.password_hash) throw new DomainError('UNAUTHENTICATED', '当前密码不正确', 'currentPassword');
    // Guessing the current password here (with a stolen access token) is limited like guessing it at sign-in.
    const ip = AuthService.address(context);
    const attempt = await this.claimCheck(user.login, ip);
    const matches = await verifyPassword(String(current ?? ''), user.password_hash);
    await this.repo.finishAttempt(attempt, user.login, ip, matches);
    if (!matches) throw new DomainError('UNAUTHENTICATED', '当前密码不正确', 'currentPassword');
    await this.repo.setPassword(user.id, await hashPassword(AuthService.checkPassword(next, 'newPassword')), context.sessionId ?? null);
    this.identities.changed({ kind: 'user', id: user.id });
    return true;
  }

  /** The office sets a person's password (a new colleague, a forgotten password); their sessions are signed out. */
  async setPassword(login: string, password: string): Promise<boolean> {
    const user = await this.repo.userByLogin(String(login ?? '').trim());
    if (!user) throw new DomainError('NOT_FOUND', `用户「${login}」不存在`, 'login');
    await this.repo.setPassword(user.id, await hashPassword(AuthService.checkPassword(password, 'password')), null);
    this.identities.changed({ kind: 'user', id: user.id });
    return true;
  }

  async profile(actor: Actor) {
    const user = await this.repo.profile(actor.userId);
    return {
      id: user.id,
      login: user.login,
      displayName: user.display_name,
      role: user.role,
      unit: user.unit_code ? { code: user.unit_code, name: user.unit_name, kind: user.unit_kind } : null,
    };
  }
}

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6. */
export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/i, '');
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
