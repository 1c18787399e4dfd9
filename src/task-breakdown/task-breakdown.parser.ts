// Reads a 任务分解表 from .csv text or .xlsx bytes into breakdown rows and problems. Both readers build the
// same grid of cells, and one set of rules (task-breakdown.grid.ts) turns a grid into rows. A file that
// cannot be read at all is a problem in the result, never a thrown exception.
import { MAX_CSV_BYTES, tokenizeCsv, type GridRow, problem, readWorkbookGrids } from '../platform/spreadsheet';
import { parseGrids } from './task-breakdown.grid';
import type { ImportProblem, ParseResult } from './task-breakdown.types';

export { MAX_DATA_ROWS, HEADER_SEARCH_ROWS, decodeCsvBytes, MAX_CSV_BYTES, MAX_XLSX_BYTES } from '../platform/spreadsheet';

export function parseTaskBreakdownCsv(text: string, sheetName = 'CSV'): ParseResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CSV_BYTES) return refused(tooLarge('CSV', bytes, MAX_CSV_BYTES));
  const grid = tokenizeCsv(text);
  if (!grid.ok) {
    const at = { sheet: sheetName, row: grid.unterminatedQuoteRecord };
    return refused(problem(at, '', null, 'UNREADABLE_FILE', '从这一行开始的引号（"）没有配对的结束引号，文件无法读取。请在 Excel 中打开后重新另存为 CSV'));
  }
  const rows = grid.records.map((cells, index): GridRow => ({ row: index + 1, cells }));
  return parseGrids([{ sheet: sheetName, rows }]);
}

export async function parseTaskBreakdownXlsx(data: Buffer | ArrayBuffer): Promise<ParseResult> {
  const read = await readWorkbookGrids(data);
  return read.ok ? parseGrids(read.grids) : refused(fileProblem(read.code, read.detail));
}

function refused(p: ImportProblem): ParseResult {
  return { rows: [], problems: [p] };
}

function fileProblem(code: ImportProblem['code'], detail: string): ImportProblem {
  return problem({ sheet: '', row: 0 }, '', null, code, detail);
}

function tooLarge(kind: string, bytes: number, limit: number): ImportProblem {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return fileProblem('TOO_LARGE', `${kind} 文件有 ${mb(bytes)} MB，超过 ${mb(limit)} MB 的上限。请删去无关的工作表、图片和空行，或拆分成几个文件分别导入`);
}
