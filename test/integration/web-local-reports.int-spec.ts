// 属地上报 in a real browser against the real API, PostgreSQL and Temporal: a 外滩社区 worker on a phone opens 上报问题,
// which is the 属地上报 form (no source, no unit to choose), fills it and reports; it is a LOCAL_REPORT item of 外滩社区
// in the database, waiting for dispatch. A department's worker is told only communities and villages report. The
// office sees the card marked 属地上报 in the 上报 column of the items board and, with the source filter on 属地上报,
// downloads them as a workbook (导出 Excel).
import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { HEADER_ROW, REPORTS_HEADER, REPORTS_SHEET, UNITS_SHEET } from '../../src/local-report/local-report.export';
import { openContext, screenshot, signInAs, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN } from '../support/fixtures';
import type { TestStack } from '../support/test-env';

const ADDRESS = '外滩社区幸福里 5 栋门口';
const DESCRIPTION = '共享单车堆放堵塞人行道';

describe('属地上报 in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let itemId: string;

  async function signInOnPhone(page: Page, screen: string, login: string): Promise<void> {
    await page.goto(`${stack.url}/#/${screen}`);
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  beforeAll(async () => ({ stack, browser } = await startWebStack({ prefix: 'weblocal' })));
  afterAll(() => stopWebStack(browser, stack));

  it('lets a community worker report a problem of their area from a phone', async () => {
    const context = await openContext(browser, { phone: true });
    const page = await context.newPage();
    await signInOnPhone(page, 'report', 'wtsq.member');
    await page.getByRole('heading', { name: '属地上报' }).waitFor();
    expect(await page.getByLabel('问题来源').count()).toBe(0);

    await page.getByLabel('问题地址').fill(ADDRESS);
    await page.getByText('市容市貌', { exact: true }).click();
    await page.getByLabel('问题描述').fill(DESCRIPTION);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'local-report-phone');
    await page.getByRole('button', { name: '提交上报' }).click();
    await page.getByTestId('report-result').filter({ hasText: '已上报，已生成整改问题' }).waitFor();
    await page.getByText('属地上报', { exact: true }).first().waitFor();
    itemId = (await page.getByTestId('report-item-id').textContent())!.trim();

    const row = await stack.db.selectFrom('rectification_item_cards').selectAll().where('item_id', '=', itemId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ campaign_id: CAMPAIGN, state: 'REPORTED', source: 'LOCAL_REPORT', area: 'CITY_APPEARANCE', address: ADDRESS, unit_code: null });
    expect(row.state_json).toMatchObject({ reportingUnitCode: 'WTSQ', description: DESCRIPTION });
    await context.close();
  });

  it('tells a department’s worker that only communities and villages report', async () => {
    const context = await openContext(browser, { phone: true });
    const page = await context.newPage();
    await signInOnPhone(page, 'report', 'zhzf.member');
    await page.getByTestId('local-not-allowed').filter({ hasText: '只有社区（村）的人员可以属地上报' }).waitFor();
    await context.close();
  });

  it('shows the office the report marked 属地上报, waiting for dispatch', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack.url, 'office');
    await page.getByRole('radiogroup', { name: '看板内容' }).getByText('整改问题').click();
    const card = page.locator(`[data-card-id="${itemId}"]`);
    await card.getByText('属地上报').waitFor();
    await card.getByText(DESCRIPTION).waitFor();

    // The export button shows once the source filter is on 属地上报.
    expect(await page.getByRole('button', { name: '导出 Excel' }).count()).toBe(0);
    await page.getByRole('combobox', { name: '问题来源' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '属地上报' }).first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^属地上报-.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([REPORTS_SHEET, UNITS_SHEET]);
    const row = workbook.getWorksheet(REPORTS_SHEET)!.getRow(HEADER_ROW + 1);
    expect(row.getCell(REPORTS_HEADER.indexOf('编号') + 1).value).toBe(itemId);
    expect(row.getCell(REPORTS_HEADER.indexOf('问题描述') + 1).value).toBe(DESCRIPTION);
    await context.close();
  });
});
