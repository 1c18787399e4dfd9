// Reading tables out of uploaded spreadsheets for the reference-data imports (测评体系, 组织机构): .xlsx sheets
// and .csv files become grids (merged cells count for every row they span), a
// header is found by its column names under any title rows, and the rows below it are read with notes, blank
// rows and repeated headers left out. Pure: no database, nothing thrown for a bad file.
import { MAX_CSV_BYTES, tokenizeCsv } from './csv';
import { HEADER_SEARCH_ROWS, MAX_DATA_ROWS, type Grid, type GridCell, type GridRow } from './grid';
import { IMPORT_PROBLEM_CODES, formatProblems, type ImportProblem } from './problems';
import { cleanText, columnIndex, columnLetter, location, nameKey, oneLine } from './text';
import { readWorkbookGrids } from './xlsx-workbook';

/**
 * Codes these imports add to the task-breakdown import's (graphql/catalog.graphql extends the GraphQL enum
 * with the same names). Add new codes at the end; never rename.
 */
export const REFERENCE_PROBLEM_CODES = ['BAD_VALUE', 'BAD_CHOICE', 'INCONSISTENT', 'NOT_ALLOWED', 'IN_USE', 'REMOVES_IMPORTER'] as const;
export const PROBLEM_CODES = [...IMPORT_PROBLEM_CODES, ...REFERENCE_PROBLEM_CODES] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The task-breakdown import's problem, with the wider set of codes. */
export interface SheetProblem extends Omit<ImportProblem, 'code'> {
  code: ProblemCode;
}

export interface At {
  sheet: string;
  /** 1-based; 0 for the whole sheet or file. */
  row: number;
}

/** A problem whose message starts with where it is (第12行「测评方法」：…), as the breakdown import words them. */
export function sheetProblem(at: At, column: string, letter: string | null, code: ProblemCode, detail: string): SheetProblem {
  const message = at.row > 0 ? `${location(at.row, column)}：${detail}` : detail;
  return { sheet: at.sheet, row: at.row, column, columnLetter: letter, code, message };
}

export function fileProblem(code: ProblemCode, detail: string, sheet = ''): SheetProblem {
  return sheetProblem({ sheet, row: 0 }, '', null, code, detail);
}

/** Sheet by sheet in the order they first appear, then row, then column, as people read the file. */
export function sortProblems<P extends SheetProblem>(problems: readonly P[]): P[] {
  const sheets = [...new Set(problems.map((p) => p.sheet))];
  const column = (p: SheetProblem) => (p.column === '' ? -1 : p.columnLetter ? columnIndex(p.columnLetter) : Number.MAX_SAFE_INTEGER);
  return [...problems].sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row || column(a) - column(b));
}

/** Every problem as one Chinese report, one line each (the task-breakdown import's wording). */
export function problemReport(problems: readonly SheetProblem[]): string {
  // formatProblems reads the location and the message only, never the code, whose type is narrower there.
  return formatProblems(problems as unknown as readonly ImportProblem[]);
}

// ---------------------------------------------------------------------------------------------------------
// Files to grids

export type GridsRead = { ok: true; grids: Grid[] } | { ok: false; problem: SheetProblem };

export function csvGrids(text: string, sheetName: string): GridsRead {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CSV_BYTES) return { ok: false, problem: tooLarge('CSV', bytes, MAX_CSV_BYTES) };
  const tokens = tokenizeCsv(text);
  if (!tokens.ok) {
    const at = { sheet: sheetName, row: tokens.unterminatedQuoteRecord };
    const detail = '从这一行开始的引号（"）没有配对的结束引号，文件无法读取。请在 Excel 中打开后重新另存为 CSV';
    return { ok: false, problem: sheetProblem(at, '', null, 'UNREADABLE_FILE', detail) };
  }
  return { ok: true, grids: [{ sheet: sheetName, rows: tokens.records.map((cells, index) => ({ row: index + 1, cells })) }] };
}

/** The visible sheets of a workbook (hidden ones hold drop-down lists and old copies, which people do not check). */
export async function xlsxGrids(data: Buffer | ArrayBuffer): Promise<GridsRead> {
  const read = await readWorkbookGrids(data);
  return read.ok ? read : { ok: false, problem: fileProblem(read.code, read.detail) };
}

function tooLarge(kind: string, bytes: number, limit: number): SheetProblem {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return fileProblem('TOO_LARGE', `${kind} 文件有 ${mb(bytes)} MB，超过 ${mb(limit)} MB 的上限。请删去无关的工作表、图片和空行，或拆分成几个文件分别导入`);
}

// ---------------------------------------------------------------------------------------------------------
// Tables in grids

export interface ColumnSpec<K extends string> {
  key: K;
  /** Header names people write for it; the first is the one messages use when the column is missing. */
  names: readonly string[];
  required: boolean;
  /** How to fill it in, for MISSING_VALUE messages. */
  hint: string;
  /** Longest text it takes, in characters; MAX_TEXT_LENGTH when not given. */
  maxLength?: number;
}

/**
 * Longest text of a cell unless its column says otherwise: names are short, and a name is a unique key in the
 * database, whose index takes no more than about 2,700 bytes (900 Chinese characters).
 */
export const MAX_TEXT_LENGTH = 200;
/** For the columns that hold sentences (测评内容, 扣分规则, 档案材料). */
export const MAX_LONG_TEXT_LENGTH = 2_000;

export interface TableSpec<K extends string> {
  /** What the table is, for messages: 测评体系, 单位, 人员. */
  title: string;
  columns: readonly ColumnSpec<K>[];
}

export interface TableLayout<K extends string> {
  sheet: string;
  headerRow: number;
  /** Column index of each key found, and the header name as written there. */
  columns: Map<K, { index: number; name: string }>;
}

/** A row under the header: each column's text (cleaned, line breaks kept) and where it is. */
export interface TableRow<K extends string> {
  sheet: string;
  row: number;
  text(key: K): string;
  /** The header name as the file writes it (测评标准 for 测评内容), or the spec's first name. */
  column(key: K): string;
  letter(key: K): string | null;
  at: At;
}

/** A header row has at least this many of a table's column names. */
const MIN_HEADER_NAMES = 2;

/** How notes, sign-off lines and instructions under (or inside) a table begin. */
export const NOTE_START = /^(?:注\s*(?:意|\d|[:：(（、.．\s])|备注|说明|填表说明|填表人|制表|审核人)/;

export function cellText(cell: GridCell | undefined): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cleanText(cell);
}

/** Nothing typed into the row itself (values inherited from a merge do not count). */
export function isBlankRow(row: GridRow): boolean {
  return row.cells.every((cell, index) => cellText(cell) === '' || row.inherited?.has(index) === true);
}

/** The row's non-empty cell texts, in order. */
export function rowTexts(row: GridRow): string[] {
  return row.cells.map(cellText).filter((text) => text !== '');
}

/**
 * The header of whichever table the grid holds: the first row, among its first HEADER_SEARCH_ROWS non-blank
 * rows, with at least two of a table's column names; the table with the most names there wins.
 */
export function findTable<K extends string>(grid: Grid, specs: readonly TableSpec<K>[]): { spec: number; layout: TableLayout<K> } | null {
  const candidates = grid.rows.filter((row) => !isBlankRow(row)).slice(0, HEADER_SEARCH_ROWS);
  for (const row of candidates) {
    const found = specs.map((spec) => headerColumns(row, spec));
    const best = found.reduce((b, columns, i) => (columns.size > found[b].size ? i : b), 0);
    if (found[best].size >= MIN_HEADER_NAMES) return { spec: best, layout: { sheet: grid.sheet, headerRow: row.row, columns: found[best] } };
  }
  return null;
}

function headerColumns<K extends string>(row: GridRow, spec: TableSpec<K>): Map<K, { index: number; name: string }> {
  const columns = new Map<K, { index: number; name: string }>();
  row.cells.forEach((cell, index) => {
    const key = nameKey(cellText(cell));
    if (key === '') return;
    for (const column of spec.columns) {
      const name = column.names.find((n) => nameKey(n) === key);
      // The first column of a name wins: a second 测评内容 beside a 测评标准 is someone's notes.
      if (name && !columns.has(column.key)) columns.set(column.key, { index, name });
    }
  });
  return columns;
}

export function missingHeaders<K extends string>(layout: TableLayout<K>, spec: TableSpec<K>): SheetProblem[] {
  const required = spec.columns.filter((c) => c.required);
  return required
    .filter((c) => !layout.columns.has(c.key))
    .map((c) =>
      sheetProblem(
        { sheet: layout.sheet, row: layout.headerRow },
        c.names[0],
        null,
        'MISSING_HEADER',
        `${spec.title}表头缺少「${c.names[0]}」列。请在第${layout.headerRow}行的表头中加上这一列（须有：${required.map((r) => r.names[0]).join('、')}）`,
      ),
    );
}

/**
 * The data rows under the header, each with its texts. Left out: blank rows, a repeated header, notes (注：…)
 * that are their row's only text, and notes or lone lines of text after the last data row. A lone line of text
 * inside the table is reported (MISSING_VALUE), as is a required column left empty.
 */
export function tableRows<K extends string>(grid: Grid, layout: TableLayout<K>, spec: TableSpec<K>): { rows: TableRow<K>[]; problems: SheetProblem[] } {
  const required = spec.columns.filter((c) => c.required && layout.columns.has(c.key));
  const index = (key: K) => layout.columns.get(key)?.index;
  const value = (row: GridRow, key: K) => {
    const i = index(key);
    return i === undefined ? '' : cellText(row.cells[i]);
  };
  const requiredEmpty = (row: GridRow) => required.every((c) => value(row, c.key) === '');
  const singleText = (row: GridRow) => new Set(rowTexts(row)).size === 1;
  const loneText = (row: GridRow) => singleText(row) && (requiredEmpty(row) || rowTexts(row).length >= 2);
  const startsLikeNote = (row: GridRow) => NOTE_START.test(rowTexts(row)[0] ?? '');
  const repeatsHeader = (row: GridRow) => [...layout.columns].filter(([key, c]) => nameKey(value(row, key)) === nameKey(c.name)).length >= MIN_HEADER_NAMES;

  const below = grid.rows.filter((row) => row.row > layout.headerRow);
  let end = below.length;
  while (end > 0 && (isBlankRow(below[end - 1]) || startsLikeNote(below[end - 1]) || loneText(below[end - 1]))) end--;

  const rows: TableRow<K>[] = [];
  const problems: SheetProblem[] = [];
  for (const gridRow of below.slice(0, end)) {
    if (isBlankRow(gridRow) || repeatsHeader(gridRow) || (startsLikeNote(gridRow) && singleText(gridRow))) continue;
    const at = { sheet: layout.sheet, row: gridRow.row };
    if (loneText(gridRow)) {
      const quoted = [...new Set(rowTexts(gridRow).map(oneLine))].map((t) => `「${t}」`).join('');
      const detail = `这一行只有一段文字${quoted}，不是${spec.title}的一行。如果是标题或说明，请删除这一行，或以「注：」开头写在表格最下方`;
      problems.push(sheetProblem(at, '', null, 'MISSING_VALUE', detail));
      continue;
    }
    const row: TableRow<K> = {
      sheet: layout.sheet,
      row: gridRow.row,
      at,
      text: (key) => value(gridRow, key),
      column: (key) => layout.columns.get(key)?.name ?? spec.columns.find((c) => c.key === key)?.names[0] ?? key,
      letter: (key) => {
        const i = index(key);
        return i === undefined ? null : columnLetter(i);
      },
    };
    for (const c of required) {
      if (row.text(c.key) === '') problems.push(sheetProblem(at, row.column(c.key), row.letter(c.key), 'MISSING_VALUE', `没有填写${row.column(c.key)}。${c.hint}`));
    }
    for (const c of spec.columns) {
      const length = [...row.text(c.key)].length;
      const max = c.maxLength ?? MAX_TEXT_LENGTH;
      if (length > max) {
        problems.push(sheetProblem(at, row.column(c.key), row.letter(c.key), 'BAD_VALUE', `${row.column(c.key)}有 ${length} 个字，超过 ${max} 个字的上限。请删减后重新导入`));
      }
    }
    rows.push(row);
  }
  return { rows, problems };
}

export interface Table<K extends string> {
  /** Index of its spec in the specs given. */
  spec: number;
  layout: TableLayout<K>;
  /** False when a required column is missing: reported, and its rows not read. */
  complete: boolean;
  rows: TableRow<K>[];
}

/** Reads every table of the given kinds in the grids (one per grid at most), and every problem met on the way. */
export function readTables<K extends string>(grids: readonly Grid[], specs: readonly TableSpec<K>[]): { tables: Table<K>[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const tables: Table<K>[] = [];
  for (const grid of grids) {
    const found = findTable(grid, specs);
    if (!found) continue;
    const spec = specs[found.spec];
    const missing = missingHeaders(found.layout, spec);
    problems.push(...missing);
    // A sheet without a required column is reported and not read; the other sheets still are.
    if (missing.length > 0) {
      tables.push({ ...found, complete: false, rows: [] });
      continue;
    }
    const read = tableRows(grid, found.layout, spec);
    problems.push(...read.problems);
    tables.push({ ...found, complete: true, rows: read.rows });
  }
  const count = tables.reduce((sum, t) => sum + t.rows.length, 0);
  if (count > MAX_DATA_ROWS) {
    return { tables: [], problems: [fileProblem('TOO_LARGE', `共有 ${count} 行，超过一次最多导入 ${MAX_DATA_ROWS} 行的限制。请拆分成几个文件分别导入`)] };
  }
  return { tables, problems };
}

/** 附件1, 附件二：: the attachment label official documents put above a table's title. */
const ATTACHMENT_LABEL = /^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?$/;
/** 2027年1月, 2027-01-05: a date line. */
const DATE_LINE = /^\d{4}\s*(?:年|[-/.])\s*(?:\d{1,2}\s*(?:月|[-/.])\s*(?:\d{1,2}\s*日?)?)?$/;
/** 填报单位：…, 日期：…: a labelled line, not a title. */
const LABELLED_LINE = /^[^:：]{1,6}[:：]/;

/**
 * The title over a table: the first row above its header whose only text (typed in one cell or merged
 * across) is not an attachment label, a date, a labelled line (填报单位：…) or a note. Null when there is none.
 */
export function titleAbove(grid: Grid, headerRow: number): { row: number; text: string } | null {
  for (const row of grid.rows) {
    if (row.row >= headerRow) break;
    if (isBlankRow(row)) continue;
    const distinct = [...new Set(rowTexts(row).map(oneLine))];
    if (distinct.length !== 1) continue;
    const [text] = distinct;
    if (ATTACHMENT_LABEL.test(text) || DATE_LINE.test(text) || LABELLED_LINE.test(text) || NOTE_START.test(text)) continue;
    return { row: row.row, text };
  }
  return null;
}

export function isBlankGrid(grid: Grid): boolean {
  return grid.rows.every(isBlankRow);
}

// ---------------------------------------------------------------------------------------------------------
// Values

/** Splits a list cell on 、 ； ; and line breaks; each name once (by nameKey); the repeats are returned apart. */
export function splitList(text: string): { names: string[]; repeated: string[] } {
  return distinctNames(text.split(/[、;；\n]+/));
}

/** The names on one line each, blanks dropped, each once (by nameKey); the repeats are returned apart. */
export function distinctNames(texts: readonly string[]): { names: string[]; repeated: string[] } {
  const names: string[] = [];
  const repeated: string[] = [];
  const seen = new Set<string>();
  for (const name of texts.map(oneLine)) {
    if (name === '') continue;
    const key = nameKey(name);
    if (seen.has(key)) repeated.push(name);
    else names.push(name);
    seen.add(key);
  }
  return { names, repeated };
}

/** Codes are compared and stored in one form: NFKC (full-width letters and digits typed in Chinese input), upper case. */
export function normaliseCode(text: string): string {
  return oneLine(text).normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Letters, digits, '.', '_' and '-', beginning with a letter or digit, at most 32 characters. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

/** A word from a fixed list, by its Chinese label or its English identifier (any case, spaces ignored). */
export function choiceOf<T extends string>(text: string, labels: Readonly<Record<T, string>>, aliases: Readonly<Record<string, T>> = {}): T | null {
  const key = nameKey(text);
  for (const [id, label] of Object.entries(labels) as [T, string][]) {
    if (key === nameKey(label) || key === id.toLowerCase()) return id;
  }
  for (const [alias, id] of Object.entries(aliases)) if (key === nameKey(alias)) return id;
  return null;
}

export function choiceList<T extends string>(labels: Readonly<Record<T, string>>): string {
  return Object.values<string>(labels).join('、');
}
