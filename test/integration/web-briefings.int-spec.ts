// 文书档案 → 简报通报 in a real browser against the real API, PostgreSQL and Temporal (issue 19): the office drafts a
// 督查通报 naming 外滩社区 and submits it; a leader returns it with a reason; resubmitted and approved, the office
// publishes it (numbered 督查通报〔年〕第N期) and downloads its PDF; the head of 外滩社区 is asked to acknowledge it,
// downloads the .docx and acknowledges it (签收); the office then sees who acknowledged; a unit member reads it
// without a 签收 button.
import * as fs from 'node:fs';
import PizZip from 'pizzip';
import type { Browser, Page } from 'playwright-core';
import { shanghaiDate } from '../../workflows/shared/time';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const YEAR = Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
const NUMBER = `督查通报〔${YEAR}〕第1期`;
const TITLE = '关于外滩社区背街小巷环境卫生问题的通报';
const ROUTE = '#/paperwork?tab=briefings';

describe('briefings and circulars in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let briefingId = '';
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webbriefings' }));
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, ROUTE);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await page.getByTestId('briefings-tab').waitFor({ timeout: 20_000 });
    return page;
  }
  async function openRow(page: Page): Promise<void> {
    await page.getByTestId('briefing-row').filter({ hasText: TITLE }).first().click({ timeout: 20_000 });
    await page.getByTestId('briefing-detail').waitFor();
  }
  const stateTag = (page: Page) => page.getByTestId('briefing-state');

  it('the office drafts a circular naming 外滩社区 and submits it', async () => {
    const office = await open('office');
    await office.getByTestId('briefing-create').click();
    const editor = office.getByTestId('briefing-editor');
    // The kind is switched until the circular's unit picker shows: on a busy machine a click during the dialog's opening
    // animation can be lost.
    await waitFor(
      async () => {
        await editor.getByText('督查通报').click();
        return editor.getByTestId('briefing-units').isVisible();
      },
      30_000,
      'the circular form',
    );
    await editor.getByTestId('briefing-title').fill(TITLE);
    await editor.getByTestId('briefing-body').first().fill('经督查，外滩社区中山东一路背街小巷存在垃圾堆放、乱张贴等问题，要求立即整改。');
    await editor.getByTestId('briefing-units').click();
    await office.keyboard.type('外滩社区');
    await office.keyboard.press('Enter');
    await office.keyboard.press('Escape');
    await office.getByRole('button', { name: '保存草稿' }).click();
    await office.getByTestId('briefing-detail').waitFor({ timeout: 20_000 });
    await office.getByTestId('briefing-acks').getByText('外滩社区').waitFor();
    await office.getByRole('button', { name: '提交审批' }).click();
    await stateTag(office).filter({ hasText: '待审批' }).waitFor({ timeout: 15_000 });
    const row = await stack.db.selectFrom('briefings').select(['briefing_id', 'named_units']).where('title', '=', TITLE).executeTakeFirstOrThrow();
    expect(row.named_units).toEqual(['WTSQ']);
    briefingId = row.briefing_id;
    await office.context().close();
  });

  it('a leader returns it with a reason; resubmitted, approves it', async () => {
    const leader = await open('leader');
    await openRow(leader);
    await leader.getByTestId('briefing-return-reason').fill('请补充整改时限');
    await leader.getByRole('button', { name: '退回' }).click();
    await stateTag(leader).filter({ hasText: '草稿' }).waitFor({ timeout: 15_000 });
    await must('office', `mutation { submitBriefing(id: "${briefingId}") { state } }`);
    await leader.reload();
    await leader.getByTestId('briefings-tab').waitFor({ timeout: 20_000 });
    await openRow(leader);
    await leader.getByRole('button', { name: '批准' }).click();
    await stateTag(leader).filter({ hasText: '已批准' }).waitFor({ timeout: 15_000 });
    await leader.context().close();
  });

  it('the office publishes it with its number and downloads the PDF', async () => {
    const office = await open('office');
    await openRow(office);
    await office.getByTestId('briefing-detail').getByRole('button', { name: '印发' }).click();
    await office.locator('.ant-popconfirm').getByRole('button', { name: '印发' }).click();
    await stateTag(office).filter({ hasText: '已印发' }).waitFor({ timeout: 20_000 });
    await office.getByText(NUMBER).first().waitFor();
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`督查通报（${NUMBER}）${TITLE}.pdf`);
    expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await office.context().close();
  });

  it('the head of 外滩社区 is asked to acknowledge it, downloads the .docx and acknowledges it; the office sees who did', async () => {
    const head = await open('wtsq.head');
    await head.getByTestId('briefings-awaiting').getByText(NUMBER).waitFor({ timeout: 20_000 });
    await openRow(head);
    const [download] = await Promise.all([head.waitForEvent('download'), head.getByRole('button', { name: '下载 Word' }).click()]);
    const xml = new PizZip(fs.readFileSync(await download.path())).file('word/document.xml')!.asText();
    expect(xml).toContain(TITLE);
    expect(xml).toContain(NUMBER);
    await head.getByTestId('briefing-detail').getByRole('button', { name: '签收' }).click();
    await head.getByTestId('briefing-acks').getByText(/已签收/).waitFor({ timeout: 15_000 });
    await screenshot(head, 'briefings');
    await waitFor(async () => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', briefingId).where('type', '=', 'BriefingAcknowledged').execute()).length === 1, 10_000, 'the 签收 event');
    await head.context().close();

    const office = await open('office');
    await openRow(office);
    await office.getByTestId('briefing-acks').getByText(/已签收 外滩社区负责人/).waitFor({ timeout: 15_000 });
    await office.context().close();
  });

  it('a unit member reads it without a 签收 button', async () => {
    const member = await open('wtsq.member');
    await openRow(member);
    await stateTag(member).filter({ hasText: '已印发' }).waitFor();
    expect(await member.getByTestId('briefing-detail').getByRole('button', { name: '签收' }).count()).toBe(0);
    await member.context().close();
  });
});
