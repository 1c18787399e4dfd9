// Reads a 任务分解表 from .csv text or .xlsx bytes into breakdown rows and problems. Both readers build the
// same grid of cells, and one set of rules (task-breakdown.grid.ts) turns a grid into rows. A file that
// cannot be read at all is a problem in the result, never a thrown exception.
import * as ExcelJS from 'exceljs';
import { tokenizeCsv } from './task-breakdown.csv';
import { parseGrids, type Grid, type GridCell, type GridRow } from './task-breakdown.grid';
import { problem } from './task-breakdown.text';
import type { ImportProblem, ParseResult } from './task-breakdown.types';

export { MAX_DATA_ROWS, HEADER_SEARCH_ROWS } from './task-breakdown.grid';
export { decodeCsvBytes } from './task-breakdown.csv';

/** A CSV larger than this is refused before it is read. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
/**
 * An .xlsx larger than this is refused before it is unzipped: compressed, 10 MB is far beyond 20,000 rows of
 * a task breakdown, and unzipping keeps the whole workbook in memory.
 */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;

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
  if (data.byteLength > MAX_XLSX_BYTES) return refused(tooLarge('Excel', data.byteLength, MAX_XLSX_BYTES));
  const workbook = await loadWorkbook(data);
  if (!workbook) {
    return refused(fileProblem('UNREADABLE_FILE', '无法作为 Excel 工作簿（.xlsx）读取，可能已损坏或不是 .xlsx 格式。请在 Excel 或 WPS 中打开后另存为 .xlsx（或 CSV）再导入'));
  }
  // Hidden sheets are not read: people check what they see, and hidden sheets hold drop-down lists and old copies.
  const visible = workbook.worksheets.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined);
  return parseGrids(visible.map(sheetGrid));
}

async function loadWorkbook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like "Buffer", which Node's Buffer does not satisfy; a copy
  // into a plain ArrayBuffer does, and its zip reader takes either.
  const bytes = Uint8Array.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  try {
    await workbook.xlsx.load(bytes.buffer);
    return workbook;
  } catch {
    // Not a zip, a damaged zip, or a zip that is not a workbook (.docx, .xls saved under another name).
    return null;
  }
}

/**
 * The sheet's cells row by row. A cell inside a merged range takes the value of the range's top-left cell,
 * so an item name merged over six rows belongs to all six (and is marked as inherited in the other five).
 */
export function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    const inherited = new Set<number>();
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const master = cell.isMerged ? cell.master : cell;
      cells[columnNumber - 1] = cellValue(master.value);
      if (master !== cell) inherited.add(columnNumber - 1);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? ''), inherited });
  });
  return { sheet: sheet.name, rows };
}

/** Every kind of cell value as text, except dates, which stay Dates (the display format is not their meaning). */
function cellValue(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text);
  if ('error' in value) return value.error;
  return '';
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
