// The live connection: graphql-ws on /graphql, set up here rather than by Nest's GraphQL module, whose WebSocket
// server takes no size limit and no handshake check. Here:
// - the handshake is refused with 403 before any graphql-ws message when its Origin/Host are not allowed
//   (websocket-origin.ts), and the client's address follows Express's `trust proxy` rules (TRUST_PROXY);
// - a message is at most MAX_REQUEST_MB, connection_init must come within 10 s, and one socket and one person
//   (on this instance) may hold only so many subscriptions;
// - identity comes from a bearer token or an API key in the connection parameters, never from the demo header
//   (auth.service.ts), and the socket is closed (4401) as soon as what it was opened with stops being valid:
//   the database notifies every instance (migration 0021, auth-changes.listener.ts); expiry of the access token is
//   watched here, and every socket's sessions are re-read every 15 s in case a notice was lost.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, specifiedRules, validate, type ExecutionResult } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type Context, type ServerOptions } from 'graphql-ws';
import proxyaddr from 'proxy-addr';
import { WebSocketServer, type WebSocket } from 'ws';
import { CONFIG } from '../core/app.tokens';
import { AccessDenialService } from '../../audit/access-denial.service';
import { AuthRepository } from '../../auth/auth.repository';
import type { Credential, GraphQLContext } from '../../auth/auth.service';
import { DomainError } from '../errors/domain-error';
import { formatGraphQLError } from '../errors/graphql-error.formatter';
import { activeSubscriptions } from '../metrics/api.metrics';
import { NUL_MESSAGE, containsNul } from '../errors/http-limits';
import type { AppConfig } from '../config/config';
import { documentTooLong, queryLimitRules } from '../errors/query-limits';
import type { AuthChange } from './auth-changes.listener';
import { AuthChangesFeed } from '../../auth/auth-changes.feed';
import { upgradeRefusal } from './websocket-origin';

export const GRAPHQL_WS_PATH = '/graphql';
/** Close code and reason when the session, the person's role or the key a socket was opened with is no longer valid. */
export const SESSION_ENDED = { code: CloseCode.Unauthorized, reason: '登录已失效 / session ended' } as const;
const KEEP_ALIVE_MS = 12_000;
const TICK_MS = 1_000;
const RECHECK_EVERY_TICKS = 15;

/** One open socket: where it came from and what each of its subscriptions was authenticated with. */
export interface LiveSocket {
  socket: WebSocket;
  address: string;
  operations: Map<string, Credential>;
}

interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: IncomingMessage;
  live: LiveSocket;
}

type WsContext = Context<Record<string, unknown>, Extra>;

function refuse(socket: Duplex, status: 403 | 404, message: string): void {
  const body = Buffer.from(`${message}\n`, 'utf8');
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body.toString('utf8')}`,
  );
}

const rateLimited = (message: string) => new GraphQLError(message, { originalError: new DomainError('RATE_LIMITED', message), extensions: { code: 'RATE_LIMITED' } });

@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('GraphqlWs');
  private readonly sockets = new Set<LiveSocket>();
  private readonly subscriptionsOf = new Map<string, number>();
  private wss: WebSocketServer | null = null;
  private httpServer: Server | null = null;
  private readonly unsubscribe: () => void;
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  private rechecking: Promise<void> | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly repo: AuthRepository,
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly denials: AccessDenialService,
    changes: AuthChangesFeed,
  ) {
    // The instance's one LISTEN on auth_changes, shared with the identity cache (src/auth/auth-changes.feed.ts).
    this.unsubscribe = changes.subscribe({
      changed: (change) => void this.changed(change),
      // Notices sent while the connection was down are gone: every live credential is checked again.
      listening: (after) => {
        if (after === 'reconnect') void this.recheck(() => true);
      },
      lost: () => undefined,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    // Express compiled TRUST_PROXY into this function (api-server.ts sets `trust proxy`): the same rules as req.ip.
    const trust = this.adapterHost.httpAdapter.getInstance<{ get(name: string): unknown }>().get('trust proxy fn') as (address: string, hop: number) => boolean;
    const server = makeServer<Record<string, unknown>, Extra>({ schema, ...this.options() });
    const wss = new WebSocketServer({ noServer: true, maxPayload: this.config.limits.requestBytes, handleProtocols });
    wss.on('connection', (socket: WebSocket, request: IncomingMessage, address: string) => this.opened(server, socket, request, address));
    this.wss = wss;
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const pathname = (request.url ?? '').split('?')[0];
      if (pathname !== GRAPHQL_WS_PATH) return refuse(socket, 404, 'Not Found');
      const refusal = upgradeRefusal(request.headers, this.config.webSocket.allowedOrigins);
      if (refusal) return refuse(socket, 403, refusal);
      const address = proxyaddr(request, trust);
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request, address));
    });
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe();
    for (const live of this.sockets) {
      live.socket.close(1001, 'Going away');
      // A client that does not answer the close must not hold the HTTP server's shutdown.
      setTimeout(() => live.socket.terminate(), 1000).unref();
    }
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  /** graphql-ws glue for one socket (as graphql-ws/use/ws does, with our own state and keep-alive). */
  private opened(server: ReturnType<typeof makeServer<Record<string, unknown>, Extra>>, socket: WebSocket, request: IncomingMessage, address: string): void {
    const live: LiveSocket = { socket, address, operations: new Map() };
    this.sockets.add(live);
    socket.once('error', (err) => {
      this.logger.warn(`socket error from ${address}: ${err.message}`);
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let pongWait: NodeJS.Timeout | null = null;
    const ping = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (err) => (err ? reject(err) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', (data: Buffer) => {
            cb(data.toString('utf8')).catch((err: unknown) => {
              this.logger.error(`graphql-ws message from ${address} failed: ${err instanceof Error ? err.stack : String(err)}`);
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request, live },
    );
    socket.once('close', (code, reason) => {
      clearInterval(ping);
      if (pongWait) clearTimeout(pongWait);
      for (const id of [...live.operations.keys()]) this.forget(live, id);
      this.sockets.delete(live);
      void closed(code, reason.toString('utf8'));
    });
  }

  /**
   * graphql-ws options: limits as over HTTP, the caps, and the bookkeeping of what each subscription was
   * authenticated with. A subscription refused when it starts (by the access guard) answers with errors instead
   * of a stream, and those refusals are recorded as the Apollo plugin records those of queries and mutations.
   */
  private options(): Omit<ServerOptions<Record<string, unknown>, Extra>, 'schema'> {
    const limitRules = queryLimitRules(this.config.limits.query);
    const { maxSubscriptionsPerSocket, maxSubscriptionsPerPerson, connectionInitTimeoutMs } = this.config.webSocket;
    // Apollo's formatError does not see graphql-ws: its errors get the same codes and Chinese messages here.
    const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatGraphQLError(error.toJSON(), error));
    return {
      connectionInitWaitTimeout: connectionInitTimeoutMs,
      // Over graphql-ws there is no request per operation: the upgrade request stands for it (its headers and the
      // client's address under the trust-proxy rules).
      context: (ctx: WsContext): GraphQLContext => ({
        req: { headers: ctx.extra.request.headers, ip: ctx.extra.live.address },
        connectionParams: ctx.connectionParams ?? {},
        overWebSocket: true,
      }),
      onSubscribe: (ctx, _id, payload) => {
        // The one being subscribed is already counted.
        if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerSocket) {
          return [rateLimited(`一个连接最多同时订阅 ${maxSubscriptionsPerSocket} 项实时推送，请先取消不用的订阅`)];
        }
        const tooLong = documentTooLong(payload.query);
        if (tooLong) return [tooLong];
        return containsNul(payload) ? [new GraphQLError(NUL_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } })] : undefined;
      },
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules]),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onOperation: async (ctx, id, payload, args, result) => {
        const context = args.contextValue as GraphQLContext;
        if (Symbol.asyncIterator in Object(result)) {
          const credential = context.credential;
          if (!credential) return undefined;
          if ((this.subscriptionsOf.get(credential.userId) ?? 0) >= maxSubscriptionsPerPerson) {
            await (result as AsyncGenerator).return?.(undefined);
            return { errors: [rateLimited(`您已同时订阅 ${maxSubscriptionsPerPerson} 项实时推送（所有窗口合计），请关闭不用的页面后再试`)] };
          }
          this.remember(ctx.extra.live, id, credential);
          return undefined;
        }
        const errors = (result as ExecutionResult).errors;
        if (errors?.length) {
          await this.denials.recordRequest({ errors, context, operationType: 'subscription', operationName: payload.operationName ?? null });
        }
        return undefined;
      },
      onComplete: (ctx, id) => this.forget(ctx.extra.live, id),
    };
  }

  /** Live subscriptions on this instance, of everyone or of one person (`userId`): for the caps, tests and health. */
  subscriptionCount(userId?: string): number {
    if (userId !== undefined) return this.subscriptionsOf.get(userId) ?? 0;
    let n = 0;
    for (const count of this.subscriptionsOf.values()) n += count;
    return n;
  }

  private remember(live: LiveSocket, id: string, credential: Credential): void {
    live.operations.set(id, credential);
    this.subscriptionsOf.set(credential.userId, (this.subscriptionsOf.get(credential.userId) ?? 0) + 1);
    activeSubscriptions.inc();
  }

  private forget(live: LiveSocket, id: string): void {
    const credential = live.operations.get(id);
    if (!credential) return;
    live.operations.delete(id);
    activeSubscriptions.dec();
    const left = (this.subscriptionsOf.get(credential.userId) ?? 1) - 1;
    if (left > 0) this.subscriptionsOf.set(credential.userId, left);
    else this.subscriptionsOf.delete(credential.userId);
  }

  private end(live: LiveSocket): void {
    if (live.socket.readyState === live.socket.OPEN || live.socket.readyState === live.socket.CONNECTING) live.socket.close(SESSION_ENDED.code, SESSION_ENDED.reason);
  }

  private async changed(change: AuthChange): Promise<void> {
    await this.recheck((credential) => {
      switch (change.kind) {
        case 'session':
          return credential.kind === 'session' && credential.sessionId === change.id;
        case 'user':
          return credential.kind === 'session' && credential.userId === change.id;
        case 'service':
          return credential.kind === 'service' && credential.accountId === change.id;
        default: {
          const never: never = change.kind;
          return never;
        }
      }
    });
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const live of this.sockets) {
      for (const credential of live.operations.values()) {
        if (credential.kind === 'session' && credential.expiresAtMs <= now) {
          this.end(live);
          break;
        }
      }
    }
    this.ticks += 1;
    if (this.ticks % RECHECK_EVERY_TICKS === 0) await this.recheck(() => true);
  }

  /** Re-reads the credentials `concerned` picks and closes the sockets holding one that is no longer valid. */
  async recheck(concerned: (credential: Credential) => boolean): Promise<void> {
    // One re-read at a time; a notice during one is covered by the next.
    while (this.rechecking) await this.rechecking;
    this.rechecking = this.reread(concerned)
      .catch((err: unknown) => this.logger.warn(`could not re-check live sessions: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => (this.rechecking = null));
    await this.rechecking;
  }

  private async reread(concerned: (credential: Credential) => boolean): Promise<void> {
    const sockets = [...this.sockets].filter((live) => [...live.operations.values()].some(concerned));
    if (sockets.length === 0) return;
    const sessionIds = new Set<string>();
    const accountIds = new Set<string>();
    for (const live of sockets) {
      for (const credential of live.operations.values()) {
        if (credential.kind === 'session') sessionIds.add(credential.sessionId);
        else accountIds.add(credential.accountId);
      }
    }
    const valid = await this.repo.liveCredentials([...sessionIds], [...accountIds], new Date());
    const sessions = new Map(valid.sessions.map((s) => [s.id, s]));
    const keys = new Map(valid.accounts.map((a) => [a.id, a.key_hash]));
    const now = Date.now();
    for (const live of sockets) {
      const stale = [...live.operations.values()].some((credential) => {
        if (credential.kind === 'service') return keys.get(credential.accountId) !== credential.keyHash;
        const session = sessions.get(credential.sessionId);
        return !session || session.role !== credential.role || session.unit_code !== credential.unitCode || credential.expiresAtMs <= now;
      });
      if (stale) this.end(live);
    }
  }
}
