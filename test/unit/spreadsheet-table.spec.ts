// Finding a table in a grid by its column names and reading the rows under it, as the reference-data imports
// do, and the problem report every import shows. Hostile shapes: no header, a header past the search window,
// a missing required column, notes and repeated headers among the rows, unterminated quotes.
import {
  HEADER_SEARCH_ROWS,
  choiceOf,
  csvGrids,
  formatProblems,
  normaliseCode,
  problem,
  readTables,
  sortProblems,
  splitList,
  titleAbove,
  type Grid,
  type SheetProblem,
  type TableSpec,
} from '../../src/platform/spreadsheet';

type Key = 'code' | 'name' | 'note';
const SPEC: TableSpec<Key> = {
  title: '单位',
  columns: [
    { key: 'code', names: ['单位编码', '编码'], required: true, hint: '请填写编码' },
    { key: 'name', names: ['单位名称'], required: true, hint: '请填写名称' },
    { key: 'note', names: ['备注'], required: false, hint: '' },
  ],
};

function grid(lines: string[][], sheet = '单位'): Grid {
  return { sheet, rows: lines.map((cells, index) => ({ row: index + 1, cells })) };
}

describe('readTables', () => {
  it('finds the header under a title, reads the rows, and leaves out blank rows, repeated headers and trailing notes', () => {
    const g = grid([['附件1'], ['单位一览表'], ['编码', '单位名称', '备注'], ['WTSQ', '外滩社区', ''], [''], ['编码', '单位名称', ''], ['BJSQ', '滨江社区', '新设'], ['注：编码用大写']]);
    const read = readTables([g], [SPEC]);
    expect(read.problems).toEqual([]);
    expect(read.tables).toHaveLength(1);
    const rows = read.tables[0].rows;
    expect(rows.map((r) => [r.row, r.text('code'), r.text('name'), r.text('note')])).toEqual([
      [4, 'WTSQ', '外滩社区', ''],
      [7, 'BJSQ', '滨江社区', '新设'],
    ]);
    expect(rows[0].column('code')).toBe('编码');
    expect(rows[0].letter('name')).toBe('B');
    expect(titleAbove(g, read.tables[0].layout.headerRow)).toEqual({ row: 2, text: '单位一览表' });
  });

  it('reports a missing required column with the row of the header, and reads no rows of that sheet', () => {
    const read = readTables([grid([['单位名称', '备注'], ['外滩社区', '']])], [SPEC]);
    expect(read.tables.map((t) => t.complete)).toEqual([false]);
    expect(read.problems.map((p) => [p.code, p.row, p.column])).toEqual([['MISSING_HEADER', 1, '单位编码']]);
  });

  it('finds no table whose header is further down than the search window', () => {
    const filler = Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`说明第${i + 1}行`, `x${i}`]);
    const read = readTables([grid([...filler, ['编码', '单位名称'], ['WTSQ', '外滩社区']])], [SPEC]);
    expect(read.tables).toEqual([]);
  });
});

describe('csvGrids', () => {
  it('makes one grid whose row n is the record n people see in Excel', () => {
    expect(csvGrids('编码,单位名称\r\n\r\nWTSQ,外滩社区\r\n', '单位.csv')).toEqual({
      ok: true,
      grids: [{ sheet: '单位.csv', rows: [{ row: 1, cells: ['编码', '单位名称'] }, { row: 2, cells: [''] }, { row: 3, cells: ['WTSQ', '外滩社区'] }] }],
    });
  });

  it('refuses an unterminated quote with the record it starts in, in Chinese', () => {
    const read = csvGrids('a\nb\n"c\nd', 'x.csv');
    expect(read.ok).toBe(false);
    if (!read.ok) expect([read.problem.code, read.problem.row, read.problem.message]).toEqual(['UNREADABLE_FILE', 3, expect.stringContaining('引号')]);
  });
});

describe('values', () => {
  it('splits lists, each name once, repeats apart', () => {
    expect(splitList('外滩社区、滨江社区\n外滩 社区；')).toEqual({ names: ['外滩社区', '滨江社区'], repeated: ['外滩 社区'] });
  });

  it('normalises codes and reads choices by label or identifier', () => {
    expect(normaliseCode(' ｗｔ sq ')).toBe('WTSQ');
    const labels = { STREET: '街道', COMMUNITY: '社区' } as const;
    expect(choiceOf('社 区', labels)).toBe('COMMUNITY');
    expect(choiceOf('street', labels)).toBe('STREET');
    expect(choiceOf('村', labels)).toBeNull();
  });
});

describe('problems', () => {
  it('word the location first, and report them by sheet, row and column', () => {
    const late = problem({ sheet: 'B', row: 2 }, '名称', 'C', 'MISSING_VALUE', '没有填写名称');
    const early = problem({ sheet: 'A', row: 9 }, '编码', 'A', 'DUPLICATE', '编码重复');
    const wholeRow = problem({ sheet: 'A', row: 9 }, '', null, 'MISSING_VALUE', '空行');
    expect(late.message).toBe('第2行「名称」：没有填写名称');
    expect(formatProblems([early, late, wholeRow]).split('\n')).toEqual([
      '共 3 个问题，整个文件都没有导入。请改正后重新导入：',
      '工作表「A」第9行：空行',
      '工作表「A」第9行 A列「编码」：编码重复',
      '工作表「B」第2行 C列「名称」：没有填写名称',
    ]);
    expect(formatProblems([])).toBe('');
    const sorted = sortProblems<SheetProblem>([late, early, wholeRow]);
    expect(sorted.map((p) => p.message)).toEqual([late.message, wholeRow.message, early.message]);
  });
});
