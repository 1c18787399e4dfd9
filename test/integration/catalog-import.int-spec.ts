// The assessment catalog through GraphQL against real PostgreSQL and Temporal: read it (items → indicators →
// criteria and materials, also on a card's indicator), export it and import the export with nothing changed,
// import a changed catalog in one transaction, refuse a broken one whole with nothing written, keep indicators
// that tasks use, let only the office import; and the command-line tools.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { insertDemoCatalogDetails } from '../../src/catalog/catalog.demo';
import { projectRoot } from '../../src/runtime/project-paths';
import { CATALOG_HEADER, a1Row, csvText, xlsx } from '../support/catalog-fixtures';
import { seedReferenceData, seedTask } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';

interface Counts {
  total: number;
  created: number;
  changed: number;
  unchanged: number;
  removed: number;
}
interface Outcome {
  status: string;
  fileName: string;
  counts: { items: Counts; indicators: Counts; criteria: number; materials: number };
  problems: { sheet: string; row: number; column: string; columnLetter: string | null; code: string; message: string }[];
  report: string;
  changes: { kind: string; entity: string; code: string; name: string }[];
}

const COUNTS = 'total created changed unchanged removed';
const FIELDS = `status fileName counts { items { ${COUNTS} } indicators { ${COUNTS} } criteria materials } problems { sheet row column columnLetter code message } report changes { kind entity code name }`;

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

  async function exported(format: 'XLSX' | 'CSV', login = 'office') {
    const res = await gql<{ exportCatalog: { fileName: string; mimeType: string; contentBase64: string } }>(
      stack.url,
      login,
      'query($format: ExportFormat!) { exportCatalog(format: $format) { fileName mimeType contentBase64 } }',
      { format },
    );
    expect(res.errors).toBeUndefined();
    return { ...res.data!.exportCatalog, content: Buffer.from(res.data!.exportCatalog.contentBase64, 'base64') };
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'catalog' });
    await seedReferenceData(stack.db);
    await insertDemoCatalogDetails(stack.db);
  });
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
    expect(file.fileName).toMatch(/^测评体系-\d{8}\.xlsx$/);
    const fromXlsx = (await upload('office', file.content, file.fileName)).data!.importCatalog;
    expect(fromXlsx).toMatchObject({
      status: 'UNCHANGED',
      problems: [],
      changes: [],
      counts: { items: { total: 10, unchanged: 10 }, indicators: { total: 40, unchanged: 40, changed: 0, created: 0, removed: 0 }, criteria: 40 },
    });
    const csv = await exported('CSV');
    expect((await upload('office', csv.content, csv.fileName)).data!.importCatalog.status).toBe('UNCHANGED');
    expect(await snapshot()).toEqual(before);
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
    expect(await snapshot()).toEqual(before);
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
    expect(dry).toMatchObject({ status: 'DRY_RUN', counts: { items: { created: 1 }, indicators: { created: 1, changed: 1, removed: 1 } } });
    expect(await stack.db.selectFrom('indicators').select('code').where('code', '=', 'K1').executeTakeFirst()).toBeUndefined();

    const outcome = (await upload('office', changed, '测评体系.csv')).data!.importCatalog;
    expect(outcome.status).toBe('APPLIED');
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

    const before = await snapshot();
    const again = (await upload('office', changed, '测评体系.csv')).data!.importCatalog;
    expect(again).toMatchObject({ status: 'UNCHANGED', changes: [], counts: { indicators: { unchanged: 40 } } });
    expect(await snapshot()).toEqual(before);
    // And the new catalog round-trips through its export as well.
    const file = await exported('XLSX');
    expect((await upload('office', file.content, file.fileName)).data!.importCatalog.status).toBe('UNCHANGED');
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

    const csv = await run('export-catalog.js', ['--format', 'csv', '--out', 'x.csv']);
    expect(csv.code).toBe(0);
    fs.writeFileSync(path.join(dir, '有问题.csv'), csvText([CATALOG_HEADER.slice(), a1Row({ 测评方法: '随便看看' })]));
    const refused = await run('import-catalog.js', ['有问题.csv', '--dry-run']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('随便看看');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
