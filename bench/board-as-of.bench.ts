// The office's board as of an instant at 1,000,000 events (issue 18: < 1 s, from snapshots). A campaign of N events
// (default 1,000,000) of indicator tasks and rectification items (bench/support/synthetic-events.ts) is written in
// the order the events occurred, a "day" of the campaign at a time, with the nightly snapshot taken after each day
// but the last (BoardSnapshotRepository.take, as the schedule's activity runs it): the last day's events are the ones
// an as-of answer must fold beyond the newest snapshot. Then the office's `boardAsOf` (every column's count and first
// page of 50, through GraphQL) is timed at instants spread over the campaign, and `boardAsOfColumn` (the second page
// of the largest column) at the last. ROUNDS rounds of all the instants; the figure is the median of the rounds' p95.
// One instant's answer is checked against the replay of the whole log (the snapshots set aside for it), column for
// column. An undisturbed run of 1,000,000 events and 3+ rounds writes boardAsOfP95Ms1M to bench/summary.json.
//
// The synthetic streams' events fall within about 4 weeks; here their times are stretched over SPAN days (default
// 330, 11 months, about 3,000 events a day at 1,000,000: a district campaign's year), keeping their order.
//
//   npm run build && node --max-old-space-size=8192 dist/bench/board-as-of.bench.js [N events=1000000] [ROUNDS=3] [SPAN days=330]
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { readDemoCatalog } from '../src/demo/demo-catalog';
import { startApi } from '../src/platform/runtime/api-server';
import { freePort } from '../src/platform/runtime/ports';
import { inlineProjections } from '../src/platform/runtime/worker-runner';
import { BoardSnapshotRepository } from '../src/reports/board-snapshot.repository';
import { BOARD_SNAPSHOT_VERSION } from '../src/reports/board-snapshot';
import { recordSummary } from './support/summary';
import { appendSection, ascending, commandLine, cpuSince, createRunDatabase, describeCpu, disturbedOverall, fmt, intArgs, median, once, percentile, runBenchmark, runConfig, seedDemoCampaign, startInfra, type CpuUsage } from './support/harness';
import { extraUnits, itemEvents, taskEvents, unitCodesFor, writeEvents, type SyntheticCampaign, type SyntheticEvent } from './support/synthetic-events';

const log = (line: string) => console.log(`[board-as-of] ${line}`);
/** The run whose figure goes to bench/summary.json. */
const REFERENCE = { n: 1_000_000, rounds: 3, span: 330 };
const DAY = 86_400_000;
const INSTANTS = 10;
const FIRST = 50;

const BOARD = `query($c: String, $t: DateTime!, $f: Int) { boardAsOf(campaignId: $c, asOf: $t, first: $f) {
  columns { stage count cards { id stage version openItems updatedAt unit { code } leadUnit { code } indicator { code name } } pageInfo { hasNextPage endCursor } } } }`;
const COLUMN = `query($c: String, $t: DateTime!, $s: Stage!, $f: Int, $a: String) { boardAsOfColumn(campaignId: $c, asOf: $t, stage: $s, first: $f, after: $a) {
  stage count cards { id stage version openItems updatedAt unit { code } leadUnit { code } indicator { code name } } pageInfo { hasNextPage endCursor } } }`;

interface Column {
  stage: string;
  count: number;
  cards: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function post<T>(api: string, query: string, variables: Record<string, unknown>): Promise<{ data: T; ms: number }> {
  const begin = performance.now();
  const res = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-user': 'office' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  const ms = performance.now() - begin;
  const body = JSON.parse(text) as { data?: T; errors?: unknown };
  if (!res.ok || body.errors || !body.data) throw new Error(`HTTP ${res.status}: ${text.slice(0, 500)}`);
  return { data: body.data, ms };
}

runBenchmark('board-as-of', async (shutdown) => {
  const [n, rounds, span] = intArgs('node dist/bench/board-as-of.bench.js [N events=1000000] [ROUNDS=3] [SPAN days=330]', [1_000_000, 3, 330]);
  const infra = await startInfra(shutdown, { log });
  const suffix = randomBytes(4).toString('hex');
  const campaignId = `bench-asof-${suffix}`;
  const { url, db } = await createRunDatabase(infra.pg.url, `bench_asof_${suffix}`);
  shutdown.add('数据库连接 / database pool', once(() => db.destroy()));
  const catalog = readDemoCatalog();
  await seedDemoCampaign(db, campaignId, catalog);
  // About one task per indicator and unit (as in the rebuild benchmark), every unit known so that every card shows.
  const unitCodes = unitCodesFor(Math.ceil(n / 8), catalog);
  const extra = extraUnits(unitCodes.length - 12);
  for (let i = 0; i < extra.length; i += 1000) await db.insertInto('units').values(extra.slice(i, i + 1000)).execute();
  const campaign: SyntheticCampaign = { campaignId, catalog, unitCodes, start: new Date('2026-09-01T01:00:00Z') };

  // Seeding (not timed as such): the events in the order they occurred, one day at a time, a snapshot after each day.
  const events: SyntheticEvent[] = [];
  const written = { tasks: 0, items: 0 };
  for (let i = 0; events.length < n; i++) {
    events.push(...taskEvents(campaign, i));
    written.tasks += 1;
    if (i % 3 === 2 && events.length < n) {
      events.push(...itemEvents(campaign, (i - 2) / 3, i + 1));
      written.items += 1;
    }
  }
  // Whole streams only, cut after the stream that reaches N: a task's events are never half written.
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const t0 = events[0].occurredAt.getTime();
  const stretch = (span * DAY) / (events[events.length - 1].occurredAt.getTime() - t0);
  for (const e of events) e.occurredAt = new Date(t0 + Math.round((e.occurredAt.getTime() - t0) * stretch));
  const firstDay = Math.floor(events[0].occurredAt.getTime() / DAY);
  const lastDay = Math.floor(events[events.length - 1].occurredAt.getTime() / DAY);
  // No snapshot for the days of the last average day's worth of events (the campaign thins out at its end): the
  // events an answer as of the end must fold beyond the newest snapshot.
  const tailDay = Math.floor(events[events.length - Math.ceil(events.length / span)].occurredAt.getTime() / DAY);
  const snapshots = new BoardSnapshotRepository(db);
  const projections = inlineProjections({ deliverNotifications: false });
  const snapshotTimes: { day: number; seconds: number; events: number; streams: number; pruned: number }[] = [];
  const seedBegin = performance.now();
  let k = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const end = (day + 1) * DAY;
    const begin = k;
    while (k < events.length && events[k].occurredAt.getTime() < end) k++;
    for (let i = begin; i < k; i += 5000) await writeEvents(db, events.slice(i, Math.min(k, i + 5000)), projections);
    if (day >= tailDay || k === begin) continue;
    const before = performance.now();
    const taken = await snapshots.take(campaignId);
    snapshotTimes.push({ day, seconds: (performance.now() - before) / 1000, events: taken?.events ?? 0, streams: taken?.streams ?? 0, pruned: taken?.pruned ?? 0 });
  }
  await sql`vacuum analyze`.execute(db);
  const seedSeconds = (performance.now() - seedBegin) / 1000;
  const tail = events.length - events.findIndex((e) => e.occurredAt.getTime() >= tailDay * DAY);
  const { rows: sizes } = await sql<{ events: string; snapshots: string; rows: string; kept: string }>`
    select pg_size_pretty(pg_total_relation_size('events')) as events, pg_size_pretty(pg_total_relation_size('board_snapshot_cards')) as snapshots,
           (select count(*) from board_snapshot_cards)::text as rows, (select count(*) from board_snapshots)::text as kept`.execute(db);
  log(`seeded ${events.length} events (${written.tasks} tasks, ${written.items} items) over ${lastDay - firstDay + 1} days in ${fmt(seedSeconds, 1)} s, ${snapshotTimes.length} snapshots taken, ${sizes[0].kept} kept (${sizes[0].rows} rows, ${sizes[0].snapshots}; events ${sizes[0].events}); ${tail} events of the last days beyond the newest snapshot`);
  const firstSnapshot = snapshotTimes[0];
  const dailyMedian = median(snapshotTimes.slice(1).map((s) => s.seconds));
  log(`snapshots: the first ${fmt(firstSnapshot?.seconds ?? NaN, 2)} s (${firstSnapshot?.events} events), the later ones a median of ${fmt(dailyMedian, 2)} s, the longest ${fmt(Math.max(...snapshotTimes.map((s) => s.seconds)), 2)} s`);

  const config = runConfig(infra.temporal.address, `bench-asof-${suffix}`, await freePort());
  const app = await startApi({ config, databaseUrl: url, db, temporal: infra.client, temporalUiUrl: null }, { port: config.api.port });
  shutdown.add('API', once(() => app.close()));
  const api = `http://127.0.0.1:${config.api.port}`;

  // Instants spread over the campaign, the last after every event (the newest snapshot and the last day's events).
  const from = events[0].occurredAt.getTime();
  const to = events[events.length - 1].occurredAt.getTime();
  const instants = Array.from({ length: INSTANTS }, (_, i) => new Date(from + ((to - from) * (i + 1)) / INSTANTS + (i === INSTANTS - 1 ? 1000 : 0)).toISOString());

  // The check: at the middle instant, the snapshots' answer and the replay's are the same board.
  const middle = instants[Math.floor(INSTANTS / 2)];
  const viaSnapshots = await post<{ boardAsOf: { columns: Column[] } }>(api, BOARD, { c: campaignId, t: middle, f: FIRST });
  await sql`update board_snapshots set schema_version = -1 where campaign_id = ${campaignId}`.execute(db);
  const viaReplay = await post<{ boardAsOf: { columns: Column[] } }>(api, BOARD, { c: campaignId, t: middle, f: FIRST });
  await sql`update board_snapshots set schema_version = ${BOARD_SNAPSHOT_VERSION} where campaign_id = ${campaignId}`.execute(db);
  if (JSON.stringify(viaSnapshots.data) !== JSON.stringify(viaReplay.data)) throw new Error(`verification FAILED: the board as of ${middle} from the snapshots differs from the replay's`);
  const cardsAtMiddle = viaReplay.data.boardAsOf.columns.reduce((s, c) => s + c.count, 0);
  log(`verify: as of ${middle}, the snapshots' board equals the replay of the whole log (${cardsAtMiddle} cards; replay ${fmt(viaReplay.ms, 0)} ms, snapshots ${fmt(viaSnapshots.ms, 0)} ms): OK`);

  // Warm-up, then the timed rounds.
  for (const t of instants) await post(api, BOARD, { c: campaignId, t, f: FIRST });
  const timed: { round: number; board: number[]; column: number[]; cpu: CpuUsage | null }[] = [];
  const last = instants[instants.length - 1];
  for (let round = 1; round <= rounds; round++) {
    const cpuOf = cpuSince(infra);
    const begin = performance.now();
    const board: number[] = [];
    const column: number[] = [];
    for (const t of instants) {
      const { data, ms } = await post<{ boardAsOf: { columns: Column[] } }>(api, BOARD, { c: campaignId, t, f: FIRST });
      board.push(ms);
      for (const c of data.boardAsOf.columns) if (c.cards.length !== Math.min(FIRST, c.count)) throw new Error(`as of ${t}: ${c.cards.length} cards in ${c.stage} of ${c.count}`);
      if (t === last) {
        const largest = [...data.boardAsOf.columns].sort((a, b) => b.count - a.count)[0];
        for (let i = 0; i < 3 && largest.pageInfo.hasNextPage; i++) {
          const next = await post<{ boardAsOfColumn: Column }>(api, COLUMN, { c: campaignId, t, s: largest.stage, f: FIRST, a: largest.pageInfo.endCursor });
          if (next.data.boardAsOfColumn.cards.some((card) => largest.cards.some((c) => c.id === card.id))) throw new Error('the second page repeats a card of the first');
          column.push(next.ms);
        }
      }
    }
    timed.push({ round, board, column, cpu: cpuOf((performance.now() - begin) / 1000) });
    const sorted = ascending(board);
    log(`round ${round}: by instant ${board.map((m) => fmt(m, 0)).join(', ')} ms`);
    log(`round ${round}: boardAsOf p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, max ${fmt(sorted[sorted.length - 1])} ms; boardAsOfColumn ${column.map((m) => fmt(m)).join(', ')} ms`);
  }
  const p95s = timed.map((t) => percentile(ascending(t.board), 95));
  const p95 = median(p95s);
  const command = commandLine('board-as-of.bench.js', [n, rounds, span], '--max-old-space-size=8192');
  const disturbedRun = disturbedOverall(timed.map((t) => t.cpu));

  const table = [
    '| round | instants | boardAsOf p50 ms | p95 ms | max ms | boardAsOfColumn (next page) ms |',
    '|---:|---:|---:|---:|---:|---|',
    ...timed.map((t) => {
      const s = ascending(t.board);
      return `| ${t.round} | ${s.length} | ${fmt(percentile(s, 50))} | ${fmt(percentile(s, 95))} | ${fmt(s[s.length - 1])} | ${t.column.map((m) => fmt(m)).join(', ')} |`;
    }),
  ].join('\n');
  const body = [
    `${events.length} events (${written.tasks} tasks, ${written.items} items) over ${lastDay - firstDay + 1} days; ${snapshotTimes.length} nightly snapshots taken, ${sizes[0].kept} kept by the retention (${sizes[0].rows} rows, ${sizes[0].snapshots}; the events table ${sizes[0].events}); ${tail} events of the last days beyond the newest one.`,
    `Snapshots: the first ${fmt(firstSnapshot?.seconds ?? NaN, 2)} s for ${firstSnapshot?.events} events, later ones a median of ${fmt(dailyMedian, 2)} s.`,
    `Checked: as of ${middle} the snapshots' board equals the whole log's replay (${cardsAtMiddle} cards; the replay took ${fmt(viaReplay.ms, 0)} ms, the snapshots ${fmt(viaSnapshots.ms, 0)} ms).`,
    '',
    table,
    '',
    `**boardAsOfP95Ms1M = ${fmt(p95)} ms** (median of the rounds' p95: ${p95s.map((v) => fmt(v)).join(', ')}).`,
    '',
    ...timed.map((t) => describeCpu(`round ${t.round}`, t.cpu, 'bench process (API)')),
  ].join('\n');
  appendSection(`office board as of an instant, N=${n}`, command, infra.machine, body);
  log(`boardAsOf p95 (median of ${rounds} rounds): ${fmt(p95)} ms`);
  if (n === REFERENCE.n && rounds >= REFERENCE.rounds && span === REFERENCE.span && !disturbedRun) {
    recordSummary({ boardAsOfP95Ms1M: { value: Number(fmt(p95)), command, note: `office boardAsOf (every column's count and first ${FIRST} cards) at ${INSTANTS} instants over the campaign, ${snapshotTimes.length} nightly snapshots, ${tail} events beyond the newest; median of ${rounds} rounds' p95` } });
  }
});
