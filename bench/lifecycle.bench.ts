// Lifecycle benchmark: N indicator tasks driven through their 9-action lifecycle, C at a time, through the
// GraphQL API over HTTP (run A) and with Temporal Updates sent straight from a client (run B), R rounds of both
// in one sitting (the order alternating: A B, B A, A B…); the ratio reported is the median of the rounds'.
// Starts its own embedded PostgreSQL and in-memory Temporal dev server on free ports in a temporary folder,
// stops everything at the end (or on Ctrl-C) and appends the figures to bench/results/lifecycle.md; at the
// reference size (200 tasks, 8 clients, 3 rounds or more) also to bench/summary.json.
//
//   npm run bench -- lifecycle [N=50] [C=8] [R=3]   (or: npm run build && node dist/bench/lifecycle.bench.js N C R)
//   BENCH_NO_RECORD=1 BENCH_PROFILE=/tmp/prof node dist/bench/lifecycle.bench.js 200 8 1   (a CPU profile of this
//   process, API + worker + clients, over each driving phase; read it with node dist/bench/profile-summary.js)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startIndicatorTasks } from '../src/indicator-task/indicator-task.starter';
import { startApi } from '../src/platform/runtime/api-server';
import { freePort } from '../src/platform/runtime/ports';
import type { Shutdown } from '../src/platform/runtime/shutdown';
import { startWorker, type RunningWorker } from '../src/platform/runtime/worker-runner';
import { appendSection, commandLine, cpuSince, createRunDatabase, describeCpu, disturbed, fmt, intArgs, lanes, median, once, percentileCells, runBenchmark, startProfile, runConfig, seedDemoCampaign, startInfra, useWorkflowBundle, waitFor, type CpuUsage, type Infra, temporalUnderBench } from './support/harness';
import { EVENTS_PER_TASK, MAX_TASKS, STEPS, benchTasks, directAction, graphqlAction, verifyArchived, type BenchTask, type Step } from './support/lifecycle';
import { recordSummary } from './support/summary';

const CARDS_TIMEOUT_MS = 120_000;

const log = (line: string) => console.log(`[bench] ${line}`);

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

async function runOnce(infra: Infra, shutdown: Shutdown, mode: Mode, n: number, concurrency: number, warm: number, round: number): Promise<RunResult> {
  const label = mode === 'graphql' ? `A${round} via GraphQL` : `B${round} direct Temporal client`;
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
    await seedDemoCampaign(db, campaignId);
    // The first `warm` tasks warm up the JIT, the pools and the server's caches on the same path; then the clock starts.
    const { tasks: all, starts } = benchTasks(campaignId, n + warm);
    const warmTasks = all.slice(0, warm);
    const tasks = all.slice(warm);
    const startBegin = performance.now();
    const started = await startIndicatorTasks(infra.client, taskQueue, starts);
    if (started !== n + warm) throw new Error(`started ${started} workflows, expected ${n + warm} (ids already in use?)`);
    await waitFor(
      async () => {
        if (workerFailure) throw workerFailure;
        const { count } = await db
          .selectFrom('indicator_task_cards')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('campaign_id', '=', campaignId)
          .executeTakeFirstOrThrow();
        return Number(count) === n + warm;
      },
      CARDS_TIMEOUT_MS,
      `${n + warm} cards of campaign ${campaignId}`,
    );
    const startSeconds = (performance.now() - startBegin) / 1000;
    log(`  started ${n + warm} workflows, all their cards on the board in ${fmt(startSeconds, 2)} s (not measured below)`);

    const drive = async (task: BenchTask, record: (step: Step, ms: number) => void) => {
      for (let i = 0; i < STEPS.length; i++) {
        if (workerFailure) throw workerFailure;
        const step = STEPS[i];
        const t0 = performance.now();
        const result = mode === 'graphql' ? await graphqlAction(baseUrl, task, step) : await directAction(infra.client, task, step);
        const ms = performance.now() - t0;
        if (result.stage !== step.stage || result.version !== i + 2) {
          throw new Error(`${step.mutation} on ${task.taskId}: expected stage ${step.stage} version ${i + 2}, got ${JSON.stringify(result)}`);
        }
        record(step, ms);
      }
    };
    if (warm > 0) {
      const warmBegin = performance.now();
      await lanes(warmTasks, concurrency, (task) => drive(task, () => undefined));
      log(`  warm-up: ${warm} tasks × ${STEPS.length} actions in ${fmt((performance.now() - warmBegin) / 1000, 2)} s (not measured)`);
    }

    // Driving phase.
    const latencies: number[] = [];
    const perStep = new Map<string, number[]>(STEPS.map((s) => [s.mutation, []]));
    const profile = await startProfile(log);
    const cpuOfRun = cpuSince(infra);
    const driveBegin = performance.now();
    await lanes(tasks, concurrency, (task) =>
      drive(task, (step, ms) => {
        latencies.push(ms);
        perStep.get(step.mutation)!.push(ms);
      }),
    );
    const wallSeconds = (performance.now() - driveBegin) / 1000;
    const cpu = cpuOfRun(wallSeconds);
    await profile?.(`lifecycle-${label.split(' ')[0]}`);
    log(`  drove ${n} tasks × ${STEPS.length} actions in ${fmt(wallSeconds, 2)} s`);

    log(`  ${await verifyArchived(db, infra.client, campaignId, all)}`);
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
        `${percentileCells(r.latencies)} |`,
    );
  }
  return lines.join('\n');
}

function pooled(runs: readonly RunResult[], mutation: string): number[] {
  return runs.flatMap((r) => r.perStep.get(mutation)!).sort((x, y) => x - y);
}

function stepTable(a: readonly RunResult[], b: readonly RunResult[]): string {
  const lines = [
    '| action (by) | GraphQL p50 ms | GraphQL p95 ms | direct p50 ms | direct p95 ms |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const step of STEPS) {
    lines.push(
      `| ${step.mutation} (${step.who === 'unit' ? 'unit member' : step.who}) | ${percentileCells(pooled(a, step.mutation), [50, 95])} | ${percentileCells(pooled(b, step.mutation), [50, 95])} |`,
    );
  }
  return lines.join('\n');
}

const rate = (r: RunResult) => r.actions / r.wallSeconds;

// ---------------------------------------------------------------------------------------------------------
// Main.

/** Warm-up tasks driven before the clock starts in each run (fewer when N leaves no room in the demo pairs). */
const WARM_UP = 24;

/** The size the issue's target is stated at: only runs of this size go to bench/summary.json. */
const REFERENCE = { n: 200, c: 8, rounds: 3 };

runBenchmark('bench', async (shutdown, interrupted) => {
  const [n, c, rounds] = intArgs('npm run bench -- lifecycle [N tasks, default 50] [C concurrency, default 8] [R rounds, default 3]', [50, 8, 3]);
  useWorkflowBundle();
  const warm = Math.max(0, Math.min(WARM_UP, MAX_TASKS - n));
  const infra = await startInfra(shutdown, { log });
  log(`N=${n} tasks, C=${c} concurrent clients, ${STEPS.length} actions per task, ${warm} warm-up tasks per run, ${rounds} round(s) of A and B; one in-process worker per run (default options), ${temporalUnderBench()}`);

  const a: RunResult[] = [];
  const b: RunResult[] = [];
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Alternating which goes first, so that neither always meets a server warmed (or tired) by the other.
    for (const mode of (round % 2 === 1 ? ['graphql', 'direct'] : ['direct', 'graphql']) as Mode[]) {
      const result = await runOnce(infra, shutdown, mode, n, c, warm, round);
      if (interrupted()) return;
      (mode === 'graphql' ? a : b).push(result);
    }
    ratios.push(Number((rate(a[round - 1]) / rate(b[round - 1])).toFixed(3)));
    log(`  round ${round}: ratio ${fmt(ratios[round - 1], 3)}`);
  }
  const ratio = median(ratios);
  const notes = [
    `- Run A: each action is an HTTP POST /graphql (header x-demo-user) to the NestJS API, which looks up the user, reads the card, sends the Temporal Update and answers with that card and the events the Update recorded folded in (since 362088f; it read the card again before).`,
    `- Run B: each action is \`client.workflow.getHandle(id).executeUpdate(performActionUpdate, …)\` from this process, no API. The same worker code runs, so every action still appends its event and updates the card projection in PostgreSQL inside the appendEvents activity before the Update returns.`,
    `- Each run: fresh database, new campaign id and task queue, its own in-process worker; the ${n} + ${warm} workflows are started and their cards awaited before the clock starts (start phases ${a.map((r) => fmt(r.startSeconds, 2)).join('/')} s for A, ${b.map((r) => fmt(r.startSeconds, 2)).join('/')} s for B, not in the table). Then ${warm} tasks are driven through their lifecycle on the same path as a warm-up, not timed. Rounds alternate which run goes first (A B, B A, …).`,
    `- Workflow decision → append transaction start (events.recorded_at − occurred_at), p50/p95 per run: ${[...a, ...b].map((r) => `${r.label.split(' ')[0]} ${fmt(r.decisionToAppend.p50)}/${fmt(r.decisionToAppend.p95)} ms`).join(', ')}.`,
    ...[...a, ...b].map((r) => describeCpu(`driving phase ${r.label.split(' ')[0]}`, r.cpu)),
    `- Verification after each run: every card ARCHIVED at version ${EVENTS_PER_TASK}, ${EVENTS_PER_TASK} events per task in the expected order, every workflow completed: OK.`,
  ];
  const summary = [
    resultTable(a.flatMap((run, i) => [run, b[i]])),
    '',
    `Throughput ratio GraphQL / direct: **${fmt(ratio, 3)}**, the median of ${rounds} round(s): ${ratios.map((r) => fmt(r, 3)).join(', ')} ` +
      `(actions/s A ${a.map((r) => fmt(rate(r), 1)).join('/')}, B ${b.map((r) => fmt(rate(r), 1)).join('/')})`,
    '',
    `Latency per action (ms), all ${rounds} round(s) pooled:`,
    '',
    stepTable(a, b),
    '',
    ...notes,
  ].join('\n');
  console.log(`\n${summary}\n`);
  const wasDisturbed = [...a, ...b].some((r) => disturbed(r.cpu));
  if (wasDisturbed) log('WARNING: other processes competed for the CPU during a measured phase (see the CPU lines above)');
  const command = commandLine('lifecycle.bench.js', [n, c, rounds]);
  appendSection(`lifecycle, N=${n}, C=${c}, ${rounds} round(s)`, command, infra.machine, summary);
  if (n === REFERENCE.n && c === REFERENCE.c && rounds >= REFERENCE.rounds && !wasDisturbed) {
    recordSummary({
      lifecycleRatio: { value: ratio, command, note: `GraphQL ÷ direct Temporal actions/s, median of ${rounds} rounds, ${n} tasks × ${STEPS.length} actions, ${c} clients` },
      lifecycleRatioRuns: { value: ratios, command },
    });
  } else {
    log(`bench/summary.json not written: only an undisturbed run of ${REFERENCE.n} tasks, ${REFERENCE.c} clients and ${REFERENCE.rounds}+ rounds is the reference figure`);
  }
});
