import * as path from 'node:path';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../app/app.module';
import { anonymousBodyLimit, bodyErrorHandler, presentsCredentials, refuseBatches } from '../errors/http-limits';
import { isLoopback } from '../../auth/auth.service';
import type { AppRuntime } from '../core/app-runtime';
import { assertPortFree } from './ports';
import { GRAPHIQL_PATH, graphiqlRouter } from '../web/graphiql';
import { idempotencyKeyMiddleware } from '../idempotency/idempotency.service';
import { securityHeaders } from '../web/security-headers';
import { apiRegistry } from '../metrics/api.metrics';
import { metricsMiddleware } from '../metrics/metrics-endpoint';
import { requestIdMiddleware } from '../errors/request-context';
import { PinoNestLogger } from '../logging/nest-logger';
import { graphqlSpanMiddleware } from '../tracing/graphql-span';
import { tracingActive } from '../tracing/tracing';

/** Starts the GraphQL API and serves the board (web/dist). */
/** Longer than the 60 s idle timeout of common load balancers, as their vendors advise. */
const KEEP_ALIVE_MS = 65_000;

export async function startApi(runtime: AppRuntime, options: { port?: number; checkPort?: boolean } = {}): Promise<NestExpressApplication> {
  const port = options.port ?? runtime.config.api.port;
  if (options.checkPort !== false) await assertPortFree(port, 'PORT', 'GraphQL API 与看板 / API and board', runtime.config.api.host);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    // Nest's lines through pino, at LOG_LEVEL (its start-up chatter only at debug).
    logger: new PinoNestLogger(runtime.config.logLevel),
    bodyParser: true,
  });
  // First, so that every line about a request, its refusals by the parsers below included, carries its id.
  app.use(requestIdMiddleware);
  // CSP (frame-ancestors 'none'), nosniff, no-referrer and X-Frame-Options on every response, errors included.
  app.use(securityHeaders);
  // Files arrive base64-encoded in mutations: MAX_REQUEST_MB (by default room for one MAX_UPLOAD_MB file, and
  // at least 14 MB, as a 10 MB task breakdown needs). A body refused by a parser, or a batch of operations, is
  // answered as a coded JSON error (PAYLOAD_TOO_LARGE, BAD_USER_INPUT), never as Express's HTML error page.
  // Behind a load balancer the client's address comes from X-Forwarded-For, but only from proxies trusted here.
  app.set('trust proxy', runtime.config.api.trustProxy);
  // Prometheus: METRICS_TOKEN as a bearer token, or else callers on this machine only (src/platform/metrics/).
  app.use(metricsMiddleware(runtime.config.metrics.token, () => apiRegistry.metrics()));
  const limit = runtime.config.limits.requestBytes;
  // A caller without credentials may send ANONYMOUS_BODY_BYTES: signing in needs no more.
  const demoHeader = { accepted: runtime.config.auth.demoIdentityHeader, isLoopback };
  app.use(anonymousBodyLimit((req) => presentsCredentials(req, demoHeader)));
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: true });
  app.use(bodyErrorHandler(limit));
  app.use('/graphql', refuseBatches);
  // A lifecycle action sent again with the same Idempotency-Key takes effect once (src/platform/idempotency/).
  app.use('/graphql', idempotencyKeyMiddleware);
  // A span per GraphQL operation, around everything it does (src/platform/tracing/); only when tracing is on.
  if (tracingActive()) app.use('/graphql', graphqlSpanMiddleware);
  if (runtime.config.graphqlIde) app.use(GRAPHIQL_PATH, graphiqlRouter());
  // The board (web/, built into web/dist by `npm run build`); its files are named by content hash, so they are
  // cached for long, while index.html is always asked again.
  app.useStaticAssets(runtime.config.webDir, {
    index: 'index.html',
    setHeaders: (res, file) => res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  await app.listen(port, runtime.config.api.host);
  // Idle keep-alive connections stay open longer than clients and load balancers keep them (Node's 5 s is shorter
  // than most): a server that closes a connection just as a client reuses it makes the client see "other side
  // closed" for a request that never arrived. Seen under load in the PostgreSQL-restart fault test.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return app;
}
