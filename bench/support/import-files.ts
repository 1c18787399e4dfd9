// The office's files at a chosen size, as .xlsx laid out the way offices write them (a title row, then the
// header): a 测评体系 of N indicators, an organisation of U units with their people, and a 任务分解表 of N rows
// that gives each indicator to K responsible units. The columns are the ones the importers read
// (src/catalog/catalog.parser.ts, src/organisation/organisation.parser.ts, src/task-breakdown/task-breakdown.grid.ts).
import * as ExcelJS from 'exceljs';
import { DEMO_UNITS, DEMO_USERS } from '../../src/demo/demo-organisation';
import { ROLE_LABELS, UNIT_KIND_LABELS, type UnitKind } from '../../src/organisation/organisation.types';

type Cell = string | number | null;

async function workbook(sheets: { name: string; title: string | null; header: readonly string[]; rows: Cell[][] }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    if (spec.title) sheet.addRow([spec.title]);
    sheet.addRow([...spec.header]);
    for (const row of spec.rows) sheet.addRow(row);
    if (spec.title) sheet.mergeCells(1, 1, 1, spec.header.length);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Ten items, as the real 测评体系 has ten 测评项目. */
const ITEMS = [
  { code: 'A', name: '思想道德与核心价值观宣传', area: '市容市貌' },
  { code: 'B', name: '未成年人思想道德建设', area: null },
  { code: 'C', name: '环境卫生', area: '环境卫生' },
  { code: 'D', name: '交通秩序', area: '交通秩序' },
  { code: 'E', name: '社会治安', area: '社会治安' },
  { code: 'F', name: '集贸市场管理', area: '集贸市场' },
  { code: 'G', name: '窗口单位服务', area: '窗口服务' },
  { code: 'H', name: '市容市貌', area: '市容市貌' },
  { code: 'I', name: '志愿服务', area: null },
  { code: 'J', name: '创建工作组织与档案', area: null },
] as const;

export interface GeneratedIndicator {
  itemName: string;
  code: string;
  name: string;
}

/** N indicators spread over the ten items: A1, B1, …, J1, A2, … (codes stay within the breakdown's A999 form). */
export function generatedIndicators(n: number): GeneratedIndicator[] {
  return Array.from({ length: n }, (_, i) => {
    const item = ITEMS[i % ITEMS.length];
    const number = Math.floor(i / ITEMS.length) + 1;
    return { itemName: item.name, code: `${item.code}${number}`, name: `${item.name}第${number}项指标（基准测试）` };
  });
}

/** A 测评体系 of N indicators, one criterion each with one archive material. */
export async function catalogXlsx(n: number): Promise<Buffer> {
  const header = ['测评项目编码', '测评项目', '指标编码', '测评指标', '测评内容', '测评方法', '分值', '扣分规则', '档案材料', '专项整治领域'];
  const rows = generatedIndicators(n).map((indicator, i) => {
    const item = ITEMS[i % ITEMS.length];
    return [item.code, item.name, indicator.code, indicator.name, `${indicator.name}达到标准；每发现一处问题扣0.5分`, '实地考察', 1, '每处扣0.5分', '工作台账', item.area];
  });
  return workbook([{ name: '测评体系', title: '基准测试测评体系', header, rows }]);
}

export interface GeneratedUnit {
  code: string;
  name: string;
  kind: UnitKind;
}

/** The demo's twelve units, then as many more communities as asked for (U at least 12). */
export function generatedUnits(u: number): GeneratedUnit[] {
  const units: GeneratedUnit[] = DEMO_UNITS.map((d) => ({ code: d.code, name: d.name, kind: d.kind as UnitKind }));
  for (let i = units.length; i < u; i++) units.push({ code: `SQ${i + 1}`, name: `基准第${i + 1}社区`, kind: 'COMMUNITY' });
  return units;
}

/** The organisation: the units, the demo's people (the office among them) and a head and a member for every added unit. */
export async function organisationXlsx(units: readonly GeneratedUnit[]): Promise<Buffer> {
  const demoCodes = new Set<string>(DEMO_UNITS.map((d) => d.code));
  const unitName = new Map(units.map((unit) => [unit.code, unit.name]));
  const people: Cell[][] = DEMO_USERS.map((p) => [p.login, p.displayName, ROLE_LABELS[p.role], p.unitCode ? (unitName.get(p.unitCode) ?? null) : null, null, null]);
  for (const unit of units.filter((x) => !demoCodes.has(x.code))) {
    people.push([`${unit.code.toLowerCase()}.head`, `${unit.name}负责人`, ROLE_LABELS.UNIT_HEAD, unit.name, null, null]);
    people.push([`${unit.code.toLowerCase()}.member`, `${unit.name}工作人员`, ROLE_LABELS.UNIT_MEMBER, unit.name, null, null]);
  }
  return workbook([
    { name: '单位', title: null, header: ['单位编码', '单位名称', '单位类别'], rows: units.map((unit) => [unit.code, unit.name, UNIT_KIND_LABELS[unit.kind]]) },
    { name: '人员', title: null, header: ['登录名', '姓名', '角色', '所属单位', '工作小组', '手机'], rows: people },
  ]);
}

export interface BreakdownPlan {
  file: Buffer;
  /** (indicator code, unit code) of every task the file asks for. */
  tasks: { indicatorCode: string; unitCode: string }[];
}

const DUE_DATES = ['2027年3月31日', '2027-04-30', '2027/5/31', '2027.6.15'];

/**
 * A 任务分解表 of one row per indicator, each naming K responsible units in one cell (、-separated, as offices
 * write them) taken round-robin from the roster, so every unit gets a share; the lead is the row's first unit.
 */
export async function breakdownXlsx(indicators: readonly GeneratedIndicator[], units: readonly GeneratedUnit[], perRow: number): Promise<BreakdownPlan> {
  if (perRow > units.length) throw new Error(`${perRow} units per row but only ${units.length} units`);
  const header = ['序号', '测评项目', '测评指标', '测评内容', '牵头单位', '责任单位', '完成时限', '当前状态', '备注'];
  const tasks: BreakdownPlan['tasks'] = [];
  const rows = indicators.map((indicator, i) => {
    const responsible = Array.from({ length: perRow }, (_, k) => units[(i * perRow + k) % units.length]);
    for (const unit of responsible) tasks.push({ indicatorCode: indicator.code, unitCode: unit.code });
    return [String(i + 1), indicator.itemName, indicator.name, `${indicator.name}达到标准`, responsible[0].name, responsible.map((unit) => unit.name).join('、'), DUE_DATES[i % DUE_DATES.length], null, null];
  });
  const file = await workbook([{ name: '任务分解表', title: '基准测试街道创建全国文明城区任务分解表', header, rows }]);
  return { file, tasks };
}
