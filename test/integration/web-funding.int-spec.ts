// 经费保障 in a real browser against the real API, PostgreSQL and Temporal (issue 20): the office adds a budget line on
// the 工作组 page; 外滩社区's member records a spending above the threshold on the unit's own line with a receipt; the
// leader approves it, and rejects another with a reason; the office exports the workbook; another unit sees nothing of
// 外滩社区's line. Each step is an event of the ledger; amounts typed in yuan arrive as exact fen.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { LINES_SHEET, SPENDINGS_SHEET, UNITS_SHEET } from '../../src/funding/funding.export';
import { fundingLedgerWorkflowId } from '../../workflows/funding/funding.messages';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const TAB = '#/groups?tab=funding';
const YEAR = new Date().getFullYear();

describe('the funding ledger in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const receipt = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'funding-')), '保洁服务发票.png');
  const events = async () => stack.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', fundingLedgerWorkflowId(CAMPAIGN)).orderBy('stream_version').execute();

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webfunding' }));
    fs.writeFileSync(receipt, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await must('office', `mutation { setFundingApprovalThreshold(campaignId: "${CAMPAIGN}", thresholdFen: 100000) }`);
    await must('office', `mutation { addBudgetLine(input: { campaignId: "${CAMPAIGN}", year: ${YEAR}, name: "外滩社区创文工作经费", amountFen: 5000000, unitCode: "WTSQ", purpose: "环境整治" }) { id } }`);
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, TAB);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  it('lets the office add a budget line typed in yuan, kept as exact fen', async () => {
    const page = await open('office');
    await page.getByText('外滩社区创文工作经费').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '新增预算科目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '科目名称' }).fill('创文宣传经费');
    await dialog.getByRole('textbox', { name: '预算金额（元）' }).fill('1,000.5');
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page.locator('tr', { hasText: '创文宣传经费' });
    await row.getByText('1,000.50').first().waitFor({ timeout: 15_000 });
    await expect(row.getByText('创建办统筹').count()).resolves.toBe(1);
    const added = (await events()).filter((e) => e.type === 'BudgetLineAdded').map((e) => (e.data.line as { amountFen: number }).amountFen);
    expect(added).toEqual([5_000_000, 100_050]);
    await page.context().close();
  });

  it('lets a unit member record a spending with a receipt on the unit’s own line; above the threshold it waits', async () => {
    const page = await open('wtsq.member');
    const row = page.locator('tr', { hasText: '外滩社区创文工作经费' });
    await row.getByRole('button', { name: '登记支出' }).click({ timeout: 20_000 });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '支出金额（元）' }).fill('1234.56');
    await dialog.getByRole('textbox', { name: '收款方' }).fill('外滩物业服务中心');
    await dialog.getByRole('textbox', { name: '用途' }).fill('楼道堆物清理');
    await dialog.locator('input[type=file]').setInputFiles(receipt);
    await screenshot(page, 'funding-spending');
    await dialog.getByRole('button', { name: '登记' }).click();
    const spending = page.locator('tr', { hasText: '外滩物业服务中心' });
    await spending.getByText('待领导审批').waitFor({ timeout: 15_000 });
    await spending.getByText('保洁服务发票.png').waitFor();
    expect(await page.getByText('创文宣传经费').count()).toBe(0);
    const recorded = (await events()).filter((e) => e.type === 'SpendingRecorded').map((e) => [(e.data.spending as { amountFen: number }).amountFen, e.data.needsApproval]);
    expect(recorded).toEqual([[123_456, true]]);
    await page.context().close();
  });

  it('lets the leader approve one spending and reject another with a reason', async () => {
    const line = (await must<{ fundingLedger: { lines: { id: string; name: string }[] } }>('office', `{ fundingLedger(campaignId: "${CAMPAIGN}") { lines { id name } } }`)).fundingLedger.lines.find((l) => l.name === '外滩社区创文工作经费')!;
    await must('wtsq.head', `mutation { recordSpending(input: { lineId: "${line.id}", amountFen: 250000, payee: "某广告公司", spentOn: "${YEAR}-03-01", purpose: "宣传牌" }) { id } }`);
    const page = await open('leader');
    const first = page.locator('tr', { hasText: '外滩物业服务中心' });
    await first.getByRole('button', { name: '同意' }).click({ timeout: 20_000 });
    await first.getByText('已审批').waitFor({ timeout: 15_000 });
    const second = page.locator('tr', { hasText: '某广告公司' });
    await second.getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '驳回理由' }).fill('请补充比价材料');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await second.getByText('已驳回').waitFor({ timeout: 15_000 });
    await second.getByText('请补充比价材料').waitFor();
    await screenshot(page, 'funding-ledger');
    const lineRow = page.locator('.ant-card', { hasText: '年度经费保障' }).locator('tr', { hasText: '外滩社区创文工作经费' });
    // Budget 50,000.00; spent 1,234.56 (the rejected one is not spent); nothing pending.
    await lineRow.getByText('1,234.56').waitFor();
    await lineRow.getByText('48,765.44').waitFor();
    expect((await events()).map((e) => e.type).filter((t) => t.startsWith('Spending'))).toEqual(['SpendingRecorded', 'SpendingRecorded', 'SpendingApproved', 'SpendingRejected']);
    await page.context().close();
  });

  it('exports the workbook from the tab, and shows another unit nothing of 外滩社区’s line', async () => {
    const page = await open('office');
    await page.getByText('外滩社区创文工作经费').first().waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`经费台账-${CAMPAIGN}-${YEAR}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([LINES_SHEET, SPENDINGS_SHEET, UNITS_SHEET]);
    await page.context().close();

    const other = await open('bjsq.member');
    await other.getByText('本年度暂无预算科目').waitFor({ timeout: 20_000 });
    expect(await other.getByText('外滩社区创文工作经费').count()).toBe(0);
    await other.context().close();
  });
});
