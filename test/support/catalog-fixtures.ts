// Builds catalogs and organisations as offices lay them out (.xlsx in memory with exceljs, and CSV text), and
// the demo's catalog and organisation as the database holds them after seeding. Used by the catalog and
// organisation specs; not a spec itself.
import { DEMO_UNITS, DEMO_USERS } from '../../src/demo/demo-organisation';
import { ROLE_LABELS, UNIT_KIND_LABELS, type Organisation, type UnitKind } from '../../src/organisation/organisation.types';
import type { Cell } from './breakdown-fixtures';

export { xlsx, type Cell, type SheetSpec } from './breakdown-fixtures';
/** The demo catalog as the database holds it after the demo seeding (insertDemoReferenceData): its version 1. */
export { demoCatalog } from '../../src/demo/demo-catalog';

/** Select ChangeCounts and ImportProblem (src/platform/graphql/graphql.generated.ts) in full. */
export const IMPORT_COUNTS_FIELDS = 'total created changed unchanged removed';
export const IMPORT_PROBLEM_FIELDS = 'sheet row column columnLetter code message';

export const CATALOG_HEADER = ['测评项目编码', '测评项目', '指标编码', '测评指标', '测评内容', '测评方法', '分值', '扣分规则', '档案材料', '专项整治领域'] as const;
export type CatalogHeader = (typeof CATALOG_HEADER)[number];
export const CATALOG_LETTERS: Record<CatalogHeader, string> = Object.fromEntries(CATALOG_HEADER.map((h, i) => [h, String.fromCharCode(65 + i)])) as Record<CatalogHeader, string>;

/** One criterion row in CATALOG_HEADER's order; columns not given are left empty. */
export function catalogRow(values: Partial<Record<CatalogHeader, Cell>>): Cell[] {
  return CATALOG_HEADER.map((h) => values[h] ?? null);
}

/** A criterion of the demo's A1 with the given changes: a clean row to break one cell of. */
export function a1Row(values: Partial<Record<CatalogHeader, Cell>> = {}): Cell[] {
  return catalogRow({
    测评项目编码: 'A',
    测评项目: '思想道德与核心价值观宣传',
    指标编码: 'A1',
    测评指标: '主次干道公益广告密度',
    测评内容: '主次干道每200米不少于1处公益广告；每缺一处扣0.5分',
    测评方法: '实地考察',
    分值: 3,
    扣分规则: '每缺一处扣0.5分',
    档案材料: '整改前后照片',
    专项整治领域: '市容市貌',
    ...values,
  });
}

/** RFC 4180 text: fields with commas, quotes or line breaks quoted. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  const field = (cell: Cell) => {
    const text = cell === null || cell === undefined ? '' : String(cell as string | number);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n');
}

// ---------------------------------------------------------------------------------------------------------
// The organisation

export const UNIT_HEADER = ['单位编码', '单位名称', '单位类别'] as const;
export const PEOPLE_HEADER = ['登录名', '姓名', '角色', '所属单位', '工作小组', '手机'] as const;
export type PeopleHeader = (typeof PEOPLE_HEADER)[number];

export function personRow(values: Partial<Record<PeopleHeader, Cell>>): Cell[] {
  return PEOPLE_HEADER.map((h) => values[h] ?? null);
}

/** The demo's units as a 单位 table's rows, kinds in Chinese. */
export function demoUnitRows(): Cell[][] {
  return DEMO_UNITS.map((u) => [u.code, u.name, UNIT_KIND_LABELS[u.kind as UnitKind]]);
}

/** The demo's people as a 人员 table's rows: units by name, roles in Chinese; supervisors' and archivists' groups implied. */
export function demoPeopleRows(): Cell[][] {
  const unitName = new Map<string, string>(DEMO_UNITS.map((u) => [u.code, u.name]));
  return DEMO_USERS.map((u) => personRow({ 登录名: u.login, 姓名: u.displayName, 角色: ROLE_LABELS[u.role], 所属单位: u.unitCode ? (unitName.get(u.unitCode) ?? null) : null }));
}

/** The demo organisation as the database holds it after insertDemoReferenceData (no groups, no phones). */
export function demoOrganisation(): Organisation {
  return {
    units: DEMO_UNITS.map((u) => ({ code: u.code, name: u.name, kind: u.kind as UnitKind })),
    people: DEMO_USERS.map((u) => ({ login: u.login, displayName: u.displayName, role: u.role, unitCode: u.unitCode, groups: [], phone: null, email: null })),
  };
}
