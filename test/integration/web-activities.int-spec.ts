// 活动记录 in a real browser against the real API, PostgreSQL and Temporal (issue 20): the office has planned an
// activity of 外滩社区 and one of 滨江社区; in 工作组 → 活动记录 外滩社区's member records its activity as held with a
// photo (the other unit's stays out of reach), the office filters the held ones, puts one into the archive library,
// sees the monthly counts, plans another activity through the form and exports the workbook. Each step is an event.
import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { demoPhotoPng } from '../../src/demo/demo-activities';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const TAB = '#/groups?tab=activities';

describe('activity records in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let lectureId: string;
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const types = async (id: string) => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', id).orderBy('stream_version').execute()).map((e) => e.type);
  const plan = (title: string, unit: string, date: string) =>
    must<{ planActivity: { id: string } }>('office', `mutation { planActivity(input: { campaignId: "${CAMPAIGN}", kind: CIVIC_EDUCATION, title: "${title}", organiserUnitCode: "${unit}", plannedDate: "${date}", place: "社区文化活动中心", indicatorCodes: ["A1", "A4"] }) { id } }`);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webactivities' }));
    lectureId = (await plan('文明礼仪进社区讲座', 'WTSQ', '2026-12-03')).planActivity.id;
    await plan('志愿服务集市', 'BJSQ', '2026-12-20');
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string, route = TAB): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, route);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  it('lets the organiser’s member record the activity as held with a photo, and not the other unit’s', async () => {
    const page = await open('wtsq.member');
    await page.locator('tr', { hasText: '志愿服务集市' }).getByRole('button', { name: '查看' }).waitFor({ timeout: 20_000 });
    await page.locator('tr', { hasText: '文明礼仪进社区讲座' }).getByRole('button', { name: '登记举办' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('spinbutton', { name: '参加人数' }).fill('86');
    await drawer.getByRole('textbox', { name: '活动总结' }).fill('讲解公共场所文明礼仪，发放宣传册 200 份。');
    await drawer.locator('input[type=file]').setInputFiles({ name: '讲座现场.png', mimeType: 'image/png', buffer: demoPhotoPng() });
    await screenshot(page, 'activities-held');
    await drawer.getByRole('button', { name: '登记举办', exact: true }).click();
    await drawer.getByText('讲座现场.png').waitFor({ timeout: 15_000 });
    await drawer.getByText('86 人', { exact: true }).waitFor();
    expect((await types(lectureId)).filter((t) => t !== 'ActivityEscalated')).toEqual(['ActivityPlanned', 'ActivityHeld']);
    const held = await stack.db.selectFrom('events').select('data').where('stream_id', '=', lectureId).where('type', '=', 'ActivityHeld').executeTakeFirstOrThrow();
    expect(held.data).toMatchObject({ attendance: 86, heldDate: '2026-12-03', photos: [expect.objectContaining({ name: '讲座现场.png', mimeType: 'image/png' })] });
    await page.context().close();
  });

  it('lets the office filter the held activities, put one into the archive library and see the monthly counts', async () => {
    const page = await open('office');
    await page.locator('tr', { hasText: '志愿服务集市' }).waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: '按状态筛选' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '已举办' }).click();
    await waitFor(async () => (await page.locator('tr', { hasText: '志愿服务集市' }).count()) === 0, 15_000, 'the filter');
    const row = page.locator('tr', { hasText: '文明礼仪进社区讲座' });
    await row.getByRole('button', { name: '查看' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: '存入档案资料库' }).click();
    await drawer.getByText('已作为佐证存入档案资料库').waitFor({ timeout: 15_000 });
    const doc = await stack.db.selectFrom('archive_documents').select(['state_json']).where('source', '=', `activity:${lectureId}`).executeTakeFirstOrThrow();
    expect((doc.state_json.tags as { code: string }[]).map((t) => t.code)).toEqual(['A1', 'A4']);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    const counts = page.locator('.ant-card', { hasText: '按月统计' }).locator('tr', { hasText: '2026-12' });
    await counts.waitFor();
    // December: one still planned, one held, none cancelled, 86 attending.
    expect((await counts.locator('td').allTextContents()).slice(1)).toEqual(['1', '1', '0', '86']);
    await screenshot(page, 'activities-list');
    await page.context().close();
  });

  it('lets the office plan an activity through the form and export the workbook', async () => {
    const page = await open('office');
    await page.locator('tr', { hasText: '志愿服务集市' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '制定活动计划' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '活动名称' }).fill('文化科技卫生三下乡');
    await dialog.getByRole('combobox', { name: '承办单位' }).fill('东湖村');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '东湖村' }).first().click();
    await dialog.getByRole('textbox', { name: '计划日期' }).fill('2026-12-28');
    await page.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: '活动地点' }).fill('东湖村文化礼堂');
    await dialog.getByRole('combobox', { name: '测评指标' }).fill('A3');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'A3' }).first().click();
    await dialog.getByRole('button', { name: '制定' }).click();
    await page.locator('tr', { hasText: '文化科技卫生三下乡' }).waitFor({ timeout: 15_000 });
    const planned = await stack.db.selectFrom('activities').select(['organiser_unit_code', 'planned_date', 'state_json']).where('title', '=', '文化科技卫生三下乡').executeTakeFirstOrThrow();
    expect(planned).toMatchObject({ organiser_unit_code: 'DHC', planned_date: '2026-12-28' });
    expect(planned.state_json.indicatorCodes).toEqual(['A3']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('活动记录.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['活动记录', '按月统计', '按月按类别统计']);
    expect(workbook.getWorksheet('活动记录')!.rowCount).toBe(2 + 3);
    await page.context().close();
  });
});
