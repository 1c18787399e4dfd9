// The approval queue (待我审批) and the card detail in a real browser against the real API, PostgreSQL and Temporal:
// a supervisor sees exactly what waits for them, oldest first, approves two in a batch (they leave the queue and the
// server moves them on), returns one with a reason, and is refused in the API's words when a second supervisor, in
// another browser, decided the same card first (which leaves the first supervisor's queue live); the card's drawer
// shows its history (who, when), an evidence picture fetched with the token and previewed, comments (one added),
// and the allowed actions; an archivist accepts an archive material; a phone gets the drawer full width.
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { openContext, screenshot, signInAs, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, eventsOf, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const task = (indicator: string) => indicatorTaskWorkflowId(CAMPAIGN, indicator, 'WTSQ');
const NAMES: Record<string, string> = {
  A1: 'A1 主次干道公益广告密度',
  A2: 'A2 小区固定式公益广告（核心价值观、关爱未成年人）',
  A3: 'A3 新时代文明实践站活动台账',
  A4: 'A4 市民创建知晓率',
  B1: 'B1 校园周边环境',
  B2: 'B2 网吧及娱乐场所禁止未成年人进入',
};
const ITEM_DESCRIPTION = '外滩路 12 号垃圾桶满溢，周边有散落垃圾';

/** A real PNG (a red and white chequerboard), so that the browser can show it. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const red = (Math.floor(x / 16) + Math.floor(y / 16)) % 2 === 0;
      row.set(red ? [183, 28, 28] : [255, 255, 255], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describe('the approval queue and the card detail in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let supervisor: Page;

  const { must } = passwordApi(() => stack.url);


  const act = (login: string, mutation: string, inputType: string, input: Record<string, unknown>) =>
    must(login, `mutation($i: ${inputType}!) { ${mutation}(input: $i) { id version } }`, { i: input });

  async function card(taskId: string) {
    return stack.db.selectFrom('indicator_task_cards').select(['stage', 'awaiting_review', 'classification']).where('task_id', '=', taskId).executeTakeFirstOrThrow();
  }

  /** The queue's rows, top to bottom, by the card each is about. */
  async function queueTitles(page: Page): Promise<string[]> {
    return page.getByTestId('approval-queue').getByTestId('open-card').allTextContents();
  }

  async function expectQueue(page: Page, titles: string[]): Promise<void> {
    let seen: string[] = [];
    await waitFor(
      async () => {
        seen = await queueTitles(page);
        return JSON.stringify(seen) === JSON.stringify(titles);
      },
      20_000,
      `queue ${JSON.stringify(titles)}`,
    ).catch(() => {
      throw new Error(`the queue shows ${JSON.stringify(seen)}, expected ${JSON.stringify(titles)}`);
    });
  }

  async function openApprovals(page: Page, login: string, options: { phone?: boolean } = {}): Promise<void> {
    if (options.phone) {
      // A phone hides the name in the header (signInAs waits for it): sign in at the queue's own address.
      await page.goto(`${stack.url}/#/approvals`);
      await page.getByLabel('登录名').fill(login);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
    } else {
      await signInAs(page, stack.url, login);
      await page.getByRole('menu', { name: '主导航' }).getByText('待我审批').click();
    }
    await page.getByTestId('approvals').waitFor();
  }

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webappr' }));
    const { taskQueue } = stack.config.temporal;
    const indicators = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'C1'];
    for (const indicatorCode of indicators) await startTestTask(stack.temporal, taskQueue, indicatorCode, 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === indicators.length, 60_000, 'the cards');

    // A picture on B2 before its self-check, so that the supervisor previews it in the drawer.
    await act('wtsq.member', 'uploadEvidence', 'UploadEvidenceInput', { taskId: task('B2'), fileName: '网吧禁入标识.png', contentBase64: png(96, 64).toString('base64'), note: '门口张贴的禁入标识' });

    // Five self-checks, one after another: the queue's order. C1 is not handed in and waits for nobody.
    const selfChecks: [string, string][] = [['A1', 'NOT_MET'], ['A2', 'RELAPSE_PRONE'], ['A4', 'UNKNOWN'], ['B1', 'UNKNOWN'], ['B2', 'MET']];
    for (const [indicator, classification] of selfChecks) {
      await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: task(indicator), classification, note: `${indicator} 自查说明` });
    }

    // A3 goes to archiving, and one of its two materials is handed in: it waits for the archivist only.
    await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: task('A3'), classification: 'MET', note: '台账齐全' });
    await act('supervisor2', 'confirmSelfCheck', 'ApproveInput', { taskId: task('A3') });
    await act('office', 'startArchiving', 'ApproveInput', { taskId: task('A3') });
    await act('wtsq.member', 'submitArchiveMaterial', 'SubmitArchiveMaterialInput', {
      taskId: task('A3'),
      materialCode: 'A3-M1',
      fileName: '活动台账.pdf',
      contentBase64: Buffer.from('%PDF-1.4 台账').toString('base64'),
      note: '2026 年 1–11 月活动台账',
    });

    // A rectification item fixed by the unit: it waits for a supervisor to verify it, and is the newest.
    const reported = await must<{ reportItem: { item: { id: string } } }>('supervisor2', 'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id } } }', {
      i: { campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'SANITATION', location: { address: '外滩路 12 号' }, description: ITEM_DESCRIPTION, photos: [{ fileName: '现场.png', contentBase64: png(64, 48).toString('base64') }], unitCode: 'WTSQ' },
    });
    const itemId = reported.reportItem.item.id;
    await act('wtsq.member', 'actOnItem', 'ItemActionInput', { itemId, action: 'START_RECTIFICATION' });
    await act('wtsq.member', 'actOnItem', 'ItemActionInput', { itemId, action: 'SUBMIT_RECTIFICATION', note: '已清运并增设垃圾桶', photos: [{ fileName: '整改后.png', contentBase64: png(64, 48).toString('base64') }] });

    supervisor = await (await openContext(browser)).newPage();
  });

  afterAll(() => stopWebStack(browser, stack));

  it('shows a supervisor exactly what waits for them, oldest first, and approves two in a batch', async () => {
    await openApprovals(supervisor, 'supervisor');
    await expectQueue(supervisor, [NAMES.A1, NAMES.A2, NAMES.A4, NAMES.B1, NAMES.B2, ITEM_DESCRIPTION]);
    const queue = supervisor.getByTestId('approval-queue');
    await queue.getByText('自查结果待审核').first().waitFor();
    await queue.getByText('整改问题待复核').waitFor();
    await queue.getByText('自查结果：未达标').waitFor();

    await supervisor.getByRole('checkbox', { name: `选择：自查结果待审核 ${NAMES.A1}` }).check();
    await supervisor.getByRole('checkbox', { name: `选择：自查结果待审核 ${NAMES.A2}` }).check();
    const batch = supervisor.getByTestId('batch-approve');
    await batch.filter({ hasText: '批量通过（2）' }).waitFor();
    await screenshot(supervisor, 'approvals');

    await batch.click();
    await supervisor.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
    await supervisor.getByTestId('batch-result').filter({ hasText: '成功 2 项，未通过 0 项' }).waitFor();
    await expectQueue(supervisor, [NAMES.A4, NAMES.B1, NAMES.B2, ITEM_DESCRIPTION]);

    // On the server: A1 (not met) is to be rectified, A2 (relapse-prone) is consolidated; neither waits any more.
    expect(await card(task('A1'))).toEqual({ stage: 'RECTIFICATION', awaiting_review: null, classification: 'NOT_MET' });
    expect(await card(task('A2'))).toEqual({ stage: 'CONSOLIDATION', awaiting_review: null, classification: 'RELAPSE_PRONE' });
    expect((await eventsOf(stack.db, task('A1'))).map((e) => e.type)).toContain('SelfCheckConfirmed');
  });

  it('returns one with a reason, and shows the refusal when another supervisor decided first', async () => {
    await supervisor.getByRole('button', { name: `退回：${NAMES.A4}` }).click();
    let dialog = supervisor.getByRole('dialog', { name: `退回：${NAMES.A4}` });
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByText('请填写退回原因').waitFor(); // the reason is required
    await dialog.getByLabel('退回原因').fill('知晓率问卷样本不足，请补充数据');
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectQueue(supervisor, [NAMES.B1, NAMES.B2, ITEM_DESCRIPTION]);
    expect(await card(task('A4'))).toMatchObject({ stage: 'SELF_CHECK', awaiting_review: null });
    const history = await must<{ indicatorTask: { history: { type: string; data: { reason?: string } }[] } }>('supervisor', `{ indicatorTask(id: "${task('A4')}") { history { type data } } }`);
    expect(history.indicatorTask.history.at(-1)).toEqual({ type: 'SelfCheckReturned', data: { reason: '知晓率问卷样本不足，请补充数据' } });

    // The first supervisor starts returning B1 …
    await supervisor.getByRole('button', { name: `退回：${NAMES.B1}` }).click();
    dialog = supervisor.getByRole('dialog', { name: `退回：${NAMES.B1}` });
    await dialog.getByLabel('退回原因').fill('周边摊贩情况未说明');
    // … while the second, in another browser, confirms it.
    const second = await (await openContext(browser)).newPage();
    await openApprovals(second, 'supervisor2');
    await expectQueue(second, [NAMES.B1, NAMES.B2, ITEM_DESCRIPTION]);
    await second.getByRole('button', { name: `确认：${NAMES.B1}` }).click();
    await expectQueue(second, [NAMES.B2, ITEM_DESCRIPTION]);

    // Live: B1 leaves the first supervisor's queue; the open dialog says so, and the API refuses the return.
    await expectQueue(supervisor, [NAMES.B2, ITEM_DESCRIPTION]);
    await dialog.getByText('该事项已不在待审批列表中').waitFor();
    await dialog.getByRole('button', { name: '退回' }).click();
    const refusal = dialog.getByTestId('reason-error');
    await refusal.waitFor();
    // The dialog was opened at the card's version before the other supervisor's confirmation: the API refuses it.
    expect(await refusal.textContent()).toMatch(/^操作未成功（CONFLICT）任务已被他人更新（您看到的版本为\d+，当前版本为\d+），请刷新后重试$/);
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await card(task('B1'))).toMatchObject({ stage: 'MOCK_ASSESSMENT', awaiting_review: null });
    expect((await eventsOf(stack.db, task('B1'))).map((e) => e.type)).not.toContain('SelfCheckReturned');
    await second.context().close();
  });

  it('opens a card: history with who and when, an evidence picture previewed, comments, and the allowed actions', async () => {
    await supervisor.getByRole('button', { name: `查看详情：${NAMES.B2}` }).click();
    const drawer = supervisor.locator('.card-drawer .ant-drawer-section');
    await drawer.getByText(NAMES.B2).first().waitFor();

    const entries = drawer.getByTestId('history-entry');
    await entries.first().waitFor();
    const texts = await entries.allTextContents();
    const time = /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/;
    expect(texts[0]).toMatch(new RegExp(`提交自查结果外滩社区工作人员 · ${time.source}`));
    expect(texts[0]).toContain('达标情况：达标');
    expect(texts.some((t) => t.startsWith('上传佐证材料外滩社区工作人员 · ') && t.includes('网吧禁入标识.png'))).toBe(true);
    expect(texts.at(-1)).toMatch(new RegExp(`^任务创建张霞（创建办主任） · ${time.source}`));

    const actions = drawer.getByTestId('card-actions');
    expect(await actions.getByRole('button').allTextContents()).toEqual(['确认自查结果', '退回自查结果']);
    expect(await supervisor.getByTestId('temporal-link').count()).toBe(0); // for the office and the leading group

    // The picture is fetched with the access token into a blob URL, shown as a thumbnail, and previewed.
    const thumb = drawer.getByRole('button', { name: '预览图片：网吧禁入标识.png' });
    await thumb.locator('img[src^="blob:"]').waitFor();
    expect(await thumb.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
    await thumb.click();
    const preview = supervisor.locator('.ant-image-preview img[src^="blob:"]');
    await preview.waitFor();
    await supervisor.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    await drawer.getByRole('textbox', { name: '意见内容' }).fill('请补充近一个月的巡查记录');
    await drawer.getByRole('button', { name: '发表意见' }).click();
    const comment = drawer.getByTestId('comment').filter({ hasText: '请补充近一个月的巡查记录' });
    await comment.waitFor();
    expect(await comment.textContent()).toContain('李督查（督查检查组）');
    await drawer.getByTestId('history-entry').first().filter({ hasText: '意见李督查（督查检查组）' }).waitFor();
    expect((await eventsOf(stack.db, task('B2'))).map((e) => e.type)).toContain('CommentAdded');

    // Evidence from the drawer goes to POST /files as it is, and the action names it by the id the API answered.
    await drawer.getByTestId('evidence').locator('input[type=file]').setInputFiles({ name: '巡查记录.png', mimeType: 'image/png', buffer: png(48, 32) });
    await drawer.getByRole('button', { name: '预览图片：巡查记录.png' }).locator('img[src^="blob:"]').waitFor();
    expect(await stack.db.selectFrom('uploaded_files').select(['name', 'uploaded_by']).where('used_at', 'is not', null).execute()).toEqual([{ name: '巡查记录.png', uploaded_by: 'user:supervisor' }]);

    await supervisor.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await drawer.getByTestId('evidence').scrollIntoViewIfNeeded();
    await screenshot(supervisor, 'card-detail');

    // The drawer's own decision runs here: confirming B2 from the drawer takes it out of the queue, and the drawer
    // reads the card again: consolidated, it now offers a supervisor the re-check and archiving.
    await actions.getByRole('button', { name: '确认自查结果' }).click();
    await expectQueue(supervisor, [ITEM_DESCRIPTION]);
    await actions.getByRole('button', { name: '录入复查结果' }).waitFor();
    expect(await actions.getByRole('button').allTextContents()).toEqual(['录入复查结果', '转入归档']);
    await supervisor.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await card(task('B2'))).toMatchObject({ stage: 'CONSOLIDATION', awaiting_review: null });
  });

  it('shows an item’s photos and submission, and a phone gets the drawer full width', async () => {
    const phone = await (await openContext(browser, { phone: true })).newPage();
    await openApprovals(phone, 'supervisor2', { phone: true });
    await expectQueue(phone, [ITEM_DESCRIPTION]);
    await phone.getByRole('button', { name: `查看详情：${ITEM_DESCRIPTION}` }).click();
    const drawer = phone.locator('.card-drawer .ant-drawer-section');
    await drawer.getByTestId('submission').getByText('已清运并增设垃圾桶').waitFor();
    await drawer.getByRole('button', { name: '预览图片：现场.png' }).locator('img[src^="blob:"]').waitFor();
    await drawer.getByRole('button', { name: '预览图片：整改后.png' }).locator('img[src^="blob:"]').waitFor();
    expect(await drawer.getByTestId('card-actions').getByRole('button').allTextContents()).toEqual(['复核通过', '退回重改']);
    // Once it has slid in, the drawer covers the phone's screen from edge to edge.
    await waitFor(async () => JSON.stringify(await drawer.boundingBox().then((b) => b && [Math.round(b.x), Math.round(b.width)])) === '[0,390]', 5_000, 'the drawer full width');
    await phone.context().close();
  });

  it('shows the office the consolidated tasks it may move to archiving, with the workflow in Temporal', async () => {
    const office = await (await openContext(browser)).newPage();
    await openApprovals(office, 'office');
    // A2 was consolidated in the batch, B2 from the drawer afterwards.
    await expectQueue(office, [NAMES.A2, NAMES.B2]);
    await office.getByTestId('approval-queue').getByText('可转入归档').first().waitFor();
    expect(await office.getByRole('button', { name: `退回：${NAMES.A2}` }).count()).toBe(0);
    await office.getByRole('button', { name: `查看详情：${NAMES.A2}` }).click();
    const link = office.getByTestId('temporal-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^http:\/\/localhost:8233\/.+/);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await office.context().close();
  });

  it('shows an archivist the archive material awaiting review, and accepts it', async () => {
    const archivist = await (await openContext(browser)).newPage();
    await openApprovals(archivist, 'archivist');
    await expectQueue(archivist, [NAMES.A3]);
    const queue = archivist.getByTestId('approval-queue');
    await queue.getByText('档案材料待验收').waitFor();
    await queue.getByText('「台账」', { exact: true }).waitFor();
    await archivist.getByRole('button', { name: `验收：${NAMES.A3}` }).click();
    await queue.getByText('没有等待您审批的事项').waitFor();
    const after = await must<{ indicatorTask: { stage: string; archiveMaterials: { code: string; status: string; reviewedBy: { displayName: string } | null }[] } }>(
      'archivist',
      `{ indicatorTask(id: "${task('A3')}") { stage archiveMaterials { code status reviewedBy { displayName } } } }`,
    );
    expect(after.indicatorTask).toEqual({
      stage: 'ARCHIVING',
      archiveMaterials: [
        { code: 'A3-M1', status: 'ACCEPTED', reviewedBy: { displayName: '陈档案（档案组）' } },
        { code: 'A3-M2', status: 'MISSING', reviewedBy: null },
      ],
    });
    await archivist.context().close();
  });
});
