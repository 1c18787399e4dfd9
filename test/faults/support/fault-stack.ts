// The system as real processes that a fault test can kill and start again: embedded PostgreSQL (restarted on the
// same data folder and port), the Temporal dev server keeping its state in SQLite (restarted on the same port and
// file), and workers and APIs as `node dist/src/*.main.js` child processes. Everything lives in one temporary
// folder; stop() ends every process and removes the folder, whatever state a failed test left them in.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from '@temporalio/client';
import { createDatabase, migrateToLatest, type Db } from '../../../src/platform/database/database';
import { embeddedPostgresUrl } from '../../../src/platform/runtime/embedded-postgres';
import { freePort, isPortFree } from '../../../src/platform/runtime/ports';
import { projectRoot } from '../../../src/platform/runtime/project-paths';
import { requireClusterBinaries } from '../../../src/platform/runtime/cluster/cluster-binaries';
import { TemporalCluster } from '../../../src/platform/runtime/cluster/temporal-cluster';
import { embeddedPostgresPassword } from '../../../src/platform/runtime/embedded-postgres';
import { TemporalDevServer } from '../../../src/platform/runtime/temporal-dev-server';
import { testClusterPorts, usingCluster } from '../../support/temporal-under-test';
import { connectClient } from '../../../src/platform/temporal/temporal-connection';
import { seedDemoCampaign, waitFor, withTimeout } from '../../../bench/support/harness';

const NAMESPACE = 'chuangwen-faults';
const DATABASE = 'faults';
const READY_TIMEOUT_MS = 90_000;

export interface NodeProcess {
  name: string;
  child: ChildProcess;
  /** The API's base URL, or the worker's health URL. */
  url: string;
  logFile: string;
  exited: Promise<void>;
  /** Set by FaultStack.kill before it kills the process: any other exit is a crash. */
  killed: boolean;
}

export class FaultStack {
  readonly campaignId = `faults-${randomBytes(4).toString('hex')}`;
  readonly taskQueue = `faults-${randomBytes(4).toString('hex')}`;
  private pgProcess: ChildProcess | null = null;
  private temporal: TemporalDevServer | TemporalCluster | null = null;
  private clusterPorts: Awaited<ReturnType<typeof testClusterPorts>> | null = null;
  private readonly processes = new Set<NodeProcess>();
  private pools: Db[] = [];
  private clients: Client[] = [];
  private readonly killOnExit = () => this.killEverythingNow();
  private counter = 0;
  private stopRequested = false;
  /** Workers and APIs that ended without being killed by the test, with their last log lines. */
  readonly crashes: string[] = [];

  private constructor(
    readonly dir: string,
    private readonly ports: { pg: number; temporal: number; temporalHttp: number; temporalMetrics: number },
  ) {
    process.once('exit', this.killOnExit);
  }

  /** A temporary folder and ports; nothing started yet. */
  static async create(): Promise<FaultStack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-faults-'));
    fs.chmodSync(dir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
    const [pg, temporal, temporalHttp, temporalMetrics] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    return new FaultStack(dir, { pg, temporal, temporalHttp, temporalMetrics });
  }

  get databaseUrl(): string {
    return embeddedPostgresUrl(this.pgDataDir, this.ports.pg, DATABASE);
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.ports.temporal}`;
  }

  private get pgDataDir(): string {
    return path.join(this.dir, 'postgres');
  }

  // -------------------------------------------------------------------------------------------------------
  // PostgreSQL.

  /** Starts PostgreSQL on its data folder; after a kill -9 it retries until the old backends have let go. */
  async startPostgres(): Promise<void> {
    let lastExit = '';
    const started = waitFor(
      async () => {
        const log = fs.openSync(path.join(this.dir, 'postgres.log'), 'a');
        const child = spawn(process.execPath, [path.join(__dirname, 'postgres-process.js'), this.pgDataDir, String(this.ports.pg), DATABASE], {
          stdio: ['ignore', 'pipe', log],
        });
        fs.closeSync(log);
        const ready = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), READY_TIMEOUT_MS);
          child.stdout!.on('data', (chunk: Buffer) => {
            if (!chunk.toString().includes('ready')) return;
            clearTimeout(timer);
            resolve(true);
          });
          child.once('exit', (code, signal) => {
            clearTimeout(timer);
            lastExit = `exit ${code ?? signal}`;
            resolve(false);
          });
        });
        if (ready) this.pgProcess = child;
        // A start refused right after a kill -9 ("pre-existing shared memory block is still in use") is tried again.
        return ready;
      },
      READY_TIMEOUT_MS,
      'PostgreSQL to start',
      500,
    );
    await started.catch((err: Error) => {
      throw new Error(`${err.message} (last attempt: ${lastExit}; see postgres.log)`);
    });
  }

  /** The running postmaster of our data folder, or null (its pid file may outlive it after a kill -9). */
  private postmasterPid(): number | null {
    try {
      const pid = Number(fs.readFileSync(path.join(this.pgDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(this.pgDataDir) ? pid : null;
    } catch {
      return null;
    }
  }

  /** Fast shutdown (SIGINT: open transactions are rolled back, clients disconnected), or kill -9 of the postmaster. */
  async stopPostgres(how: 'fast' | 'kill'): Promise<void> {
    const pid = this.postmasterPid();
    if (pid === null) throw new Error('PostgreSQL is not running');
    process.kill(pid, how === 'fast' ? 'SIGINT' : 'SIGKILL');
    // The process that started it lingers a while after it (a pool's idle timer); PostgreSQL itself is what counts.
    await waitFor(async () => this.postmasterPid() === null && (await isPortFree(this.ports.pg)), 30_000, 'PostgreSQL to end', 50);
    this.pgProcess?.kill('SIGKILL');
    this.pgProcess = null;
  }

  /** Migrates, and writes the demo's units, users and catalog with the given campaigns. */
  async prepareDatabase(campaignIds: readonly string[]): Promise<void> {
    const db = this.db();
    await migrateToLatest(db);
    for (const id of campaignIds) await seedDemoCampaign(db, id);
  }

  /** A new pool of the test's own (closed by stop()); take a new one after PostgreSQL restarted. */
  db(): Db {
    const db = createDatabase(this.databaseUrl, { max: 4 });
    this.pools.push(db);
    return db;
  }

  // -------------------------------------------------------------------------------------------------------
  // Temporal.

  /**
   * Starts the dev server on its port and SQLite file; a restart finds its workflows, timers and namespace there.
   * Under `npm run test:cluster` (TEST_TEMPORAL=cluster): the four-service cluster on this stack's PostgreSQL instead,
   * its frontend on the same port, and a restart finds everything in Temporal's databases.
   */
  async startTemporal(cli: string): Promise<void> {
    if (usingCluster()) {
      // Temporal keeps its state in this stack's PostgreSQL: callers may start both at once, so wait for it.
      await waitFor(async () => this.postmasterPid() !== null && this.pgProcess !== null, READY_TIMEOUT_MS, 'PostgreSQL before the Temporal cluster', 100);
      this.clusterPorts ??= await testClusterPorts(this.ports.temporal);
      this.temporal = await TemporalCluster.start({
        binaries: requireClusterBinaries(),
        postgres: { host: '127.0.0.1', port: this.ports.pg, adminUser: 'postgres', adminPassword: embeddedPostgresPassword(this.pgDataDir) },
        temporalPassword: embeddedPostgresPassword(path.join(this.dir, 'temporal')),
        ports: this.clusterPorts,
        namespace: NAMESPACE,
        dir: path.join(this.dir, 'temporal-cluster'),
      });
      return;
    }
    this.temporal = await TemporalDevServer.start({
      cli,
      port: this.ports.temporal,
      uiPort: null,
      httpPort: this.ports.temporalHttp,
      metricsPort: this.ports.temporalMetrics,
      dbFile: path.join(this.dir, 'temporal.sqlite'),
      namespace: NAMESPACE,
      logFile: path.join(this.dir, 'temporal.log'),
    });
  }

  /** The cluster under `npm run test:cluster`, for the faults only a cluster has (one service killed or restarted). */
  get cluster(): TemporalCluster {
    if (!(this.temporal instanceof TemporalCluster)) throw new Error('not running on a Temporal cluster (npm run test:cluster)');
    return this.temporal;
  }

  async stopTemporal(): Promise<void> {
    await this.temporal!.stop();
    this.temporal = null;
    await waitFor(() => isPortFree(this.ports.temporal), 30_000, 'Temporal port free');
  }

  /** A Temporal client of the test's own (closed by stop()). */
  async client(): Promise<Client> {
    const client = await connectClient({ address: this.temporalAddress, namespace: NAMESPACE, taskQueue: this.taskQueue, tls: null, apiKey: null });
    this.clients.push(client);
    return client;
  }

  // -------------------------------------------------------------------------------------------------------
  // Workers and APIs.

  private spawnNode(name: string, script: string, env: NodeJS.ProcessEnv, url: string): NodeProcess {
    const logFile = path.join(this.dir, `${name}.log`);
    const log = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src', script)], {
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        TEMPORAL_ADDRESS: this.temporalAddress,
        TEMPORAL_NAMESPACE: NAMESPACE,
        TEMPORAL_TASK_QUEUE: this.taskQueue,
        HOST: '127.0.0.1',
        // api.main.js seeds nothing; the load names people with the demo header, which needs the demo on.
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        FILE_STORE_DIR: path.join(this.dir, 'files'),
        ...env,
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const handle: NodeProcess = { name, child, url, logFile, exited: Promise.resolve(), killed: false };
    handle.exited = new Promise<void>((resolve) =>
      child.once('exit', (code, signal) => {
        this.processes.delete(handle);
        if (!handle.killed && !this.stopRequested) this.crashes.push(`${name} exited by itself (${code ?? signal}):\n${tail(logFile, 30)}`);
        resolve();
      }),
    );
    this.processes.add(handle);
    return handle;
  }

  private async whenHealthy(handle: NodeProcess, healthUrl: string): Promise<NodeProcess> {
    let gone = false;
    void handle.exited.then(() => (gone = true));
    await waitFor(
      async () => {
        if (gone) throw new Error(`${handle.name} exited while starting:\n${tail(handle.logFile)}`);
        return (await fetch(healthUrl, { signal: AbortSignal.timeout(5_000) }).catch(() => null))?.status === 200;
      },
      READY_TIMEOUT_MS,
      `${handle.name} healthy`,
      200,
    );
    return handle;
  }

  /** A worker process; `env` adds variables (a notification channel, its retries). */
  async startWorker(env: NodeJS.ProcessEnv = {}): Promise<NodeProcess> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/health`;
    return this.whenHealthy(this.spawnNode(`worker-${++this.counter}`, 'worker.main.js', { ...env, WORKER_HEALTH_PORT: String(port) }, url), url);
  }

  async startApi(): Promise<NodeProcess> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    return this.whenHealthy(this.spawnNode(`api-${++this.counter}`, 'api.main.js', { PORT: String(port) }, url), `${url}/health`);
  }

  /** kill -9, and wait until the process is gone. */
  async kill(handle: NodeProcess): Promise<void> {
    handle.killed = true;
    handle.child.kill('SIGKILL');
    await handle.exited;
  }

  // -------------------------------------------------------------------------------------------------------
  // Diagnosis and clean-up.

  /** True once stop() began: a test still running (it timed out) must give up rather than retry against nothing. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  /** The last lines of every log in the folder, for a failure's message. */
  private logs(lines = 25): string {
    if (!fs.existsSync(this.dir)) return '';
    const clusterLogs = path.join('temporal-cluster', 'logs');
    const files = [...fs.readdirSync(this.dir), ...(fs.existsSync(path.join(this.dir, clusterLogs)) ? fs.readdirSync(path.join(this.dir, clusterLogs)).map((f) => path.join(clusterLogs, f)) : [])];
    return files
      .filter((f) => f.endsWith('.log'))
      .map((f) => `--- ${f}\n${tail(path.join(this.dir, f), lines)}`)
      .join('\n');
  }

  /** Runs the test's body; a failure carries the processes' last log lines. */
  async explain<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (err) {
      if (err instanceof Error) err.message += `\n\nLast lines of the processes' logs (${this.dir}):\n${this.logs()}`;
      throw err;
    }
  }

  /** Stops everything that is still running and removes the folder. Safe to call in any state, and twice. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    for (const handle of [...this.processes]) {
      handle.child.kill('SIGKILL');
      await withTimeout(handle.exited, 10_000, `${handle.name} to exit`).catch(() => undefined);
    }
    await Promise.allSettled(this.clients.map((c) => c.connection.close()));
    await Promise.allSettled(this.pools.map((p) => p.destroy()));
    this.clients = [];
    this.pools = [];
    await Promise.allSettled([
      this.temporal?.stop(),
      this.postmasterPid() === null ? undefined : this.stopPostgres('fast').catch(() => this.killPostmaster()),
    ]);
    this.temporal = null;
    this.pgProcess?.kill('SIGKILL');
    process.removeListener('exit', this.killOnExit);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private killPostmaster(): void {
    const pid = this.postmasterPid();
    if (pid !== null) process.kill(pid, 'SIGKILL');
  }

  /** If the test process ends without stop() (a crash), no server or child may outlive it. */
  private killEverythingNow(): void {
    for (const handle of this.processes) handle.child.kill('SIGKILL');
    this.pgProcess?.kill('SIGKILL');
    this.killPostmaster();
  }
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
