// The office's board at district scale in the browser (issue 18): 10,000 cards in 自查自评. The board shows the
// column's count and its first page only, loads the next page each time the column is scrolled to its end, never
// holds more cards in the page than it has loaded (the rest stays on the server), and the page keeps answering: no
// task on the browser's main thread runs long enough to freeze it. The cards are written as events through the
// projections (no workflows: nobody acts on them here). The filters and the search narrow the whole board on the server:
// a column's count under a filter is of all 10,000 cards, not of the pages loaded.
import type { Browser } from 'playwright-core';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { DEMO_UNITS, demoAssignment } from '../../src/demo/demo-organisation';
import { inlineProjections } from '../../src/platform/runtime/worker-runner';
import { DEFAULT_TASK_POLICY } from '../../workflows/indicator-task/indicator-task.types';
import { writeEvents } from '../../bench/support/synthetic-events';
import { sql } from 'kysely';
import { openContext, signInAs, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, OFFICE_ACTOR } from '../support/fixtures';
import type { TestStack } from '../support/test-env';

const CARDS = 10_000;
/** A freeze a person notices: the main thread held this long by one task (rendering a page of cards takes far less). */
const FROZEN_MS = 3_000;

describe('the office board at 10,000 cards, in the browser', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webscale' }));
    const catalog = readDemoCatalog();
    const units = DEMO_UNITS.map((u) => u.code);
    const start = Date.now() - 86_400_000;
    const events = Array.from({ length: CARDS }, (_, i) => {
      const row = catalog[i % catalog.length];
      const unitCode = units[Math.floor(i / catalog.length) % units.length];
      return {
        streamId: `indicator-task:${CAMPAIGN}:${row.code}:${unitCode}:${i}`,
        streamVersion: 1,
        type: 'IndicatorTaskCreated',
        data: { campaignId: CAMPAIGN, indicatorCode: row.code, unitCode, leadUnitCode: demoAssignment(row.code, row.area).lead, dueAt: new Date(Date.UTC(2027, 0, 1 + (i % 200))).toISOString(), policy: DEFAULT_TASK_POLICY },
        actor: OFFICE_ACTOR,
        occurredAt: new Date(start + i),
      };
    });
    for (let i = 0; i < events.length; i += 2000) await writeEvents(stack.db, events.slice(i, i + 2000), inlineProjections());
  }, 240_000);

  afterAll(async () => {
    await stopWebStack(browser, stack);
  });

  it('shows the count and a first page, loads a page more each time the column is scrolled to its end, and never freezes', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await signInAs(page, stack.url, 'office');
    // Every task on the main thread longer than 50 ms, from here on (the Long Tasks API).
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const head = page.locator('.board-column-head[data-column="SELF_CHECK"] .column-count');
    await head.filter({ hasText: `50/${CARDS}` }).waitFor({ timeout: 60_000 });
    await page.getByTestId('board-count').filter({ hasText: `共 ${CARDS} 张` }).waitFor();
    const rendered = () => page.locator('.board-cell[data-column="SELF_CHECK"] [data-card-id]').count();
    for (const loaded of [100, 150, 200]) {
      // Up, then down to the end again, as a person reading the column does: the end loads a page each time it
      // comes into view (not again while it stays there).
      await page.locator('.board-scroll').evaluate((el) => el.scrollTo(0, 0));
      await page.locator('.board-column-end[data-column="SELF_CHECK"]').evaluate((el) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(el)))));
      await page.locator('.board-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await head.filter({ hasText: `${loaded}/${CARDS}` }).waitFor({ timeout: 60_000 });
      // What is on the page is what was loaded, never the column's 10,000.
      expect(await rendered()).toBeLessThanOrEqual(loaded);
    }
    await page.locator('.board-column-end[data-column="SELF_CHECK"] .column-load-more').filter({ hasText: `还有 ${CARDS - 200} 张` }).waitFor();
    // A card of the loaded pages opens, and the page still answers.
    await page.locator('.board-cell[data-column="SELF_CHECK"] [data-card-id] .card-title').first().click();
    await page.locator('.ant-drawer').first().waitFor();
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    expect(Math.max(0, ...longTasks)).toBeLessThan(FROZEN_MS);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters and searches the whole board on the server, counting every matching card, loaded or not', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack.url, 'office');
    const head = page.locator('.board-column-head[data-column="SELF_CHECK"] .column-count');
    await head.filter({ hasText: `50/${CARDS}` }).waitFor({ timeout: 60_000 });
    // One unit's cards, counted in the database: far more than the first pages loaded before the filter.
    const unit = DEMO_UNITS[DEMO_UNITS.length - 1];
    const { n } = await stack.db.selectFrom('indicator_task_cards').select((eb) => eb.fn.countAll<string>().as('n')).where('unit_code', '=', unit.code).executeTakeFirstOrThrow();
    const ofUnit = Number(n);
    expect(ofUnit).toBeGreaterThan(100);
    // The filters fold behind a button on a narrow screen only.
    const toggle = page.getByRole('button', { name: '筛选' });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByRole('combobox', { name: '责任单位' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: unit.name }).first().click();
    await head.filter({ hasText: `50/${ofUnit}` }).waitFor({ timeout: 30_000 });
    await page.getByTestId('board-count').filter({ hasText: `显示 50 / 共 ${CARDS} 张` }).waitFor();
    // The cards on screen (the column draws those in view) are all the unit's.
    const shown = await page.locator('.board-cell[data-column="SELF_CHECK"] [data-card-id]').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((text) => !text.includes(unit.name))).toEqual([]);
    // Scrolling the filtered column loads its next page of the unit's cards.
    await page.locator('.board-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await head.filter({ hasText: `100/${ofUnit}` }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '清除筛选' }).click();
    await head.filter({ hasText: `/${CARDS}` }).waitFor({ timeout: 30_000 });
    // The search: part of an indicator's name; the cards it finds counted in the database (names of the indicator,
    // its 测评项目 and the two units).
    const word = readDemoCatalog()[3].indicator.slice(0, 4);
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from indicator_task_cards c
        join indicators i on i.code = c.indicator_code join assessment_items ai on ai.code = i.item_code
        join units u on u.code = c.unit_code join units lu on lu.code = c.lead_unit_code
       where exists (select 1 from unnest(array[i.code, i.name, ai.name, u.name, lu.name]) as name where name ilike ${`%${word}%`})`.execute(stack.db);
    const found = Number(rows[0].n);
    expect(found).toBeGreaterThan(50);
    await page.getByRole('searchbox', { name: '搜索' }).fill(word);
    await head.filter({ hasText: `50/${found}` }).waitFor({ timeout: 30_000 });
    await context.close();
  });
});
