// The only place SQL about the assessment catalog lives.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { chunks, isForeignKeyViolation, lockForReferenceImport, lockReferenceData, moveNamesAside } from '../platform/database/database.helpers';
import type { Database } from '../platform/database/database.types';
import { DomainError } from '../platform/errors/domain-error';
import { DEFAULT_CATALOG_TITLE, type AssessmentMethod, type Catalog, type CatalogReference, type IndicatorPlan, type ItemPlan, type RectificationArea } from './catalog.types';
import { diffCatalog, type CatalogDiff } from './catalog.validator';
import { EMPTY_CATALOG, canonicalCatalog, catalogTotals } from './catalog.versions';
import type { ReferenceChange } from './reference-diff';

export type CatalogWrite = CatalogDiff['write'];

/** A version of the catalog without its snapshot: what the list of versions shows. */
export interface CatalogVersionHead {
  version: number;
  title: string;
  fileName: string | null;
  fileSha256: string | null;
  /** The importer's user id; null for versions the system recorded (demo data, a catalog found in the tables). */
  importedById: string | null;
  /** The importer's name; their user id when the person has since been removed. */
  importedBy: string | null;
  importedAt: Date;
  indicatorCount: number;
  totalPoints: number;
  changes: ReferenceChange[];
}

export interface CatalogVersion extends CatalogVersionHead {
  /** The whole catalog after this version. */
  snapshot: Catalog;
}

/** What a write records about itself; the snapshot and the counts are read back from the tables. */
export interface NewCatalogVersion {
  title: string;
  fileName: string | null;
  fileSha256: string | null;
  importedBy: string | null;
  changes: ReferenceChange[];
}

/** What an import decides: its result, and (only when it applies) what to write and record as a version. */
export interface CatalogDecision<T> {
  result: T;
  apply: { write: CatalogWrite | null; version: NewCatalogVersion } | null;
}

@Injectable()
export class CatalogRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async catalog(db: Kysely<Database> = this.db): Promise<Catalog> {
    return readCatalog(db);
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
   * The catalog as it stands and the version it is, read in one snapshot of the database (an import between
   * the two reads would otherwise pair one version's number with another's content). The version is null
   * while there is no catalog at all.
   */
  async current(): Promise<{ catalog: Catalog; version: CatalogVersionHead | null }> {
    await this.versionExisting();
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const [catalog, version] = await Promise.all([readCatalog(trx), latestHead(trx)]);
        return { catalog, version };
      });
  }

  /** Newest first, without their snapshots. */
  async versions(): Promise<CatalogVersionHead[]> {
    await this.versionExisting();
    const rows = await heads(this.db).orderBy('v.version', 'desc').execute();
    return rows.map(headOf);
  }

  async version(version: number): Promise<CatalogVersion | null> {
    await this.versionExisting();
    const row = await heads(this.db).select('v.snapshot').where('v.version', '=', version).executeTakeFirst();
    return row ? { ...headOf(row), snapshot: row.snapshot as unknown as Catalog } : null;
  }

  async latestVersion(): Promise<CatalogVersionHead | null> {
    await this.versionExisting();
    return latestHead(this.db);
  }

  /**
   * Reads the catalog and what uses it, lets `decide` check the file against them, and writes what it returns
   * together with the version it makes, all in one transaction that no other reference import and no new task
   * can interleave with. Returns the version created, else the version the catalog is (null when none).
   */
  async importing<T>(decide: (reference: CatalogReference, latest: CatalogVersionHead | null) => CatalogDecision<T>): Promise<{ result: T; version: number | null }> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        await lockForReferenceImport(trx, 'catalog');
        const current = await versionUnrecorded(trx);
        const [indicatorsInUse, latest] = await Promise.all([this.indicatorsInUse(trx), latestHead(trx)]);
        const { result, apply } = decide({ current, indicatorsInUse }, latest);
        if (!apply) return { result, version: latest?.version ?? null };
        return { result, version: await recordVersion(trx, apply.write, apply.version) };
      });
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new DomainError('CONFLICT', '要删除的测评指标仍被其他数据引用，测评体系未导入。请刷新后重新导入');
      throw err;
    }
  }

  /**
   * A catalog found in the tables with no version at all (a database from before versions existed) becomes
   * version 1 here, on the first read, so that every reader sees a version. Once there is a version, imports
   * and the demo seeding take care of the rest (versionUnrecorded).
   */
  private async versionExisting(): Promise<void> {
    if (await this.db.selectFrom('catalog_versions').select('version').limit(1).executeTakeFirst()) return;
    await this.db.transaction().execute(async (trx) => {
      await lockReferenceData(trx, 'catalog');
      await versionUnrecorded(trx);
    });
  }
}

/**
 * Writes `catalog` as the first version, through the import's write path, unless the tables hold a catalog
 * already (which is then versioned as it is, and kept). For the demo seeding: safe to call again.
 */
export async function seedCatalog(db: Kysely<Database>, catalog: Catalog, title: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Only adds to an empty catalog, so no task can lose its indicator: the catalog lock alone is enough.
    await lockReferenceData(trx, 'catalog');
    const current = await versionUnrecorded(trx);
    if (current.items.length > 0 || current.indicators.length > 0) return;
    const diff = diffCatalog(current, catalog);
    await recordVersion(trx, diff.write, { title, fileName: null, fileSha256: null, importedBy: null, changes: diff.changes });
  });
}

/**
 * Under the catalog lock: the catalog the tables hold, first recorded as the next version if the latest
 * version does not hold it — a catalog from before versions existed (it becomes version 1, everything in it
 * CREATED), or one written past the import (its changes against the latest version). Keeps the invariant
 * that the latest version's snapshot is the catalog in the tables, so that each version's changes lead from
 * the version before it.
 */
async function versionUnrecorded(trx: Transaction<Database>): Promise<Catalog> {
  const [current, latest] = await Promise.all([
    readCatalog(trx),
    trx.selectFrom('catalog_versions').select(['title', 'snapshot']).orderBy('version', 'desc').limit(1).executeTakeFirst(),
  ]);
  const recorded = latest ? (latest.snapshot as unknown as Catalog) : EMPTY_CATALOG;
  const { changes } = diffCatalog(recorded, current);
  if (changes.length > 0) {
    await recordVersion(trx, null, { title: latest?.title ?? DEFAULT_CATALOG_TITLE, fileName: null, fileSha256: null, importedBy: null, changes });
  }
  return current;
}

/**
 * Under the catalog lock: applies the write, then records the catalog as the tables now hold it as the next
 * version. Returns its number: the latest + 1, gapless because every writer holds the lock.
 */
async function recordVersion(trx: Transaction<Database>, write: CatalogWrite | null, version: NewCatalogVersion): Promise<number> {
  if (write) await applyWrite(trx, write);
  const snapshot = canonicalCatalog(await readCatalog(trx));
  const { latest } = await trx.selectFrom('catalog_versions').select(sql<number | null>`max(version)`.as('latest')).executeTakeFirstOrThrow();
  const next = (latest ?? 0) + 1;
  const totals = catalogTotals(snapshot);
  await trx
    .insertInto('catalog_versions')
    .values({
      version: next,
      title: version.title,
      file_name: version.fileName,
      file_sha256: version.fileSha256,
      imported_by: version.importedBy,
      indicator_count: totals.indicatorCount,
      total_points: totals.totalPoints,
      snapshot: JSON.stringify(snapshot),
      changes: JSON.stringify(version.changes),
    })
    .execute();
  return next;
}

function heads(db: Kysely<Database>) {
  return db
    .selectFrom('catalog_versions as v')
    .leftJoin('users as u', 'u.id', 'v.imported_by')
    .select(['v.version', 'v.title', 'v.file_name', 'v.file_sha256', 'v.imported_by', 'v.imported_at', 'v.indicator_count', 'v.total_points', 'v.changes'])
    .select(sql<string | null>`coalesce(u.display_name, v.imported_by)`.as('importer_name'));
}

async function latestHead(db: Kysely<Database>): Promise<CatalogVersionHead | null> {
  const row = await heads(db).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
  return row ? headOf(row) : null;
}

type HeadRow = Awaited<ReturnType<ReturnType<typeof heads>['executeTakeFirstOrThrow']>>;

function headOf(row: HeadRow): CatalogVersionHead {
  return {
    version: row.version,
    title: row.title,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    importedById: row.imported_by,
    importedBy: row.importer_name,
    importedAt: row.imported_at,
    indicatorCount: row.indicator_count,
    totalPoints: Number(row.total_points),
    changes: row.changes as unknown as ReferenceChange[],
  };
}

async function readCatalog(db: Kysely<Database>): Promise<Catalog> {
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

async function applyWrite(trx: Transaction<Database>, write: CatalogWrite): Promise<void> {
  await moveNamesAside(trx, 'assessment_items', [...write.items.map((i) => i.code), ...write.removedItems]);
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
