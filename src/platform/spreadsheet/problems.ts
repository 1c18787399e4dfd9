// What every spreadsheet import reports: a problem with where it is (sheet, row, column) and a Chinese message,
// and the one report people read. The task-breakdown import's codes are the base set; the reference-data
// imports add theirs in table.ts.
import { columnIndex, location } from './text';

/** Stable codes: the import service and the UI may switch on them. Add new codes at the end; never rename. */
export const IMPORT_PROBLEM_CODES = [
  'MISSING_HEADER',
  'MISSING_VALUE',
  'BAD_DATE',
  'BAD_STATUS',
  'UNKNOWN_UNIT',
  'UNKNOWN_INDICATOR',
  'DUPLICATE',
  'EMPTY_FILE',
  'UNREADABLE_FILE',
  'TOO_LARGE',
  'REASSIGNED',
  'UNKNOWN_PERSON',
  'AMBIGUOUS_PERSON',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export interface ImportProblem {
  /** Worksheet name ('CSV' or the caller's name for a CSV file); '' for a problem of the whole file. */
  sheet: string;
  /** 1-based spreadsheet row; 0 for a problem of the whole sheet or file. */
  row: number;
  /** The header name, e.g. '责任单位'; '' for a problem of the whole row, sheet or file. */
  column: string;
  /** 'F' etc. when known. */
  columnLetter: string | null;
  code: ImportProblemCode;
  /** Chinese, for people: where, what is wrong and how to fix it. */
  message: string;
}

/** A problem whose message starts with where it is (第12行「责任单位」：…). */
export function problem(
  at: { sheet: string; row: number },
  column: string,
  columnLetterOrNull: string | null,
  code: ImportProblemCode,
  detail: string,
): ImportProblem {
  const message = at.row > 0 ? `${location(at.row, column)}：${detail}` : detail;
  return { sheet: at.sheet, row: at.row, column, columnLetter: columnLetterOrNull, code, message };
}

/**
 * All problems as one Chinese report, one line each, ordered by sheet (in the order they first appear, which
 * is the workbook's), row and column: 工作表「任务分解表」第12行 F列「责任单位」：找不到单位…
 */
export function formatProblems(problems: readonly ImportProblem[]): string {
  if (problems.length === 0) return '';
  const sheetOrder = [...new Set(problems.map((p) => p.sheet))];
  const sorted = [...problems].sort(
    (a, b) =>
      sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) ||
      a.row - b.row ||
      columnOrder(a) - columnOrder(b),
  );
  const header = `共 ${problems.length} 个问题，整个文件都没有导入。请改正后重新导入：`;
  return [header, ...sorted.map((p) => `${where(p)}：${detailOf(p)}`)].join('\n');
}

/** Whole-row problems first, then by column letter; a column without a letter after those with one. */
function columnOrder(p: ImportProblem): number {
  if (p.column === '') return -1;
  return p.columnLetter ? columnIndex(p.columnLetter) : Number.MAX_SAFE_INTEGER;
}

function where(p: ImportProblem): string {
  const sheet = p.sheet === '' ? '文件' : `工作表「${p.sheet}」`;
  if (p.row === 0) return sheet;
  const cell = p.column === '' ? '' : `${p.columnLetter ? ` ${p.columnLetter}列` : ''}「${p.column}」`;
  return `${sheet}第${p.row}行${cell}`;
}

/** The message without the location it starts with: the report's line says where already. */
function detailOf(p: ImportProblem): string {
  const prefix = `${location(p.row, p.column)}：`;
  return p.row > 0 && p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
}
