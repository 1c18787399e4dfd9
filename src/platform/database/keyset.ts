// The SQL of keyset pagination (src/platform/graphql/cursor.ts holds the orderings' shape and the cursors): the sort values a
// row's cursor is made of, the "after" condition and the ORDER BY, built from an ordering's constant key expressions.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Ordering, SortValue } from '../graphql/cursor';

/** The ordering's keys as one selection, `jsonb_build_array(k1, …, id)`: what the next page's cursor holds. */
export function sortValuesSql(ordering: Ordering): RawBuilder<SortValue[]> {
  return sql<SortValue[]>`jsonb_build_array(${sql.raw(ordering.keys.map((k) => k.sql).join(', '))})`;
}

/** Rows strictly after the cursor's row in the ordering: `(k1, …, id) > (v1, …, id₀)` (or `<` when descending). */
export function afterSql(ordering: Ordering, values: readonly SortValue[]): RawBuilder<SqlBool> {
  const keys = sql.raw(ordering.keys.map((k) => k.sql).join(', '));
  const params = sql.join(ordering.keys.map((k, i) => sql`${values[i]}::${sql.raw(k.type)}`));
  return sql<SqlBool>`(${keys}) ${sql.raw(ordering.direction === 'asc' ? '>' : '<')} (${params})`;
}

/** Adds the ordering's ORDER BY to a query. */
export function orderedBy<Q extends { orderBy(expr: RawBuilder<unknown>, modifiers: 'asc' | 'desc'): Q }>(query: Q, ordering: Ordering): Q {
  return ordering.keys.reduce((q, k) => q.orderBy(sql.raw(k.sql), ordering.direction), query);
}
