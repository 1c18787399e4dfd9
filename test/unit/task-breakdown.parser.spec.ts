// Reading a 任务分解表 the way offices write it, in .xlsx and .csv: title rows, merged cells, units in one cell,
// dates in every form, notes under the table, and every problem reported at once with where it is.
import {
  HEADER_SEARCH_ROWS,
  MAX_CSV_BYTES,
  MAX_DATA_ROWS,
  MAX_XLSX_BYTES,
  decodeCsvBytes,
  parseTaskBreakdownCsv,
  parseTaskBreakdownXlsx,
} from '../../src/task-breakdown/task-breakdown.parser';
import type { BreakdownRow, ImportProblem, ParseResult } from '../../src/task-breakdown/task-breakdown.types';
import { HEADER, TITLE, breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';

/** The fields that say what a row means, compactly. */
function essentials(rows: BreakdownRow[]) {
  return rows.map((r) => ({ row: r.row, item: r.itemName, indicator: r.indicatorName, lead: r.leadUnitName, units: r.responsibleUnitNames, due: r.due, status: r.classification }));
}

/** Where and what, without the wording. */
function located(problems: ImportProblem[]) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, letter: p.columnLetter, code: p.code }));
}

function csv(lines: string[]): string {
  return lines.join('\r\n');
}

const ITEM_A = '思想道德与核心价值观宣传';
const ITEM_C = '环境卫生';

describe('parseTaskBreakdownXlsx: a breakdown as an office writes it', () => {
  // Title merged over the header's width; the header has '完成 时限' with a space and 测评标准 for 测评内容;
  // 测评项目 merged over the rows of each item (with a blank row inside the first block); 牵头单位 merged too;
  // every separator between units; every date form; a note merged across and a sign-off line underneath; a
  // second sheet with instructions and no header.
  const header = ['序号', '测评项目', '测评指标', '测评标准', '牵头单位', '责任单位', '完成 时限', '当前状态', '备注'];
  let result: ParseResult;

  beforeAll(async () => {
    const file = await xlsx([
      {
        name: '任务分解表',
        rows: [
          [TITLE],
          header,
          [1, ITEM_A, '主次干道公益广告密度', '每200米不少于1处', '街道宣传统战办', '街道宣传统战办、外滩社区', '2027年3月31日', '未达标', null],
          [2, null, '小区固定式公益广告（核心价值观、关爱未成年人）', null, '街道宣传统战办', '外滩社区,滨江社区', '2027-03-31', '易反弹', '固定设施'],
          [3, null, '新时代文明实践站活动台账', null, '街道宣传统战办', '外滩社区，滨江社区', '2027/3/31', '达标', null],
          null,
          [4, null, '市民创建知晓率', null, '街道宣传统战办', '外滩社区;滨江社区', '2027.3.31', '未知可否达标', null],
          [5, ITEM_C, '主次干道及背街小巷无垃圾烟头', null, '街道环卫所', '外滩社区；东湖村', 46477, '未知', null],
          [6, null, '垃圾分类投放点整洁、清运及时', null, null, '外滩社区\n东湖村\r\n街道环卫所', new Date(Date.UTC(2027, 2, 31)), null, null],
          null,
          ['注：1. 多个责任单位用顿号分隔；2. 完成时限为最迟完成日期。'],
          ['填表人：张霞', null, null, '审核人：王组长', null, null, '2027年1月5日'],
        ],
        merges: ['A1:I1', 'B3:B7', 'B8:B9', 'E8:E9', 'A11:I11'],
        dateCells: ['G9'],
      },
      { name: '填表说明', rows: [['填表说明'], ['1. 每个测评指标一行'], ['2. 责任单位须使用单位名册中的名称']] },
    ]);
    result = await parseTaskBreakdownXlsx(file);
  });

  it('reports no problem', () => {
    expect(result.problems).toEqual([]);
  });

  it('reads every data row once, under the title, without the blank rows, the note and the sign-off', () => {
    expect(result.rows.map((r) => r.row)).toEqual([3, 4, 5, 7, 8, 9]);
  });

  it('gives a merged 测评项目 (and 牵头单位) to every row it spans', () => {
    expect(result.rows.map((r) => r.itemName)).toEqual([ITEM_A, ITEM_A, ITEM_A, ITEM_A, ITEM_C, ITEM_C]);
    expect(result.rows.map((r) => r.leadUnitName).slice(4)).toEqual(['街道环卫所', '街道环卫所']);
  });

  it('splits responsible units on 、 , ， ; ； and line breaks', () => {
    expect(result.rows.map((r) => r.responsibleUnitNames)).toEqual([
      ['街道宣传统战办', '外滩社区'],
      ['外滩社区', '滨江社区'],
      ['外滩社区', '滨江社区'],
      ['外滩社区', '滨江社区'],
      ['外滩社区', '东湖村'],
      ['外滩社区', '东湖村', '街道环卫所'],
    ]);
  });

  it('reads 2027年3月31日, 2027-03-31, 2027/3/31, 2027.3.31, the serial 46477 and a date cell as the same day', () => {
    expect(result.rows.map((r) => r.due)).toEqual(Array(6).fill('2027-03-31'));
  });

  it('reads 当前状态 as the glossary classification, 未知 as UNKNOWN, blank as null', () => {
    expect(result.rows.map((r) => r.classification)).toEqual(['NOT_MET', 'RELAPSE_PRONE', 'MET', 'UNKNOWN', 'UNKNOWN', null]);
  });

  it('keeps sequence, criterion (from 测评标准), remarks, sheet and column letters', () => {
    expect(result.rows[0]).toEqual({
      sheet: '任务分解表',
      row: 3,
      seq: '1',
      itemName: ITEM_A,
      indicatorName: '主次干道公益广告密度',
      criterion: '每200米不少于1处',
      leadUnitName: '街道宣传统战办',
      responsibleUnitNames: ['街道宣传统战办', '外滩社区'],
      due: '2027-03-31',
      classification: 'NOT_MET',
      remarks: null,
      columnLetters: { 序号: 'A', 测评项目: 'B', 测评指标: 'C', 测评标准: 'D', 测评内容: 'D', 牵头单位: 'E', 责任单位: 'F', 完成时限: 'G', 当前状态: 'H', 备注: 'I' },
    });
    expect(result.rows[1]).toMatchObject({ seq: '2', criterion: null, remarks: '固定设施' });
  });
});

describe('parseTaskBreakdownXlsx: sheets and files', () => {
  it('reads every sheet with a header, in workbook order, and skips sheets without one', async () => {
    const file = await xlsx([
      { name: '说明', rows: [['本表由创建办制作'], ['请勿改动表头']] },
      breakdownSheet('社区', [dataRow({ 序号: '1' })]),
      breakdownSheet('站办所', [dataRow({ 序号: '1', 责任单位: '街道环卫所' }), dataRow({ 序号: '2', 责任单位: '街道平安办' })]),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.sheet, r.row, r.responsibleUnitNames])).toEqual([
      ['社区', 3, ['外滩社区']],
      ['站办所', 3, ['街道环卫所']],
      ['站办所', 4, ['街道平安办']],
    ]);
  });

  it('accepts an ArrayBuffer as well as a Buffer', async () => {
    const file = await xlsx([breakdownSheet('任务分解表', [dataRow({})])]);
    const arrayBuffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    expect(essentials((await parseTaskBreakdownXlsx(arrayBuffer)).rows)).toEqual(essentials((await parseTaskBreakdownXlsx(file)).rows));
  });

  it('skips hidden sheets', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [dataRow({ 责任单位: '外滩社区' })]),
      breakdownSheet('旧版', [dataRow({ 责任单位: '滨江社区' })], { state: 'hidden' }),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.rows.map((r) => r.sheet)).toEqual(['任务分解表']);
  });

  it('reports each missing required header of a sheet and still reads the other sheets', async () => {
    const withoutDue = HEADER.filter((h) => h !== '完成时限' && h !== '牵头单位');
    const file = await xlsx([
      { name: '缺列', rows: [[TITLE], withoutDue, ['1', ITEM_A, '主次干道公益广告密度', null, '外滩社区']] },
      breakdownSheet('完整', [dataRow({})]),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(located(result.problems)).toEqual([
      { sheet: '缺列', row: 2, column: '牵头单位', letter: null, code: 'MISSING_HEADER' },
      { sheet: '缺列', row: 2, column: '完成时限', letter: null, code: 'MISSING_HEADER' },
    ]);
    expect(result.problems[1].message).toContain('表头缺少「完成时限」列');
    expect(result.rows.map((r) => r.sheet)).toEqual(['完整']);
  });

  it(`reports MISSING_HEADER when no sheet has a header in its first ${HEADER_SEARCH_ROWS} rows`, async () => {
    const tooLow = [...Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`第${i + 1}行说明`]), HEADER, dataRow({})];
    const file = await xlsx([
      { name: 'Sheet1', rows: tooLow },
      { name: 'Sheet2', rows: [['序号', '测评项目', '测评指标']] },
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(located(result.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'MISSING_HEADER' }]);
    expect(result.problems[0].message).toContain('「Sheet1」「Sheet2」');
    expect(result.rows).toEqual([]);
  });

  it('reports EMPTY_FILE for a workbook with nothing in it, and for a header with no rows under it', async () => {
    const empty = await parseTaskBreakdownXlsx(await xlsx([{ name: 'Sheet1', rows: [] }]));
    const headerOnly = await parseTaskBreakdownXlsx(await xlsx([breakdownSheet('任务分解表', [null, ['注：无']])]));
    expect(located(empty.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'EMPTY_FILE' }]);
    expect(located(headerOnly.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'EMPTY_FILE' }]);
  });

  it('reports UNREADABLE_FILE, without throwing, for bytes that are not a workbook or a damaged one', async () => {
    const good = await xlsx([breakdownSheet('任务分解表', [dataRow({})])]);
    for (const bad of [Buffer.from('这不是 Excel 文件'), good.subarray(0, good.length / 2), Buffer.alloc(0)]) {
      const result = await parseTaskBreakdownXlsx(bad);
      expect(located(result.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'UNREADABLE_FILE' }]);
      expect(result.problems[0].message).toContain('另存为 .xlsx');
    }
  });

  it(`refuses an .xlsx over ${MAX_XLSX_BYTES} bytes with TOO_LARGE before unzipping it`, async () => {
    const result = await parseTaskBreakdownXlsx(Buffer.alloc(MAX_XLSX_BYTES + 1));
    expect(located(result.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'TOO_LARGE' }]);
  });

  it('reads rich text, hyperlinks and formula results as their text', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [
        dataRow({
          测评指标: { richText: [{ text: '主次干道', font: { bold: true } }, { text: '公益广告密度' }] },
          牵头单位: { text: '街道宣传统战办', hyperlink: 'https://example.org/xcb' },
          责任单位: { formula: '"外滩"&"社区"', result: '外滩社区' },
          完成时限: { formula: 'DATE(2027,3,31)', result: 46477 },
        }),
      ]),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems).toEqual([]);
    expect(essentials(result.rows)).toEqual([
      { row: 3, item: ITEM_A, indicator: '主次干道公益广告密度', lead: '街道宣传统战办', units: ['外滩社区'], due: '2027-03-31', status: null },
    ]);
  });

  it('treats a row that only inherits merged values as blank, and skips a repeated header', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [HEADER, dataRow({ 序号: '1' }), dataRow({ 序号: null, 测评指标: null, 牵头单位: null, 责任单位: null, 完成时限: null, 测评内容: null })], {
        merges: ['B4:B5'],
      }),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.row)).toEqual([4]);
  });

  it('reads every column under a 责任单位 header merged across several, and a two-line header once', async () => {
    const header = ['序号', '测评项目', '测评指标', '牵头单位', '责任单位', null, '完成时限'];
    const subHeader = [null, null, null, null, '主责单位', '配合单位', null];
    const file = await xlsx([
      {
        name: '任务分解表',
        rows: [header, subHeader, ['1', ITEM_A, '主次干道公益广告密度', '街道宣传统战办', '街道宣传统战办', '外滩社区、滨江社区', '2027-03-31']],
        merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1', 'G1:G2'],
      },
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.responsibleUnitNames, r.columnLetters?.责任单位])).toEqual([[3, ['街道宣传统战办', '外滩社区', '滨江社区'], 'E']]);
  });

  it(`parses a clean file of 2,000 rows`, async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => dataRow({ 序号: String(i + 1), 责任单位: `单位${i + 1}`, 完成时限: 46477 + (i % 60) }));
    const result = await parseTaskBreakdownXlsx(await xlsx([breakdownSheet('任务分解表', rows)]));
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(2000);
    expect(result.rows[1999]).toMatchObject({ row: 2002, seq: '2000', responsibleUnitNames: ['单位2000'], due: '2027-04-19' });
  });
});

describe('parseTaskBreakdownXlsx: problems, all at once, with where they are', () => {
  it('reports five different problems in five rows with their rows and column letters', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [
        dataRow({ 序号: '1' }),
        dataRow({ 序号: '2', 责任单位: null }),
        dataRow({ 序号: '3', 完成时限: '2027-02-30' }),
        dataRow({ 序号: '4', 当前状态: '基本达标' }),
        dataRow({ 序号: '5', 责任单位: '外滩社区、滨江社区、外滩社区' }),
        dataRow({ 序号: '6', 完成时限: '长期坚持' }),
        dataRow({ 序号: '7' }),
      ]),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(located(result.problems)).toEqual([
      { sheet: '任务分解表', row: 4, column: '责任单位', letter: 'F', code: 'MISSING_VALUE' },
      { sheet: '任务分解表', row: 5, column: '完成时限', letter: 'G', code: 'BAD_DATE' },
      { sheet: '任务分解表', row: 6, column: '当前状态', letter: 'H', code: 'BAD_STATUS' },
      { sheet: '任务分解表', row: 7, column: '责任单位', letter: 'F', code: 'DUPLICATE' },
      { sheet: '任务分解表', row: 8, column: '完成时限', letter: 'G', code: 'BAD_DATE' },
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      '第4行「责任单位」：没有填写责任单位。请填写至少一个责任单位，多个单位用顿号（、）、逗号或换行分开',
      '第5行「完成时限」：日期「2027-02-30」不存在（2027年没有2月30日）。请改成正确的日期',
      '第6行「当前状态」：无法识别当前状态「基本达标」。请填写 达标、未达标、未知可否达标 或 易反弹，不清楚可以留空',
      '第7行「责任单位」：单位「外滩社区」在同一格中填写了不止一次。请删去重复的单位',
      '第8行「完成时限」：无法识别日期「长期坚持」。请写成 2027年3月31日、2027-03-31、2027/3/31 或 2027.3.31 这样的具体日期',
    ]);
  });

  it('keeps a row whose date could not be read as incomplete (for the validator), and one whose only problem is a unit written twice', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [
        dataRow({ 序号: '1', 完成时限: '下月底' }),
        dataRow({ 序号: '2', 责任单位: '外滩社区、外滩 社区' }),
      ]),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems.map((p) => p.code)).toEqual(['BAD_DATE', 'DUPLICATE']);
    expect(result.rows.map((r) => r.incomplete ?? false)).toEqual([true, false]);
    expect(essentials(result.rows)).toEqual([
      { row: 3, item: ITEM_A, indicator: '主次干道公益广告密度', lead: '街道宣传统战办', units: ['外滩社区'], due: '', status: null },
      { row: 4, item: ITEM_A, indicator: '主次干道公益广告密度', lead: '街道宣传统战办', units: ['外滩社区'], due: '2027-03-31', status: null },
    ]);
  });

  it('names every missing required value of a row, each with its column letter', async () => {
    const file = await xlsx([breakdownSheet('任务分解表', [dataRow({ 测评项目: null, 测评指标: null, 牵头单位: null, 完成时限: null })])]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(located(result.problems)).toEqual([
      { sheet: '任务分解表', row: 3, column: '测评项目', letter: 'B', code: 'MISSING_VALUE' },
      { sheet: '任务分解表', row: 3, column: '测评指标', letter: 'C', code: 'MISSING_VALUE' },
      { sheet: '任务分解表', row: 3, column: '牵头单位', letter: 'E', code: 'MISSING_VALUE' },
      { sheet: '任务分解表', row: 3, column: '完成时限', letter: 'G', code: 'MISSING_VALUE' },
    ]);
  });

  it('skips a note inside the table but reports other text in a row without any required value', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [
        dataRow({ 序号: '1' }),
        ['注：以下指标由社区自查'],
        dataRow({ 序号: '2' }),
        ['一、基础指标'],
        [null, null, null, null, null, null, null, null, '待定'],
        dataRow({ 序号: '3' }),
        ['二、重点指标'],
      ], { merges: ['A6:I6'] }),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(located(result.problems)).toEqual([
      { sheet: '任务分解表', row: 6, column: '', letter: null, code: 'MISSING_VALUE' },
      { sheet: '任务分解表', row: 7, column: '', letter: null, code: 'MISSING_VALUE' },
    ]);
    expect(result.problems[0].message).toContain('「一、基础指标」');
    expect(result.problems[1].message).toContain('「待定」');
    expect(result.rows.map((r) => r.row)).toEqual([3, 5, 8]);
  });
});

describe('parseTaskBreakdownCsv', () => {
  const header = HEADER.join(',');

  it('reads the CSV equivalent: BOM, title row, CRLF, quotes, doubled quotes, line breaks inside quotes, every date form', () => {
    const text =
      '\uFEFF' +
      csv([
        `${TITLE},,,,,,,,`,
        header.replace('完成时限', '完成\u3000时限'),
        `1,${ITEM_A},主次干道公益广告密度,"每200米1处,""固定""设施",街道宣传统战办,"街道宣传统战办、外滩社区",2027年3月31日,未达标,`,
        `2,${ITEM_A},市民创建知晓率,,街道宣传统战办,"外滩社区\r\n滨江社区",2027-03-31,,`,
        ',,,,,,,,',
        `3,${ITEM_C},主次干道及背街小巷无垃圾烟头,,街道环卫所,"外滩社区,东湖村；街道环卫所",2027/3/31,易反弹,`,
        `4,${ITEM_C},公厕洁净无异味、设指引牌,,街道环卫所,外滩社区;东湖村,2027.3.31,,`,
        `5,${ITEM_C},居民小区楼道无堆物、照明完好,,街道环卫所,外滩社区，东湖村,46477,,`,
        `6,${ITEM_C},垃圾分类投放点整洁、清运及时,,街道环卫所,外滩社区,2027/3/31 0:00,,`,
        '注：多个责任单位用顿号分隔,,,,,,,,',
        '',
      ]);
    const result = parseTaskBreakdownCsv(text, '任务分解表.csv');
    expect(result.problems).toEqual([]);
    expect(essentials(result.rows)).toEqual([
      { row: 3, item: ITEM_A, indicator: '主次干道公益广告密度', lead: '街道宣传统战办', units: ['街道宣传统战办', '外滩社区'], due: '2027-03-31', status: 'NOT_MET' },
      { row: 4, item: ITEM_A, indicator: '市民创建知晓率', lead: '街道宣传统战办', units: ['外滩社区', '滨江社区'], due: '2027-03-31', status: null },
      { row: 6, item: ITEM_C, indicator: '主次干道及背街小巷无垃圾烟头', lead: '街道环卫所', units: ['外滩社区', '东湖村', '街道环卫所'], due: '2027-03-31', status: 'RELAPSE_PRONE' },
      { row: 7, item: ITEM_C, indicator: '公厕洁净无异味、设指引牌', lead: '街道环卫所', units: ['外滩社区', '东湖村'], due: '2027-03-31', status: null },
      { row: 8, item: ITEM_C, indicator: '居民小区楼道无堆物、照明完好', lead: '街道环卫所', units: ['外滩社区', '东湖村'], due: '2027-03-31', status: null },
      { row: 9, item: ITEM_C, indicator: '垃圾分类投放点整洁、清运及时', lead: '街道环卫所', units: ['外滩社区'], due: '2027-03-31', status: null },
    ]);
    expect(result.rows[0]).toMatchObject({ sheet: '任务分解表.csv', criterion: '每200米1处,"固定"设施', columnLetters: { 责任单位: 'F' } });
  });

  it("names the sheet 'CSV' unless told otherwise", () => {
    expect(parseTaskBreakdownCsv(csv([header, dataRow({}).join(',')])).rows.map((r) => r.sheet)).toEqual(['CSV']);
  });

  it('counts a quoted line break as inside its row, so later rows keep the numbers Excel shows', () => {
    const result = parseTaskBreakdownCsv(
      csv([header, `1,${ITEM_A},主次干道公益广告密度,"第一行\n第二行",街道宣传统战办,外滩社区,2027-03-31,,`, dataRow({ 完成时限: '2027-02-30' }).join(',')]),
    );
    expect(result.rows.map((r) => [r.row, r.incomplete ?? false])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(result.rows[0].criterion).toBe('第一行\n第二行');
    expect(located(result.problems)).toEqual([{ sheet: 'CSV', row: 3, column: '完成时限', letter: 'G', code: 'BAD_DATE' }]);
  });

  it('reports UNREADABLE_FILE at the row where an unterminated quote starts', () => {
    const result = parseTaskBreakdownCsv(csv([header, dataRow({}).join(','), `2,${ITEM_A},"市民创建知晓率,,街道宣传统战办,外滩社区,2027-03-31,,`]));
    expect(located(result.problems)).toEqual([{ sheet: 'CSV', row: 3, column: '', letter: null, code: 'UNREADABLE_FILE' }]);
    expect(result.rows).toEqual([]);
  });

  it('reports MISSING_HEADER, EMPTY_FILE and every row problem as the .xlsx reader does', () => {
    expect(parseTaskBreakdownCsv('').problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(parseTaskBreakdownCsv(csv(['\uFEFF', ',,', ''])).problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(located(parseTaskBreakdownCsv(csv(['序号,名称', '1,外滩社区'])).problems)).toEqual([
      { sheet: 'CSV', row: 0, column: '', letter: null, code: 'MISSING_HEADER' },
    ]);
    const noDue = parseTaskBreakdownCsv(csv([HEADER.filter((h) => h !== '完成时限').join(','), '1,a,b,c,d,e,,']));
    expect(located(noDue.problems)).toEqual([{ sheet: 'CSV', row: 1, column: '完成时限', letter: null, code: 'MISSING_HEADER' }]);
    const rows = parseTaskBreakdownCsv(
      csv([header, dataRow({ 责任单位: null }).join(','), dataRow({ 完成时限: '2027-13-01' }).join(','), dataRow({ 当前状态: '差' }).join(','), dataRow({ 责任单位: '外滩社区;外滩社区' }).join(',')]),
    );
    expect(located(rows.problems)).toEqual([
      { sheet: 'CSV', row: 2, column: '责任单位', letter: 'F', code: 'MISSING_VALUE' },
      { sheet: 'CSV', row: 3, column: '完成时限', letter: 'G', code: 'BAD_DATE' },
      { sheet: 'CSV', row: 4, column: '当前状态', letter: 'H', code: 'BAD_STATUS' },
      { sheet: 'CSV', row: 5, column: '责任单位', letter: 'F', code: 'DUPLICATE' },
    ]);
  });

  it(`refuses more than ${MAX_DATA_ROWS} data rows with TOO_LARGE, and accepts exactly that many`, () => {
    const line = dataRow({}).join(',');
    const atLimit = parseTaskBreakdownCsv([header, ...Array<string>(MAX_DATA_ROWS).fill(line)].join('\n'));
    const overLimit = parseTaskBreakdownCsv([header, ...Array<string>(MAX_DATA_ROWS + 1).fill(line), '注：以上'].join('\n'));
    expect(atLimit.problems).toEqual([]);
    expect(atLimit.rows).toHaveLength(MAX_DATA_ROWS);
    expect(located(overLimit.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'TOO_LARGE' }]);
    expect(overLimit.problems[0].message).toContain(`${MAX_DATA_ROWS + 1} 行`);
    expect(overLimit.rows).toEqual([]);
  });

  it(`refuses a CSV over ${MAX_CSV_BYTES} bytes with TOO_LARGE`, () => {
    const result = parseTaskBreakdownCsv(`${header}\n${'x'.repeat(MAX_CSV_BYTES)}`);
    expect(located(result.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'TOO_LARGE' }]);
  });
});

describe('decodeCsvBytes', () => {
  const text = `${HEADER.join(',')}\n1,${ITEM_A},主次干道公益广告密度`;

  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeCsvBytes(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
  });

  it('reads GB18030 (GBK), as Excel on Chinese Windows saves CSV', () => {
    const gbk = Buffer.from([213, 226, 202, 199, 178, 226, 198, 192, 214, 184, 177, 234]); // 这是测评指标
    expect(decodeCsvBytes(gbk)).toBe('这是测评指标');
    expect(decodeCsvBytes(new Uint8Array(gbk).buffer)).toBe('这是测评指标');
  });
});
