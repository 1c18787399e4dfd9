// Hostile and malformed files uploaded to the running API through all three imports (importTaskBreakdown,
// importCatalog, importOrganisation): zip bombs, files over the limits (the import's and the request's), error
// cells, things that are not an .xlsx, an old .xls, an encrypted workbook, a truncated zip, very long cells, and
// CSV with NUL characters. Every answer is data with coded problems or a coded error, in Chinese; never an
// internal error. A refused import writes nothing: the reference tables, the imports, the versions and the
// events are the same afterwards, compared row by row.
import type * as ExcelJS from 'exceljs';
import { catalogCsv } from '../../src/catalog/catalog.export';
import { CatalogRepository } from '../../src/catalog/catalog.repository';
import { HEADER, breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';
import { CATALOG_HEADER, PEOPLE_HEADER, UNIT_HEADER, a1Row, demoPeopleRows, demoUnitRows } from '../support/catalog-fixtures';
import { CAMPAIGN, seedReferenceData } from '../support/fixtures';
import { gql, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';
import { SHEET_HEAD, SHEET_TAIL, cfb, declaring, farColumnSheet, mergedSheet, part, repeatedPart, workbookParts, zip } from '../support/zip-writer';

const CHINESE = /[\u4e00-\u9fff]/;
const MB = 1024 * 1024;

type Kind = 'breakdown' | 'catalog' | 'organisation';
interface Outcome {
  status: string;
  problems: { code: string; message: string }[];
}

const hugeCell = (megabytes: number) => repeatedPart('s', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'A'.repeat(MB), megabytes, `</t></is></c></row>${SHEET_TAIL}`);

describe('hostile files through the import mutations', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'hostile', withWorker: false });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => stack?.stop());

  /** Everything an import may write, row by row. */
  async function written(): Promise<string> {
    const tables = ['units', 'users', 'assessment_items', 'indicators', 'criteria', 'archive_materials', 'working_group_members', 'catalog_versions', 'task_assignments', 'task_breakdown_imports', 'events'] as const;
    const rows = await Promise.all(tables.map((t) => stack.db.selectFrom(t).selectAll().execute()));
    return JSON.stringify(rows);
  }

  async function upload(kind: Kind, fileName: string, content: Buffer, dryRun = false): Promise<GraphQLResponse<Record<string, Outcome>>> {
    const contentBase64 = content.toString('base64');
    switch (kind) {
      case 'breakdown':
        return gql(stack.url, 'office', 'mutation($i: ImportTaskBreakdownInput!) { out: importTaskBreakdown(input: $i) { status problems { code message } } }', {
          i: { campaignId: CAMPAIGN, fileName, contentBase64, dryRun },
        });
      case 'catalog':
        return gql(stack.url, 'office', 'mutation($i: ImportCatalogInput!) { out: importCatalog(input: $i) { status problems { code message } } }', { i: { fileName, contentBase64, dryRun } });
      case 'organisation':
        return gql(stack.url, 'office', 'mutation($i: ImportOrganisationInput!) { out: importOrganisation(input: $i) { status problems { code message } } }', {
          i: { files: [{ fileName, contentBase64 }], dryRun },
        });
    }
  }

  /** Refused as data: REJECTED with the one problem expected, in Chinese. */
  async function expectRejected(kind: Kind, fileName: string, content: Buffer, code: string, wording: RegExp): Promise<void> {
    const res = await upload(kind, fileName, content);
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.out;
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.problems.map((p) => p.code)).toContain(code);
    const problem = outcome.problems.find((p) => p.code === code)!;
    expect(problem.message).toMatch(CHINESE);
    expect(problem.message).toMatch(wording);
  }

  /** Refused as an error: the code expected and a Chinese message, never an internal error. */
  async function expectError(kind: Kind, fileName: string, content: Buffer, code: string, wording: RegExp): Promise<void> {
    const res = await upload(kind, fileName, content);
    expect(res.data?.out ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe(code);
    expect(res.errors![0].message).toMatch(CHINESE);
    expect(res.errors![0].message).toMatch(wording);
  }

  const KINDS: Kind[] = ['breakdown', 'catalog', 'organisation'];

  it('zip bombs (2 GB declared, a size that lies, a thousandfold ratio) are refused as too large, writing nothing', async () => {
    const before = await written();
    const rssBefore = process.memoryUsage().rss;
    const bombs: [Buffer, RegExp][] = [
      [zip(workbookParts(hugeCell(2048))), /解压后有 2048\.\d MB/],
      [zip(workbookParts(declaring(hugeCell(1024), 64 * 1024))), /比它声明的 0\.1 MB 还大/],
      [zip(workbookParts(hugeCell(60))), /是压缩后的 \d+ 倍/],
    ];
    for (const kind of KINDS) for (const [bomb, wording] of bombs) await expectRejected(kind, '炸弹.xlsx', bomb, 'TOO_LARGE', wording);
    // The API runs in this process: had it inflated a bomb, this would be gigabytes.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(500 * MB);
    expect(await written()).toBe(before);
  });

  // Before: the 6 KB merge killed `npm start` of heap exhaustion after a minute; the far column did the same.
  it('a workbook merging A2:XFD3000 and one of 20,000 cells at column XFD are refused in Chinese while the API keeps answering', async () => {
    const before = await written();
    const merged = zip(workbookParts(mergedSheet('A2:XFD3000')));
    const far = zip(workbookParts(farColumnSheet(20_000, 'XFD')));
    for (const kind of KINDS) {
      const health = fetch(`${stack.url}/health`);
      await expectRejected(kind, '合并.xlsx', merged, 'TOO_LARGE', /合并单元格共覆盖 49,135,616 个单元格/);
      await expectRejected(kind, '远列.xlsx', far, 'TOO_LARGE', /最远到 XFD 列/);
      expect((await health).status).toBeLessThan(500);
    }
    // Dry runs too: the file is read the same way whether or not it would be written.
    const dry = await upload('breakdown', '合并.xlsx', merged, true);
    expect(dry.data?.out.status).toBe('REJECTED');
    expect(await written()).toBe(before);
  });

  it('a file over the import limit is refused before it is read; one over the request limit before GraphQL', async () => {
    const before = await written();
    const padded = Buffer.concat([zip(workbookParts(part('s', SHEET_HEAD + SHEET_TAIL))), Buffer.alloc(11 * MB)]);
    for (const kind of KINDS) await expectError(kind, '大文件.xlsx', padded, 'BAD_USER_INPUT', /超过 10 MB/);

    const huge = Buffer.alloc(stack.config.limits.requestBytes);
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': 'office' },
      body: JSON.stringify({ query: 'mutation($i: ImportCatalogInput!) { importCatalog(input: $i) { status } }', variables: { i: { fileName: 'x.xlsx', contentBase64: huge.toString('base64') } } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as GraphQLResponse<unknown>;
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors?.[0]?.message).toMatch(CHINESE);
    expect(await written()).toBe(before);
  });

  it('not an .xlsx: text renamed, an old .xls, an encrypted workbook, a truncated zip, an .xls by name', async () => {
    const before = await written();
    const legal = await xlsx([breakdownSheet('任务分解表', [dataRow({})])]);
    for (const kind of KINDS) {
      await expectError(kind, '任务分解表.xlsx', Buffer.from('序号,测评指标\n1,x'), 'BAD_USER_INPUT', /不是有效的 Excel \(\.xlsx\) 文件/);
      await expectError(kind, '任务分解表.xlsx', cfb(['Root Entry', 'Workbook']), 'BAD_USER_INPUT', /旧版 Excel 97-2003 工作簿/);
      await expectError(kind, '任务分解表.xlsx', cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'BAD_USER_INPUT', /设置了打开密码/);
      await expectError(kind, '任务分解表.xls', cfb(['Root Entry', 'Workbook']), 'BAD_USER_INPUT', /\.xls 请先另存为 \.xlsx/);
      await expectRejected(kind, '任务分解表.xlsx', legal.subarray(0, legal.length - 100), 'UNREADABLE_FILE', /无法作为 Excel 工作簿/);
    }
    expect(await written()).toBe(before);
  });

  it('error cells, an empty sheet, and 100,000-character cells are refused with their places', async () => {
    const before = await written();
    const withError = await xlsx([breakdownSheet('任务分解表', [dataRow({ 责任单位: { error: '#REF!' } as ExcelJS.CellValue })])]);
    const empty = await xlsx([{ name: 'Sheet1', rows: [] }]);
    for (const kind of KINDS) {
      await expectRejected(kind, 'x.xlsx', withError, 'UNREADABLE_FILE', /F3（#REF!）/);
      await expectRejected(kind, 'x.xlsx', empty, 'EMPTY_FILE', /空的/);
    }
    const long = '长'.repeat(100_000);
    await expectRejected('catalog', '测评体系.xlsx', await xlsx([{ name: '测评体系', rows: [[...CATALOG_HEADER], a1Row({ 测评指标: long })] }]), 'BAD_VALUE', /有 100000 个字/);
    const organisation = await xlsx([
      { name: '单位', rows: [[...UNIT_HEADER], ...demoUnitRows(), ['LONG', long, '社区']] },
      { name: '人员', rows: [[...PEOPLE_HEADER], ...demoPeopleRows()] },
    ]);
    await expectRejected('organisation', '组织机构.xlsx', organisation, 'BAD_VALUE', /有 100000 个字/);
    await expectRejected('breakdown', '任务分解表.xlsx', await xlsx([breakdownSheet('任务分解表', [dataRow({ 责任单位: long })])]), 'UNKNOWN_UNIT', /./);
    expect(await written()).toBe(before);
  });

  it('a formula is imported as its saved value; a CSV with NUL characters imports without them', async () => {
    const formula = await xlsx([breakdownSheet('任务分解表', [dataRow({ 责任单位: { formula: 'HYPERLINK("http://evil.example","外滩社区")', result: '外滩社区' } as ExcelJS.CellValue })])]);
    const dry = await upload('breakdown', '任务分解表.xlsx', formula, true);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.out.status).toBe('DRY_RUN');

    // The catalog as imported, again with NUL and BEL in one deduction rule: unchanged, since they are dropped
    // (a NUL in the file name is refused by the API, as in any input).
    const catalog = await new CatalogRepository(stack.db).catalog();
    const clean = catalogCsv(catalog, '测评体系');
    expect((await upload('catalog', '测评体系.csv', Buffer.from(clean, 'utf8'))).errors).toBeUndefined();
    const csv = clean.replace('扣', '\u0000扣\u0007');
    const before = await written();
    const res = await upload('catalog', '测评体系.csv', Buffer.from(csv, 'utf8'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.out.status).toBe('UNCHANGED');
    expect(await written()).toBe(before);
  });

  it(`a header of ${HEADER.length} columns beside 10,000 more is still found (dry run)`, async () => {
    const wide = (cells: ExcelJS.CellValue[]) => [...cells, ...Array.from({ length: 10_000 - cells.length }, (_, i) => `x${i}`)];
    const file = await xlsx([{ name: '任务分解表', rows: [wide([...HEADER]), wide(dataRow({ 测评项目: '环境卫生', 测评指标: '主次干道及背街小巷无垃圾烟头', 牵头单位: '街道环卫所' }))] }]);
    const res = await upload('breakdown', '任务分解表.xlsx', file, true);
    expect(res.errors).toBeUndefined();
    expect(res.data!.out.problems).toEqual([]);
    expect(res.data!.out.status).toBe('DRY_RUN');
  });
});
