// The office's board at district scale in a real browser (issue 18): 10,000 indicator tasks in 自查自评, written as
// events through the live projections (no workflows: nobody acts on them here). The column opens with its count and
// its first page, loads the next page when scrolled to its end, and never holds the whole column: the page keeps only
// the pages it loaded, so it does not freeze. The search then narrows the board in SQL, 10,000 cards or not.
// (How fast is measured by bench/board-query.bench.ts and bench/board-render.bench.ts, not here.)
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { demoAssignment } from '../../src/demo/demo-organisation';
import { inlineProjections } from '../../src/platform/runtime/worker-runner';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { DEFAULT_TASK_POLICY } from '../../workflows/indicator-task/indicator-task.types';
import { extraUnits, writeEvents, type SyntheticEvent } from '../../bench/support/synthetic-events';
import { openContext, signInAs, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, OFFICE_ACTOR } from '../support/fixtures';
import type { TestStack } from '../support/test-env';

const CARDS = 10_000;

describe('the office board with 10,000 cards in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webboard10k' }));
    const catalog = readDemoCatalog();
    const units = extraUnits(Math.ceil(CARDS / catalog.length));
    await stack.db.insertInto('units').values(units).execute();
    const start = Date.now() - 7 * 86_400_000;
    const events: SyntheticEvent[] = [];
    for (const unit of units) {
      for (const row of catalog) {
        if (events.length === CARDS) break;
        events.push({
          streamId: indicatorTaskWorkflowId(CAMPAIGN, row.code, unit.code),
          streamVersion: 1,
          type: 'IndicatorTaskCreated',
          data: { campaignId: CAMPAIGN, indicatorCode: row.code, unitCode: unit.code, leadUnitCode: demoAssignment(row.code, row.area).lead, dueAt: '2027-03-31T15:59:59.000Z', policy: DEFAULT_TASK_POLICY },
          actor: OFFICE_ACTOR,
          occurredAt: new Date(start + events.length * 1000),
        });
      }
    }
    for (let i = 0; i < events.length; i += 2_000) await writeEvents(stack.db, events.slice(i, i + 2_000), inlineProjections());
    context = await openContext(browser);
    page = await context.newPage();
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    // Every main-thread task over 50 ms, from the first script on: a board that rendered all its cards would show
    // here as one task of many seconds.
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await stopWebStack(browser, stack);
  });

  const head = () => page.locator('.board-column-head[data-column="SELF_CHECK"] .column-count');
  const more = () => page.locator('.board-column-end[data-column="SELF_CHECK"] .column-load-more');
  const rendered = () => page.locator('.board-cell[data-column="SELF_CHECK"] [data-card-id]').count();

  it('opens with the column counted and its first page, and loads the next pages as it is scrolled', async () => {
    await signInAs(page, stack.url, 'office');
    await head().filter({ hasText: `50/${CARDS}` }).waitFor({ timeout: 60_000 });
    await page.getByTestId('board-count').filter({ hasText: `共 ${CARDS} 张` }).waitFor();
    await more().filter({ hasText: `还有 ${CARDS - 50} 张未加载` }).waitFor();

    // The next page comes when the column's end comes into view (not again while it stays there: the cells show
    // their first cards only, so the end may stay in view, and loading on would read the whole column).
    for (const loaded of [100, 150]) {
      await page.locator('.board-scroll').evaluate((el) => el.scrollTo(0, 0));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.locator('.board-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await head().filter({ hasText: `${loaded}/${CARDS}` }).waitFor({ timeout: 60_000 });
    }
    await more().click();
    await head().filter({ hasText: `200/${CARDS}` }).waitFor({ timeout: 60_000 });
    await more().filter({ hasText: `还有 ${CARDS - 200} 张未加载` }).waitFor();

    // Only what was loaded is in the page (and of that, what the cells show before their own「显示更多」).
    const inPage = await rendered();
    expect(inPage).toBeGreaterThan(0);
    expect(inPage).toBeLessThanOrEqual(200);
    const ids = await page.locator('.board-cell[data-column="SELF_CHECK"] [data-card-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-card-id')));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('narrows the board by the search, counted over all 10,000 cards', async () => {
    // One unit's cards: its name is the search.
    const unit = extraUnits(1)[0];
    const perUnit = readDemoCatalog().length;
    await page.getByRole('searchbox', { name: '搜索' }).fill(unit.name);
    await head().filter({ hasText: new RegExp(`^(50/)?${Math.min(perUnit, CARDS)}$`) }).waitFor({ timeout: 60_000 });
    // Cleared: the whole column again, from its first page (the next may follow at once: the end is in view).
    await page.getByRole('searchbox', { name: '搜索' }).fill('');
    await page.getByTestId('board-count').filter({ hasText: `共 ${CARDS} 张` }).waitFor({ timeout: 60_000 });
    await head().filter({ hasText: new RegExp(`^(50|100)/${CARDS}$`) }).waitFor({ timeout: 60_000 });
  });

  it('never froze: no main-thread task near the time 10,000 cards would take to render', async () => {
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    // A generous bound, so that a busy test host does not fail it: rendering every card takes far longer.
    expect(longest).toBeLessThan(3_000);
    expect(consoleErrors).toEqual([]);
  });
});
