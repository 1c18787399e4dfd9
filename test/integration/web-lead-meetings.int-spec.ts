// 牵头单位召集 in a real browser against the real API, PostgreSQL and Temporal (issue 20): in 工作组 → 牵头协调 the
// head of 宣传统战办, lead unit of the tasks of 外滩社区 and 滨江社区, records a meeting with both, with one decision
// giving 外滩社区 a problem to fix; it is one meeting event and an item dispatched to 外滩社区. 外滩社区's member sees
// the meeting and its item, and has nothing to record.
import type { Browser, Page } from 'playwright-core';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import type { TestStack } from '../support/test-env';

const TAB = '#/groups?tab=lead-meetings';

describe('牵头协调 in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'weblead' }));
    for (const unit of ['WTSQ', 'BJSQ']) await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A1', unit);
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('lead_unit_code', '=', 'XCB').execute()).length === 2, 20_000, 'the tasks');
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, TAB);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  it('lets a lead unit record a meeting whose decision becomes an item for a responsible unit', async () => {
    const page = await open('xcb.head');
    await page.getByRole('button', { name: '记录协调会' }).click({ timeout: 20_000 });
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('会议名称').fill('公益广告补设推进会');
    await modal.getByRole('combobox', { name: '参会单位' }).click();
    await page.locator('.ant-select-item-option', { hasText: '外滩社区' }).click();
    await page.locator('.ant-select-item-option', { hasText: '滨江社区' }).click();
    await modal.getByLabel('会议名称').click(); // closes the dropdown
    await modal.getByRole('combobox', { name: '参会人员' }).fill('李主任');
    await modal.getByRole('combobox', { name: '参会人员' }).press('Enter');
    await modal.getByLabel('会议纪要').fill('研究主次干道公益广告缺口');
    await modal.getByRole('button', { name: '添加议定事项' }).click();
    await modal.getByLabel('议定事项内容').fill('外滩社区补设公益广告两处');
    await modal.getByRole('combobox', { name: '交办单位' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '外滩社区' }).click();
    await modal.getByRole('combobox', { name: '领域' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '市容市貌' }).click();
    await modal.getByLabel('地点').fill('中山东一路 18 号');
    await screenshot(page, 'lead-meeting-form');
    await modal.getByRole('button', { name: /保存/ }).click();
    const card = page.getByTestId('lead-meeting').filter({ hasText: '公益广告补设推进会' });
    await card.getByText(/已生成整改问题/).waitFor({ timeout: 20_000 });
    await screenshot(page, 'lead-meeting');

    const events = await stack.db.selectFrom('events').select(['type', 'data']).where('type', 'in', ['CampaignMeetingRecorded', 'ItemDispatched']).orderBy('position').execute();
    expect(events.map((e) => e.type)).toEqual(['CampaignMeetingRecorded', 'ItemDispatched']);
    expect(events[0].data).toMatchObject({ kind: 'LEAD_UNIT', convenerUnitCode: 'XCB', unitCodes: ['WTSQ', 'BJSQ'], attendees: ['李主任'] });
    expect(events[1].data).toMatchObject({ unitCode: 'WTSQ' });
    const item = await stack.db.selectFrom('rectification_item_cards').select(['campaign_id', 'source', 'unit_code', 'state']).where('source', '=', 'LEAD_UNIT_MEETING').executeTakeFirstOrThrow();
    expect(item).toEqual({ campaign_id: CAMPAIGN, source: 'LEAD_UNIT_MEETING', unit_code: 'WTSQ', state: 'DISPATCHED' });
    await page.context().close();
  });

  it('shows a responsible unit the meeting it attended, with nothing to record', async () => {
    const page = await open('wtsq.member');
    const card = page.getByTestId('lead-meeting').filter({ hasText: '公益广告补设推进会' });
    await card.getByText('召集：街道宣传统战办').waitFor({ timeout: 20_000 });
    await card.getByText(/已生成整改问题/).waitFor();
    expect(await page.getByRole('button', { name: '记录协调会' }).count()).toBe(0);
    await page.context().close();
  });
});
