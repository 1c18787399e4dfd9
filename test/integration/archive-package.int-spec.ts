// The archive package on the real stack (PostgreSQL, Temporal dev server, the worker's activity, the file store):
// one unit's task archived with both of A3's materials accepted, another unit's task not archived yet, library
// documents tagged to A3 and untagged. The office builds the package; it is downloaded (streamed, with the API's
// identity rules), unzipped with yauzl and checked: every entry's SHA-256 against the index workbook, the index
// against the database (the accepted materials and documents), the folders 测评项目 → 指标 → 责任单位, the
// completeness sheet and the warning for the missing unit; then 送审 records the package's hash, once, by the office.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import type { ArchiveMaterialState } from '../../workflows/indicator-task/indicator-task.types';
import { CAMPAIGN, eventsOf, seedReferenceData, startTestTask, waitFor } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';
import { JPEG, PACKAGE_FIELDS, PDF, readZip, submitDocument, taskAction, upload } from '../support/archive-fixtures';

const ARCHIVED = indicatorTaskWorkflowId(CAMPAIGN, 'A3', 'WTSQ');

interface Pkg {
  id: string;
  state: string;
  complete: boolean | null;
  warning: string | null;
  missingCount: number | null;
  fileCount: number | null;
  size: number | null;
  fileName: string | null;
  sha256: string | null;
  downloadUrl: string | null;
  canSubmit: boolean;
  submittedByName: string | null;
}

describe('archive package', () => {
  let stack: TestStack;
  let work: string;
  let pkg: Pkg;

  async function packages(login: string): Promise<Pkg[]> {
    const res = await gql<{ archivePackages: Pkg[] }>(stack.url, login, `{ archivePackages(campaignId: "${CAMPAIGN}") { ${PACKAGE_FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.archivePackages;
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'archive-pkg' });
    await seedReferenceData(stack.db);
    work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'archive-pkg-test-'));
    const queue = stack.config.temporal.taskQueue;
    await startTestTask(stack.temporal, queue, 'A3', 'WTSQ');
    await startTestTask(stack.temporal, queue, 'A3', 'BJSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 2, 60_000, 'two cards');

    // 外滩社区 archives A3: 台账 and 照片 (a hostile file name among them), both accepted by the archivist.
    await taskAction(stack.url, 'wtsq.member', 'submitSelfCheck', { taskId: ARCHIVED, classification: 'MET', note: '台账齐全' });
    await taskAction(stack.url, 'supervisor', 'confirmSelfCheck', { taskId: ARCHIVED });
    await taskAction(stack.url, 'office', 'startArchiving', { taskId: ARCHIVED });
    await taskAction(stack.url, 'wtsq.member', 'submitArchiveMaterial', { taskId: ARCHIVED, materialCode: 'A3-M1', fileName: '..\u202e台账:2027.pdf', contentBase64: PDF('台账').toString('base64') });
    await taskAction(stack.url, 'wtsq.member', 'submitArchiveMaterial', { taskId: ARCHIVED, materialCode: 'A3-M2', fileName: '活动照片.jpg', contentBase64: JPEG('照片').toString('base64') });
    await taskAction(stack.url, 'archivist', 'acceptArchiveMaterial', { taskId: ARCHIVED, materialCode: 'A3-M1' });
    await taskAction(stack.url, 'archivist', 'acceptArchiveMaterial', { taskId: ARCHIVED, materialCode: 'A3-M2' });

    // Library: a plan tagged to A3 and minutes tagged to nothing, accepted; a pending one stays out of the package.
    for (const [title, kind, tags, accept] of [
      ['实施方案', 'PLAN', ['A3'], true],
      ['第一次推进会会议纪要', 'MINUTES', [], true],
      ['待验收的简报', 'BRIEFING', ['A3'], false],
    ] as const) {
      const fileId = await upload(stack.url, 'office', `${title}.pdf`, PDF(title));
      const doc = await submitDocument(stack.url, 'office', { campaignId: CAMPAIGN, title, kind, fileId, tags });
      expect(doc.errors).toBeUndefined();
      if (accept) expect((await gql(stack.url, 'archivist', `mutation { acceptArchiveDocument(id: "${doc.data!.submitArchiveDocument.id}") { id } }`)).errors).toBeUndefined();
    }
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    if (work) await fs.promises.rm(work, { recursive: true, force: true });
  });

  it('lets the office and the archivist build, refuses the others without an event', async () => {
    for (const who of ['wtsq.head', 'supervisor', 'leader']) {
      const res = await gql(stack.url, who, `mutation { exportArchivePackage(campaignId: "${CAMPAIGN}") { id } }`);
      expect([who, res.errors?.[0]?.extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    expect(await stack.db.selectFrom('events').select('event_id').where('stream_id', 'like', 'archive-package-%').execute()).toEqual([]);
  });

  it('builds the package with the completeness sheet and a warning while a unit’s materials are missing', async () => {
    const res = await gql<{ exportArchivePackage: Pkg }>(stack.url, 'office', `mutation { exportArchivePackage(campaignId: "${CAMPAIGN}") { ${PACKAGE_FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.exportArchivePackage).toMatchObject({ state: 'BUILDING', downloadUrl: null, canSubmit: false });
    const id = res.data!.exportArchivePackage.id;
    await waitFor(async () => (await packages('office')).find((p) => p.id === id)?.state === 'BUILT', 60_000, 'the package built');
    pkg = (await packages('office')).find((p) => p.id === id)!;
    expect(pkg).toMatchObject({ complete: false, missingCount: 2, fileCount: 4, canSubmit: true });
    expect(pkg.warning).toContain('1个责任单位尚缺2项材料');
    expect(pkg.fileName).toMatch(/^档案包-.*\.zip$/);
    // The archivist sees it, and may not hand it over.
    expect((await packages('archivist')).find((p) => p.id === id)).toMatchObject({ canSubmit: false });
  });

  it('streams the zip to the office; its entries, hashes and index agree with the database', async () => {
    const res = await fetch(`${stack.url}${pkg.downloadUrl}`, { headers: { 'x-demo-user': 'office' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(pkg.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pkg.sha256);
    const zipFile = path.join(work, 'package.zip');
    await fs.promises.writeFile(zipFile, bytes);
    const entries = await readZip(zipFile, (name) => name === '索引.xlsx');
    const names = entries.map((e) => e.name);
    expect(names.at(-1)).toBe('索引.xlsx');
    for (const name of names) {
      // eslint-disable-next-line no-control-regex -- the test looks for control characters on purpose
      expect(name.split('/').every((part) => part !== '..' && part !== '.' && part !== '' && !/[\u0000-\u001f\u202a-\u202e\\:]/.test(part))).toBe(true);
    }

    // The accepted materials and documents, as the database has them.
    const card = await stack.db.selectFrom('indicator_task_cards').select('state').where('task_id', '=', ARCHIVED).executeTakeFirstOrThrow();
    const materials = (card.state as { archive: ArchiveMaterialState[] }).archive;
    expect(materials.map((m) => m.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    const docs = await stack.db.selectFrom('archive_documents').select(['title', 'state', 'state_json']).where('campaign_id', '=', CAMPAIGN).where('state', '=', 'ACCEPTED').execute();
    const expectedHashes = [...materials.map((m) => m.file!.sha256), ...docs.map((d) => (d.state_json as { file: { sha256: string } }).file.sha256)].sort();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(entries.at(-1)!.content! as unknown as ArrayBuffer);
    const index = workbook.getWorksheet('索引')!;
    const rows: string[][] = [];
    index.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['序号', '指标', '单位', '材料', '文件名', '提交人', '验收人', '日期', 'SHA-256']);
    const data = rows.slice(1);
    expect(data.map((r) => r[8]).sort()).toEqual(expectedHashes);
    // Each row names an entry of the zip whose content hashes to the row's SHA-256.
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const row of data) expect([row[4], byName.get(row[4]!)?.sha256]).toEqual([row[4], row[8]]);
    expect(data.map((r) => r[0])).toEqual(data.map((_, i) => String(i + 1)));

    const ledger = data.find((r) => r[3] === '台账')!;
    expect(ledger[4]).toMatch(/^[A-Z]+ [^/]+\/A3 [^/]+\/外滩社区\/台账-\.\.台账_2027\.pdf$/);
    expect(ledger.slice(1, 4)).toEqual([expect.stringMatching(/^A3 /), '外滩社区', '台账']);
    expect(ledger[6]).toBe('陈档案（档案组）');
    expect(ledger[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const plan = data.find((r) => r[3].startsWith('实施方案'))!;
    expect(plan[4]).toMatch(/^[A-Z]+ [^/]+\/A3 [^/]+\/实施方案（方案）-实施方案\.pdf$/);
    const minutes = data.find((r) => r[3].startsWith('第一次推进会会议纪要'))!;
    expect(minutes[4]).toBe('综合资料/第一次推进会会议纪要（会议纪要）-第一次推进会会议纪要.pdf');
    expect(data.some((r) => r[3].startsWith('待验收的简报'))).toBe(false);

    const check = workbook.getWorksheet('完整性检查')!;
    const missing: string[][] = [];
    check.eachRow((row) => missing.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(missing[0]).toEqual(['序号', '单位', '指标', '材料', '现状']);
    expect(missing.slice(1).map((r) => [r[1], r[3]])).toEqual([
      ['滨江社区', '台账'],
      ['滨江社区', '照片'],
    ]);
    expect(missing[1][4]).toContain('未提交');
  });

  it('serves the zip only to the office, the archivist and the leading group', async () => {
    for (const [who, status] of [['archivist', 200], ['leader', 200], ['wtsq.head', 403], ['supervisor', 403]] as const) {
      const res = await fetch(`${stack.url}${pkg.downloadUrl}`, { headers: { 'x-demo-user': who } });
      await res.arrayBuffer();
      expect([who, res.status]).toEqual([who, status]);
    }
    const anonymous = await fetch(`${stack.url}${pkg.downloadUrl}`);
    expect(anonymous.status).toBe(401);
  });

  it('records 送审 with the package’s SHA-256: by the office only, once', async () => {
    const before = await eventsOf(stack.db, pkg.id);
    const byArchivist = await gql(stack.url, 'archivist', `mutation { submitArchivePackage(id: "${pkg.id}") { id } }`);
    expect(byArchivist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooLong = await gql(stack.url, 'office', `mutation($n: String) { submitArchivePackage(id: "${pkg.id}", note: $n) { id } }`, { n: '长'.repeat(501) });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(await eventsOf(stack.db, pkg.id)).toEqual(before);

    const res = await gql<{ submitArchivePackage: Pkg }>(stack.url, 'office', `mutation { submitArchivePackage(id: "${pkg.id}", note: "已送区创建办") { ${PACKAGE_FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitArchivePackage).toMatchObject({ state: 'SUBMITTED', canSubmit: false, submittedByName: '张霞（创建办主任）' });
    const submitted = await stack.db.selectFrom('events').select(['type', 'data', 'metadata']).where('stream_id', '=', pkg.id).where('type', '=', 'ArchivePackageSubmitted').execute();
    expect(submitted).toHaveLength(1);
    expect(submitted[0].data).toEqual({ sha256: pkg.sha256, note: '已送区创建办' });

    const again = await gql(stack.url, 'office', `mutation { submitArchivePackage(id: "${pkg.id}") { id } }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(again.errors?.[0]?.message).toContain('已送审');
    expect(await eventsOf(stack.db, pkg.id)).toHaveLength(before.length + 1);
  });

  it('rebuilds the packages projection from the events', async () => {
    const { createEventStore } = await import('../../src/platform/runtime/worker-runner');
    const before = await stack.db.selectFrom('archive_packages').select(['package_id', 'state', 'sha256', 'version']).orderBy('package_id').execute();
    await stack.db.deleteFrom('archive_packages').execute();
    const results = await createEventStore(stack.db).rebuildProjections();
    expect(results.find((r) => r.name === 'archive')?.events).toBeGreaterThan(0);
    expect(await stack.db.selectFrom('archive_packages').select(['package_id', 'state', 'sha256', 'version']).orderBy('package_id').execute()).toEqual(before);
  });
});
