// Hostile and malformed files fed to the three import parsers (任务分解表, 测评体系, 组织机构): zip bombs (honest,
// lying about their size, too many parts, too many cells), files over the limits, formulas, error cells, wrong
// types, empty and missing sheets, things that are not an .xlsx at all, odd CSV bytes, very long cells and very
// wide rows. Each must end in coded problems worded in Chinese, or a clean parse when the file is legitimate;
// never a throw, and a bomb never inflated in memory. Timings are not asserted here: they belong in bench/.
import type * as ExcelJS from 'exceljs';
import { parseCatalogCsv, parseCatalogXlsx } from '../../src/catalog/catalog.parser';
import { parseOrganisationFiles } from '../../src/organisation/organisation.parser';
import { MAX_DATA_ROWS, parseTaskBreakdownCsv, parseTaskBreakdownXlsx } from '../../src/task-breakdown/task-breakdown.parser';
import { decodeCsvBytes, MAX_XLSX_BYTES, MAX_XLSX_CELLS, MAX_XLSX_ENTRIES, MAX_XLSX_MERGES, MAX_XLSX_UNZIPPED_BYTES, notXlsxReason } from '../../src/platform/spreadsheet';
import { HEADER, breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';
import { CATALOG_HEADER, PEOPLE_HEADER, UNIT_HEADER, a1Row, demoPeopleRows, demoUnitRows } from '../support/catalog-fixtures';
import { SHEET_HEAD, SHEET_TAIL, cfb, declaring, farColumnSheet, mergedSheet, part, repeatedPart, rowXml, workbookParts, zip } from '../support/zip-writer';

const CHINESE = /[\u4e00-\u9fff]/;
const MB = 1024 * 1024;

interface Problemish {
  code: string;
  message: string;
}

/** What every parser answers for one file: its problems' codes and messages. */
async function allParsers(file: Buffer): Promise<Problemish[][]> {
  const breakdown = await parseTaskBreakdownXlsx(file);
  const catalog = await parseCatalogXlsx(file);
  const organisation = await parseOrganisationFiles([{ fileName: '组织机构.xlsx', kind: 'xlsx', content: file }]);
  return [breakdown.problems, catalog.problems, organisation.problems];
}

async function expectRefused(file: Buffer, code: string, wording: RegExp): Promise<void> {
  for (const problems of await allParsers(file)) {
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe(code);
    expect(problems[0].message).toMatch(CHINESE);
    expect(problems[0].message).toMatch(wording);
  }
}

/** Resident memory grown while fn runs, sampled every 5 ms: a bomb inflated in memory would show in gigabytes. */
async function peakGrowth(fn: () => Promise<void>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

/** One cell whose text is a megabyte of the same letter, times n: deflate shrinks it about a thousand times. */
const hugeCell = (megabytes: number) => repeatedPart('s', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'A'.repeat(MB), megabytes, `</t></is></c></row>${SHEET_TAIL}`);

describe('the hand-written workbooks are real workbooks', () => {
  it('a small one reads as a task breakdown', async () => {
    const sheet = part('s', SHEET_HEAD + rowXml(1, HEADER) + rowXml(2, dataRow({}).map((c) => String(c ?? ''))) + SHEET_TAIL);
    const result = await parseTaskBreakdownXlsx(zip(workbookParts(sheet)));
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0].responsibleUnitNames).toEqual(['外滩社区']);
  });
});

describe('zip bombs are refused without being inflated', () => {
  it('a sheet that unpacks to 2 GB: refused on its declared size', async () => {
    const bomb = zip(workbookParts(hugeCell(2048)));
    expect(bomb.length).toBeLessThan(MAX_XLSX_BYTES);
    const growth = await peakGrowth(() => expectRefused(bomb, 'TOO_LARGE', /解压后有 2048\.\d MB，超过 100\.0 MB/));
    expect(growth).toBeLessThan(200 * MB);
  });

  it('a shared-strings part that unpacks to 1 GB: the same', async () => {
    const strings = repeatedPart('x', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>外滩社区</t></si>'.repeat(40_000), 1100, '</sst>');
    const bomb = zip(workbookParts(part('s', SHEET_HEAD + SHEET_TAIL), strings));
    await expectRefused(bomb, 'TOO_LARGE', /压缩炸弹/);
  });

  it('a part that declares 64 KB and unpacks to 1 GB: caught after inflating no more than it declared', async () => {
    const liar = declaring(hugeCell(1024), 64 * 1024);
    const bomb = zip(workbookParts(liar));
    const growth = await peakGrowth(() => expectRefused(bomb, 'TOO_LARGE', /比它声明的 0\.1 MB 还大/));
    expect(growth).toBeLessThan(200 * MB);
  });

  it('a part within the total limit that shrinks a thousand times: refused on its ratio', async () => {
    const dense = zip(workbookParts(hugeCell(60)));
    await expectRefused(dense, 'TOO_LARGE', /xl\/worksheets\/sheet1\.xml」压缩前有 60\.\d MB，是压缩后的 \d+ 倍/);
  });

  it(`more than ${MAX_XLSX_ENTRIES} parts: refused by their count`, async () => {
    const parts = workbookParts(part('s', SHEET_HEAD + SHEET_TAIL));
    for (let i = 0; i <= MAX_XLSX_ENTRIES; i++) parts.push(part(`xl/media/image${i}.png`, 'x'));
    await expectRefused(zip(parts), 'TOO_LARGE', new RegExp(`有 ${parts.length} 个组成部分`));
  });

  it(`more than ${MAX_XLSX_CELLS.toLocaleString('en-US')} cells in an honest, ordinary-looking sheet: refused by their count`, async () => {
    // Numbers that do not repeat, so that the sheet shrinks like a real one and passes the ratio check.
    const rows: string[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let r = 1; r <= 52_000; r++) {
      let cells = '';
      for (let c = 0; c < 20; c++) cells += `<c><v>${next() % 100000}</v></c>`;
      rows.push(`<row r="${r}">${cells}</row>`);
    }
    const file = zip(workbookParts(part('s', SHEET_HEAD + rows.join('') + SHEET_TAIL)));
    expect(file.length).toBeLessThan(MAX_XLSX_BYTES);
    await expectRefused(file, 'TOO_LARGE', /超过 1,000,000 个单元格/);
  });

  it('XML entity expansion (billion laughs) in shared strings: no expansion, no hang', async () => {
    const lol = ['<!ENTITY a "lollollollollollollollollollol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY ${String.fromCharCode(97 + i)} "${`&${String.fromCharCode(96 + i)};`.repeat(10)}">`);
    const strings = part('x', `<?xml version="1.0"?><!DOCTYPE sst [${lol.join('')}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&j;</t></si></sst>`);
    const sheet = part('s', SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_TAIL);
    const growth = await peakGrowth(async () => {
      for (const problems of await allParsers(zip(workbookParts(sheet, strings)))) {
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p.message).toMatch(CHINESE);
      }
    });
    expect(growth).toBeLessThan(200 * MB);
  });
});

describe('files over the size limits', () => {
  it(`an .xlsx over ${MAX_XLSX_BYTES / MB} MB is refused before it is opened`, async () => {
    const big = Buffer.concat([zip(workbookParts(part('s', SHEET_HEAD + SHEET_TAIL))), Buffer.alloc(MAX_XLSX_BYTES)]);
    await expectRefused(big, 'TOO_LARGE', /超过 10\.0 MB 的上限/);
  });

  it(`${MAX_DATA_ROWS.toLocaleString('en-US')} rows read whole, one more refused`, async () => {
    const rows = Array.from({ length: MAX_DATA_ROWS }, (_, i) => dataRow({ 序号: String(i + 1), 测评指标: `指标${i + 1}` }));
    const legal = await xlsx([breakdownSheet('任务分解表', rows)]);
    const growth = await peakGrowth(async () => {
      const result = await parseTaskBreakdownXlsx(legal);
      expect(result.problems).toEqual([]);
      expect(result.rows).toHaveLength(MAX_DATA_ROWS);
    });
    // Loose on purpose: the machine is shared; this catches a parser that copies the workbook many times over.
    expect(growth).toBeLessThan(1024 * MB);
    const over = await xlsx([breakdownSheet('任务分解表', [...rows, dataRow({ 测评指标: '多一行' })])]);
    const refused = await parseTaskBreakdownXlsx(over);
    expect(refused.rows).toEqual([]);
    expect(refused.problems.map((p) => p.code)).toEqual(['TOO_LARGE']);
  }, 120_000);

  it(`an ordinary sheet of 20,000 rows written by another program passes the zip checks (at most ${MAX_XLSX_UNZIPPED_BYTES / MB} MB unpacked)`, async () => {
    // Inline strings, no shared strings: about 4 MB unpacked, read through to the header check.
    const rows = Array.from({ length: 20_000 }, (_, i) => rowXml(i + 2, [`${i}`, `单位${i}`, `2027-03-${(i % 28) + 1}`]));
    const file = zip(workbookParts(part('s', SHEET_HEAD + rowXml(1, ['序号', '测评指标', '责任单位']) + rows.join('') + SHEET_TAIL)));
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems.map((p) => p.code)).toEqual(['MISSING_HEADER', 'MISSING_HEADER', 'MISSING_HEADER']);
  });
});

describe('formulas, error values and cells of the wrong type', () => {
  const formula = (f: string, result: ExcelJS.CellValue): ExcelJS.CellValue => ({ formula: f, result }) as ExcelJS.CellValue;

  it('a formula counts as the value Excel saved with it, never as the formula (HYPERLINK, DDE, plain sums)', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [
        dataRow({ 责任单位: formula('HYPERLINK("http://evil.example/x","外滩社区")', '外滩社区'), 序号: formula('1+0', 1) }),
        dataRow({ 测评指标: '小区固定式公益广告', 责任单位: formula('cmd|\' /C calc\'!A0', '滨江社区') }),
        dataRow({ 测评指标: '新时代文明实践站', 完成时限: formula('DATE(2027,3,31)', new Date(Date.UTC(2027, 2, 31))) }),
      ]),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.seq, r.responsibleUnitNames, r.due])).toEqual([
      ['1', ['外滩社区'], '2027-03-31'],
      ['1', ['滨江社区'], '2027-03-31'],
      ['1', ['外滩社区'], '2027-03-31'],
    ]);
    for (const row of result.rows) expect(JSON.stringify(row)).not.toMatch(/HYPERLINK|cmd\||DATE\(/);
  });

  it('a formula whose saved value is text starting with = is read as that text, not evaluated', async () => {
    const file = await xlsx([{ name: '测评体系', rows: [[...CATALOG_HEADER], a1Row({ 扣分规则: formula('"=1+1"', '=1+1') })] }]);
    const result = await parseCatalogXlsx(file);
    expect(result.problems).toEqual([]);
    expect(result.rows[0].deductionRule).toBe('=1+1');
  });

  it('a formula without a saved value reads as an empty cell (MISSING_VALUE where one is required)', async () => {
    const file = await xlsx([breakdownSheet('任务分解表', [dataRow({ 责任单位: { formula: 'A1' } as ExcelJS.CellValue })])]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems.map((p) => [p.code, p.column])).toEqual([['MISSING_VALUE', '责任单位']]);
  });

  it('cells showing #REF!, #N/A or #DIV/0! refuse the file, naming each cell', async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [
        dataRow({ 责任单位: { error: '#REF!' } as ExcelJS.CellValue }),
        dataRow({ 测评指标: formula('VLOOKUP(1,Z1:Z2,2)', { error: '#N/A' }) }),
        dataRow({ 备注: formula('1/0', { error: '#DIV/0!' }) }),
      ]),
    ]);
    for (const problems of await allParsers(file)) {
      expect(problems.map((p) => p.code)).toEqual(['UNREADABLE_FILE']);
      expect(problems[0].message).toContain('「任务分解表」F3（#REF!）、「任务分解表」C4（#N/A）、「任务分解表」I5（#DIV/0!）');
    }
  });

  it('dates as serial numbers, as text, as garbage; numbers where text belongs; rich text, hyperlinks, merged cells', async () => {
    const file = await xlsx([
      breakdownSheet(
        '任务分解表',
        [
          dataRow({ 完成时限: 46477 }),
          dataRow({ 测评指标: '指标二', 完成时限: '2027年3月31日' }),
          dataRow({ 测评指标: '指标三', 完成时限: '下个月底' }),
          dataRow({ 测评指标: '指标四', 完成时限: 2027 }),
          dataRow({ 测评指标: 12345, 责任单位: 3.14 }),
          dataRow({ 测评指标: { richText: [{ text: '主次干道' }, { font: { bold: true }, text: '公益广告' }] } as ExcelJS.CellValue, 责任单位: { text: '外滩社区', hyperlink: 'http://evil.example' } as ExcelJS.CellValue }),
          dataRow({ 测评指标: '合并', 责任单位: '滨江社区' }),
          dataRow({ 测评指标: '合并二', 责任单位: null }),
        ],
        { merges: ['F9:F10'] },
      ),
    ]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([
      [5, 'BAD_DATE'],
      [6, 'BAD_DATE'],
    ]);
    const byRow = new Map(result.rows.map((r) => [r.row, r]));
    expect(byRow.get(3)?.due).toBe('2027-03-31');
    expect(byRow.get(4)?.due).toBe('2027-03-31');
    expect(byRow.get(7)).toMatchObject({ indicatorName: '12345', responsibleUnitNames: ['3.14'] });
    expect(byRow.get(8)).toMatchObject({ indicatorName: '主次干道公益广告', responsibleUnitNames: ['外滩社区'] });
    expect(byRow.get(10)?.responsibleUnitNames).toEqual(['滨江社区']);
  });
});

describe('empty, missing and hidden sheets', () => {
  it('a workbook whose only sheet is empty', async () => {
    const file = await xlsx([{ name: 'Sheet1', rows: [] }]);
    for (const problems of await allParsers(file)) expect(problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
  });

  it('a workbook whose every sheet is hidden reads as empty', async () => {
    const file = await xlsx([{ name: '任务分解表', rows: [HEADER, dataRow({})], state: 'hidden' }]);
    expect((await parseTaskBreakdownXlsx(file)).problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
  });

  it('a workbook with no worksheet at all', async () => {
    const parts = workbookParts(part('s', SHEET_HEAD + SHEET_TAIL)).filter((p) => !p.name.startsWith('xl/worksheets/'));
    for (const problems of await allParsers(zip(parts))) {
      expect(problems.length).toBe(1);
      expect(problems[0].message).toMatch(CHINESE);
    }
  });

  it('an organisation workbook without its 人员 sheet', async () => {
    const file = await xlsx([{ name: '单位', rows: [[...UNIT_HEADER], ...demoUnitRows()] }]);
    const result = await parseOrganisationFiles([{ fileName: '组织机构.xlsx', kind: 'xlsx', content: file }]);
    expect(result.problems.map((p) => p.code)).toEqual(['MISSING_HEADER']);
    expect(result.problems[0].message).toContain('找不到人员表');
  });
});

describe('files that are not a readable .xlsx', () => {
  const legal = () => xlsx([breakdownSheet('任务分解表', [dataRow({})])]);

  it('text renamed to .xlsx, a truncated zip, a zip of something else, random bytes', async () => {
    const whole = await legal();
    const notWorkbook = zip([part('word/document.xml', '<w:document/>'), part('[Content_Types].xml', '<Types/>')]);
    for (const file of [Buffer.from('序号,测评指标\n1,主次干道'), whole.subarray(0, Math.floor(whole.length / 2)), notWorkbook, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]) {
      await expectRefused(file, 'UNREADABLE_FILE', /无法作为 Excel 工作簿/);
    }
  });

  it('an old .xls and a password-protected .xlsx (both CFB containers) are told apart for the upload to refuse', () => {
    expect(notXlsxReason('任务分解表.xlsx', cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toMatch(/设置了打开密码（已加密）/);
    expect(notXlsxReason('任务分解表.xlsx', cfb(['Root Entry', 'Workbook']))).toMatch(/旧版 Excel 97-2003 工作簿（\.xls）/);
    expect(notXlsxReason('任务分解表.xlsx', Buffer.from('hello'))).toBe('「任务分解表.xlsx」不是有效的 Excel (.xlsx) 文件');
    expect(notXlsxReason('任务分解表.xlsx', zip([part('a', 'b')]))).toBeNull();
  });

  it('the parsers themselves refuse a CFB container as unreadable', async () => {
    await expectRefused(cfb(['Root Entry', 'EncryptedPackage']), 'UNREADABLE_FILE', /无法作为 Excel 工作簿/);
  });
});

describe('CSV bytes', () => {
  const header = HEADER.join(',');
  const line = dataRow({}).map((c) => String(c ?? '')).join(',');

  it('UTF-8 with a byte-order mark, and NUL characters, read as the same rows', () => {
    const utf8 = Buffer.from(`\uFEFF${header}\r\n${line}\r\n`, 'utf8');
    const withNul = Buffer.from(`${header}\r\n${line.replace('外滩社区', '外滩\u0000社区')}\u0000\r\n`, 'utf8');
    for (const bytes of [utf8, withNul]) {
      const result = parseTaskBreakdownCsv(decodeCsvBytes(bytes));
      expect(result.problems).toEqual([]);
      expect(result.rows[0].responsibleUnitNames).toEqual(['外滩社区']);
      expect(JSON.stringify(result.rows)).not.toContain('\\u0000');
    }
  });

  it('bytes in GBK decode to the same text', () => {
    // 外滩社区 in GBK, written out, since Node has no GBK encoder.
    const gbk = Buffer.from([0xcd, 0xe2, 0xcc, 0xb2, 0xc9, 0xe7, 0xc7, 0xf8]);
    expect(decodeCsvBytes(gbk)).toBe('外滩社区');
  });

  it('a catalog CSV whose cells hold NUL and other control characters stores none of them', () => {
    const catalog = parseCatalogCsv([CATALOG_HEADER.join(','), a1Row({ 扣分规则: '少\u0000一处\u0007扣\u001b0.5分' }).map((c) => String(c ?? '')).join(',')].join('\r\n'));
    expect(catalog.problems).toEqual([]);
    expect(catalog.rows[0].deductionRule).toBe('少一处扣0.5分');
  });
});

describe('very long cells and very wide rows', () => {
  it('a 100,000-character cell is refused where it would be a name, with its place', async () => {
    const long = '长'.repeat(100_000);
    const catalog = await parseCatalogXlsx(await xlsx([{ name: '测评体系', rows: [[...CATALOG_HEADER], a1Row({ 测评指标: long, 测评内容: long })] }]));
    expect(catalog.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '测评指标', 'BAD_VALUE'],
      [2, '测评内容', 'BAD_VALUE'],
    ]);
    for (const p of catalog.problems) expect(p.message).toMatch(/有 100000 个字，超过 \d+ 个字的上限/);
    const organisation = await parseOrganisationFiles([
      {
        fileName: '组织机构.xlsx',
        kind: 'xlsx',
        content: await xlsx([
          { name: '单位', rows: [[...UNIT_HEADER], ...demoUnitRows(), ['LONG', long, '社区']] },
          { name: '人员', rows: [[...PEOPLE_HEADER], ...demoPeopleRows()] },
        ]),
      },
    ]);
    expect(organisation.problems.map((p) => [p.column, p.code])).toEqual([['单位名称', 'BAD_VALUE']]);
  });

  it('a task breakdown row 10,000 columns wide is read (the table on the left, the rest ignored)', async () => {
    const wide = (cells: ExcelJS.CellValue[]) => [...cells, ...Array.from({ length: 10_000 - cells.length }, (_, i) => `x${i}`)];
    const file = await xlsx([{ name: '任务分解表', rows: [wide([...HEADER]), wide(dataRow({}))] }]);
    const result = await parseTaskBreakdownXlsx(file);
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });
});

// exceljs makes an object for every cell of a merged range, and a grid row is as long as its farthest cell: a
// few kilobytes asked for tens of millions of either and ran the process out of memory. Refused from the XML.
describe('merged ranges and far columns that would fill memory', () => {
  it('a 6 KB workbook merging A2:XFD3000 is refused, naming the range', async () => {
    const file = zip(workbookParts(mergedSheet('A2:XFD3000')));
    expect(file.length).toBeLessThan(8 * 1024);
    const growth = await peakGrowth(() => expectRefused(file, 'TOO_LARGE', /合并单元格共覆盖 49,135,616 个单元格（最大的一处是「A2:XFD3000」）/));
    expect(growth).toBeLessThan(200 * MB);
  });

  it('20,000 cells at column XFD, one per row, are refused before rows 16,384 wide are built', async () => {
    const file = zip(workbookParts(farColumnSheet(20_000, 'XFD')));
    const growth = await peakGrowth(() => expectRefused(file, 'TOO_LARGE', /最远到 XFD 列/));
    expect(growth).toBeLessThan(200 * MB);
  });

  it(`more than ${MAX_XLSX_MERGES.toLocaleString('en-US')} merged ranges are refused by their count`, async () => {
    const merges = Array.from({ length: MAX_XLSX_MERGES + 1 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join('');
    const file = zip(workbookParts(part('s', `${SHEET_HEAD}${SHEET_TAIL.replace('</worksheet>', '')}<mergeCells>${merges}</mergeCells></worksheet>`)));
    await expectRefused(file, 'TOO_LARGE', /超过 10,000 处合并单元格/);
  });

  it('a reference beyond Excel\'s columns or rows is refused as a damaged file', async () => {
    await expectRefused(zip(workbookParts(farColumnSheet(1, 'XFE'))), 'TOO_LARGE', /超出 Excel 范围的单元格「XFE1」/);
    const tall = part('s', `${SHEET_HEAD.replace('<sheetData>', '<dimension ref="A1:B1048577"/><sheetData>')}${SHEET_TAIL}`);
    await expectRefused(zip(workbookParts(tall)), 'TOO_LARGE', /超出 Excel 范围的单元格「A1:B1048577」/);
  });

  it('an ordinary merged title over the table and merged item names still read', async () => {
    const rows = [rowXml(1, ['外滩街道任务分解表']), rowXml(2, HEADER), rowXml(3, dataRow({}).map((c) => String(c ?? ''))), rowXml(4, dataRow({ 测评内容: '另一项' }).map((c, i) => (i === 1 ? '' : String(c ?? ''))))];
    const sheet = part('s', `${SHEET_HEAD}${rows.join('')}</sheetData><mergeCells count="2"><mergeCell ref="A1:I1"/><mergeCell ref="B3:B4"/></mergeCells></worksheet>`);
    const result = await parseTaskBreakdownXlsx(zip(workbookParts(sheet)));
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(2);
  });
});
