// 专项整治 drives in a real browser against the real API, PostgreSQL and Temporal (issue 20): the office has launched
// the 环境卫生 drive and a supervisor has found two problems in its area; the office sees the six areas on 工作组 →
// 专项整治 with the drive's progress and its items (in by themselves), and launches 集贸市场 from the list; the head
// of the lead unit hands in the closing summary; the leading group returns it with a reason, sees it again and
// approves it, which closes the drive. Each step is an event; a unit sees only its own items; the leading group's
// dashboard shows the drives' progress.
import type { Browser, Page } from 'playwright-core';
import { specialDriveWorkflowId } from '../../workflows/special-drive/special-drive.messages';
import { shanghaiDate } from '../../workflows/shared/time';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const TAB = '#/groups?tab=special-drives';
const DAY = 86_400_000;
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * DAY).toISOString());
const PHOTO = { fileName: '现场.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64') };

describe('专项整治 drives in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const driveId = specialDriveWorkflowId(CAMPAIGN, 'SANITATION');
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const types = async (id = driveId) => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', id).orderBy('stream_version').execute()).map((e) => e.type);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webdrives' }));
    await must('office', 'mutation($i: SpecialDrivePlanInput!) { launchSpecialDrive(input: $i) { id } }', {
      i: { campaignId: CAMPAIGN, area: 'SANITATION', leadUnitCode: 'HWS', startDate: day(-7), endDate: day(30), goals: '垃圾日产日清，卫生死角清零。', participatingUnitCodes: ['WTSQ', 'BJSQ'] },
    });
    for (const [description, unitCode] of [
      ['外滩路公厕保洁不到位', 'WTSQ'],
      ['滨江步道垃圾桶满溢', 'BJSQ'],
    ]) {
      await must('supervisor', 'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id } } }', {
        i: { campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'SANITATION', location: { address: `${description}处` }, description, photos: [PHOTO], unitCode },
      });
    }
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, TAB);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  it('shows the office the six areas, the drive’s progress and its items, and launches another drive from the list', async () => {
    const page = await open('office');
    const row = page.locator('tr', { hasText: '环境卫生' });
    await row.getByText('整治中').waitFor({ timeout: 20_000 });
    await row.getByText('问题 2 · 未销号 2 · 已销号 0').waitFor();
    expect(await page.locator('tr', { hasText: '未启动' }).count()).toBe(5);
    await screenshot(page, 'special-drives-list');
    await row.getByRole('button', { name: '查看' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '环境卫生专项整治' });
    await drawer.getByText('外滩路公厕保洁不到位', { exact: true }).waitFor({ timeout: 15_000 });
    await drawer.getByText('滨江步道垃圾桶满溢', { exact: true }).waitFor();
    await drawer.getByText('街道环卫所').first().waitFor();
    await screenshot(page, 'special-drive-detail');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.locator('tr', { hasText: '集贸市场' }).getByRole('button', { name: '启动' }).click();
    const form = page.locator('.ant-drawer', { hasText: '启动集贸市场专项整治' });
    await form.getByRole('combobox', { name: '牵头单位' }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('街道市场监管所').click();
    await form.getByPlaceholder('Start date').or(form.getByPlaceholder('开始日期')).fill(day(0));
    await form.getByPlaceholder('End date').or(form.getByPlaceholder('结束日期')).fill(day(40));
    await form.getByPlaceholder('End date').or(form.getByPlaceholder('结束日期')).press('Enter');
    await form.getByRole('textbox', { name: '整治目标' }).fill('农贸市场划行归市，场内外整洁有序。');
    await form.getByRole('button', { name: '启动专项整治' }).click();
    await page.locator('tr', { hasText: '集贸市场' }).getByText('整治中').waitFor({ timeout: 15_000 });
    expect(await types(specialDriveWorkflowId(CAMPAIGN, 'MARKETS'))).toEqual(['SpecialDriveLaunched']);
    await page.context().close();
  });

  it('shows a unit of the drive only the items dispatched to it', async () => {
    const page = await open('wtsq.member');
    await page.locator('tr', { hasText: '环境卫生' }).getByRole('button', { name: '查看' }).click({ timeout: 20_000 });
    const drawer = page.locator('.ant-drawer', { hasText: '环境卫生专项整治' });
    await drawer.getByText('外滩路公厕保洁不到位', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await drawer.getByText('滨江步道垃圾桶满溢').count()).toBe(0);
    expect(await drawer.getByRole('button', { name: '报送总结' }).count()).toBe(0);
    await page.context().close();
  });

  it('lets the lead unit’s head hand in the summary, and the leading group return it and then approve it', async () => {
    const head = await open('hws.head');
    await head.locator('tr', { hasText: '环境卫生' }).getByRole('button', { name: '报送总结' }).click({ timeout: 20_000 });
    const drawer = head.locator('.ant-drawer', { hasText: '环境卫生专项整治' });
    await drawer.getByRole('textbox', { name: '专项整治总结' }).fill('清理卫生死角 46 处，新增分类垃圾桶 120 个。');
    await screenshot(head, 'special-drive-summary-form');
    await drawer.getByRole('button', { name: '报送总结' }).click();
    await head.locator('tr', { hasText: '环境卫生' }).getByText('总结待审定').waitFor({ timeout: 15_000 });
    await head.context().close();

    const leader = await open('leader');
    const row = leader.locator('tr', { hasText: '环境卫生' });
    await row.getByRole('button', { name: '审定总结' }).click({ timeout: 20_000 });
    const review = leader.locator('.ant-drawer', { hasText: '环境卫生专项整治' });
    await review.getByText('清理卫生死角 46 处').waitFor();
    await review.getByRole('textbox', { name: '审定意见' }).fill('请补充长效机制');
    await review.getByRole('button', { name: '退回修改' }).click();
    await row.getByText('总结已退回').waitFor({ timeout: 15_000 });
    await leader.context().close();

    const again = await open('hws.head');
    await again.locator('tr', { hasText: '环境卫生' }).getByRole('button', { name: '报送总结' }).click({ timeout: 20_000 });
    const form = again.locator('.ant-drawer', { hasText: '环境卫生专项整治' });
    await form.getByText('领导小组已退回：请补充长效机制').waitFor();
    await form.getByRole('textbox', { name: '专项整治总结' }).fill('清理卫生死角 46 处；建立网格员每日巡查的长效机制。');
    await form.getByRole('button', { name: '重新报送总结' }).click();
    await again.locator('tr', { hasText: '环境卫生' }).getByText('总结待审定').waitFor({ timeout: 15_000 });
    await again.context().close();

    const approve = await open('leader');
    await approve.locator('tr', { hasText: '环境卫生' }).getByRole('button', { name: '审定总结' }).click({ timeout: 20_000 });
    const final = approve.locator('.ant-drawer', { hasText: '环境卫生专项整治' });
    await final.getByText('长效机制').first().waitFor();
    await final.getByRole('button', { name: '审定通过' }).click();
    await approve.locator('tr', { hasText: '环境卫生' }).getByText('已结束').waitFor({ timeout: 15_000 });
    await approve.context().close();
    await waitFor(async () => (await types()).includes('SpecialDriveClosed'), 10_000, 'the approval');
    expect(await types()).toEqual(['SpecialDriveLaunched', 'SpecialDriveSummarySubmitted', 'SpecialDriveSummaryReturned', 'SpecialDriveSummarySubmitted', 'SpecialDriveClosed']);
  });

  it('shows the leading group the drives’ progress on its dashboard', async () => {
    const page = await open('leader');
    await page.getByRole('menu', { name: '主导航' }).getByText('领导驾驶舱').click();
    const panel = page.getByTestId('panel-special-drives');
    await panel.getByText(/2 项专项整治，问题 2 个，已销号 0 个/).waitFor({ timeout: 20_000 });
    await panel.locator('canvas').first().waitFor();
    await page.context().close();
  });
});
