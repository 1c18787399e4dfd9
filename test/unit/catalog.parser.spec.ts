// Reading a 测评体系 the way offices write it, in .xlsx and .csv: a title over the header, merged item and
// indicator cells, 测评标准 for 测评内容, methods and areas in Chinese or as identifiers, points in every form,
// materials in one cell, notes under the table; and every cell problem at once with its sheet, row and column.
import { parseCatalogCsv, parseCatalogXlsx } from '../../src/catalog/catalog.parser';
import type { CatalogParse, CatalogRow } from '../../src/catalog/catalog.types';
import { MAX_CSV_BYTES, MAX_DATA_ROWS, type SheetProblem } from '../../src/platform/spreadsheet';
import { CATALOG_HEADER, a1Row, catalogRow, csvText, xlsx } from '../support/catalog-fixtures';

function located(problems: SheetProblem[]) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, letter: p.columnLetter, code: p.code }));
}

function essentials(rows: CatalogRow[]) {
  return rows.map((r) => ({
    row: r.row,
    item: [r.itemCode, r.itemName],
    indicator: [r.indicatorCode, r.indicatorName],
    content: r.content,
    method: r.method,
    points: r.points,
    rule: r.deductionRule,
    materials: r.materials,
    area: r.area,
  }));
}

const ITEM_C = '环境卫生';

describe('parseCatalogXlsx: a catalog as an office writes it', () => {
  // A merged title; the header says 测评标准 and '分 值'; item and indicator cells merged over their rows (with
  // the materials and area of C1 merged too); a blank row inside; a note and a sign-off under the table; a
  // sheet of instructions and a hidden sheet that are not read.
  const header = ['测评项目编码', '测评项目', '指标编码', '测评指标', '测评标准', '测评方法', '分 值', '扣分规则', '档案材料', '专项整治领域'];
  let result: CatalogParse;

  beforeAll(async () => {
    const file = await xlsx([
      {
        name: '测评体系',
        rows: [
          ['外滩街道创建全国文明城区测评体系（2027版）'],
          header,
          ['C', ITEM_C, 'C1', '主次干道及背街小巷无垃圾烟头', '主次干道无垃圾', '实地考察', 2, '每发现一处扣0.5分', '整改前后照片、保洁台账', '环境卫生'],
          [null, null, null, null, '背街小巷无烟头', 'field', '2分', null, null, null],
          null,
          [null, null, 'C2', '垃圾分类投放点整洁、清运及时', '投放点整洁，无满溢', 'Field', '１.５', '', '清运记录；照片\n巡查记录', 'SANITATION'],
          [null, null, null, null, '分类知晓率不低于80%', '问卷调查', 0.5, '每低5个百分点扣0.1分', null, null],
          ['D', '市容市貌', 'd1', '无乱张贴乱涂写', '无乱张贴', '模拟暗访', 3, null, null, '巿容巿貌'],
          null,
          ['注：每条测评内容一行；同一指标的各行可合并单元格。'],
          ['填表人：张霞', null, null, null, '审核人：王组长'],
        ],
        merges: ['A1:J1', 'A3:A7', 'B3:B7', 'C3:C4', 'D3:D4', 'I3:I4', 'J3:J4', 'C6:C7', 'D6:D7', 'J6:J7', 'A10:J10'],
      },
      { name: '填表说明', rows: [['填表说明'], ['1. 每条测评内容一行'], ['2. 测评方法填写 实地考察、材料审核、问卷调查、模拟暗访']] },
      { name: '下拉选项', rows: [CATALOG_HEADER.slice(), a1Row()], state: 'hidden' },
    ]);
    result = await parseCatalogXlsx(file);
  });

  it('reports no problem', () => {
    expect(result.problems).toEqual([]);
  });

  it('takes the merged title over the header as the catalog\'s title', () => {
    expect(result.title).toBe('外滩街道创建全国文明城区测评体系（2027版）');
  });

  it('reads every criterion once, merged cells for every row they span, methods, points and areas in every form', () => {
    expect(essentials(result.rows)).toEqual([
      { row: 3, item: ['C', ITEM_C], indicator: ['C1', '主次干道及背街小巷无垃圾烟头'], content: '主次干道无垃圾', method: 'FIELD', points: 2, rule: '每发现一处扣0.5分', materials: ['整改前后照片', '保洁台账'], area: 'SANITATION' },
      { row: 4, item: ['C', ITEM_C], indicator: ['C1', '主次干道及背街小巷无垃圾烟头'], content: '背街小巷无烟头', method: 'FIELD', points: 2, rule: '', materials: ['整改前后照片', '保洁台账'], area: 'SANITATION' },
      { row: 6, item: ['C', ITEM_C], indicator: ['C2', '垃圾分类投放点整洁、清运及时'], content: '投放点整洁，无满溢', method: 'FIELD', points: 1.5, rule: '', materials: ['清运记录', '照片', '巡查记录'], area: 'SANITATION' },
      { row: 7, item: ['C', ITEM_C], indicator: ['C2', '垃圾分类投放点整洁、清运及时'], content: '分类知晓率不低于80%', method: 'SURVEY', points: 0.5, rule: '每低5个百分点扣0.1分', materials: [], area: 'SANITATION' },
      { row: 8, item: ['D', '市容市貌'], indicator: ['D1', '无乱张贴乱涂写'], content: '无乱张贴', method: 'SIMULATED', points: 3, rule: '', materials: [], area: 'CITY_APPEARANCE' },
    ]);
  });

  it('names columns as the file does, with their letters, for later problems', () => {
    expect(result.rows[0].columns.content).toEqual({ name: '测评标准', letter: 'E' });
    expect(result.rows[0].columns.points).toEqual({ name: '分值', letter: 'G' });
  });
});

describe('parseCatalogCsv', () => {
  const header = CATALOG_HEADER.slice();

  it('reads the same layout from CSV: quoted cells with commas and line breaks, a BOM, optional columns left out', () => {
    const text = `\uFEFF${csvText([
      ['测评项目', '指标编码', '测评指标', '测评内容', '测评方法', '分值'],
      ['思想道德与核心价值观宣传', 'A3', '新时代文明实践站活动台账', '每月活动记录,照片齐全\n（含签到表）', 'MATERIAL', '3'],
    ])}`;
    const result = parseCatalogCsv(text, '测评体系');
    expect(result.problems).toEqual([]);
    expect(essentials(result.rows)).toEqual([
      { row: 2, item: [null, '思想道德与核心价值观宣传'], indicator: ['A3', '新时代文明实践站活动台账'], content: '每月活动记录,照片齐全\n（含签到表）', method: 'MATERIAL', points: 3, rule: '', materials: [], area: null },
    ]);
    expect(result.rows[0].sheet).toBe('测评体系');
  });

  it('finds the header under title lines', () => {
    const result = parseCatalogCsv(csvText([['测评体系'], ['2027年1月'], [], header, a1Row()]));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.row)).toEqual([5]);
    expect(result.title).toBe('测评体系');
  });

  it('takes as the title the first line over the header that is not an attachment label, a date, a labelled line or a note', () => {
    const title = (above: (string | null)[][]) => parseCatalogCsv(csvText([...above, header, a1Row()])).title;
    expect(title([['附件2'], ['2027年1月'], ['填报单位：外滩街道'], ['  全国文明城区测评体系\n（2021年版）  ', null, '全国文明城区测评体系 （2021年版）']])).toBe('全国文明城区测评体系 （2021年版）');
    expect(title([['附件：'], ['说明：分值合计100分'], ['2027-01-05']])).toBeNull();
    expect(title([])).toBeNull();
    // Two different texts on one line are not a title; nor is earlier exports' layout heading, nor a paragraph.
    expect(title([['测评体系', '2027年版']])).toBeNull();
    expect(title([['测评体系（测评项目、测评指标、测评内容）']])).toBeNull();
    expect(title([['很长'.repeat(51)]])).toBeNull();
  });

  it('reports every cell problem at once, with sheet, row, column and letter, in Chinese', () => {
    const text = csvText([
      header,
      a1Row({ 测评方法: '现场看看', 分值: '-1' }),
      a1Row({ 指标编码: 'A1/2', 分值: '1.234', 专项整治领域: '城市管理' }),
      a1Row({ 测评项目编码: '一', 分值: 'abc', 档案材料: '台账、照片；台账' }),
      a1Row({ 分值: '10000', 测评内容: '' }),
      a1Row({ 测评方法: 'field', 分值: '3分' }),
    ]);
    const result = parseCatalogCsv(text, '测评体系');
    expect(located(result.problems)).toEqual([
      { sheet: '测评体系', row: 2, column: '测评方法', letter: 'F', code: 'BAD_CHOICE' },
      { sheet: '测评体系', row: 2, column: '分值', letter: 'G', code: 'BAD_VALUE' },
      { sheet: '测评体系', row: 3, column: '指标编码', letter: 'C', code: 'BAD_VALUE' },
      { sheet: '测评体系', row: 3, column: '分值', letter: 'G', code: 'BAD_VALUE' },
      { sheet: '测评体系', row: 3, column: '专项整治领域', letter: 'J', code: 'BAD_CHOICE' },
      { sheet: '测评体系', row: 4, column: '测评项目编码', letter: 'A', code: 'BAD_VALUE' },
      { sheet: '测评体系', row: 4, column: '分值', letter: 'G', code: 'BAD_VALUE' },
      { sheet: '测评体系', row: 4, column: '档案材料', letter: 'I', code: 'DUPLICATE' },
      { sheet: '测评体系', row: 5, column: '测评内容', letter: 'E', code: 'MISSING_VALUE' },
      { sheet: '测评体系', row: 5, column: '分值', letter: 'G', code: 'BAD_VALUE' },
    ]);
    expect(result.problems.every((p) => p.message.startsWith(`第${p.row}行「${p.column}」：`) && /[\u4e00-\u9fa5]/.test(p.message))).toBe(true);
    expect(result.problems.find((p) => p.code === 'BAD_CHOICE' && p.row === 2)?.message).toContain('实地考察、材料审核、问卷调查、模拟暗访');
    expect(result.problems.find((p) => p.code === 'DUPLICATE')?.message).toContain('台账');
    // Readable cells are still read: the rows go on to the validator with nulls where a value was bad.
    expect(result.rows.map((r) => [r.row, r.method, r.points])).toEqual([
      [2, null, null],
      [3, 'FIELD', null],
      [4, 'FIELD', null],
      [5, 'FIELD', null],
      [6, 'FIELD', 3],
    ]);
  });

  it('normalises codes: full-width and lower-case letters are the same code', () => {
    const result = parseCatalogCsv(csvText([header, a1Row({ 测评项目编码: 'ａ', 指标编码: 'a1' })]));
    expect(result.rows.map((r) => [r.itemCode, r.indicatorCode])).toEqual([['A', 'A1']]);
  });

  it('reports a missing required column by name, and a file without any header', () => {
    const missing = parseCatalogCsv(csvText([['测评项目', '指标编码', '测评指标', '测评内容', '测评方法'], ['环境卫生', 'C1', '无垃圾', '无垃圾', '实地考察']]), '测评体系');
    expect(located(missing.problems)).toEqual([{ sheet: '测评体系', row: 1, column: '分值', letter: null, code: 'MISSING_HEADER' }]);
    expect(missing.rows).toEqual([]);
    const none = parseCatalogCsv(csvText([['名称', '说明'], ['环境卫生', '无']]), '测评体系');
    expect(located(none.problems)).toEqual([{ sheet: '测评体系', row: 0, column: '', letter: null, code: 'MISSING_HEADER' }]);
    expect(none.problems[0].message).toContain('测评项目、指标编码、测评指标、测评内容、测评方法、分值');
  });

  it('reports a lone line of text inside the table, and leaves notes under it alone', () => {
    const result = parseCatalogCsv(csvText([header, a1Row(), ['二、环境卫生'], a1Row({ 指标编码: 'A2', 测评指标: '小区公益广告' }), [], ['注：分值合计100分']]), '测评体系');
    expect(located(result.problems)).toEqual([{ sheet: '测评体系', row: 3, column: '', letter: null, code: 'MISSING_VALUE' }]);
    expect(result.problems[0].message).toContain('二、环境卫生');
    expect(result.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('refuses an empty file, a header without rows, an unterminated quote, too many rows and too many bytes', () => {
    expect(parseCatalogCsv('').problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(parseCatalogCsv(csvText([header])).problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(located(parseCatalogCsv(`${csvText([header])}\r\n"A,环境卫生`, '测评体系').problems)).toEqual([{ sheet: '测评体系', row: 2, column: '', letter: null, code: 'UNREADABLE_FILE' }]);
    const many = [header.join(','), ...Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => `C,环境卫生,C${i + 1},指标${i + 1},内容,实地考察,1`)].join('\n');
    expect(parseCatalogCsv(many).problems.map((p) => p.code)).toEqual(['TOO_LARGE']);
    expect(parseCatalogCsv('x'.repeat(MAX_CSV_BYTES + 1)).problems.map((p) => p.code)).toEqual(['TOO_LARGE']);
  });
});

describe('parseCatalogXlsx: files that are not catalogs', () => {
  it('refuses bytes that are not a workbook, and a workbook with nothing in it', async () => {
    expect((await parseCatalogXlsx(Buffer.from('PK\u0003\u0004 not really a zip'))).problems.map((p) => p.code)).toEqual(['UNREADABLE_FILE']);
    expect((await parseCatalogXlsx(await xlsx([{ name: 'Sheet1', rows: [] }]))).problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
  });

  it('reads every sheet with the header and reports a sheet missing a column without reading it', async () => {
    const file = await xlsx([
      { name: '一至五', rows: [CATALOG_HEADER.slice(), a1Row()] },
      { name: '六至十', rows: [CATALOG_HEADER.filter((h) => h !== '测评方法'), ['F', '诚信建设', 'F1', '诚信', '内容', 1]] },
    ]);
    const result = await parseCatalogXlsx(file);
    expect(located(result.problems)).toEqual([{ sheet: '六至十', row: 1, column: '测评方法', letter: null, code: 'MISSING_HEADER' }]);
    expect(result.rows.map((r) => [r.sheet, r.row])).toEqual([['一至五', 2]]);
  });

  it('takes a row of only item and indicator (merged from above) with nothing typed as blank', async () => {
    const file = await xlsx([{ name: '测评体系', rows: [CATALOG_HEADER.slice(), a1Row(), catalogRow({})], merges: ['A2:A3', 'B2:B3'] }]);
    const result = await parseCatalogXlsx(file);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
  });
});
