// Board rendering benchmark: how long the React board (web/dist, or WEB_DIR) takes to show a board of N indicator
// task cards (default 2,000) in Chromium at 1366×768, as a supervisor who sees them all, and how it responds
// afterwards (switching to swimlanes, typing in the search, picking a card up). Starts its own embedded PostgreSQL,
// Temporal dev server (the API needs one to start) and API on free ports in a temporary folder; the cards are
// written as events through the event store (so the board's projection is the real one), not as workflows.
// Appends the figures to bench/results/board-render.md.
//
//   npm run build && node dist/bench/board-render.bench.js [N=2000] [RUNS=3]
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/auth/passwords';
import { loadConfig } from '../src/platform/config/config';
import { createDatabase, migrateToLatest, type Db } from '../src/platform/database/database';
import { readDemoCatalog } from '../src/demo/demo-catalog';
import { DEMO_UNITS } from '../src/demo/demo-organisation';
import { startApi } from '../src/platform/runtime/api-server';
import { EmbeddedPostgresServer } from '../src/platform/runtime/embedded-postgres';
import { freePort, isPortFree } from '../src/platform/runtime/ports';
import { projectRoot } from '../src/platform/runtime/project-paths';
import { Shutdown } from '../src/platform/runtime/shutdown';
import { resolveTemporalCli } from '../src/platform/runtime/temporal-binaries';
import { TemporalDevServer } from '../src/platform/runtime/temporal-dev-server';
import { createEventStore } from '../src/platform/runtime/worker-runner';
import { appendToResults, median, seedDemoCampaign } from './support/harness';
import { connectClient } from '../src/platform/temporal/temporal-connection';
import { indicatorTaskWorkflowId } from '../workflows/indicator-task/indicator-task.messages';
import { DEFAULT_TASK_POLICY, type Classification } from '../workflows/indicator-task/indicator-task.types';
import { SYSTEM_ACTOR } from '../workflows/shared/actor.types';

const NAMESPACE = 'chuangwen-bench';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (line: string) => console.log(`[board-bench] ${line}`);

function parseArgs(): { n: number; runs: number } {
  const [nArg, runsArg] = process.argv.slice(2);
  const n = nArg === undefined ? 2000 : Number(nArg);
  const runs = runsArg === undefined ? 3 : Number(runsArg);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) throw new Error(`usage: node dist/bench/board-render.bench.js [N cards, default 2000] [RUNS, default 3]`);
  return { n, runs };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/**
 * N cards spread over the stages as a campaign in progress would have them: new, awaiting review, in rectification,
 * in a mock assessment, in consolidation, archiving. Ids are unique past the catalog's 40 × 12 pairs.
 */
async function seedCards(db: Db, campaignId: string, n: number): Promise<void> {
  const catalog = readDemoCatalog();
  const store = createEventStore(db);
  const at = new Date();
  const meta = (streamId: string) => ({ actor: SYSTEM_ACTOR, causationId: streamId, correlationId: streamId, workflowId: streamId, runId: 'bench' });
  const classifications: Classification[] = ['MET', 'NOT_MET', 'UNKNOWN', 'RELAPSE_PRONE'];
  const jobs = Array.from({ length: n }, (_, i) => async () => {
    const row = catalog[i % catalog.length];
    const unit = DEMO_UNITS[Math.floor(i / catalog.length) % DEMO_UNITS.length].code;
    const round = Math.floor(i / (catalog.length * DEMO_UNITS.length));
    const streamId = `${indicatorTaskWorkflowId(campaignId, row.code, unit)}${round ? `:${round}` : ''}`;
    const dueAt = new Date(at.getTime() + ((i % 60) - 10) * 86_400_000).toISOString();
    const events: { type: string; data: Record<string, unknown> }[] = [
      { type: 'IndicatorTaskCreated', data: { campaignId, indicatorCode: row.code, unitCode: unit, leadUnitCode: 'XCB', dueAt, policy: DEFAULT_TASK_POLICY } },
    ];
    // 0 new; 1 awaiting review; confirmed 2 NOT_MET → 整改, 3 UNKNOWN → 模拟测评, 4 MET or RELAPSE_PRONE → 巩固; 5 归档.
    const kind = i % 6;
    const classification: Classification = kind === 1 ? classifications[i % 4] : kind === 2 ? 'NOT_MET' : kind === 3 ? 'UNKNOWN' : i % 2 ? 'RELAPSE_PRONE' : 'MET';
    if (kind >= 1) events.push({ type: 'SelfCheckSubmitted', data: { classification, note: '自查说明' } });
    if (kind >= 2) events.push({ type: 'SelfCheckConfirmed', data: { classification, note: '' } });
    if (kind === 5) events.push({ type: 'ArchivingStarted', data: { note: '', materials: [{ code: `${row.code}-M1`, name: '档案材料' }] } });
    await store.append({
      streamId,
      events: events.map((e, v) => ({ eventId: randomUUID(), streamVersion: v + 1, type: e.type, data: e.data, metadata: meta(streamId), occurredAt: at.toISOString() })),
    });
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

interface Sample {
  /** Sign-in pressed → every card counted and the first cards on screen. */
  signInToBoard: number;
  /** The board query's request → response (server and transfer). */
  boardQuery: number;
  boardBytes: number;
  /** Main-thread tasks over 50 ms between sign-in and the board shown: their sum and the longest. */
  longTasks: number;
  longestTask: number;
  /** Swimlanes by unit chosen → lanes on screen. */
  lanes: number;
  /** A search typed → the board narrowed. */
  search: number;
  /** Pointer down and moved on a card → the allowed columns highlighted. */
  dragStart: number;
  cardsInDom: number;
}

async function sample(browser: Browser, url: string, n: number): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // In the page (as text: this file is compiled without the DOM's types): every main-thread task over 50 ms.
  await page.addInitScript({
    content: `window.benchLongTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });`,
  });
  let boardQuery = 0;
  let boardBytes = 0;
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/graphql') || !(request.postData() ?? '').includes('query TaskBoard')) return;
    const t = request.timing();
    boardQuery = t.responseEnd - t.requestStart;
    void request.response().then((r) => r?.body().then((b) => (boardBytes = b.length)));
  });
  await page.goto(`${url}/`);
  await page.getByLabel('登录名').fill('supervisor');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  const clickedAt = await page.evaluate<number>('performance.now()');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Every card counted (the columns' counts); the cards loaded are each column's first page.
  await page.getByTestId('board-count').filter({ hasText: `/ 共 ${n} 张` }).waitFor({ timeout: 120_000 });
  const loaded = Number(/显示 (\d+) \//.exec((await page.getByTestId('board-count').textContent()) ?? '')?.[1] ?? n);
  await page.locator('[data-card-id]').first().waitFor();
  const shownAt = await page.evaluate<number>('new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))');
  const tasks = await page.evaluate<{ start: number; duration: number }[]>(`window.benchLongTasks.filter((t) => t.start >= ${clickedAt} && t.start <= ${shownAt})`);
  const cardsInDom = await page.locator('[data-card-id]').count();

  const timed = async (act: () => Promise<void>, done: () => Promise<void>) => {
    const start = Date.now();
    await act();
    await done();
    return Date.now() - start;
  };
  const lanes = await timed(
    async () => {
      await page.getByRole('combobox', { name: '泳道' }).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '按责任单位' }).click();
    },
    () => page.locator('.board-lane-head').first().waitFor(),
  );
  const search = await timed(
    () => page.getByRole('searchbox', { name: '搜索' }).fill('公益广告'),
    () => page.getByTestId('board-count').filter({ hasNotText: `显示 ${loaded} /` }).waitFor(),
  );
  await page.getByRole('searchbox', { name: '搜索' }).fill('');
  const handle = await page.locator('[data-card-id] .card-handle').first().boundingBox();
  if (!handle) throw new Error('no card on screen');
  const dragStart = await timed(
    async () => {
      await page.mouse.move(handle.x + 10, handle.y + 10);
      await page.mouse.down();
      await page.mouse.move(handle.x + 40, handle.y + 30, { steps: 3 });
    },
    () => page.locator('.board-cell.drop-denied').first().waitFor(),
  );
  await page.mouse.up();
  await context.close();
  if (errors.length) throw new Error(`errors on the page: ${errors.join('; ')}`);
  return {
    signInToBoard: shownAt - clickedAt,
    boardQuery,
    boardBytes,
    longTasks: tasks.reduce((s, t) => s + t.duration, 0),
    longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    lanes,
    search,
    dragStart,
    cardsInDom,
  };
}

async function main(): Promise<void> {
  const { n, runs } = parseArgs();
  const root = projectRoot();
  const webDir = path.resolve(root, process.env.WEB_DIR ?? 'web/dist');
  if (!fs.existsSync(path.join(webDir, 'index.html'))) throw new Error(`${webDir}/index.html is missing: run npm run build first`);
  const shutdown = new Shutdown(log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-board-bench-'));
  fs.chmodSync(dir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  shutdown.onSignals(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    const cli = resolveTemporalCli(log);
    const [pgPort, temporalPort, httpPort, metricsPort, apiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    log(`starting embedded PostgreSQL (port ${pgPort}) and the Temporal dev server (port ${temporalPort}) in ${dir}`);
    const pg = await EmbeddedPostgresServer.start({ dataDir: path.join(dir, 'postgres'), port: pgPort, database: 'bench' });
    shutdown.add('内置 PostgreSQL / embedded PostgreSQL', async () => {
      if (!(await isPortFree(pgPort))) await pg.stop();
    });
    const temporal = await TemporalDevServer.start({ cli, port: temporalPort, uiPort: null, httpPort, metricsPort, dbFile: null, namespace: NAMESPACE, logFile: path.join(dir, 'temporal.log') });
    shutdown.add('Temporal 开发服务器 / Temporal dev server', () => temporal.stop());
    const client = await connectClient({ address: temporal.address, namespace: NAMESPACE, taskQueue: 'unused', tls: null, apiKey: null });
    shutdown.add('Temporal 客户端 / Temporal client', () => client.connection.close());

    const admin = new PgClient({ connectionString: pg.url });
    await admin.connect();
    const name = `bench_board_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const pgVersion = (await admin.query<{ version: string }>('select version()')).rows[0].version;
    await admin.end();
    const url = pg.url.replace(/\/[^/]+$/, `/${name}`);
    const db = createDatabase(url);
    shutdown.add('数据库连接 / database pool', () => db.destroy());
    await migrateToLatest(db);
    const campaignId = `bench-board-${randomBytes(4).toString('hex')}`;
    await seedDemoCampaign(db, campaignId);
    const seedStart = Date.now();
    await seedCards(db, campaignId, n);
    log(`wrote ${n} cards as events in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    const config = loadConfig({
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: `bench-board-${randomBytes(4).toString('hex')}`,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      DEMO_DATA: 'false',
      DEMO_IDENTITY_HEADER: 'false',
      LOG_LEVEL: 'error',
      WEB_DIR: webDir,
    });
    const app = await startApi({ config, databaseUrl: url, db, temporal: client, temporalUiUrl: null }, { port: apiPort });
    shutdown.add('API', () => app.close());
    const baseUrl = `http://127.0.0.1:${apiPort}`;

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    shutdown.add('Chromium', () => browser.close());
    const chromiumVersion = browser.version();
    log(`warming up (one load, not counted)`);
    await sample(browser, baseUrl, n);
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const s = await sample(browser, baseUrl, n);
      log(`run ${i + 1}: sign-in → board ${ms(s.signInToBoard)} (query ${ms(s.boardQuery)}, ${(s.boardBytes / 1024).toFixed(0)} KiB), long tasks ${ms(s.longTasks)} (longest ${ms(s.longestTask)}), lanes ${ms(s.lanes)}, search ${ms(s.search)}, drag start ${ms(s.dragStart)}, ${s.cardsInDom} cards in the page`);
      samples.push(s);
    }
    const m = (k: keyof Sample) => median(samples.map((s) => s[k]));
    const cpus = os.cpus();
    const section = [
      `## Board render, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} (bench/board-render.bench.ts)`,
      '',
      `Command: \`node dist/bench/board-render.bench.js ${n} ${runs}\`. ${n} indicator task cards (written as events, spread over the six stages), shown to a supervisor (who sees them all) in Chromium ${chromiumVersion}, headless, 1366×768; web build ${webDir.startsWith(`${root}${path.sep}`) ? path.relative(root, webDir) : webDir}. Median of ${runs} runs after one warm-up.`,
      '',
      `- Machine: ${os.type()} ${os.release()}, ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, Node.js ${process.version}, ${execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim()}, ${pgVersion.split(' on ')[0]}`,
      `- Load average at the end (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
      '',
      '| measure | median | runs |',
      '|---|---:|---|',
      `| sign-in pressed → all ${n} cards counted, each column's first page loaded, first cards painted | ${ms(m('signInToBoard'))} | ${samples.map((s) => ms(s.signInToBoard)).join(', ')} |`,
      `| of which the board query (request → last byte), ${(m('boardBytes') / 1024).toFixed(0)} KiB of JSON | ${ms(m('boardQuery'))} | ${samples.map((s) => ms(s.boardQuery)).join(', ')} |`,
      `| main-thread long tasks (> 50 ms) in that time, sum | ${ms(m('longTasks'))} | ${samples.map((s) => ms(s.longTasks)).join(', ')} |`,
      `| the longest of them | ${ms(m('longestTask'))} | ${samples.map((s) => ms(s.longestTask)).join(', ')} |`,
      `| swimlanes by unit chosen → lanes painted | ${ms(m('lanes'))} | ${samples.map((s) => ms(s.lanes)).join(', ')} |`,
      `| search typed → board narrowed | ${ms(m('search'))} | ${samples.map((s) => ms(s.search)).join(', ')} |`,
      `| card picked up with the pointer → columns highlighted | ${ms(m('dragStart'))} | ${samples.map((s) => ms(s.dragStart)).join(', ')} |`,
      `| cards in the page (the rest behind「显示更多」) | ${m('cardsInDom')} | |`,
      '',
      'The last three are timed from the test driver (Playwright), so they include its round trips (a few ms each).',
      '',
    ].join('\n');
    console.log(`\n${section}`);
    appendToResults(path.join(root, 'bench/results/board-render.md'), 'Board render (bench/board-render.bench.ts)', section);
  } finally {
    await shutdown.run();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[board-bench] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
