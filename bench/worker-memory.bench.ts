// Worker memory benchmark: a worker as its own process (`node dist/src/worker.main.js`), indicator-task workflows
// started STEP at a time up to N (they stay open, waiting on their deadline timers), and the worker's resident memory
// (RSS, from /proc) once each step's cards are all on the board and the worker is idle. Two series, each with a fresh
// worker: one whose cache holds every workflow (TEMPORAL_MAX_CACHED_WORKFLOWS=N: the cost of a cached workflow) and
// one with a small cache (memory bounded by it). Then comments on a subset of tasks lengthen their histories, and the
// RSS after each round shows whether memory follows history length. The worker runs with its inspector on a local
// port so that, before each reading, the benchmark makes every isolate collect its garbage and reads their heaps.
// The every-workflow-cached series runs ROUNDS times (default 3, each with a fresh worker); the figure is the median of
// their slopes. An undisturbed run of N=10,000 and 3+ rounds writes workerMiBPer1000Cached to bench/summary.json.
//
//   npm run bench -- worker-memory [N=10000] [STEP=1000] [ROUNDS=3]   (or: npm run build && node dist/bench/worker-memory.bench.js N STEP ROUNDS)
import { randomBytes } from 'node:crypto';
import * as v8 from 'node:v8';
import { DEMO_UNITS, DEMO_USERS } from '../src/demo/demo-organisation';
import { startIndicatorTasks, type NewIndicatorTask } from '../src/indicator-task/indicator-task.starter';
import type { Shutdown } from '../src/platform/runtime/shutdown';
import { indicatorTaskWorkflowId, performActionUpdate } from '../workflows/indicator-task/indicator-task.messages';
import type { Actor } from '../workflows/shared/actor.types';
import { recordSummary } from './support/summary';
import { appendSection, commandLine, createRunDatabase, fmt, intArgs, lanes, median, once, procStat, rssOf, runBenchmark, seedDemoCampaign, startInfra, useWorkflowBundle, waitFor, withTimeout, type Infra } from './support/harness';
import { heapAfterGc } from './support/inspect-heap';
import { startService } from './support/processes';
import { freePort } from '../src/platform/runtime/ports';

const log = (line: string) => console.log(`[worker-memory] ${line}`);
const MiB = 1024 * 1024;
const CARDS_TIMEOUT_MS = 600_000;
/** Tasks whose histories the comment rounds lengthen, and comments per task per round. */
const HISTORY_TASKS = 100;
const COMMENTS_PER_ROUND = 10;
const ROUNDS = 3;
const CREATED_BY: Actor = { userId: 'user:office', displayName: '张霞（创建办主任）', role: 'OFFICE', unitCode: null };

interface Memory {
  rss: number;
  /** Used heap of all the worker's isolates (main thread and workflow thread) after a full collection. */
  heap: number;
  /** Of which the worker threads' (the SDK runs workflows in one). */
  heapWorkers: number;
}

interface Series {
  label: string;
  cache: number;
  points: ({ workflows: number } & Memory)[];
  /** Before the comment rounds, then after each: the subset's events per task, Temporal's history length, memory. */
  rounds: ({ eventsPerTask: number; historyLength: number } & Memory)[];
  baseline: Memory;
}

/** The i-th task: one of N distinct (indicator, unit) pairs, each unit taking every twelfth. */
function task(campaignId: string, i: number): NewIndicatorTask {
  const unit = DEMO_UNITS[i % DEMO_UNITS.length];
  return {
    campaignId,
    indicatorCode: `M${Math.floor(i / DEMO_UNITS.length) + 1}`,
    unitCode: unit.code,
    leadUnitCode: unit.code,
    dueAt: new Date(Date.now() + 120 * 86_400_000).toISOString(),
    createdBy: CREATED_BY,
  };
}

function unitMember(unitCode: string): Actor {
  const user = DEMO_USERS.find((u) => u.role === 'UNIT_MEMBER' && u.unitCode === unitCode)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode };
}

/** Least-squares slope of y over x; NaN with fewer than two distinct x. */
function slope(points: readonly { x: number; y: number }[]): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? NaN : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

/**
 * Waits until the process used under 3% of a core over a second (at most 60 s), has every isolate collect its
 * garbage and reads their heaps, then reads the RSS 3 times: the median.
 */
async function idleMemory(pid: number, inspectPort: number): Promise<Memory> {
  const deadline = Date.now() + 60_000;
  let before = procStat(pid)?.[1] ?? 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = procStat(pid)?.[1] ?? 0;
    if (now - before < 0.03) break;
    before = now;
  }
  const heap = await heapAfterGc(inspectPort);
  await new Promise((r) => setTimeout(r, 500));
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const rss = rssOf(pid);
    if (rss === null) throw new Error(`worker ${pid} is gone`);
    samples.push(rss);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { rss: samples.sort((a, b) => a - b)[1], heap: heap.main + heap.workers, heapWorkers: heap.workers };
}

async function runSeries(infra: Infra, shutdown: Shutdown, label: string, cache: number, n: number, step: number): Promise<Series> {
  const suffix = randomBytes(4).toString('hex');
  const campaignId = `bench-memory-${suffix}`;
  const taskQueue = `bench-memory-${suffix}`;
  log(`— series "${label}": TEMPORAL_MAX_CACHED_WORKFLOWS=${cache}, campaign ${campaignId}, fresh database bench_memory_${suffix}`);
  const { url, db } = await createRunDatabase(infra.pg.url, `bench_memory_${suffix}`);
  const inspectPort = await freePort();
  const closeDb = once(() => db.destroy());
  shutdown.add(`数据库连接 / database pool (${label})`, closeDb);
  const worker = await startService(shutdown, {
    kind: 'worker',
    label: `worker (${label})`,
    databaseUrl: url,
    temporalAddress: infra.temporal.address,
    taskQueue,
    env: { TEMPORAL_MAX_CACHED_WORKFLOWS: String(cache), NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` },
  });
  try {
    await seedDemoCampaign(db, campaignId);
    const cards = async () =>
      Number((await db.selectFrom('indicator_task_cards').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow()).n);
    const measure = () => idleMemory(worker.pid, inspectPort);
    const said = (m: Memory) => `RSS ${fmt(m.rss / MiB)} MiB, heap ${fmt(m.heap / MiB)} MiB (workflow thread ${fmt(m.heapWorkers / MiB)})`;
    const baseline = await measure();
    log(`  idle worker before any workflow: ${said(baseline)}`);

    const points: Series['points'] = [];
    for (let done = 0; done < n; ) {
      const next = Math.min(n, done + step);
      const starts = Array.from({ length: next - done }, (_, k) => task(campaignId, done + k));
      const started = await startIndicatorTasks(infra.client, taskQueue, starts);
      if (started !== starts.length) throw new Error(`started ${started} of ${starts.length} workflows`);
      await waitFor(
        async () => {
          if (!worker.alive()) throw new Error(`${worker.label} exited`);
          return (await cards()) === next;
        },
        CARDS_TIMEOUT_MS,
        `${next} cards`,
        200,
      );
      done = next;
      const memory = await measure();
      points.push({ workflows: done, ...memory });
      log(`  ${done} workflows open: ${said(memory)}`);
    }

    // Longer histories on a subset: the oldest tasks, evicted long ago when the cache is small.
    const subset = Array.from({ length: Math.min(HISTORY_TASKS, n) }, (_, i) => task(campaignId, i));
    const historyOf = async () => {
      const first = subset[0];
      const description = await infra.client.workflow.getHandle(indicatorTaskWorkflowId(campaignId, first.indicatorCode, first.unitCode)).describe();
      const { v } = await db
        .selectFrom('indicator_task_cards')
        .select((eb) => eb.fn.min('version').as('v'))
        .where('task_id', 'in', subset.map((t) => indicatorTaskWorkflowId(campaignId, t.indicatorCode, t.unitCode)))
        .executeTakeFirstOrThrow();
      return { eventsPerTask: Number(v), historyLength: description.historyLength };
    };
    const last = points[points.length - 1];
    const rounds: Series['rounds'] = [{ ...(await historyOf()), rss: last.rss, heap: last.heap, heapWorkers: last.heapWorkers }];
    for (let round = 1; round <= ROUNDS; round++) {
      await lanes(subset, 8, async (t) => {
        const handle = infra.client.workflow.getHandle(indicatorTaskWorkflowId(campaignId, t.indicatorCode, t.unitCode));
        for (let i = 0; i < COMMENTS_PER_ROUND; i++) {
          const actor = unitMember(t.unitCode);
          await withTimeout(
            handle.executeUpdate(performActionUpdate, { args: [{ command: { action: 'ADD_COMMENT', text: `基准测试意见 第${round}轮第${i + 1}条` }, actor }] }),
            60_000,
            `comment on ${handle.workflowId}`,
          );
        }
      });
      const history = await historyOf();
      const expected = 1 + round * COMMENTS_PER_ROUND;
      if (history.eventsPerTask !== expected) throw new Error(`after round ${round} the subset's cards are at version ${history.eventsPerTask}, expected ${expected}`);
      const memory = await measure();
      rounds.push({ ...history, ...memory });
      log(`  comment round ${round}: ${subset.length} tasks at ${history.eventsPerTask} events (Temporal history ${history.historyLength} events): ${said(memory)}`);
    }

    // Every workflow started once, each has its creation event and its card, the subset its comments.
    const { events } = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('events'))
      .where('stream_id', 'like', `indicator-task:${campaignId}:%`)
      .executeTakeFirstOrThrow();
    const expectedEvents = n + subset.length * ROUNDS * COMMENTS_PER_ROUND;
    if (Number(events) !== expectedEvents) throw new Error(`${events} events, expected ${expectedEvents}`);
    const running = (await infra.client.workflow.count(`CampaignId = "${campaignId}" AND ExecutionStatus = "Running"`)).count;
    if (running !== n) throw new Error(`Temporal counts ${running} running workflows, expected ${n}`);
    log(`  verify: ${n} cards, ${events} events (one creation each, ${ROUNDS * COMMENTS_PER_ROUND} comments on each of ${subset.length}), ${running} workflows running: OK`);
    return { label, cache, points, rounds, baseline };
  } finally {
    await worker.stop();
    await closeDb();
  }
}

runBenchmark('worker-memory', async (shutdown, interrupted) => {
  const [n, step, rounds] = intArgs('npm run bench -- worker-memory [N workflows, default 10000] [STEP, default 1000] [ROUNDS, default 3]', [10000, 1000, 3]);
  useWorkflowBundle();
  const small = Math.max(2, Math.floor(step / 2));
  // The SDK's default cache grows with the heap limit (reusable V8 context: 600 workflows per GiB above 200 MiB).
  const heapMiB = v8.getHeapStatistics().heap_size_limit / MiB;
  const sdkDefault = Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
  const infra = await startInfra(shutdown, { log });
  log(`N=${n} workflows in steps of ${step}; series: cache ${n} (every workflow cached), cache ${small}; the SDK's default here would be ${sdkDefault}`);

  const repeats: Series[] = [];
  for (let round = 1; round <= rounds; round++) {
    repeats.push(await runSeries(infra, shutdown, `cache ${n}${rounds > 1 ? `, round ${round}` : ''}`, n, n, step));
    if (interrupted()) return;
  }
  const all = repeats[0];
  const bounded = await runSeries(infra, shutdown, `cache ${small}`, small, n, step);
  if (interrupted()) return;

  const mib = (bytes: number) => fmt(bytes / MiB, 1);
  const cells = (m: Memory) => `${mib(m.rss)} | ${mib(m.heap)}`;
  const lines = [
    `| open workflows | cache ${n}: RSS MiB | heap MiB | cache ${small}: RSS MiB | heap MiB |`,
    '|---:|---:|---:|---:|---:|',
    `| 0 | ${cells(all.baseline)} | ${cells(bounded.baseline)} |`,
    ...all.points.map((p, i) => `| ${p.workflows} | ${cells(p)} | ${cells(bounded.points[i])} |`),
  ];
  const slopeOf = (points: Series['points'], of: keyof Memory) => slope(points.map((p) => ({ x: p.workflows / 1000, y: p[of] / MiB })));
  const perThousand = (points: Series['points'], of: keyof Memory) => fmt(slopeOf(points, of), 1);
  const cachedSlopes = repeats.map((r) => slopeOf(r.points, 'rss'));
  const cachedMedian = median(cachedSlopes);
  const fullFrom = bounded.points.filter((p) => p.workflows >= bounded.cache);
  const roundLines = [
    `| comment round | events per task | Temporal history length | cache ${n}: RSS MiB | heap MiB | cache ${small}: RSS MiB | heap MiB |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...all.rounds.map((r, i) => `| ${i === 0 ? 'before' : i} | ${r.eventsPerTask} | ${r.historyLength} | ${cells(r)} | ${cells(bounded.rounds[i])} |`),
  ];
  const perHundredEvents = (s: Series, of: keyof Memory) => fmt(100 * slope(s.rounds.map((r) => ({ x: r.historyLength, y: r[of] / MiB }))), 2);
  const body = [
    `Every workflow cached: **${fmt(cachedMedian, 1)} MiB of RSS per 1,000 workflows**, the median of ${rounds} series (${cachedSlopes.map((x) => fmt(x, 1)).join(', ')}); the table shows the first.`,
    '',
    lines.join('\n'),
    '',
    `- Growth per 1,000 open workflows (least-squares slope over the steps), RSS / heap: every workflow cached **${perThousand(all.points, 'rss')} / ${perThousand(all.points, 'heap')} MiB** (workflow thread ${perThousand(all.points, 'heapWorkers')}); ` +
      `cache of ${small}, over the ${fullFrom.length} steps with the cache full: **${perThousand(fullFrom, 'rss')} / ${perThousand(fullFrom, 'heap')} MiB**.`,
    `- The SDK's default cache on this machine (heap limit ${fmt(heapMiB, 0)} MiB) is ${sdkDefault} workflows: a worker left at the default grows like the first series up to that many, then as the second does once its cache is full.`,
    '',
    `Longer histories: ${Math.min(HISTORY_TASKS, n)} of the tasks (the first started) each took ${ROUNDS} rounds of ${COMMENTS_PER_ROUND} comments (an Update each, one event each):`,
    '',
    roundLines.join('\n'),
    '',
    `- Per 100 events of Temporal history on those ${Math.min(HISTORY_TASKS, n)} tasks (slope over the rounds), RSS / heap: cache ${n} ${perHundredEvents(all, 'rss')} / ${perHundredEvents(all, 'heap')} MiB, cache ${small} ${perHundredEvents(bounded, 'rss')} / ${perHundredEvents(bounded, 'heap')} MiB; of the heap, the workflow thread's: ${perHundredEvents(all, 'heapWorkers')} and ${perHundredEvents(bounded, 'heapWorkers')} MiB.`,
    `- The worker is \`node dist/src/worker.main.js\` (default options apart from TEMPORAL_MAX_CACHED_WORKFLOWS), a fresh one per series on a fresh database and task queue, with NODE_OPTIONS=--inspect on a local port; the workflows are started from the bench process (16 at a time). Each reading waits until the step's cards are all on the board and the worker has used under 3% of a core for a second, then has the worker's main thread and workflow thread collect their garbage (inspector: HeapProfiler.collectGarbage) and reads their used heap (Runtime.getHeapUsage, summed), then the RSS from /proc (median of 3 reads). RSS includes what V8 has not returned to the system and the SDK's native (Rust) memory.`,
    `- Verification per series: ${n} cards, one creation event per task and exactly the comments sent, ${n} workflows running in Temporal: OK.`,
  ].join('\n');
  console.log(`\n${body}\n`);
  const command = commandLine('worker-memory.bench.js', [n, step, rounds]);
  appendSection(`worker-memory, N=${n}, STEP=${step}, ${rounds} round(s)`, command, infra.machine, body);
  if (n === 10_000 && rounds >= 3) {
    recordSummary({ workerMiBPer1000Cached: { value: Math.round(cachedMedian * 10) / 10, command, note: `worker RSS per 1,000 cached workflows (least-squares slope over ${n / step} steps), median of ${rounds} series` } });
  } else {
    log('bench/summary.json not written: only a run of N=10000 and 3+ rounds is the reference figure');
  }
});
