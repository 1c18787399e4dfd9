// Projection rebuild benchmark: a database of N events (default 1,000,000) of indicator tasks and rectification
// items, written in bulk with the projections kept as appends keep them (bench/support/synthetic-events.ts), then
// the real rebuild (`npm run projections:rebuild`: EventStoreRepository.rebuildProjections) timed, and its result
// checked row for row against the projections the appends built. ROUNDS rebuilds of the same events, each checked;
// the figure is their median. An undisturbed run of 1,000,000 events and 3+ rounds writes rebuildEventsPerSecond to
// bench/summary.json.
//
//   npm run build && node dist/bench/rebuild.bench.js [N events=1000000] [ROUNDS=3]
//   BENCH_NO_RECORD=1 BENCH_PROFILE=/tmp/prof node dist/bench/rebuild.bench.js 200000 1   (a CPU profile of each rebuild;
//   bench/profile-summary.ts reads it)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/platform/database/database';
import { readDemoCatalog } from '../src/demo/demo-catalog';
import { createEventStore, inlineProjections } from '../src/platform/runtime/worker-runner';
import { startProfile, appendSection, commandLine, cpuSince, createRunDatabase, describeCpu, disturbed, fmt, intArgs, median, once, runBenchmark, seedDemoCampaign, startInfra, type CpuUsage } from './support/harness';
import { recordSummary } from './support/summary';
import { itemEvents, taskEvents, unitCodesFor, writeEvents, writeInterleaved, type SyntheticCampaign, type SyntheticEvent } from './support/synthetic-events';

const log = (line: string) => console.log(`[rebuild] ${line}`);
/** The run whose figure goes to bench/summary.json (issue 18: ≥ 50,000 events/s at 1M events). */
const REFERENCE = { n: 1_000_000, rounds: 3 };

/** Every table a projection writes, with its key (task_assignments: the breakdown, whose units reassignments move). */
const PROJECTED_TABLES = [
  ['indicator_task_cards', 'task_id'],
  ['rectification_item_cards', 'item_id'],
  ['campaign_states', 'campaign_id'],
  ['inspection_rounds', 'round_id'],
  ['task_assignments', 'task_id'],
] as const;

/** Row count and an MD5 over every row's text, in key order: equal sums mean equal tables, column for column. */
async function tableSums(db: Db): Promise<Map<string, { rows: number; md5: string }>> {
  const sums = new Map<string, { rows: number; md5: string }>();
  for (const [table, key] of PROJECTED_TABLES) {
    const { rows } = await sql<{ rows: number; md5: string }>`
      select count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by t.${sql.ref(key)})), '') as md5
        from ${sql.table(table)} t`.execute(db);
    sums.set(table, rows[0]);
  }
  return sums;
}

runBenchmark('rebuild', async (shutdown) => {
  const [n, rounds] = intArgs('node dist/bench/rebuild.bench.js [N events=1000000] [ROUNDS=3]', [1_000_000, 3]);
  const infra = await startInfra(shutdown, { log });
  const suffix = randomBytes(4).toString('hex');
  const { db } = await createRunDatabase(infra.pg.url, `bench_rebuild_${suffix}`);
  shutdown.add('数据库连接 / database pool', once(() => db.destroy()));
  const catalog = readDemoCatalog();
  const campaignId = `bench-rebuild-${suffix}`;
  await seedDemoCampaign(db, campaignId, catalog);

  // Seeding (not timed): tasks and items, one item every third task, until N events; the last stream is cut short.
  // About one task per indicator and unit, over the demo's units and made-up ones (their names do not matter here).
  const campaign: SyntheticCampaign = { campaignId, catalog, unitCodes: unitCodesFor(Math.ceil(n / 8), catalog), start: new Date('2026-09-01T01:00:00Z') };
  const written = { events: 0, taskEvents: 0, itemEvents: 0, tasks: 0, items: 0 };
  function* streams(): Generator<SyntheticEvent[]> {
    let remaining = n;
    for (let i = 0; remaining > 0; i++) {
      const task = taskEvents(campaign, i).slice(0, remaining);
      remaining -= task.length;
      written.tasks += 1;
      written.taskEvents += task.length;
      yield task;
      if (i % 3 === 2 && remaining > 0) {
        const item = itemEvents(campaign, (i - 2) / 3, i + 1).slice(0, remaining);
        remaining -= item.length;
        written.items += 1;
        written.itemEvents += item.length;
        yield item;
      }
    }
  }
  const projections = inlineProjections();
  const seedBegin = performance.now();
  let lastReport = seedBegin;
  await writeInterleaved(streams(), 1000, 5000, async (batch) => {
    await writeEvents(db, batch, projections);
    written.events += batch.length;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      log(`  seeding: ${written.events} of ${n} events`);
    }
  });
  if (written.events !== n) throw new Error(`seeding wrote ${written.events} events, expected ${n}`);
  // A database in use has been vacuumed: the rebuild should not pay for setting the new rows' hint bits.
  await sql`vacuum analyze`.execute(db);
  const seedSeconds = (performance.now() - seedBegin) / 1000;
  const { rows: sizeRows } = await sql<{ size: string }>`select pg_size_pretty(pg_total_relation_size('events')) as size`.execute(db);
  log(`seeded ${n} events (${written.tasks} tasks with ${written.taskEvents} events, ${written.items} items with ${written.itemEvents}) in ${fmt(seedSeconds, 1)} s; events table ${sizeRows[0].size}`);

  const live = await tableSums(db);
  const cards = live.get('indicator_task_cards')!.rows;
  const itemCards = live.get('rectification_item_cards')!.rows;
  if (cards !== written.tasks || itemCards !== written.items) {
    throw new Error(`the appends built ${cards} cards and ${itemCards} item cards, expected ${written.tasks} and ${written.items}`);
  }

  // The timed part: the rebuild as `npm run projections:rebuild` runs it, in one transaction; ROUNDS times, each
  // checked: it must give exactly the rows the appends gave, and fold every event of its streams.
  const expectedFolds: Record<string, number> = { indicator_task_cards: written.taskEvents, rectification_item_cards: written.itemEvents, task_assignment_units: 0, campaign_states: 0, inspection_rounds: 0 };
  const projectionCount = inlineProjections().length;
  const timed: { seconds: number; cpu: CpuUsage | null; results: { name: string; events: number }[] }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const cpuOfRebuild = cpuSince(infra);
    const profile = await startProfile(log);
    const begin = performance.now();
    const results = await createEventStore(db).rebuildProjections();
    const seconds = (performance.now() - begin) / 1000;
    await profile?.(`rebuild-${round}`);
    timed.push({ seconds, cpu: cpuOfRebuild(seconds), results });
    log(`round ${round}: rebuilt in ${fmt(seconds, 2)} s (${fmt(n / seconds, 0)} events/s): ${results.map((r) => `${r.name} ${r.events}`).join(', ')}`);

    const rebuilt = await tableSums(db);
    const problems: string[] = [];
    for (const [table] of PROJECTED_TABLES) {
      const before = live.get(table)!;
      const after = rebuilt.get(table)!;
      if (before.rows !== after.rows || before.md5 !== after.md5) problems.push(`${table}: ${before.rows} rows (md5 ${before.md5}) before, ${after.rows} (md5 ${after.md5}) after`);
    }
    const folded = new Map(results.map((r) => [r.name, r.events]));
    for (const [name, events] of Object.entries(expectedFolds)) {
      if (folded.get(name) !== events) problems.push(`${name} folded ${folded.get(name)} events, expected ${events}`);
    }
    if (folded.size !== projectionCount) problems.push(`rebuilt ${[...folded.keys()].join(', ')}, expected ${projectionCount} projections`);
    if (problems.length > 0) throw new Error(`verification FAILED in round ${round}:\n  ${problems.join('\n  ')}`);
  }
  log(`verify: after each of ${rounds} rebuild(s), every projected table equal to the one the appends built (rows and MD5), every event folded: OK`);
  const medianSeconds = median(timed.map((t) => t.seconds));
  const eventsPerSecond = Math.round(n / medianSeconds);
  const results = timed[0].results;

  const table = [
    '| round | events | streams (tasks + items) | rebuild s | events/s | cards | item cards |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...timed.map((t, i) => `| ${i + 1} | ${n} | ${written.tasks} + ${written.items} | ${fmt(t.seconds, 2)} | ${fmt(n / t.seconds, 0)} | ${cards} | ${itemCards} |`),
  ].join('\n');
  const notes = [
    `- **Median of ${rounds} rebuild(s): ${fmt(medianSeconds, 2)} s, ${eventsPerSecond} events/s** (target ≥ 50,000 events/s at 1M events).`,
    `- Data: ${n} events in ${written.tasks + written.items} streams: ${written.tasks} indicator tasks (${written.taskEvents} events, every stage, with comments, evidence, escalations, extensions, returns, mock assessments, re-checks and archiving) and ${written.items} rectification items (${written.itemEvents} events), 1,000 streams in progress at a time with their events interleaved. Written in bulk batches of 5,000 events, each batch's events folded by the inline projections in its transaction as appends do, then VACUUM ANALYZE; ${fmt(seedSeconds, 1)} s, not timed. Events table ${sizeRows[0].size}.`,
    `- Timed: \`createEventStore(db).rebuildProjections()\`, what \`npm run projections:rebuild\` runs (all ${projectionCount} projections, one transaction), in this process against the benchmark's PostgreSQL, ${rounds} time(s) over the same events. Events/s = all ${n} events / the rebuild's wall time. Folded per projection: ${results.map((r) => `${r.name} ${r.events}`).join(', ')}.`,
    `- Verified after each rebuild: each projected table (${PROJECTED_TABLES.map(([t]) => t).join(', ')}) has the same rows as before the rebuilds, built by the appends (row count and an MD5 over every row's text in key order); each card projection folded exactly the events of its streams.`,
    ...timed.map((t, i) => describeCpu(`rebuild ${i + 1}`, t.cpu, 'bench process (the rebuild)')),
  ];
  console.log(`\n${table}\n\n${notes.join('\n')}\n`);
  const command = commandLine('rebuild.bench.js', [n, rounds]);
  appendSection(`projection rebuild, N=${n}, ${rounds} round(s)`, command, infra.machine, [table, '', ...notes].join('\n'));
  const wasDisturbed = timed.some((t) => disturbed(t.cpu));
  if (n === REFERENCE.n && rounds >= REFERENCE.rounds && !wasDisturbed) {
    recordSummary({ rebuildEventsPerSecond: { value: eventsPerSecond, command, note: `all projections rebuilt from ${n} events, median of ${rounds} rebuilds` } });
  } else {
    log(`bench/summary.json not written: only an undisturbed run of ${REFERENCE.n} events and ${REFERENCE.rounds}+ rounds is the reference figure`);
  }
});
