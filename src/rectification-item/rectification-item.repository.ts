// The only place SQL about rectification items lives: the card projection (the items board and the `items` list,
// whose orderings are item-list.ts's), their events, and the lock under which a new report is checked for an open
// item of the same place, area and criterion.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import { readStreams } from '../platform/event-store/event-store.repository';
import type { Db } from '../platform/database/database';
import type { Database } from '../platform/database/database.types';
import { afterSql, orderedBy, sortValuesSql } from '../platform/database/keyset';
import type { Ordering, SortValue } from '../platform/graphql/cursor';
import type { ItemFilter as ItemListFilter } from '../platform/graphql/graphql.generated';
import { itemStateFromRow } from '../platform/projections/rectification-item-card.projection';
import type { ItemArea, ItemSource, ItemState, RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import type { HistoryEvent } from '../platform/event-store/event-store.types';
import { UNIT_WORK_STATES } from '../../workflows/rectification-item/rectification-item.types';
import { RESPONSIBLE_ROLES, type ResponsiblePerson, type RosterPerson } from '../../workflows/shared/responsible-person';
import type { Role } from '../../workflows/shared/actor.types';
import { booleanFilter, searchPatterns } from '../platform/database/database.helpers';

/** A card as the API shows it: the item's state plus when it was reported and last changed. */
export interface ItemView extends RectificationItemState {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** What an items board reads: the `items` list's query, and the board's own area and source arguments besides. */
export interface ItemFilter extends ItemListQuery {
  area?: ItemArea | null;
  source?: ItemSource | null;
}

/**
 * An items-board column's order: by due date, items not dispatched yet (no due date) by when they were reported,
 * then the id in byte order. Written exactly as in the indexes of migration 0019.
 */
export const ITEM_BOARD_ORDERING: Ordering = {
  name: 'itemBoard/DUE_AT',
  direction: 'asc',
  keys: [
    { sql: 'coalesce(r.due_at, r.created_at)', type: 'timestamptz' },
    { sql: 'r.item_id collate "C"', type: 'text' },
  ],
};

/** The `items` list's query: the campaign, the unit who may see what, and the filter asked for. */
export interface ItemListQuery {
  campaignId: string;
  /** Already checked against who is asking: a unit's users get their own unit here, whatever they asked. */
  unitCode: string | null;
  filter: ItemListFilter;
  /** Who asks, for `awaitingMyDecision`: the decisions waiting are theirs. */
  decider?: { role: Role; userId: string };
}

@Injectable()
export class RectificationItemRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  private cards() {
    return this.db.selectFrom('rectification_item_cards').select(['item_id', 'state_json', 'created_at', 'updated_at']);
  }

  async findById(itemId: string): Promise<ItemView | null> {
    const row = await this.cards().where('item_id', '=', itemId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  private filtered(filter: ItemFilter) {
    return this.db.selectFrom('rectification_item_cards as r').where((eb) => {
      const all = [listConditions(eb, filter)];
      if (filter.area) all.push(eb('r.area', '=', filter.area));
      if (filter.source) all.push(eb('r.source', '=', filter.source));
      return eb.and(all);
    });
  }

  /** How many items each column holds, over all pages (states without items are left out). */
  async columnCounts(filter: ItemFilter, state?: ItemState): Promise<Map<ItemState, number>> {
    let query = this.filtered(filter);
    if (state) query = query.where('r.state', '=', state);
    const rows = await query.select(['r.state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('r.state').execute();
    return new Map(rows.map((r) => [r.state as ItemState, Number(r.n)]));
  }

  /** Up to `limit` items of each column from its top, in one statement (a lateral join: one index seek per state). */
  async firstPages(filter: ItemFilter, states: readonly ItemState[], limit: number): Promise<Map<ItemState, { view: ItemView; sortValues: SortValue[] }[]>> {
    const rows = await this.db
      .selectFrom(sql<{ state: string }>`(select unnest(${[...states]}::text[]) as state)`.as('s'))
      .innerJoinLateral(
        () =>
          orderedBy(
            this.filtered(filter)
              .select(['r.item_id', 'r.state', 'r.state_json', 'r.created_at', 'r.updated_at', sortValuesSql(ITEM_BOARD_ORDERING).as('sort_values'), sql<Date>`coalesce(r.due_at, r.created_at)`.as('board_due')])
              .where('r.state', '=', sql<string>`s.state`)
              .limit(limit),
            ITEM_BOARD_ORDERING,
          ).as('x'),
        (join) => join.onTrue(),
      )
      .selectAll('x')
      // The pages' own order, stated again: a join keeps no order unless asked (a sort of a few hundred rows).
      .orderBy('x.state')
      .orderBy('x.board_due')
      .orderBy(sql`x.item_id collate "C"`)
      .execute();
    const pages = new Map<ItemState, { view: ItemView; sortValues: SortValue[] }[]>(states.map((state) => [state, []]));
    for (const row of rows) pages.get(row.state as ItemState)?.push({ view: toView(row), sortValues: row.sort_values });
    return pages;
  }

  /** Up to `limit` items of one column after the cursor's position (from the top without one), in the board's order. */
  async columnPage(filter: ItemFilter, state: ItemState, after: SortValue[] | null, limit: number): Promise<{ view: ItemView; sortValues: SortValue[] }[]> {
    let query = this.filtered(filter)
      .select(['r.item_id', 'r.state_json', 'r.created_at', 'r.updated_at', sortValuesSql(ITEM_BOARD_ORDERING).as('sort_values')])
      .where('r.state', '=', state)
      .limit(limit);
    if (after) query = query.where(afterSql(ITEM_BOARD_ORDERING, after));
    const rows = await orderedBy(query, ITEM_BOARD_ORDERING).execute();
    return rows.map((row) => ({ view: toView(row), sortValues: row.sort_values }));
  }

  private listed(q: ItemListQuery) {
    return this.db.selectFrom('rectification_item_cards as r').where((eb) => listConditions(eb, q));
  }

  /** Up to `limit` item ids of the `items` list after the cursor's row (from the start without one), each with its sort values. */
  async listPage(q: ItemListQuery, ordering: Ordering, after: SortValue[] | null, limit: number) {
    let query = this.listed(q).select(['r.item_id', sortValuesSql(ordering).as('sort_values')]).limit(limit);
    if (after) query = query.where(afterSql(ordering, after));
    return orderedBy(query, ordering).execute();
  }

  /** How many items of the `items` list match, over all pages. */
  async listCount(q: ItemListQuery): Promise<number> {
    const row = await this.listed(q).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Cards by id, in the order asked; ids without a card are left out. */
  async findByIds(itemIds: readonly string[]): Promise<ItemView[]> {
    if (itemIds.length === 0) return [];
    const rows = await this.cards().where('item_id', 'in', [...itemIds]).execute();
    const byId = new Map(rows.map((r) => [r.item_id, toView(r)]));
    return itemIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** The items linked to each task, oldest first, for a page of cards in one query. */
  async linkedTo(indicatorTaskIds: readonly string[]): Promise<Map<string, ItemView[]>> {
    const linked = new Map(indicatorTaskIds.map((id) => [id, [] as ItemView[]]));
    if (linked.size === 0) return linked;
    const rows = await this.cards()
      .select('indicator_task_id')
      .where('indicator_task_id', 'in', [...linked.keys()])
      .orderBy('created_at')
      .orderBy('item_id')
      .execute();
    for (const row of rows) linked.get(row.indicator_task_id!)?.push(toView(row));
    return linked;
  }

  /** The open (not closed) item of the same place, area and criterion, if any. */
  async openDuplicate(campaignId: string, area: ItemArea, placeKey: string, criterionCode: string | null): Promise<string | null> {
    const row = await this.db
      .selectFrom('rectification_item_cards')
      .select('item_id')
      .where('campaign_id', '=', campaignId)
      .where('area', '=', area)
      .where('place_key', '=', placeKey)
      .where(sql<boolean>`criterion_code is not distinct from ${criterionCode}`)
      .where('state', '<>', 'CLOSED')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return row?.item_id ?? null;
  }

  /**
   * Runs `fn` holding a lock on (campaign, area, place, criterion) across API instances, so that two reports of
   * one place cannot both miss each other and make two items.
   */
  async withPlaceLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      const lock = `item-place:${key}`;
      await sql`select pg_advisory_lock(hashtextextended(${lock}, 0))`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(hashtextextended(${lock}, 0))`.execute(conn);
      }
    });
  }

  /** Each item's events in stream order, for a page of cards in one query. */
  async histories(itemIds: readonly string[]): Promise<Map<string, HistoryEvent[]>> {
    return readStreams(this.db, itemIds);
  }

  /** A person of the roster by login, for naming a 责任人. */
  async personByLogin(login: string): Promise<RosterPerson | undefined> {
    const row = await this.db.selectFrom('users').select(['login', 'display_name', 'role', 'unit_code']).where('login', '=', login).executeTakeFirst();
    return row && { login: row.login, displayName: row.display_name, role: row.role, unitCode: row.unit_code };
  }

  /** The people of a unit who may be named 责任人, by name (at most 500). */
  async unitPeople(unitCode: string): Promise<ResponsiblePerson[]> {
    const rows = await this.db
      .selectFrom('users')
      .select(['login', 'display_name'])
      .where('unit_code', '=', unitCode)
      .where('role', 'in', [...RESPONSIBLE_ROLES])
      .orderBy('display_name')
      .orderBy('login')
      .limit(500)
      .execute();
    return rows.map((r) => ({ login: r.login, name: r.display_name }));
  }

  async unit(code: string): Promise<{ code: string; name: string; kind: string } | undefined> {
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();
  }

  async units(codes: readonly string[]): Promise<Map<string, { code: string; name: string; kind: string }>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...new Set(codes)]).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  async people(ids: readonly string[]): Promise<Map<string, { userId: string; displayName: string; role: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, { userId: r.id, displayName: r.display_name, role: r.role }]));
  }

  /** The indicator task a report links to, with its campaign and indicator, when it exists. */
  async task(taskId: string): Promise<{ campaignId: string; indicatorCode: string } | undefined> {
    const row = await this.db.selectFrom('indicator_task_cards').select(['campaign_id', 'indicator_code']).where('task_id', '=', taskId).executeTakeFirst();
    return row ? { campaignId: row.campaign_id, indicatorCode: row.indicator_code } : undefined;
  }

  async criterionOf(code: string): Promise<{ indicatorCode: string } | undefined> {
    const row = await this.db.selectFrom('criteria').select('indicator_code').where('code', '=', code).executeTakeFirst();
    return row ? { indicatorCode: row.indicator_code } : undefined;
  }
}

type ListEb = ExpressionBuilder<Database & { r: Database['rectification_item_cards'] }, 'r'>;

/** The unit owes the fix (dispatched, rectifying, returned): only then does the board count down to the due date. */
const UNIT_OWES_FIX = sql<SqlBool>`r.state in (${sql.join([...UNIT_WORK_STATES])})`;
/** Overdue as the items board shows it: the unit owes the fix past its due date. */
const OVERDUE = sql<SqlBool>`(${UNIT_OWES_FIX} and r.due_at is not null and r.due_at < now())`;

/**
 * The item's indicator is its linked task's, or its criterion's (the service checks that the two agree when an
 * item has both). `column` is the indicator's code or its assessment item's.
 */
function ofIndicator(eb: ListEb, column: 'i.code' | 'i.item_code', code: string) {
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

/** The `items` list's filter. */
function listConditions(eb: ListEb, q: ItemListQuery) {
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
  if (f.keyDifficult === true) all.push(eb('r.key_flag', 'is not', null));
  if (f.keyDifficult === false) all.push(eb('r.key_flag', 'is', null));
  if (f.deadlineFrom) all.push(eb.and([UNIT_OWES_FIX, eb('r.due_at', '>=', new Date(f.deadlineFrom))]));
  if (f.deadlineBefore) all.push(eb.and([UNIT_OWES_FIX, eb('r.due_at', '<', new Date(f.deadlineBefore))]));
  if (f.awaitingMyDecision === true || f.awaitingMyDecision === false) {
    all.push(booleanFilter(f.awaitingMyDecision, q.decider ? itemAwaitingDecisionOf(q.decider) : sql<SqlBool>`false`));
  }
  for (const pattern of searchPatterns(f.search) ?? []) {
    all.push(
      eb.or([
        sql<SqlBool>`(r.state_json ->> 'description') ilike ${pattern}`,
        eb('r.address', 'ilike', pattern),
        eb('r.unit_code', 'in', eb.selectFrom('units as su').select('su.code').where('su.name', 'ilike', pattern)),
      ]),
    );
  }
  return eb.and(all);
}

/**
 * The items with a decision waiting for `decider`, as the approval queue (web/src/approvals/queue.ts) lists them: the
 * rules of checkItem in workflows/rectification-item/rectification-item.decide.ts, in SQL. Only a supervisor decides on
 * items: a fix handed in by someone else to verify, a re-check due, an extension or a request to return the dispatch
 * asked by someone else (an extension request stands before a return request, as in checkItem).
 * test/integration/awaiting-decision.int-spec.ts holds the two sides to each other.
 */
function itemAwaitingDecisionOf(decider: { role: Role; userId: string }) {
  if (decider.role !== 'SUPERVISOR') return sql<SqlBool>`false`;
  const me = decider.userId;
  return sql<SqlBool>`(
    (r.state = 'SUBMITTED' and (r.state_json -> 'submission' ->> 'submittedBy') is distinct from ${me})
    or r.state = 'RECHECK'
    or (r.state = any(${[...UNIT_WORK_STATES]}::text[]) and jsonb_typeof(r.state_json -> 'pendingExtension') = 'object'
        and (r.state_json -> 'pendingExtension' ->> 'requestedBy') is distinct from ${me})
    or (r.state in ('DISPATCHED', 'RECTIFYING') and jsonb_typeof(r.state_json -> 'pendingExtension') is distinct from 'object'
        and jsonb_typeof(r.state_json -> 'pendingDispatchReturn') = 'object'
        and (r.state_json -> 'pendingDispatchReturn' ->> 'requestedBy') is distinct from ${me}))`;
}

type CardRow = { item_id: string; state_json: Record<string, unknown>; created_at: Date; updated_at: Date };

function toView(row: CardRow): ItemView {
  const state = itemStateFromRow(row);
  return { ...state, id: row.item_id, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}
