// The round page's issue-20 parts in a real browser against the real API, PostgreSQL and Temporal: a supervisor scores
// a mock assessment per responsible unit and sees, per covered task, whether the scores became its mock assessment
// (外滩社区's task moves on; 滨江社区's, still in self-check, is reported with the reason); the task's own page says
// where the score came from; then a window-service check of 便民服务中心 with one failed point becomes a dispatched item.
import type { Browser, Page } from 'playwright-core';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

describe('the round page: scores that move tasks, window-service checks', () => {
  let stack: TestStack;
  let browser: Browser;
  let roundId: string;
  const { must } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];
  const task = (unit: string) => indicatorTaskWorkflowId(CAMPAIGN, 'A4', unit);

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webroundchecks' }));
    for (const unit of ['WTSQ', 'BJSQ']) await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A4', unit);
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 2);
    await must('wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${task('WTSQ')}", classification: UNKNOWN, note: "申请模拟测评" }) { id } }`);
    await must('supervisor', `mutation { confirmSelfCheck(input: { taskId: "${task('WTSQ')}" }) { id } }`);
    const planned = await must<{ planInspectionRound: { id: string } }>(
      'supervisor',
      `mutation { planInspectionRound(input: { campaignId: "${CAMPAIGN}", kind: MOCK_ASSESSMENT, title: "浏览器模拟测评", plannedOn: "2026-12-10", indicatorCodes: ["A4"] }) { id } }`,
    );
    roundId = planned.planInspectionRound.id;
    await must('supervisor', `mutation { actOnInspectionRound(input: { roundId: "${roundId}", action: START_ROUND }) { id } }`);
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function open(login: string, route: string): Promise<Page> {
    const page = await signedInPage(browser, stack.url, login, route);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  }
  async function pick(page: Page, label: string, option: string) {
    await page.locator('.ant-drawer').getByLabel(label).click();
    await page.locator('.ant-select-item-option').filter({ hasText: option }).click();
  }

  it('records a unit’s scores as its task’s mock assessment, and reports the task that cannot take them', async () => {
    const page = await open('supervisor', `#/rounds?round=${encodeURIComponent(roundId)}`);
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('模拟测评得分').waitFor({ timeout: 20_000 });
    await pick(page, '测评单位', '外滩社区');
    await drawer.getByRole('spinbutton', { name: 'A4-1 得分' }).fill('2');
    await drawer.getByRole('button', { name: '保存得分' }).click();
    const outcomes = drawer.locator('.ant-table', { hasText: '得分计入任务的模拟测评' });
    await outcomes.locator('tr', { hasText: '外滩社区' }).getByText('已计入任务').waitFor({ timeout: 20_000 });
    await outcomes.locator('tr', { hasText: '外滩社区' }).getByText('达标').waitFor();
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('stage').where('task_id', '=', task('WTSQ')).executeTakeFirst())?.stage === 'CONSOLIDATION', 10_000, 'the task to move on');

    await pick(page, '测评单位', '滨江社区');
    await drawer.getByRole('spinbutton', { name: 'A4-1 得分' }).fill('1.5');
    await drawer.getByRole('button', { name: '保存得分' }).click();
    const bjsq = outcomes.locator('tr', { hasText: '滨江社区' });
    await bjsq.getByText('未计入任务').waitFor({ timeout: 20_000 });
    await bjsq.getByText(/自查自评/).waitFor();
    await outcomes.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-task-assessments');
    expect((await stack.db.selectFrom('indicator_task_cards').select('stage').where('task_id', '=', task('BJSQ')).executeTakeFirstOrThrow()).stage).toBe('SELF_CHECK');
    await page.context().close();
  });

  it('shows on the task’s own page that its mock assessment came from the round', async () => {
    const page = await open('supervisor', `#/board?card=${encodeURIComponent(task('WTSQ'))}`);
    await page.getByText('录入模拟测评结果（得分来自检查轮次「浏览器模拟测评」）').waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('checks a window-service unit point by point; the failed point becomes an item dispatched to it', async () => {
    const page = await open('supervisor', `#/rounds?round=${encodeURIComponent(roundId)}`);
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('窗口服务规范化检查').first().waitFor({ timeout: 20_000 });
    await pick(page, '窗口服务单位', '街道便民服务中心');
    const form = drawer.locator('.ant-table', { hasText: '亮证上岗' }).first();
    const rows = form.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBe(8);
    for (let i = 0; i < count; i += 1) await rows.nth(i).getByText('合格', { exact: true }).click();
    const queue = form.locator('tr', { hasText: '排队等候' });
    await queue.getByText('不合格', { exact: true }).click();
    await queue.getByRole('textbox').fill('高峰排队约25分钟');
    await drawer.getByRole('button', { name: '保存检查结果' }).click();
    await page.getByText('已记录，1个不合格项目已生成整改问题').waitFor({ timeout: 20_000 });
    await drawer.getByText('窗口服务检查 · 街道便民服务中心 · 合格 7/8（87.5%）').waitFor();
    await screenshot(page, 'rounds-window-check');
    const items = await stack.db.selectFrom('rectification_item_cards').select(['area', 'unit_code', 'state']).where('inspection_round_id', '=', roundId).execute();
    expect(items).toEqual([{ area: 'SERVICE_WINDOWS', unit_code: 'BMFW', state: 'DISPATCHED' }]);
    await page.context().close();
  });
});
