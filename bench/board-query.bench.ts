// Board query benchmark: how fast the API answers every board a person opens, over a campaign of N indicator-task
// cards (default 10,000) and N/4 rectification items: the board's own `board` query (web/src/board/documents.ts:
// each column's count and first page of 50 cards), the same board under the web board's filters (not yet classified
// and overdue; a search for 社区), both applied by the API in SQL, the next page of its largest column (`boardColumn` after the first
// page's cursor), the approval queue's first pages (web/src/approvals/documents.ts), and the first page of the
// `tasks` list without and with its totalCount; for a community's member (its own cards), a lead department's member
// (its own cards and every card of the indicators it leads) and a supervisor (every card). The cards are written as
// events in bulk through the event store's own projections (bench/support/synthetic-events.ts), not as workflows.
// ROUNDS rounds (default 3) of every viewer's queries; each query's p95 is the median of the rounds' p95s, and the
// worst of them is the figure. An undisturbed run at 100,000 cards and 3+ rounds writes boardP95Ms100k to
// bench/summary.json.
//
//   npm run build && node dist/bench/board-query.bench.js [N cards=10000] [QUERIES=200] [ROUNDS=3]
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import { Pool } from 'pg';
import type { Database } from '../src/platform/database/database.types';
import type { Db } from '../src/platform/database/database';
import { readDemoCatalog } from '../src/demo/demo-catalog';
import { startApi } from '../src/platform/runtime/api-server';
import { freePort } from '../src/platform/runtime/ports';
import { inlineProjections } from '../src/platform/runtime/worker-runner';
import { STAGES } from '../workflows/indicator-task/indicator-task.types';
import { CARD } from '../web/src/api/documents';
import { APPROVAL_TASKS } from '../web/src/approvals/documents';
import { BOARD_PAGE, TASK_BOARD, TASK_BOARD_COLUMN } from '../web/src/board/documents';
import { recordSummary } from './support/summary';
import { appendSection, ascending, commandLine, cpuSince, createRunDatabase, describeCpu, disturbedOverall, fmt, intArgs, median, once, percentile, percentileCells, runBenchmark, runConfig, seedDemoCampaign, startInfra, type CpuUsage } from './support/harness';
import { extraUnits, itemEvents, taskEvents, unitCodesFor, writeEvents, writeInterleaved, type SyntheticCampaign } from './support/synthetic-events';

const log = (line: string) => console.log(`[board-query] ${line}`);

/**
 * Timed queries per viewer stop early once they have taken this long (at least MIN_QUERIES are always timed), and
 * warm-up queries once they have taken WARM_UP_BUDGET_MS (at least one), so that a whole-office board of 100,000
 * cards, tens of seconds a query, still ends in minutes.
 */
const TIME_BUDGET_MS = 120_000;
const MIN_QUERIES = 5;
const WARM_UP = 10;
const WARM_UP_BUDGET_MS = 30_000;

/** The run whose figure goes to bench/summary.json (issue 18: every board p95 < 100 ms at 100k cards). */
const REFERENCE = { n: 100_000, rounds: 3 };

const TASKS_FIRST_PAGE_COUNTED = `query TaskListPageCounted($campaign: String) {
  tasks(campaignId: $campaign, first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Card } } }
}
${CARD}`;
const TASKS_FIRST_PAGE = `query TaskListPage($campaign: String) {
  tasks(campaignId: $campaign, first: 50) { pageInfo { hasNextPage endCursor } edges { cursor node { ...Card } } }
}
${CARD}`;

/** The queries timed, as the table names them. */
type QueryKind = 'board' | 'filtered' | 'search' | 'column' | 'approvals' | 'tasks' | 'tasks+count';
const QUERY_LABELS: Record<QueryKind, string> = {
  board: 'board (TaskBoard)',
  filtered: 'board filtered: not yet classified and overdue',
  search: 'board searched for 社区',
  column: 'next page of the largest column (TaskBoardColumn)',
  approvals: 'approval queue (ApprovalTasks)',
  tasks: 'tasks, first 50',
  'tasks+count': 'tasks, first 50 with totalCount',
};

interface Viewer {
  login: string;
  label: string;
  /** The unit whose cards (done or led) the viewer sees; null for every card. */
  unit: string | null;
}

const VIEWERS: readonly Viewer[] = [
  { login: 'wtsq.member', label: 'community member (外滩社区: its own cards)', unit: 'WTSQ' },
  { login: 'pab.member', label: 'lead department member (平安办: its own cards + 9 of 40 indicators it leads)', unit: 'PAB' },
  { login: 'supervisor', label: 'supervisor (every card)', unit: null },
];

interface Timing {
  viewer: Viewer;
  query: QueryKind;
  round: number;
  cards: number;
  bytes: number;
  ms: number[];
  /** Per request: the sum of the durations of the SQL statements the API ran for it. */
  sqlMs: number[];
  statements: number;
  cpu: CpuUsage | null;
}

/** A Kysely like the API's (src/platform/database/database.ts), which also tells us every statement it runs and how long it took. */
function loggingDatabase(url: string, onQuery: (event: LogEvent) => void): Db {
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on('error', (err) => console.warn(`[database] idle connection lost: ${err.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: onQuery });
}

async function post(baseUrl: string, login: string, query: string, variables: Record<string, unknown>): Promise<{ text: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': login },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${login}: ${text.slice(0, 500)}`);
  return { text, ms };
}

interface BoardCard {
  id: string;
  stage: string;
  unit: { code: string };
  leadUnit: { code: string };
  allowedActions: string[];
}

/** Cards per column page the board benchmark asks for: the web board's own (web/src/board/useBoardData.ts). */
const BOARD_FIRST = BOARD_PAGE;

/**
 * The board as the viewer must see it: the columns' counts add up to exactly the cards the database holds for them;
 * each column holds its first page (BOARD_FIRST cards, or all when fewer), each card once, in its stage's column.
 */
function checkBoard(text: string, viewer: Viewer, expected: number): number {
  const body = JSON.parse(text) as { data?: { board: { columns: { stage: string; count: number; cards: BoardCard[] }[] } }; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`board for ${viewer.login} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const seen = new Set<string>();
  let counted = 0;
  for (const column of body.data.board.columns) {
    counted += column.count;
    if (column.cards.length !== Math.min(BOARD_FIRST, column.count)) throw new Error(`board for ${viewer.login}: ${column.cards.length} cards in ${column.stage} of ${column.count}`);
    for (const card of column.cards) {
      if (card.stage !== column.stage) throw new Error(`board for ${viewer.login}: card ${card.id} (${card.stage}) in column ${column.stage}`);
      if (viewer.unit && card.unit.code !== viewer.unit && card.leadUnit.code !== viewer.unit) throw new Error(`board for ${viewer.login} shows ${card.id} of ${card.unit.code}`);
      if (seen.has(card.id)) throw new Error(`board for ${viewer.login} shows ${card.id} twice`);
      seen.add(card.id);
    }
  }
  if (counted !== expected) throw new Error(`board for ${viewer.login}: columns count ${counted} cards, expected ${expected}`);
  return seen.size;
}

function checkTasks(text: string, viewer: Viewer, expected: number, counted: boolean): number {
  const body = JSON.parse(text) as { data?: { tasks: { totalCount?: number; edges: { node: BoardCard }[] } }; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`tasks for ${viewer.login} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const { totalCount, edges } = body.data.tasks;
  if (counted && totalCount !== expected) throw new Error(`tasks for ${viewer.login}: totalCount ${totalCount}, expected ${expected}`);
  if (edges.length !== Math.min(50, expected)) throw new Error(`tasks for ${viewer.login}: ${edges.length} rows on the first page`);
  for (const { node } of edges) if (viewer.unit && node.unit.code !== viewer.unit && node.leadUnit.code !== viewer.unit) throw new Error(`tasks for ${viewer.login} shows ${node.id} of ${node.unit.code}`);
  return edges.length;
}

/** The next page of a column: the cards after the first page, each in the column, visible to the viewer, none of the first page. */
function checkColumn(text: string, viewer: Viewer, column: { stage: string; count: number; firstPage: Set<string> }): number {
  const body = JSON.parse(text) as { data?: { boardColumn: { cards: BoardCard[] } }; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`boardColumn for ${viewer.login} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const { cards } = body.data.boardColumn;
  if (cards.length !== Math.min(BOARD_FIRST, column.count - BOARD_FIRST)) throw new Error(`boardColumn for ${viewer.login}: ${cards.length} cards on the second page of ${column.count}`);
  for (const card of cards) {
    if (card.stage !== column.stage) throw new Error(`boardColumn for ${viewer.login}: card ${card.id} (${card.stage}) in ${column.stage}`);
    if (viewer.unit && card.unit.code !== viewer.unit && card.leadUnit.code !== viewer.unit) throw new Error(`boardColumn for ${viewer.login} shows ${card.id} of ${card.unit.code}`);
    if (column.firstPage.has(card.id)) throw new Error(`boardColumn for ${viewer.login}: ${card.id} was on the first page too`);
  }
  return cards.length;
}

/** The approval queue's first page: the viewer's tasks with a decision waiting for them, none of another unit's. */
function checkApprovals(text: string, viewer: Viewer): number {
  const body = JSON.parse(text) as { data?: { tasks: { edges: { node: BoardCard & { allowedActions: string[] } }[] } }; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`approval queue for ${viewer.login} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const cards = body.data.tasks.edges.map((e) => e.node);
  if (cards.length > BOARD_FIRST) throw new Error(`approval queue for ${viewer.login}: ${cards.length} cards on a page of ${BOARD_FIRST}`);
  for (const card of cards) {
    if (viewer.unit && card.unit.code !== viewer.unit && card.leadUnit.code !== viewer.unit) throw new Error(`approval queue for ${viewer.login} shows ${card.id} of ${card.unit.code}`);
  }
  return cards.length;
}

runBenchmark('board-query', async (shutdown) => {
  const [n, queries, rounds] = intArgs('node dist/bench/board-query.bench.js [N cards=10000] [QUERIES=200] [ROUNDS=3]', [10_000, 200, 3]);
  const items = Math.floor(n / 4);
  const infra = await startInfra(shutdown, { log });
  const suffix = randomBytes(4).toString('hex');
  const campaignId = `bench-board-${suffix}`;
  const { url, db: seedDb } = await createRunDatabase(infra.pg.url, `bench_board_${suffix}`);
  shutdown.add('数据库连接 / database pool (seeding)', once(() => seedDb.destroy()));

  // Seeding (not timed): the demo's catalog, units and people, more units so that each has about one card per
  // indicator, then the events.
  const catalog = readDemoCatalog();
  const unitCodes = unitCodesFor(n, catalog);
  await seedDemoCampaign(seedDb, campaignId, catalog);
  const extra = extraUnits(unitCodes.length - 12);
  for (let i = 0; i < extra.length; i += 1000) await seedDb.insertInto('units').values(extra.slice(i, i + 1000)).execute();
  const campaign: SyntheticCampaign = { campaignId, catalog, unitCodes, start: new Date('2026-09-01T01:00:00Z') };
  const projections = inlineProjections();
  const seedBegin = performance.now();
  let events = 0;
  function* streams() {
    for (let i = 0; i < n; i++) {
      yield taskEvents(campaign, i);
      // An item every fourth task, so that the items come in among the tasks, as on a live campaign.
      if (i % 4 === 3) yield itemEvents(campaign, (i - 3) / 4, n);
    }
  }
  await writeInterleaved(streams(), 400, 4000, async (batch) => {
    await writeEvents(seedDb, batch, projections);
    events += batch.length;
  });
  // As autovacuum leaves a table after a bulk of inserts: statistics, and the visibility map that lets PostgreSQL
  // count a column from an index alone.
  await sql`vacuum analyze`.execute(seedDb);
  const seedSeconds = (performance.now() - seedBegin) / 1000;
  const counts = await sql<{ cards: string; items: string }>`
    select (select count(*) from indicator_task_cards where campaign_id = ${campaignId}) as cards,
           (select count(*) from rectification_item_cards where campaign_id = ${campaignId}) as items`.execute(seedDb);
  if (Number(counts.rows[0].cards) !== n || Number(counts.rows[0].items) !== items) {
    throw new Error(`seeding: ${counts.rows[0].cards} cards and ${counts.rows[0].items} items, expected ${n} and ${items}`);
  }
  const stages = await seedDb
    .selectFrom('indicator_task_cards')
    .select(['stage', (eb) => eb.fn.countAll<string>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('stage')
    .execute();
  const byStage = new Map(stages.map((s) => [s.stage, Number(s.n)]));
  log(`seeded ${n} cards and ${items} items (${events} events, ${unitCodes.length} units) in ${fmt(seedSeconds, 1)} s; by stage: ${STAGES.map((s) => `${s} ${byStage.get(s) ?? 0}`).join(', ')}`);

  // What each viewer must see, counted by SQL on the projection, not through the API.
  // The board and the list show a unit's member the tasks the unit does or leads (access-policy.ts).
  const expected = new Map<string, number>();
  for (const viewer of VIEWERS) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from indicator_task_cards
       where campaign_id = ${campaignId} and (${viewer.unit}::text is null or unit_code = ${viewer.unit} or lead_unit_code = ${viewer.unit})`.execute(seedDb);
    expected.set(viewer.login, Number(rows[0].n));
  }

  // The filtered boards (the web board's filters, applied by the API in SQL), counted here with plain joins.
  const FILTERED = { classified: false, overdue: true };
  const SEARCH = { search: '社区' };
  const expectedFiltered = new Map<string, number>();
  const expectedSearch = new Map<string, number>();
  for (const viewer of VIEWERS) {
    const visible = sql`(${viewer.unit}::text is null or c.unit_code = ${viewer.unit} or c.lead_unit_code = ${viewer.unit})`;
    const filtered = await sql<{ n: string }>`
      select count(*) as n from indicator_task_cards c
       where c.campaign_id = ${campaignId} and ${visible} and c.classification is null
         and c.stage <> 'ARCHIVED' and coalesce(c.stage_due_at, c.due_at) < now()`.execute(seedDb);
    expectedFiltered.set(viewer.login, Number(filtered.rows[0].n));
    const searched = await sql<{ n: string }>`
      select count(*) as n from indicator_task_cards c
        join indicators i on i.code = c.indicator_code join assessment_items ai on ai.code = i.item_code
        join units u on u.code = c.unit_code join units lu on lu.code = c.lead_unit_code
       where c.campaign_id = ${campaignId} and ${visible}
         and (i.code ilike '%社区%' or i.name ilike '%社区%' or ai.name ilike '%社区%' or u.name ilike '%社区%' or lu.name ilike '%社区%')`.execute(seedDb);
    expectedSearch.set(viewer.login, Number(searched.rows[0].n));
  }
  log(`filtered boards: ${VIEWERS.map((v) => `${v.login} ${expectedFiltered.get(v.login)} not yet classified and overdue, ${expectedSearch.get(v.login)} found by 社区`).join('; ')}`);

  // The API, on a database handle that records every statement it runs.
  let statements: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
  const apiDb = loggingDatabase(url, (event) => {
    if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  });
  shutdown.add('数据库连接 / database pool (API)', once(() => apiDb.destroy()));
  const port = await freePort();
  const config = runConfig(infra.temporal.address, `bench-board-${suffix}`, port);
  const app = await startApi({ config, databaseUrl: url, db: apiDb, temporal: infra.client, temporalUiUrl: null }, { port });
  shutdown.add('API', once(() => app.close()));
  const baseUrl = `http://127.0.0.1:${port}`;

  // What each viewer's board looks like, once: the largest column whose second page the `column` query reads.
  const largest = new Map<string, { stage: string; count: number; after: string; firstPage: Set<string> } | null>();
  for (const viewer of VIEWERS) {
    const { text } = await post(baseUrl, viewer.login, TASK_BOARD, { campaign: campaignId, first: BOARD_FIRST });
    checkBoard(text, viewer, expected.get(viewer.login)!);
    const columns = (JSON.parse(text) as { data: { board: { columns: { stage: string; count: number; pageInfo: { endCursor: string | null }; cards: BoardCard[] }[] } } }).data.board.columns;
    const biggest = [...columns].sort((a, b) => b.count - a.count)[0];
    largest.set(viewer.login, biggest && biggest.count > BOARD_FIRST && biggest.pageInfo.endCursor ? { stage: biggest.stage, count: biggest.count, after: biggest.pageInfo.endCursor, firstPage: new Set(biggest.cards.map((c) => c.id)) } : null);
  }

  const timings: Timing[] = [];
  const plans: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const viewer of VIEWERS) {
      const count = expected.get(viewer.login)!;
      const column = largest.get(viewer.login) ?? null;
      const kinds: [QueryKind, string, Record<string, unknown>, (text: string) => number][] = [
        ['board', TASK_BOARD, { campaign: campaignId, first: BOARD_FIRST }, (text) => checkBoard(text, viewer, count)],
        ['filtered', TASK_BOARD, { campaign: campaignId, first: BOARD_FIRST, filter: FILTERED }, (text) => checkBoard(text, viewer, expectedFiltered.get(viewer.login)!)],
        ['search', TASK_BOARD, { campaign: campaignId, first: BOARD_FIRST, filter: SEARCH }, (text) => checkBoard(text, viewer, expectedSearch.get(viewer.login)!)],
        ...(column ? [['column', TASK_BOARD_COLUMN, { campaign: campaignId, stage: column.stage, first: BOARD_FIRST, after: column.after }, (text: string) => checkColumn(text, viewer, column)] as [QueryKind, string, Record<string, unknown>, (text: string) => number]] : []),
        ['approvals', APPROVAL_TASKS, { campaign: campaignId, first: BOARD_FIRST }, (text) => checkApprovals(text, viewer)],
        ['tasks', TASKS_FIRST_PAGE, { campaign: campaignId }, (text) => checkTasks(text, viewer, count, false)],
        ['tasks+count', TASKS_FIRST_PAGE_COUNTED, { campaign: campaignId }, (text) => checkTasks(text, viewer, count, true)],
      ];
      for (const [kind, document, variables, check] of kinds) {
        const warmBegin = performance.now();
        for (let i = 0; i < WARM_UP && (i === 0 || performance.now() - warmBegin < WARM_UP_BUDGET_MS); i++) {
          check((await post(baseUrl, viewer.login, document, variables)).text);
        }
        const timing: Timing = { viewer, query: kind, round, cards: 0, bytes: 0, ms: [], sqlMs: [], statements: 0, cpu: null };
        const cpuOfQueries = cpuSince(infra);
        const begin = performance.now();
        for (let i = 0; i < queries; i++) {
          if (i >= MIN_QUERIES && performance.now() - begin > TIME_BUDGET_MS) break;
          statements = [];
          const { text, ms } = await post(baseUrl, viewer.login, document, variables);
          timing.ms.push(ms);
          timing.sqlMs.push(statements.reduce((sum, s) => sum + s.ms, 0));
          timing.statements = statements.length;
          timing.bytes = Buffer.byteLength(text);
          timing.cards = check(text);
        }
        timing.cpu = cpuOfQueries((performance.now() - begin) / 1000);
        // The plans of the last round's statements that read the cards, run again under EXPLAIN ANALYZE.
        for (const statement of round === rounds ? statements.filter((s) => s.sql.includes('"indicator_task_cards"')) : []) {
          const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${inline(statement.sql, statement.parameters)}`).execute(seedDb);
          const plan = rows.map((r) => r['QUERY PLAN']);
          console.log(`\n${viewer.login} ${kind}: ${statement.sql}\n${plan.join('\n')}`);
          // For the record, what decides the time: the scans, the sorts and the execution time.
          const gist = plan.filter((line, i) => i === 0 || /Scan|Sort Method|Execution Time/.test(line));
          plans.push(`${viewer.login} ${kind}, ${fmt(statement.ms)} ms in the last request:\n${gist.map((line) => `  ${line}`).join('\n')}`);
        }
        timings.push(timing);
        log(
          `round ${round}, ${viewer.login} ${kind}: ${timing.ms.length} queries, ${timing.cards} cards, ${fmt(timing.bytes / 1024, 0)} KiB; p50 ${fmt(percentile(ascending(timing.ms), 50))} ms, ` +
            `p95 ${fmt(percentile(ascending(timing.ms), 95))} ms; SQL p50 ${fmt(percentile(ascending(timing.sqlMs), 50))} ms (${timing.statements} statements)`,
        );
      }
    }
  }

  // Per viewer and query: the median of the rounds' p95; the figure is the worst of these.
  const medians = VIEWERS.flatMap((viewer) =>
    (Object.keys(QUERY_LABELS) as QueryKind[]).flatMap((query) => {
      const ofRounds = timings.filter((t) => t.viewer === viewer && t.query === query);
      return ofRounds.length === 0 ? [] : [{ viewer, query, p95s: ofRounds.map((t) => percentile(ascending(t.ms), 95)), p95: median(ofRounds.map((t) => percentile(ascending(t.ms), 95))) }];
    }),
  );
  const worst = medians.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  // Judged over all the timed queries together: one viewer's few fast queries last a tenth of a second.
  const wasDisturbed = disturbedOverall(timings.map((t) => t.cpu));

  const table = [
    `Worst p95 (median of ${rounds} round(s)): **${fmt(worst.p95)} ms**, ${worst.viewer.login}'s ${QUERY_LABELS[worst.query]} (target < 100 ms at 100,000 cards).`,
    '',
    '| viewer | query | p95 ms per round | median p95 ms |',
    '|---|---|---|---:|',
    ...medians.map((m) => `| ${m.viewer.login} | ${QUERY_LABELS[m.query]} | ${m.p95s.map((x) => fmt(x)).join(', ')} | ${fmt(m.p95)} |`),
    '',
    `The last round in detail:`,
    '',
    '| viewer | query | cards | response KiB | queries | p50 ms | p95 ms | p99 ms | SQL p50 ms | SQL p95 ms | statements |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...timings.filter((t) => t.round === rounds).map((t) => {
      const ms = ascending(t.ms);
      const sqlMs = ascending(t.sqlMs);
      return (
        `| ${t.viewer.login} | ${QUERY_LABELS[t.query]} | ${t.cards} | ${fmt(t.bytes / 1024, 0)} | ${t.ms.length} | ` +
        `${percentileCells(ms)} | ${percentileCells(sqlMs, [50, 95])} | ${t.statements} |`
      );
    }),
  ].join('\n');
  const notes = [
    `- Data: one campaign of ${n} indicator-task cards and ${items} rectification items (${events} events), over ${unitCodes.length} units (the demo's 12 and made-up communities, about one task per unit and indicator of the demo's ${catalog.length}); by stage ${STAGES.map((s) => `${s} ${byStage.get(s) ?? 0}`).join(', ')}. Written in ${fmt(seedSeconds, 1)} s as events in bulk through the event store's inline projections, then ANALYZE (not timed).`,
    `- Viewers: ${VIEWERS.map((v) => `\`${v.login}\` = ${v.label}`).join('; ')}. Authenticated with the development header x-demo-user (one users lookup per request).`,
    `- Each query: one HTTP POST /graphql, one at a time, from sending to the last byte of the response (not parsing it); up to ${WARM_UP} warm-up queries first (fewer when they take over ${WARM_UP_BUDGET_MS / 1000} s). At most ${queries} per viewer and query, fewer when they take over ${TIME_BUDGET_MS / 1000} s (at least ${MIN_QUERIES}). The board query is the board's own document (web/src/board/documents.ts TaskBoard: every column's count and first ${BOARD_FIRST} cards with the BoardCard fragment); the column page is TaskBoardColumn after the first page's endCursor of the viewer's largest column; the approval queue is web/src/approvals/documents.ts ApprovalTasks (the first ${BOARD_FIRST} tasks with a decision waiting for the viewer); the list is \`tasks(first: 50)\` with the Card fragment, without and with totalCount.`,
    `- SQL columns: the sum of the durations of every statement the API ran for one request (Kysely's query log: from sending the statement to its rows in Node, so including the transfer and pg's parsing of the rows), and how many statements a request ran. The rest of a request is Nest/Apollo: resolving every field of every card, serialising and sending the JSON.`,
    `- Verified on every response: no errors; the board's column counts add up to exactly the cards the database holds for the viewer (counted by SQL on the projection), each card once, each in its stage's column, a unit's member only its own or led cards; the column page the cards after the first page; the list a full first page and, when asked, the right totalCount.`,
    `- Time per card beyond the SQL (board p50 − SQL p50, per card): ${timings
      .filter((t) => t.query === 'board' && t.round === rounds && t.cards > 0)
      .map((t) => `${t.viewer.login} ${fmt((1000 * (percentile(ascending(t.ms), 50) - percentile(ascending(t.sqlMs), 50))) / t.cards, 0)} µs`)
      .join(', ')}: what the API spends on each card of a board (resolving its fields, serialising, sending).`,
    ...timings.filter((t) => t.query === 'board' && t.round === rounds).map((t) => describeCpu(`${t.viewer.login}'s board queries (last round)`, t.cpu, 'bench process (API + client)')),
    ...(wasDisturbed ? ['- **WARNING: other processes competed for the CPU during some queries (see bench output); these figures are disturbed.**'] : []),
  ];
  const body = [table, '', ...notes, '', 'Plans of the statements that read the cards in the last request (EXPLAIN ANALYZE, run once more after the timed queries; scans, sorts and execution time only, the whole plans are in the console output):', '', '```', ...plans, '```'].join('\n');
  console.log(`\n${body}\n`);
  const command = commandLine('board-query.bench.js', [n, queries, rounds]);
  appendSection(`board query, N=${n}, QUERIES=${queries}, ${rounds} round(s)`, command, infra.machine, body);
  if (n === REFERENCE.n && rounds >= REFERENCE.rounds && !wasDisturbed) {
    recordSummary({ boardP95Ms100k: { value: Math.round(worst.p95 * 10) / 10, command, note: `worst p95 in ms over every viewer and board query (${worst.viewer.login}: ${QUERY_LABELS[worst.query]}), median of ${rounds} rounds, ${n} cards` } });
  } else {
    log(`bench/summary.json not written: only an undisturbed run at ${REFERENCE.n} cards and ${REFERENCE.rounds}+ rounds is the reference figure`);
  }
});

/** The statement with its parameters written in, for EXPLAIN (which takes no parameters). */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, k: string) => {
    const value = parameters[Number(k) - 1];
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    // An array parameter (`= any($1)`) as an array literal, its type taken from the comparison.
    if (Array.isArray(value)) return `'{${value.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`).replace(/'/g, "''")}"`).join(',')}}'`;
    const raw = value instanceof Date ? value.toISOString() : String(value);
    return `'${raw.replace(/'/g, "''")}'`;
  });
}
