// From a grid of cells (one per worksheet, or the CSV) to breakdown rows: find the header by name, tell data
// rows from blank rows, notes and repeated headers, and read each data row. Every problem of every row is
// collected; nothing stops at the first one.
import { HEADER_SEARCH_ROWS, MAX_DATA_ROWS, type Grid, type GridCell, type GridRow, problem, cellText, columnLetter, distinctNames, isBlankRow, nameKey, oneLine, rowTexts } from '../platform/spreadsheet';
import { parseDueDate } from './task-breakdown.dates';
import {
  OPTIONAL_HEADERS,
  REQUIRED_HEADERS,
  type BreakdownClassification,
  type BreakdownHeader,
  type BreakdownRow,
  type ImportProblem,
  type ParseResult,
} from './task-breakdown.types';

/** A row is the header when it has both of these, exactly (spaces inside ignored). */
const HEADER_MARKERS: readonly BreakdownHeader[] = ['测评指标', '责任单位'];
const KNOWN_HEADERS: readonly BreakdownHeader[] = [...REQUIRED_HEADERS, ...OPTIONAL_HEADERS];

/** How notes, sign-off lines and instructions under (or inside) the table begin. */
const NOTE_START = /^(?:注\s*(?:意|\d|[:：(（、.．\s])|备注|说明|填表说明|填表人|制表|审核人)/;
const UNIT_SEPARATORS = /[、,，;；\n]+/;

const STATUS_BY_KEY: ReadonlyMap<string, BreakdownClassification> = new Map([
  ['达标', 'MET'],
  ['未达标', 'NOT_MET'],
  ['未知可否达标', 'UNKNOWN'],
  ['未知', 'UNKNOWN'],
  ['易反弹', 'RELAPSE_PRONE'],
  // The glossary's identifiers, for files written by programs.
  ['met', 'MET'],
  ['not_met', 'NOT_MET'],
  ['unknown', 'UNKNOWN'],
  ['relapse_prone', 'RELAPSE_PRONE'],
]);

const MISSING_VALUE_HINTS: Record<(typeof REQUIRED_HEADERS)[number], string> = {
  测评项目: '请填写该指标所属的测评项目（可以用合并单元格跨行填写）',
  测评指标: '请填写测评体系中的指标名称（可在前面加编码，例如「A1 主次干道公益广告密度」）',
  牵头单位: '请填写一个牵头单位',
  责任单位: '请填写至少一个责任单位，多个单位用顿号（、）、逗号或换行分开',
  完成时限: '请填写具体日期，例如 2027-03-31',
};

/** Where the header is and which columns hold what. 责任单位 may span several columns (a merged header). */
interface Layout {
  sheet: string;
  headerRow: number;
  columns: Map<BreakdownHeader, number[]>;
}

export function parseGrids(grids: readonly Grid[]): ParseResult {
  const nonBlank = grids.filter((grid) => grid.rows.some((row) => !isBlankRow(row)));
  if (nonBlank.length === 0) return failed(emptyFile('文件是空的，没有任何内容。请选择填好的任务分解表重新导入'));

  const withHeader = nonBlank.flatMap((grid) => {
    const layout = findLayout(grid);
    return layout ? [{ grid, layout }] : [];
  });
  if (withHeader.length === 0) return failed(noHeaderAnywhere(nonBlank));

  // A sheet missing a required column is reported and not read; the other sheets still are, so that one
  // import shows every problem of the file.
  const problems = withHeader.flatMap(({ layout }) => missingHeaders(layout));
  const tables = withHeader
    .filter(({ layout }) => missingHeaders(layout).length === 0)
    .map(({ grid, layout }) => ({ layout, body: bodyRows(grid, layout) }));

  const dataRowCount = tables.reduce((sum, t) => sum + t.body.filter((row) => !isBlankRow(row)).length, 0);
  if (dataRowCount > MAX_DATA_ROWS) return failed(tooManyRows(dataRowCount));

  const rows: BreakdownRow[] = [];
  for (const { layout, body } of tables) {
    for (const gridRow of body) {
      const read = readRow(gridRow, layout);
      problems.push(...read.problems);
      if (read.row) rows.push(read.row);
    }
  }
  if (rows.length === 0 && problems.length === 0) {
    return failed(emptyFile('表头下面没有任何任务行。请在表头下方逐行填写测评指标和责任单位'));
  }
  return { rows, problems };
}

function failed(p: ImportProblem): ParseResult {
  return { rows: [], problems: [p] };
}

// ---------------------------------------------------------------------------------------------------------
// Cells

function column(layout: Layout, header: BreakdownHeader): number | undefined {
  return layout.columns.get(header)?.[0];
}

function valueAt(row: GridRow, layout: Layout, header: BreakdownHeader): string {
  const index = column(layout, header);
  return index === undefined ? '' : cellText(row.cells[index]);
}

function letterOf(layout: Layout, header: BreakdownHeader): string | null {
  const index = column(layout, header);
  return index === undefined ? null : columnLetter(index);
}

// ---------------------------------------------------------------------------------------------------------
// The header

function headerName(cell: GridCell | undefined): BreakdownHeader | undefined {
  const key = nameKey(cellText(cell));
  return KNOWN_HEADERS.find((header) => header === key);
}

function findLayout(grid: Grid): Layout | null {
  const candidates = grid.rows.filter((row) => !isBlankRow(row)).slice(0, HEADER_SEARCH_ROWS);
  for (const row of candidates) {
    const names = row.cells.map(headerName);
    if (!HEADER_MARKERS.every((marker) => names.includes(marker))) continue;
    const columns = new Map<BreakdownHeader, number[]>();
    names.forEach((name, index) => {
      if (name) columns.set(name, [...(columns.get(name) ?? []), index]);
    });
    // 测评内容 and 测评标准 are one column under two names; keep whichever comes first.
    if (!columns.has('测评内容') && columns.has('测评标准')) columns.set('测评内容', columns.get('测评标准') ?? []);
    return { sheet: grid.sheet, headerRow: row.row, columns };
  }
  return null;
}

function missingHeaders(layout: Layout): ImportProblem[] {
  return REQUIRED_HEADERS.filter((header) => !layout.columns.has(header)).map((header) =>
    problem(
      { sheet: layout.sheet, row: layout.headerRow },
      header,
      null,
      'MISSING_HEADER',
      `表头缺少「${header}」列。请在第${layout.headerRow}行的表头中加上名为「${header}」的列（表头须有：${REQUIRED_HEADERS.join('、')}）`,
    ),
  );
}

/** A header repeated under itself: the second line of a two-line merged header, or one repeated for printing. */
function repeatsHeader(row: GridRow, layout: Layout): boolean {
  return REQUIRED_HEADERS.filter((header) => nameKey(valueAt(row, layout, header)) === header).length >= 2;
}

// ---------------------------------------------------------------------------------------------------------
// Which rows are data

function startsLikeNote(row: GridRow): boolean {
  const first = rowTexts(row)[0];
  return first !== undefined && NOTE_START.test(first);
}

function requiredAllEmpty(row: GridRow, layout: Layout): boolean {
  return REQUIRED_HEADERS.every((header) => valueAt(row, layout, header) === '');
}

/** One text only: a line typed into one cell, or one text merged across the row (a title, a note, a section). */
function singleText(row: GridRow): boolean {
  return new Set(rowTexts(row)).size === 1;
}

/**
 * A line of text rather than a task: one text, either outside the required columns or merged across several
 * cells. (One text in one required column, say an item name alone, is a task with the rest missing.)
 */
function loneText(row: GridRow, layout: Layout): boolean {
  return singleText(row) && (requiredAllEmpty(row, layout) || rowTexts(row).length >= 2);
}

/**
 * Notes and sign-off lines under the table ("注：…", "填表人：… 审核人：…", a lone line of text) are not
 * data. Only lines after the last data row count: a lone text inside the table is reported, not skipped.
 */
function isTrailer(row: GridRow, layout: Layout): boolean {
  return startsLikeNote(row) || loneText(row, layout);
}

/** The rows under the header, without the trailing notes. */
function bodyRows(grid: Grid, layout: Layout): GridRow[] {
  const below = grid.rows.filter((row) => row.row > layout.headerRow);
  let end = below.length;
  while (end > 0 && (isBlankRow(below[end - 1]) || isTrailer(below[end - 1], layout))) end--;
  return below.slice(0, end);
}

// ---------------------------------------------------------------------------------------------------------
// One row

type RowRead = { row: BreakdownRow | null; problems: ImportProblem[] };
const SKIPPED: RowRead = { row: null, problems: [] };

function readRow(gridRow: GridRow, layout: Layout): RowRead {
  if (isBlankRow(gridRow) || repeatsHeader(gridRow, layout)) return SKIPPED;
  // A note inside the table ("注：以下指标由…") is skipped too, as long as it is the row's only text.
  if (startsLikeNote(gridRow) && singleText(gridRow)) return SKIPPED;
  const at = { sheet: layout.sheet, row: gridRow.row };
  const texts = [...new Set(rowTexts(gridRow).map(oneLine))].map((text) => `「${text}」`).join('');
  if (requiredAllEmpty(gridRow, layout)) {
    const detail = `这一行没有填写${REQUIRED_HEADERS.join('、')}，只有${texts}。如果是任务，请补全这些列；如果是说明，请以「注：」开头写在表格最下方，或删除这一行`;
    return { row: null, problems: [problem(at, '', null, 'MISSING_VALUE', detail)] };
  }
  if (loneText(gridRow, layout)) {
    const detail = `这一行只有一段文字${texts}，不是任务行。如果是分组标题或说明，请删除这一行，或以「注：」开头写在表格最下方`;
    return { row: null, problems: [problem(at, '', null, 'MISSING_VALUE', detail)] };
  }
  return readDataRow(gridRow, layout);
}

function readDataRow(gridRow: GridRow, layout: Layout): RowRead {
  const at = { sheet: layout.sheet, row: gridRow.row };
  const problems: ImportProblem[] = [];
  const report = (header: BreakdownHeader, code: ImportProblem['code'], detail: string) =>
    problems.push(problem(at, header, letterOf(layout, header), code, detail));

  for (const header of REQUIRED_HEADERS) {
    if (valueAt(gridRow, layout, header) === '') report(header, 'MISSING_VALUE', `没有填写${header}。${MISSING_VALUE_HINTS[header]}`);
  }

  const units = responsibleUnits(gridRow, layout);
  for (const name of units.repeated) report('责任单位', 'DUPLICATE', `单位「${name}」在同一格中填写了不止一次。请删去重复的单位`);

  const due = dueDate(gridRow, layout);
  if (due.problem) report('完成时限', 'BAD_DATE', due.problem);

  const status = classification(gridRow, layout);
  if (status.problem) report('当前状态', 'BAD_STATUS', status.problem);

  // A missing value keeps the row out. An unreadable date or status does not: the validator still checks the
  // row's units and indicator, so the file's problems are all reported at once. A unit written twice reads as once.
  if (problems.some((p) => p.code === 'MISSING_VALUE')) return { row: null, problems };
  const incomplete = due.date === null || problems.some((p) => p.code === 'BAD_DATE' || p.code === 'BAD_STATUS');
  const row = breakdownRow(gridRow, layout, units.names, due.date ?? '', status.value);
  return { row: incomplete ? { ...row, incomplete: true } : row, problems };
}

function breakdownRow(
  gridRow: GridRow,
  layout: Layout,
  responsibleUnitNames: string[],
  due: string,
  classificationValue: BreakdownClassification | null,
): BreakdownRow {
  const optional = (header: BreakdownHeader) => valueAt(gridRow, layout, header) || null;
  const name = (header: BreakdownHeader) => oneLine(valueAt(gridRow, layout, header));
  const columnLetters: Partial<Record<BreakdownHeader, string>> = {};
  for (const header of layout.columns.keys()) columnLetters[header] = letterOf(layout, header) ?? undefined;
  return {
    sheet: layout.sheet,
    row: gridRow.row,
    seq: name('序号') || null,
    itemName: name('测评项目'),
    indicatorName: name('测评指标'),
    criterion: optional('测评内容'),
    leadUnitName: name('牵头单位'),
    responsibleUnitNames,
    due,
    classification: classificationValue,
    remarks: optional('备注'),
    ...withPeople(responsiblePeople(gridRow, layout)),
    columnLetters,
  };
}

/** Every 责任单位 column (a merged header may span several), split into names; each name once. */
function responsibleUnits(gridRow: GridRow, layout: Layout): { names: string[]; repeated: string[] } {
  const texts = (layout.columns.get('责任单位') ?? []).map((index) => cellText(gridRow.cells[index]));
  return distinctNames(texts.flatMap((text) => text.split(UNIT_SEPARATORS)));
}

const withPeople = (people: string[]) => (people.length > 0 ? { responsiblePeople: people } : {});

/** The 责任人 column split like the units (names or mobile numbers), each once; empty when there is none. */
function responsiblePeople(gridRow: GridRow, layout: Layout): string[] {
  return distinctNames(valueAt(gridRow, layout, '责任人').split(UNIT_SEPARATORS)).names;
}

function dueDate(gridRow: GridRow, layout: Layout): { date: string | null; problem: string | null } {
  const index = column(layout, '完成时限');
  const cell = index === undefined ? undefined : gridRow.cells[index];
  // A date cell goes to the date parser as it is: its text would depend on the cell's display format.
  const value = cell instanceof Date ? cell : cellText(cell);
  if (value === '') return { date: null, problem: null };
  const parsed = parseDueDate(value);
  return parsed.ok ? { date: parsed.date, problem: null } : { date: null, problem: parsed.reason };
}

function classification(gridRow: GridRow, layout: Layout): { value: BreakdownClassification | null; problem: string | null } {
  const text = valueAt(gridRow, layout, '当前状态');
  if (text === '') return { value: null, problem: null };
  const value = STATUS_BY_KEY.get(nameKey(text));
  if (value) return { value, problem: null };
  return { value: null, problem: `无法识别当前状态「${oneLine(text)}」。请填写 达标、未达标、未知可否达标 或 易反弹，不清楚可以留空` };
}

// ---------------------------------------------------------------------------------------------------------
// Problems of the whole file

function emptyFile(detail: string): ImportProblem {
  return problem({ sheet: '', row: 0 }, '', null, 'EMPTY_FILE', detail);
}

function tooManyRows(count: number): ImportProblem {
  return problem({ sheet: '', row: 0 }, '', null, 'TOO_LARGE', `共有 ${count} 行任务，超过一次最多导入 ${MAX_DATA_ROWS} 行的限制。请拆分成几个文件分别导入`);
}

function noHeaderAnywhere(grids: readonly Grid[]): ImportProblem {
  const sheets = grids.map((g) => `「${g.sheet}」`).join('');
  return problem(
    { sheet: grids.length === 1 ? grids[0].sheet : '', row: 0 },
    '',
    null,
    'MISSING_HEADER',
    `在工作表${sheets}的前${HEADER_SEARCH_ROWS}行中找不到表头。表头须有一行写着：${REQUIRED_HEADERS.join('、')}（可选：序号、测评内容、当前状态、备注）`,
  );
}
