// Units' monthly reports (专题汇报) in a real browser against the real API, PostgreSQL and Temporal (issue 19): the
// office has opened the month; 外滩社区's member fills in the report in 文书档案 → 专题汇报 with an attachment and hands
// it in; the office sees it in the month's matrix, opens it and returns it with a reason; the unit sees the reason and
// hands it in again; the office accepts it. Each step is an event; another unit sees only its own report.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { unitReportWorkflowId } from '../../workflows/unit-report/unit-report.messages';
import { shanghaiDate } from '../../workflows/shared/time';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const MONTH = shanghaiDate(new Date().toISOString()).slice(0, 7);
const TAB = '#/paperwork?tab=unit-reports';

describe('units’ monthly reports in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const reportId = unitReportWorkflowId(CAMPAIGN, 'WTSQ', MONTH);
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unit-report-')), '整治前后对比.jpg');
  const types = async () => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', reportId).orderBy('stream_version').execute()).map((e) => e.type);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webunitreports' }));
    fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]));
    await must('office', `mutation { openUnitReportMonth(campaignId: "${CAMPAIGN}", month: "${MONTH}") { opened } }`);
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, TAB);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  it('lets a unit member fill in and hand in the report with an attachment', async () => {
    const page = await open('wtsq.member');
    const progress = page.getByRole('textbox', { name: '工作进展' });
    await progress.waitFor({ timeout: 20_000 });
    await progress.fill('完成 12 条背街小巷整治，新设公益广告 30 处。');
    await page.getByRole('textbox', { name: '存在问题' }).fill('楼道堆物反复。');
    await page.getByRole('textbox', { name: '下步打算' }).fill('开展楼道清理专项行动。');
    await page.locator('input[type=file]').setInputFiles(photo);
    await screenshot(page, 'unit-report-form');
    await page.getByRole('button', { name: '报送' }).click();
    await page.getByText('已报送待审').waitFor({ timeout: 15_000 });
    await page.getByText('整治前后对比.jpg').waitFor();
    await waitFor(async () => (await types()).includes('UnitReportSubmitted'), 10_000, 'the hand-in');
    await page.context().close();
  });

  it('lets the office open the report from the month’s matrix and return it with a reason', async () => {
    const page = await open('office');
    const row = page.locator('tr', { hasText: '外滩社区' });
    await row.getByText('已报送待审').waitFor({ timeout: 20_000 });
    await screenshot(page, 'unit-reports-matrix');
    await row.getByRole('button', { name: '审核' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('完成 12 条背街小巷整治').waitFor();
    await drawer.getByRole('textbox', { name: '审核意见' }).fill('请补充整改台账');
    await drawer.getByRole('button', { name: '退回修改' }).click();
    await row.getByText('已退回').waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('shows the unit the reason; the unit hands it in again and the office accepts it', async () => {
    const unit = await open('wtsq.head');
    await unit.getByText('创建办已退回：请补充整改台账').waitFor({ timeout: 20_000 });
    await unit.getByRole('textbox', { name: '存在问题' }).fill('楼道堆物 5 处，已建整改台账。');
    await unit.getByRole('button', { name: '重新报送' }).click();
    await unit.getByText('已报送待审').waitFor({ timeout: 15_000 });
    await unit.context().close();

    const office = await open('office');
    const row = office.locator('tr', { hasText: '外滩社区' });
    await row.getByRole('button', { name: '审核' }).click({ timeout: 20_000 });
    const drawer = office.locator('.ant-drawer');
    await drawer.getByText('楼道堆物 5 处，已建整改台账。').waitFor();
    await drawer.getByRole('button', { name: '采用' }).click();
    await row.getByText('已采用').waitFor({ timeout: 15_000 });
    await office.context().close();
    expect(await types()).toEqual(['UnitReportOpened', 'UnitReportSubmitted', 'UnitReportReturned', 'UnitReportSubmitted', 'UnitReportAccepted']);
  });

  it('shows another unit its own report only', async () => {
    const page = await open('bjsq.member');
    await page.getByRole('textbox', { name: '工作进展' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText('外滩社区').count()).toBe(0);
    await page.context().close();
  });
});
