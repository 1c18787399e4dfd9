// The 责任人 on the board, in a real browser (issue 16): the unit head opens a card, names a person of the unit from
// the drawer, and the card and its history show them; a member sees the person but is offered nobody to name.
import type { Browser } from 'playwright-core';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { openContext, signInAs, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import type { TestStack } from '../support/test-env';

const A4 = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');

describe('the 责任人 in the card drawer', () => {
  let stack: TestStack;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webperson' }));
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', A4).executeTakeFirst()) !== undefined, 30_000, 'the card');
  });
  afterAll(() => stopWebStack(browser, stack));

  async function openCard(login: string) {
    const page = await (await openContext(browser)).newPage();
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    await signInAs(page, stack.url, login);
    await page.locator(`[data-card-id="${A4}"] .card-title`).click();
    const drawer = page.getByTestId('card-drawer');
    await drawer.getByTestId('responsible-person').waitFor();
    return { page, drawer };
  }

  it('lets the unit head name a person of the unit, shown on the card and in its history', async () => {
    const { page, drawer } = await openCard('wtsq.head');
    await drawer.getByTestId('responsible-person').filter({ hasText: '未指定' }).waitFor();
    await drawer.getByTestId('assign-responsible').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '外滩社区工作人员（wtsq.member）' }).click();
    await drawer.getByTestId('responsible-person').filter({ hasText: '外滩社区工作人员' }).waitFor();
    await drawer.getByText('指定责任人', { exact: true }).first().waitFor();
    const events = await stack.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', A4).where('type', '=', 'ResponsiblePersonAssigned').execute();
    expect(events.map((e) => e.data)).toEqual([{ login: 'wtsq.member', name: '外滩社区工作人员', previousLogin: null }]);
    await drawer.getByTestId('assign-responsible').filter({ hasText: '更换责任人' }).waitFor();
    await page.context().close();
  });

  it('shows a member who is responsible, with no control to change it', async () => {
    const { page, drawer } = await openCard('wtsq.member');
    await drawer.getByTestId('responsible-person').filter({ hasText: '外滩社区工作人员' }).waitFor();
    expect(await drawer.getByTestId('assign-responsible').count()).toBe(0);
    await page.context().close();
  });

  it('wrote nothing to the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
