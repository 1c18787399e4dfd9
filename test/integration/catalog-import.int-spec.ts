// The assessment catalog through GraphQL against real PostgreSQL and Temporal: read it (items → indicators →
// criteria and materials, also on a card's indicator), export it and import the export with nothing changed,
// import a changed catalog in one transaction, refuse a broken one whole with nothing written, keep indicators
// that tasks use, let only the office import; its versions (the demo seeding is version 1, every import that
// changes something makes the next, old versions stay readable and exportable, titles round-trip, a catalog
// from before versions becomes version 1); and the command-line tools.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_CATALOG_TITLE } from '../../src/demo/demo-catalog';
import { catalogCsv } from '../../src/catalog/catalog.export';
import { parseCatalogXlsx } from '../../src/catalog/catalog.parser';
import { CatalogRepository } from '../../src/catalog/catalog.repository';
import { CatalogService } from '../../src/catalog/catalog.service';
import { DEFAULT_CATALOG_TITLE } from '../../src/catalog/catalog.types';
import { canonicalCatalog } from '../../src/catalog/catalog.versions';
import { migrateToLatest, type Db } from '../../src/platform/database/database';
import type { ChangeCounts, ImportProblem } from '../../src/platform/graphql/graphql.generated';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { CATALOG_HEADER, IMPORT_COUNTS_FIELDS, IMPORT_PROBLEM_FIELDS, a1Row, csvText, demoCatalog, xlsx } from '../support/catalog-fixtures';
import { OFFICE_ACTOR, seedReferenceData, seedTask, startSeededStack } from '../support/fixtures';
import { createTestDatabase, gql, type TestStack } from '../support/test-env';

interface Outcome {
  status: string;
  fileName: string;
  counts: { items: ChangeCounts; indicators: ChangeCounts; criteria: number; materials: number };
  problems: ImportProblem[];
  report: string;
  changes: Change[];
  version: number | null;
  title: string | null;
}
interface Change {
  kind: string;
  entity: string;
  code: string;
  name: string;
}
interface Version {
  version: number;
  title: string;
  importedAt: string;
  importedBy: string | null;
  fileName: string | null;
  fileSha256: string | null;
  indicatorCount: number;
  totalPoints: number;
  changes: Change[];
}
interface System {
  version: number;
  title: string;
  importedAt: string | null;
  importedBy: string | null;
  fileName: string | null;
  indicatorCount: number;
  totalPoints: number;
  items: { code: string; name: string; points: number; indicators: { code: string; name: string; points: number; standard: string; criteria: { code: string; content: string; points: number }[]; materials: { name: string }[] }[] }[];
}

const FIELDS = `status fileName counts { items { ${IMPORT_COUNTS_FIELDS} } indicators { ${IMPORT_COUNTS_FIELDS} } criteria materials } problems { ${IMPORT_PROBLEM_FIELDS} } report changes { kind entity code name } version title`;
const SYSTEM = 'version title importedAt importedBy fileName indicatorCount totalPoints items { code name points indicators { code name points standard criteria { code content points } materials { name } } }';
const VERSION = 'version title importedAt importedBy fileName fileSha256 indicatorCount totalPoints changes { kind entity code name }';

const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');
const described = (changes: readonly Change[]) => changes.map((c) => `${c.kind} ${c.entity} ${c.code}`);

describe('catalog', () => {
  let stack: TestStack;

  /** Every catalog row, to show that a refused or unchanged import wrote nothing. */
  async function snapshot(): Promise<string> {
    const tables = await Promise.all([
      stack.db.selectFrom('assessment_items').selectAll().orderBy('code').execute(),
      stack.db.selectFrom('indicators').selectAll().orderBy('code').execute(),
      stack.db.selectFrom('criteria').selectAll().orderBy('code').execute(),
      stack.db.selectFrom('archive_materials').selectAll().orderBy('code').execute(),
    ]);
    return JSON.stringify(tables);
  }

  async function upload(login: string, content: Buffer | string, fileName = '测评体系.xlsx', dryRun = false) {
    const res = await gql<{ importCatalog: Outcome }>(stack.url, login, `mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { ${FIELDS} } }`, {
      input: { fileName, contentBase64: Buffer.from(content).toString('base64'), dryRun },
    });
    return res;
  }

  async function exported(format: 'XLSX' | 'CSV', login = 'office', version: number | null = null) {
    const res = await gql<{ exportCatalog: { fileName: string; mimeType: string; contentBase64: string } }>(
      stack.url,
      login,
      'query($format: ExportFormat!, $version: Int) { exportCatalog(format: $format, version: $version) { fileName mimeType contentBase64 } }',
      { format, version },
    );
    expect(res.errors).toBeUndefined();
    return { ...res.data!.exportCatalog, content: Buffer.from(res.data!.exportCatalog.contentBase64, 'base64') };
  }

  async function system(version: number | null = null, login = 'office'): Promise<System> {
    const res = await gql<{ catalog: System }>(stack.url, login, `query($version: Int) { catalog(version: $version) { ${SYSTEM} } }`, { version });
    expect(res.errors).toBeUndefined();
    return res.data!.catalog;
  }

  async function versions(login = 'office'): Promise<Version[]> {
    const res = await gql<{ catalogVersions: Version[] }>(stack.url, login, `{ catalogVersions { ${VERSION} } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.catalogVersions;
  }

  /** A catalog's content, without what only its version says (number, title, who, when). */
  const content = (s: System) => s.items;

  // Demo reference data: the demo catalog goes in as version 1.
  beforeAll(async () => (stack = await startSeededStack({ prefix: 'catalog' })));
  afterAll(async () => stack?.stop());

  it('shows the catalog to anyone signed in: items → indicators → criteria and materials', async () => {
    const res = await gql<{ catalog: { items: { code: string; points: number; indicators: { code: string; points: number; criteria: { code: string; method: string; points: number; deductionRule: string | null }[]; materials: { code: string; name: string }[] }[] }[]; indicatorCount: number; totalPoints: number } }>(
      stack.url,
      'wtsq.member',
      '{ catalog { items { code name points indicators { code name method points area criteria { code position content method points deductionRule } materials { code name } } } indicatorCount totalPoints } }',
    );
    expect(res.errors).toBeUndefined();
    const catalog = res.data!.catalog;
    expect(catalog.indicatorCount).toBe(40);
    expect(catalog.totalPoints).toBe(100);
    expect(catalog.items.map((i) => i.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    const a1 = catalog.items[0].indicators[0];
    expect(a1).toMatchObject({ code: 'A1', points: 3, criteria: [{ code: 'A1-1', method: 'FIELD', points: 3, deductionRule: '每缺一处扣0.5分' }], materials: [{ code: 'A1-M1', name: '整改前后照片' }] });
    expect((await gql(stack.url, null, '{ catalog { indicatorCount } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has the demo catalog as version 1, written through the import\'s path: everything CREATED, its snapshot the catalog', async () => {
    // Seeding again (every seedTask does) finds a catalog and adds no version.
    await seedReferenceData(stack.db);
    const current = await system(null, 'wtsq.member');
    expect(current).toMatchObject({ version: 1, title: DEMO_CATALOG_TITLE, importedBy: null, fileName: null, indicatorCount: 40, totalPoints: 100 });
    expect(Number.isNaN(Date.parse(current.importedAt!))).toBe(false);
    const [v1, ...older] = await versions('wtsq.member');
    expect(older).toEqual([]);
    expect(v1).toMatchObject({ version: 1, title: DEMO_CATALOG_TITLE, importedAt: current.importedAt, importedBy: null, fileName: null, fileSha256: null, indicatorCount: 40, totalPoints: 100 });
    expect(v1.changes).toHaveLength(50);
    expect(new Set(v1.changes.map((c) => c.kind))).toEqual(new Set(['CREATED']));
    expect(described(v1.changes).slice(0, 2)).toEqual(['CREATED ASSESSMENT_ITEM A', 'CREATED ASSESSMENT_ITEM B']);
    expect(content(await system(1))).toEqual(content(current));
    const row = await stack.db.selectFrom('catalog_versions').select('snapshot').where('version', '=', 1).executeTakeFirstOrThrow();
    expect(row.snapshot).toEqual(canonicalCatalog(demoCatalog()));
    expect((await gql(stack.url, null, '{ catalogVersions { version } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only the office import', async () => {
    const { content } = await exported('CSV', 'wtsq.member');
    for (const login of ['wtsq.member', 'leader', 'supervisor']) {
      expect((await upload(login, content, '测评体系.csv')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await upload('office', Buffer.from('not a workbook'), 'x.xlsx')).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    expect((await upload('office', Buffer.from('a'), 'x.pdf')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('imports its own export, .xlsx and .csv, with nothing changed and nothing written', async () => {
    const before = await snapshot();
    const file = await exported('XLSX');
    expect(file.fileName).toMatch(/^测评体系-v1-\d{8}\.xlsx$/);
    expect((await parseCatalogXlsx(file.content)).title).toBe(DEMO_CATALOG_TITLE);
    const fromXlsx = (await upload('office', file.content, file.fileName)).data!.importCatalog;
    expect(fromXlsx).toMatchObject({
      status: 'UNCHANGED',
      version: 1,
      title: DEMO_CATALOG_TITLE,
      problems: [],
      changes: [],
      counts: { items: { total: 10, unchanged: 10 }, indicators: { total: 40, unchanged: 40, changed: 0, created: 0, removed: 0 }, criteria: 40 },
    });
    expect(fromXlsx.report).toContain(`与现有测评体系（第 1 版「${DEMO_CATALOG_TITLE}」）相同，没有变化`);
    const csv = await exported('CSV');
    expect(csv.fileName).toMatch(/^测评体系-v1-\d{8}\.csv$/);
    expect((await upload('office', csv.content, csv.fileName)).data!.importCatalog).toMatchObject({ status: 'UNCHANGED', version: 1 });
    expect(await snapshot()).toEqual(before);
    expect((await versions()).map((v) => v.version)).toEqual([1]);
  });

  it('refuses a broken file whole, every problem with sheet, row and column, and writes nothing', async () => {
    const before = await snapshot();
    const file = await xlsx([
      {
        name: '测评体系',
        rows: [
          ['测评体系（修订）'],
          CATALOG_HEADER.slice(),
          a1Row({ 测评方法: '看看', 分值: '三分' }),
          a1Row({ 测评内容: '第二条', 测评指标: '另一个名称' }),
          a1Row({ 指标编码: 'A2', 测评指标: '小区公益广告', 专项整治领域: '城管' }),
        ],
        merges: ['A1:J1'],
      },
    ]);
    const res = await upload('office', file);
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.importCatalog;
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.columnLetter, p.code])).toEqual([
      ['测评体系', 3, 'F', 'BAD_CHOICE'],
      ['测评体系', 3, 'G', 'BAD_VALUE'],
      ['测评体系', 4, 'D', 'INCONSISTENT'],
      ['测评体系', 5, 'J', 'BAD_CHOICE'],
    ]);
    expect(outcome.report).toContain('整个文件都没有导入');
    expect(outcome.counts.indicators).toEqual({ total: 0, created: 0, changed: 0, unchanged: 0, removed: 0 });
    expect(outcome).toMatchObject({ version: 1, title: null });
    expect(await snapshot()).toEqual(before);
    expect((await versions()).map((v) => v.version)).toEqual([1]);
  });

  it('imports a changed catalog in one go: criteria and materials replaced, points summed, codes stable; the same file again changes nothing', async () => {
    const csv = (await exported('CSV')).content.toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    const kept = lines.filter((l) => !l.includes(',J4,'));
    const a2 = kept.findIndex((l) => l.includes(',A2,'));
    kept.splice(a2 + 1, 0, 'A,思想道德与核心价值观宣传,A2,小区固定式公益广告（核心价值观、关爱未成年人）,每个小区不少于2处,材料审核,1,少一处扣0.5分,台账,市容市貌');
    const changed = `${kept.join('\r\n')}\r\n${csvText([
      ['K', '诚信建设', 'K1', '诚信宣传', '设有诚信宣传栏', '实地考察', '1.5', '', '照片、台账', ''],
      ['K', '诚信建设', 'K1', '诚信宣传', '每季度更新', '材料审核', '0.5', '', '台账；更新记录', ''],
    ])}`;

    const dry = (await upload('office', changed, '测评体系.csv', true)).data!.importCatalog;
    expect(dry).toMatchObject({ status: 'DRY_RUN', version: 1, counts: { items: { created: 1 }, indicators: { created: 1, changed: 1, removed: 1 } } });
    expect(dry.report).toContain('导入后将成为第 2 版');
    expect(await stack.db.selectFrom('indicators').select('code').where('code', '=', 'K1').executeTakeFirst()).toBeUndefined();
    expect((await versions()).map((v) => v.version)).toEqual([1]);

    const outcome = (await upload('office', changed, '测评体系.csv')).data!.importCatalog;
    expect(outcome).toMatchObject({ status: 'APPLIED', version: 2, title: DEMO_CATALOG_TITLE });
    expect(outcome.report).toContain(`测评体系已导入，为第 2 版「${DEMO_CATALOG_TITLE}」`);
    expect(outcome.counts).toEqual({
      items: { total: 11, created: 1, changed: 0, unchanged: 10, removed: 0 },
      indicators: { total: 40, created: 1, changed: 1, unchanged: 38, removed: 1 },
      criteria: 42,
      materials: expect.any(Number) as number,
    });
    expect(outcome.changes.map((c) => `${c.kind} ${c.entity} ${c.code}`)).toEqual(['CREATED ASSESSMENT_ITEM K', 'CREATED INDICATOR K1', 'CHANGED INDICATOR A2', 'REMOVED INDICATOR J4']);
    expect(outcome.report).toContain('测评体系已导入');

    const k1 = await stack.db.selectFrom('indicators').selectAll().where('code', '=', 'K1').executeTakeFirstOrThrow();
    expect(k1).toMatchObject({ item_code: 'K', method: 'FIELD', points: '2.00', standard: '设有诚信宣传栏\n每季度更新', area: null });
    const criteria = await stack.db.selectFrom('criteria').select(['code', 'indicator_code', 'method', 'points']).where('indicator_code', 'in', ['K1', 'A2']).orderBy('code').execute();
    expect(criteria.map((c) => `${c.code} ${c.method} ${c.points}`)).toEqual(['A2-1 FIELD 2.00', 'A2-2 MATERIAL 1.00', 'K1-1 FIELD 1.50', 'K1-2 MATERIAL 0.50']);
    expect((await stack.db.selectFrom('indicators').select('points').where('code', '=', 'A2').executeTakeFirstOrThrow()).points).toBe('3.00');
    const materials = await stack.db.selectFrom('archive_materials').select(['code', 'name']).where('indicator_code', '=', 'K1').orderBy('position').execute();
    expect(materials).toEqual([
      { code: 'K1-M1', name: '照片' },
      { code: 'K1-M2', name: '台账' },
      { code: 'K1-M3', name: '更新记录' },
    ]);
    expect(await stack.db.selectFrom('criteria').select('code').where('indicator_code', '=', 'J4').execute()).toEqual([]);

    // Version 2: who, which file (its bytes' SHA-256), what changed, and the whole catalog after the import.
    const [v2, v1] = await versions('wtsq.member');
    expect(v2).toMatchObject({ version: 2, title: DEMO_CATALOG_TITLE, importedBy: '张霞（创建办主任）', fileName: '测评体系.csv', fileSha256: sha256(changed), indicatorCount: 40 });
    expect(v2.changes).toEqual(outcome.changes);
    expect(v2.totalPoints).toBe((await system()).totalPoints);
    expect(v1.version).toBe(1);
    expect(await system()).toMatchObject({ version: 2, importedBy: '张霞（创建办主任）', fileName: '测评体系.csv', importedAt: v2.importedAt });
    expect(content(await system(2))).toEqual(content(await system()));

    const before = await snapshot();
    const again = (await upload('office', changed, '测评体系.csv')).data!.importCatalog;
    expect(again).toMatchObject({ status: 'UNCHANGED', changes: [], counts: { indicators: { unchanged: 40 } }, version: 2 });
    expect(await snapshot()).toEqual(before);
    // And the new catalog round-trips through its export as well.
    const file = await exported('XLSX');
    expect(file.fileName).toMatch(/^测评体系-v2-/);
    expect((await upload('office', file.content, file.fileName)).data!.importCatalog.status).toBe('UNCHANGED');
    expect((await versions()).map((v) => v.version)).toEqual([2, 1]);
  });

  it('keeps an old version readable and exportable as it was; importing it back reports the changes back and makes another version', async () => {
    const v1 = await system(1);
    const v2 = await system(2);
    const codes = (s: System) => s.items.flatMap((i) => i.indicators.map((x) => x.code));
    expect(codes(v1)).toContain('J4');
    expect(codes(v1)).not.toContain('K1');
    expect(codes(v2)).toContain('K1');
    expect(v1).toMatchObject({ version: 1, title: DEMO_CATALOG_TITLE, importedBy: null });
    expect(v1.items[0].indicators[1].criteria.map((c) => c.code)).toEqual(['A2-1']);
    expect(v2.items[0].indicators[1].criteria.map((c) => c.code)).toEqual(['A2-1', 'A2-2']);

    const old = await exported('XLSX', 'wtsq.member', 1);
    expect(old.fileName).toMatch(/^测评体系-v1-\d{8}\.xlsx$/);
    const oldCsv = (await exported('CSV', 'office', 1)).content.toString('utf8');
    expect(oldCsv).toContain(',J4,');
    expect(oldCsv).not.toContain(',K1,');
    expect((await exported('CSV', 'office', 2)).content.toString('utf8')).toContain(',K1,');

    const back = (await upload('office', old.content, old.fileName)).data!.importCatalog;
    expect(back).toMatchObject({ status: 'APPLIED', version: 3, title: DEMO_CATALOG_TITLE });
    expect(described(back.changes)).toEqual(['REMOVED ASSESSMENT_ITEM K', 'CREATED INDICATOR J4', 'CHANGED INDICATOR A2', 'REMOVED INDICATOR K1']);
    expect(content(await system())).toEqual(content(v1));
    expect(content(await system(3))).toEqual(content(v1));
    const list = await versions();
    expect(list.map((v) => [v.version, v.fileName])).toEqual([
      [3, old.fileName],
      [2, '测评体系.csv'],
      [1, null],
    ]);
    expect(list[0].fileSha256).toBe(sha256(old.content));
    expect(described(list[1].changes)).toEqual(['CREATED ASSESSMENT_ITEM K', 'CREATED INDICATOR K1', 'CHANGED INDICATOR A2', 'REMOVED INDICATOR J4']);
  });

  it('answers NOT_FOUND, in Chinese, for a version that does not exist', async () => {
    for (const version of [99, 0, -1]) {
      const read = await gql(stack.url, 'office', 'query($version: Int) { catalog(version: $version) { version } }', { version });
      expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(read.errors?.[0]?.message).toContain(`测评体系没有第 ${version} 版`);
      expect(read.errors?.[0]?.message).toContain('现有第 1 至第 3 版');
    }
    const exportRes = await gql(stack.url, 'office', 'query { exportCatalog(format: XLSX, version: 99) { fileName } }');
    expect(exportRes.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('takes a version\'s title from the title row, else from the importer, else the previous version\'s; the export writes it back', async () => {
    const csv = (await exported('CSV')).content.toString('utf8').replace(/^\uFEFF/, '');
    const [titleLine, ...table] = csv.split('\r\n');
    expect(titleLine).toBe(`${DEMO_CATALOG_TITLE},,,,,,,,,`);

    // A new title row alone names a new version, with nothing else changed.
    const t2021 = '全国文明城区测评体系（2021年版）';
    const renamed = [`${t2021},,,,,,,,,`, ...table].join('\r\n');
    const outcome = (await upload('office', renamed, '测评体系.csv')).data!.importCatalog;
    expect(outcome).toMatchObject({ status: 'APPLIED', version: 4, title: t2021, changes: [] });
    expect(outcome.report).toContain('只更改了标题');
    expect(await system()).toMatchObject({ version: 4, title: t2021 });

    // The export writes the title on its first row, and importing it again changes nothing.
    const xlsxFile = await exported('XLSX');
    expect((await parseCatalogXlsx(xlsxFile.content)).title).toBe(t2021);
    expect((await upload('office', xlsxFile.content, xlsxFile.fileName)).data!.importCatalog).toMatchObject({ status: 'UNCHANGED', version: 4, title: t2021 });

    // Without a title row: the title the importer gives…
    const t2023 = '全国文明城区测评体系（2023年版）';
    const a1Changed = table.map((l) => (l.includes(',A1,') ? l.replace(/每缺一处扣0\.5分/g, '每缺一处扣1分') : l)).join('\r\n');
    const given = await gql<{ importCatalog: Outcome }>(stack.url, 'office', `mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { ${FIELDS} } }`, {
      input: { fileName: '无标题.csv', contentBase64: Buffer.from(a1Changed).toString('base64'), title: `  ${t2023} ` },
    });
    expect(given.data!.importCatalog).toMatchObject({ status: 'APPLIED', version: 5, title: t2023 });
    expect(described(given.data!.importCatalog.changes)).toEqual(['CHANGED INDICATOR A1']);
    // …but a title row in the file wins over it.
    const rowWins = await gql<{ importCatalog: Outcome }>(stack.url, 'office', `mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { ${FIELDS} } }`, {
      input: { fileName: '测评体系.csv', contentBase64: Buffer.from([`${t2023},,,,,,,,,`, a1Changed].join('\r\n')).toString('base64'), title: '另一个标题', dryRun: true },
    });
    expect(rowWins.data!.importCatalog).toMatchObject({ status: 'DRY_RUN', title: t2023, version: 5 });
    expect(rowWins.data!.importCatalog.report).toContain('与现有测评体系相同，导入不会有变化');
    // …else the previous version's.
    const unnamed = (await upload('office', table.join('\r\n'), '无标题.csv')).data!.importCatalog;
    expect(unnamed).toMatchObject({ status: 'APPLIED', version: 6, title: t2023 });
    expect((await versions()).map((v) => `${v.version} ${v.title}`)).toEqual([`6 ${t2023}`, `5 ${t2023}`, `4 ${t2021}`, `3 ${DEMO_CATALOG_TITLE}`, `2 ${DEMO_CATALOG_TITLE}`, `1 ${DEMO_CATALOG_TITLE}`]);

    const tooLong = await gql(stack.url, 'office', 'mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { status } }', {
      input: { fileName: '测评体系.csv', contentBase64: Buffer.from(table.join('\r\n')).toString('base64'), title: '标题'.repeat(60) },
    });
    expect(tooLong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'title' } });
    expect((await versions()).length).toBe(6);
  });

  it('refuses a catalog that drops an indicator a task uses, naming it; the card shows its indicator\'s criteria', async () => {
    const taskId = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'J3', 'DZB');
    const card = await gql<{ indicatorTask: { indicator: { code: string; criteria: { code: string }[]; materials: { name: string }[] } } }>(
      stack.url,
      'office',
      `query($id: String!) { indicatorTask(id: $id) { indicator { code criteria { code } materials { name } } } }`,
      { id: taskId },
    );
    expect(card.errors).toBeUndefined();
    expect(card.data!.indicatorTask.indicator).toEqual({ code: 'J3', criteria: [{ code: 'J3-1' }], materials: expect.any(Array) as unknown[] });

    const csv = (await exported('CSV')).content.toString('utf8');
    const withoutJ3 = csv.split('\r\n').filter((l) => !l.includes(',J3,')).join('\r\n');
    const before = await snapshot();
    const outcome = (await upload('office', withoutJ3, '测评体系.csv')).data!.importCatalog;
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([['', 0, 'IN_USE']]);
    expect(outcome.problems[0].message).toContain('J3');
    expect(outcome.problems[0].message).toContain('1 项任务');
    expect(await snapshot()).toEqual(before);

    // A second criterion for J3 shows on the card at once: criteria are read per request, never kept.
    const j3 = csv.split('\r\n').find((l) => l.includes(',J3,'))!;
    const twoCriteria = csv.replace(j3, `${j3}\r\n${j3.replace(/,J3,([^,]*),[^,]*,/, ',J3,$1,另一条测评内容,')}`);
    expect((await upload('office', twoCriteria, '测评体系.csv')).data!.importCatalog.status).toBe('APPLIED');
    const after = await gql<{ indicatorTask: { indicator: { criteria: { code: string }[] } } }>(stack.url, 'office', `query($id: String!) { indicatorTask(id: $id) { indicator { criteria { code } } } }`, { id: taskId });
    expect(after.data!.indicatorTask.indicator.criteria.map((c) => c.code)).toEqual(['J3-1', 'J3-2']);
  });

  it('numbers imports that race one after another, without gaps, each version\'s changes leading from the one before', async () => {
    const csv = (await exported('CSV')).content.toString('utf8');
    const start = (await versions())[0].version;
    const files = [1, 2, 3].map((n) =>
      csv
        .split('\r\n')
        .map((l) => (l.includes(',A3,') ? l.replace('不符合要求的，扣除本项分值', `第${n}种扣分规则`) : l))
        .join('\r\n'),
    );
    const outcomes = await Promise.all(files.map(async (file, i) => (await upload('office', file, `并发${i + 1}.csv`)).data!.importCatalog));
    expect(outcomes.map((o) => o.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(outcomes.map((o) => o.version ?? 0).sort((a, b) => a - b)).toEqual([start + 1, start + 2, start + 3]);
    const latest = (await versions()).slice(0, 3);
    expect(latest.map((v) => v.version)).toEqual([start + 3, start + 2, start + 1]);
    for (const v of latest) expect(described(v.changes)).toEqual(['CHANGED INDICATOR A3']);
    expect(content(await system(start + 3))).toEqual(content(await system()));
  });

  it('gives a catalog from before versions its version 1 on first use, and records one written past the import before the next import', async () => {
    const readFirst = await legacyDatabase();
    const importFirst = await legacyDatabase();
    try {
      // The first read versions the catalog it finds: version 1, everything CREATED, nobody's import.
      const reader = new CatalogService(new CatalogRepository(readFirst.db));
      expect(await readFirst.db.selectFrom('catalog_versions').select('version').execute()).toEqual([]);
      expect(await reader.system()).toMatchObject({ version: 1, title: DEFAULT_CATALOG_TITLE, importedBy: null, fileName: null, indicatorCount: 40, totalPoints: 100 });
      const [v1] = await reader.versions();
      expect(v1).toMatchObject({ version: 1, title: DEFAULT_CATALOG_TITLE, importedBy: null, indicatorCount: 40 });
      expect(v1.changes).toHaveLength(50);
      expect((await reader.versions()).length).toBe(1);

      // The first import (a dry run) does the same, in its own transaction, before it compares.
      const service = new CatalogService(new CatalogRepository(importFirst.db));
      const file = { fileName: '测评体系.csv', content: Buffer.from(catalogCsv(demoCatalog(), DEFAULT_CATALOG_TITLE), 'utf8') };
      expect(await service.import(OFFICE_ACTOR, { ...file, dryRun: true })).toMatchObject({ status: 'DRY_RUN', version: 1, changes: [] });
      const stored = await importFirst.db.selectFrom('catalog_versions').selectAll().execute();
      expect(stored.map((v) => [v.version, v.title, v.imported_by, v.file_name])).toEqual([[1, DEFAULT_CATALOG_TITLE, null, null]]);
      expect(stored[0].snapshot).toEqual(canonicalCatalog(demoCatalog()));

      // An indicator written straight into the tables is recorded as a version of its own before the next
      // import compares with it, so that every version's changes lead from the one before.
      await importFirst.db.insertInto('indicators').values({ code: 'A99', item_code: 'A', name: '表外指标', method: 'FIELD', points: 1, standard: '无' }).execute();
      const outcome = await service.import(OFFICE_ACTOR, file);
      expect(outcome).toMatchObject({ status: 'APPLIED', version: 3 });
      const list = await service.versions();
      expect(list.map((v) => [v.version, v.fileName, v.importedBy, described(v.changes).join('; ')])).toEqual([
        // The importer is not in this database's users: their id stands in for their name.
        [3, '测评体系.csv', OFFICE_ACTOR.userId, 'REMOVED INDICATOR A99'],
        [2, null, null, 'CREATED INDICATOR A99'],
        [1, null, null, expect.stringContaining('CREATED INDICATOR J4') as string],
      ]);
    } finally {
      await readFirst.drop();
      await importFirst.drop();
    }
  });

  it('exports and imports from the command line; a broken file exits 1 listing its problems', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-cli-'));
    const run = (script: string, args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        let out = '';
        const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/cli', script), ...args, '--api', stack.url], { env: { ...process.env, INIT_CWD: dir } });
        child.stdout.on('data', (d) => (out += String(d)));
        child.stderr.on('data', (d) => (out += String(d)));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const exportedFile = await run('export-catalog.js', ['--out', '导出.xlsx']);
    expect(exportedFile.code).toBe(0);
    expect(fs.existsSync(path.join(dir, '导出.xlsx'))).toBe(true);
    const ok = await run('import-catalog.js', ['导出.xlsx']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('没有变化');
    const current = (await versions())[0].version;
    expect(ok.out).toContain(`现行为第 ${current} 版`);

    // An old version, under the name the API gives it; imported back it makes the next version.
    const old = await run('export-catalog.js', ['--version', '1', '--format', 'csv']);
    expect(old.code).toBe(0);
    const [oldFile] = fs.readdirSync(dir).filter((f) => /^测评体系-v1-\d{8}\.csv$/.test(f));
    expect(oldFile).toBeDefined();
    const back = await run('import-catalog.js', [oldFile, '--title', '第一版重新导入']);
    expect(back.code).toBe(0);
    expect(back.out).toContain(`已创建第 ${current + 1} 版「${DEMO_CATALOG_TITLE}」`);
    expect((await versions())[0]).toMatchObject({ version: current + 1, fileName: oldFile, title: DEMO_CATALOG_TITLE });
    const missing = await run('export-catalog.js', ['--version', '999']);
    expect(missing.code).not.toBe(0);
    expect(missing.out).toContain('测评体系没有第 999 版');
    expect((await run('export-catalog.js', ['--version', 'v2'])).code).not.toBe(0);

    const csv = await run('export-catalog.js', ['--format', 'csv', '--out', 'x.csv']);
    expect(csv.code).toBe(0);
    fs.writeFileSync(path.join(dir, '有问题.csv'), csvText([CATALOG_HEADER.slice(), a1Row({ 测评方法: '随便看看' })]));
    const refused = await run('import-catalog.js', ['有问题.csv', '--dry-run']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('随便看看');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * A database as an earlier release left it: migrated up to the migration before catalog versions, the demo
 * catalog written straight into its tables (as the demo seeding used to), then migrated to the latest.
 */
async function legacyDatabase(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const { db, drop } = await createTestDatabase({ migrateTo: '0005-campaign-policy' });
  try {
    const demo = demoCatalog();
    await db.insertInto('assessment_items').values(demo.items).execute();
    await db
      .insertInto('indicators')
      .values(demo.indicators.map((i) => ({ code: i.code, item_code: i.itemCode, name: i.name, method: i.method, points: i.points, standard: i.standard, area: i.area })))
      .execute();
    await db
      .insertInto('criteria')
      .values(demo.indicators.flatMap((i) => i.criteria.map((c) => ({ code: c.code, indicator_code: i.code, position: c.position, content: c.content, method: c.method, points: c.points, deduction_rule: c.deductionRule }))))
      .execute();
    await db
      .insertInto('archive_materials')
      .values(demo.indicators.flatMap((i) => i.materials.map((m) => ({ code: m.code, indicator_code: i.code, position: m.position, name: m.name }))))
      .execute();
    await migrateToLatest(db);
    return { db, drop };
  } catch (err) {
    await drop();
    throw err;
  }
}
