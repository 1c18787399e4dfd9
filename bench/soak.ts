// Soak run: indicator tasks driven through their lifecycle over GraphQL at a steady rate for many minutes, to
// see whether memory and latency stay flat. Open loop: an action is due every 1/RATE s whatever the answers
// before it did, taken by whichever open task is ready; a task that finishes its 9 actions is replaced by a
// new one, so the number of open workflows stays the same. The API and the worker run as child processes
// (`node dist/src/api.main.js`, `node dist/src/worker.main.js`, as in production) so that each one's memory is
// its own; a supervisor's board stays subscribed over graphql-ws the whole time. Every minute it records the
// actions done, their latency, the resident memory of the API, the worker, Temporal and PostgreSQL, and the
// events written; at the end, the least-squares slope of memory and latency, a verdict, and a check that
// every finished task holds exactly its 10 events.
//
//   npm run build && node dist/bench/soak.js [MINUTES=30] [RATE actions per second=10]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { accessTokenOf } from './support/graphql';
import WebSocket from 'ws';
import { sql } from 'kysely';
import type { Db } from '../src/platform/database/database';
import { readDemoCatalog } from '../src/demo/demo-catalog';
import { DEMO_CAMPAIGN, DEMO_UNITS, demoAssignment, demoDueAt } from '../src/demo/demo-organisation';
import { startIndicatorTasks } from '../src/indicator-task/indicator-task.starter';
import { freePort } from '../src/platform/runtime/ports';
import { projectRoot } from '../src/platform/runtime/project-paths';
import { indicatorTaskWorkflowId } from '../workflows/indicator-task/indicator-task.messages';
import { NAMESPACE, appendSection, ascending, commandLine, cpuSince, createRunDatabase, describeCpu, fmt, intArgs, lanes, once, percentile, percentileCells, rssOf, runBenchmark, seedDemoCampaign, startInfra, useWorkflowBundle, waitFor, withTimeout, type Infra, temporalUnderBench } from './support/harness';
import { CREATED_BY, EVENTS_PER_TASK, EXPECTED_EVENT_TYPES, ONE_MATERIAL, STEPS, graphqlAction, type BenchTask } from './support/lifecycle';

const log = (line: string) => console.log(`[soak] ${line}`);
const MB = 1024 * 1024;
/** Open workflows kept going: enough that a ready task is there when an action is due (RATE × 3 s of slack). */
const openTarget = (rate: number) => Math.max(8, rate * 3);
/**
 * Flat means: over the run (from minute 2 on; the first is warm-up), the fitted line rises by less than
 * max(32 MB, 10% of the mean) for each process's memory, and by less than max(20 ms, 25% of the mean) for p95.
 */
const MEMORY_DRIFT = { bytes: 32 * MB, share: 0.1 };
const LATENCY_DRIFT = { ms: 20, share: 0.25 };

// ---------------------------------------------------------------------------------------------------------
// The API and the worker as child processes.

interface Child {
  name: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv, shutdown: Infra['shutdown']): Child {
  const child = spawn(process.execPath, [path.join(projectRoot(), script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(chunk.toString('utf8').replace(/^/gm, `[${name}] `));
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping) log(`${name} exited unexpectedly (code ${code}, signal ${signal}); its last lines:\n  ${tail.join('\n  ')}`);
  });
  const stop = once(async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  });
  shutdown.add(`${name} (pid ${child.pid})`, stop);
  return { name, process: child, stop };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL's memory over the postmaster and its backends, from their proportional set sizes (shared pages split
 * between the processes sharing them): `own` is what is not shared memory (the backends' work memory, caches and
 * the like, where a leak would show), `shared` the part of the shared memory segment they have touched: mostly
 * shared_buffers, a fixed-size cache that fills as tables are read and is bounded by its setting.
 */
function postgresMemory(pgDataDir: string): { own: number; shared: number } {
  let postmaster: number | null = null;
  const children = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      children.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (postmaster === null && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(pgDataDir)) postmaster = pid;
    } catch {
      // gone
    }
  }
  if (postmaster === null) return { own: NaN, shared: NaN };
  let own = 0;
  let shared = 0;
  for (const [pid, ppid] of children) {
    if (pid !== postmaster && ppid !== postmaster) continue;
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kB = (field: string) => {
        const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup);
        return match ? Number(match[1]) * 1024 : null;
      };
      const pss = kB('Pss') ?? rssOf(pid) ?? 0;
      const shmem = kB('Pss_Shmem') ?? 0;
      own += pss - shmem;
      shared += shmem;
    } catch {
      // gone
    }
  }
  return { own, shared };
}

// ---------------------------------------------------------------------------------------------------------
// Tasks: distinct (indicator, unit) pairs, a new campaign each time the demo pairs run out.

const CATALOG = readDemoCatalog().filter((row) => ONE_MATERIAL.has(row.code));
const PAIRS = CATALOG.length * DEMO_UNITS.length;

interface SoakTask extends BenchTask {
  campaignId: string;
  leadUnitCode: string;
  /** Actions done so far. */
  done: number;
}

class TaskSource {
  private next = 0;
  private readonly campaigns = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly client: Infra['client'],
    private readonly taskQueue: string,
    private readonly prefix: string,
  ) {}

  /** Starts n new workflows and resolves once their cards are on the board (the API reads the card first). */
  async start(n: number): Promise<SoakTask[]> {
    const tasks: SoakTask[] = [];
    for (let k = 0; k < n; k++) {
      // Taken before any await: starts for replacements run concurrently.
      const index = this.next++;
      const campaignId = `${this.prefix}-${Math.floor(index / PAIRS)}`;
      const i = index % PAIRS;
      const row = CATALOG[i % CATALOG.length];
      const unit = DEMO_UNITS[Math.floor(i / CATALOG.length)];
      tasks.push({
        campaignId,
        taskId: indicatorTaskWorkflowId(campaignId, row.code, unit.code),
        indicatorCode: row.code,
        unitCode: unit.code,
        unitLogin: `${unit.code.toLowerCase()}.member`,
        leadUnitCode: demoAssignment(row.code, row.area).lead,
        done: 0,
      });
    }
    for (const campaignId of new Set(tasks.map((t) => t.campaignId))) {
      if (this.campaigns.has(campaignId)) continue;
      this.campaigns.add(campaignId);
      await this.db
        .insertInto('campaigns')
        .values({ id: campaignId, name: `${DEMO_CAMPAIGN.name}（耐久测试）`, inspection_date: DEMO_CAMPAIGN.inspectionDate, time_zone: DEMO_CAMPAIGN.timeZone })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const started = await startIndicatorTasks(
      this.client,
      this.taskQueue,
      tasks.map((t) => ({ campaignId: t.campaignId, indicatorCode: t.indicatorCode, unitCode: t.unitCode, leadUnitCode: t.leadUnitCode, dueAt: demoDueAt(t.indicatorCode), createdBy: CREATED_BY })),
    );
    if (started !== n) throw new Error(`started ${started} workflows, expected ${n}`);
    await waitFor(
      async () => {
        const cards = await this.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', 'in', tasks.map((t) => t.taskId)).execute();
        return cards.length === n;
      },
      120_000,
      `${n} new cards`,
    );
    return tasks;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Per minute.

interface Minute {
  minute: number;
  actions: number;
  latencies: number[];
  missed: number;
  errors: number;
  boardMessages: number;
  api: number;
  worker: number;
  temporal: number;
  /** PostgreSQL's own memory (PSS without shared memory); `postgresShared` the shared memory touched. */
  postgres: number;
  postgresShared: number;
  events: number;
  open: number;
}

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

function minuteTable(minutes: readonly Minute[]): string {
  const lines = [
    '| minute | actions | actions/s | p50 ms | p95 ms | p99 ms | API RSS MB | worker RSS MB | Temporal RSS MB | PostgreSQL own MB | PostgreSQL shared touched MB | events | open workflows | missed | errors | board messages |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const m of minutes) {
    const l = ascending(m.latencies);
    lines.push(
      `| ${m.minute} | ${m.actions} | ${fmt(m.actions / 60, 2)} | ${percentileCells(l)} | ` +
        `${fmt(m.api / MB)} | ${fmt(m.worker / MB)} | ${fmt(m.temporal / MB)} | ${fmt(m.postgres / MB)} | ${fmt(m.postgresShared / MB)} | ${m.events} | ${m.open} | ${m.missed} | ${m.errors} | ${m.boardMessages} |`,
    );
  }
  return lines.join('\n');
}

interface Trend {
  what: string;
  unit: string;
  perMinute: number;
  drift: number;
  allowed: number;
  flat: boolean;
}

function trends(minutes: readonly Minute[]): Trend[] {
  // The first minute warms up the JIT, the pools and the caches; it is left out when there are three or more.
  const steady = minutes.length >= 3 ? minutes.slice(1) : minutes;
  const span = steady.length > 1 ? steady[steady.length - 1].minute - steady[0].minute : 0;
  const memory = (what: string, pick: (m: Minute) => number): Trend => {
    const points = steady.map((m): [number, number] => [m.minute, pick(m) / MB]);
    const mean = points.reduce((s, [, y]) => s + y, 0) / Math.max(1, points.length);
    const perMinute = slope(points);
    const allowed = Math.max(MEMORY_DRIFT.bytes / MB, MEMORY_DRIFT.share * mean);
    return { what, unit: 'MB', perMinute, drift: perMinute * span, allowed, flat: !(perMinute * span > allowed) };
  };
  const p95 = steady.map((m): [number, number] => [m.minute, percentile(ascending(m.latencies), 95)]).filter(([, y]) => Number.isFinite(y));
  const meanP95 = p95.reduce((s, [, y]) => s + y, 0) / Math.max(1, p95.length);
  const latencySlope = slope(p95);
  const latencyAllowed = Math.max(LATENCY_DRIFT.ms, LATENCY_DRIFT.share * meanP95);
  return [
    memory('API resident memory', (m) => m.api),
    memory('worker resident memory', (m) => m.worker),
    memory('Temporal server resident memory', (m) => m.temporal),
    memory('PostgreSQL own memory (PSS without shared memory)', (m) => m.postgres),
    { what: 'latency p95', unit: 'ms', perMinute: latencySlope, drift: latencySlope * span, allowed: latencyAllowed, flat: !(latencySlope * span > latencyAllowed) },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Checks at the end: finished tasks hold exactly their events; open ones a prefix of them.

async function verify(db: Db, client: Infra['client'], finished: readonly SoakTask[], open: readonly SoakTask[]): Promise<string[]> {
  const problems: string[] = [];
  const all = [...finished, ...open];
  const events = await db
    .selectFrom('events')
    .select(['stream_id', 'type', 'stream_version'])
    .where('stream_id', 'in', all.length > 0 ? all.map((t) => t.taskId) : [''])
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
  for (const task of finished) {
    const types = byStream.get(task.taskId) ?? [];
    if (types.join() !== EXPECTED_EVENT_TYPES.join()) problems.push(`${task.taskId}: events ${types.join(', ')}`);
  }
  for (const task of open) {
    const types = byStream.get(task.taskId) ?? [];
    if (types.join() !== EXPECTED_EVENT_TYPES.slice(0, task.done + 1).join()) problems.push(`${task.taskId} (open, ${task.done} actions): events ${types.join(', ')}`);
  }
  const cards = await db.selectFrom('indicator_task_cards').select(['task_id', 'stage', 'version']).where('task_id', 'in', finished.length > 0 ? finished.map((t) => t.taskId) : ['']).execute();
  for (const card of cards) if (card.stage !== 'ARCHIVED' || card.version !== EVENTS_PER_TASK) problems.push(`card ${card.task_id}: ${card.stage} v${card.version}`);
  if (cards.length !== finished.length) problems.push(`${cards.length} cards of finished tasks, expected ${finished.length}`);
  await lanes(finished, 16, async (task) => {
    const state = await withTimeout(client.workflow.getHandle(task.taskId).result(), 30_000, `result of ${task.taskId}`);
    if ((state as { stage?: string }).stage !== 'ARCHIVED') problems.push(`workflow ${task.taskId} ended in ${JSON.stringify(state)}`);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Main.

runBenchmark('soak', async (shutdown, interrupted) => {
  const [minutes, rate] = intArgs('node dist/bench/soak.js [MINUTES, default 30] [RATE actions per second, default 10]', [30, 10]);
  const bundle = useWorkflowBundle();
  const infra = await startInfra(shutdown, { log });
  const suffix = randomBytes(4).toString('hex');
  const taskQueue = `soak-${suffix}`;
  const { url: databaseUrl, db } = await createRunDatabase(infra.pg.url, `soak_${suffix}`);
  shutdown.add('数据库连接 / database pool', once(() => db.destroy()));
  const firstCampaign = `soak-${suffix}-0`;
  await seedDemoCampaign(db, firstCampaign);

  const [apiPort, workerHealthPort] = await Promise.all([freePort(), freePort()]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: infra.temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: taskQueue,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    WORKER_HEALTH_PORT: String(workerHealthPort),
    // Seeds nothing in api.main.js; the load names people with the demo header, which needs the demo on.
    DEMO_DATA: 'true',
    // The board's subscription signs in once and must outlive the soak (a socket closes when its token expires).
    ACCESS_TOKEN_MINUTES: '1440',
    LOG_LEVEL: 'error',
    FILE_STORE_DIR: path.join(infra.dir, 'files'),
    WORKFLOW_BUNDLE: bundle,
  };
  const worker = startChild('worker', 'dist/src/worker.main.js', env, shutdown);
  const api = startChild('api', 'dist/src/api.main.js', env, shutdown);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  await waitFor(async () => (await healthy(`${baseUrl}/health`)) && (await healthy(`http://127.0.0.1:${workerHealthPort}/health`)), 120_000, 'the API and the worker to be healthy');
  log(`API pid ${api.process.pid} on ${baseUrl}, worker pid ${worker.process.pid}, Temporal pid(s) ${infra.temporal.pids().join(", ")}; task queue ${taskQueue}`);

  // The supervisor's board, subscribed throughout.
  let boardMessages = 0;
  const ws: WsClient = createClient({ url: `${baseUrl.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await accessTokenOf(baseUrl, 'supervisor')}` }, retryAttempts: 0 });
  shutdown.add('graphql-ws', async () => ws.dispose());
  let boardError: unknown = null;
  ws.subscribe({ query: 'subscription { boardChanged { eventType task { id stage version } } }' }, { next: () => void boardMessages++, error: (err) => (boardError = err), complete: () => undefined });

  const source = new TaskSource(db, infra.client, taskQueue, `soak-${suffix}`);
  const target = openTarget(rate);
  const ready: SoakTask[] = await source.start(target);
  const open = new Set<SoakTask>(ready);
  const finished: SoakTask[] = [];
  const failed: { task: SoakTask; error: string }[] = [];
  log(`${minutes} min at ${rate} actions/s, ${target} open workflows kept going (${STEPS.length} actions each, a new task for every one archived)`);

  let current: Omit<Minute, 'api' | 'worker' | 'temporal' | 'postgres' | 'postgresShared' | 'events' | 'open'> = { minute: 1, actions: 0, latencies: [], missed: 0, errors: 0, boardMessages: 0 };
  const rows: Minute[] = [];
  const inFlight = new Set<Promise<void>>();
  let replacing = 0;

  const replace = (n: number) => {
    replacing += n;
    const starting = source.start(n).then(
      (tasks) => {
        for (const t of tasks) {
          open.add(t);
          ready.push(t);
        }
      },
      (err: unknown) => {
        current.errors += n;
        log(`starting ${n} tasks failed: ${String(err)}`);
      },
    );
    void starting.finally(() => (replacing -= n));
  };

  const act = (task: SoakTask) => {
    const step = STEPS[task.done];
    const t0 = performance.now();
    const p = graphqlAction(baseUrl, task, step).then((result) => {
      const ms = performance.now() - t0;
      if (result.stage !== step.stage || result.version !== task.done + 2) throw new Error(`expected ${step.stage} v${task.done + 2}, got ${JSON.stringify(result)}`);
      current.actions += 1;
      current.latencies.push(ms);
      task.done += 1;
      if (task.done === STEPS.length) {
        open.delete(task);
        finished.push(task);
        replace(1);
      } else ready.push(task);
    });
    const settled = p.catch((err: unknown) => {
      current.errors += 1;
      open.delete(task);
      failed.push({ task, error: err instanceof Error ? err.message : String(err) });
      replace(1);
    });
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };

  const sample = async (minute: number): Promise<Minute> => {
    const { count } = await db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    const row: Minute = {
      ...current,
      minute,
      api: rssOf(api.process.pid ?? 0) ?? NaN,
      worker: rssOf(worker.process.pid ?? 0) ?? NaN,
      temporal: infra.temporal.pids().length > 0 ? infra.temporal.pids().reduce((sum, pid) => sum + (rssOf(pid) ?? NaN), 0) : NaN,
      ...((pg) => ({ postgres: pg.own, postgresShared: pg.shared }))(postgresMemory(infra.pgDataDir)),
      events: Number(count),
      open: open.size,
      boardMessages,
    };
    boardMessages = 0;
    return row;
  };

  // Open loop: the k-th action is due at begin + k / rate, whatever happened to the ones before.
  const cpuOfRun = cpuSince(infra, [api.process.pid ?? 0, worker.process.pid ?? 0]);
  const begin = performance.now();
  const end = begin + minutes * 60_000;
  let nextMinuteAt = begin + 60_000;
  for (let k = 0; !interrupted(); k++) {
    const due = begin + (k * 1000) / rate;
    if (due >= end) break;
    while (performance.now() >= nextMinuteAt) {
      const row = await sample(current.minute);
      rows.push(row);
      log(`minute ${row.minute}: ${row.actions} actions, p95 ${fmt(percentile(ascending(row.latencies), 95))} ms, API ${fmt(row.api / MB)} MB, worker ${fmt(row.worker / MB)} MB, ${row.events} events, ${row.open} open`);
      current = { minute: row.minute + 1, actions: 0, latencies: [], missed: 0, errors: 0, boardMessages: 0 };
      nextMinuteAt += 60_000;
    }
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const task = ready.shift();
    if (task) act(task);
    else current.missed += 1;
    // Keep the open count steady when a start failed.
    if (open.size + replacing < target) replace(target - open.size - replacing);
  }
  if (interrupted()) return;
  log(`schedule done; waiting for ${inFlight.size} actions still in flight`);
  await withTimeout(Promise.all([...inFlight]), 120_000, 'the last actions');
  const wallSeconds = (performance.now() - begin) / 1000;
  const cpu = cpuOfRun(wallSeconds);
  if (current.actions > 0 || rows.length < minutes) rows.push(await sample(current.minute));
  while (replacing > 0) await new Promise((r) => setTimeout(r, 100));

  const problems = await verify(db, infra.client, finished, [...open]);
  for (const f of failed) problems.push(`${f.task.taskId} failed at action ${f.task.done + 1}: ${f.error}`);
  if (boardError) problems.push(`board subscription ended with an error: ${JSON.stringify(boardError)}`);

  const { rows: settings } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db);
  const sharedBuffers = settings[0]?.shared_buffers ?? '?';
  const found = trends(rows);
  const allFlat = found.every((t) => t.flat);
  const all = ascending(rows.flatMap((r) => r.latencies));
  const totalActions = rows.reduce((s, r) => s + r.actions, 0);
  const summary = [
    minuteTable(rows),
    '',
    `Whole run: ${totalActions} actions in ${fmt(wallSeconds, 1)} s (${fmt(totalActions / wallSeconds, 2)} actions/s, target ${rate}), p50 ${fmt(percentile(all, 50))} ms, p95 ${fmt(percentile(all, 95))} ms, p99 ${fmt(percentile(all, 99))} ms; ${finished.length} tasks finished, ${open.size} open at the end, ${rows.reduce((s, r) => s + r.missed, 0)} due actions found no ready task (missed), ${failed.length} failed.`,
    '',
    '| trend (least squares' + (rows.length >= 3 ? ', minutes 2 on' : '') + ') | slope per minute | rise over the run | allowed | flat |',
    '|---|---:|---:|---:|---|',
    ...found.map((t) => `| ${t.what} | ${fmt(t.perMinute, 2)} ${t.unit} | ${fmt(t.drift, 1)} ${t.unit} | ${fmt(t.allowed, 1)} ${t.unit} | ${t.flat ? 'yes' : '**no**'} |`),
    '',
    `Verdict: **${allFlat ? 'flat' : 'NOT flat'}** — flat means the fitted line rises over the run by less than max(${MEMORY_DRIFT.bytes / MB} MB, ${MEMORY_DRIFT.share * 100}% of the mean) for each process's memory and by less than max(${LATENCY_DRIFT.ms} ms, ${LATENCY_DRIFT.share * 100}% of the mean) for p95 latency.` +
      (minutes < 10 ? ` A run of ${minutes} minutes is too short to tell a slow leak from warm-up: take the verdict from a 30-minute run.` : ''),
    '',
    `- Open loop: one action due every ${fmt(1000 / rate, 0)} ms, taken by the first open task that is ready (its previous action answered); a due action with no ready task is counted as missed, not sent later. Latency is from sending the POST /graphql to its answer.`,
    `- ${target} open workflows kept going: every task archived is replaced at once by a new one (a new campaign each ${PAIRS} tasks, as the demo catalog has ${PAIRS} (indicator, unit) pairs with one archive material).`,
    `- The API and the worker are child processes (\`dist/src/api.main.js\`, \`dist/src/worker.main.js\`), ${temporalUnderBench()}, PostgreSQL embedded; a supervisor's board is subscribed to boardChanged over graphql-ws throughout ("board messages").`,
    `- Memory: VmRSS of the API, the worker and the Temporal server. PostgreSQL (the postmaster and its backends, from /proc/<pid>/smaps_rollup): "own" is the sum of their PSS without shared memory (Pss − Pss_Shmem: work memory, catalog and plan caches, where a leak would show), judged above; "shared touched" is the sum of Pss_Shmem, the pages of the shared memory segment they have touched, mostly shared_buffers (${sharedBuffers} here), a fixed-size cache that fills as tables are read and cannot outgrow its setting: shown, not judged (until 2026-12-06 the soak judged PSS with shared memory, whose fill looked like a rise).`,
    describeCpu('the run', cpu, 'bench process (clients)', 'API + worker'),
    `- Verification: ${problems.length === 0 ? `every finished task (${finished.length}) holds exactly its ${EVENTS_PER_TASK} events in order, its card ARCHIVED at version ${EVENTS_PER_TASK}, its workflow completed; every open task (${open.size}) holds the prefix of those events its actions made: OK` : `**FAILED** (${problems.length} problems)`}.`,
  ].join('\n');
  console.log(`\n${summary}\n`);
  if (problems.length > 0) throw new Error(`verification FAILED (${problems.length} problems):\n  ${problems.slice(0, 20).join('\n  ')}`);
  appendSection(`soak, ${minutes} min at ${rate} actions/s`, commandLine('soak.js', [minutes, rate]), infra.machine, summary);
});
