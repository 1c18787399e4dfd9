// From criterion rows to a catalog: indicators' points are their criteria's sum, item codes are settled from the
// file, the catalog as it stands, or the indicators' prefix; rows that must agree are checked; an indicator
// with tasks cannot disappear; then what the catalog changes.
import { parseCatalogCsv } from '../../src/catalog/catalog.parser';
import type { Catalog, CatalogReference, CatalogRow } from '../../src/catalog/catalog.types';
import { diffCatalog, planCatalog } from '../../src/catalog/catalog.validator';
import type { SheetProblem } from '../../src/platform/spreadsheet';
import { CATALOG_HEADER, a1Row, catalogRow, csvText, demoCatalog, type Cell } from '../support/catalog-fixtures';

const EMPTY: CatalogReference = { current: { items: [], indicators: [] }, indicatorsInUse: new Map() };

function rows(...data: Cell[][]): CatalogRow[] {
  const parsed = parseCatalogCsv(csvText([CATALOG_HEADER.slice(), ...data]), '测评体系');
  expect(parsed.problems).toEqual([]);
  return parsed.rows;
}

function located(problems: SheetProblem[]) {
  return problems.map((p) => ({ row: p.row, column: p.column, letter: p.columnLetter, code: p.code }));
}

const C1 = { 测评项目编码: 'C', 测评项目: '环境卫生', 指标编码: 'C1', 测评指标: '主次干道及背街小巷无垃圾烟头', 测评方法: '实地考察', 专项整治领域: '环境卫生' };

describe('planCatalog: a clean catalog', () => {
  it('makes one indicator of its rows: points summed, the first method, the contents as its standard, materials once each', () => {
    const result = planCatalog(
      rows(
        catalogRow({ ...C1, 测评内容: '主次干道无垃圾', 分值: 2, 扣分规则: '每处扣0.5分', 档案材料: '照片、台账' }),
        catalogRow({ ...C1, 测评内容: '背街小巷无烟头', 测评方法: '模拟暗访', 分值: 1.5, 档案材料: '台账；巡查记录', 专项整治领域: null }),
      ),
      EMPTY,
    );
    expect(result.problems).toEqual([]);
    expect(result.catalog).toEqual({
      items: [{ code: 'C', name: '环境卫生' }],
      indicators: [
        {
          code: 'C1',
          itemCode: 'C',
          name: '主次干道及背街小巷无垃圾烟头',
          method: 'FIELD',
          points: 3.5,
          standard: '主次干道无垃圾\n背街小巷无烟头',
          area: 'SANITATION',
          criteria: [
            { code: 'C1-1', position: 1, content: '主次干道无垃圾', method: 'FIELD', points: 2, deductionRule: '每处扣0.5分' },
            { code: 'C1-2', position: 2, content: '背街小巷无烟头', method: 'SIMULATED', points: 1.5, deductionRule: '' },
          ],
          materials: [
            { code: 'C1-M1', position: 1, name: '照片' },
            { code: 'C1-M2', position: 2, name: '台账' },
            { code: 'C1-M3', position: 3, name: '巡查记录' },
          ],
        },
      ],
    });
  });

  it('settles item codes: as written, else the existing item of that name, else the indicators\' common prefix', () => {
    const reference: CatalogReference = { current: { items: [{ code: 'ENV', name: '环境卫生' }], indicators: [] }, indicatorsInUse: new Map() };
    const result = planCatalog(
      rows(
        catalogRow({ ...C1, 测评项目编码: null, 测评内容: '无垃圾', 分值: 1 }),
        catalogRow({ 测评项目: '市容市貌', 指标编码: 'D1', 测评指标: '无乱张贴', 测评内容: '无乱张贴', 测评方法: '实地考察', 分值: 1 }),
        catalogRow({ 测评项目: '市容市貌', 指标编码: 'D2', 测评指标: '无占道经营', 测评内容: '无占道经营', 测评方法: '实地考察', 分值: 1 }),
        catalogRow({ 测评项目编码: 'K', 测评项目: '诚信建设', 指标编码: 'X1', 测评指标: '诚信', 测评内容: '诚信', 测评方法: '材料审核', 分值: 1 }),
      ),
      reference,
    );
    expect(result.problems).toEqual([]);
    expect(result.catalog.items).toEqual([
      { code: 'ENV', name: '环境卫生' },
      { code: 'D', name: '市容市貌' },
      { code: 'K', name: '诚信建设' },
    ]);
    expect(result.catalog.indicators.map((i) => [i.code, i.itemCode])).toEqual([
      ['C1', 'ENV'],
      ['D1', 'D'],
      ['D2', 'D'],
      ['X1', 'K'],
    ]);
  });
});

describe('planCatalog: every problem at once', () => {
  it('reports rows of one indicator that disagree on its item, name or area (INCONSISTENT)', () => {
    const result = planCatalog(
      rows(
        a1Row({ 测评内容: '第一条' }),
        a1Row({ 测评内容: '第二条', 测评项目: '环境卫生', 测评项目编码: 'C' }),
        a1Row({ 测评内容: '第三条', 测评指标: '别的名称' }),
        a1Row({ 测评内容: '第四条', 专项整治领域: '环境卫生' }),
      ),
      EMPTY,
    );
    expect(located(result.problems)).toEqual([
      { row: 3, column: '测评项目', letter: 'B', code: 'INCONSISTENT' },
      { row: 4, column: '测评指标', letter: 'D', code: 'INCONSISTENT' },
      { row: 5, column: '专项整治领域', letter: 'J', code: 'INCONSISTENT' },
    ]);
    expect(result.problems[0].message).toContain('第2行');
    expect(result.catalog).toEqual({ items: [], indicators: [] });
  });

  it('reports an item written with two codes, and one code used for two items (INCONSISTENT)', () => {
    const result = planCatalog(
      rows(
        a1Row(),
        a1Row({ 指标编码: 'A2', 测评指标: '小区公益广告', 测评项目编码: 'AA' }),
        catalogRow({ ...C1, 测评项目编码: 'A', 测评内容: '无垃圾', 分值: 1 }),
      ),
      EMPTY,
    );
    expect(located(result.problems)).toEqual([
      { row: 3, column: '测评项目编码', letter: 'A', code: 'INCONSISTENT' },
      { row: 4, column: '测评项目编码', letter: 'A', code: 'INCONSISTENT' },
    ]);
  });

  it('reports a criterion written twice and an indicator name used twice in one item (DUPLICATE)', () => {
    const result = planCatalog(rows(a1Row(), a1Row({ 测评内容: ' 主次干道每200米不少于1处公益广告；每缺一处扣0.5分 ' }), a1Row({ 指标编码: 'A9' })), EMPTY);
    expect(located(result.problems)).toEqual([
      { row: 3, column: '测评内容', letter: 'E', code: 'DUPLICATE' },
      { row: 4, column: '测评指标', letter: 'D', code: 'DUPLICATE' },
    ]);
    expect(result.problems[1].message).toContain('编码 A1');
  });

  it('asks for an item code it cannot settle (MISSING_VALUE)', () => {
    const result = planCatalog(
      rows(
        catalogRow({ 测评项目: '诚信建设', 指标编码: '101', 测评指标: '诚信', 测评内容: '诚信', 测评方法: '材料审核', 分值: 1 }),
        catalogRow({ 测评项目编码: 'F', 测评项目: '公共文明', 指标编码: 'F1', 测评指标: '文明', 测评内容: '文明', 测评方法: '材料审核', 分值: 1 }),
        catalogRow({ 测评项目: '文明交通', 指标编码: 'F2', 测评指标: '礼让', 测评内容: '礼让', 测评方法: '实地考察', 分值: 1 }),
      ),
      EMPTY,
    );
    expect(located(result.problems)).toEqual([
      { row: 2, column: '测评项目编码', letter: 'A', code: 'MISSING_VALUE' },
      { row: 4, column: '测评项目编码', letter: 'A', code: 'MISSING_VALUE' },
    ]);
    expect(result.problems[1].message).toContain('前缀 F 已被其他测评项目使用');
  });

  it('refuses to drop an indicator that tasks use, naming it (IN_USE)', () => {
    const current = demoCatalog();
    const reference: CatalogReference = { current, indicatorsInUse: new Map([['A1', 3], ['A2', 0], ['C1', 1]]) };
    const result = planCatalog(rows(catalogRow({ ...C1, 测评内容: '无垃圾', 分值: 1 })), reference);
    expect(result.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([['', 0, 'IN_USE']]);
    expect(result.problems[0].message).toContain('A1 主次干道公益广告密度');
    expect(result.problems[0].message).toContain('3 项任务');
  });

  it('refuses an indicator whose criteria add up to more than numeric(6, 2) holds (BAD_VALUE)', () => {
    const result = planCatalog(rows(a1Row({ 分值: 9999 }), a1Row({ 测评内容: '另一条', 分值: 1 })), EMPTY);
    expect(located(result.problems)).toEqual([{ row: 3, column: '分值', letter: 'G', code: 'BAD_VALUE' }]);
  });

  it('still checks what it can of rows whose cells could not be read, and plans nothing', () => {
    const parsed = parseCatalogCsv(csvText([CATALOG_HEADER.slice(), a1Row({ 测评方法: '看看' }), a1Row({ 测评内容: '第二条', 测评指标: '别的名称' })]), '测评体系');
    const result = planCatalog(parsed.rows, EMPTY);
    expect(located(result.problems)).toEqual([{ row: 3, column: '测评指标', letter: 'D', code: 'INCONSISTENT' }]);
    expect(result.catalog.indicators).toEqual([]);
  });
});

describe('diffCatalog', () => {
  const demo = demoCatalog();

  it('finds nothing to do when the file is the catalog as it stands', () => {
    const diff = diffCatalog(demo, demoCatalog());
    expect(diff.counts).toEqual({
      items: { total: 10, created: 0, changed: 0, unchanged: 10, removed: 0 },
      indicators: { total: 40, created: 0, changed: 0, unchanged: 40, removed: 0 },
      criteria: 40,
      materials: demo.indicators.reduce((n, i) => n + i.materials.length, 0),
    });
    expect(diff.changes).toEqual([]);
    expect(diff.write).toEqual({ items: [], indicators: [], removedItems: [], removedIndicators: [] });
  });

  it('counts and lists what is new, changed and gone, and writes only those', () => {
    const next: Catalog = demoCatalog();
    next.items = next.items.filter((i) => i.code !== 'J').map((i) => (i.code === 'A' ? { ...i, name: '思想道德建设' } : i));
    next.indicators = next.indicators.filter((i) => i.itemCode !== 'J');
    const a2 = next.indicators.find((i) => i.code === 'A2')!;
    a2.criteria = [{ ...a2.criteria[0], deductionRule: '每缺一处扣1分' }];
    const c1 = next.indicators.find((i) => i.code === 'C1')!;
    c1.materials = [...c1.materials, { code: 'C1-M2', position: 2, name: '保洁台账' }];
    next.items.push({ code: 'K', name: '诚信建设' });
    next.indicators.push({ ...a2, code: 'K1', itemCode: 'K', name: '诚信', criteria: [{ ...a2.criteria[0], code: 'K1-1' }], materials: [] });

    const diff = diffCatalog(demo, next);
    expect(diff.counts.items).toEqual({ total: 10, created: 1, changed: 1, unchanged: 8, removed: 1 });
    expect(diff.counts.indicators).toEqual({ total: 37, created: 1, changed: 2, unchanged: 34, removed: 4 });
    expect(diff.changes.map((c) => `${c.kind} ${c.entity} ${c.code}`)).toEqual([
      'CREATED ASSESSMENT_ITEM K',
      'CHANGED ASSESSMENT_ITEM A',
      'REMOVED ASSESSMENT_ITEM J',
      'CREATED INDICATOR K1',
      'CHANGED INDICATOR A2',
      'CHANGED INDICATOR C1',
      'REMOVED INDICATOR J1',
      'REMOVED INDICATOR J2',
      'REMOVED INDICATOR J3',
      'REMOVED INDICATOR J4',
    ]);
    expect(diff.changes[3]).toEqual({ kind: 'CREATED', entity: 'INDICATOR', code: 'K1', name: '诚信' });
    expect(diff.write.indicators.map((i) => i.code)).toEqual(['K1', 'A2', 'C1']);
    expect(diff.write.removedItems).toEqual(['J']);
  });

  it('compares points as numbers: 3 and 3.00 are the same', () => {
    const next = demoCatalog();
    next.indicators[0] = { ...next.indicators[0], points: Number('3.00') };
    expect(diffCatalog(demo, next).counts.indicators.unchanged).toBe(40);
  });
});
