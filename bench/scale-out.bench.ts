// Scale-out benchmark: N indicator tasks driven through their 9-action lifecycle over GraphQL by C concurrent
// clients, (a) against 1 API process + 1 worker process, then (b) against 2 API processes + 2 worker processes,
// all separate Node processes (`node dist/src/api.main.js`, `node dist/src/worker.main.js`) on one task queue,
// against one Temporal dev server and one PostgreSQL. Clients are spread round-robin over the APIs. Reports
// actions/s, latency and the CPU each kind of process used, and verifies every task's events.
//
//   npm run bench -- scale-out [N=200] [C=16]      (or: npm run build && node dist/bench/scale-out.bench.js N C)
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startIndicatorTasks } from '../src/indicator-task/indicator-task.starter';
import type { Shutdown } from '../src/platform/runtime/shutdown';
import { appendSection, ascending, commandLine, cpuSince, createRunDatabase, disturbed, fmt, intArgs, once, percentileCells, runBenchmark, seedDemoCampaign, startInfra, useWorkflowBundle, waitFor, type CpuUsage, type Infra, temporalUnderBench } from './support/harness';
import { MAX_TASKS, STEPS, benchTasks, graphqlAction, verifyArchived, type BenchTask } from './support/lifecycle';
import { cpuSecondsOf, startService, type Service } from './support/processes';

const log = (line: string) => console.log(`[scale-out] ${line}`);
const CARDS_TIMEOUT_MS = 180_000;
/** Tasks driven through their lifecycle before the clock starts in each setup, on the same path. */
const WARM_UP = 24;

interface Setup {
  apis: number;
  workers: number;
}

interface SetupResult {
  setup: Setup;
  label: string;
  tasks: number;
  actions: number;
  wallSeconds: number;
  latencies: number[];
  /** CPU seconds during the timed phase, per process. */
  perProcess: { label: string; kind: Service['kind']; seconds: number; actions: number }[];
  cpu: CpuUsage | null;
  verified: string;
}

/** Drives every task through the lifecycle, `concurrency` clients at a time; client k talks to API k mod #APIs. */
async function drive(tasks: readonly BenchTask[], concurrency: number, apis: readonly Service[], record: (api: Service, ms: number) => void): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  async function client(k: number) {
    const api = apis[k % apis.length];
    while (failure === null && next < tasks.length) {
      const task = tasks[next++];
      try {
        for (let i = 0; i < STEPS.length; i++) {
          const t0 = performance.now();
          const result = await graphqlAction(api.url, task, STEPS[i]);
          const ms = performance.now() - t0;
          if (result.stage !== STEPS[i].stage || result.version !== i + 2) {
            throw new Error(`${STEPS[i].mutation} on ${task.taskId} via ${api.label}: expected stage ${STEPS[i].stage} version ${i + 2}, got ${JSON.stringify(result)}`);
          }
          record(api, ms);
        }
      } catch (err) {
        failure ??= err;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, (_, k) => client(k)));
  if (failure !== null) throw failure;
}

async function runSetup(infra: Infra, shutdown: Shutdown, setup: Setup, n: number, concurrency: number, warm: number): Promise<SetupResult> {
  const label = `${setup.apis} API + ${setup.workers} worker${setup.workers > 1 ? 's' : ''}`;
  const suffix = randomBytes(4).toString('hex');
  const campaignId = `bench-scale-${suffix}`;
  const taskQueue = `bench-scale-${suffix}`;
  log(`— ${label}: campaign ${campaignId}, task queue ${taskQueue}, fresh database bench_scale_${suffix}`);
  const { url, db } = await createRunDatabase(infra.pg.url, `bench_scale_${suffix}`);
  const closeDb = once(() => db.destroy());
  shutdown.add(`数据库连接 / database pool (${label})`, closeDb);
  // Every API instance stores uploaded evidence where the others can read it, as on a shared volume.
  const filesDir = path.join(infra.dir, `files-${suffix}`);
  fs.mkdirSync(filesDir);

  const common = { databaseUrl: url, temporalAddress: infra.temporal.address, taskQueue, env: { FILE_STORE_DIR: filesDir } };
  const services: Service[] = [];
  try {
    for (let i = 1; i <= setup.workers; i++) services.push(await startService(shutdown, { ...common, kind: 'worker', label: `worker ${i}` }));
    for (let i = 1; i <= setup.apis; i++) services.push(await startService(shutdown, { ...common, kind: 'api', label: `API ${i}` }));
    const apis = services.filter((s) => s.kind === 'api');
    const failed = () => services.find((s) => !s.alive());
    log(`  processes: ${services.map((s) => `${s.label} pid ${s.pid}`).join(', ')}`);

    await seedDemoCampaign(db, campaignId);
    const { tasks: all, starts } = benchTasks(campaignId, n + warm);
    const started = await startIndicatorTasks(infra.client, taskQueue, starts);
    if (started !== n + warm) throw new Error(`started ${started} workflows, expected ${n + warm}`);
    await waitFor(
      async () => {
        const gone = failed();
        if (gone) throw new Error(`${gone.label} exited`);
        const { count } = await db.selectFrom('indicator_task_cards').select((eb) => eb.fn.countAll<string>().as('count')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
        return Number(count) === n + warm;
      },
      CARDS_TIMEOUT_MS,
      `${n + warm} cards`,
    );
    if (warm > 0) {
      const warmBegin = performance.now();
      await drive(all.slice(0, warm), concurrency, apis, () => undefined);
      log(`  warm-up: ${warm} tasks × ${STEPS.length} actions in ${fmt((performance.now() - warmBegin) / 1000, 2)} s (not measured)`);
    }

    const tasks = all.slice(warm);
    const latencies: number[] = [];
    const perApi = new Map<Service, number>(apis.map((a) => [a, 0]));
    const childPids = services.map((s) => s.pid);
    const cpuOfRun = cpuSince(infra, childPids);
    const beforeEach = cpuSecondsOf(services);
    const begin = performance.now();
    await drive(tasks, concurrency, apis, (api, ms) => {
      latencies.push(ms);
      perApi.set(api, perApi.get(api)! + 1);
    });
    const wallSeconds = (performance.now() - begin) / 1000;
    const cpu = cpuOfRun(wallSeconds);
    const afterEach = cpuSecondsOf(services);
    const gone = failed();
    if (gone) throw new Error(`${gone.label} exited during the run`);
    log(`  drove ${n} tasks × ${STEPS.length} actions in ${fmt(wallSeconds, 2)} s`);

    const verified = await verifyArchived(db, infra.client, campaignId, all);
    log(`  ${verified}`);
    return {
      setup,
      label,
      tasks: n,
      actions: latencies.length,
      wallSeconds,
      latencies: ascending(latencies),
      perProcess: services.map((s) => ({ label: s.label, kind: s.kind, seconds: afterEach.get(s)! - beforeEach.get(s)!, actions: perApi.get(s) ?? 0 })),
      cpu,
      verified,
    };
  } finally {
    // APIs first, so that nothing new reaches the workers while they stop.
    for (const s of [...services].reverse()) await s.stop();
    await closeDb();
  }
}

function table(results: readonly SetupResult[]): string {
  const lines = [
    '| setup | tasks | actions | wall s | actions/s | p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${r.tasks} | ${r.actions} | ${fmt(r.wallSeconds, 2)} | ${fmt(r.actions / r.wallSeconds, 1)} | ` +
        `${percentileCells(r.latencies)} |`,
    );
  }
  return lines.join('\n');
}

/** CPU seconds per kind of process, and per action, with the share of the host's capacity. */
function cpuTable(results: readonly SetupResult[]): string {
  const cores = os.cpus().length;
  const lines = [
    `| setup | API processes | worker processes | Temporal server | PostgreSQL | bench clients | other | host busy |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const kind = (k: Service['kind']) => r.perProcess.filter((p) => p.kind === k).reduce((sum, p) => sum + p.seconds, 0);
    const cell = (seconds: number) => `${fmt(seconds, 1)} s (${fmt((1000 * seconds) / r.actions, 1)} ms/action)`;
    const c = r.cpu;
    lines.push(
      `| ${r.label} | ${cell(kind('api'))} | ${cell(kind('worker'))} | ${c ? cell(c.temporal) : 'n/a'} | ${c ? cell(c.postgres) : 'n/a'} | ${c ? cell(c.node) : 'n/a'} | ` +
        `${c ? fmt(c.other, 1) : 'n/a'} s | ${c ? `${fmt(c.hostBusyPercent, 0)}% of ${cores} cores` : 'n/a'} |`,
    );
  }
  return lines.join('\n');
}

runBenchmark('scale-out', async (shutdown, interrupted) => {
  const [n, c] = intArgs('npm run bench -- scale-out [N tasks, default 200] [C clients, default 16]', [200, 16]);
  if (n > MAX_TASKS) throw new Error(`N=${n} is more than the ${MAX_TASKS} distinct (indicator, unit) pairs of the demo catalog with one archive material`);
  useWorkflowBundle();
  const warm = Math.max(0, Math.min(WARM_UP, MAX_TASKS - n));
  const infra = await startInfra(shutdown, { log });
  log(`N=${n} tasks, C=${c} clients, ${STEPS.length} actions per task, ${warm} warm-up tasks per setup; every API and worker a separate process (default options), ${temporalUnderBench()}`);

  const one = await runSetup(infra, shutdown, { apis: 1, workers: 1 }, n, c, warm);
  if (interrupted()) return;
  const two = await runSetup(infra, shutdown, { apis: 2, workers: 2 }, n, c, warm);
  if (interrupted()) return;

  const speedup = two.actions / two.wallSeconds / (one.actions / one.wallSeconds);
  // Whatever the number of processes, the host cannot do more actions per second than its cores divided by the CPU
  // one action costs in all our processes together.
  const ceilingLines = [one, two].map((r) => {
    const kind = (k: Service['kind']) => r.perProcess.filter((p) => p.kind === k).reduce((sum, p) => sum + p.seconds, 0);
    const ours = kind('api') + kind('worker') + (r.cpu ? r.cpu.temporal + r.cpu.postgres + r.cpu.node : 0);
    const perAction = (1000 * ours) / r.actions;
    return (
      `- ${r.label}: ${fmt(perAction, 1)} ms of CPU per action in our processes together (API, worker, Temporal, PostgreSQL, clients), ` +
      `so ${os.cpus().length} cores allow at most ${fmt((os.cpus().length * 1000) / perAction, 1)} actions/s; it reached ${fmt(r.actions / r.wallSeconds, 1)}.`
    );
  });
  const perProcessLines = [one, two].map(
    (r) => `- ${r.label}, CPU seconds per process: ${r.perProcess.map((p) => `${p.label} ${fmt(p.seconds, 2)}${p.kind === 'api' ? ` (${p.actions} actions)` : ''}`).join(', ')}.`,
  );
  const body = [
    table([one, two]),
    '',
    `Throughput 2+2 / 1+1: **${fmt(speedup, 2)}×**.`,
    '',
    'CPU during the timed phase, in CPU seconds and per action:',
    '',
    cpuTable([one, two]),
    '',
    ...ceilingLines,
    ...perProcessLines,
    `- Each setup: fresh database, new campaign and task queue; its processes started (each migrates, then answers /health), then ${n} + ${warm} workflows started from the bench process and their cards awaited, ${warm} tasks driven as a warm-up, then the timed phase: ${n} tasks × ${STEPS.length} actions over GraphQL (x-demo-user), ${c} clients, client k on API k mod #APIs. The 1+1 setup runs first.`,
    `- "bench clients" is this process (the HTTP clients); "other" is everything else on the host, i.e. other people's work on a shared machine.`,
    `- Verification after each setup: ${one.verified.replace(/^verify: /, '')} (1+1); ${two.verified.replace(/^verify: /, '')} (2+2).`,
  ].join('\n');
  console.log(`\n${body}\n`);
  if (disturbed(one.cpu) || disturbed(two.cpu)) log('WARNING: other processes competed for the CPU during a measured phase (see "other" above)');
  appendSection(`scale-out, N=${n}, C=${c}`, commandLine('scale-out.bench.js', [n, c]), infra.machine, body);
});
