// A real Temporal cluster on PostgreSQL, as a district runs it: the server's four services (frontend, history,
// matching, worker) as four processes of the official server binary, PostgreSQL persistence and SQL advanced
// visibility in the `temporal` and `temporal_visibility` databases that temporal-sql-tool sets up and upgrades, our
// namespace and search attributes registered, and optionally the Temporal Web UI. Used by `npm run start:cluster`,
// `npm run test:cluster` and the benchmarks; each service can be killed and started again on its own (fault tests).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { SEARCH_ATTRIBUTES } from '../../../../workflows/search-attributes';
import { ensureTemporalRole, existingDatabases, hasSchemaVersionTable } from '../../database/temporal-databases';
import { logTail, stopChild } from '../child-process';
import { childWatchdog } from '../child-watchdog';
import { freePort, isPortFree } from '../ports';
import type { ClusterBinaries } from './cluster-binaries';

export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export const TEMPORAL_DATABASE = 'temporal';
export const TEMPORAL_VISIBILITY_DATABASE = 'temporal_visibility';
const TEMPORAL_ROLE = 'temporal';

export interface ServicePorts {
  grpc: number;
  membership: number;
  /** The service's Prometheus endpoint (server metrics). */
  metrics: number;
}

export interface ClusterPorts {
  frontend: ServicePorts & { http: number };
  history: ServicePorts;
  matching: ServicePorts;
  worker: ServicePorts;
  /** null: no Web UI. */
  ui: number | null;
}

/**
 * The ports `npm run start:cluster` uses, derived from TEMPORAL_PORT (7233) the way Temporal's own development
 * configuration lays them out: frontend 7233, history 7234, matching 7235, worker 7239, HTTP 7243, membership
 * 6933–6939, server metrics 8000–8003.
 */
export function defaultClusterPorts(frontendPort: number, uiPort: number | null): ClusterPorts {
  const service = (offset: number, metrics: number): ServicePorts => ({ grpc: frontendPort + offset, membership: frontendPort - 300 + offset, metrics: frontendPort + 767 + metrics });
  return {
    frontend: { ...service(0, 0), http: frontendPort + 10 },
    history: service(1, 1),
    matching: service(2, 2),
    worker: service(6, 3),
    ui: uiPort,
  };
}

/**
 * A free port below 32768: Temporal keeps each service's membership port in a SMALLINT column
 * (cluster_membership.rpc_port), and the OS hands out free ports above that.
 */
async function freeMembershipPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (taken.has(port)) continue;
    if (await isPortFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port below 32768 for a Temporal membership port');
}

const takenMembershipPorts = new Set<number>();

/** Free ports for a cluster whose frontend takes the given port, no UI (tests and benchmarks). */
export async function freeClusterPorts(frontendPort: number): Promise<ClusterPorts> {
  const service = async () => ({ grpc: await freePort(), membership: await freeMembershipPort(takenMembershipPorts), metrics: await freePort() });
  return {
    frontend: { ...(await service()), grpc: frontendPort, http: await freePort() },
    history: await service(),
    matching: await service(),
    worker: await service(),
    ui: null,
  };
}

/** The pids of the four services running now (for CPU and memory accounting). */
export function clusterPids(cluster: TemporalCluster): number[] {
  return TEMPORAL_SERVICES.map((s) => cluster.pid(s)).filter((pid): pid is number => pid !== undefined);
}

/** Every port of the cluster, with what it is for (to check them free before starting). */
export function clusterPortList(ports: ClusterPorts): { port: number; what: string }[] {
  const list: { port: number; what: string }[] = [{ port: ports.frontend.http, what: 'Temporal frontend HTTP' }];
  for (const name of TEMPORAL_SERVICES) {
    const p = ports[name];
    list.push({ port: p.grpc, what: `Temporal ${name} gRPC` }, { port: p.membership, what: `Temporal ${name} membership` }, { port: p.metrics, what: `Temporal ${name} metrics` });
  }
  if (ports.ui !== null) list.push({ port: ports.ui, what: 'Temporal Web UI' });
  return list;
}

export interface PostgresAccess {
  host: string;
  port: number;
  /** A role that may create roles and databases (the embedded server's superuser). */
  adminUser: string;
  adminPassword: string;
}

export interface TemporalClusterOptions {
  binaries: ClusterBinaries;
  postgres: PostgresAccess;
  /** The `temporal` role's password (made by the caller and kept, e.g. data/temporal.password). */
  temporalPassword: string;
  ports: ClusterPorts;
  namespace: string;
  /** Config files and one log file per service go here. */
  dir: string;
  numHistoryShards?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

/** The environment temporal-sql-tool reads its connection from (no password on the command line). */
export function sqlToolEnv(pg: { host: string; port: number; user: string; password: string }, database: string): Record<string, string> {
  return { SQL_PLUGIN: 'postgres12', SQL_HOST: pg.host, SQL_PORT: String(pg.port), SQL_USER: pg.user, SQL_PASSWORD: pg.password, SQL_DATABASE: database };
}

/**
 * The temporal-sql-tool commands that set up (first start) or upgrade (every start) one of the two databases,
 * relative to the schema folder; docs/deployment.md shows exactly these (a test compares them).
 */
export function schemaCommands(database: typeof TEMPORAL_DATABASE | typeof TEMPORAL_VISIBILITY_DATABASE, fresh: boolean): string[][] {
  const versioned = `${database === TEMPORAL_DATABASE ? 'temporal' : 'visibility'}/versioned`;
  return [...(fresh ? [['create-database'], ['setup-schema', '-v', '0.0']] : []), ['update-schema', '-d', versioned]];
}

/** The arguments that start one service of the server (docs/deployment.md shows them; a test compares). */
export function serviceArgs(service: TemporalService, configFile: string): string[] {
  return ['--config-file', configFile, '--allow-no-auth', 'start', '--service', service];
}

/** The server's configuration for one service (each process gets its own file: only the metrics port differs). */
export function temporalServerConfig(options: Pick<TemporalClusterOptions, 'postgres' | 'temporalPassword' | 'ports' | 'numHistoryShards' | 'logLevel'>, service: TemporalService, dynamicConfigFile: string): object {
  const { ports } = options;
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${options.postgres.host}:${options.postgres.port}`,
      connectProtocol: 'tcp',
      user: TEMPORAL_ROLE,
      password: options.temporalPassword,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (name: TemporalService) => ({ grpcPort: ports[name].grpc, membershipPort: ports[name].membership, bindOnIP: '127.0.0.1' });
  return {
    log: { stdout: true, level: options.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: options.numHistoryShards ?? 4,
      datastores: { default: store(TEMPORAL_DATABASE, 10), visibility: store(TEMPORAL_VISIBILITY_DATABASE, 4) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: { prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `127.0.0.1:${ports[service].metrics}` } },
    },
    services: {
      frontend: { rpc: { ...rpc('frontend'), httpPort: ports.frontend.http } },
      history: { rpc: rpc('history') },
      matching: { rpc: rpc('matching') },
      worker: { rpc: rpc('worker') },
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${ports.frontend.grpc}`, httpAddress: `127.0.0.1:${ports.frontend.http}` },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}

/**
 * The history service's caches, bounded by age as well as size. Temporal keeps every workflow it has touched in its
 * mutable-state cache (up to 128,000 per host) and the events it has read in its events cache (up to 256 MiB), each
 * for an hour, and drops an expired entry only when it is read again: on a campaign's thousands of long-running
 * workflows, most of them idle for days between actions, the history process grows for an hour and more (the
 * 30-minute soak on the cluster rose 117 MB and was still rising). Bounding the caches in bytes did not help,
 * because Temporal's size estimate of a mutable state is a fraction of its heap. So: at most HISTORY_CACHE_ENTRIES
 * workflows, each kept HISTORY_CACHE_TTL after its last use and swept every minute, and events kept as long. A miss
 * costs one read from PostgreSQL, which a campaign office's pace of a few actions per task per day never notices.
 */
export const HISTORY_CACHE_ENTRIES = 2000;
export const HISTORY_CACHE_TTL = '5m';
export const HISTORY_EVENTS_CACHE_BYTES = 16 * 1024 * 1024;

/** Dynamic configuration: what our workflows use (Updates), search attributes usable as soon as they are added, the history caches. */
export const DYNAMIC_CONFIG_VALUES: Readonly<Record<string, unknown>> = {
  'frontend.enableUpdateWorkflowExecution': true,
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted': true,
  'system.forceSearchAttributesCacheRefreshOnRead': true,
  'history.hostLevelCacheMaxSize': HISTORY_CACHE_ENTRIES,
  'history.cacheTTL': HISTORY_CACHE_TTL,
  'history.cacheBackgroundEvict': { Enabled: true, LoopInterval: '1m', MaxEntryPerCall: 1024 },
  'history.eventsCacheTTL': HISTORY_CACHE_TTL,
  'history.eventsHostLevelCacheMaxSizeBytes': HISTORY_EVENTS_CACHE_BYTES,
};

/** The dynamic configuration file: every key with one unconstrained value (JSON is YAML). */
export const DYNAMIC_CONFIG = Object.entries(DYNAMIC_CONFIG_VALUES)
  .map(([key, value]) => `${key}:\n  - value: ${JSON.stringify(value)}\n`)
  .join('');

interface RunningService {
  child: ChildProcess;
  exited: Promise<void>;
}

export class TemporalCluster {
  private readonly services = new Map<TemporalService, RunningService>();
  private ui: RunningService | null = null;
  private readonly log: (line: string) => void;

  private constructor(readonly options: TemporalClusterOptions) {
    this.log = options.log ?? (() => undefined);
  }

  get address(): string {
    return `127.0.0.1:${this.options.ports.frontend.grpc}`;
  }

  get uiUrl(): string | null {
    return this.options.ports.ui === null ? null : `http://localhost:${this.options.ports.ui}`;
  }

  get namespace(): string {
    return this.options.namespace;
  }

  /** Sets up or upgrades the databases, starts the four services (and the UI), registers namespace and search attributes. */
  static async start(options: TemporalClusterOptions): Promise<TemporalCluster> {
    const cluster = new TemporalCluster(options);
    fs.mkdirSync(path.join(options.dir, 'logs'), { recursive: true });
    try {
      await cluster.prepareDatabases();
      cluster.writeConfigs();
      for (const service of TEMPORAL_SERVICES) await cluster.startService(service);
      await cluster.waitUntilReady();
      await cluster.registerNamespace();
      if (options.ports.ui !== null) await cluster.startUi();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Databases.

  private async adminQuery<T>(database: string, fn: (client: PgClient) => Promise<T>): Promise<T> {
    const pg = this.options.postgres;
    const client = new PgClient({ host: pg.host, port: pg.port, user: pg.adminUser, password: pg.adminPassword, database });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  /** The `temporal` role (its password follows the caller's), then each database set up once and upgraded always. */
  private async prepareDatabases(): Promise<void> {
    const password = this.options.temporalPassword;
    const existing = await this.adminQuery('postgres', async (client) => {
      await ensureTemporalRole(client, TEMPORAL_ROLE, password);
      return existingDatabases(client, [TEMPORAL_DATABASE, TEMPORAL_VISIBILITY_DATABASE]);
    });
    for (const database of [TEMPORAL_DATABASE, TEMPORAL_VISIBILITY_DATABASE] as const) {
      // A database that exists but has no schema_version table was left by an interrupted first setup: set it up.
      const fresh = !existing.has(database) || !(await this.hasSchemaVersion(database));
      const commands = schemaCommands(database, fresh).filter((c) => !(c[0] === 'create-database' && existing.has(database)));
      for (const args of commands) await this.sqlTool(database, args);
    }
  }

  private hasSchemaVersion(database: string): Promise<boolean> {
    return this.adminQuery(database, hasSchemaVersionTable);
  }

  private sqlTool(database: string, args: string[]): Promise<void> {
    const pg = this.options.postgres;
    const env = { ...process.env, ...sqlToolEnv({ host: pg.host, port: pg.port, user: TEMPORAL_ROLE, password: this.options.temporalPassword }, database) };
    const logFile = path.join(this.options.dir, 'logs', 'temporal-sql-tool.log');
    fs.appendFileSync(logFile, `\n$ temporal-sql-tool ${args.join(' ')}  (SQL_DATABASE=${database})\n`);
    return new Promise((resolve, reject) => {
      const out = fs.openSync(logFile, 'a');
      const child = spawn(this.options.binaries.sqlTool, args, { cwd: this.options.binaries.schemaDir, env, stdio: ['ignore', out, out] });
      fs.closeSync(out);
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`temporal-sql-tool ${args.join(' ')}（${database}）失败，退出码 ${code}；日志见 ${logFile}\n${logTail(logFile)}`));
      });
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Services.

  private configFile(service: TemporalService): string {
    return path.join(this.options.dir, 'config', `${service}.yaml`);
  }

  private writeConfigs(): void {
    const configDir = path.join(this.options.dir, 'config');
    fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
    const dynamic = path.join(configDir, 'dynamicconfig.yaml');
    fs.writeFileSync(dynamic, DYNAMIC_CONFIG);
    for (const service of TEMPORAL_SERVICES) {
      // JSON is YAML; the file holds the temporal role's password, so only we may read it.
      fs.writeFileSync(this.configFile(service), JSON.stringify(temporalServerConfig(this.options, service, dynamic), null, 2), { mode: 0o600 });
    }
  }

  /** Starts one service (again, after a kill) and waits until its gRPC port accepts connections. */
  async startService(service: TemporalService): Promise<void> {
    const running = this.services.get(service);
    if (running && running.child.exitCode === null && running.child.signalCode === null) throw new Error(`Temporal ${service} is already running`);
    const logFile = path.join(this.options.dir, 'logs', `temporal-${service}.log`);
    const started = this.spawnGuarded(this.options.binaries.server, serviceArgs(service, this.configFile(service)), logFile);
    this.services.set(service, started);
    await waitForPort(this.options.ports[service].grpc, this.options.startTimeoutMs ?? 90_000, started.child, `Temporal ${service}`, logFile);
    this.log(`Temporal ${service} 已启动（端口 ${this.options.ports[service].grpc}，pid ${started.child.pid}）`);
  }

  private spawnGuarded(binary: string, args: string[], logFile: string, cwd?: string): RunningService {
    const out = fs.openSync(logFile, 'a');
    // Its own process group: Ctrl-C reaches only the supervisor, which stops the services in order.
    const child = spawn(binary, args, { stdio: ['ignore', out, out], detached: true, cwd });
    fs.closeSync(out);
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    if (child.pid) childWatchdog().guard(child.pid, 'SIGKILL', true);
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        process.removeListener('exit', killOnExit);
        if (child.pid) childWatchdog().release(child.pid);
        resolve();
      }),
    );
    return { child, exited };
  }

  pid(service: TemporalService): number | undefined {
    return this.services.get(service)?.child.pid;
  }

  /** Sends a signal to one service and waits until it has ended (kill -9 for the fault tests). */
  async killService(service: TemporalService, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const running = this.services.get(service);
    if (!running) return;
    await stopChild(running.child, 20_000, signal);
    await waitUntil(async () => !(await portOpen(this.options.ports[service].grpc)), 30_000, `Temporal ${service} port to close`);
  }

  async restartService(service: TemporalService): Promise<void> {
    await this.killService(service, 'SIGTERM');
    await this.startService(service);
  }

  private async startUi(): Promise<void> {
    const uiRoot = path.join(this.options.dir, 'ui');
    fs.mkdirSync(path.join(uiRoot, 'config'), { recursive: true });
    const config = {
      temporalGrpcAddress: this.address,
      host: '127.0.0.1',
      port: this.options.ports.ui,
      enableUi: true,
      defaultNamespace: this.options.namespace,
      disableNewsFetch: true,
      notifyOnNewVersion: false,
      distribution: 'server',
      cors: { allowOrigins: [`http://localhost:${this.options.ports.ui}`, `http://127.0.0.1:${this.options.ports.ui}`] },
    };
    fs.writeFileSync(path.join(uiRoot, 'config', 'base.yaml'), '{}\n');
    fs.writeFileSync(path.join(uiRoot, 'config', 'cluster.yaml'), JSON.stringify(config, null, 2));
    const logFile = path.join(this.options.dir, 'logs', 'temporal-ui.log');
    this.ui = this.spawnGuarded(this.options.binaries.uiServer, ['--root', uiRoot, '--config', 'config', '--env', 'cluster', 'start'], logFile);
    await waitForPort(this.options.ports.ui!, 30_000, this.ui.child, 'Temporal UI', logFile);
  }

  /** The frontend answers and the other services have joined (their ports accept connections). */
  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 90_000);
    let lastError: unknown = null;
    while (Date.now() < deadline) {
      try {
        const connection = await Connection.connect({ address: this.address, connectTimeout: 2000 });
        try {
          await connection.workflowService.getClusterInfo({});
          return;
        } finally {
          await connection.close();
        }
      } catch (err) {
        lastError = err;
        await sleep(250);
      }
    }
    throw new Error(`Temporal 集群在限定时间内未就绪 / the Temporal cluster was not ready in time: ${String(lastError)}`);
  }

  /** Our namespace and search attributes, created if absent (a restart finds them in PostgreSQL). */
  private async registerNamespace(): Promise<void> {
    const connection = await Connection.connect({ address: this.address });
    try {
      const namespace = this.options.namespace;
      await waitUntil(
        async () => {
          try {
            await connection.workflowService.describeNamespace({ namespace });
            return true;
          } catch (err) {
            if (!isNotFound(err)) throw err;
          }
          try {
            await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('30 days') });
          } catch (err) {
            if (!isAlreadyExists(err)) throw err;
          }
          return false;
        },
        60_000,
        `namespace ${namespace}`,
      );
      // A new namespace reaches the services' caches some seconds after it is written: until then NOT_FOUND.
      let added = false;
      await waitUntil(
        async () => {
          let existing;
          try {
            existing = await connection.operatorService.listSearchAttributes({ namespace });
          } catch (err) {
            if (isNotFound(err)) return false;
            throw err;
          }
          const missing = SEARCH_ATTRIBUTES.filter((key) => !(key.name in (existing.customAttributes ?? {})));
          if (missing.length === 0) return true;
          if (!added) {
            await connection.operatorService.addSearchAttributes({
              namespace,
              // IndexedValueType.KEYWORD = 2 (temporal.api.enums.v1); all of ours are keywords.
              searchAttributes: Object.fromEntries(missing.map((key) => [key.name, key.type === 'KEYWORD' ? 2 : unsupported(key.type)])),
            });
            added = true;
            this.log(`已注册搜索属性 / search attributes added: ${missing.map((k) => k.name).join(', ')}`);
          }
          return false;
        },
        120_000,
        `namespace ${namespace} and its search attributes`,
      );
    } finally {
      await connection.close();
    }
  }

  /** Stops the UI, then frontend (no new requests), worker, matching and history; each SIGTERM, SIGKILL after 20 s. */
  async stop(): Promise<void> {
    if (this.ui) {
      await stopChild(this.ui.child, 20_000);
      this.ui = null;
    }
    for (const service of ['frontend', 'worker', 'matching', 'history'] as const) {
      const running = this.services.get(service);
      if (!running) continue;
      await stopChild(running.child, 20_000);
      this.services.delete(service);
    }
  }
}

function unsupported(type: string): never {
  throw new Error(`search attribute type ${type} is not registered by the cluster setup`);
}

function grpcCode(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? Number((err as { code: unknown }).code) : undefined;
}

const isNotFound = (err: unknown) => grpcCode(err) === 5;
const isAlreadyExists = (err: unknown) => grpcCode(err) === 6;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, timeoutMs: number, child: ChildProcess, what: string, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} 启动失败（退出 ${child.exitCode ?? child.signalCode}），日志见 ${logFile}:\n${logTail(logFile)}`);
    }
    if (await portOpen(port)) return;
    await sleep(200);
  }
  throw new Error(`${what} 在 ${timeoutMs / 1000} 秒内未监听端口 ${port} / did not listen in time\n${logTail(logFile)}`);
}
