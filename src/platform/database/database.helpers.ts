// Helpers the repositories share: the advisory lock the reference-data imports serialise on, batching rows under
// PostgreSQL's parameter limit, moving reference names aside, and telling a foreign-key violation apart.
import { sql, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { Database } from './database.types';
import { DomainError } from '../errors/domain-error';

/**
 * One writer of a kind of reference data at a time: every import of it, and for the catalog every write of a
 * version (the demo seeding, the first read that versions a catalog found in the tables).
 */
export async function lockReferenceData(trx: Transaction<Database>, what: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`reference-import:${what}`}, 0))`.execute(trx);
}

/**
 * Reference-data imports (catalog and organisation) take this lock, one at a time, and a SHARE lock on
 * task_assignments, so that no task appears for an indicator or a unit between the check that nothing uses
 * it and its deletion.
 */
export async function lockForReferenceImport(trx: Transaction<Database>, what: string): Promise<void> {
  await lockReferenceData(trx, what);
  await sql`lock table task_assignments in share mode`.execute(trx);
}

/**
 * Reference names (assessment items', units') are unique: an import first moves aside the names of the rows it
 * rewrites or removes, so that two rows may swap names.
 */
export async function moveNamesAside(trx: Transaction<Database>, table: 'assessment_items' | 'units', codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await trx
    .updateTable(table)
    .set({ name: sql<string>`'#' || code || '#导入中'` })
    .where('code', 'in', [...codes])
    .execute();
}

/** PostgreSQL's foreign_key_violation: a row still referenced by another table. */
export function isForeignKeyViolation(err: unknown): boolean {
  return (err as { code?: unknown })?.code === '23503';
}

/** Batches small enough for PostgreSQL's 65,535 parameters per statement. */
export function chunks<T>(rows: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * A Boolean filter's condition: `predicate` itself when asked for true; when asked for false, its negation with a
 * null (a null column compared) counted as false, which a bare `not` would keep null and so drop the row.
 */
export function booleanFilter(wanted: boolean, predicate: Expression<SqlBool>): Expression<SqlBool> {
  return wanted ? predicate : sql<SqlBool>`not coalesce(${predicate}, false)`;
}

/** The longest search a list or board takes, and the most words in it. */
export const SEARCH_MAX_CHARS = 100;
export const SEARCH_MAX_WORDS = 5;

/**
 * A search box's text as ILIKE patterns, one per word (`%word%`, with `%`, `_` and `\` taken literally). Bounded so
 * that a search costs at most a few short patterns per row: longer text or more words are refused. Blank text is
 * no search (null).
 */
export function searchPatterns(text: string | null | undefined): string[] | null {
  if (text === null || text === undefined) return null;
  if (text.length > SEARCH_MAX_CHARS) {
    throw new DomainError('BAD_USER_INPUT', `搜索内容不能超过 ${SEARCH_MAX_CHARS} 个字`, 'filter.search');
  }
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  if (words.length > SEARCH_MAX_WORDS) throw new DomainError('BAD_USER_INPUT', `搜索最多 ${SEARCH_MAX_WORDS} 个词，请减少关键词`, 'filter.search');
  return words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
