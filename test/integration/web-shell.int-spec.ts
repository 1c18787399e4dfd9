// The board's shell in a real browser against the real API: signing in with the API's accounts (and a wrong
// password refused in the API's words), the screens each role is offered, the campaign's countdown, English on
// request, and signing out.
import type { Browser } from 'playwright-core';
import { openContext, signInAs, startWebStack, stopWebStack } from '../support/browser';
import type { TestStack } from '../support/test-env';

describe('the board’s shell in the browser', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => ({ stack, browser } = await startWebStack({ prefix: 'shell', withWorker: false })));
  afterAll(() => stopWebStack(browser, stack));

  it('refuses a wrong password in the API’s words, then signs in and shows the campaign', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('登录名').fill('wtsq.member');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '登录名或密码不正确' }).waitFor();

    await signInAs(page, stack.url, 'wtsq.member');
    await page.getByTestId('who').filter({ hasText: '外滩社区工作人员（责任单位成员 · 外滩社区）' }).waitFor();
    await page.getByTestId('countdown').filter({ hasText: /距迎检 \d+ 天/ }).waitFor();
    // A unit member works the board and reports problems of its own community (属地上报); approvals, the
    // dashboard, the rounds and the office's desk are not offered.
    const nav = page.getByRole('menu', { name: '主导航' });
    await nav.getByText('任务看板').waitFor();
    await nav.getByText('文书档案').waitFor();
    await nav.getByText('上报问题').waitFor();
    for (const hidden of ['待我审批', '领导驾驶舱', '检查轮次', '工作台']) expect(await nav.getByText(hidden).count()).toBe(0);
    await context.close();
  });

  it('offers each role its screens, speaks English on request, and signs out', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack.url, 'office');
    const nav = page.getByRole('menu', { name: '主导航' });
    for (const shown of ['任务看板', '待我审批', '领导驾驶舱', '上报问题', '检查轮次', '文书档案', '工作台']) await nav.getByText(shown).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await nav.getByText('Dashboard').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    // A reload keeps the session of this tab.
    await page.reload();
    await page.getByTestId('who').waitFor();
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByLabel('登录名').waitFor();
    await context.close();
  });

  it('runs under its Content-Security-Policy, and keeps the access token out of the browser’s storage', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    // A blocked script, style, image or connection is reported on the console.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signInAs(page, stack.url, 'office');
    const nav = page.getByRole('menu', { name: '主导航' });
    // The board, and the dashboard's charts (echarts), under the CSP.
    await page.getByTestId('who').waitFor();
    await nav.getByText('领导驾驶舱').click();
    await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
    await page.getByTestId('panel-met-rate').waitFor();
    const stored = async () => page.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }));
    const signedIn = await page.evaluate(() => sessionStorage.getItem('chuangwen.refresh'));
    expect(Object.keys(JSON.parse(signedIn!) as object).sort()).toEqual(['refreshToken', 'refreshTokenExpiresAt']);
    expect(await stored()).not.toMatch(/accessToken/);
    // After a reload the refresh token buys a new access token, kept in memory only.
    await page.reload();
    await page.getByTestId('who').waitFor();
    expect(await stored()).not.toMatch(/accessToken/);
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByLabel('登录名').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('chuangwen.refresh'))).toBeNull();
    expect(violations).toEqual([]);
    await context.close();
  });
});
