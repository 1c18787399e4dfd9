// Writes a catalog in the layout its import reads: the version's title on the first row, then one row per
// criterion under a header, items and indicators beside them (merged over their rows in .xlsx, repeated in
// .csv), methods and areas in Chinese, materials once per indicator. Importing what this writes changes
// nothing, title included. Text that starts like a formula (= + - @) stays text in both: exceljs writes
// strings as strings, and csvField neutralises them in CSV. Pure.
import * as ExcelJS from 'exceljs';
import { csvField } from '../platform/spreadsheet';
import { CATALOG_TABLE } from './catalog.parser';
import { AREA_LABELS, CATALOG_COLUMNS, METHOD_LABELS, byCode, type Catalog, type CatalogColumn, type IndicatorPlan } from './catalog.types';

export const CATALOG_SHEET = '测评体系';

type Cell = string | number;
type Line = Record<CatalogColumn, Cell>;

const HEADER: Record<CatalogColumn, string> = Object.fromEntries(CATALOG_TABLE.columns.map((c) => [c.key, c.names[0]])) as Record<CatalogColumn, string>;
const ITEM_COLUMNS: readonly CatalogColumn[] = ['itemCode', 'itemName'];
const INDICATOR_COLUMNS: readonly CatalogColumn[] = ['indicatorCode', 'indicatorName', 'materials', 'area'];

export { byCode };

/** Items by code, indicators by code within them (A2 before A10), criteria in their order. */
function lines(catalog: Catalog): { item: string; indicator: string; line: Line }[] {
  const out: { item: string; indicator: string; line: Line }[] = [];
  for (const item of [...catalog.items].sort((a, b) => byCode(a.code, b.code))) {
    const indicators = catalog.indicators.filter((i) => i.itemCode === item.code).sort((a, b) => byCode(a.code, b.code));
    for (const indicator of indicators) {
      criteriaOf(indicator).forEach((criterion, index) => {
        out.push({
          item: item.code,
          indicator: indicator.code,
          line: {
            itemCode: item.code,
            itemName: item.name,
            indicatorCode: indicator.code,
            indicatorName: indicator.name,
            content: criterion.content,
            method: METHOD_LABELS[criterion.method],
            points: criterion.points,
            deductionRule: criterion.deductionRule,
            materials: index === 0 ? indicator.materials.map((m) => m.name).join('、') : '',
            area: indicator.area ? AREA_LABELS[indicator.area] : '',
          },
        });
      });
    }
  }
  return out;
}

/** An indicator written before criteria existed has none: its own standard, method and points stand in for one. */
function criteriaOf(indicator: IndicatorPlan) {
  if (indicator.criteria.length > 0) return indicator.criteria;
  return [{ content: indicator.standard, method: indicator.method, points: indicator.points, deductionRule: '' }];
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/**
 * UTF-8 with a byte-order mark (so that Excel shows the Chinese) and CRLF line ends, as Excel writes CSV; the
 * title first, in the first cell of an otherwise empty row, as Excel saves a title merged across the table.
 */
export function catalogCsv(catalog: Catalog, title: string): string {
  const titleRow = CATALOG_COLUMNS.map((_, i) => (i === 0 ? title : ''));
  const rows = [titleRow, CATALOG_COLUMNS.map((c) => HEADER[c]), ...lines(catalog).map(({ line }) => CATALOG_COLUMNS.map((c) => String(line[c])))];
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------------------
// .xlsx

export async function catalogXlsx(catalog: Catalog, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作流引擎';
  const sheet = workbook.addWorksheet(CATALOG_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  const width = CATALOG_COLUMNS.length;
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  CATALOG_COLUMNS.forEach((c, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = HEADER[c];
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  const widths: Record<CatalogColumn, number> = { itemCode: 8, itemName: 20, indicatorCode: 8, indicatorName: 28, content: 40, method: 10, points: 6, deductionRule: 30, materials: 24, area: 12 };
  CATALOG_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = widths[c]));

  const body = lines(catalog);
  body.forEach(({ line }, index) => {
    CATALOG_COLUMNS.forEach((c, i) => {
      const cell = sheet.getCell(index + 3, i + 1);
      if (line[c] !== '') cell.value = line[c];
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  // Merged over their rows, as offices lay catalogs out; the import gives a merged value to every row it spans.
  mergeRuns(sheet, body.map((b) => b.item), ITEM_COLUMNS);
  mergeRuns(sheet, body.map((b) => `${b.item}\u0000${b.indicator}`), INDICATOR_COLUMNS);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function mergeRuns(sheet: ExcelJS.Worksheet, keys: string[], columns: readonly CatalogColumn[]): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - start > 1) {
      for (const column of columns) {
        const c = CATALOG_COLUMNS.indexOf(column) + 1;
        sheet.mergeCells(start + 3, c, i - 1 + 3, c);
      }
    }
    start = i;
  }
}
