// Reads the office's working-day overrides (工作日调整) from an .xlsx or .csv: 日期, 类型 (工作日/休息日), 说明.
// Every row is checked and every problem collected; any problem refuses the whole file. Linear in the file's
// size, with a row limit far below the spreadsheet reader's.
import { choiceList, choiceOf, csvGrids, decodeCsvBytes, fileProblem, isBlankGrid, readTables, sheetProblem, sortProblems, xlsxGrids, type Grid, type GridsRead, type SheetProblem, type TableRow, type TableSpec } from '../platform/spreadsheet';
import { csvSheetName } from '../catalog/reference-upload';
import { parseDueDate } from '../task-breakdown/task-breakdown.dates';

export type OverrideColumn = 'date' | 'kind' | 'note';
export type WorkingDayKind = 'WORKDAY' | 'RESTDAY';

export const WORKING_DAY_KIND_LABELS: Record<WorkingDayKind, string> = { WORKDAY: '工作日', RESTDAY: '休息日' };
const KIND_ALIASES: Record<string, WorkingDayKind> = { 上班: 'WORKDAY', 补班: 'WORKDAY', 调休上班: 'WORKDAY', 休息: 'RESTDAY', 放假: 'RESTDAY', 节假日: 'RESTDAY', 假日: 'RESTDAY' };

/** Ten years of every day would be 3,653 rows; an office changes a few dozen a year. */
export const MAX_OVERRIDE_ROWS = 2_000;
/** Overrides are for the years a campaign runs in. */
export const EARLIEST_OVERRIDE_YEAR = 2020;
export const LATEST_OVERRIDE_YEAR = 2040;
export const MAX_NOTE_LENGTH = 100;
/** What a spreadsheet program would run as a formula if the list were opened in it again. */
const FORMULA_START = /^[=+\-@\t\r]/;

export const OVERRIDE_TABLE: TableSpec<OverrideColumn> = {
  title: '工作日调整',
  columns: [
    { key: 'date', names: ['日期'], required: true, hint: '请填写日期，例如 2027-02-08' },
    { key: 'kind', names: ['类型', '调整类型'], required: true, hint: `请填写 ${choiceList(WORKING_DAY_KIND_LABELS)} 之一` },
    { key: 'note', names: ['说明', '备注说明'], required: false, hint: '', maxLength: MAX_NOTE_LENGTH },
  ],
};

export interface OverrideRow {
  date: string;
  workday: boolean;
  note: string;
}

export interface OverridesParse {
  overrides: OverrideRow[];
  problems: SheetProblem[];
}

export async function parseOverrideFile(file: { fileName: string; kind: 'xlsx' | 'csv'; content: Buffer }): Promise<OverridesParse> {
  const read: GridsRead = file.kind === 'xlsx' ? await xlsxGrids(file.content) : csvGrids(decodeCsvBytes(file.content), csvSheetName(file.fileName));
  if (!read.ok) return { overrides: [], problems: [read.problem] };
  return parseOverrideGrids(read.grids);
}

export function parseOverrideGrids(allGrids: readonly Grid[]): OverridesParse {
  const grids = allGrids.filter((g) => !isBlankGrid(g));
  if (grids.length === 0) return failed(fileProblem('EMPTY_FILE', '文件是空的。请填写「日期」「类型」「说明」三列后重新导入'));
  const rowCount = grids.reduce((n, g) => n + g.rows.length, 0);
  if (rowCount > MAX_OVERRIDE_ROWS + 20) {
    return failed(fileProblem('TOO_LARGE', `文件有 ${rowCount} 行，工作日调整一次最多导入 ${MAX_OVERRIDE_ROWS} 行。只需列出与国家法定节假日安排不同的日期`));
  }
  const { tables, problems } = readTables<OverrideColumn>(grids, [OVERRIDE_TABLE]);
  if (tables.length === 0 && problems.length === 0) {
    problems.push(fileProblem('MISSING_HEADER', '在文件的前几行中找不到「日期」「类型」表头。请按模板填写：日期、类型（工作日/休息日）、说明'));
  }
  const overrides: OverrideRow[] = [];
  const seen = new Map<string, number>();
  for (const table of tables) {
    for (const row of table.rows) {
      const read = readRow(row, problems);
      if (!read) continue;
      const first = seen.get(read.date);
      if (first !== undefined) {
        problems.push(sheetProblem(row.at, row.column('date'), row.letter('date'), 'DUPLICATE', `日期 ${read.date} 与第${first}行重复。每个日期只能写一行`));
        continue;
      }
      seen.set(read.date, row.row);
      overrides.push(read);
    }
  }
  if (problems.length === 0 && overrides.length === 0) problems.push(fileProblem('EMPTY_FILE', '文件中没有任何调整的日期'));
  return { overrides: problems.length > 0 ? [] : overrides.sort((a, b) => a.date.localeCompare(b.date)), problems: sortProblems(problems) };
}

function readRow(row: TableRow<OverrideColumn>, problems: SheetProblem[]): OverrideRow | null {
  const at = row.at;
  const before = problems.length;
  const dateText = row.text('date');
  const kindText = row.text('kind');
  const note = row.text('note').replace(/\s+/g, ' ');
  let date: string | null = null;
  if (dateText !== '') {
    if (FORMULA_START.test(dateText)) {
      problems.push(sheetProblem(at, row.column('date'), row.letter('date'), 'BAD_DATE', `「${dateText.slice(0, 20)}」是公式，不是日期。请直接填写日期，例如 2027-02-08`));
    } else {
      const parsed = parseDueDate(dateText);
      if (!parsed.ok) problems.push(sheetProblem(at, row.column('date'), row.letter('date'), 'BAD_DATE', parsed.reason));
      else if (Number(parsed.date.slice(0, 4)) < EARLIEST_OVERRIDE_YEAR || Number(parsed.date.slice(0, 4)) > LATEST_OVERRIDE_YEAR) {
        problems.push(sheetProblem(at, row.column('date'), row.letter('date'), 'BAD_DATE', `日期 ${parsed.date} 不在 ${EARLIEST_OVERRIDE_YEAR}—${LATEST_OVERRIDE_YEAR} 年之间`));
      } else date = parsed.date;
    }
  }
  const kind = kindText === '' ? null : choiceOf<WorkingDayKind>(kindText, WORKING_DAY_KIND_LABELS, KIND_ALIASES);
  if (kindText !== '' && kind === null) {
    problems.push(sheetProblem(at, row.column('kind'), row.letter('kind'), 'BAD_CHOICE', `类型「${kindText.slice(0, 20)}」无法识别。请填写 ${choiceList(WORKING_DAY_KIND_LABELS)} 之一`));
  }
  if (FORMULA_START.test(note)) {
    problems.push(sheetProblem(at, row.column('note'), row.letter('note'), 'BAD_VALUE', '说明不能以 = + - @ 开头（在 Excel 中会被当作公式）。请删去开头的符号'));
  }
  if (problems.length > before || date === null || kind === null) return null;
  return { date, workday: kind === 'WORKDAY', note };
}

function failed(problem: SheetProblem): OverridesParse {
  return { overrides: [], problems: [problem] };
}
