// Helpers for integration tests: a fresh migrated database per test file, the shared Temporal dev server,
// a worker and an API on free ports, and a small GraphQL-over-HTTP client.
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client as WsClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type AppConfig } from '../../src/platform/config/config';
import { Migrator, type KyselyPlugin } from 'kysely';
import { createDatabase, migrateToLatest, type Db } from '../../src/platform/database/database';
import { MIGRATIONS } from '../../src/platform/database/migrations';
import { startApi } from '../../src/platform/runtime/api-server';
import { freePort } from '../../src/platform/runtime/ports';
import { startWorker, type RunningWorker } from '../../src/platform/runtime/worker-runner';
import { connectClient } from '../../src/platform/temporal/temporal-connection';
import { wsClient } from '../../bench/support/graphql';

export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest (global setup)`);
  return value;
}

/**
 * A fresh database on the shared test server, migrated to the latest migration or, for upgrade tests, only up to
 * `migrateTo` (the caller then writes what an earlier release left and migrates the rest).
 */
export async function createTestDatabase(options: { migrateTo?: string } = {}): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const admin = env('TEST_DATABASE_URL');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new PgClient({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]+$/, `/${name}`);
  const db = createDatabase(url);
  if (options.migrateTo) {
    const migrated = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo(options.migrateTo);
    if (migrated.error) throw migrated.error;
  } else {
    await migrateToLatest(db);
  }
  return {
    url,
    db,
    drop: async () => {
      await db.destroy();
      const c = new PgClient({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testConfig(taskQueue: string, overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({
    TEMPORAL_ADDRESS: env('TEST_TEMPORAL_ADDRESS'),
    TEMPORAL_NAMESPACE: env('TEST_TEMPORAL_NAMESPACE'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    // Seeds nothing here (only `npm start` seeds); it lets the tests name people with the demo header from loopback.
    DEMO_DATA: 'true',
    LOG_LEVEL: 'error',
    FILE_STORE_DIR: path.join(os.tmpdir(), `chuangwen-test-files-${taskQueue}`),
    ...overrides,
  });
}

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface TestStack {
  config: AppConfig;
  db: Db;
  databaseUrl: string;
  temporal: Client;
  worker: RunningWorker | null;
  app: NestExpressApplication;
  url: string;
  /** How many queries the API has sent to PostgreSQL so far. */
  apiQueries(): number;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  withWorker?: boolean;
  /** Starts the task queue's name, to tell the file's workflows apart in Temporal's UI. */
  prefix?: string;
  env?: NodeJS.ProcessEnv;
}

/** Database, Temporal client, optionally an in-process worker, and the API on a free port. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  // The port is known before the configuration, so that the API's own origin (ALLOWED_ORIGINS' default) is right.
  const port = await freePort();
  const config = testConfig(uniqueTaskQueue(options.prefix ?? 'it'), { PORT: String(port), ...options.env });
  const database = await createTestDatabase();
  const address = env('TEST_TEMPORAL_ADDRESS');
  const temporal = await connectClient({ ...config.temporal, address });
  const worker = options.withWorker === false ? null : await startWorker({ ...config.temporal, address }, database.db, undefined, config.notifications, config.files);
  // The API's queries are counted (the worker's and the test's are not), for tests that prove batching.
  let apiQueries = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      apiQueries += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const app = await startApi(
    { config, databaseUrl: database.url, db: database.db.withPlugin(counting), temporal, temporalUiUrl: 'http://localhost:8233', workerStatus: worker?.status },
    { port },
  );
  return {
    config,
    apiQueries: () => apiQueries,
    db: database.db,
    databaseUrl: database.url,
    temporal,
    worker,
    app,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close();
      await worker?.stop();
      await temporal.connection.close();
      await database.drop();
    },
  };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string | null } }[];
}

/** A person's access token, signed in with the demo password: what a graphql-ws client sends in connectionParams. */
export async function accessToken(baseUrl: string, login: string): Promise<string> {
  const res = await gql<{ signIn: { accessToken: string } }>(baseUrl, null, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
    i: { login, password: DEMO_PASSWORD },
  });
  if (!res.data) throw new Error(`sign-in of ${login} refused: ${JSON.stringify(res.errors)}`);
  return res.data.signIn.accessToken;
}

/**
 * A graphql-ws subscription of the API at `baseUrl` as the person whose token is given: `received` collects the data
 * of every message, in order; `ready` resolves once the server acknowledged the connection. Dispose of `client`.
 */
export function subscribeAs<T>(baseUrl: string, token: string, query: string): { client: WsClient; received: T[]; ready: Promise<void> } {
  const received: T[] = [];
  const { client, ready } = wsClient(baseUrl, token);
  client.subscribe<T>({ query }, { next: (value) => value.data && received.push(value.data), error: () => undefined, complete: () => undefined });
  return { client, received, ready };
}

export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  login: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (login) headers['x-demo-user'] = login;
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GraphQLResponse<T>;
}

/**
 * GraphQL as people signed in with their passwords (for stacks with the development header off): `api` answers as
 * the API does, `must` throws on any error. Each person signs in once.
 */
export function passwordApi(baseUrl: () => string) {
  const tokens = new Map<string, string>();
  async function post<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }
  /** The person's access token (for file downloads), signing them in the first time. */
  async function tokenOf(login: string): Promise<string> {
    if (!tokens.has(login)) {
      const body = await post<{ signIn: { accessToken: string } }>('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { login, password: DEMO_PASSWORD } }, null);
      if (!body.data) throw new Error(`sign-in of ${login} refused: ${JSON.stringify(body.errors)}`);
      tokens.set(login, body.data.signIn.accessToken);
    }
    return tokens.get(login)!;
  }
  async function api<T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    return post<T>(query, variables, await tokenOf(login));
  }
  async function must<T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await api<T>(login, query, variables);
    if (res.errors || !res.data) throw new Error(`${login}: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
  return { api, must, tokenOf };
}
