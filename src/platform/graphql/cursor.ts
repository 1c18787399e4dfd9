// Keyset pagination for the list queries (`tasks`, `items`): an ordering is a list of SQL sort keys ending with the
// row's id, so the order is total and stable; a page continues strictly after the last row's sort values, with a
// WHERE on the keys and never an OFFSET, so rows inserted or moved while someone pages through neither repeat
// nor push rows already there out of the pages still to come.
//
// The cursor is opaque to clients: base64url of JSON holding the ordering's name and the last row's sort values.
// The values come from PostgreSQL itself (`jsonb_build_array` of the keys), so a timestamp keeps its microseconds
// (a JavaScript Date would round them to milliseconds and the next page could repeat a row).
//
// Every key of an ordering is NOT NULL and runs in the ordering's one direction: a nullable column is sorted
// through an expression that puts its NULLs last (e.g. `coalesce(due_at, 'infinity')`). That keeps the "after"
// condition a single row comparison, `(k1, k2, id) > ($1, $2, $3)`, which PostgreSQL answers from a matching
// index (migration 0015) by seeking, not by scanning the pages before. The SQL of it is src/platform/database/keyset.ts.
import { DomainError } from '../errors/domain-error';

export type SortValueType = 'timestamptz' | 'text' | 'int';
export type SortValue = string | number;

export interface SortKey {
  /** A constant SQL expression (never user input); written exactly as in the index that serves it. */
  sql: string;
  type: SortValueType;
}

export interface Ordering {
  /** Unique across lists (`tasks/DUE_AT_ASC`), so that one list's cursor is refused by another. */
  name: string;
  direction: 'asc' | 'desc';
  /** The last key is the row's id: the tie-breaker that makes the order total. */
  keys: readonly SortKey[];
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A list's page sizes: when `first` is not given, and the most it may be. */
export interface PageLimits {
  pageSize: number;
  maxPageSize: number;
}

/** `first`, checked: default 50, 1 to 200 (the boards: BOARD_PAGE_SIZE, BOARD_MAX_PAGE_SIZE). */
export function pageSize(first: number | null | undefined, limits: PageLimits = { pageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE }): number {
  if (first === null || first === undefined) return limits.pageSize;
  if (!Number.isInteger(first) || first < 1 || first > limits.maxPageSize) {
    throw new DomainError('BAD_USER_INPUT', `每页条数（first）须为 1 到 ${limits.maxPageSize} 之间的整数`, 'first');
  }
  return first;
}

export function encodeCursor(ordering: Ordering, values: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify({ o: ordering.name, k: values }), 'utf8').toString('base64url');
}

const invalid = (why: string) => new DomainError('BAD_USER_INPUT', `分页游标无效：${why}。请从第一页重新查询`, 'after');

/** The sort values a cursor holds, checked against the ordering; anything else is refused as BAD_USER_INPUT. */
export function decodeCursor(cursor: string, ordering: Ordering): SortValue[] {
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]{1,4000}$/.test(cursor)) throw invalid('格式不正确');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('格式不正确');
  }
  if (!isRecord(parsed) || typeof parsed.o !== 'string' || !Array.isArray(parsed.k)) throw invalid('格式不正确');
  if (parsed.o !== ordering.name) throw invalid('它属于另一种排序或另一个列表，不能用于当前的排序');
  const values = parsed.k as unknown[];
  if (values.length !== ordering.keys.length) throw invalid('排序值的个数不对');
  return ordering.keys.map((key, i) => {
    const value = values[i];
    if (!validValue(key.type, value)) throw invalid('排序值不正确');
    return value;
  });
}

/** A page of rows fetched with one row more than asked: the edges, and whether there is a next page. */
export function toConnection<R extends { sort_values: SortValue[] }, N>(
  ordering: Ordering,
  rows: readonly R[],
  size: number,
  node: (row: R) => N | undefined,
  totalCount: () => Promise<number>,
) {
  const page = rows.slice(0, size);
  const edges = page.flatMap((row) => {
    const n = node(row);
    return n === undefined ? [] : [{ cursor: encodeCursor(ordering, row.sort_values), node: n }];
  });
  const last = page.at(-1);
  return {
    edges,
    // The position is the last row read, even if its node could not be shown, so that paging never steps back.
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(ordering, last.sort_values) : null },
    // Counted only when asked for: graphql-js calls a function-valued property to resolve the field.
    totalCount,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// PostgreSQL's JSON form of a timestamptz: 2027-03-31T15:59:59.123456+08:00 (or +00:00, +05:45, Z). `infinity`
// is what a NULL sorted last becomes.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::\d{2}){0,2})$/;

function validValue(type: SortValueType, value: unknown): value is SortValue {
  switch (type) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1;
    case 'text':
      // PostgreSQL text cannot hold NUL; refused here rather than failing in the database.
      return typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000');
    case 'timestamptz': {
      if (value === 'infinity') return true;
      const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
      if (!m) return false;
      const [y, mo, d, h, mi, s, offsetHours] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
      // A real calendar day (JavaScript would roll 02-30 over to March; PostgreSQL refuses it).
      const day = new Date(Date.UTC(y, mo - 1, d));
      return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && h < 24 && mi < 60 && s < 60 && offsetHours <= 15;
    }
  }
}
