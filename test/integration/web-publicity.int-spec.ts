// 宣传台账 in a real browser against the real API, PostgreSQL and Temporal (issue 20): the office records a banner with
// a photo on the 工作组 page's tab, corrects another entry's count with a reason and voids a third; a community's
// member starts filtered to the community's own entries and sees the counts; the office files a photo in the archive
// library and exports the workbook. Each step is an event of the ledger.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { CHANNEL_SHEET, COMMUNITY_SHEET, ENTRIES_SHEET } from '../../src/publicity/publicity.export';
import { publicityLedgerWorkflowId } from '../../workflows/publicity/publicity.messages';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const TAB = '#/groups?tab=publicity';

describe('the publicity ledger in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'publicity-')), '外滩横幅.png');
  const events = async () => stack.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', publicityLedgerWorkflowId(CAMPAIGN)).orderBy('stream_version').execute();
  const record = (input: string) => must<{ recordPublicityEntry: { id: string } }>('office', `mutation { recordPublicityEntry(input: { campaignId: "${CAMPAIGN}", ${input} }) { id } }`);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webpublicity' }));
    fs.writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7]));
    await record('channel: ELECTRONIC_SCREEN, location: "滨江大道电子屏", unitCode: "BJSQ", count: 3, heldOn: "2026-10-15", indicatorCodes: ["A2"]');
    await record('channel: SMS, location: "东湖村全村", unitCode: "DHC", count: 850, heldOn: "2026-11-20"');
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, TAB);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }
  async function choose(page: Page, combobox: string, option: string): Promise<void> {
    await page.getByRole('dialog').getByRole('combobox', { name: combobox }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  }

  it('lets the office record a banner with a photo and its indicators', async () => {
    const page = await open('office');
    await page.getByText('滨江大道电子屏').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '登记宣传载体' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, '宣传渠道', '横幅');
    await choose(page, '社区（村）', '外滩社区');
    await dialog.getByRole('textbox', { name: '位置' }).fill('中山东一路沿线');
    await dialog.getByRole('spinbutton', { name: '数量' }).fill('12');
    await dialog.getByRole('combobox', { name: '测评指标' }).fill('A1');
    await dialog.getByRole('combobox', { name: '测评指标' }).press('Enter');
    await dialog.locator('input[type=file]').setInputFiles(photo);
    await screenshot(page, 'publicity-entry');
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page.locator('tr', { hasText: '中山东一路沿线' });
    await row.getByText('外滩横幅.png').waitFor({ timeout: 15_000 });
    await row.getByText('横幅').first().waitFor();
    const recorded = (await events()).filter((e) => e.type === 'PublicityEntryRecorded').map((e) => [e.data.channel, e.data.unitCode, e.data.count, e.data.indicatorCodes, (e.data.photos as unknown[]).length]);
    expect(recorded).toEqual([
      ['ELECTRONIC_SCREEN', 'BJSQ', 3, ['A2'], 0],
      ['SMS', 'DHC', 850, [], 0],
      ['BANNER', 'WTSQ', 12, ['A1'], 1],
    ]);

    // The photo goes to the archive library as 活动照片.
    await row.getByRole('button', { name: '归档' }).click();
    await row.getByText('已归档').waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('lets the office correct an entry with a reason and void another', async () => {
    const page = await open('office');
    const screen = page.locator('tr', { hasText: '滨江大道电子屏' });
    await screen.getByRole('button', { name: '更正' }).click({ timeout: 20_000 });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: '数量' }).fill('4');
    await dialog.getByRole('textbox', { name: '更正原因' }).fill('漏记一块电子屏');
    await dialog.getByRole('button', { name: '保存' }).click();
    await screen.getByText('已更正 1 次').waitFor({ timeout: 15_000 });

    const sms = page.locator('tr', { hasText: '东湖村全村' });
    await sms.getByRole('button', { name: '作废' }).click();
    const voiding = page.getByRole('dialog');
    await voiding.getByRole('textbox', { name: '作废原因' }).fill('重复登记');
    await voiding.getByRole('button', { name: '作废' }).click();
    await sms.getByText('已作废').waitFor({ timeout: 15_000 });
    await screenshot(page, 'publicity-ledger');
    expect((await events()).map((e) => e.type).slice(-3)).toEqual(['PublicityEntryRecorded', 'PublicityEntryCorrected', 'PublicityEntryVoided']);
    const byChannel = page.locator('.ant-card', { hasText: '按渠道统计' });
    await byChannel.locator('tr', { hasText: '电子屏' }).getByText('4', { exact: true }).waitFor();
    expect(await byChannel.getByText('短信').count()).toBe(0);
    await page.context().close();
  });

  it('starts a community member filtered to the community’s own entries; the export has three sheets', async () => {
    const member = await open('wtsq.member');
    await member.getByText('中山东一路沿线').waitFor({ timeout: 20_000 });
    // The first answer is the whole ledger; the community's own filter follows at once.
    await member.getByText('滨江大道电子屏').waitFor({ state: 'detached', timeout: 15_000 });
    await member.locator('.ant-select', { has: member.getByRole('combobox', { name: '按社区筛选' }) }).getByText('外滩社区').waitFor();
    expect(await member.getByRole('button', { name: '登记宣传载体' }).count()).toBe(0);
    const [download] = await Promise.all([member.waitForEvent('download'), member.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`宣传台账-${CAMPAIGN}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([ENTRIES_SHEET, COMMUNITY_SHEET, CHANNEL_SHEET]);
    await member.context().close();
  });
});
