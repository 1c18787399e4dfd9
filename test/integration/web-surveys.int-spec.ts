// 问卷调查 in a real browser against the real API, PostgreSQL and Temporal (issue 20): the office has planned a round
// over 外滩社区 and 滨江社区; in 工作组 → 问卷调查 it enters each community's counts (a count above the sample is refused
// by the form), sees the rates, and closes the round; 外滩社区's member cites the closed round on the 市民创建知晓率
// task; the leading group's dashboard shows the four rates' trend. Each step is an event.
import type { Browser, Page } from 'playwright-core';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';

const TAB = '#/groups?tab=surveys';

describe('survey rounds in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let roundId: string;
  const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const types = async (id: string) => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', id).orderBy('stream_version').execute()).map((e) => e.type);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'websurveys' }));
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    const planned = await must<{ planSurveyRound: { id: string } }>(
      'office',
      `mutation { planSurveyRound(input: { campaignId: "${CAMPAIGN}", title: "第一轮群众满意度问卷调查", method: IN_PERSON, startDate: "2026-09-01", endDate: "2026-09-07" }) { id } }`,
    );
    roundId = planned.planSurveyRound.id;
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined, 20_000, 'the task');
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string, route = TAB): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, route);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  async function enter(page: Page, unit: string, values: [number, number, number, number, number]) {
    const labels = ['样本量', '知晓人数', '支持人数', '参与人数', '满意人数'];
    for (const [i, label] of labels.entries()) await page.getByRole('spinbutton', { name: `${unit}${label}` }).fill(String(values[i]));
  }

  it('lets the office enter each community’s counts, see the rates and close the round', async () => {
    const page = await open('office');
    const row = page.locator('tr', { hasText: '第一轮群众满意度问卷调查' });
    await row.getByRole('button', { name: '录入' }).click({ timeout: 20_000 });
    const drawer = page.locator('.ant-drawer');
    await enter(page, '外滩社区', [200, 201, 160, 90, 140]);
    await drawer.getByTestId('entry-WTSQ').getByRole('button', { name: '保存' }).click();
    await drawer.getByText('知晓人数不能超过样本量').waitFor();
    expect(await types(roundId)).toEqual(['SurveyRoundPlanned']);
    await page.getByRole('spinbutton', { name: '外滩社区知晓人数' }).fill('150');
    await drawer.getByTestId('entry-WTSQ').getByRole('button', { name: '保存' }).click();
    await drawer.getByText('75.0%（150）').waitFor({ timeout: 15_000 });
    await enter(page, '滨江社区', [180, 126, 135, 72, 117]);
    await drawer.getByTestId('entry-BJSQ').getByRole('button', { name: '保存' }).click();
    await drawer.getByText('70.0%（126）').waitFor({ timeout: 15_000 });
    // Street-wide: 276 of 380 = 72.6%.
    await drawer.getByText('知晓率 72.6%').waitFor();
    await screenshot(page, 'surveys-entry');
    await drawer.getByRole('textbox', { name: '结束说明' }).fill('首轮基线调查');
    await drawer.getByRole('button', { name: '结束本轮' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '结束' }).click();
    await drawer.getByText('已结束').first().waitFor({ timeout: 15_000 });
    await waitFor(async () => (await types(roundId)).includes('SurveyRoundClosed'), 10_000, 'the close');
    expect(await types(roundId)).toEqual(['SurveyRoundPlanned', 'SurveyResultsRecorded', 'SurveyResultsRecorded', 'SurveyRoundClosed']);
    await page.context().close();
  });

  it('lets the unit cite the closed round on its survey task', async () => {
    const page = await open('wtsq.member');
    const row = page.locator('tr', { hasText: '第一轮群众满意度问卷调查' });
    await row.getByRole('button', { name: '查看' }).click({ timeout: 20_000 });
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('combobox', { name: '引用到任务' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'A4' }).click();
    await drawer.getByRole('textbox', { name: '引用说明' }).fill('用于材料审核');
    await drawer.getByRole('button', { name: '引用' }).click();
    await page.getByText('已引用为任务佐证').waitFor({ timeout: 15_000 });
    await waitFor(async () => (await types(taskId)).includes('EvidenceAttached'), 10_000, 'the citation');
    await page.context().close();
  });

  it('shows the leading group the four rates’ trend on the dashboard', async () => {
    const page = await open('leader', '#/dashboard');
    const panel = page.getByTestId('panel-surveys');
    await panel.getByTestId('survey-latest').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('survey-latest').textContent()).toContain('知晓率 72.6%');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'surveys-dashboard');
    await page.context().close();
  });
});
