// The leading group's dashboard (领导驾驶舱) and the phone report form (上报问题) in a real browser against the real
// API, PostgreSQL and Temporal. First the office sees the dashboard's Chinese empty states; then units hand in
// self-checks that a supervisor confirms as met or not met, one task runs past its deadline and is escalated, and a
// mock assessment is scored and closed: the leader sees the countdown and the phase, the 达标 rate per 测评项目 as
// seeded, the burn-down's current count, the overdue unit, the 红黑榜 as the API ranks it and the 公共文明指数 of
// the round, saves a chart as a PNG and a table as an .xlsx (opened here with exceljs), and on a phone the panels
// stack. A supervisor on a phone photographs a problem (shrunk to 1600 px before it is sent), records the position,
// and reports it: it is a rectification item in the database with its photo; the same report again is merged.
import * as fs from 'node:fs';
import * as ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { openContext, screenshot, signInAs, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, OFFICE_ACTOR, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const DUE = '2027-03-31T15:59:59.000Z';
/** Four days past: the reminder, the urging (at the deadline) and the supervision notice (72 hours on) are all due. */
const PAST_DUE = new Date(Date.now() - 4 * 86_400_000).toISOString();
const ITEM_A = '思想道德与核心价值观宣传';
const ITEM_C = '环境卫生';
const ESCALATION_LABELS: Record<string, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办', INTERVIEW: '约谈', ACCOUNTABILITY: '问责' };

const TASKS = [
  { indicatorCode: 'A1', unitCode: 'XCB', leadUnitCode: 'XCB', dueAt: DUE, selfCheck: 'MET' },
  { indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: DUE, selfCheck: 'MET' },
  { indicatorCode: 'A2', unitCode: 'XCB', leadUnitCode: 'XCB', dueAt: DUE, selfCheck: 'NOT_MET' },
  { indicatorCode: 'A2', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: DUE, selfCheck: null },
  { indicatorCode: 'C1', unitCode: 'HWS', leadUnitCode: 'HWS', dueAt: DUE, selfCheck: 'NOT_MET' },
  { indicatorCode: 'C2', unitCode: 'DHC', leadUnitCode: 'HWS', dueAt: PAST_DUE, selfCheck: null },
] as const;

const ADDRESS = '外滩路 88 号（东门）';
const DESCRIPTION = '垃圾桶满溢，周边散落垃圾';

/** Width and height of a baseline or progressive JPEG, from its SOF marker. */
function jpegSize(buf: Buffer): { width: number; height: number } {
  expect([buf[0], buf[1]]).toEqual([0xff, 0xd8]);
  let i = 2;
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw new Error(`not a JPEG marker at ${i}`);
    const marker = buf[i + 1];
    const length = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('no SOF marker');
}

describe('the dashboard and the report form in the browser', () => {
  let stack: TestStack;
  let browser: Browser;

  const { must, tokenOf } = passwordApi(() => stack.url);


  async function openDashboard(page: Page): Promise<void> {
    await page.getByRole('menu', { name: '主导航' }).getByText('领导驾驶舱').click();
    await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
  }

  /** A phone hides the name in the header (signInAs waits for it): sign in at the screen's own address. */
  async function signInOnPhone(page: Page, screen: string, login: string): Promise<void> {
    await page.goto(`${stack.url}/#/${screen}`);
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  async function saved(download: Download): Promise<Buffer> {
    const file = await download.path();
    return fs.readFileSync(file);
  }

  beforeAll(async () => ({ stack, browser } = await startWebStack({ prefix: 'webdash' })));
  afterAll(() => stopWebStack(browser, stack));

  it('says in Chinese that there is nothing yet before any task or mock assessment', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack.url, 'office');
    await openDashboard(page);
    await page.getByTestId('panel-met-rate').getByText('还没有指标任务：导入任务分解表后，这里显示各测评项目的达标率').waitFor();
    await page.getByTestId('panel-burn-down').getByText('还没有指标任务，暂无燃尽图').waitFor();
    await page.getByTestId('panel-pressure').getByText('目前没有逾期或提醒督办中的工作').waitFor();
    await page.getByTestId('panel-civility').getByText(/还没有已结束的模拟测评/).waitFor();
    await context.close();
  });

  it('shows the leader the countdown, the phase and every chart with the seeded numbers, and exports a chart and a table', async () => {
    // The work: six tasks of two 测评项目; four self-checks confirmed (two 达标, two 未达标); one task past its deadline.
    const { taskQueue } = stack.config.temporal;
    await Promise.all(
      TASKS.map((t) =>
        startIndicatorTask(stack.temporal, taskQueue, { campaignId: CAMPAIGN, indicatorCode: t.indicatorCode, unitCode: t.unitCode, leadUnitCode: t.leadUnitCode, dueAt: t.dueAt, createdBy: OFFICE_ACTOR }),
      ),
    );
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === TASKS.length, 30_000, 'six cards');
    for (const t of TASKS.filter((x) => x.selfCheck)) {
      const taskId = indicatorTaskWorkflowId(CAMPAIGN, t.indicatorCode, t.unitCode);
      await must(`${t.unitCode.toLowerCase()}.member`, 'mutation($i: SubmitSelfCheckInput!) { submitSelfCheck(input: $i) { id } }', {
        i: { taskId, classification: t.selfCheck, note: `自查：${t.selfCheck === 'MET' ? '达标' : '未达标'}` },
      });
      await must('supervisor', 'mutation($i: ApproveInput!) { confirmSelfCheck(input: $i) { id } }', { i: { taskId } });
    }
    const overdueTask = indicatorTaskWorkflowId(CAMPAIGN, 'C2', 'DHC');
    let escalation: string | null = null;
    await waitFor(
      async () => {
        const rows = await stack.db.selectFrom('indicator_task_cards').select(['task_id', 'classification', 'awaiting_review', 'escalation_level']).where('campaign_id', '=', CAMPAIGN).execute();
        escalation = rows.find((r) => r.task_id === overdueTask)?.escalation_level ?? null;
        return rows.filter((r) => r.classification !== null && r.awaiting_review === null).length === 4 && escalation === 'SUPERVISE';
      },
      30_000,
      'confirmed self-checks and the escalated task',
    );

    // A mock assessment of A1 and A3, scored and closed: the 公共文明指数's first point.
    const points = await stack.db.selectFrom('criteria').select(['code', 'points']).where('code', 'in', ['A1-1', 'A3-1']).orderBy('code').execute();
    const [a1, a3] = points.map((p) => Number(p.points));
    const round = await must<{ planInspectionRound: { id: string } }>('supervisor', 'mutation($i: PlanInspectionRoundInput!) { planInspectionRound(input: $i) { id } }', {
      i: { campaignId: CAMPAIGN, kind: 'MOCK_ASSESSMENT', title: '十一月模拟测评', plannedOn: '2026-11-20', indicatorCodes: ['A1', 'A3'] },
    });
    const roundId = round.planInspectionRound.id;
    await must('supervisor', 'mutation($i: RoundActionInput!) { actOnInspectionRound(input: $i) { id } }', { i: { roundId, action: 'START_ROUND' } });
    // A round's scores are a unit's (issue 20: they become that unit's task's mock assessment); A1 has tasks for
    // several units, so it is scored for the first of them; A3 has no task here, its score counts for the round only.
    const unitOf = async (indicator: string) =>
      (await stack.db.selectFrom('indicator_task_cards').select('unit_code').where('campaign_id', '=', CAMPAIGN).where('indicator_code', '=', indicator).orderBy('unit_code').executeTakeFirst())?.unit_code ?? null;
    for (const [criterionCode, score, indicator] of [['A1-1', a1 / 2, 'A1'], ['A3-1', a3, 'A3']] as const) {
      await must('supervisor', 'mutation($i: RecordRoundScoresInput!) { recordRoundScores(input: $i) { id } }', {
        i: { roundId, unitCode: await unitOf(indicator), scores: [{ criterionCode, score }] },
      });
    }
    await must('supervisor', 'mutation($i: RoundActionInput!) { actOnInspectionRound(input: $i) { id } }', { i: { roundId, action: 'CLOSE_ROUND' } });
    const rate = Math.round(((a1 / 2 + a3) / (a1 + a3)) * 1000) / 10;

    const { campaign } = await must<{ campaign: { countdownLabel: string; phaseLabel: string; daysToInspection: number } }>('leader', '{ campaign { countdownLabel phaseLabel daysToInspection } }');
    const { unitRanking } = await must<{ unitRanking: { weeks: { label: string; best: { unit: { name: string } }[]; worst: { unit: { name: string } }[] }[] } }>(
      'leader',
      '{ unitRanking(weeks: 8) { weeks { label best { unit { name } } worst { unit { name } } } } }',
    );

    const context = await openContext(browser);
    const page = await context.newPage();
    await signInAs(page, stack.url, 'leader');
    await openDashboard(page);

    // The countdown and the phase, as the API says them.
    await page.getByTestId('dash-countdown').filter({ hasText: campaign.countdownLabel }).waitFor();
    expect(await page.getByTestId('dash-countdown').locator('.ant-statistic-content-value').textContent()).toBe(String(campaign.daysToInspection));
    await page.getByTestId('dash-phase').filter({ hasText: campaign.phaseLabel }).waitFor();
    await page.getByTestId('dash-met').filter({ hasText: '33.3%' }).filter({ hasText: '达标 2 / 任务 6' }).waitFor();

    // Every chart is drawn.
    for (const id of ['met-rate', 'burn-down', 'pressure', 'civility']) await page.getByTestId(`panel-${id}`).locator('canvas').first().waitFor();

    // 达标率 by 测评项目: 2 of the 4 tasks of item A are met, none of the 2 of item C; the table says so.
    const met = page.getByTestId('panel-met-rate');
    await met.getByTestId('met-summary').filter({ hasText: '全部 6 项指标任务中达标 2 项，达标率 33.3%' }).waitFor();
    await met.getByText('表格', { exact: true }).click();
    const rowA = met.getByRole('row').filter({ hasText: ITEM_A });
    expect((await rowA.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([ITEM_A, '4', '2', '50.0%']);
    expect((await met.getByRole('row').filter({ hasText: ITEM_C }).getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([ITEM_C, '2', '0', '0.0%']);
    await met.getByText('达标指：自查经督查组确认为「达标」', { exact: false }).waitFor();

    // The burn-down: 4 of 6 still unmet now; its table has the past boards and the present.
    const burn = page.getByTestId('panel-burn-down');
    expect(await burn.getByTestId('burndown-current').textContent()).toBe('4');
    await burn.getByText('表格', { exact: true }).click();
    const burnRows = burn.locator('tbody tr.ant-table-row');
    await waitFor(async () => (await burnRows.count()) >= 3, 10_000, 'burn-down rows');
    const lastRow = (await burnRows.last().getByRole('cell').allTextContents()).map((s) => s.trim());
    expect(lastRow.slice(1, 4)).toEqual([String(campaign.daysToInspection), '6', '4']);

    // Overdue and escalated work: the village's task, at the supervision notice.
    expect(escalation).toBe('SUPERVISE');
    const pressure = page.getByTestId('panel-pressure');
    await pressure.getByTestId('pressure-summary').filter({ hasText: '逾期或提醒督办中的工作 1 项（指标任务 1 项，整改问题 0 项），涉及 1 个单位' }).waitFor();
    await pressure.getByText('表格', { exact: true }).click();
    const headers = (await pressure.locator('thead th').allTextContents()).map((s) => s.trim());
    const village = (await pressure.getByRole('row').filter({ hasText: '东湖村' }).getByRole('cell').allTextContents()).map((s) => s.trim());
    expect(village[headers.indexOf(ESCALATION_LABELS[escalation!])]).toBe('1');
    expect(village[headers.indexOf('合计')]).toBe('1');

    // 红黑榜: this week's lists as the API ranks them.
    const ranking = page.getByTestId('panel-ranking');
    const week = unitRanking.weeks[0];
    const weekRow = ranking.locator('tbody tr.ant-table-row').first();
    await weekRow.filter({ hasText: week.label.split('，')[0] }).waitFor();
    expect(week.best.length + week.worst.length).toBeGreaterThan(0);
    for (const entry of [...week.best, ...week.worst]) await weekRow.getByText(entry.unit.name, { exact: false }).first().waitFor();

    // 公共文明指数: the round's score rate.
    await page.getByTestId('civility-latest').filter({ hasText: `十一月模拟测评（2026-11-20）得分率 ${rate}%` }).waitFor();

    // The screenshot for docs/user-guide.md: the top of the dashboard at 1366×768, charts showing.
    await met.getByText('图表', { exact: true }).click();
    await burn.getByText('图表', { exact: true }).click();
    await pressure.getByText('图表', { exact: true }).click();
    await page.evaluate('window.scrollTo(0, 0)');
    await met.locator('canvas').first().waitFor();
    await page.waitForTimeout(600); // the charts' entrance animation
    await screenshot(page, 'dashboard');

    // A chart as a PNG, with a Chinese file name.
    const [image] = await Promise.all([page.waitForEvent('download'), met.getByRole('button', { name: '导出图片' }).click()]);
    expect(image.suggestedFilename()).toMatch(/^各测评项目达标率-\d{8}\.png$/);
    const png = await saved(image);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1440); // drawn at least 720 px wide, at twice the pixels

    // A table as .xlsx, with Chinese headers, rows and file name.
    const [sheet] = await Promise.all([page.waitForEvent('download'), met.getByRole('button', { name: '导出表格' }).click()]);
    expect(sheet.suggestedFilename()).toMatch(/^各测评项目达标率-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await saved(sheet)) as unknown as ExcelJS.Buffer);
    const ws = workbook.worksheets[0];
    expect(ws.name).toBe('各测评项目达标率');
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['测评项目', '任务数', '达标数', '达标率']);
    expect(rows).toContainEqual([ITEM_A, 4, 2, 0.5]);
    expect(rows).toContainEqual([ITEM_C, 2, 0, 0]);
    expect(rows[rows.length - 1]).toEqual(['合计', 6, 2, 0.333]);
    expect(ws.getCell('D2').numFmt).toBe('0.0%');
    await context.close();

    // On a phone the panels stack, one above the other, and the charts fit the screen.
    const phone = await openContext(browser, { phone: true });
    const small = await phone.newPage();
    await signInOnPhone(small, 'dashboard', 'leader');
    await small.getByTestId('panel-burn-down').locator('canvas').first().waitFor();
    const first = (await small.getByTestId('panel-met-rate').boundingBox())!;
    const second = (await small.getByTestId('panel-burn-down').boundingBox())!;
    expect(Math.abs(first.x - second.x)).toBeLessThan(2);
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
    expect(first.width).toBeLessThanOrEqual(390);
    await phone.close();
  });

  it('lets a supervisor report a problem from a phone with a photo and the position; the same report again is merged', async () => {
    const context = await openContext(browser, { phone: true });
    await context.grantPermissions(['geolocation'], { origin: stack.url });
    await context.setGeolocation({ latitude: 31.2304, longitude: 121.4737, accuracy: 12 });
    const page = await context.newPage();
    await signInOnPhone(page, 'report', 'supervisor');
    await page.getByRole('heading', { name: '上报问题' }).waitFor();

    // Nothing filled in: the form says what is missing before anything is sent.
    await page.getByRole('button', { name: '提交上报' }).click();
    await page.getByText('请填写问题所在地址').waitFor();
    await page.getByText('请选择专项整治领域').waitFor();
    await page.getByText('请填写问题描述').waitFor();

    // A camera photo larger than 1600 px (a JPEG made by this browser's canvas).
    // (The test's own TypeScript knows no DOM: the drawing is sent as the page's own script.)
    const jpeg = Buffer.from(
      await page.evaluate<string>(`(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 2400;
        canvas.height = 1800;
        const g = canvas.getContext('2d');
        const gradient = g.createLinearGradient(0, 0, 2400, 1800);
        gradient.addColorStop(0, '#b71c1c');
        gradient.addColorStop(1, '#ffe082');
        g.fillStyle = gradient;
        g.fillRect(0, 0, 2400, 1800);
        return canvas.toDataURL('image/jpeg', 0.7).split(',')[1];
      })()`),
      'base64',
    );
    const addPhoto = () => page.getByTestId('photo-camera').setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await addPhoto();
    await page.locator('.report-preview img').first().waitFor();

    await page.getByRole('button', { name: '使用当前位置' }).click();
    await page.getByTestId('report-position').filter({ hasText: '纬度 31.230400，经度 121.473700' }).waitFor();
    await page.getByLabel('问题地址').fill(ADDRESS);
    await page.getByText('环境卫生', { exact: true }).click();
    await page.getByLabel('问题描述').fill(DESCRIPTION);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'report-phone');

    await page.getByRole('button', { name: '提交上报' }).click();
    await page.getByTestId('report-result').filter({ hasText: '已上报，已生成整改问题' }).waitFor();
    const itemId = (await page.getByTestId('report-item-id').textContent())!.trim();

    // A rectification item of the supervision group, not yet dispatched, with the position and the shrunk photo.
    const row = await stack.db.selectFrom('rectification_item_cards').selectAll().where('item_id', '=', itemId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ campaign_id: CAMPAIGN, state: 'REPORTED', source: 'SUPERVISION', area: 'SANITATION', address: ADDRESS, unit_code: null });
    const state = row.state_json as { description: string; location: { latitude: number; longitude: number }; photos: { sha256: string; name: string; mimeType: string }[] };
    expect(state.description).toBe(DESCRIPTION);
    expect(state.location).toMatchObject({ latitude: 31.2304, longitude: 121.4737 });
    expect(state.photos).toHaveLength(1);
    expect(state.photos[0]).toMatchObject({ name: '现场.jpg', mimeType: 'image/jpeg' });
    const { rectificationItem } = await must<{ rectificationItem: { photos: { url: string }[] } }>('supervisor', `{ rectificationItem(id: "${itemId}") { photos { url } } }`);
    const res = await fetch(`${stack.url}${rectificationItem.photos[0].url}`, { headers: { authorization: `Bearer ${await tokenOf('supervisor')}` } });
    expect(res.status).toBe(200);
    expect(jpegSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: 1600, height: 1200 });

    // Report another: an empty form; the same problem again is merged into the open item.
    await page.getByRole('button', { name: '继续上报' }).click();
    expect(await page.getByLabel('问题地址').inputValue()).toBe('');
    expect(await page.locator('.report-preview').count()).toBe(0);
    await addPhoto();
    await page.locator('.report-preview img').first().waitFor();
    await page.getByLabel('问题地址').fill(ADDRESS);
    await page.getByText('环境卫生', { exact: true }).click();
    await page.getByLabel('问题描述').fill(DESCRIPTION);
    await page.getByRole('button', { name: '提交上报' }).click();
    await page.getByTestId('report-result').filter({ hasText: '已存在相同问题，已合并' }).waitFor();
    expect((await page.getByTestId('report-item-id').textContent())!.trim()).toBe(itemId);
    await page.getByText('累计重复上报 1 次', { exact: false }).waitFor();
    const same = await stack.db.selectFrom('rectification_item_cards').select('item_id').where('campaign_id', '=', CAMPAIGN).where('address', '=', ADDRESS).execute();
    expect(same.map((r) => r.item_id)).toEqual([itemId]);
    await context.close();
  });
});
