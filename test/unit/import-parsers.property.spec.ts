// Property-based tests of the import parsers (fast-check): the task breakdown, the catalog and the
// organisation, fed random cell grids (formulas, huge numbers, dates, empty rows, unicode, very long text,
// quotes and line breaks), sometimes under a real header so that the rows are read too. Whatever comes in,
// they never throw and answer with rows or problems, each problem placed (sheet, row, column) and worded in
// Chinese. Seeds are random; a failure prints fast-check's seed and path, which replay it.
import fc from 'fast-check';
import { parseCatalogCsv, parseCatalogXlsx } from '../../src/catalog/catalog.parser';
import { PROBLEM_CODES, type Grid, type GridCell, type SheetProblem } from '../../src/platform/spreadsheet';
import { parseOrganisationFiles, parseOrganisationGrids } from '../../src/organisation/organisation.parser';
import { parseGrids } from '../../src/task-breakdown/task-breakdown.grid';
import { parseTaskBreakdownCsv, parseTaskBreakdownXlsx } from '../../src/task-breakdown/task-breakdown.parser';
import { HEADER as BREAKDOWN_HEADER, xlsx } from '../support/breakdown-fixtures';
import { CATALOG_HEADER, PEOPLE_HEADER, UNIT_HEADER, csvText } from '../support/catalog-fixtures';

const CHINESE = /[\u4e00-\u9fff]/;

const cellTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '=CMD()',
      '=1+1',
      '+cmd|"/c calc"!A0',
      '@SUM(A1)',
      '-2',
      '1e308',
      '99999999999999999999999',
      '-0',
      'NaN',
      '2027-03-31',
      '2027/3/31',
      '2027年3月31日',
      '2027-02-30',
      '45000',
      '0.5',
      '3分',
      '外滩社区',
      '外滩社区、滨江社区',
      '街道宣传统战办',
      'WTSQ',
      '社区',
      '创建办',
      'supervisor',
      '实地考察',
      '达标',
      '易反弹',
      '注：本表由创建办填写',
      '"',
      '""',
      'a,b',
      '第一行\n第二行',
      '\r\n',
      '\u0000',
      '\uFEFF序号',
      '😀',
      '𠀀𠀁',
      '\u202Eevil',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => '长'.repeat(n)) },
);

const HEADERS: readonly (readonly string[])[] = [BREAKDOWN_HEADER, CATALOG_HEADER, UNIT_HEADER, PEOPLE_HEADER];

/** Rows of random cells, sometimes with empty rows, sometimes under one of the real headers (shuffled). */
const rowsArb: fc.Arbitrary<string[][]> = fc
  .record({
    header: fc.option(fc.record({ which: fc.nat(HEADERS.length - 1), order: fc.array(fc.nat(), { maxLength: 12 }), at: fc.nat(3) }), { freq: 2 }),
    rows: fc.array(fc.oneof({ weight: 5, arbitrary: fc.array(cellTextArb, { maxLength: 12 }) }, { weight: 1, arbitrary: fc.constant<string[]>([]) }), {
      maxLength: 25,
    }),
  })
  .map(({ header, rows }) => {
    if (!header) return rows;
    const names = [...HEADERS[header.which]];
    // Swap columns around: headers may come in any order.
    header.order.forEach((k, i) => {
      const j = k % names.length;
      const a = i % names.length;
      [names[a], names[j]] = [names[j], names[a]];
    });
    const at = Math.min(header.at, rows.length);
    return [...rows.slice(0, at), names, ...rows.slice(at)];
  });

const dateArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
const gridCellArb: fc.Arbitrary<GridCell> = fc.oneof({ weight: 6, arbitrary: cellTextArb }, { weight: 1, arbitrary: dateArb });

/** Grids as the xlsx reader hands them over: strings and dates, rows numbered with gaps. */
const gridsArb: fc.Arbitrary<Grid[]> = fc.array(
  fc.record({
    sheet: fc.oneof(fc.constantFrom('Sheet1', '单位', '人员', '任务分解表', ''), fc.string({ maxLength: 8 })),
    rows: rowsArb.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.array(gridCellArb, { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: rows.length, maxLength: rows.length }),
      ),
    ),
  }),
  { maxLength: 3 },
).map((sheets) =>
  sheets.map(({ sheet, rows: [rows, dates, gaps] }) => {
    let n = 0;
    return { sheet, rows: rows.map((cells, i) => ({ row: (n += gaps[i]), cells: i === rows.length - 1 ? [...cells, ...dates] : cells })) };
  }),
);

/** Raw CSV text, including broken quoting, stray carriage returns and BOMs. */
const rawCsvArb = fc.oneof(
  rowsArb.map((rows) => csvText(rows)),
  fc.array(fc.oneof(cellTextArb, fc.constantFrom(',', '"', '\n', '\r', '\r\n', '\uFEFF')), { maxLength: 40 }).map((parts) => parts.join('')),
);

function expectPlaced(problems: readonly SheetProblem[], sheets: readonly string[]) {
  for (const p of problems) {
    expect(typeof p.sheet).toBe('string');
    if (p.sheet !== '') expect(sheets).toContain(p.sheet);
    expect(Number.isInteger(p.row) && p.row >= 0).toBe(true);
    expect(typeof p.column).toBe('string');
    expect(p.columnLetter === null || /^[A-Z]+$/.test(p.columnLetter)).toBe(true);
    expect(PROBLEM_CODES).toContain(p.code);
    expect(p.message).toMatch(CHINESE);
  }
}

const runs = (n: number) => ({ numRuns: n });

describe('task-breakdown parser on random input', () => {
  it('parseTaskBreakdownCsv never throws and answers with rows or placed, Chinese problems', () => {
    fc.assert(
      fc.property(rawCsvArb, (text) => {
        const result = parseTaskBreakdownCsv(text, '任务分解表');
        expect(result.rows.length + result.problems.length).toBeGreaterThan(0);
        expectPlaced(result.problems as SheetProblem[], ['任务分解表']);
        for (const row of result.rows) {
          expect(row.sheet).toBe('任务分解表');
          expect(row.row).toBeGreaterThanOrEqual(1);
          if (!row.incomplete) expect(row.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      runs(300),
    );
  });

  it('parseGrids (the xlsx path after reading) never throws on random grids with dates', () => {
    fc.assert(
      fc.property(gridsArb, (grids) => {
        const result = parseGrids(grids);
        expect(result.rows.length + result.problems.length).toBeGreaterThan(0);
        expectPlaced(result.problems as SheetProblem[], grids.map((g) => g.sheet));
        for (const row of result.rows) if (!row.incomplete) expect(row.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      runs(200),
    );
  });

  it('parseTaskBreakdownXlsx never throws on random workbooks (formulas, numbers, dates)', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.array(fc.oneof(fc.double({ noNaN: true }), dateArb, fc.constant({ formula: 'CMD()', result: 1 })), { maxLength: 4 }), async (rows, extra) => {
        const file = await xlsx([{ name: '任务分解表', rows: [...rows, extra] }]);
        const result = await parseTaskBreakdownXlsx(file);
        expect(result.rows.length + result.problems.length).toBeGreaterThan(0);
        expectPlaced(result.problems as SheetProblem[], ['任务分解表']);
      }),
      runs(15),
    );
  });
});

describe('catalog parser on random input', () => {
  it('parseCatalogCsv never throws and answers with rows or placed, Chinese problems', () => {
    fc.assert(
      fc.property(rawCsvArb, (text) => {
        const result = parseCatalogCsv(text, '测评体系');
        expect(result.rows.length + result.problems.length).toBeGreaterThan(0);
        expectPlaced(result.problems, ['测评体系']);
      }),
      runs(300),
    );
  });

  it('parseCatalogXlsx never throws on random workbooks', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async (rows) => {
        const result = await parseCatalogXlsx(await xlsx([{ name: '测评体系', rows }]));
        expect(result.rows.length + result.problems.length).toBeGreaterThan(0);
        expectPlaced(result.problems, ['测评体系']);
      }),
      runs(15),
    );
  });
});

describe('organisation parser on random input', () => {
  it('parseOrganisationGrids never throws; its problems are placed and Chinese', () => {
    fc.assert(
      fc.property(gridsArb, (grids) => {
        const result = parseOrganisationGrids(grids, grids.slice(0, 1).map((g) => g.sheet));
        expect(result.units.length + result.people.length + result.problems.length).toBeGreaterThan(0);
        expectPlaced(result.problems, grids.map((g) => g.sheet));
      }),
      runs(200),
    );
  });

  it('refuses a unit table and a people table with headers and nothing under them', async () => {
    const files = [
      { fileName: '单位.csv', kind: 'csv' as const, content: Buffer.from('登录名,姓名,角色,所属单位,工作小组,手机', 'utf8') },
      { fileName: '人员.csv', kind: 'csv' as const, content: Buffer.from('单位编码,单位名称,单位类别', 'utf8') },
    ];
    const result = await parseOrganisationFiles(files);
    expect(result.problems.map((p) => p.code)).toEqual(['EMPTY_FILE', 'EMPTY_FILE']);
  });

  it('parseOrganisationFiles never throws on random CSV files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawCsvArb, { minLength: 1, maxLength: 2 }), async (texts) => {
        const files = texts.map((text, i) => ({ fileName: i === 0 ? '单位.csv' : '人员.csv', kind: 'csv' as const, content: Buffer.from(text, 'utf8') }));
        const result = await parseOrganisationFiles(files);
        // Found by this property: two CSV files holding only the 人员 header and only the 单位 header parsed to no
        // units, no people and no problem (an import that would have emptied the organisation); now EMPTY_FILE.
        expect(result.units.length + result.people.length + result.problems.length).toBeGreaterThan(0);
        expectPlaced(result.problems, ['单位', '人员', '单位.csv', '人员.csv']);
      }),
      runs(150),
    );
  });
});
