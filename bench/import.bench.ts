// Import benchmark: the office imports a 任务分解表 of ROWS rows, each giving one indicator to UNITS responsible
// units, through the path a person takes: the GraphQL mutation the board's 工作台 sends, first to check the file
// (dryRun), then to import it; the durable import workflow then starts the ROWS × UNITS indicator-task workflows,
// and each writes its first event and its card. Timed: check, commit, until every workflow is started (the import
// is APPLIED), until every card is on the board. Before that, not timed, the catalog (ROWS indicators) and the
// organisation are imported through the same API. Then it verifies the result and that a second import of the
// same file changes nothing. ROUNDS imports (default 3), each of the same file into a campaign of its own; the
// figure is their median. An undisturbed run of 2,000 rows × 3 units and 3+ rounds writes import6000Seconds to
// bench/summary.json.
//
//   npm run bench -- import [ROWS=2000] [UNITS=3] [ROUNDS=3]      (or: npm run build && node dist/bench/import.bench.js ROWS UNITS ROUNDS)
//   BENCH_NO_RECORD=1 BENCH_PROFILE=/tmp/prof node dist/bench/import.bench.js 500 3 1   (a CPU profile of the main
//   thread of each timed import: the API, the worker's activities and the client; the workflows run in their own thread)
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { IMPORT_BATCH_SIZE } from '../workflows/task-breakdown-import/task-breakdown-import.workflow';
import { gql } from './support/graphql';
import { appendSection, commandLine, cpuBetween, cpuSnapshot, describeCpu, disturbed, fmt, intArgs, median, runBenchmark, seedDemoCampaign, startInProcess, startProfile, startInfra, useWorkflowBundle, waitFor, type CpuSnapshot, type CpuUsage, temporalUnderBench } from './support/harness';
import { DemoDataRepository } from '../src/demo/demo-data.repository';
import { DEMO_CAMPAIGN, DEMO_UNITS, DEMO_USERS } from '../src/demo/demo-organisation';
import { recordSummary } from './support/summary';
import { breakdownXlsx, catalogXlsx, generatedIndicators, generatedUnits, organisationXlsx } from './support/import-files';
import { verifyImport } from './support/import-verify';

const log = (line: string) => console.log(`[import] ${line}`);

// The board's own documents (web/src/office/documents.ts), so the answers are as large as the office's are.
const PROBLEMS = 'problems { sheet row column columnLetter code message }';
const IMPORT_CATALOG = `mutation ImportCatalog($input: ImportCatalogInput!) {
  importCatalog(input: $input) { status fileName report version ${PROBLEMS}
    counts { items { created changed unchanged removed } indicators { created changed unchanged removed } criteria materials }
    changes { kind entity code name } }
}`;
const IMPORT_ORGANISATION = `mutation ImportOrganisation($input: ImportOrganisationInput!) {
  importOrganisation(input: $input) { status fileNames report ${PROBLEMS}
    counts { units { created changed unchanged removed } people { created changed unchanged removed } groupMembers }
    changes { kind entity code name } }
}`;
const IMPORT_TASK_BREAKDOWN = `mutation ImportTaskBreakdown($input: ImportTaskBreakdownInput!) {
  importTaskBreakdown(input: $input) { id status fileName report ${PROBLEMS}
    counts { tasks created changed unchanged removed applied } progress { total applied percent secondsLeft }
    changes { kind taskId indicatorCode unitCode leadUnitCode dueAt } }
}`;
// What `npm run import` polls while the tasks are started (src/cli/import-task-breakdown.ts, every 500 ms; here every
// 250 ms), without the changes.
const IMPORT_STATUS = 'query($id: String!) { taskBreakdownImport(id: $id) { id status progress { total applied percent secondsLeft } } }';

interface BreakdownOutcome {
  id: string | null;
  status: string;
  report: string;
  counts: { tasks: number; created: number; changed: number; unchanged: number; removed: number; applied: number };
  changes: unknown[];
}

const APPLY_TIMEOUT_MS = 30 * 60_000;
/** The run whose figure goes to bench/summary.json (issue 18: 6,000 tasks in under 60 s). */
const REFERENCE = { rows: 2000, perRow: 3, rounds: 3 };

interface Phase {
  name: string;
  what: string;
  seconds: number;
  cpu: CpuUsage | null;
}

runBenchmark('import', async (shutdown, interrupted) => {
  const [rows, perRow, rounds] = intArgs('npm run bench -- import [ROWS rows, default 2000] [UNITS per row, default 3] [ROUNDS, default 3]', [2000, 3, 3]);
  const total = rows * perRow;
  useWorkflowBundle();
  const infra = await startInfra(shutdown, { log });
  const { campaignId: firstCampaign, taskQueue, db, api, checkWorker } = await startInProcess(infra, shutdown, 'import', log);
  log(`ROWS=${rows} rows × UNITS=${perRow} units = ${total} tasks, ${rounds} round(s); first campaign ${firstCampaign}, task queue ${taskQueue}; in-process API and worker (default options)`);

  // Reference data, not timed: the demo's people and campaign (the office must exist to import), then the
  // organisation and a catalog of ROWS indicators, each through its own GraphQL import.
  await seedDemoCampaign(db, firstCampaign);
  const units = generatedUnits(Math.max(24, perRow * 4));
  const org = await gql<{ importOrganisation: { status: string; report: string } }>(api, 'office', IMPORT_ORGANISATION, {
    input: { files: [{ fileName: '组织机构.xlsx', contentBase64: (await organisationXlsx(units)).toString('base64') }] },
  });
  if (org.importOrganisation.status !== 'APPLIED') throw new Error(`organisation import: ${org.importOrganisation.status}\n${org.importOrganisation.report}`);
  const indicators = generatedIndicators(rows);
  const catalog = await gql<{ importCatalog: { status: string; report: string; counts: { indicators: { created: number; changed: number; unchanged: number } } } }>(
    api,
    'office',
    IMPORT_CATALOG,
    { input: { fileName: '测评体系.xlsx', contentBase64: (await catalogXlsx(rows)).toString('base64') } },
  );
  if (catalog.importCatalog.status !== 'APPLIED') throw new Error(`catalog import: ${catalog.importCatalog.status}\n${catalog.importCatalog.report}`);
  const { n: indicatorCount } = await db.selectFrom('indicators').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(indicatorCount) !== rows) throw new Error(`catalog holds ${indicatorCount} indicators, expected ${rows}`);
  const breakdown = await breakdownXlsx(indicators, units, perRow);
  const contentBase64 = breakdown.file.toString('base64');
  log(`reference data imported (not timed): ${units.length} units, ${rows} indicators; the breakdown file is ${fmt(breakdown.file.byteLength / 1024, 0)} KiB`);
  if (interrupted()) return;

  const results: RoundResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Each round imports the same file into a campaign of its own (the demo's people, a new campaign row).
    const campaignId = round === 1 ? firstCampaign : `${firstCampaign}-${round}`;
    if (round > 1) await new DemoDataRepository(db).insertReferenceRows(DEMO_UNITS, DEMO_USERS, '!', { ...DEMO_CAMPAIGN, id: campaignId });
    log(`round ${round} of ${rounds}: campaign ${campaignId}`);
    results.push(await importRound(campaignId));
    if (interrupted()) return;
  }

  interface RoundResult {
    phases: Phase[];
    totalSeconds: number;
    totalCpu: CpuUsage | null;
    spread: { firstDecision: Date; lastDecision: Date; lastRecorded: Date; p50: number; p95: number };
  }

  async function importRound(campaignId: string): Promise<RoundResult> {
  // Timed.
  const profile = await startProfile(log);
  const phases: Phase[] = [];
  let mark = performance.now();
  let cpuMark: CpuSnapshot | null = cpuSnapshot(infra.temporal.pids(), infra.pgDataDir);
  const begin = mark;
  const cpuBegin = cpuMark;
  const endPhase = (name: string, what: string) => {
    const now = performance.now();
    const cpuNow = cpuSnapshot(infra.temporal.pids(), infra.pgDataDir);
    phases.push({ name, what, seconds: (now - mark) / 1000, cpu: cpuBetween(cpuMark, cpuNow, (now - mark) / 1000) });
    log(`  ${name}: ${fmt((now - mark) / 1000, 2)} s`);
    mark = now;
    cpuMark = cpuNow;
  };
  const upload = async (dryRun: boolean) =>
    (await gql<{ importTaskBreakdown: BreakdownOutcome }>(api, 'office', IMPORT_TASK_BREAKDOWN, { input: { campaignId, fileName: '任务分解表.xlsx', contentBase64, dryRun } }))
      .importTaskBreakdown;
  const cardCount = async () =>
    Number(
      (
        await db
          .selectFrom('indicator_task_cards')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('campaign_id', '=', campaignId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const checked = await upload(true);
  if (checked.status !== 'DRY_RUN' || checked.counts.created !== total) throw new Error(`check: ${checked.status}, ${JSON.stringify(checked.counts)}\n${checked.report}`);
  endPhase('check', 'upload + check (dryRun): parse the .xlsx, match every row against the catalog and the roster, list the changes');

  const committed = await upload(false);
  if (committed.status !== 'APPLYING' || !committed.id || committed.counts.created !== total) throw new Error(`import: ${committed.status}, ${JSON.stringify(committed.counts)}\n${committed.report}`);
  endPhase('commit', 'upload + import: the same checks, then the import, its items and the assignments in one transaction with the start of the import workflow');

  // Both ends are watched at once: the import's own status (as the CLI polls it) and the cards on the board.
  let allCardsAt: number | null = null;
  let cardsCpu: CpuSnapshot | null = null;
  const cardsWatch = waitFor(
    async () => {
      checkWorker();
      if ((await cardCount()) < total) return false;
      allCardsAt = performance.now();
      cardsCpu = cpuSnapshot(infra.temporal.pids(), infra.pgDataDir);
      return true;
    },
    APPLY_TIMEOUT_MS,
    `${total} cards`,
    100,
  );
  let applied = 0;
  await waitFor(
    async () => {
      checkWorker();
      const status = (await gql<{ taskBreakdownImport: { status: string; progress: { applied: number } } }>(api, 'office', IMPORT_STATUS, { id: committed.id })).taskBreakdownImport;
      applied = status.progress.applied;
      return status.status === 'APPLIED';
    },
    APPLY_TIMEOUT_MS,
    `import ${committed.id} applied`,
    250,
  );
  if (applied !== total) throw new Error(`import APPLIED with ${applied} changes applied, expected ${total}`);
  endPhase('workflows started', `until the import is APPLIED: the import workflow has started all ${total} indicator-task workflows (${IMPORT_BATCH_SIZE} per activity)`);
  await cardsWatch;
  // The cards may all be there before the import workflow marks its last batch applied.
  const cardsSeconds = Math.max(0, (allCardsAt! - mark) / 1000);
  phases.push({ name: 'cards on board', what: 'until every card is on the board (a projection row per task, written with its IndicatorTaskCreated event)', seconds: cardsSeconds, cpu: cardsSeconds > 0 ? cpuBetween(cpuMark, cardsCpu, cardsSeconds) : null });
  log(`  cards on board: ${fmt(cardsSeconds, 2)} s more`);
  const end = Math.max(mark, allCardsAt!);
  const totalSeconds = (end - begin) / 1000;
  const totalCpu = cpuBetween(cpuBegin, end === mark ? cpuMark : cardsCpu, totalSeconds);
  await profile?.(`import-${campaignId}`);

  // Where the time went inside the start: first start to last start, and start → first event on the board.
  const spread = await db
    .selectFrom('events')
    .select([
      sql<Date>`min(occurred_at)`.as('firstDecision'),
      sql<Date>`max(occurred_at)`.as('lastDecision'),
      sql<Date>`max(recorded_at)`.as('lastRecorded'),
      sql<number>`percentile_cont(0.5) within group (order by extract(epoch from recorded_at - occurred_at) * 1000)`.as('p50'),
      sql<number>`percentile_cont(0.95) within group (order by extract(epoch from recorded_at - occurred_at) * 1000)`.as('p95'),
    ])
    .where('stream_id', 'like', `indicator-task:${campaignId}:%`)
    .executeTakeFirstOrThrow();

  log(`  verify: ${await verifyImport(db, infra.client, campaignId, breakdown.tasks)}`);
  const again = await upload(false);
  if (again.status !== 'UNCHANGED' || again.id !== null || again.counts.unchanged !== total) throw new Error(`the same file again: ${again.status}, ${JSON.stringify(again.counts)}`);
  const { n: eventsAfter } = await db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).where('stream_id', 'like', `indicator-task:${campaignId}:%`).executeTakeFirstOrThrow();
  if (Number(eventsAfter) !== total) throw new Error(`${eventsAfter} events after importing the same file again, expected ${total}`);
  log('  the same file again: UNCHANGED, nothing written, nothing started: OK');
  return { phases, totalSeconds, totalCpu, spread };

  }

  const totals = results.map((r) => r.totalSeconds);
  const medianSeconds = median(totals);
  const sections = results.map((r, i) => {
    const lines = [`Round ${i + 1}: **${fmt(r.totalSeconds, 2)} s** (${fmt(total / r.totalSeconds, 1)} tasks/s)`, '', '| phase | s | cumulative s | what |', '|---|---:|---:|---|'];
    let cumulative = 0;
    for (const p of r.phases) {
      cumulative += p.seconds;
      lines.push(`| ${p.name} | ${fmt(p.seconds, 2)} | ${fmt(cumulative, 2)} | ${p.what} |`);
    }
    lines.push(
      '',
      `- Inside the start: the tasks' IndicatorTaskCreated events were decided from ${r.spread.firstDecision.toISOString().slice(11, 23)} to ${r.spread.lastDecision.toISOString().slice(11, 23)} (${fmt((r.spread.lastDecision.getTime() - r.spread.firstDecision.getTime()) / 1000, 2)} s, workflow time), the last recorded at ${r.spread.lastRecorded.toISOString().slice(11, 23)}; decision → append transaction, p50/p95: ${fmt(Number(r.spread.p50))}/${fmt(Number(r.spread.p95))} ms.`,
      ...r.phases.filter((p) => p.cpu !== null).map((p) => describeCpu(p.name, p.cpu, 'bench process (API + worker + client)')),
      describeCpu('the whole timed import', r.totalCpu, 'bench process (API + worker + client)'),
    );
    return lines.join('\n');
  });
  const body = [
    `${rows} rows × ${perRow} units = **${total} tasks** imported, started and on the board: **median of ${rounds} round(s) ${fmt(medianSeconds, 2)} s** (rounds ${totals.map((x) => fmt(x, 2)).join(', ')} s; target: 6,000 in under 60 s).`,
    '',
    `- Path: the board's GraphQL documents as the office (x-demo-user office) against an in-process API; an in-process worker (default options) runs the import workflow and the task workflows; ${temporalUnderBench()}. The catalog (${rows} indicators) and the organisation (${units.length} units) were imported through the same API before the clock started. Each round imports the same file into a new campaign; Temporal keeps the earlier rounds' workflows running.`,
    `- Verification after each round: ${total} cards in SELF_CHECK at version 1, exactly one IndicatorTaskCreated event per task, ${total} assignments, every import item applied, ${total} running workflows of the campaign counted by Temporal; importing the same file again answered UNCHANGED and wrote and started nothing: OK.`,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
  console.log(`\n${body}\n`);
  // Judged on each whole timed import: a phase of half a second is too short for the 5% rule (a few hundredths of a
  // CPU-second of a stray process would flag it), and what matters is what competed with the import as a whole.
  const wasDisturbed = results.some((r) => disturbed(r.totalCpu));
  if (wasDisturbed) log('WARNING: other processes competed for the CPU during a timed import (see its CPU line above)');
  const command = commandLine('import.bench.js', [rows, perRow, rounds]);
  appendSection(`import, ROWS=${rows}, UNITS=${perRow}, ${rounds} round(s)`, command, infra.machine, body);
  if (rows === REFERENCE.rows && perRow === REFERENCE.perRow && rounds >= REFERENCE.rounds && !wasDisturbed) {
    recordSummary({ import6000Seconds: { value: Math.round(medianSeconds * 10) / 10, command, note: `${total} tasks from upload to every card on the board, median of ${rounds} imports` } });
  } else {
    log(`bench/summary.json not written: only an undisturbed run of ${REFERENCE.rows} rows × ${REFERENCE.perRow} units and ${REFERENCE.rounds}+ rounds is the reference figure`);
  }
});
