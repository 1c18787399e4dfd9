// What every exported workbook shares: its MIME type, a file name file systems accept, and its look: a bold title over a subtitle line (what was exported, when, with which
// filter), then a bold, centred header row; the rows follow beneath it. Values only: exceljs writes strings as text,
// so a cell that looks like a formula (=HYPERLINK(…)) stays text.
import type * as ExcelJS from 'exceljs';

/** Row 1: the title across `width` columns; row 2: the subtitle. */
export function sheetTitle(sheet: ExcelJS.Worksheet, text: string, width: number, subtitle: string): void {
  sheet.getCell(1, 1).value = text;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(2, 1).value = subtitle;
  sheet.mergeCells(2, 1, 2, width);
}

/** The column names on `row`, bold and centred. */
export function sheetHeader(sheet: ExcelJS.Worksheet, row: number, names: readonly string[]): void {
  names.forEach((name, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name without characters file systems refuse. */
export function exportName(base: string, ext = 'xlsx'): string {
  let name = '';
  for (const ch of base) name += ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch;
  return `${name}.${ext}`;
}
