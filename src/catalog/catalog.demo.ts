// The demo catalog's criteria and archive materials. catalog.csv has one standard per indicator, so each demo
// indicator gets one criterion (its standard, method and points) and materials that suit how it is assessed.
// Illustrative, like the catalog itself.
import type { Db } from '../database/database';
import { readDemoCatalog, type DemoCatalogRow } from '../demo/demo-data';
import { ASSESSMENT_METHODS, criterionCode, materialCode, type AssessmentMethod } from './catalog.types';

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

/**
 * Inserts the demo criteria and materials; rows already there are left alone, so it is safe to call again.
 * Needs the demo indicators (insertDemoReferenceData) first.
 */
export async function insertDemoCatalogDetails(db: Db, catalog: readonly DemoCatalogRow[] = readDemoCatalog()): Promise<void> {
  const criteria = demoCriteria(catalog);
  const materials = demoMaterials(catalog);
  if (criteria.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('criteria')
      .values(criteria.map((c) => ({ code: c.code, indicator_code: c.indicatorCode, position: c.position, content: c.content, method: c.method, points: c.points, deduction_rule: c.deductionRule })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('archive_materials')
      .values(materials.map((m) => ({ code: m.code, indicator_code: m.indicatorCode, position: m.position, name: m.name })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}
