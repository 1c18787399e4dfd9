// Configuration is read once, from the environment, and validated at start-up: a bad value stops the
// process with a message naming the variable, before anything is started.
import * as path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../runtime/project-paths';
import { loadRobotSmsConfig, type RobotSmsConfig } from './robot-sms.config';

const port = (fallback: number) =>
  z
    .string()
    .regex(/^\d{1,5}$/, '须为 1–65535 之间的端口号 / must be a port number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, '须为 1–65535 之间的端口号 / must be a port number')
    .default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: '须为 true 或 false / must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));

const schema = z.object({
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: optionalText.refine((v) => v === null || /^postgres(ql)?:\/\//.test(v), {
    message: '须为 postgres:// 或 postgresql:// 开头的连接串 / must be a postgres:// URL',
  }),
  EMBEDDED_POSTGRES_PORT: port(5433),
  TEMPORAL_ADDRESS: optionalText,
  TEMPORAL_NAMESPACE: z.string().regex(/^[A-Za-z0-9._-]{2,255}$/, '只能含字母、数字和 . _ - / letters, digits, . _ - only').default('chuangwen'),
  TEMPORAL_TASK_QUEUE: z.string().regex(/^\S+$/, '不能含空白 / must not contain spaces').default('chuangwen-tasks'),
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_UI_URL: optionalText,
  TEMPORAL_CLI: optionalText,
  TEMPORAL_TLS: flag(false),
  TEMPORAL_TLS_CERT: optionalText,
  TEMPORAL_TLS_KEY: optionalText,
  TEMPORAL_TLS_CA: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_API_KEY: optionalText,
  HOST: z.string().default('127.0.0.1'),
  PORT: port(3000),
  WORKER_HEALTH_PORT: port(3001),
  // `npm start` only: the in-process worker's /metrics (`npm run worker` serves it on WORKER_HEALTH_PORT). 9464 is the
  // port Prometheus's registry of exporters gives OpenTelemetry's, far from the API's 3000s and Temporal's 7000s.
  WORKER_METRICS_PORT: port(9464),
  // Bearer token Prometheus sends to /metrics; unset: /metrics answers callers on this machine only.
  METRICS_TOKEN: optionalText.refine((v) => v === null || (v.length >= 16 && v.length <= 256 && /^[\x21-\x7e]+$/.test(v)), {
    message: '须为 16 到 256 个可见 ASCII 字符（不含空格） / 16 to 256 printable ASCII characters, no spaces',
  }),
  // Workflows a worker keeps in memory between their tasks; one not cached replays its history on its next task.
  // Unset: the SDK's default, which grows with the heap limit. Memory is bounded by it, not by the running total.
  TEMPORAL_MAX_CACHED_WORKFLOWS: optionalText.refine((v) => v === null || (/^\d{1,6}$/.test(v) && Number(v) >= 2), {
    message: '须为不小于 2 的整数 / a whole number, at least 2',
  }),
  DEMO_DATA: flag(true),
  FILE_STORE_DIR: optionalText,
  MAX_UPLOAD_MB: z.string().regex(/^\d{1,4}$/, '须为整数（MB） / whole megabytes').transform(Number).default(20),
  // Limits of the GraphQL API (issue 5). MAX_REQUEST_MB unset: room for one MAX_UPLOAD_MB file in base64.
  MAX_REQUEST_MB: optionalText.refine((v) => v === null || (/^\d{1,4}$/.test(v) && Number(v) >= 1), { message: '须为正整数（MB） / whole megabytes, at least 1' }),
  MAX_QUERY_DEPTH: z.string().regex(/^\d{1,3}$/, '须为整数 / a whole number').transform(Number).refine((n) => n >= 1, '至少为 1 / at least 1').default(12),
  MAX_QUERY_COST: z.string().regex(/^\d{1,9}$/, '须为整数 / a whole number').transform(Number).refine((n) => n >= 1, '至少为 1 / at least 1').default(20000),
  QUERY_LIST_SIZE: z.string().regex(/^\d{1,4}$/, '须为整数 / a whole number').transform(Number).refine((n) => n >= 1, '至少为 1 / at least 1').default(10),
  // Cards per column of a board page (board, itemBoard, boardAsOf and their column queries): the default and the most
  // a client may ask for, so that no one request returns an unbounded number of cards.
  BOARD_PAGE_SIZE: z.string().regex(/^\d{1,4}$/, '须为整数 / a whole number').transform(Number).refine((n) => n >= 1, '至少为 1 / at least 1').default(50),
  BOARD_MAX_PAGE_SIZE: z.string().regex(/^\d{1,4}$/, '须为整数 / a whole number').transform(Number).refine((n) => n >= 1, '至少为 1 / at least 1').default(200),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug'], { message: '须为 error、warn、info 或 debug' }).default('info'),
  // json: one JSON object per line; pretty: readable lines; auto: pretty in a terminal, JSON otherwise (src/platform/logging/).
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty'], { message: '须为 auto、json 或 pretty' }).default('auto'),
  // Sign-in (issue 5).
  AUTH_TOKEN_SECRET: optionalText.refine((v) => v === null || v.length >= 32, { message: '至少 32 个字符 / at least 32 characters' }),
  ACCESS_TOKEN_MINUTES: z.string().regex(/^\d{1,4}$/, '须为整数（分钟） / whole minutes').transform(Number).refine((n) => n >= 1, '至少 1 分钟 / at least 1').default(15),
  REFRESH_TOKEN_DAYS: z.string().regex(/^\d{1,3}$/, '须为整数（天） / whole days').transform(Number).refine((n) => n >= 1, '至少 1 天 / at least 1').default(7),
  DEMO_IDENTITY_HEADER: flag(true),
  SIGN_IN_MAX_FAILURES: z.string().regex(/^\d{1,4}$/, '须为整数 / a whole number').transform(Number).default(5),
  // Behind a load balancer: how many proxy hops to trust (1), or which proxies (loopback, 10.0.0.0/8, …), so that
  // the per-address sign-in limit and the record of refusals see the client's address from X-Forwarded-For.
  TRUST_PROXY: z
    .string()
    .regex(/^(false|\d{1,2}|[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*)$/, '须为 false、代理层数，或代理地址列表（逗号分隔） / false, a hop count, or a comma-separated list of proxy addresses')
    .default('false'),
  // Where the built board is (web/dist by `npm run build`); another folder serves another build of it.
  WEB_DIR: z.string().default('web/dist'),
  SIGN_IN_MAX_PER_IP: z.string().regex(/^\d{1,5}$/, '须为整数 / a whole number').transform(Number).default(30),
  // After SIGN_IN_MAX_FAILURES failures in a row for one login from one address, each further attempt from there
  // waits SIGN_IN_DELAY_SECONDS, doubled per further failure, up to SIGN_IN_MAX_DELAY_SECONDS (issue 14).
  SIGN_IN_DELAY_SECONDS: z.string().regex(/^\d{1,3}$/, '须为整数（秒） / whole seconds').transform(Number).refine((n) => n >= 1, '至少 1 秒 / at least 1').default(30),
  SIGN_IN_MAX_DELAY_SECONDS: z.string().regex(/^\d{1,3}$/, '须为整数（秒） / whole seconds').transform(Number).refine((n) => n >= 1 && n <= 900, '须在 1 到 900 秒之间 / 1 to 900').default(300),
  // How long the API keeps what grows with use; a cleanup deletes older rows in batches (src/audit/retention.service.ts).
  RETENTION_ACCESS_DENIALS_DAYS: z.string().regex(/^\d{1,4}$/, '须为整数（天） / whole days').transform(Number).refine((n) => n >= 1, '至少 1 天 / at least 1').default(90),
  RETENTION_SIGN_IN_ATTEMPTS_DAYS: z.string().regex(/^\d{1,4}$/, '须为整数（天） / whole days').transform(Number).refine((n) => n >= 1, '至少 1 天 / at least 1').default(30),
  RETENTION_SESSIONS_DAYS: z.string().regex(/^\d{1,4}$/, '须为整数（天） / whole days').transform(Number).refine((n) => n >= 1, '至少 1 天 / at least 1').default(7),
  RETENTION_INTERVAL_MINUTES: z.string().regex(/^\d{1,4}$/, '须为整数（分钟） / whole minutes').transform(Number).refine((n) => n >= 1, '至少 1 分钟 / at least 1').default(60),
  // The GraphiQL IDE at /graphiql (src/platform/web/graphiql.ts); false answers 404 there.
  GRAPHQL_IDE: flag(true),
  // NODE_ENV=production or PRODUCTION=true: the process refuses to start with the demo's conveniences on.
  NODE_ENV: optionalText,
  PRODUCTION: flag(false),
  // Web pages that may open the live connection (graphql-ws); unset: the API's own address and localhost ones.
  ALLOWED_ORIGINS: optionalText,
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: z.string().regex(/^\d{1,4}$/, '须为整数 / a whole number').transform(Number).refine((n) => n >= 1, '至少为 1 / at least 1').default(20),
  WS_MAX_SUBSCRIPTIONS_PER_PERSON: z.string().regex(/^\d{1,5}$/, '须为整数 / a whole number').transform(Number).refine((n) => n >= 1, '至少为 1 / at least 1').default(50),
  // Delivering notifications beyond the inbox (issue 16): each channel is off while its variables are unset.
  PUBLIC_URL: optionalText.refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), { message: '须为 http:// 或 https:// 开头的地址 / must be an http(s) URL' }),
  SMTP_URL: optionalText.refine((v) => v === null || /^smtps?:\/\/[^\s]+$/.test(v), { message: '须为 smtp:// 或 smtps:// 开头的地址，如 smtps://用户:密码@smtp.example.gov.cn:465 / must be an smtp:// or smtps:// URL' }),
  SMTP_FROM: optionalText.refine((v) => v === null || (v.length <= 320 && /^[^\r\n]+$/.test(v)), { message: '须为一行的发件人，如 创文办 <cw@example.gov.cn> / one line' }),
  NOTIFY_WEBHOOK_URL: optionalText.refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), { message: '须为 http:// 或 https:// 开头的地址 / must be an http(s) URL' }),
  NOTIFY_WEBHOOK_SECRET: optionalText.refine((v) => v === null || v.length >= 16, { message: '至少 16 个字符 / at least 16 characters' }),
  // How a failed send is tried again: the first wait, doubled each time up to the longest wait, for so many hours.
  NOTIFY_RETRY_FIRST_SECONDS: z.string().regex(/^\d{1,4}$/, '须为整数（秒） / whole seconds').transform(Number).refine((n) => n >= 1, '至少 1 秒 / at least 1').default(10),
  NOTIFY_RETRY_MAX_MINUTES: z.string().regex(/^\d{1,4}$/, '须为整数（分钟） / whole minutes').transform(Number).refine((n) => n >= 1, '至少 1 分钟 / at least 1').default(10),
  NOTIFY_RETRY_HOURS: z.string().regex(/^\d{1,3}$/, '须为整数（小时） / whole hours').transform(Number).refine((n) => n >= 1, '至少 1 小时 / at least 1').default(24),
});

export interface TemporalConnectionConfig {
  /** host:port of the frontend; null means "start the embedded dev server" (npm start only). */
  address: string | null;
  namespace: string;
  taskQueue: string;
  tls: null | { certPath: string | null; keyPath: string | null; caPath: string | null; serverName: string | null };
  apiKey: string | null;
}

export interface AppConfig {
  dataDir: string;
  databaseUrl: string | null;
  embeddedPostgresPort: number;
  temporal: TemporalConnectionConfig & {
    devServerPort: number;
    uiPort: number;
    uiUrl: string | null;
    cli: string | null;
  };
  api: {
    host: string;
    port: number;
    /** Express's `trust proxy`: false (clients connect directly), a hop count, or the proxies' addresses. */
    trustProxy: false | number | string[];
  };
  /** Prometheus /metrics of the API and the worker (src/platform/metrics/). */
  metrics: {
    /** Required as `Authorization: Bearer <token>` when set; null: only loopback callers are answered. */
    token: string | null;
    /** `npm start` only: where the in-process worker serves its /metrics, on the API's host. */
    workerPort: number;
  };
  worker: {
    healthPort: number;
    /** Workflows kept in memory (Temporal's maxCachedWorkflows); null for the SDK's default. */
    maxCachedWorkflows: number | null;
  };
  demoData: boolean;
  files: { dir: string; maxBytes: number };
  /** What one request may be and ask for (src/platform/errors/query-limits.ts, src/platform/errors/http-limits.ts). */
  limits: { requestBytes: number; query: { maxDepth: number; maxCost: number; listSize: number } };
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** LOG_FORMAT: JSON lines, pretty lines, or pretty only in a terminal (`auto`). */
  logFormat: 'auto' | 'json' | 'pretty';
  /** Cards per board column page: the default and the most a client may ask for (BOARD_PAGE_SIZE, BOARD_MAX_PAGE_SIZE). */
  board: { pageSize: number; maxPageSize: number };
  auth: {
    /** HMAC key of access tokens; null: one is generated and kept in the database, shared by every API instance. */
    tokenSecret: string | null;
    accessTokenSeconds: number;
    refreshTokenSeconds: number;
    /**
     * Accept the development identity header `x-demo-user` over HTTP from loopback: only when the process runs the
     * demo (DEMO_DATA) and listens on a loopback address, and DEMO_IDENTITY_HEADER is not false.
     */
    demoIdentityHeader: boolean;
    maxFailuresPerLogin: number;
    maxAttemptsPerIp: number;
    attemptWindowSeconds: number;
    /** The first wait after maxFailuresPerLogin failures of one login from one address, and its cap. */
    delaySeconds: number;
    maxDelaySeconds: number;
  };
  /** How long rows that grow with use are kept, and how often the cleanup runs (src/audit/retention.service.ts). */
  retention: { accessDenialsDays: number; signInAttemptsDays: number; sessionsDays: number; intervalMinutes: number };
  /** Serve the GraphiQL IDE at /graphiql (src/platform/web/graphiql.ts). */
  graphqlIde: boolean;
  /** The live connection (graphql-ws at /graphql): who may open it and how much one socket and one person may ask. */
  webSocket: {
    /** Origins (scheme://host[:port]) whose pages may connect; a request without Origin (not a browser) may too. */
    allowedOrigins: string[];
    maxSubscriptionsPerSocket: number;
    maxSubscriptionsPerPerson: number;
    /** A socket that has not sent connection_init by then is closed (graphql-ws connectionInitWaitTimeout). */
    connectionInitTimeoutMs: number;
  };
  /** The built board the API serves at `/`. */
  webDir: string;
  /** Delivery of notifications beyond the inbox (issue 16); a channel is null while its variables are unset. */
  notifications: NotificationsConfig;
}

export interface NotificationsConfig {
  /** Where people open the board, for links in messages: PUBLIC_URL, or the API's own origin. */
  publicUrl: string;
  email: { url: string; from: string } | null;
  webhook: { url: string; secret: string | null } | null;
  retry: { initialMs: number; maximumMs: number; totalMs: number };
  /** The 企业微信 / 钉钉 group robots and SMS (robot-sms.config.ts): a robot is on when the office's group is set. */
  robotsAndSms: RobotSmsConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      '配置有误 / invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty or blank variable means "not set" (HOST= must not mean "every interface").
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        message: `${issue.message}（当前值 / value: ${JSON.stringify(env[String(issue.path[0])] ?? null)}）`,
      })),
    );
  }
  const e = parsed.data;
  const problems: { variable: string; message: string }[] = [];
  if (e.TEMPORAL_TLS_CERT !== null && e.TEMPORAL_TLS_KEY === null) {
    problems.push({ variable: 'TEMPORAL_TLS_KEY', message: '设置了 TEMPORAL_TLS_CERT 时必须同时设置 / required with TEMPORAL_TLS_CERT' });
  }
  if (e.TEMPORAL_TLS_KEY !== null && e.TEMPORAL_TLS_CERT === null) {
    problems.push({ variable: 'TEMPORAL_TLS_CERT', message: '设置了 TEMPORAL_TLS_KEY 时必须同时设置 / required with TEMPORAL_TLS_KEY' });
  }
  const production = e.NODE_ENV === 'production' || e.PRODUCTION;
  if (production) {
    // Each of these lets someone act or look around without an account; a production process must not start with them.
    const reason = e.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'PRODUCTION=true';
    if (e.DEMO_DATA) problems.push({ variable: 'DEMO_DATA', message: `生产环境（${reason}）不能加载演示数据，请设为 false / must be false in production` });
    if (env.DEMO_IDENTITY_HEADER !== undefined && e.DEMO_IDENTITY_HEADER) {
      problems.push({ variable: 'DEMO_IDENTITY_HEADER', message: `生产环境（${reason}）不能开启演示身份请求头，请设为 false / must be false in production` });
    }
    if (e.GRAPHQL_IDE) problems.push({ variable: 'GRAPHQL_IDE', message: `生产环境（${reason}）不能开启 GraphiQL 调试台，请设为 false / must be false in production` });
  }
  const allowedOrigins = e.ALLOWED_ORIGINS === null ? defaultOrigins(e.HOST, e.PORT) : parseOrigins(e.ALLOWED_ORIGINS);
  if (allowedOrigins === null) {
    problems.push({
      variable: 'ALLOWED_ORIGINS',
      message: `须为逗号分隔的来源，如 https://cw.example.gov.cn,http://localhost:3000（当前值 / value: ${JSON.stringify(e.ALLOWED_ORIGINS)}） / comma-separated origins (scheme://host[:port])`,
    });
  }
  const robotsAndSms = loadRobotSmsConfig(env, problems);
  if (e.BOARD_PAGE_SIZE > e.BOARD_MAX_PAGE_SIZE) {
    problems.push({ variable: 'BOARD_PAGE_SIZE', message: `不能大于 BOARD_MAX_PAGE_SIZE（${e.BOARD_MAX_PAGE_SIZE}） / at most BOARD_MAX_PAGE_SIZE` });
  }
  if (e.SMTP_URL !== null && e.SMTP_FROM === null) {
    problems.push({ variable: 'SMTP_FROM', message: '设置了 SMTP_URL 时必须同时设置发件人 / required with SMTP_URL' });
  }
  if (e.NOTIFY_WEBHOOK_SECRET !== null && e.NOTIFY_WEBHOOK_URL === null) {
    problems.push({ variable: 'NOTIFY_WEBHOOK_URL', message: '设置了 NOTIFY_WEBHOOK_SECRET 时必须同时设置 / required with NOTIFY_WEBHOOK_SECRET' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const tlsWanted = e.TEMPORAL_TLS || e.TEMPORAL_TLS_CERT !== null || e.TEMPORAL_API_KEY !== null;
  return {
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      tls: tlsWanted
        ? { certPath: e.TEMPORAL_TLS_CERT, keyPath: e.TEMPORAL_TLS_KEY, caPath: e.TEMPORAL_TLS_CA, serverName: e.TEMPORAL_TLS_SERVER_NAME }
        : null,
      apiKey: e.TEMPORAL_API_KEY,
      devServerPort: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      uiUrl: e.TEMPORAL_UI_URL,
      cli: e.TEMPORAL_CLI,
    },
    api: { host: e.HOST, port: e.PORT, trustProxy: trustProxy(e.TRUST_PROXY) },
    metrics: { token: e.METRICS_TOKEN, workerPort: e.WORKER_METRICS_PORT },
    worker: { healthPort: e.WORKER_HEALTH_PORT, maxCachedWorkflows: e.TEMPORAL_MAX_CACHED_WORKFLOWS === null ? null : Number(e.TEMPORAL_MAX_CACHED_WORKFLOWS) },
    demoData: e.DEMO_DATA,
    files: { dir: path.resolve(e.FILE_STORE_DIR ?? path.join(e.DATA_DIR, 'files')), maxBytes: e.MAX_UPLOAD_MB * 1024 * 1024 },
    limits: {
      requestBytes: (e.MAX_REQUEST_MB !== null ? Number(e.MAX_REQUEST_MB) : defaultRequestMb(e.MAX_UPLOAD_MB)) * 1024 * 1024,
      query: { maxDepth: e.MAX_QUERY_DEPTH, maxCost: e.MAX_QUERY_COST, listSize: e.QUERY_LIST_SIZE },
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    board: { pageSize: e.BOARD_PAGE_SIZE, maxPageSize: e.BOARD_MAX_PAGE_SIZE },
    auth: {
      tokenSecret: e.AUTH_TOKEN_SECRET,
      accessTokenSeconds: e.ACCESS_TOKEN_MINUTES * 60,
      refreshTokenSeconds: e.REFRESH_TOKEN_DAYS * 86_400,
      demoIdentityHeader: e.DEMO_IDENTITY_HEADER && e.DEMO_DATA && isLoopbackHost(e.HOST),
      maxFailuresPerLogin: e.SIGN_IN_MAX_FAILURES,
      maxAttemptsPerIp: e.SIGN_IN_MAX_PER_IP,
      /** Sign-in attempts are counted over this window. */
      attemptWindowSeconds: 15 * 60,
      delaySeconds: e.SIGN_IN_DELAY_SECONDS,
      maxDelaySeconds: e.SIGN_IN_MAX_DELAY_SECONDS,
    },
    retention: {
      accessDenialsDays: e.RETENTION_ACCESS_DENIALS_DAYS,
      signInAttemptsDays: e.RETENTION_SIGN_IN_ATTEMPTS_DAYS,
      sessionsDays: e.RETENTION_SESSIONS_DAYS,
      intervalMinutes: e.RETENTION_INTERVAL_MINUTES,
    },
    graphqlIde: e.GRAPHQL_IDE,
    webSocket: {
      allowedOrigins: allowedOrigins ?? [],
      maxSubscriptionsPerSocket: e.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxSubscriptionsPerPerson: e.WS_MAX_SUBSCRIPTIONS_PER_PERSON,
      connectionInitTimeoutMs: 10_000,
    },
    webDir: path.resolve(projectRoot(), e.WEB_DIR),
    notifications: {
      robotsAndSms,
      publicUrl: (e.PUBLIC_URL ?? defaultOrigins(e.HOST, e.PORT)[0]).replace(/\/+$/, ''),
      email: e.SMTP_URL !== null && e.SMTP_FROM !== null ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
      webhook: e.NOTIFY_WEBHOOK_URL !== null ? { url: e.NOTIFY_WEBHOOK_URL, secret: e.NOTIFY_WEBHOOK_SECRET } : null,
      retry: { initialMs: e.NOTIFY_RETRY_FIRST_SECONDS * 1000, maximumMs: e.NOTIFY_RETRY_MAX_MINUTES * 60_000, totalMs: e.NOTIFY_RETRY_HOURS * 3_600_000 },
    },
  };
}

/** localhost, 127.0.0.0/8 and ::1: an address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The browser origins of the API itself: HOST:PORT (unless it listens on every interface) and the loopback names. */
export function defaultOrigins(host: string, port: number): string[] {
  const h = host.trim().toLowerCase();
  const own = h === '0.0.0.0' || h === '::' || h === '[::]' ? [] : [h.includes(':') && !h.startsWith('[') ? `[${h}]` : h];
  return [...new Set([...own, 'localhost', '127.0.0.1', '[::1]'])].map((name) => `http://${name}:${port}`);
}

/**
 * A comma-separated list of origins (scheme://host[:port], as browsers send them), each normalised (lower case, the
 * default port left out); null if any part is not one (a path, a wildcard, credentials).
 */
export function parseOrigins(value: string): string[] | null {
  const origins: string[] = [];
  for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    if (!/^https?:\/\/([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?\/?$/i.test(part)) return null;
    try {
      origins.push(new URL(part).origin);
    } catch {
      return null;
    }
  }
  return origins.length > 0 ? [...new Set(origins)] : null;
}

function trustProxy(value: string): false | number | string[] {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}

/**
 * The default largest request body, in MB: one file of MAX_UPLOAD_MB in base64 (4/3 of its size) and 1 MB for the
 * rest of the request, but never less than the 14 MB a 10 MB task breakdown or catalog needs.
 */
export function defaultRequestMb(maxUploadMb: number): number {
  return Math.max(14, Math.ceil((maxUploadMb * 4) / 3) + 1);
}

/** A Temporal address is required when the process does not start its own dev server. */
export function requireTemporalAddress(config: AppConfig): string {
  if (config.temporal.address === null) {
    throw new ConfigError([
      { variable: 'TEMPORAL_ADDRESS', message: '单独运行 API 或 worker 时必须设置，例如 localhost:7233 / required when running alone' },
    ]);
  }
  return config.temporal.address;
}

export function requireDatabaseUrl(config: AppConfig): string {
  if (config.databaseUrl === null) {
    throw new ConfigError([
      { variable: 'DATABASE_URL', message: '单独运行 API 或 worker 时必须设置 / required when running alone' },
    ]);
  }
  return config.databaseUrl;
}
