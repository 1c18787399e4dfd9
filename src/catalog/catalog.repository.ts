// The only place SQL about the assessment catalog lives.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DATABASE } from '../app/app.tokens';
import type { Db } from '../database/database';
import type { Database } from '../database/database.types';
import { DomainError } from '../errors/domain-error';
import type { AssessmentMethod, Catalog, CatalogReference, IndicatorPlan, ItemPlan, RectificationArea } from './catalog.types';
import type { CatalogDiff } from './catalog.validator';

export type CatalogWrite = CatalogDiff['write'];

/**
 * Reference-data imports (catalog and organisation) take this lock, one at a time, and a SHARE lock on
 * task_assignments, so that no task appears for an indicator or a unit between the check that nothing uses
 * it and its deletion.
 */
export async function lockForReferenceImport(trx: Transaction<Database>, what: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`reference-import:${what}`}, 0))`.execute(trx);
  await sql`lock table task_assignments in share mode`.execute(trx);
}

/** PostgreSQL's foreign_key_violation: a row still referenced by another table. */
export function isForeignKeyViolation(err: unknown): boolean {
  return (err as { code?: unknown })?.code === '23503';
}

@Injectable()
export class CatalogRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async catalog(db: Kysely<Database> = this.db): Promise<Catalog> {
    const [items, indicators, criteria, materials] = await Promise.all([
      db.selectFrom('assessment_items').select(['code', 'name']).execute(),
      db.selectFrom('indicators').select(['code', 'item_code', 'name', 'method', 'points', 'standard', 'area']).execute(),
      db.selectFrom('criteria').selectAll().orderBy('indicator_code').orderBy('position').execute(),
      db.selectFrom('archive_materials').select(['code', 'indicator_code', 'position', 'name']).orderBy('indicator_code').orderBy('position').execute(),
    ]);
    const criteriaOf = groupBy(criteria, (c) => c.indicator_code);
    const materialsOf = groupBy(materials, (m) => m.indicator_code);
    return {
      items: items.map((i): ItemPlan => ({ code: i.code, name: i.name })),
      indicators: indicators.map(
        (i): IndicatorPlan => ({
          code: i.code,
          itemCode: i.item_code,
          name: i.name,
          method: i.method as AssessmentMethod,
          points: Number(i.points),
          standard: i.standard,
          area: i.area as RectificationArea | null,
          criteria: (criteriaOf.get(i.code) ?? []).map((c) => ({
            code: c.code,
            position: c.position,
            content: c.content,
            method: c.method as AssessmentMethod,
            points: Number(c.points),
            deductionRule: c.deduction_rule,
          })),
          materials: (materialsOf.get(i.code) ?? []).map((m) => ({ code: m.code, position: m.position, name: m.name })),
        }),
      ),
    };
  }

  /** Indicator code → how many tasks (breakdown assignments and cards, of any campaign) use it. */
  async indicatorsInUse(db: Kysely<Database> = this.db): Promise<Map<string, number>> {
    const { rows } = await sql<{ indicator_code: string; tasks: number }>`
      select indicator_code, count(*)::int as tasks from (
        select campaign_id, indicator_code, unit_code from task_assignments
        union
        select campaign_id, indicator_code, unit_code from indicator_task_cards
      ) t group by indicator_code`.execute(db);
    return new Map(rows.map((r) => [r.indicator_code, r.tasks]));
  }

  /**
   * Reads the catalog and what uses it, lets `decide` check the file against them, and writes what it returns,
   * all in one transaction that no other reference import and no new task can interleave with.
   */
  async importing<T>(decide: (reference: CatalogReference) => { result: T; write: CatalogWrite | null }): Promise<T> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        await lockForReferenceImport(trx, 'catalog');
        const [current, indicatorsInUse] = await Promise.all([this.catalog(trx), this.indicatorsInUse(trx)]);
        const { result, write } = decide({ current, indicatorsInUse });
        if (write) await applyWrite(trx, write);
        return result;
      });
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new DomainError('CONFLICT', '要删除的测评指标仍被其他数据引用，测评体系未导入。请刷新后重新导入');
      throw err;
    }
  }
}

async function applyWrite(trx: Transaction<Database>, write: CatalogWrite): Promise<void> {
  // Item names are unique: move changed and removed items' names aside first, so that names may swap.
  const renamed = [...write.items.map((i) => i.code), ...write.removedItems];
  if (renamed.length > 0) {
    await trx
      .updateTable('assessment_items')
      .set({ name: sql<string>`'#' || code || '#导入中'` })
      .where('code', 'in', renamed)
      .execute();
  }
  for (const chunk of chunks(write.items)) {
    await trx
      .insertInto('assessment_items')
      .values(chunk.map((i) => ({ code: i.code, name: i.name })))
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: sql`excluded.name` }))
      .execute();
  }
  for (const chunk of chunks(write.indicators)) {
    await trx
      .insertInto('indicators')
      .values(chunk.map((i) => ({ code: i.code, item_code: i.itemCode, name: i.name, method: i.method, points: i.points, standard: i.standard, area: i.area })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          item_code: sql`excluded.item_code`,
          name: sql`excluded.name`,
          method: sql`excluded.method`,
          points: sql`excluded.points`,
          standard: sql`excluded.standard`,
          area: sql`excluded.area`,
        }),
      )
      .execute();
  }
  // An indicator's criteria and materials are replaced whole: their codes follow from their positions.
  const replaced = [...write.indicators.map((i) => i.code), ...write.removedIndicators];
  if (replaced.length > 0) {
    await trx.deleteFrom('criteria').where('indicator_code', 'in', replaced).execute();
    await trx.deleteFrom('archive_materials').where('indicator_code', 'in', replaced).execute();
  }
  const criteria = write.indicators.flatMap((i) =>
    i.criteria.map((c) => ({ code: c.code, indicator_code: i.code, position: c.position, content: c.content, method: c.method, points: c.points, deduction_rule: c.deductionRule })),
  );
  const materials = write.indicators.flatMap((i) => i.materials.map((m) => ({ code: m.code, indicator_code: i.code, position: m.position, name: m.name })));
  for (const chunk of chunks(criteria)) await trx.insertInto('criteria').values(chunk).execute();
  for (const chunk of chunks(materials)) await trx.insertInto('archive_materials').values(chunk).execute();
  if (write.removedIndicators.length > 0) await trx.deleteFrom('indicators').where('code', 'in', write.removedIndicators).execute();
  if (write.removedItems.length > 0) await trx.deleteFrom('assessment_items').where('code', 'in', write.removedItems).execute();
}

/** Batches small enough for PostgreSQL's 65,535 parameters per statement. */
export function chunks<T>(rows: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
