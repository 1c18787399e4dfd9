// The archive package in a real browser against the real API, PostgreSQL, Temporal and the worker (issue 19): the
// office presses 生成档案包 on its 工作台, is taken to 文书档案 → 档案库, sees the package built with the warning that
// a unit's materials are missing, downloads the zip (its bytes hash to the SHA-256 shown and recorded) and records
// the 送审. The library's documents are listed; a unit sees only its own.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { CAMPAIGN, startTestTask, waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';
import { PDF, upload } from '../support/archive-fixtures';

describe('the archive package in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const { must, tokenOf } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webarchive' }));
    await startTestTask(stack.temporal, stack.config.temporal.taskQueue, 'A3', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 1, 60_000, 'the card');
    const fileId = await upload(stack.url, 'office', '创文工作实施方案.pdf', PDF('实施方案'), await tokenOf('office'));
    const doc = await must<{ submitArchiveDocument: { id: string } }>('office', `mutation($i: SubmitArchiveDocumentInput!) { submitArchiveDocument(input: $i) { id } }`, {
      i: { campaignId: CAMPAIGN, title: '创文工作实施方案', kind: 'PLAN', fileId, tags: ['A3'] },
    });
    await must('archivist', `mutation { acceptArchiveDocument(id: "${doc.submitArchiveDocument.id}") { id } }`);
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  it('builds the package from the 工作台, shows its warning (A3 asks 外滩社区 for two materials), downloads it and records the 送审', async () => {
    const office = await signedInPage(browser, stack.url, 'office', '#/office');
    office.on('pageerror', (err) => pageErrors.push(String(err)));
    await office.getByTestId('workbench-export-archive').click();
    await office.getByTestId('archive-tab').waitFor({ timeout: 20_000 });
    await office.getByText('创文工作实施方案').first().waitFor();
    const pkg = office.getByTestId('archive-package').first();
    await office.locator('[data-testid="archive-package"][data-state="BUILT"]').waitFor({ timeout: 60_000 });
    await pkg.getByTestId('archive-package-warning').getByText(/1个责任单位尚缺2项材料/).waitFor();

    const [download] = await Promise.all([office.waitForEvent('download'), pkg.getByTestId('archive-package-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^档案包-.*\.zip$/);
    const bytes = fs.readFileSync((await download.path())!);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [row] = await stack.db.selectFrom('archive_packages').select(['package_id', 'sha256']).where('campaign_id', '=', CAMPAIGN).execute();
    expect(row.sha256).toBe(sha256);
    await pkg.getByText(sha256).waitFor();

    await pkg.getByTestId('archive-package-submit').click();
    const confirm = office.locator('.ant-popconfirm');
    await confirm.getByPlaceholder('送审说明（选填）').fill('已报送区创建办');
    await confirm.getByRole('button', { name: '送审' }).click();
    await office.locator('[data-testid="archive-package"][data-state="SUBMITTED"]').waitFor({ timeout: 15_000 });
    await screenshot(office, 'archive-package');
    const [event] = await stack.db.selectFrom('events').select('data').where('stream_id', '=', row.package_id).where('type', '=', 'ArchivePackageSubmitted').execute();
    expect(event.data).toEqual({ sha256, note: '已报送区创建办' });
    await office.context().close();
  });

  it('shows a unit only its own documents and no packages', async () => {
    const member = await signedInPage(browser, stack.url, 'wtsq.member', '#/paperwork?tab=archive');
    member.on('pageerror', (err) => pageErrors.push(String(err)));
    await member.getByTestId('archive-tab').waitFor({ timeout: 20_000 });
    await member.getByText('暂无资料').waitFor();
    expect(await member.getByTestId('archive-packages').count()).toBe(0);
    await member.context().close();
  });
});
