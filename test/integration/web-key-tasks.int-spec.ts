// 重点和难点 in a real browser against the real API, PostgreSQL and Temporal (issue 20): the office marks a task 难点 in
// the card drawer; the board shows the badge and its filter bar's 「重点难点」 leaves only the marked card; the unit sees
// the mark on its card but no form; the leading group's dashboard lists the task in its 重点难点工作 panel.
import type { Browser, Page } from 'playwright-core';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import type { TestStack } from '../support/test-env';

describe('重点和难点 in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const marked = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
  const other = indicatorTaskWorkflowId(CAMPAIGN, 'A1', 'WTSQ');
  const pageErrors: string[] = [];
  const flagEvents = async () => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', marked).where('type', 'like', 'KeyFlag%').execute()).map((e) => e.type);
  const card = (page: Page, id: string) => page.locator(`[data-card-id="${id}"]`);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webkeytasks' }));
    for (const code of ['A4', 'A1']) await startTestTask(stack.temporal, stack.config.temporal.taskQueue, code, 'WTSQ');
    const cards = async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length;
    await waitFor(async () => (await cards()) === 2, 30_000, 'the two cards');
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string, route: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, route);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  it('lets the office mark a task 难点 in the drawer; the board shows the badge and filters on it', async () => {
    const page = await open('office', `#/board?card=${encodeURIComponent(marked)}&kind=task`);
    const drawer = page.locator('.ant-drawer');
    const form = drawer.getByTestId('key-flag-form');
    await form.waitFor({ timeout: 20_000 });
    await drawer.getByTestId('key-flag').getByText('未标记').waitFor();
    await form.getByRole('radio', { name: '难点', exact: true }).check();
    await form.getByRole('textbox', { name: '标记理由（必填，最多 500 字）' }).fill('涉及多个部门，需街道协调');
    await form.getByRole('button', { name: '标 记' }).or(form.getByRole('button', { name: '标记', exact: true })).click();
    await drawer.getByTestId('key-flag').getByText('理由：涉及多个部门，需街道协调').waitFor({ timeout: 15_000 });
    await form.getByRole('button', { name: '取消标记' }).waitFor();
    await waitFor(async () => (await flagEvents()).length === 1, 10_000, 'the mark recorded');
    await page.keyboard.press('Escape');

    await card(page, marked).locator('.card-key-flag', { hasText: '难点' }).waitFor({ timeout: 15_000 });
    await card(page, other).waitFor();
    expect(await card(page, other).locator('.card-key-flag').count()).toBe(0);
    const filter = page.getByRole('checkbox', { name: '重点难点' });
    if (!(await filter.isVisible())) await page.getByRole('button', { name: /筛选/ }).click();
    // The API filters the whole board (keyDifficult), not only the cards loaded.
    const asked = page.waitForResponse((r) => r.url().includes('/graphql') && (r.request().postData() ?? '').includes('"keyDifficult":true'));
    await filter.check();
    const answer = (await (await asked).json()) as { data: { board: { columns: { count: number }[] } } };
    expect(answer.data.board.columns.reduce((n, c) => n + c.count, 0)).toBe(1);
    await card(page, other).waitFor({ state: 'detached', timeout: 15_000 });
    await card(page, marked).waitFor();
    await page.getByTestId('board-count').getByText('显示 1 / 共 2 张').waitFor({ timeout: 15_000 });
    await screenshot(page, 'board-key-difficult');
    await page.context().close();
  });

  it('shows the unit the mark on its card, without the form', async () => {
    const page = await open('wtsq.head', `#/board?card=${encodeURIComponent(marked)}&kind=task`);
    const section = page.locator('.ant-drawer').getByTestId('key-flag');
    await section.getByText('理由：涉及多个部门，需街道协调').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('key-flag-form').count()).toBe(0);
    await page.context().close();
  });

  it('lists the marked task in the leading group’s dashboard panel, with its stage and unit', async () => {
    const page = await open('leader', '#/dashboard');
    const panel = page.getByTestId('panel-key-work');
    await panel.getByTestId('key-work-summary').getByText('重点难点 1 项（指标任务 1 项，整改问题 0 项），其中已逾期 0 项').waitFor({ timeout: 30_000 });
    const row = panel.locator('tr', { hasText: 'A4' });
    await row.getByText('难点', { exact: true }).waitFor();
    await row.getByText('外滩社区').waitFor();
    await row.getByText('自查自评').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-key-work');
    // The title opens the card on the board.
    await row.getByRole('link').click();
    await page.waitForFunction((id) => decodeURIComponent(location.hash).includes(id), marked);
    await page.context().close();
  });
});
