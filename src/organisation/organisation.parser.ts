// Reads the organisation from its files: one .xlsx with a 单位 sheet and a 人员 sheet, or two .csv files (Excel
// saves one sheet per CSV file), each table recognised by its header wherever it is. Each cell is checked
// here; how rows relate (duplicates, a person's unit) is the validator's job. Every problem is collected.
import { CODE_PATTERN, choiceList, choiceOf, csvGrids, decodeCsvBytes, fileProblem, isBlankGrid, normaliseCode, readTables, sheetProblem, sortProblems, xlsxGrids, type Grid, type GridsRead, type SheetProblem, type TableRow, type TableSpec, oneLine } from '../platform/spreadsheet';
import { csvSheetName } from '../catalog/reference-upload';
import { readRobotKey, readDingtalkSecret } from './organisation.robots';
import {
  ROLE_LABELS,
  UNIT_KIND_LABELS,
  WORKING_GROUP_LABELS,
  type OrganisationParse,
  type PersonColumn,
  type PersonRow,
  type UnitColumn,
  type UnitRow,
} from './organisation.types';

export const UNIT_TABLE: TableSpec<UnitColumn> = {
  title: '单位',
  columns: [
    { key: 'unitCode', names: ['单位编码'], required: true, hint: '请填写单位编码，例如 WTSQ（字母、数字，登录名和任务编号中会用到）' },
    { key: 'unitName', names: ['单位名称'], required: true, hint: '请填写单位的全称，例如 外滩社区' },
    { key: 'unitKind', names: ['单位类别', '单位类型'], required: true, hint: `请填写 ${choiceList(UNIT_KIND_LABELS)} 之一` },
    { key: 'wecomRobot', names: ['企业微信群机器人', '企业微信机器人'], required: false, hint: '' },
    { key: 'dingtalkRobot', names: ['钉钉群机器人', '钉钉机器人'], required: false, hint: '' },
    { key: 'dingtalkSecret', names: ['钉钉加签密钥', '钉钉机器人密钥'], required: false, hint: '' },
  ],
};

export const PEOPLE_TABLE: TableSpec<PersonColumn> = {
  title: '人员',
  columns: [
    { key: 'login', names: ['登录名', '账号'], required: true, hint: '请填写登录名，例如 wtsq.member（字母、数字和 . _ - @）' },
    { key: 'displayName', names: ['姓名'], required: true, hint: '请填写姓名' },
    { key: 'role', names: ['角色'], required: true, hint: `请填写 ${choiceList(ROLE_LABELS)} 之一` },
    { key: 'unit', names: ['所属单位'], required: false, hint: '' },
    { key: 'group', names: ['工作小组'], required: false, hint: '' },
    { key: 'phone', names: ['手机', '手机号', '手机号码'], required: false, hint: '' },
    { key: 'email', names: ['邮箱', '电子邮箱', '电子邮件'], required: false, hint: '' },
  ],
};

/** Lower case after reading; letters, digits and . _ - @, beginning with a letter or digit, at most 64 characters. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
/** A mainland mobile number, with or without +86: 11 digits beginning with 1. */
const MOBILE = /^(?:\+?86)?(?<number>1[3-9]\d{9})$/;
/** An email address as mail servers take it: no spaces or quotes, one @, a dotted domain. Linear: the parts cannot overlap. */
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}$/;
export const MAX_EMAIL_LENGTH = 254;

export interface OrganisationFile {
  fileName: string;
  kind: 'xlsx' | 'csv';
  content: Buffer;
}

/** Reads every file; the tables may be spread over them in any order. */
export async function parseOrganisationFiles(files: readonly OrganisationFile[]): Promise<OrganisationParse> {
  const reads: GridsRead[] = [];
  for (const file of files) {
    reads.push(file.kind === 'xlsx' ? await xlsxGrids(file.content) : csvGrids(decodeCsvBytes(file.content), csvSheetName(file.fileName)));
  }
  const unreadable = reads.flatMap((read) => (read.ok ? [] : [read.problem]));
  if (unreadable.length > 0) return { units: [], people: [], problems: unreadable };
  const csvSheets = files.filter((f) => f.kind === 'csv').map((f) => csvSheetName(f.fileName));
  return parseOrganisationGrids(reads.flatMap((read) => (read.ok ? read.grids : [])), csvSheets);
}

/**
 * The 单位 and 人员 tables in the grids. Sheets of a workbook without either header are left alone (they hold
 * instructions); a CSV file without either is reported, since it was sent for a reason.
 */
export function parseOrganisationGrids(allGrids: readonly Grid[], csvSheets: readonly string[] = []): OrganisationParse {
  const grids = allGrids.filter((g) => !isBlankGrid(g));
  if (grids.length === 0) return failed(fileProblem('EMPTY_FILE', '文件是空的，没有任何内容。请选择填好的单位表和人员表重新导入'));
  const { tables, problems } = readTables<UnitColumn | PersonColumn>(grids, [UNIT_TABLE, PEOPLE_TABLE]);
  const found = new Set(tables.map((t) => t.layout.sheet));
  for (const sheet of csvSheets) {
    if (found.has(sheet) || !grids.some((g) => g.sheet === sheet)) continue;
    problems.push(fileProblem('MISSING_HEADER', `在文件「${sheet}」的前几行中找不到单位表或人员表的表头。${headerHelp()}`, sheet));
  }
  const units: UnitRow[] = [];
  const people: PersonRow[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      if (table.spec === 0) units.push(readUnit(row as TableRow<UnitColumn>, problems));
      else people.push(readPerson(row as TableRow<PersonColumn>, problems));
    }
  }
  (['单位表', '人员表'] as const).forEach((name, spec) => {
    const found = tables.filter((t) => t.spec === spec);
    if (found.length === 0) {
      problems.push(fileProblem('MISSING_HEADER', `找不到${name}。组织机构须同时导入单位表和人员表（.xlsx 的两个工作表，或两个 .csv 文件）。${headerHelp()}`));
    } else if (found.every((t) => t.rows.length === 0)) {
      // A table with its header and nothing under it would import as "no units" or "no people": refused instead.
      problems.push(fileProblem('EMPTY_FILE', `${name}的表头下面没有任何内容。请在表头下方每${spec === 0 ? '个单位' : '个人'}填写一行`, found[0].layout.sheet));
    }
  });
  return { units, people, problems: sortProblems(problems) };
}

function headerHelp(): string {
  const names = (spec: TableSpec<string>) => spec.columns.map((c) => `${c.names[0]}${c.required ? '' : '（可选）'}`).join('、');
  return `单位表的表头：${names(UNIT_TABLE)}；人员表的表头：${names(PEOPLE_TABLE)}`;
}

function failed(p: SheetProblem): OrganisationParse {
  return { units: [], people: [], problems: [p] };
}

function columnsOf<K extends string>(row: TableRow<K>, spec: TableSpec<K>): Partial<Record<K, { name: string; letter: string | null }>> {
  const columns: Partial<Record<K, { name: string; letter: string | null }>> = {};
  for (const c of spec.columns) columns[c.key] = { name: row.column(c.key), letter: row.letter(c.key) };
  return columns;
}

function reporter<K extends string>(row: TableRow<K>, problems: SheetProblem[]) {
  return (key: K, code: SheetProblem['code'], detail: string) => problems.push(sheetProblem(row.at, row.column(key), row.letter(key), code, detail));
}

function readUnit(row: TableRow<UnitColumn>, problems: SheetProblem[]): UnitRow {
  const report = reporter(row, problems);
  let code: string | null = null;
  if (row.text('unitCode') !== '') {
    code = normaliseCode(row.text('unitCode'));
    if (!CODE_PATTERN.test(code)) {
      report('unitCode', 'BAD_VALUE', `单位编码「${oneLine(row.text('unitCode'))}」不符合要求。编码只能由字母、数字和 . _ - 组成，以字母或数字开头，不超过 32 个字符，例如 WTSQ`);
      code = null;
    }
  }
  let kind: UnitRow['kind'] = null;
  if (row.text('unitKind') !== '') {
    kind = choiceOf(row.text('unitKind'), UNIT_KIND_LABELS);
    if (!kind) report('unitKind', 'BAD_CHOICE', `无法识别单位类别「${oneLine(row.text('unitKind'))}」。请填写 ${choiceList(UNIT_KIND_LABELS)} 之一`);
  }
  return { sheet: row.sheet, row: row.row, code, name: oneLine(row.text('unitName')) || null, kind, robots: readRobots(row, report), columns: columnsOf(row, UNIT_TABLE) };
}

/** The unit's group robots, when the table has any robot column; each value is checked, a bad one reported. */
function readRobots(row: TableRow<UnitColumn>, report: (key: UnitColumn, code: SheetProblem['code'], detail: string) => void): UnitRow['robots'] {
  if (row.letter('wecomRobot') === null && row.letter('dingtalkRobot') === null && row.letter('dingtalkSecret') === null) return null;
  const read = (key: UnitColumn, parse: (text: string) => { ok: true; value: string } | { ok: false; message: string }) => {
    if (row.text(key) === '') return null;
    const result = parse(row.text(key));
    if (result.ok) return result.value;
    report(key, 'BAD_VALUE', result.message);
    return null;
  };
  const robots = {
    wecomKey: read('wecomRobot', (text) => readRobotKey('WECOM', text)),
    dingtalkToken: read('dingtalkRobot', (text) => readRobotKey('DINGTALK', text)),
    dingtalkSecret: read('dingtalkSecret', readDingtalkSecret),
  };
  if (robots.dingtalkSecret !== null && row.text('dingtalkRobot') === '') {
    report('dingtalkSecret', 'BAD_VALUE', '填写了钉钉加签密钥，但没有填写钉钉群机器人。请同时填写机器人的 Webhook 地址，或删去密钥');
  }
  return robots;
}

function readPerson(row: TableRow<PersonColumn>, problems: SheetProblem[]): PersonRow {
  const report = reporter(row, problems);
  let login: string | null = null;
  if (row.text('login') !== '') {
    login = oneLine(row.text('login')).normalize('NFKC').toLowerCase();
    if (!LOGIN_PATTERN.test(login)) {
      report('login', 'BAD_VALUE', `登录名「${oneLine(row.text('login'))}」不符合要求。登录名只能由字母、数字和 . _ - @ 组成，以字母或数字开头，不超过 64 个字符，例如 wtsq.member`);
      login = null;
    }
  }
  let role: PersonRow['role'] = null;
  if (row.text('role') !== '') {
    role = choiceOf(row.text('role'), ROLE_LABELS);
    if (!role) report('role', 'BAD_CHOICE', `无法识别角色「${oneLine(row.text('role'))}」。请填写 ${choiceList(ROLE_LABELS)} 之一`);
  }
  let group: PersonRow['group'] = null;
  if (row.text('group') !== '') {
    group = choiceOf(row.text('group'), WORKING_GROUP_LABELS);
    if (!group) report('group', 'BAD_CHOICE', `无法识别工作小组「${oneLine(row.text('group'))}」。请填写 ${choiceList(WORKING_GROUP_LABELS)} 之一，不在工作小组的留空`);
  }
  let phone: string | null = null;
  if (row.text('phone') !== '') {
    const number = MOBILE.exec(row.text('phone').normalize('NFKC').replace(/[\s\-()（）]/g, ''))?.groups?.number;
    if (number) phone = number;
    else {
      report('phone', 'BAD_VALUE', `手机号「${oneLine(row.text('phone'))}」不是有效的 11 位手机号。请填写例如 13800138000；Excel 显示成 1.38E+10 时，请把这一列设为「文本」后重新输入`);
    }
  }
  let email: string | null = null;
  if (row.text('email') !== '') {
    const written = row.text('email').normalize('NFKC').trim();
    if (written.length <= MAX_EMAIL_LENGTH && EMAIL.test(written)) email = written.toLowerCase();
    else {
      report('email', 'BAD_VALUE', `邮箱「${oneLine(row.text('email')).slice(0, 80)}」不是有效的电子邮箱地址（最长 ${MAX_EMAIL_LENGTH} 个字符）。请填写例如 zhangsan@example.gov.cn，不需要时留空`);
    }
  }
  return {
    sheet: row.sheet,
    row: row.row,
    login,
    displayName: oneLine(row.text('displayName')) || null,
    role,
    unit: oneLine(row.text('unit')) || null,
    group,
    phone,
    email,
    columns: columnsOf(row, PEOPLE_TABLE),
  };
}
