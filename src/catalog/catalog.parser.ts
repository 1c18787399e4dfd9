// Reads a 测评体系 (.xlsx or .csv) into criterion rows: one row per 测评内容, the item and indicator written
// (or merged) beside it. Each cell is checked here (codes, methods, points, areas, material lists); what rows
// must agree on is the validator's job. Every problem is collected; a bad file is a problem, never a throw.
import { CODE_PATTERN, MAX_LONG_TEXT_LENGTH, choiceList, choiceOf, csvGrids, fileProblem, isBlankGrid, normaliseCode, readTables, sheetProblem, sortProblems, splitList, titleAbove, xlsxGrids, type Grid, type GridsRead, type SheetProblem, type TableRow, type TableSpec, oneLine } from '../platform/spreadsheet';
import {
  AREA_ALIASES,
  AREA_LABELS,
  MAX_POINTS,
  METHOD_LABELS,
  type CatalogColumn,
  type CatalogParse,
  type CatalogRow,
} from './catalog.types';
import { normaliseTitle } from './catalog.versions';

export const CATALOG_TABLE: TableSpec<CatalogColumn> = {
  title: '测评体系',
  columns: [
    { key: 'itemCode', names: ['测评项目编码'], required: false, hint: '' },
    { key: 'itemName', names: ['测评项目'], required: true, hint: '请填写该指标所属的测评项目（可以用合并单元格跨行填写）' },
    { key: 'indicatorCode', names: ['指标编码'], required: true, hint: '请填写指标编码，例如 A1；同一指标的每一行编码相同' },
    { key: 'indicatorName', names: ['测评指标'], required: true, hint: '请填写指标名称（可以用合并单元格跨行填写）' },
    { key: 'content', names: ['测评内容', '测评标准'], required: true, hint: '请填写这一条测评内容（每条测评内容一行）', maxLength: MAX_LONG_TEXT_LENGTH },
    { key: 'method', names: ['测评方法'], required: true, hint: `请填写 ${choiceList(METHOD_LABELS)} 之一` },
    { key: 'points', names: ['分值'], required: true, hint: '请填写这一条测评内容的分值，例如 2 或 0.5' },
    { key: 'deductionRule', names: ['扣分规则'], required: false, hint: '', maxLength: MAX_LONG_TEXT_LENGTH },
    { key: 'materials', names: ['档案材料'], required: false, hint: '', maxLength: MAX_LONG_TEXT_LENGTH },
    { key: 'area', names: ['专项整治领域'], required: false, hint: '' },
  ],
};

/** 3, 0.5, 2.25, '3分': at most two decimals, as numeric(6, 2) keeps them. */
const POINTS = /^(?<value>\d{1,4}(?:\.\d{1,2})?)\s*分?$/;

export function parseCatalogCsv(text: string, sheetName = 'CSV'): CatalogParse {
  return parseGrids(csvGrids(text, sheetName));
}

export async function parseCatalogXlsx(data: Buffer | ArrayBuffer): Promise<CatalogParse> {
  return parseGrids(await xlsxGrids(data));
}

function parseGrids(read: GridsRead): CatalogParse {
  if (!read.ok) return { rows: [], problems: [read.problem], title: null };
  const grids = read.grids.filter((g) => !isBlankGrid(g));
  if (grids.length === 0) return failed(fileProblem('EMPTY_FILE', '文件是空的，没有任何内容。请选择填好的测评体系重新导入'));
  const { tables, problems } = readTables(grids, [CATALOG_TABLE]);
  if (tables.length === 0 && problems.length === 0) return failed(noHeader(grids));
  const rows = tables.flatMap((t) => t.rows.map((row) => readRow(row, problems)));
  if (rows.length === 0 && problems.length === 0) return failed(fileProblem('EMPTY_FILE', '表头下面没有任何测评内容。请在表头下方每条测评内容填写一行'));
  return { rows, problems: sortProblems(problems), title: titleOf(grids, tables) };
}

/** The title row over the first table that has one: it names the version the import creates. */
function titleOf(grids: readonly Grid[], tables: readonly { layout: { sheet: string; headerRow: number } }[]): string | null {
  for (const { layout } of tables) {
    const grid = grids.find((g) => g.sheet === layout.sheet);
    const title = grid ? normaliseTitle(titleAbove(grid, layout.headerRow)?.text) : null;
    if (title !== null) return title;
  }
  return null;
}

function failed(p: SheetProblem): CatalogParse {
  return { rows: [], problems: [p], title: null };
}

function noHeader(grids: readonly Grid[]): SheetProblem {
  const sheets = grids.map((g) => `「${g.sheet}」`).join('');
  const names = (required: boolean) => CATALOG_TABLE.columns.filter((c) => c.required === required).map((c) => c.names[0]).join('、');
  return fileProblem(
    'MISSING_HEADER',
    `在工作表${sheets}的前几行中找不到测评体系的表头。表头须有一行写着：${names(true)}（可选：${names(false)}）`,
    grids.length === 1 ? grids[0].sheet : '',
  );
}

function readRow(row: TableRow<CatalogColumn>, problems: SheetProblem[]): CatalogRow {
  const report = (key: CatalogColumn, code: SheetProblem['code'], detail: string) =>
    problems.push(sheetProblem(row.at, row.column(key), row.letter(key), code, detail));
  const text = (key: CatalogColumn) => row.text(key);
  const orNull = (value: string) => (value === '' ? null : value);

  const code = (key: 'itemCode' | 'indicatorCode'): string | null => {
    if (text(key) === '') return null;
    const value = normaliseCode(text(key));
    if (CODE_PATTERN.test(value)) return value;
    report(key, 'BAD_VALUE', `编码「${oneLine(text(key))}」不符合要求。编码只能由字母、数字和 . _ - 组成，以字母或数字开头，不超过 32 个字符，例如 A1`);
    return null;
  };

  let method: CatalogRow['method'] = null;
  if (text('method') !== '') {
    method = choiceOf(text('method'), METHOD_LABELS);
    if (!method) report('method', 'BAD_CHOICE', `无法识别测评方法「${oneLine(text('method'))}」。请填写 ${choiceList(METHOD_LABELS)} 之一`);
  }

  let points: number | null = null;
  if (text('points') !== '') {
    const match = POINTS.exec(text('points').normalize('NFKC').trim());
    const value = match?.groups ? Number(match.groups.value) : NaN;
    if (Number.isFinite(value) && value <= MAX_POINTS) points = value;
    else report('points', 'BAD_VALUE', `分值「${oneLine(text('points'))}」不是有效的分数。请填写不小于 0 的数，最多两位小数，例如 2 或 0.5`);
  }

  let area: CatalogRow['area'] = null;
  if (text('area') !== '') {
    area = choiceOf(text('area'), AREA_LABELS, AREA_ALIASES);
    if (!area) report('area', 'BAD_CHOICE', `无法识别专项整治领域「${oneLine(text('area'))}」。请填写 ${choiceList(AREA_LABELS)} 之一，不属于任何领域的留空`);
  }

  const materials = splitList(text('materials'));
  for (const name of materials.repeated) report('materials', 'DUPLICATE', `档案材料「${name}」在同一格中填写了不止一次。请删去重复的一项`);

  const columns: CatalogRow['columns'] = {};
  for (const c of CATALOG_TABLE.columns) columns[c.key] = { name: row.column(c.key), letter: row.letter(c.key) };
  return {
    sheet: row.sheet,
    row: row.row,
    itemCode: code('itemCode'),
    itemName: orNull(oneLine(text('itemName'))),
    indicatorCode: code('indicatorCode'),
    indicatorName: orNull(oneLine(text('indicatorName'))),
    content: orNull(text('content')),
    method,
    points,
    deductionRule: text('deductionRule'),
    materials: materials.names,
    area,
    columns,
  };
}
