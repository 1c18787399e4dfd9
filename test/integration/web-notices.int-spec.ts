// Official notices on the card in a real browser against the real API, PostgreSQL and Temporal (issue 16): the
// office issues a 督办通知单 to 外滩社区; its head opens the card, sees the notice 未签收 with its deadline, downloads
// the .docx (named in Chinese, holding the number and the unit) and acknowledges it (签收): the card shows the time
// of receipt and the event is recorded. A unit member sees the notice and may download it, but has no 签收 button.
import * as fs from 'node:fs';
import PizZip from 'pizzip';
import type { Browser } from 'playwright-core';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { shanghaiDate } from '../../workflows/shared/time';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const YEAR = Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
const NUMBER = `创文督〔${YEAR}〕1号`;

describe('official notices on the card in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let noticeId: string;
  const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webnotices' }));
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined, 60_000, 'the card');
    const issued = await must<{ issueOfficialNotice: { id: string; number: string } }>('office', `mutation { issueOfficialNotice(input: { kind: SUPERVISION, taskId: "${taskId}", note: "请于三日内整改到位" }) { id number } }`);
    expect(issued.issueOfficialNotice.number).toBe(NUMBER);
    noticeId = issued.issueOfficialNotice.id;
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  it('lets a unit member see and download the notice, without a 签收 button', async () => {
    const member = await signedInPage(browser, stack.url, 'wtsq.member', `#/board?card=${encodeURIComponent(taskId)}`);
    member.on('pageerror', (err) => pageErrors.push(String(err)));
    const notice = member.getByTestId('official-notice').filter({ hasText: NUMBER });
    await notice.waitFor({ timeout: 20_000 });
    await notice.getByText('未签收').waitFor();
    expect(await notice.getByRole('button', { name: '签收' }).count()).toBe(0);
    await member.context().close();
  });

  it('lets the unit head download the .docx and acknowledge it; the card shows when', async () => {
    const head = await signedInPage(browser, stack.url, 'wtsq.head', `#/board?card=${encodeURIComponent(taskId)}`);
    head.on('pageerror', (err) => pageErrors.push(String(err)));
    const section = head.getByTestId('official-notices');
    const notice = section.getByTestId('official-notice').filter({ hasText: NUMBER });
    await notice.waitFor({ timeout: 20_000 });
    await section.getByText('正式通知（1）').waitFor();
    await notice.getByText('督办通知单').waitFor();
    await notice.getByTestId('notice-unacknowledged').waitFor();

    const [download] = await Promise.all([head.waitForEvent('download'), notice.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe(`督办通知单（${NUMBER}）.docx`);
    const text = new PizZip(fs.readFileSync(await download.path())).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
    expect(text).toContain(NUMBER);
    expect(text).toContain('外滩社区');
    expect(text).toContain('请于三日内整改到位');

    await notice.getByRole('button', { name: '签收' }).click();
    const confirm = head.locator('.ant-popconfirm');
    await confirm.getByPlaceholder('签收意见（可不填）').fill('已收到，立即整改');
    await confirm.getByRole('button', { name: '签收' }).click();
    await notice.getByTestId('notice-acknowledged').waitFor({ timeout: 15_000 });
    await notice.getByText(/签收于/).waitFor();
    expect(await notice.getByRole('button', { name: '签收' }).count()).toBe(0);
    await screenshot(head, 'official-notice');

    await waitFor(async () => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', noticeId).where('type', '=', 'NoticeAcknowledged').execute()).length === 1, 10_000, 'the 签收 event');
    const [event] = await stack.db.selectFrom('events').select(['data', 'metadata']).where('stream_id', '=', noticeId).where('type', '=', 'NoticeAcknowledged').execute();
    expect(event.data).toEqual({ note: '已收到，立即整改', unitCode: 'WTSQ' });
    await head.context().close();
  });
});
