// Checks parsed breakdown rows against the unit roster and the assessment catalog and plans one task per
// (indicator, responsible unit). Every problem of every row is collected; the tasks are handed out only when
// there is none, because an import is all or nothing.
import { endOfDayShanghai, parseDueDate } from './task-breakdown.dates';
import { problem, closestName, nameKey } from '../platform/spreadsheet';
import { PeopleIndex } from './task-breakdown.people';
import type {
  BreakdownHeader,
  BreakdownReference,
  BreakdownRow,
  ImportProblem,
  PlanResult,
  PlannedTask,
} from './task-breakdown.types';

type Unit = BreakdownReference['units'][number];
type Indicator = BreakdownReference['indicators'][number];

const UNIT_SEPARATORS = /[、,，;；\n]+/;
/** A code written before the indicator's name: 'A1 主次干道公益广告密度', 'A1、…', 'A1' alone, 'C2-1 …'. */
const LEADING_CODE = /^(?<code>[A-Za-z]{1,3}\d{1,3}(?:[.-]\d{1,3})*)(?!\d)[\s、.:)-]*(?<rest>.*)$/s;
/** Numbering in front of an item name: 一、 (一) 1. A、 */
const ITEM_NUMBERING = /^(?:\(\s*[一二三四五六七八九十\d]+\s*\)|[一二三四五六七八九十]+\s*[、.]|\d+\s*[、.]|[A-Za-z]\s*[、.:\s])\s*/;

export function planTasks(rows: readonly BreakdownRow[], reference: BreakdownReference): PlanResult {
  const catalog = new Reference(reference);
  const people = new PeopleIndex(reference.people ?? [], (code) => reference.units.find((u) => u.code === code)?.name ?? code);
  const problems: ImportProblem[] = [];
  const tasks: PlannedTask[] = [];
  const firstRowOf = new Map<string, { sheet: string; row: number }>();

  for (const row of rows) {
    const report = (column: BreakdownHeader, code: ImportProblem['code'], detail: string) =>
      problems.push(problem(row, column, row.columnLetters?.[column] ?? null, code, detail));

    const indicator = catalog.indicator(row);
    if (!indicator.found) report('测评指标', 'UNKNOWN_INDICATOR', indicator.problem);

    const lead = catalog.unit(row.leadUnitName);
    if (!lead) report('牵头单位', 'UNKNOWN_UNIT', catalog.unknownLeadUnit(row.leadUnitName));

    // An incomplete row's date problem is reported by the parser already; its units and indicator are still checked.
    // Rows built elsewhere get the date check instead of a RangeError.
    const due = row.incomplete ? null : parseDueDate(row.due);
    if (due && !due.ok) report('完成时限', 'BAD_DATE', due.reason);

    // The 责任人 of the row, one per responsible unit it names (units the roster does not know are reported above).
    const rowUnits = row.responsibleUnitNames.flatMap((name) => catalog.unit(name)?.code ?? []);
    const named = people.resolve(row.responsiblePeople ?? [], rowUnits);
    for (const p of named.problems) report('责任人', p.code, p.detail);

    for (const name of row.responsibleUnitNames) {
      const unit = catalog.unit(name);
      if (!unit) {
        report('责任单位', 'UNKNOWN_UNIT', catalog.unknownUnit(name));
        continue;
      }
      if (!indicator.found) continue;
      const key = `${indicator.value.code}\u0000${unit.code}`;
      const earlier = firstRowOf.get(key);
      if (earlier) {
        report('责任单位', 'DUPLICATE', duplicateDetail(name, indicator.value, earlier, row));
        continue;
      }
      firstRowOf.set(key, { sheet: row.sheet, row: row.row });
      const person = named.byUnit.get(unit.code);
      if (lead && due?.ok) tasks.push({ ...plannedTask(row, indicator.value, unit, lead, due.date), ...(person ? { responsiblePerson: { login: person.login, name: person.name } } : {}) });
    }
  }
  return { tasks: problems.length === 0 ? tasks : [], problems };
}

function plannedTask(row: BreakdownRow, indicator: Indicator, unit: Unit, lead: Unit, due: string): PlannedTask {
  return {
    indicatorCode: indicator.code,
    unitCode: unit.code,
    leadUnitCode: lead.code,
    dueAt: endOfDayShanghai(due),
    classification: row.classification,
    source: { sheet: row.sheet, row: row.row },
  };
}

function duplicateDetail(name: string, indicator: Indicator, earlier: { sheet: string; row: number }, row: BreakdownRow): string {
  const what = `单位「${name}」承担指标「${indicator.code} ${indicator.name}」`;
  if (earlier.sheet === row.sheet && earlier.row === row.row) {
    return `${what}在这一格中写了两次（名称和编码指的是同一个单位）。请只保留一个`;
  }
  const where = earlier.sheet === row.sheet ? `第${earlier.row}行` : `工作表「${earlier.sheet}」第${earlier.row}行`;
  return `${what}已在${where}填写过，同一指标同一单位只能有一行。请删除重复的一行，或从这一格中去掉该单位`;
}

type IndicatorMatch = { found: true; value: Indicator } | { found: false; problem: string };

/** The roster and the catalog, indexed for matching by name (spaces and full-width forms ignored) or code. */
class Reference {
  private readonly unitsByKey = new Map<string, Unit>();
  private readonly indicatorsByCode = new Map<string, Indicator>();
  private readonly indicatorsByName = new Map<string, Indicator[]>();

  constructor(private readonly reference: BreakdownReference) {
    // Names first, then codes, so that a unit named like another's code still matches by its name.
    for (const unit of reference.units) this.unitsByKey.set(nameKey(unit.name), unit);
    for (const unit of reference.units) if (!this.unitsByKey.has(nameKey(unit.code))) this.unitsByKey.set(nameKey(unit.code), unit);
    for (const indicator of reference.indicators) {
      this.indicatorsByCode.set(nameKey(indicator.code), indicator);
      const key = nameKey(indicator.name);
      this.indicatorsByName.set(key, [...(this.indicatorsByName.get(key) ?? []), indicator]);
    }
  }

  unit(written: string): Unit | undefined {
    return this.unitsByKey.get(nameKey(written));
  }

  unknownUnit(written: string): string {
    const suggestion = closestName(written, this.reference.units.map((u) => u.name));
    return suggestion
      ? `找不到单位「${written}」。请使用单位名册中的名称（例如「${suggestion}」）`
      : `找不到单位「${written}」。请使用单位名册中的名称或编码`;
  }

  /** Several units in 牵头单位 deserve their own message: each may exist, but only one can lead. */
  unknownLeadUnit(written: string): string {
    const names = written.split(UNIT_SEPARATORS).map((n) => n.trim()).filter((n) => n !== '');
    if (names.length < 2) return this.unknownUnit(written);
    return `牵头单位只能填写一个单位，这里填了${names.map((n) => `「${n}」`).join('')}。请只保留一个牵头单位，其他单位填在「责任单位」中`;
  }

  indicator(row: BreakdownRow): IndicatorMatch {
    return this.byLeadingCode(row) ?? this.byName(row);
  }

  /** 'A1 主次干道公益广告密度' or 'A1': the code decides, and a name written after it must agree. */
  private byLeadingCode(row: BreakdownRow): IndicatorMatch | null {
    const parts = LEADING_CODE.exec(row.indicatorName.normalize('NFKC').trim())?.groups;
    const indicator = parts ? this.indicatorsByCode.get(nameKey(parts.code)) : undefined;
    if (!parts || !indicator) return null;
    if (parts.rest.trim() !== '' && nameKey(parts.rest) !== nameKey(indicator.name)) {
      return {
        found: false,
        problem: `编码「${indicator.code}」对应的指标是「${indicator.name}」，与填写的名称「${parts.rest.trim()}」不一致。请核对编码和指标名称`,
      };
    }
    return this.inItem(row, [indicator]);
  }

  private byName(row: BreakdownRow): IndicatorMatch {
    const candidates = this.indicatorsByName.get(nameKey(row.indicatorName)) ?? [];
    if (candidates.length > 0) return this.inItem(row, candidates);
    const sameItem = this.reference.indicators.filter((i) => sameItemName(i.itemName, row.itemName));
    const suggestion = closestName(row.indicatorName, (sameItem.length > 0 ? sameItem : this.reference.indicators).map((i) => i.name));
    const itemNote = sameItem.length > 0 ? '' : `（测评项目「${row.itemName}」也不在测评体系中）`;
    const hint = suggestion ? `请使用测评体系中的指标名称（例如「${suggestion}」）` : '请使用测评体系中的指标名称或编码';
    return { found: false, problem: `测评体系中没有指标「${row.indicatorName}」${itemNote}。${hint}` };
  }

  /** An indicator's name is only unique within its item: the row's 测评项目 must be the indicator's item. */
  private inItem(row: BreakdownRow, candidates: Indicator[]): IndicatorMatch {
    const match = candidates.find((i) => sameItemName(i.itemName, row.itemName));
    if (match) return { found: true, value: match };
    const items = [...new Set(candidates.map((i) => `「${i.itemName}」`))].join('或');
    return {
      found: false,
      problem: `指标「${row.indicatorName}」属于测评项目${items}，不属于「${row.itemName}」。请把这一行移到所属测评项目下，或改正测评项目`,
    };
  }
}

function sameItemName(a: string, b: string): boolean {
  return itemKey(a) === itemKey(b);
}

function itemKey(name: string): string {
  return nameKey(name.normalize('NFKC').trim().replace(ITEM_NUMBERING, ''));
}

export { formatProblems } from '../platform/spreadsheet/problems';
