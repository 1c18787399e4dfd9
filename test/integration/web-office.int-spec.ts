// The office's desk and the inspection rounds in a real browser against the real system: a task breakdown with a
// mistake is checked and its problem shown by row and column (and nothing written), a clean one is imported and its
// progress followed to the end (as is one still being applied when the page opens), a supervision visit is
// recorded, a monthly report generated and exported, a service account made with its key shown once; a supervisor
// plans a mock assessment, starts it, records a finding with a photo (it becomes an item), scores it and closes it.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import type { Locator } from 'playwright-core';
import { breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';
import { openContext, screenshot, signInAs, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, waitFor } from '../support/fixtures';
import type { TestStack } from '../support/test-env';

const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

describe('the office’s desk and the inspection rounds in the browser', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => ({ stack, browser } = await startWebStack({ prefix: 'weboffice' })));
  afterAll(() => stopWebStack(browser, stack));

  it('checks a task breakdown and shows its problems by row and column, writing nothing', async () => {
    const page = await signedInPage(browser, stack.url, 'office', '#/office?tab=imports');
    const file = `/tmp/任务分解表-${Date.now()}.xlsx`;
    fs.writeFileSync(file, await xlsx([breakdownSheet('任务分解表', [dataRow({ 序号: '1', 责任单位: '不存在的社区' })])]));
    const card = page.locator('.ant-card').filter({ hasText: '任务分解表' });
    await card.locator('input[type=file]').setInputFiles(file);
    await card.getByRole('button', { name: '检查' }).click();
    const result = page.getByTestId('import-breakdown');
    await result.getByText('有错误，未导入').waitFor();
    await result.getByText('不存在的社区').first().waitFor();
    expect(await result.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await card.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    expect((await stack.db.selectFrom('task_breakdown_imports').selectAll().execute()).filter((r) => r.status === 'APPLIED')).toEqual([]);
    await screenshot(page, 'office-imports');
    await page.context().close();
  });

  it('records a supervision visit, generates last month’s report and exports it, and makes a service account', async () => {
    const page = await signedInPage(browser, stack.url, 'office', '#/office?tab=clock');
    await page.getByRole('button', { name: '登记督查走访' }).click();
    const visit = page.getByRole('dialog', { name: '登记督查走访' });
    await visit.getByLabel('地点（用逗号或顿号分隔）').fill('外滩路、中山东一路');
    await visit.getByLabel('督查人员（用逗号或顿号分隔）').fill('李督查');
    await visit.getByLabel('情况记录').fill('沿街商铺门前三包落实较好');
    await visit.getByRole('button', { name: '登记' }).click();
    await page.getByText('沿街商铺门前三包落实较好').first().waitFor();
    await screenshot(page, 'office-clock');

    await page.goto(`${stack.url}/#/office?tab=monthly`);
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await page.getByRole('button', { name: '导出 Excel' }).first().waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.length).toBeGreaterThan(0);

    await page.goto(`${stack.url}/#/office?tab=accounts`);
    await page.getByRole('button', { name: '新建服务账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建服务账号' });
    await dialog.getByLabel('名称').fill('区创建办对接');
    await dialog.getByRole('button', { name: '新建' }).click();
    const key = await page.getByTestId('api-key').innerText();
    expect(key).toMatch(/^cwk_/);
    const row = await stack.db.selectFrom('service_accounts').select(['name', 'key_prefix']).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '区创建办对接', key_prefix: key.slice(0, 12) });
    await page.context().close();
  });

  it('lets a supervisor run a mock assessment: plan, start, a finding with a photo, scores, close', async () => {
    const page = await signedInPage(browser, stack.url, 'supervisor', '#/rounds');
    await page.getByRole('button', { name: '计划检查' }).click();
    const plan = page.getByRole('dialog', { name: '计划检查' });
    await plan.getByLabel('类别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '模拟测评' }).click();
    await plan.getByLabel('名称').fill('第一次模拟测评');
    await plan.getByLabel('测评指标').click();
    await page.keyboard.type('A4');
    await page.locator('.ant-select-item-option').filter({ hasText: 'A4' }).first().click();
    await page.keyboard.press('Escape');
    await plan.getByRole('button', { name: '计划' }).click();
    await page.getByRole('link', { name: '第一次模拟测评' }).waitFor();
    await page.getByRole('button', { name: '开始' }).click();
    await page.getByText('进行中').first().waitFor();

    await page.getByRole('link', { name: '第一次模拟测评' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('专项整治领域').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '市容市貌' }).click();
    await drawer.getByLabel('地点').fill('外滩路 88 号');
    await drawer.getByLabel('问题描述').fill('公益广告破损');
    await drawer.locator('input[type=file]').setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await drawer.getByRole('button', { name: /添加照片（1）/ }).waitFor();
    await drawer.getByRole('button', { name: '记录' }).click();
    await drawer.getByText('公益广告破损').waitFor();
    await waitFor(async () => (await stack.db.selectFrom('rectification_item_cards').select('item_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 1);

    const inputs = drawer.getByRole('spinbutton');
    const count = await inputs.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) await inputs.nth(i).fill('1');
    await drawer.getByRole('button', { name: '保存得分' }).click();
    await page.getByText('得分已录入').waitFor();
    await screenshot(page, 'rounds');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '结束' }).click();
    await page.getByText('已结束').first().waitFor();
    const round = await stack.db.selectFrom('inspection_rounds').select(['state', 'finding_count']).executeTakeFirstOrThrow();
    expect(round).toEqual({ state: 'CLOSED', finding_count: 1 });
    await page.context().close();
  });

  it('records a meeting whose decision becomes a dispatched item, saves the rules of time, and manages passwords', async () => {
    const page = await signedInPage(browser, stack.url, 'office', '#/office?tab=clock');
    await page.getByRole('button', { name: '登记会议' }).click();
    const meeting = page.getByRole('dialog', { name: '登记会议' });
    await meeting.getByLabel('参会人员（用逗号或顿号分隔）').fill('王组长、张霞');
    await meeting.getByLabel('会议纪要').fill('部署农贸市场整治');
    await meeting.getByRole('button', { name: '添加议定事项' }).click();
    await meeting.getByLabel('议定事项 1').fill('东湖村清理村口垃圾');
    await meeting.getByLabel('单位', { exact: true }).click();
    await page.keyboard.type('东湖');
    await page.locator('.ant-select-item-option').filter({ hasText: '东湖村' }).click();
    await meeting.getByRole('button', { name: '登记' }).click();
    await page.getByText('议定 1：东湖村清理村口垃圾（东湖村）').waitFor();
    // The decision names a unit: it becomes a rectification item dispatched to it.
    await page.getByRole('button', { name: '转为整改问题' }).click();
    const convert = page.getByRole('dialog', { name: '转为整改问题' });
    await convert.getByLabel('专项整治领域').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '环境卫生' }).click();
    await convert.getByLabel('地点').fill('东湖村村口');
    await convert.getByRole('button', { name: '转换' }).click();
    await page.getByText('已转为整改问题并派单').waitFor();
    await waitFor(async () => (await stack.db.selectFrom('rectification_item_cards').select('unit_code').where('unit_code', '=', 'DHC').execute()).length === 1);

    await page.goto(`${stack.url}/#/office?tab=policy`);
    await page.getByLabel('自查自评（天）').fill('9');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('时限规则已保存').waitFor();
    const campaign = await stack.db.selectFrom('campaigns').select('policy').where('id', '=', CAMPAIGN).executeTakeFirstOrThrow();
    expect((campaign.policy as { selfCheckDays: number }).selfCheckDays).toBe(9);
    // Working days (工作日): the page then shows the days as working days, and the calendar with its overrides.
    await page.getByLabel('工作日', { exact: true }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('policy-summary').getByText(/自查自评 9 个工作日/).waitFor();
    await page.getByTestId('working-days').getByText('没有本区调整').waitFor();
    const counted = await stack.db.selectFrom('campaigns').select('policy').where('id', '=', CAMPAIGN).executeTakeFirstOrThrow();
    expect((counted.policy as { dayCounting: string }).dayCounting).toBe('WORKING');

    await page.goto(`${stack.url}/#/office?tab=people`);
    await page.getByLabel('搜索人员').fill('dhc.member');
    await page.getByRole('button', { name: '设置密码' }).click();
    await page.getByRole('dialog').getByLabel('新密码（至少 8 位，含字母和数字）').fill('Donghu2027x');
    await page.getByRole('dialog').getByRole('button', { name: '设置' }).click();
    await page.getByText('密码已设置').waitFor();

    // The person signs in with it and changes it themselves.
    const other = await (await openContext(browser)).newPage();
    await signInAs(other, stack.url, 'dhc.member', 'Donghu2027x');
    await other.getByRole('button', { name: '修改密码' }).click();
    const change = other.getByRole('dialog', { name: '修改密码' });
    await change.getByLabel('当前密码').fill('wrong-one-1');
    await change.getByLabel('新密码（至少 8 位，含字母和数字）').fill('Donghu2028y');
    await change.getByLabel('再次输入新密码').fill('Donghu2028y');
    await change.getByRole('button', { name: '修改' }).click();
    await change.getByText('当前密码不正确').waitFor();
    await change.getByLabel('当前密码').fill('Donghu2027x');
    await change.getByRole('button', { name: '修改' }).click();
    await other.getByText('密码已修改').waitFor();
    await other.context().close();
    await page.context().close();
  });

  // Last: the tasks it starts are no business of the tests above.
  it('follows a task breakdown being applied up to 100%: one under way when the page opens, then one just imported', async () => {
    // An import still being applied when the office comes to the page, recorded here without a workflow and finished by hand.
    const underWay = randomUUID();
    await stack.db
      .insertInto('task_breakdown_imports')
      .values({
        id: underWay, campaign_id: CAMPAIGN, file_name: '任务分解表.xlsx', file_sha256: '0'.repeat(64), file_bytes: 1, imported_by: 'office',
        imported_at: new Date(Date.now() - 10_000), status: 'APPLYING', task_count: 3, created_count: 3, changed_count: 0, unchanged_count: 0, removed_count: 0, applied_count: 1,
      })
      .execute();
    const page = await signedInPage(browser, stack.url, 'office', '#/office?tab=imports');
    const card = page.locator('.ant-card').filter({ hasText: '任务分解表' });
    const progress = card.getByTestId('import-progress');
    const percent = (bar: Locator) => bar.getByRole('progressbar').getAttribute('aria-valuenow');
    await progress.getByText(/^已生效 1\/3，预计剩余 (\d+分)?\d+秒$/).waitFor();
    expect(await percent(progress)).toBe('33');
    await stack.db.updateTable('task_breakdown_imports').set({ status: 'APPLIED', applied_count: 3, completed_at: new Date() }).where('id', '=', underWay).execute();
    await progress.getByText('已导入：3 项变更已全部生效').waitFor();
    expect(await percent(progress)).toBe('100');

    const file = `/tmp/任务分解表-${Date.now()}.xlsx`;
    const row = { 测评项目: '环境卫生', 测评指标: '主次干道及背街小巷无垃圾烟头', 牵头单位: '街道环卫所', 责任单位: '外滩社区、滨江社区', 完成时限: '2027-05-31' };
    fs.writeFileSync(file, await xlsx([breakdownSheet('任务分解表', [dataRow({ 序号: '1', ...row })])]));
    await card.locator('input[type=file]').setInputFiles(file);
    await card.getByRole('button', { name: '检查' }).click();
    await card.getByTestId('import-breakdown').getByText('检查通过，尚未导入').waitFor();
    await card.getByRole('button', { name: '确认导入' }).click();
    await progress.getByText('已导入：2 项变更已全部生效').waitFor({ timeout: 60_000 });
    expect(await percent(progress)).toBe('100');
    await card.getByTestId('import-breakdown').getByText('已导入', { exact: true }).waitFor();
    const imported = await stack.db.selectFrom('task_breakdown_imports').select(['status', 'applied_count']).where('id', '!=', underWay).execute();
    expect(imported).toEqual([{ status: 'APPLIED', applied_count: 2 }]);
    fs.rmSync(file, { force: true });
    await page.context().close();
  });
});
