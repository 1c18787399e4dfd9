// The SQL of the `items` list: the rectification-item cards filtered, in one of the ItemOrder orderings, one keyset
// page at a time (src/graphql/cursor.ts). The page query picks the rows and their sort values; the cards are then
// read as the items board reads them (RectificationItemRepository.findByIds), so a node is the board's ItemView.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../database/database';
import type { Database } from '../database/database.types';
import type { ItemFilter, ItemOrder } from '../graphql/graphql.generated';
import { afterSql, orderedBy, sortValuesSql, type Ordering, type SortValue } from '../graphql/cursor';
import { UNIT_WORK_STATES } from '../../workflows/rectification-item/rectification-item.types';

// Written exactly as in the indexes of migration 0015. Ids compare byte by byte (COLLATE "C"), the same on every
// server whatever its locale.
const ID = { sql: 'r.item_id collate "C"', type: 'text' } as const;

export const ITEM_ORDERINGS: Record<ItemOrder, Ordering> = {
  // Items not dispatched yet have no due date: sorted as if due at +infinity, that is last, and still one
  // NOT NULL key, so that the page condition stays a single row comparison.
  DUE_AT_ASC: { name: 'items/DUE_AT_ASC', direction: 'asc', keys: [{ sql: "coalesce(r.due_at, 'infinity'::timestamptz)", type: 'timestamptz' }, ID] },
  REPORTED_AT_DESC: { name: 'items/REPORTED_AT_DESC', direction: 'desc', keys: [{ sql: 'r.created_at', type: 'timestamptz' }, ID] },
  UPDATED_AT_DESC: { name: 'items/UPDATED_AT_DESC', direction: 'desc', keys: [{ sql: 'r.updated_at', type: 'timestamptz' }, ID] },
};

export interface ItemListQuery {
  campaignId: string;
  /** Already checked against who is asking: a unit's users get their own unit here, whatever they asked. */
  unitCode: string | null;
  filter: ItemFilter;
}

type ItemsEb = ExpressionBuilder<Database & { r: Database['rectification_item_cards'] }, 'r'>;

/** Overdue as the items board shows it: the unit owes the fix (dispatched, rectifying, returned) past its due date. */
const OVERDUE = sql<SqlBool>`(r.state in (${sql.join([...UNIT_WORK_STATES])}) and r.due_at is not null and r.due_at < now())`;

/**
 * The item's indicator is its linked task's, or its criterion's (the service checks that the two agree when an
 * item has both). `column` is the indicator's code or its assessment item's.
 */
function ofIndicator(eb: ItemsEb, column: 'i.code' | 'i.item_code', code: string) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('indicator_task_cards as t')
        .innerJoin('indicators as i', 'i.code', 't.indicator_code')
        .select(sql.lit(1).as('one'))
        .whereRef('t.task_id', '=', 'r.indicator_task_id')
        .where(column, '=', code),
    ),
    eb.exists(
      eb
        .selectFrom('criteria as cr')
        .innerJoin('indicators as i', 'i.code', 'cr.indicator_code')
        .select(sql.lit(1).as('one'))
        .whereRef('cr.code', '=', 'r.criterion_code')
        .where(column, '=', code),
    ),
  ]);
}

function conditions(eb: ItemsEb, q: ItemListQuery) {
  const f = q.filter;
  const all: Expression<SqlBool>[] = [eb('r.campaign_id', '=', q.campaignId)];
  if (q.unitCode !== null) all.push(eb('r.unit_code', '=', q.unitCode));
  if (f.indicatorCode) all.push(ofIndicator(eb, 'i.code', f.indicatorCode));
  if (f.assessmentItemCode) all.push(ofIndicator(eb, 'i.item_code', f.assessmentItemCode));
  if (f.area) all.push(eb('r.area', '=', f.area));
  // An empty list matches nothing, as `in ()` would if SQL allowed it.
  if (f.states) all.push(f.states.length ? eb('r.state', 'in', f.states) : eb.lit(false));
  if (f.sources) all.push(f.sources.length ? eb('r.source', 'in', f.sources) : eb.lit(false));
  if (f.overdue === true) all.push(OVERDUE);
  if (f.overdue === false) all.push(eb.not(OVERDUE));
  if (f.dueBefore) all.push(eb('r.due_at', '<', new Date(f.dueBefore)));
  return eb.and(all);
}

function cards(db: Db, q: ItemListQuery) {
  return db.selectFrom('rectification_item_cards as r').where((eb) => conditions(eb, q));
}

/** Up to `limit` item ids after the cursor's row (from the start without one), each with its sort values. */
export async function itemPage(db: Db, q: ItemListQuery, ordering: Ordering, after: SortValue[] | null, limit: number) {
  let query = cards(db, q).select(['r.item_id', sortValuesSql(ordering).as('sort_values')]).limit(limit);
  if (after) query = query.where(afterSql(ordering, after));
  return orderedBy(query, ordering).execute();
}

/** How many items match, over all pages. */
export async function countItems(db: Db, q: ItemListQuery): Promise<number> {
  const row = await cards(db, q).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
