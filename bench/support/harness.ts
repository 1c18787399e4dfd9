// What every benchmark shares: its own embedded PostgreSQL and Temporal dev server on free ports in a temporary
// folder (so a running `npm start` is never touched), the machine's details, percentiles, CPU accounting from
// /proc, Ctrl-C handling, and appending a dated section to the benchmark's bench/results/<name>.md.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { loadConfig, type AppConfig } from '../../src/platform/config/config';
import { createDatabase, migrateToLatest, type Db } from '../../src/platform/database/database';
import { embeddedPostgresPassword, EmbeddedPostgresServer } from '../../src/platform/runtime/embedded-postgres';
import { freePort, isPortFree } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { Shutdown } from '../../src/platform/runtime/shutdown';
import { resolveTemporalCli } from '../../src/platform/runtime/temporal-binaries';
import { TemporalDevServer } from '../../src/platform/runtime/temporal-dev-server';
import { requireClusterBinaries, TEMPORAL_SERVER_VERSION } from '../../src/platform/runtime/cluster/cluster-binaries';
import { clusterPids, freeClusterPorts, TemporalCluster } from '../../src/platform/runtime/cluster/temporal-cluster';
import { connectClient } from '../../src/platform/temporal/temporal-connection';
import { insertDemoReferenceData } from '../../src/demo/demo-data';
import type { DemoCatalogRow } from '../../src/demo/demo-catalog';
import { DEMO_CAMPAIGN } from '../../src/demo/demo-organisation';
import { startApi } from '../../src/platform/runtime/api-server';
import { startWorker } from '../../src/platform/runtime/worker-runner';

export const NAMESPACE = 'chuangwen-bench';

// ---------------------------------------------------------------------------------------------------------
// Small helpers.

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const ascending = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** The median of an odd or even number of values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = ascending(values);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** The cells `p50 | p95 | p99` (or the percentiles given) of an ascending list, for a Markdown table row. */
export const percentileCells = (sorted: readonly number[], ps: readonly number[] = [50, 95, 99]): string => ps.map((p) => fmt(percentile(sorted, p))).join(' | ');

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Runs `work` for every item with at most `concurrency` at once; the first failure stops new work. */
export async function lanes<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  async function lane() {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        await work(items[index], index);
      } catch (err) {
        failure ??= err;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failure !== null) throw failure;
}

export function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

/** Positive integer arguments by position, with defaults; a wrong one stops the benchmark with its usage. */
export function intArgs(usage: string, defaults: readonly number[]): number[] {
  const given = process.argv.slice(2);
  return defaults.map((fallback, i) => {
    const value = given[i] === undefined ? fallback : Number(given[i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`usage: ${usage}; got ${JSON.stringify(given)}`);
    return value;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Where the CPU went during a phase (Linux /proc only; null elsewhere): this Node process, the Temporal server,
// our PostgreSQL (postmaster and its children), any child processes we name, and the rest of the host.

export interface CpuSnapshot {
  hostBusy: number;
  node: number;
  temporal: number;
  postgres: number;
  children: number;
}

export interface CpuUsage {
  seconds: number;
  node: number;
  temporal: number;
  postgres: number;
  children: number;
  other: number;
  hostBusyPercent: number;
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * [ppid, utime + stime in seconds, resident set in bytes, cutime + cstime in seconds: the CPU of its children that
 * have ended] of a process, or null if it is gone.
 */
export function procStat(pid: number): [number, number, number, number] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    const seconds = (a: string, b: string) => (Number(a) + Number(b)) / ticksPerSecond();
    return [Number(fields[1]), seconds(fields[11], fields[12]), Number(fields[21]) * 4096, seconds(fields[13], fields[14])];
  } catch {
    return null;
  }
}

/** Resident memory of a process in bytes (VmRSS), or null if it is gone. */
export function rssOf(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function cpuSnapshot(temporalPids: readonly number[], pgDataDir: string, childPids: readonly number[] = []): CpuSnapshot | null {
  if (!fs.existsSync('/proc/stat')) return null;
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((sum, v) => sum + v, 0);
  const hostBusy = (total - idle) / ticksPerSecond();
  let postmaster: number | null = null;
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  const endedChildren = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = procStat(pid);
    if (!stat) continue;
    parents.set(pid, stat[0]);
    times.set(pid, stat[1]);
    endedChildren.set(pid, stat[3]);
    if (postmaster === null) {
      try {
        if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(pgDataDir)) postmaster = pid;
      } catch {
        // gone
      }
    }
  }
  // A backend that ends (a pool closing an idle connection) takes its CPU time with it, into the postmaster's
  // account of ended children: counted there, the sum never goes down between two snapshots.
  let postgres = postmaster === null ? 0 : endedChildren.get(postmaster) ?? 0;
  for (const [pid, ppid] of parents) if (pid === postmaster || (postmaster !== null && ppid === postmaster)) postgres += times.get(pid) ?? 0;
  const usage = process.cpuUsage();
  return {
    hostBusy,
    node: (usage.user + usage.system) / 1e6,
    temporal: temporalPids.reduce((sum, pid) => sum + (times.get(pid) ?? 0), 0),
    postgres,
    children: childPids.reduce((sum, pid) => sum + (times.get(pid) ?? 0), 0),
  };
}

export function cpuBetween(before: CpuSnapshot | null, after: CpuSnapshot | null, seconds: number): CpuUsage | null {
  if (!before || !after) return null;
  const node = after.node - before.node;
  const temporal = after.temporal - before.temporal;
  const postgres = after.postgres - before.postgres;
  const children = after.children - before.children;
  const host = after.hostBusy - before.hostBusy;
  return {
    seconds,
    node,
    temporal,
    postgres,
    children,
    other: Math.max(0, host - node - temporal - postgres - children),
    hostBusyPercent: (100 * host) / (seconds * os.cpus().length),
  };
}

/**
 * Starts counting CPU now (this process, the Temporal server, PostgreSQL, the given child processes and the host);
 * the function returned gives the usage since then, over the phase's `seconds` of wall time.
 */
export function cpuSince(infra: Pick<Infra, 'temporal' | 'pgDataDir'>, childPids: readonly number[] = []): (seconds: number) => CpuUsage | null {
  const before = cpuSnapshot(infra.temporal.pids(), infra.pgDataDir, childPids);
  return (seconds) => cpuBetween(before, cpuSnapshot(infra.temporal.pids(), infra.pgDataDir, childPids), seconds);
}

/**
 * Other processes took more than 5% of the host's CPU over all these timed phases together: for many short phases
 * (a few queries each), where a hundredth of a CPU-second of a stray process would flag one on its own.
 */
export function disturbedOverall(cpus: readonly (CpuUsage | null)[]): boolean {
  const known = cpus.filter((c): c is CpuUsage => c !== null);
  const seconds = known.reduce((sum, c) => sum + c.seconds, 0);
  const other = known.reduce((sum, c) => sum + c.other, 0);
  return seconds > 0 && other > 0.05 * seconds * os.cpus().length;
}

/** Other processes took more than 5% of the host's CPU during the phase. */
export function disturbed(cpu: CpuUsage | null): boolean {
  return cpu !== null && cpu.other > 0.05 * cpu.seconds * os.cpus().length;
}

export function describeCpu(label: string, cpu: CpuUsage | null, nodeLabel = 'bench process (API + worker + clients)', childrenLabel = 'child processes'): string {
  if (!cpu) return `- CPU during ${label}: not available (no /proc)`;
  return (
    `- CPU during ${label} (CPU seconds in ${fmt(cpu.seconds, 2)} s wall): ${nodeLabel} ${fmt(cpu.node, 2)}, ` +
    (cpu.children > 0 ? `${childrenLabel} ${fmt(cpu.children, 2)}, ` : '') +
    `Temporal server ${fmt(cpu.temporal, 2)}, PostgreSQL ${fmt(cpu.postgres, 2)}, everything else on the host ${fmt(cpu.other, 2)}; ` +
    `host busy ${fmt(cpu.hostBusyPercent, 0)}% of ${os.cpus().length} cores` +
    (disturbed(cpu) ? ` — **WARNING: other processes used ${fmt((100 * cpu.other) / (cpu.seconds * os.cpus().length), 0)}% of the host's CPU; this phase's figures are disturbed**` : '')
  );
}

// ---------------------------------------------------------------------------------------------------------
// Infrastructure.

export interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  temporalCli: string;
  postgres: string;
  loadAtStart: string;
}

export function machineLines(m: Machine): string[] {
  return [
    `- OS: ${m.os}`,
    `- CPU: ${m.cpu}, ${m.cores} logical cores`,
    `- Memory: ${m.memory}`,
    `- Node.js: ${m.node}`,
    `- Temporal: ${m.temporalCli}`,
    `- PostgreSQL: ${m.postgres}`,
    `- Load average at start (1/5/15 min): ${m.loadAtStart}`,
  ];
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

/** The Temporal under a benchmark: the dev server, or with BENCH_TEMPORAL=cluster the four-service cluster on PostgreSQL. */
export interface BenchTemporal {
  address: string;
  /** Its processes now (one for the dev server, four for the cluster): for CPU and memory accounting. */
  pids(): number[];
  stop(): Promise<void>;
}

export const benchOnCluster = () => process.env.BENCH_TEMPORAL === 'cluster';

/** The Temporal under the benchmark, as the results say it. */
export const temporalUnderBench = () => (benchOnCluster() ? 'Temporal: the cluster, four services on PostgreSQL' : 'Temporal: the dev server in memory');

export interface Infra {
  dir: string;
  pgDataDir: string;
  pg: EmbeddedPostgresServer;
  temporal: BenchTemporal;
  client: Client;
  machine: Machine;
  shutdown: Shutdown;
}

export interface InfraOptions {
  /** Keep Temporal's state in a SQLite file in the folder (so it survives a restart of the server). */
  persistentTemporal?: boolean;
  log: (line: string) => void;
}

/** A fresh database on the benchmark's PostgreSQL, migrated to the latest schema. */
export async function createRunDatabase(adminUrl: string, name: string): Promise<{ url: string; db: Db }> {
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/[^/]+$/, `/${name}`);
  const db = createDatabase(url);
  await migrateToLatest(db);
  return { url, db };
}

/** The demo's units, people and catalog (or the catalog given), with the demo's campaign under the given id. */
export async function seedDemoCampaign(db: Db, campaignId: string, catalog?: DemoCatalogRow[]): Promise<void> {
  await insertDemoReferenceData(db, catalog, { ...DEMO_CAMPAIGN, id: campaignId });
}

/** The configuration an API or worker of the benchmark runs with (no demo data, quiet logs). */
export function runConfig(address: string, taskQueue: string, apiPort: number, overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: taskQueue,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    // Seeds nothing outside `npm start`; the benchmarks name people with the demo header, which needs the demo on.
    DEMO_DATA: 'true',
    LOG_LEVEL: 'error',
    ...overrides,
  });
}

/** The prebuilt workflow bundle the workers load: a benchmark runs from dist/ after `npm run build`. */
export function useWorkflowBundle(): string {
  const bundle = path.join(projectRoot(), 'dist/workflow-bundle.js');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  process.env.WORKFLOW_BUNDLE = bundle;
  return bundle;
}

/** Starts embedded PostgreSQL and a Temporal dev server (in memory unless persistent) in a temporary folder. */
export async function startInfra(shutdown: Shutdown, options: InfraOptions): Promise<Infra> {
  const onCluster = benchOnCluster();
  const cli = onCluster ? null : resolveTemporalCli(options.log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-bench-'));
  shutdown.add('临时目录 / temporary folder', async () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.chmodSync(dir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  const [pgPort, temporalPort, httpPort, metricsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const pgDataDir = path.join(dir, 'postgres');
  const what = onCluster ? 'the Temporal cluster (four services on that PostgreSQL)' : `the Temporal dev server ${options.persistentTemporal ? 'with SQLite' : 'in memory'}`;
  options.log(`starting embedded PostgreSQL (port ${pgPort}) and ${what} (port ${temporalPort}) in ${dir}`);
  const startPg = async () => {
    const pg = await EmbeddedPostgresServer.start({ dataDir: pgDataDir, port: pgPort, database: 'bench' });
    // embedded-postgres waits for an 'exit' that never comes when PostgreSQL has already gone (a terminal
    // Ctrl-C signals it directly): stop it only while it still listens, and give up waiting after a while.
    shutdown.add('内置 PostgreSQL / embedded PostgreSQL', async () => {
      if (await isPortFree(pgPort)) return;
      await withTimeout(pg.stop(), 20_000, 'stopping PostgreSQL');
    });
    return pg;
  };
  let pg: EmbeddedPostgresServer;
  let temporal: BenchTemporal;
  let temporalVersion: string;
  if (onCluster) {
    pg = await startPg();
    const cluster = await TemporalCluster.start({
      binaries: requireClusterBinaries(),
      postgres: { host: '127.0.0.1', port: pgPort, adminUser: 'postgres', adminPassword: embeddedPostgresPassword(pgDataDir) },
      temporalPassword: embeddedPostgresPassword(path.join(dir, 'temporal')),
      ports: await freeClusterPorts(temporalPort),
      namespace: NAMESPACE,
      dir: path.join(dir, 'temporal-cluster'),
    });
    shutdown.add('Temporal 集群 / Temporal cluster', () => cluster.stop());
    temporal = { address: cluster.address, pids: () => clusterPids(cluster), stop: () => cluster.stop() };
    temporalVersion = `Temporal server ${TEMPORAL_SERVER_VERSION}, four services (frontend, history, matching, worker) on PostgreSQL`;
  } else {
    const [pgStarted, temporalStarted] = await Promise.allSettled([
      startPg(),
      TemporalDevServer.start({
        cli: cli!,
        port: temporalPort,
        uiPort: null,
        httpPort,
        metricsPort,
        dbFile: options.persistentTemporal ? path.join(dir, 'temporal.sqlite') : null,
        namespace: NAMESPACE,
        logFile: path.join(dir, 'temporal.log'),
      }),
    ]);
    if (temporalStarted.status === 'fulfilled') shutdown.add('Temporal 开发服务器 / Temporal dev server', () => temporalStarted.value.stop());
    if (pgStarted.status === 'rejected') throw pgStarted.reason;
    if (temporalStarted.status === 'rejected') throw temporalStarted.reason;
    pg = pgStarted.value;
    const dev = temporalStarted.value;
    temporal = { address: dev.address, pids: () => (dev.pid ? [dev.pid] : []), stop: () => dev.stop() };
    temporalVersion = `dev server, ${execFileSync(cli!, ['--version'], { encoding: 'utf8' }).trim()}`;
  }

  const client = await connectClient({ address: temporal.address, namespace: NAMESPACE, taskQueue: 'unused', tls: null, apiKey: null });
  shutdown.add('Temporal 客户端 / Temporal client', () => client.connection.close());

  const admin = new PgClient({ connectionString: pg.url });
  await admin.connect();
  const pgVersion = (await admin.query<{ version: string }>('select version()')).rows[0].version;
  await admin.end();
  const cpus = os.cpus();
  const machine: Machine = {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    temporalCli: temporalVersion,
    postgres: pgVersion,
    loadAtStart: loadAverage(),
  };
  console.log(['', 'Machine:', ...machineLines(machine), ''].join('\n'));
  return { dir, pgDataDir, pg, temporal, client, machine, shutdown };
}

export interface InProcess {
  campaignId: string;
  taskQueue: string;
  db: Db;
  /** The API's base URL. */
  api: string;
  /** Throws what made the worker fail, if it did: a benchmark must not wait on a dead worker. */
  checkWorker(): void;
}

/**
 * A fresh database, a worker and the API in this process, on a task queue and campaign id of their own (named after
 * `name`), all stopped by `shutdown`: the setup of the benchmarks that drive the API as its clients do.
 */
export async function startInProcess(infra: Infra, shutdown: Shutdown, name: string, log: (line: string) => void): Promise<InProcess> {
  const suffix = randomBytes(4).toString('hex');
  const campaignId = `bench-${name}-${suffix}`;
  const taskQueue = `bench-${name}-${suffix}`;
  const { url, db } = await createRunDatabase(infra.pg.url, `bench_${name}_${suffix}`);
  shutdown.add('数据库连接 / database pool', once(() => db.destroy()));
  const config = runConfig(infra.temporal.address, taskQueue, await freePort());
  const worker = await startWorker({ ...config.temporal, address: infra.temporal.address }, db);
  let workerFailure: unknown = null;
  worker.done.catch((err) => {
    workerFailure = err;
    log(`worker failed: ${String(err)}`);
  });
  shutdown.add('Worker', once(() => worker.stop()));
  const app = await startApi({ config, databaseUrl: url, db, temporal: infra.client, temporalUiUrl: null, workerStatus: worker.status }, { port: config.api.port });
  shutdown.add('API', once(() => app.close()));
  return {
    campaignId,
    taskQueue,
    db,
    api: `http://127.0.0.1:${config.api.port}`,
    checkWorker: () => {
      if (workerFailure) throw workerFailure;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Results.

/** Each benchmark's dated sections go to a file of its own; bench/RESULTS.md keeps only the hand-written summary. */
export const RESULTS_DIR = path.join(projectRoot(), 'bench/results');

/** `bench/results/lifecycle.md` for a command that runs `dist/bench/lifecycle.bench.js`. */
export function resultsFileOf(command: string): string {
  const script = /dist\/bench\/([a-z0-9-]+?)(?:\.bench)?\.js/.exec(command)?.[1] ?? 'other';
  return path.join(RESULTS_DIR, `${script}.md`);
}

/** Appends `section` to `file`, made with a title and a link back to the summary when it is new. */
export function appendToResults(file: string, title: string, section: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `# ${title}\n\nDated sections, appended by the benchmark (newest last); the summary is in [../RESULTS.md](../RESULTS.md).\n`);
  }
  const existing = fs.readFileSync(file, 'utf8');
  fs.appendFileSync(file, (existing.endsWith('\n') ? '\n' : '\n\n') + section);
  console.log(`[bench] appended to ${path.relative(projectRoot(), file)}`);
}

/** How to run this benchmark again, as recorded with its figures. */
export function commandLine(script: string, args: readonly (string | number)[], nodeFlags = ''): string {
  // The Temporal under test is part of the command: the same benchmark on the cluster is another run.
  return `cd ${projectRoot()} && ${benchOnCluster() ? 'BENCH_TEMPORAL=cluster ' : ''}node ${nodeFlags ? `${nodeFlags} ` : ''}dist/bench/${script} ${args.join(' ')}`.trim();
}

/** Appends a dated section: title, command, machine, load, then the body (not with BENCH_NO_RECORD=1, for trying a benchmark out). */
/** False for a try (BENCH_NO_RECORD=1): nothing goes to bench/results/ or bench/summary.json. */
export const recordingResults = () => process.env.BENCH_NO_RECORD !== '1';

export function appendSection(title: string, command: string, machine: Machine, body: string): void {
  if (!recordingResults()) {
    console.log('[bench] BENCH_NO_RECORD=1: not written to bench/results/');
    return;
  }
  const section = [
    `## ${new Date().toISOString()} — ${title}`,
    '',
    `Command: \`${command}\``,
    '',
    'Machine:',
    '',
    ...machineLines(machine),
    `- Load average at end (1/5/15 min): ${loadAverage()}`,
    '',
    body,
    '',
  ].join('\n');
  const file = resultsFileOf(command);
  appendToResults(file, path.basename(file, '.md'), section);
}

// ---------------------------------------------------------------------------------------------------------
// Running one benchmark: Ctrl-C stops everything and exits 130 without writing results; a failure exits 1.

export function runBenchmark(name: string, main: (shutdown: Shutdown, interrupted: () => boolean) => Promise<void>): void {
  const log = (line: string) => console.log(`[${name}] ${line}`);
  const shutdown = new Shutdown(log);
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      log(`second ${signal}: forced exit`);
      process.exit(130);
    }
    interrupted = true;
    log(`${signal}: stopping everything…`);
    void shutdown.run().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A Ctrl-C in a terminal reaches PostgreSQL and the Temporal server too (same process group): pooled
  // connections then fail with no one listening. While stopping, that is expected; otherwise it is fatal.
  process.on('uncaughtException', (err) => {
    if (interrupted) {
      log(`while stopping: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    console.error(`[${name}] FAILED (uncaught): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    interrupted = true;
    void shutdown.run().then(() => process.exit(1));
  });
  main(shutdown, () => interrupted)
    .finally(async () => {
      if (!interrupted) await shutdown.run();
    })
    .then(
      () => {
        if (!interrupted) process.exit(0);
      },
      (err) => {
        if (interrupted) return; // the signal handler is stopping everything and exits with 130
        console.error(`[${name}] FAILED: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        process.exit(1);
      },
    );
}

/**
 * With BENCH_PROFILE=<folder>: starts V8's CPU profiler in this process; the function returned stops it and writes
 * <folder>/<name>.cpuprofile (Chrome DevTools reads it; so does bench/profile-summary.ts). A profiled run is slower,
 * so it must not be recorded (BENCH_NO_RECORD=1).
 */
export async function startProfile(log: (line: string) => void = console.log): Promise<((name: string) => Promise<void>) | null> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return null;
  if (recordingResults()) throw new Error('BENCH_PROFILE slows the run: use it with BENCH_NO_RECORD=1');
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return async (name) => {
    const { profile } = await post<{ profile: object }>('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    log(`  CPU profile: ${file}`);
  };
}
