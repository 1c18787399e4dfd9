// The office's board at district scale in the browser (issue 18): 10,000 cards in 自查自评. The board shows the
// column's count and its first page only, loads the next page each time the column is scrolled to its end, never
// holds more cards in the page than it has loaded (the rest stays on the server), and the page keeps answering: no
// task on the browser's main thread runs long enough to freeze it. The cards are written as events through the
// projections (no workflows: nobody acts on them here).
import type { Browser } from 'playwright-core';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { DEMO_UNITS, demoAssignment } from '../../src/demo/demo-organisation';
import { inlineProjections } from '../../src/platform/runtime/worker-runner';
import { DEFAULT_TASK_POLICY } from '../../workflows/indicator-task/indicator-task.types';
import { writeEvents } from '../../bench/support/synthetic-events';
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
});
