// Builds .xlsx task breakdowns in memory with exceljs, the way offices lay them out: a merged title row, then
// the header, then the rows. Used by the task-breakdown specs; not a spec itself.
import * as ExcelJS from 'exceljs';

export const HEADER = ['序号', '测评项目', '测评指标', '测评内容', '牵头单位', '责任单位', '完成时限', '当前状态', '备注'];
export const TITLE = '外滩街道创建全国文明城区任务分解表';

export type Cell = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  /** Rows from row 1 on; null is an empty row. */
  rows: (Cell[] | null)[];
  /** Ranges such as 'B3:B6', merged after the values are written (the first cell keeps its value). */
  merges?: string[];
  /** Cells ('G9') that get a date format, as when people type a date into Excel; other numbers stay General. */
  dateCells?: string[];
  state?: ExcelJS.WorksheetState;
}

export async function xlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    spec.rows.forEach((cells, index) => {
      if (!cells) return;
      const row = sheet.getRow(index + 1);
      cells.forEach((value, column) => {
        if (value !== null) row.getCell(column + 1).value = value;
      });
      row.commit();
    });
    for (const address of spec.dateCells ?? []) sheet.getCell(address).numFmt = 'yyyy"年"m"月"d"日"';
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A title merged across the header's width, the header, then the given data rows. */
export function breakdownSheet(name: string, data: (Cell[] | null)[], extra: Partial<SheetSpec> = {}): SheetSpec {
  const width = String.fromCharCode(64 + HEADER.length);
  return {
    name,
    rows: [[TITLE], HEADER, ...data],
    ...extra,
    merges: [`A1:${width}1`, ...(extra.merges ?? [])],
  };
}

/** One data row in HEADER's order, with sensible values for the columns not given. */
export function dataRow(values: Partial<Record<(typeof HEADER)[number], Cell>>): Cell[] {
  const defaults: Record<string, Cell> = {
    序号: '1',
    测评项目: '思想道德与核心价值观宣传',
    测评指标: '主次干道公益广告密度',
    测评内容: '主次干道每200米不少于1处公益广告',
    牵头单位: '街道宣传统战办',
    责任单位: '外滩社区',
    完成时限: '2027-03-31',
    当前状态: null,
    备注: null,
  };
  return HEADER.map((header) => (header in values ? (values[header] ?? null) : defaults[header]));
}
