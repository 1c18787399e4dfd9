// 动员部署 in a real browser against the real API, PostgreSQL and Temporal (issue 19): the office has issued a
// 实施方案 to 外滩社区 asking for its own 工作实施方案; a member of the unit opens 文书档案 · 动员部署, acknowledges it
// (签收), uploads the plan with a summary and sees it 待审核; the office opens the same tab, sees the unit's row with
// the plan, and approves it: the row shows 已通过 and the events are recorded.
import type { Browser } from 'playwright-core';
import { screenshot, signedInPage, startWebStack, stopWebStack } from '../support/browser';
import { waitFor } from '../support/fixtures';
import { passwordApi, type TestStack } from '../support/test-env';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('外滩社区创文工作实施方案'.repeat(10))]);
const TITLE = '某街道创建全国文明城区动员实施方案';

describe('mobilization in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let responseId = '';
  const { must, tokenOf } = passwordApi(() => stack.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startWebStack({ prefix: 'webmobilization' }));
    const upload = await fetch(`${stack.url}/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('创文动员实施方案.pdf'), authorization: `Bearer ${await tokenOf('office')}` },
      body: new Uint8Array(PDF),
    });
    const { id: fileId } = (await upload.json()) as { id: string };
    const issued = await must<{ issueMobilizationDocument: { id: string } }>('office', 'mutation($i: IssueMobilizationDocumentInput!) { issueMobilizationDocument(input: $i) { id } }', {
      i: { kind: 'IMPLEMENTATION_PLAN', title: TITLE, summary: '全面动员，各单位制定本单位工作实施方案。', fileId, unitCodes: ['WTSQ', 'BJSQ'], requiresPlan: true, requiresGroup: false, dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    const docId = issued.issueMobilizationDocument.id;
    await waitFor(async () => (await stack.db.selectFrom('mobilization_responses').select('response_id').where('document_id', '=', docId).execute()).length === 2, 60_000, 'the responses');
    responseId = (await stack.db.selectFrom('mobilization_responses').select('response_id').where('document_id', '=', docId).where('unit_code', '=', 'WTSQ').executeTakeFirstOrThrow()).response_id;
  });
  afterAll(() => stopWebStack(browser, stack));
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  it('lets a unit member acknowledge the document and submit the unit’s plan', async () => {
    const page = await signedInPage(browser, stack.url, 'wtsq.member', '#/paperwork?tab=mobilization');
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    const doc = page.getByTestId('mobilization-document').filter({ hasText: TITLE });
    await doc.waitFor({ timeout: 20_000 });
    // The unit sees its own row only.
    expect(await doc.locator('tbody tr.ant-table-row').count()).toBe(1);
    await doc.getByText('外滩社区').waitFor();
    await doc.getByTestId('mobilization-acknowledge').click();
    await doc.getByText(/已签收/).waitFor({ timeout: 15_000 });

    await doc.getByTestId('mobilization-submit-plan').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '提交本单位工作实施方案' });
    await modal.locator('input[type=file]').setInputFiles({ name: '外滩社区创文工作实施方案.pdf', mimeType: 'application/pdf', buffer: PDF });
    await modal.getByTestId('mobilization-plan-summary').fill('成立创文工作专班，分宣传发动、专项整治、全面冲刺三个阶段推进。');
    await modal.getByRole('button', { name: '提交' }).click();
    await doc.getByTestId('mobilization-review').filter({ hasText: '待审核' }).waitFor({ timeout: 15_000 });
    await doc.getByText('外滩社区创文工作实施方案.pdf').waitFor();
    expect(await doc.getByTestId('mobilization-submit-plan').count()).toBe(0);
    await page.context().close();
  });

  it('lets the office see every unit’s row and approve the plan', async () => {
    const page = await signedInPage(browser, stack.url, 'office', '#/paperwork?tab=mobilization');
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    const doc = page.getByTestId('mobilization-document').filter({ hasText: TITLE });
    await doc.waitFor({ timeout: 20_000 });
    expect(await doc.locator('tbody tr.ant-table-row').count()).toBe(2);
    const row = doc.locator('tbody tr.ant-table-row').filter({ hasText: '外滩社区' });
    await row.getByText('成立创文工作专班').waitFor();
    await row.getByTestId('mobilization-approve').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
    await row.getByTestId('mobilization-review').filter({ hasText: '已通过' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'mobilization');
    await waitFor(async () => (await stack.db.selectFrom('events').select('type').where('stream_id', '=', responseId).where('type', '=', 'MobilizationApproved').execute()).length === 1, 10_000, 'the approval');
    const types = (await stack.db.selectFrom('events').select('type').where('stream_id', '=', responseId).orderBy('stream_version').execute()).map((e) => e.type);
    expect(types).toEqual(['MobilizationResponseOpened', 'MobilizationAcknowledged', 'MobilizationPlanSubmitted', 'MobilizationApproved']);
    await page.context().close();
  });
});
