// The board (任务看板) in a real browser against the real API, PostgreSQL and Temporal: a unit member drags a card
// to the stage it proposes and submits the self-check through the form that opens; a drop the lifecycle does not
// allow is refused in Chinese, the card stays, and nothing is written; a supervisor in a second browser sees the
// submission arrive live, approves it by dragging with the keyboard, and the unit member sees the card move live,
// never twice. Then the items board (a dispatched item dragged into 整改中), swimlanes, a filter and the search,
// a phone, and a column of more cards than a page, loaded a page at a time.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { demoAssignment } from '../../src/demo/demo-organisation';
import { inlineProjections } from '../../src/platform/runtime/worker-runner';
import { DEFAULT_TASK_POLICY } from '../../workflows/indicator-task/indicator-task.types';
import { writeEvents } from '../../bench/support/synthetic-events';
import { openContext, screenshot, signInAs, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, OFFICE_ACTOR, eventsOf, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const taskId = (indicator: string, unit: string) => indicatorTaskWorkflowId(CAMPAIGN, indicator, unit);
const A4 = taskId('A4', 'WTSQ');
const C1 = taskId('C1', 'WTSQ');
/** Tasks of three units, in three 测评项目 and two areas: enough for lanes, filters and the search to narrow. */
const SEEDED: [string, string][] = [
  ['A4', 'WTSQ'],
  ['C1', 'WTSQ'],
  ['A1', 'WTSQ'],
  ['A4', 'BJSQ'],
  ['C2', 'BJSQ'],
  ['B1', 'HWS'],
];

describe('the board in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let unitContext: BrowserContext;
  let supervisorContext: BrowserContext;
  let unit: Page;
  let supervisor: Page;
  let itemId: string;
  let reportedId: string;
  const consoleErrors: string[] = [];

  const { api } = passwordApi(() => stack.url);

  const card = (page: Page, id: string) => page.locator(`[data-card-id="${id}"]`);
  const cell = (page: Page, column: string) => page.locator(`.board-cell[data-column="${column}"]`);
  const cardIn = (page: Page, column: string, id: string) => cell(page, column).locator(`[data-card-id="${id}"]`);

  /** Drags with the mouse, in small steps as a hand would, from a card's handle to the middle of a column. */
  async function drag(page: Page, id: string, column: string, { movable = true } = {}): Promise<void> {
    const from = await card(page, id).locator('.card-handle').boundingBox();
    const to = await cell(page, column).first().boundingBox();
    if (!from || !to) throw new Error(`card ${id} or column ${column} is not on screen`);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 8, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 80), { steps: 16 });
    // While dragging, the columns the card may go to are highlighted (and the others dimmed).
    await page.locator(movable ? '.board-cell.drop-allowed' : '.board-cell.drop-denied').first().waitFor();
    if (!movable) expect(await page.locator('.board-cell.drop-allowed').count()).toBe(0);
    // Let go only once the board knows the card is over the column, however slowly it renders.
    await page.locator(`.board-cell.drop-over[data-column="${column}"]`).first().waitFor();
    await page.mouse.up();
  }

  /** Marks the page, so that a later check can tell it was never reloaded. */
  const mark = (page: Page) => page.evaluate(() => ((window as unknown as { boardMark: string }).boardMark = 'still here'));
  const marked = (page: Page) => page.evaluate(() => (window as unknown as { boardMark?: string }).boardMark);

  async function choose(page: Page, combobox: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: combobox }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  }

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webboard' }));
    for (const [indicatorCode, unitCode] of SEEDED) await startTestTask(stack.temporal, stack.config.temporal.taskQueue, indicatorCode, unitCode);
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').execute()).length === SEEDED.length, 30_000, 'the seeded cards');
    // A problem found on the street, dispatched at once to 外滩社区, due at the end of today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const reported = await api<{ reportItem: { item: { id: string; state: string } } }>(
      'supervisor',
      'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { id state } } }',
      {
        input: {
          campaignId: CAMPAIGN,
          source: 'SUPERVISION',
          area: 'SANITATION',
          location: { address: '外滩路 12 号（东门）' },
          description: '外滩路 12 号垃圾桶满溢，周边有散落垃圾',
          unitCode: 'WTSQ',
          dueAt: `${today}T23:59:59+08:00`,
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    itemId = reported.data!.reportItem.item.id;
    expect(reported.data!.reportItem.item.state).toBe('DISPATCHED');
    // A second, not yet dispatched, so that the supervisor's items board has more than one column in use.
    const second = await api<{ reportItem: { item: { id: string } } }>('supervisor', 'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { id } } }', {
      input: { campaignId: CAMPAIGN, source: 'CITIZEN_REPORT', area: 'TRAFFIC_ORDER', location: { address: '滨江大道 88 号' }, description: '人行道上违章停放电动车' },
    });
    reportedId = second.data!.reportItem.item.id;

    unitContext = await openContext(browser);
    supervisorContext = await openContext(browser);
    unit = await unitContext.newPage();
    supervisor = await supervisorContext.newPage();
    for (const page of [unit, supervisor]) {
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => consoleErrors.push(String(err)));
    }
    await signInAs(unit, stack.url, 'wtsq.member');
    await signInAs(supervisor, stack.url, 'supervisor');
  });

  afterAll(() => stopWebStack(browser, stack));

  it('shows a unit member only their unit’s cards, by stage, with what each card needs', async () => {
    await cardIn(unit, 'SELF_CHECK', A4).waitFor();
    expect(await unit.locator('[data-card-id]').count()).toBe(3); // 外滩社区's three, none of 滨江社区's or 环卫所's
    const a4 = card(unit, A4);
    await a4.getByText('市民创建知晓率').waitFor();
    await a4.getByText('责任：外滩社区').waitFor();
    await a4.getByText('未分类').waitFor();
    await a4.getByText(/时限 \d{4}-\d{2}-\d{2} · 还剩 \d+ 天/).waitFor();
    await unit.getByTestId('board-count').filter({ hasText: '显示 3 / 共 3 张' }).waitFor();
    // The supervisor sees every unit's cards.
    await card(supervisor, taskId('B1', 'HWS')).waitFor();
    expect(await supervisor.locator('[data-card-id]').count()).toBe(SEEDED.length);
  });

  it('refuses a drop the lifecycle does not allow, in Chinese, keeps the card where it was and writes nothing', async () => {
    const before = (await eventsOf(stack.db, C1)).length;
    await drag(unit, C1, 'ARCHIVING');
    const notice = unit.getByTestId('board-notice');
    await notice.filter({ hasText: '不能把「C1 主次干道及背街小巷无垃圾烟头」移到「归档」' }).waitFor();
    await notice.filter({ hasText: '「巩固」（提交自查结果）' }).waitFor();
    await cardIn(unit, 'SELF_CHECK', C1).waitFor();
    expect(await cardIn(unit, 'ARCHIVING', C1).count()).toBe(0);
    // Nothing was sent, so nothing was written.
    await new Promise((r) => setTimeout(r, 500));
    expect(await eventsOf(stack.db, C1)).toHaveLength(before);
  });

  it('lets the unit drag its card to the stage it proposes: the self-check form opens, the card awaits review', async () => {
    await mark(supervisor);
    const before = (await eventsOf(stack.db, A4)).length;
    await drag(unit, A4, 'CONSOLIDATION');
    const dialog = unit.getByRole('dialog', { name: '提交自查结果' });
    await dialog.waitFor();
    // The drop said where the unit thinks the indicator stands: 达标 (巩固) is chosen already.
    await dialog.locator('.ant-select-content[title="达标"], .ant-select-selection-item[title="达标"]').first().waitFor();
    // The form refuses to go without the note, in Chinese, before anything is sent.
    await dialog.getByRole('button', { name: '确认提交自查结果' }).click();
    await dialog.getByText('请填写自查说明').waitFor();
    await dialog.getByLabel('自查说明').fill('宣传栏、问卷已完成，知晓率达 93%');
    await dialog.getByRole('button', { name: '确认提交自查结果' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await unit.locator('.ant-modal-wrap').waitFor({ state: 'detached' }); // the closing Modal still covers the board
    // It stays in 自查自评, awaiting the supervisors, marked with the stage proposed.
    await card(unit, A4).getByText('自查结果待审核 · 拟转入「巩固」').waitFor();
    await cardIn(unit, 'SELF_CHECK', A4).waitFor();
    // The server has it: one event, the submission.
    const events = await eventsOf(stack.db, A4);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.type).toBe('SelfCheckSubmitted');

    // The supervisor's board shows it without a reload.
    await card(supervisor, A4).getByText('自查结果待审核 · 拟转入「巩固」').waitFor();
    expect(await marked(supervisor)).toBe('still here');

    // Now the unit's card cannot move until it is reviewed, and the board says why.
    await drag(unit, A4, 'RECTIFICATION', { movable: false });
    await unit.getByTestId('board-notice').filter({ hasText: '自查结果待审核，审核前不能移动' }).waitFor();
    expect(await eventsOf(stack.db, A4)).toHaveLength(before + 1);
  });

  it('lets the supervisor approve by dragging with the keyboard; the unit sees the card move live, once', async () => {
    await mark(unit);
    const before = (await eventsOf(stack.db, A4)).length;
    // Picked up with Space on its handle, moved three columns right (整改, 模拟测评, 巩固), put down with Space.
    const handle = card(supervisor, A4).locator('.card-handle');
    await handle.focus();
    await supervisor.keyboard.press('Space');
    await supervisor.locator('.board-cell.drop-allowed[data-column="CONSOLIDATION"]').waitFor();
    // The keyboard sensor moves the card only once it has measured the columns, and the card is then over its own
    // column: on a busy machine (CI) an arrow pressed before that was lost, and the drag hung half-way.
    await supervisor.locator('.board-cell.drop-over[data-column="SELF_CHECK"]').waitFor();
    // One press, one column: each press waits until the card is over the next column, so a busy machine
    // cannot make a press count from where the card was before the last one landed.
    for (const column of ['RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION']) {
      await supervisor.keyboard.press('ArrowRight');
      await supervisor.locator(`.board-cell.drop-over[data-column="${column}"]`).waitFor();
    }
    await supervisor.keyboard.press('Space');
    await cardIn(supervisor, 'CONSOLIDATION', A4).waitFor();
    await card(supervisor, A4).getByText('达标').waitFor();
    await waitFor(async () => (await eventsOf(stack.db, A4)).length === before + 1, 10_000, 'the confirmation');
    expect((await eventsOf(stack.db, A4)).at(-1)!.type).toBe('SelfCheckConfirmed');

    // The unit's board: moved, live, not reloaded, and there once; the columns' counts follow the card.
    await cardIn(unit, 'CONSOLIDATION', A4).waitFor();
    await unit.locator('.board-column-head[data-column="CONSOLIDATION"] .column-count', { hasText: /^1$/ }).waitFor();
    await unit.locator('.board-column-head[data-column="SELF_CHECK"] .column-count', { hasText: /^2$/ }).waitFor();
    expect(await marked(unit)).toBe('still here');
    expect(await card(unit, A4).count()).toBe(1);
    expect(await card(supervisor, A4).count()).toBe(1);
    expect(await cardIn(unit, 'SELF_CHECK', A4).count()).toBe(0);
  });

  it('moves a card at once, and puts it back with the API’s reason when someone else acted first', async () => {
    // 外滩社区's head hands in C1's self-check (through the API): the supervisor's board shows it.
    const submitted = await api('wtsq.head', 'mutation($i: SubmitSelfCheckInput!) { submitSelfCheck(input: $i) { version } }', {
      i: { taskId: C1, classification: 'NOT_MET', note: '背街小巷清扫不及时' },
    });
    expect(submitted.errors).toBeUndefined();
    await card(supervisor, C1).getByText('自查结果待审核 · 拟转入「整改」').waitFor();
    // Just as this supervisor's confirmation leaves the browser, a second supervisor returns the self-check.
    let optimistic = false;
    await supervisor.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('confirmSelfCheck')) {
        // The card is already where it was dropped.
        optimistic = (await cardIn(supervisor, 'RECTIFICATION', C1).count()) === 1;
        const returned = await api('supervisor2', 'mutation($i: ReturnInput!) { returnSelfCheck(input: $i) { version } }', { i: { taskId: C1, reason: '请补充问题清单' } });
        expect(returned.errors).toBeUndefined();
      }
      await route.continue();
    });
    await drag(supervisor, C1, 'RECTIFICATION');
    await supervisor.getByTestId('board-notice').filter({ hasText: /任务已被他人更新（您看到的版本为2，当前版本为3）/ }).waitFor();
    await supervisor.unroute('**/graphql');
    expect(optimistic).toBe(true);
    // Back in 自查自评, as the second supervisor left it; the refused confirmation wrote nothing.
    await cardIn(supervisor, 'SELF_CHECK', C1).waitFor();
    await card(supervisor, C1).getByText('未分类').waitFor();
    expect((await eventsOf(stack.db, C1)).map((e) => e.type)).toEqual(['IndicatorTaskCreated', 'SelfCheckSubmitted', 'SelfCheckReturned']);
    expect(await card(supervisor, C1).count()).toBe(1);
    await supervisor.getByTestId('board-notice').getByRole('button', { name: '关闭' }).click();
  });

  it('narrows the board by swimlanes, a filter and the search', async () => {
    // Swimlanes by unit: one lane per unit, each card in its own.
    await choose(supervisor, '泳道', '按责任单位');
    for (const lane of ['外滩社区', '滨江社区']) await supervisor.locator('.board-lane-head', { hasText: lane }).waitFor();
    // Lanes far below render as they come near; 外滩社区 is the third.
    await supervisor.locator('.board-lane-head', { hasText: '外滩社区' }).scrollIntoViewIfNeeded();
    await supervisor.locator('.board-cell[aria-label^="外滩社区 · 巩固"]').locator(`[data-card-id="${A4}"]`).waitFor();
    await supervisor.locator('.board-scroll').evaluate((el) => el.scrollTo(0, 0));
    await supervisor.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await supervisor.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(supervisor, 'board-tasks');
    // 达标 only: the card just approved.
    await choose(supervisor, '达标情况', '达标');
    await supervisor.getByTestId('board-count').filter({ hasText: `显示 1 / 共 ${SEEDED.length} 张` }).waitFor();
    expect(await supervisor.locator('[data-card-id]').count()).toBe(1);
    await supervisor.getByRole('button', { name: '清除筛选' }).click();
    await supervisor.getByTestId('board-count').filter({ hasText: `显示 ${SEEDED.length} / 共 ${SEEDED.length} 张` }).waitFor();
    // The search: by the indicator's name.
    await supervisor.getByRole('searchbox', { name: '搜索' }).fill('垃圾');
    await supervisor.getByTestId('board-count').filter({ hasText: `显示 2 / 共 ${SEEDED.length} 张` }).waitFor(); // C1 of 外滩社区, C2 of 滨江社区
    expect(await supervisor.locator('[data-card-id]').count()).toBe(2);
    await supervisor.getByRole('searchbox', { name: '搜索' }).fill('');
    await choose(supervisor, '泳道', '不分泳道');
  });

  it('switches to the rectification items, where the unit drags a dispatched item into 整改中', async () => {
    await unit.getByRole('radiogroup', { name: '看板内容' }).getByText('整改问题').click();
    await cardIn(unit, 'DISPATCHED', itemId).waitFor();
    expect(await unit.locator('[data-card-id]').count()).toBe(1); // the item not yet dispatched is not theirs
    await card(unit, itemId).getByText('责任：外滩社区').waitFor();
    await card(unit, itemId).getByText(/今天到期|还剩 \d+ 天/).waitFor();
    // 本周到期 keeps it (due today); 已逾期 does not.
    await unit.getByRole('checkbox', { name: '已逾期' }).check();
    await unit.getByTestId('board-count').filter({ hasText: '显示 0 / 共 1 张' }).waitFor();
    await unit.getByRole('checkbox', { name: '已逾期' }).uncheck();
    await unit.getByRole('checkbox', { name: '本周到期' }).check();
    await unit.getByTestId('board-count').filter({ hasText: '显示 1 / 共 1 张' }).waitFor();
    await unit.getByRole('checkbox', { name: '本周到期' }).uncheck();

    const before = (await eventsOf(stack.db, itemId)).length;
    await drag(unit, itemId, 'RECTIFYING'); // 签收并开始整改 needs no input: the card moves at once
    await cardIn(unit, 'RECTIFYING', itemId).waitFor();
    await waitFor(async () => (await eventsOf(stack.db, itemId)).length === before + 1, 10_000, 'the item event');
    const stored = await api<{ rectificationItem: { state: string } }>('supervisor', 'query($id: String!) { rectificationItem(id: $id) { state } }', { id: itemId });
    expect(stored.data!.rectificationItem.state).toBe('RECTIFYING');
    await screenshot(unit, 'board-items');

    // The supervisor's items board: both problems, by source in lanes.
    await supervisor.getByRole('radiogroup', { name: '看板内容' }).getByText('整改问题').click();
    await cardIn(supervisor, 'RECTIFYING', itemId).waitFor();
    expect(await supervisor.locator('[data-card-id]').count()).toBe(2);
    await choose(supervisor, '问题来源', '群众反映');
    await supervisor.getByTestId('board-count').filter({ hasText: '显示 1 / 共 2 张' }).waitFor();

    // A drop that needs a form: the card waits where it was dropped while the form is open, and goes back when the
    // form is cancelled. The units to dispatch to are offered by name.
    await drag(supervisor, reportedId, 'DISPATCHED');
    const dialog = supervisor.getByRole('dialog', { name: '派单' });
    await dialog.waitFor();
    await cardIn(supervisor, 'DISPATCHED', reportedId).waitFor();
    await dialog.getByRole('combobox', { name: '责任单位' }).click();
    await supervisor.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '滨江社区' }).waitFor();
    await supervisor.keyboard.press('Escape');
    await dialog.getByRole('button', { name: '取消' }).click();
    await cardIn(supervisor, 'REPORTED', reportedId).waitFor();
    expect((await eventsOf(stack.db, reportedId)).map((e) => e.type)).toEqual(['ItemReported']);
  });

  it('is usable on a phone: the columns scroll sideways and a card opens', async () => {
    const phone = await openContext(browser, { phone: true });
    const page = await phone.newPage();
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    // Signed in as on a desktop, except that the phone hides the name in the header.
    await page.goto(`${stack.url}/`);
    await page.getByLabel('登录名').fill('wtsq.member');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await cardIn(page, 'SELF_CHECK', C1).waitFor();
    const scroll = await page.locator('.board-scroll').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
    // A card is readable: at least most of the screen wide.
    const box = await card(page, C1).boundingBox();
    expect(box!.width).toBeGreaterThan(250);
    await screenshot(page, 'board-phone');
    // The card's menu offers what the member may do, with where a move leads.
    await card(page, C1).getByRole('button', { name: /的操作$/ }).tap();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item', { hasText: '提交自查结果' }).waitFor();
    await page.keyboard.press('Escape');
    // Its title opens the card's detail.
    await card(page, C1).locator('.card-title').tap();
    await page.waitForFunction(() => location.hash.includes('card=') && location.hash.includes('kind=task'));
    await page.locator('.ant-drawer').first().waitFor();
    await phone.close();
  });

  it('shows a column of more cards than a page with its count, and loads the rest when scrolled to its end and on「加载更多」', async () => {
    // 130 more tasks in 自查自评, of units not seeded above, written as events through the projections (no
    // workflows: nobody acts on them here). With the five already there, the column has 135 cards.
    const catalog = readDemoCatalog();
    const extra = ['DHC', 'ZXXX', 'NMSC', 'DZB'].flatMap((unitCode) => catalog.map((row) => ({ row, unitCode }))).slice(0, 130);
    const start = Date.now() - 86_400_000;
    await writeEvents(
      stack.db,
      extra.map(({ row, unitCode }, i) => ({
        streamId: taskId(row.code, unitCode),
        streamVersion: 1,
        type: 'IndicatorTaskCreated',
        data: { campaignId: CAMPAIGN, indicatorCode: row.code, unitCode, leadUnitCode: demoAssignment(row.code, row.area).lead, dueAt: '2027-03-31T15:59:59.000Z', policy: DEFAULT_TASK_POLICY },
        actor: OFFICE_ACTOR,
        occurredAt: new Date(start + i * 1000),
      })),
      inlineProjections(),
    );
    const context = await openContext(browser);
    const page = await context.newPage();
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    await signInAs(page, stack.url, 'supervisor');
    const head = page.locator('.board-column-head[data-column="SELF_CHECK"] .column-count');
    const more = page.locator('.board-column-end[data-column="SELF_CHECK"] .column-load-more');
    // The first page: 50 cards of 135 loaded, the count the whole column's.
    await head.filter({ hasText: '50/135' }).waitFor();
    await page.getByTestId('board-count').filter({ hasText: '共 136 张' }).waitFor();
    await more.filter({ hasText: '加载更多（还有 85 张未加载）' }).waitFor();
    // Scrolled to the column's end: the next page comes by itself.
    await page.locator('.board-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await head.filter({ hasText: '100/135' }).waitFor();
    await more.filter({ hasText: '还有 35 张' }).waitFor();
    // The button loads the rest; then there is nothing more to load.
    await more.click();
    await head.filter({ hasText: /^135$/ }).waitFor();
    await more.waitFor({ state: 'detached' });
    // Every card once: the cells' own「显示更多」reveal what was loaded.
    const cellMore = page.locator('.board-cell[data-column="SELF_CHECK"] .cell-more');
    for (let i = 0; i < 10 && (await cellMore.count()) > 0; i++) await cellMore.click();
    expect(await page.locator('.board-cell[data-column="SELF_CHECK"] [data-card-id]').count()).toBe(135);
    const ids = await page.locator('.board-cell[data-column="SELF_CHECK"] [data-card-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-card-id')));
    expect(new Set(ids).size).toBe(135);
    await context.close();
  });

  it('wrote nothing to the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
