// The demo catalog with its criteria and archive materials, and its seeding as version 1. catalog.csv has one
// standard per indicator, so each demo indicator gets one criterion (its standard, method and points) and
// materials that suit how it is assessed. Illustrative, like the catalog itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Db } from '../platform/database/database';
import { projectRoot } from '../platform/runtime/project-paths';
import { tokenizeCsv } from '../platform/spreadsheet';
import { seedCatalog } from '../catalog/catalog.repository';
import { ASSESSMENT_METHODS, RECTIFICATION_AREAS, criterionCode, materialCode, type AssessmentMethod, type Catalog, type RectificationArea } from '../catalog/catalog.types';

export interface DemoCatalogRow {
  code: string;
  item: string;
  indicator: string;
  method: string;
  points: number;
  standard: string;
  area: string | null;
}

export function readDemoCatalog(): DemoCatalogRow[] {
  const file = path.join(projectRoot(), 'src/demo/data/catalog.csv');
  const grid = tokenizeCsv(fs.readFileSync(file, 'utf8'));
  if (!grid.ok) throw new Error(`演示测评体系 ${file} 第 ${grid.unterminatedQuoteRecord} 行引号未闭合`);
  const [header, ...records] = grid.records.filter((r) => r.some((cell) => cell.trim() !== ''));
  const rows = records.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
  return rows.map((r) => ({
    code: r.code,
    item: r.item,
    indicator: r.indicator,
    method: r.method,
    points: Number(r.points),
    standard: r.standard,
    area: r.area === '' ? null : r.area,
  }));
}


export const DEFAULT_DEDUCTION_RULE = '不符合要求的，扣除本项分值';

export interface DemoCriterion {
  code: string;
  indicatorCode: string;
  position: number;
  content: string;
  method: AssessmentMethod;
  points: number;
  deductionRule: string;
}

export interface DemoMaterial {
  code: string;
  indicatorCode: string;
  position: number;
  name: string;
}

function methodOf(row: DemoCatalogRow): AssessmentMethod {
  const method = ASSESSMENT_METHODS.find((m) => m === row.method);
  if (!method) throw new Error(`演示测评体系中指标 ${row.code} 的测评方法「${row.method}」无效`);
  return method;
}

/** One criterion per indicator: `<indicator>-1`, the standard as its content; what follows '；' is how points are deducted. */
export function demoCriteria(catalog: readonly DemoCatalogRow[]): DemoCriterion[] {
  return catalog.map((row) => {
    const rule = row.standard.split('；').slice(1).join('；').trim();
    return {
      code: criterionCode(row.code, 1),
      indicatorCode: row.code,
      position: 1,
      content: row.standard,
      method: methodOf(row),
      points: row.points,
      deductionRule: rule === '' ? DEFAULT_DEDUCTION_RULE : rule,
    };
  });
}

/** Material reviews want the ledger and its photos; surveys their questionnaires; the rest before-and-after photos. */
const MATERIALS_BY_METHOD: Record<AssessmentMethod, string[]> = {
  MATERIAL: ['台账', '照片'],
  SURVEY: ['问卷及统计结果'],
  FIELD: ['整改前后照片'],
  SIMULATED: ['整改前后照片'],
};

export function demoMaterials(catalog: readonly DemoCatalogRow[]): DemoMaterial[] {
  return catalog.flatMap((row) =>
    MATERIALS_BY_METHOD[methodOf(row)].map((name, index) => ({ code: materialCode(row.code, index + 1), indicatorCode: row.code, position: index + 1, name })),
  );
}

/** The demo catalog's title: like the catalog, illustrative. */
export const DEMO_CATALOG_TITLE = '全国文明城区测评体系（演示用，示意性）';

/** The whole demo catalog: items by their indicators' letter, one criterion per indicator, its materials. */
export function demoCatalog(catalog: readonly DemoCatalogRow[] = readDemoCatalog()): Catalog {
  const criteria = demoCriteria(catalog);
  const materials = demoMaterials(catalog);
  return {
    items: [...new Map(catalog.map((r) => [r.code.charAt(0), r.item])).entries()].map(([code, name]) => ({ code, name })),
    indicators: catalog.map((r) => ({
      code: r.code,
      itemCode: r.code.charAt(0),
      name: r.indicator,
      method: methodOf(r),
      points: r.points,
      standard: r.standard,
      area: areaOf(r),
      criteria: criteria.filter((c) => c.indicatorCode === r.code).map(({ indicatorCode: _i, ...c }) => c),
      materials: materials.filter((m) => m.indicatorCode === r.code).map(({ indicatorCode: _i, ...m }) => m),
    })),
  };
}

function areaOf(row: DemoCatalogRow): RectificationArea | null {
  if (row.area === null) return null;
  const area = RECTIFICATION_AREAS.find((a) => a === row.area);
  if (!area) throw new Error(`演示测评体系中指标 ${row.code} 的专项整治领域「${row.area}」无效`);
  return area;
}

/**
 * Writes the demo catalog as version 1 through the import's write path, so that its first version, its
 * snapshot and its changes are those of any import. A catalog already there is kept (and versioned if it
 * had no version yet), so it is safe to call again.
 */
export async function seedDemoCatalog(db: Db, catalog: readonly DemoCatalogRow[] = readDemoCatalog()): Promise<void> {
  await seedCatalog(db, demoCatalog(catalog), DEMO_CATALOG_TITLE);
}
