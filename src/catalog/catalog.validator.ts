// From criterion rows to a whole catalog: rows of one indicator must agree on its item, name and area; item
// codes come from the file, else from the catalog as it stands, else from the indicators' common letter
// prefix (A1, A2 → A); an indicator that tasks use may not disappear. Every problem is collected; the catalog
// is handed out only when there is none. Then what it changes against the catalog as it stands.
import { nameKey, sheetProblem, type At, type SheetProblem } from '../platform/spreadsheet';
import { changesOf, diffBy, removedInUse, type ChangeCounts, type ReferenceChange } from './reference-diff';
import {
  MAX_POINTS,
  criterionCode,
  materialCode,
  type Catalog,
  type CatalogColumn,
  type CatalogPlanResult,
  type CatalogReference,
  type CatalogRow,
  type IndicatorPlan,
  type ItemPlan,
} from './catalog.types';

const LEADING_LETTERS = /^(?<letters>[A-Z]+)[0-9]/;

export function planCatalog(rows: readonly CatalogRow[], reference: CatalogReference): CatalogPlanResult {
  const problems: SheetProblem[] = [];
  const report = (row: CatalogRow, column: CatalogColumn, code: SheetProblem['code'], detail: string) => {
    const c = row.columns[column];
    problems.push(sheetProblem(row, c?.name ?? column, c?.letter ?? null, code, detail));
  };

  const itemCodes = resolveItemCodes(rows, reference, report);
  const indicators = new Map<string, CatalogRow[]>();
  for (const row of rows) {
    if (row.indicatorCode) indicators.set(row.indicatorCode, [...(indicators.get(row.indicatorCode) ?? []), row]);
  }

  const planned: IndicatorPlan[] = [];
  const namesInItem = new Map<string, { code: string; row: CatalogRow }>();
  for (const [code, group] of indicators) {
    const first = group[0];
    for (const row of group.slice(1)) {
      const same = (a: string | null, b: string | null) => a === null || b === null || nameKey(a) === nameKey(b);
      if (!same(first.itemName, row.itemName)) {
        report(row, 'itemName', 'INCONSISTENT', `指标 ${code} 在${where(first, row)}属于测评项目「${first.itemName}」，这里却是「${row.itemName}」。同一指标的各行须属于同一测评项目`);
      }
      if (!same(first.indicatorName, row.indicatorName)) {
        report(row, 'indicatorName', 'INCONSISTENT', `指标编码 ${code} 在${where(first, row)}的名称是「${first.indicatorName}」，这里却是「${row.indicatorName}」。同一编码只能对应一个指标`);
      }
    }
    const withArea = group.filter((r) => r.area !== null);
    for (const row of withArea.slice(1)) {
      if (row.area !== withArea[0].area) {
        report(row, 'area', 'INCONSISTENT', `指标 ${code} 的专项整治领域在${where(withArea[0], row)}与这一行不同。一个指标只属于一个专项整治领域，请改成一致（或只在第一行填写）`);
      }
    }
    const contents = new Map<string, CatalogRow>();
    for (const row of group) {
      if (row.content === null) continue;
      const earlier = contents.get(nameKey(row.content));
      if (earlier) report(row, 'content', 'DUPLICATE', `指标 ${code} 的这条测评内容与${where(earlier, row)}相同。请删除重复的一行`);
      else contents.set(nameKey(row.content), row);
    }
    const total = round2(group.reduce((sum, r) => sum + (r.points ?? 0), 0));
    if (total > MAX_POINTS) {
      report(group[group.length - 1], 'points', 'BAD_VALUE', `指标 ${code} 各条测评内容的分值合计 ${total} 分，超过 ${MAX_POINTS} 分的上限。请核对分值`);
    }

    const itemCode = first.itemName === null ? undefined : itemCodes.get(nameKey(first.itemName));
    if (itemCode && first.indicatorName) {
      const key = `${itemCode}\u0000${nameKey(first.indicatorName)}`;
      const earlier = namesInItem.get(key);
      if (earlier) {
        report(first, 'indicatorName', 'DUPLICATE', `测评项目「${first.itemName}」中已有名为「${first.indicatorName}」的指标（编码 ${earlier.code}，${where(earlier.row, first)}）。同一测评项目中的指标名称不能重复`);
      } else namesInItem.set(key, { code, row: first });
    }
    const plan = indicatorPlan(code, itemCode, group, withArea[0]?.area ?? null);
    if (plan) planned.push(plan);
  }

  problems.push(
    ...removedInUse(
      reference.indicatorsInUse,
      new Set(indicators.keys()),
      reference.current.indicators,
      (indicator, tasks) => `文件中没有指标「${indicator}」，但还有 ${tasks} 项任务使用它，不能删除。请把它保留在测评体系中（编码不变），或先在任务分解表中撤销这些任务`,
    ),
  );

  const items = [...new Map([...itemCodes].map(([key, code]) => [code, itemName(rows, key)])).entries()].map(([code, name]) => ({ code, name }));
  return { catalog: problems.length === 0 ? { items, indicators: planned } : { items: [], indicators: [] }, problems };
}

function itemName(rows: readonly CatalogRow[], key: string): string {
  return rows.find((r) => r.itemName !== null && nameKey(r.itemName) === key)?.itemName ?? key;
}

/** 第3行, or 工作表「…」第3行 when the earlier row is on another sheet. */
function where(earlier: At, row: At): string {
  return earlier.sheet === row.sheet ? `第${earlier.row}行` : `工作表「${earlier.sheet}」第${earlier.row}行`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function indicatorPlan(code: string, itemCode: string | undefined, group: CatalogRow[], area: IndicatorPlan['area']): IndicatorPlan | null {
  const first = group[0];
  if (!itemCode || !first.indicatorName) return null;
  const criteria = [];
  for (const row of group) {
    if (row.content === null || row.method === null || row.points === null) return null;
    criteria.push({ code: criterionCode(code, criteria.length + 1), position: criteria.length + 1, content: row.content, method: row.method, points: row.points, deductionRule: row.deductionRule });
  }
  const materialNames = new Map<string, string>();
  for (const name of group.flatMap((r) => r.materials)) if (!materialNames.has(nameKey(name))) materialNames.set(nameKey(name), name);
  return {
    code,
    itemCode,
    name: first.indicatorName,
    method: criteria[0].method,
    points: round2(criteria.reduce((sum, c) => sum + c.points, 0)),
    standard: criteria.map((c) => c.content).join('\n'),
    area,
    criteria,
    materials: [...materialNames.values()].map((name, i) => ({ code: materialCode(code, i + 1), position: i + 1, name })),
  };
}

type Report = (row: CatalogRow, column: CatalogColumn, code: SheetProblem['code'], detail: string) => void;

/** Item name key → item code, for every item of the file whose code could be settled. */
function resolveItemCodes(rows: readonly CatalogRow[], reference: CatalogReference, report: Report): Map<string, string> {
  const items = new Map<string, { rows: CatalogRow[]; written: { code: string; row: CatalogRow } | null }>();
  const namesOfCode = new Map<string, { key: string; row: CatalogRow }>();
  for (const row of rows) {
    if (row.itemName === null) continue;
    const key = nameKey(row.itemName);
    const item = items.get(key) ?? { rows: [], written: null };
    items.set(key, item);
    item.rows.push(row);
    if (row.itemCode === null) continue;
    if (item.written && item.written.code !== row.itemCode) {
      report(row, 'itemCode', 'INCONSISTENT', `测评项目「${row.itemName}」在${where(item.written.row, row)}的编码是 ${item.written.code}，这里却是 ${row.itemCode}。同一测评项目只能有一个编码`);
      continue;
    }
    item.written ??= { code: row.itemCode, row };
    const other = namesOfCode.get(row.itemCode);
    if (other && other.key !== key) {
      report(row, 'itemCode', 'INCONSISTENT', `测评项目编码 ${row.itemCode} 在${where(other.row, row)}用于测评项目「${other.row.itemName}」，这里却用于「${row.itemName}」。不同测评项目的编码不能相同`);
    } else namesOfCode.set(row.itemCode, { key, row });
  }

  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const [key, item] of items) {
    if (item.written) {
      codes.set(key, item.written.code);
      taken.add(item.written.code);
    }
  }
  const existing = new Map(reference.current.items.map((i) => [nameKey(i.name), i.code]));
  const settle = (key: string, code: string | undefined) => {
    if (code === undefined || taken.has(code)) return false;
    codes.set(key, code);
    taken.add(code);
    return true;
  };
  for (const [key, item] of items) if (!item.written) settle(key, existing.get(key));
  for (const [key, item] of items) {
    if (codes.has(key)) continue;
    const prefixes = new Set(item.rows.map((r) => (r.indicatorCode ? LEADING_LETTERS.exec(r.indicatorCode)?.groups?.letters : undefined)));
    const derived = prefixes.size === 1 ? [...prefixes][0] : undefined;
    if (!settle(key, derived)) {
      report(
        item.rows[0],
        'itemCode',
        'MISSING_VALUE',
        `无法确定测评项目「${item.rows[0].itemName}」的编码：它不在现有测评体系中，其指标编码也没有共同的字母前缀${derived ? `（前缀 ${derived} 已被其他测评项目使用）` : ''}。请在「测评项目编码」列中填写，例如 K`,
      );
    }
  }
  // In the order the file names the items.
  return new Map([...items.keys()].flatMap((key) => (codes.has(key) ? [[key, codes.get(key) ?? '']] : [])));
}

// ---------------------------------------------------------------------------------------------------------
// What a clean catalog changes

export interface CatalogDiff {
  counts: { items: ChangeCounts; indicators: ChangeCounts; criteria: number; materials: number };
  changes: ReferenceChange[];
  /** Codes to write: items and indicators created or changed, and those to delete. */
  write: { items: ItemPlan[]; indicators: IndicatorPlan[]; removedItems: string[]; removedIndicators: string[] };
}

export function diffCatalog(current: Catalog, next: Catalog): CatalogDiff {
  const items = diffBy(current.items, next.items, (i) => i.code, (a, b) => a.name === b.name);
  const indicators = diffBy(current.indicators, next.indicators, (i) => i.code, sameIndicator);
  return {
    counts: {
      items: items.counts,
      indicators: indicators.counts,
      criteria: next.indicators.reduce((n, i) => n + i.criteria.length, 0),
      materials: next.indicators.reduce((n, i) => n + i.materials.length, 0),
    },
    changes: [...changesOf(items, 'ASSESSMENT_ITEM', (i) => i), ...changesOf(indicators, 'INDICATOR', (i) => i)],
    write: {
      items: [...items.created, ...items.changed.map((c) => c.after)],
      indicators: [...indicators.created, ...indicators.changed.map((c) => c.after)],
      removedItems: items.removed.map((i) => i.code),
      removedIndicators: indicators.removed.map((i) => i.code),
    },
  };
}

function sameIndicator(a: IndicatorPlan, b: IndicatorPlan): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

/** Everything an import sets, in one order; codes of criteria and materials follow from their positions. */
function comparable(i: IndicatorPlan) {
  return [
    i.itemCode,
    i.name,
    i.method,
    round2(i.points),
    i.standard,
    i.area,
    i.criteria.map((c) => [c.content, c.method, round2(c.points), c.deductionRule]),
    i.materials.map((m) => m.name),
  ];
}
