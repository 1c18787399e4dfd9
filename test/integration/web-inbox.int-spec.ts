// The inbox bell (站内消息, issue 16) in a real browser against the real API, PostgreSQL and Temporal: a unit hands in
// a self-check and the supervisor's bell, already open, counts it live; the list shows the Chinese title in bold
// while unread, and clicking it marks it read, clears the badge and opens the task's card on the board; a second
// supervisor, signing in later, finds the count waiting and marks everything read at once; a phone shows the bell.
import type { Browser, Page } from 'playwright-core';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { openContext, screenshot, signInAs, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const TITLE = '【待审核】测评指标 A4：外滩社区提交自查结果';

describe('the inbox bell in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];

  const unreadOf = async (login: string) => (await must<{ notifications: { unreadCount: number } }>(login, '{ notifications(first: 1) { unreadCount } }')).notifications.unreadCount;
  const bell = (page: Page, unread: number) => page.getByRole('button', { name: unread > 0 ? `站内消息，${unread} 条未读` : '站内消息', exact: true });
  const badge = (page: Page, unread: number) => page.locator(`.app-header .ant-badge-count[title="${unread}"]`);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webinbox' }));
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined, 60_000, 'the card');
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  it('counts a new notification live, shows it in Chinese, and marks it read when opened', async () => {
    const supervisor = await signedInPage(browser, stack.url, 'supervisor', '#/board');
    supervisor.on('pageerror', (err) => pageErrors.push(String(err)));
    await bell(supervisor, 0).waitFor();
    await supervisor.locator(`[data-card-id="${taskId}"]`).waitFor();
    await new Promise((r) => setTimeout(r, 1_000)); // let the live subscription register before the event

    await must('wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: MET, note: "台账齐全" }) { version } }`);

    // No reload: the subscription brings it.
    await bell(supervisor, 1).waitFor({ timeout: 15_000 });
    await badge(supervisor, 1).waitFor();
    await bell(supervisor, 1).click();
    const item = supervisor.getByTestId('inbox-item').filter({ hasText: TITLE });
    await item.waitFor();
    await item.getByText('自评结果：达标。台账齐全').waitFor();
    expect(await item.getAttribute('class')).toContain('unread');
    expect(await item.locator('.inbox-title').evaluate((el) => Number(getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(600);
    await screenshot(supervisor, 'inbox');

    await item.click();
    // The task's card opens on the board, the badge clears, and the server counts it read.
    await supervisor.waitForURL((url) => url.hash.includes(`card=${encodeURIComponent(taskId)}`));
    await supervisor.locator('.ant-drawer').filter({ hasText: '市民创建知晓率' }).first().waitFor();
    await bell(supervisor, 0).waitFor();
    // The badge leaves with antd's zoom-out motion, so it is gone a moment after the label says 0.
    await badge(supervisor, 1).waitFor({ state: 'detached', timeout: 5_000 });
    await waitFor(async () => (await unreadOf('supervisor')) === 0, 10_000, 'the notification read');
    expect(await unreadOf('supervisor2')).toBe(1);
    await supervisor.context().close();
  });

  it('shows what waited since sign-in, and marks all read at once', async () => {
    const other = await signedInPage(browser, stack.url, 'supervisor2', '#/board');
    other.on('pageerror', (err) => pageErrors.push(String(err)));
    await bell(other, 1).click();
    await other.getByTestId('inbox-item').filter({ hasText: TITLE }).waitFor();
    await other.getByRole('button', { name: '全部标为已读' }).click();
    await bell(other, 0).waitFor();
    await waitFor(async () => (await other.getByTestId('inbox-item').and(other.locator('.unread')).count()) === 0, 10_000, 'no item in bold');
    expect(await unreadOf('supervisor2')).toBe(0);
    await other.context().close();
  });

  it('keeps a person\'s quiet hours from the bell, and shows a card\'s 通知记录 with who read it', async () => {
    const page = await signedInPage(browser, stack.url, 'supervisor', '#/board');
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await bell(page, 0).click();
    await page.getByTestId('notification-settings-open').click();
    const dialog = page.getByRole('dialog', { name: '通知设置' });
    // No channel is configured here: only the inbox, and the panel says so.
    await dialog.getByText('本部署未开通站内消息以外的渠道').waitFor();
    const start = dialog.getByLabel('quiet-start');
    await start.fill('25:00');
    expect(await dialog.getByRole('button', { name: /保\s*存/ }).isDisabled()).toBe(true);
    await start.fill('21:30');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await must<{ myNotificationPreferences: { quietStart: string; quietEnd: string; quietHoursEnabled: boolean } }>('supervisor', '{ myNotificationPreferences { quietStart quietEnd quietHoursEnabled } }');
    expect(saved.myNotificationPreferences).toEqual({ quietStart: '21:30', quietEnd: '07:00', quietHoursEnabled: true });

    await page.keyboard.press('Escape');
    await page.goto(`${stack.url}/#/board?card=${encodeURIComponent(taskId)}&kind=task`);
    const log = page.getByTestId('notification-log');
    await log.waitFor();
    // Both supervisors were told and have read it (the tests above).
    expect(await log.locator('li').count()).toBe(2);
    await log.getByText(TITLE).first().waitFor();
    expect(await log.getByText('站内消息：已读').count()).toBe(2);
    await page.context().close();
  });

  it('shows the bell in the phone layout, and the list full width', async () => {
    const context = await openContext(browser, { phone: true });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await signInAs(page, stack.url, 'supervisor');
    const button = bell(page, 0);
    await button.waitFor();
    const box = await button.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await button.tap();
    const item = page.getByTestId('inbox-item').filter({ hasText: TITLE });
    await item.waitFor();
    expect((await item.boundingBox())!.width).toBeGreaterThan(300);
    await context.close();
  });
});
