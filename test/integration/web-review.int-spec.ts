// 总结评议 in a real browser against the real API, PostgreSQL and Temporal (issue 20): the office has opened a
// self-evaluation round over 外滩社区; in 工作组 → 总结评议 外滩社区's member fills the unit's form (a status for its task,
// achievements, shortcomings, next steps, a self-grade) and submits it; the leading group grades the unit in 评议.
// Each step is an event.
import type { Browser, Page } from 'playwright-core';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';

const TAB = '#/groups?tab=review';

describe('总结评议 in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let roundId: string;
  const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const types = async (id: string) => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', id).orderBy('stream_version').execute()).map((e) => e.type);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webreview' }));
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined, 20_000, 'the task');
    const opened = await must<{ openSelfEvaluationRound: { id: string } }>(
      'office',
      `mutation { openSelfEvaluationRound(input: { campaignId: "${CAMPAIGN}", title: "第一季度自查自评", periodStart: "2026-09-01", periodEnd: "2026-11-30", dueDate: "2026-12-31", unitCodes: ["WTSQ"], includeSubdistrict: false }) { id } }`,
    );
    roundId = opened.openSelfEvaluationRound.id;
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string, route = TAB): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, route);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }

  it('lets a unit fill and submit its own form', async () => {
    const page = await open('wtsq.member');
    const row = page.locator('tr', { hasText: '外滩社区' });
    await row.getByRole('button', { name: '填报' }).click({ timeout: 20_000 });
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('combobox', { name: '自评结果 A4' }).click();
    await page.locator('.ant-select-item-option', { hasText: '未知可否达标' }).click();
    await drawer.getByLabel('主要成绩').fill('入户宣传覆盖全部楼组');
    await drawer.getByLabel('存在不足').fill('年轻居民知晓率偏低');
    await drawer.getByLabel('下一步打算').fill('开展线上宣传');
    await drawer.getByLabel('良好').check();
    await screenshot(page, 'review-form');
    await drawer.getByRole('button', { name: '提交自评表' }).click();
    await page.locator('tr', { hasText: '外滩社区' }).getByText('已提交').waitFor({ timeout: 15_000 });
    expect(await types(roundId)).toEqual(['SelfEvaluationOpened', 'SelfEvaluationSubmitted']);
    await page.context().close();
  });

  it('lets the leading group grade the unit', async () => {
    const page = await open('leader');
    await page.getByRole('tab', { name: '评议', exact: true }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: '评议单位' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByRole('combobox').click();
    await page.locator('.ant-select-item-option', { hasText: '外滩社区' }).click();
    await modal.getByLabel('优秀').check();
    await modal.getByLabel('评语').fill('自评实事求是');
    await modal.getByRole('button', { name: '确定' }).click();
    await page.locator('tr', { hasText: '自评实事求是' }).getByText('优秀').waitFor({ timeout: 15_000 });
    await screenshot(page, 'review-appraisal');
    expect(await types(`appraisal:${CAMPAIGN}`)).toEqual(['AppraisalOpened', 'UnitGraded']);
    await page.context().close();
  });
});
