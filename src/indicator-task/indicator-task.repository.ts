// The only place SQL about indicator tasks lives: reads of the card projection (the board's columns and the `tasks`
// list, whose orderings are task-list.ts's) and of the tasks' events.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../platform/database/database.types';
import type { Db } from '../platform/database/database';
import { DATABASE } from '../platform/core/app.tokens';
import { afterSql, orderedBy, sortValuesSql } from '../platform/database/keyset';
import type { Ordering, SortValue } from '../platform/graphql/cursor';
import type { TaskFilter } from '../platform/graphql/graphql.generated';
import { readStreams } from '../platform/event-store/event-store.repository';
import type { HistoryEvent } from '../platform/event-store/event-store.types';
import { stateFromCardRow, type CardStateRow } from '../platform/projections/indicator-task-card.projection';
import type { IndicatorTaskState, Stage } from '../../workflows/indicator-task/indicator-task.types';
import type { Role } from '../../workflows/shared/actor.types';
import { UNIT_DEADLINE_STAGES } from '../../workflows/indicator-task/indicator-task.rules';
import { booleanFilter, searchPatterns } from '../platform/database/database.helpers';
import { UNVERIFIED_STATES } from '../../workflows/rectification-item/rectification-item.types';
import { RESPONSIBLE_ROLES, type ResponsiblePerson, type RosterPerson } from '../../workflows/shared/responsible-person';

export interface UnitView {
  code: string;
  name: string;
  kind: string;
}

export interface IndicatorView {
  code: string;
  itemName: string;
  name: string;
  method: string;
  points: number;
  standard: string;
  area: string | null;
}

/** A card as the API shows it: the lifecycle state plus the catalog and organisation it refers to. */
export interface TaskView extends IndicatorTaskState {
  id: string;
  state: IndicatorTaskState;
  updatedAt: string;
  indicator: IndicatorView;
  unit: UnitView;
  leadUnit: UnitView;
  /** Linked rectification items not yet verified. */
  openItems: number;
  /** Set on cards of a board replayed as of a past instant: their history, comments and evidence stop there. */
  asOf?: string;
}


/**
 * A board column's order: what is due soonest in its current stage first, stages without a deadline by the task's
 * due date, then the id in byte order. Written exactly as in the indexes of migration 0019, so that a column's page
 * is an index seek.
 */
export const BOARD_ORDERING: Ordering = {
  name: 'board/STAGE_DUE_AT',
  direction: 'asc',
  keys: [
    { sql: 'coalesce(c.stage_due_at, c.due_at)', type: 'timestamptz' },
    { sql: 'c.task_id collate "C"', type: 'text' },
  ],
};

/** The `tasks` list's and the board's query: the campaign, who may see what, and the filter asked for. */
export interface TaskListQuery {
  campaignId: string;
  /** The unit asked for (the responsible unit), or null for all. */
  unitCode: string | null;
  /** For a unit's users, their unit: only tasks it does or leads, as on the board (access-policy.ts); else null. */
  visibleToUnit: string | null;
  filter: TaskFilter;
  /** Who asks, for `awaitingMyDecision`: the decisions waiting are theirs. */
  decider?: { role: Role; userId: string };
}


@Injectable()
export class IndicatorTaskRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The cards with the catalog and organisation they name: a card whose indicator or unit is unknown is not shown. */
  private joined() {
    return this.db
      .selectFrom('indicator_task_cards as c')
      .innerJoin('indicators as i', 'i.code', 'c.indicator_code')
      .innerJoin('assessment_items as ai', 'ai.code', 'i.item_code')
      .innerJoin('units as u', 'u.code', 'c.unit_code')
      .innerJoin('units as lu', 'lu.code', 'c.lead_unit_code');
  }

  private cards() {
    return this.joined()
      .select([
        'c.task_id', 'c.campaign_id', 'c.indicator_code', 'c.unit_code', 'c.lead_unit_code', 'c.stage',
        'c.classification', 'c.awaiting_review', 'c.submitted_by', 'c.due_at', 'c.relapse_count', 'c.version',
        'c.updated_at', 'c.state',
        'i.name as indicator_name', 'i.method', 'i.points', 'i.standard', 'i.area', 'ai.name as item_name',
        'u.name as unit_name', 'u.kind as unit_kind', 'lu.name as lead_unit_name', 'lu.kind as lead_unit_kind',
        openItems,
      ]);
  }

  async findById(taskId: string): Promise<TaskView | null> {
    const row = await this.cards().where('c.task_id', '=', taskId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** How many cards each column holds, over all pages (stages without cards are left out). */
  async columnCounts(filter: TaskListQuery, stage?: Stage): Promise<Map<Stage, number>> {
    // The cards joined() shows, counted without reading them: its joins written as semi-joins on the small tables, so
    // that PostgreSQL counts from the covering index of migration 0031 (index-only) instead of reading every card.
    let query = this.db
      .selectFrom('indicator_task_cards as c')
      .where((eb) => taskConditions(eb, filter))
      .where('c.indicator_code', 'in', (eb) => eb.selectFrom('indicators as i').innerJoin('assessment_items as ai', 'ai.code', 'i.item_code').select('i.code'))
      .where('c.unit_code', 'in', (eb) => eb.selectFrom('units as u').select('u.code'))
      .where('c.lead_unit_code', 'in', (eb) => eb.selectFrom('units as lu').select('lu.code'));
    if (stage) query = query.where('c.stage', '=', stage);
    const rows = await query.select(['c.stage', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('c.stage').execute();
    return new Map(rows.map((r) => [r.stage as Stage, Number(r.n)]));
  }

  /**
   * Up to `limit` cards of each column from its top, in one statement: a lateral join runs the column's page query
   * once per stage, each an index seek, so the board costs one query for its pages however many columns it has.
   */
  async firstPages(filter: TaskListQuery, stages: readonly Stage[], limit: number): Promise<Map<Stage, { view: TaskView; sortValues: SortValue[] }[]>> {
    const rows = await this.db
      .selectFrom(sql<{ stage: string }>`(select unnest(${[...stages]}::text[]) as stage)`.as('s'))
      .innerJoinLateral(
        () =>
          orderedBy(
            this.cards()
              .select([sortValuesSql(BOARD_ORDERING).as('sort_values'), sql<Date>`coalesce(c.stage_due_at, c.due_at)`.as('board_due')])
              .where((eb) => taskConditions(eb, filter))
              .where('c.stage', '=', sql<string>`s.stage`)
              .limit(limit),
            BOARD_ORDERING,
          ).as('x'),
        (join) => join.onTrue(),
      )
      .selectAll('x')
      // The pages' own order, stated again: a join keeps no order unless asked (a sort of a few hundred rows).
      .orderBy('x.stage')
      .orderBy('x.board_due')
      .orderBy(sql`x.task_id collate "C"`)
      .execute();
    const pages = new Map<Stage, { view: TaskView; sortValues: SortValue[] }[]>(stages.map((stage) => [stage, []]));
    for (const row of rows) pages.get(row.stage as Stage)?.push({ view: toView(row), sortValues: row.sort_values });
    return pages;
  }

  /** Up to `limit` cards of one column after the cursor's position (from the top without one), in the board's order. */
  async columnPage(filter: TaskListQuery, stage: Stage, after: SortValue[] | null, limit: number): Promise<{ view: TaskView; sortValues: SortValue[] }[]> {
    let query = this.cards()
      .select(sortValuesSql(BOARD_ORDERING).as('sort_values'))
      .where((eb) => taskConditions(eb, filter))
      .where('c.stage', '=', stage)
      .limit(limit);
    if (after) query = query.where(afterSql(BOARD_ORDERING, after));
    const rows = await orderedBy(query, BOARD_ORDERING).execute();
    return rows.map((row) => ({ view: toView(row), sortValues: row.sort_values }));
  }

  /**
   * The `tasks` list's cards with the catalog and organisation they refer to: the same joins as the board's, so
   * that a task reads the same in both.
   */
  private listed(q: TaskListQuery) {
    return this.joined().where((eb) => taskConditions(eb, q));
  }

  /** Up to `limit` tasks of the `tasks` list after the cursor's row (from the start without one), each with its sort values. */
  async listPage(q: TaskListQuery, ordering: Ordering, after: SortValue[] | null, limit: number) {
    let query = this.listed(q)
      .select([
        'c.task_id', 'c.campaign_id', 'c.indicator_code', 'c.unit_code', 'c.lead_unit_code', 'c.updated_at', 'c.state',
        'i.name as indicator_name', 'i.method', 'i.points', 'i.standard', 'i.area', 'ai.name as item_name',
        'u.name as unit_name', 'u.kind as unit_kind', 'lu.name as lead_unit_name', 'lu.kind as lead_unit_kind',
        openItems,
        sortValuesSql(ordering).as('sort_values'),
      ])
      .limit(limit);
    if (after) query = query.where(afterSql(ordering, after));
    return orderedBy(query, ordering).execute();
  }

  /** How many tasks of the `tasks` list match, over all pages. */
  async listCount(q: TaskListQuery): Promise<number> {
    const row = await this.listed(q).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The indicator's criteria with their points, as the catalog holds them. */
  async criteria(indicatorCode: string): Promise<{ code: string; points: number; content: string }[]> {
    const rows = await this.db.selectFrom('criteria').select(['code', 'points', 'content']).where('indicator_code', '=', indicatorCode).orderBy('position').execute();
    return rows.map((r) => ({ code: r.code, points: Number(r.points), content: r.content }));
  }

  /** The archive materials the indicator requires, as the catalog holds them now. */
  async materials(indicatorCode: string): Promise<{ code: string; name: string }[]> {
    return this.db.selectFrom('archive_materials').select(['code', 'name']).where('indicator_code', '=', indicatorCode).orderBy('position').execute();
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

  async unit(code: string): Promise<UnitView | undefined> {
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();
  }

  /** Another task of the campaign for the same (indicator, unit), on the board or in the breakdown. */
  async otherTaskFor(campaignId: string, indicatorCode: string, unitCode: string, exceptTaskId: string): Promise<string | null> {
    const { rows } = await sql<{ task_id: string }>`
      select task_id from indicator_task_cards
       where campaign_id = ${campaignId} and indicator_code = ${indicatorCode} and unit_code = ${unitCode} and task_id <> ${exceptTaskId}
      union
      select task_id from task_assignments
       where campaign_id = ${campaignId} and indicator_code = ${indicatorCode} and unit_code = ${unitCode} and task_id <> ${exceptTaskId}
      limit 1`.execute(this.db);
    return rows[0]?.task_id ?? null;
  }

  /**
   * Runs `fn` while holding a lock on (campaign, indicator) across every API instance, so that two
   * reassignments cannot both give one unit the same indicator.
   */
  async withIndicatorLock<T>(campaignId: string, indicatorCode: string, fn: () => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      const key = `reassign:${campaignId}:${indicatorCode}`;
      await sql`select pg_advisory_lock(hashtextextended(${key}, 0))`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(conn);
      }
    });
  }

  /**
   * The people of `unitCode` among `logins` (unit heads and members), for a 问责 decision's named persons. The
   * caller bounds the list (at most ACCOUNTABILITY_LIMITS.persons) before asking.
   */
  async unitPeopleAmong(unitCode: string, logins: readonly string[]): Promise<Map<string, { login: string; displayName: string }>> {
    if (logins.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('users')
      .select(['login', 'display_name'])
      .where('unit_code', '=', unitCode)
      .where('role', 'in', ['UNIT_HEAD', 'UNIT_MEMBER'])
      .where('login', 'in', [...new Set(logins)])
      .execute();
    return new Map(rows.map((r) => [r.login, { login: r.login, displayName: r.display_name }]));
  }

  /** People by user id, for the names beside archive materials. */
  async people(userIds: readonly string[]): Promise<Map<string, { userId: string; displayName: string; role: string }>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', 'in', [...new Set(userIds)]).execute();
    return new Map(rows.map((r) => [r.id, { userId: r.id, displayName: r.display_name, role: r.role }]));
  }

  /** Each task's events in stream order, for a page of cards in one query. */
  async histories(taskIds: readonly string[]): Promise<Map<string, HistoryEvent[]>> {
    return readStreams(this.db, taskIds);
  }
}

/** Linked rectification items not yet verified: rectification cannot be completed while there are any. */
function openItems(eb: ExpressionBuilder<Database & { c: Database['indicator_task_cards'] }, 'c'>) {
  return eb
    .selectFrom('rectification_item_cards as r')
    .select((r) => r.fn.countAll<string>().as('n'))
    .whereRef('r.indicator_task_id', '=', 'c.task_id')
    .where('r.state', 'in', [...UNVERIFIED_STATES])
    .as('open_items');
}

export type TaskListRow = Awaited<ReturnType<IndicatorTaskRepository['listPage']>>[number];

type CardEb = ExpressionBuilder<Database & { c: Database['indicator_task_cards'] }, 'c'>;

/** Overdue as the board shows it: the current stage's deadline, else the due date, has passed, and not archived. */
const OVERDUE = sql<SqlBool>`(c.stage <> 'ARCHIVED' and coalesce(c.stage_due_at, c.due_at) < now())`;
/** The deadline the board counts down to: the current stage's, else the due date; an archived task has none. */
const DEADLINE = sql<Date>`(case when c.stage <> 'ARCHIVED' then coalesce(c.stage_due_at, c.due_at) end)`;

/** The cards whose indicator satisfies `where` (the catalog is small: PostgreSQL makes it a hashed semi-join). */
function indicatorIn(eb: CardEb, where: (i: ExpressionBuilder<Database & { i: Database['indicators'] }, 'i'>) => Expression<SqlBool>) {
  return eb('c.indicator_code', 'in', eb.selectFrom('indicators as i').select('i.code').where(where));
}

/**
 * The `tasks` list's and the boards' filter, on the card table alone (no join), so that the board's counts stay
 * index-only: the catalog and the units are asked through semi-joins. Each search word must be found in the
 * indicator's code or name, its assessment item's name, or the unit's or lead unit's name.
 */
function taskConditions(eb: CardEb, q: TaskListQuery) {
  const f = q.filter;
  const all: Expression<SqlBool>[] = [eb('c.campaign_id', '=', q.campaignId)];
  // An empty string (a unit user without a unit) matches no card: the unit codes are never empty.
  if (q.visibleToUnit !== null) all.push(eb.or([eb('c.unit_code', '=', q.visibleToUnit), eb('c.lead_unit_code', '=', q.visibleToUnit)]));
  if (q.unitCode) all.push(eb('c.unit_code', '=', q.unitCode));
  if (f.assessmentItemCode) all.push(indicatorIn(eb, (i) => i('i.item_code', '=', f.assessmentItemCode!)));
  if (f.area) all.push(indicatorIn(eb, (i) => i('i.area', '=', f.area!)));
  if (f.indicatorCode) all.push(eb('c.indicator_code', '=', f.indicatorCode));
  // An empty list matches nothing, as `in ()` would if SQL allowed it.
  if (f.stages) all.push(f.stages.length ? eb('c.stage', 'in', f.stages) : eb.lit(false));
  if (f.classifications) all.push(f.classifications.length ? eb('c.classification', 'in', f.classifications) : eb.lit(false));
  if (f.classified === true) all.push(eb('c.classification', 'is not', null));
  if (f.classified === false) all.push(eb('c.classification', 'is', null));
  if (f.overdue === true) all.push(OVERDUE);
  if (f.overdue === false) all.push(eb.not(OVERDUE));
  if (f.dueBefore) all.push(eb('c.due_at', '<', new Date(f.dueBefore)));
  if (f.deadlineFrom) all.push(sql<SqlBool>`${DEADLINE} >= ${new Date(f.deadlineFrom)}`);
  if (f.deadlineBefore) all.push(sql<SqlBool>`${DEADLINE} < ${new Date(f.deadlineBefore)}`);
  if (f.escalated === true) all.push(eb('c.escalation_level', 'is not', null));
  if (f.escalated === false) all.push(eb('c.escalation_level', 'is', null));
  if (f.keyDifficult === true) all.push(eb('c.key_flag', 'is not', null));
  if (f.keyDifficult === false) all.push(eb('c.key_flag', 'is', null));
  if (f.awaitingMyDecision === true || f.awaitingMyDecision === false) {
    all.push(booleanFilter(f.awaitingMyDecision, q.decider ? taskAwaitingDecisionOf(q.decider) : sql<SqlBool>`false`));
  }
  for (const pattern of searchPatterns(f.search) ?? []) {
    const unitNamed = eb.selectFrom('units as su').select('su.code').where('su.name', 'ilike', pattern);
    all.push(
      eb.or([
        indicatorIn(eb, (i) =>
          i.or([
            i('i.code', 'ilike', pattern),
            i('i.name', 'ilike', pattern),
            i('i.item_code', 'in', i.selectFrom('assessment_items as sa').select('sa.code').where('sa.name', 'ilike', pattern)),
          ]),
        ),
        eb('c.unit_code', 'in', unitNamed),
        eb('c.lead_unit_code', 'in', unitNamed),
      ]),
    );
  }
  return eb.and(all);
}

/**
 * The tasks with a decision waiting for `decider`, as the approval queue (web/src/approvals/queue.ts) lists them:
 * the same rules as check() in workflows/indicator-task/indicator-task.decide.ts, in SQL, so that the queue is one
 * indexed query however large the board (migration 0030's partial indexes hold exactly the cards that may wait).
 * A supervisor reviews self-checks, completed rectifications and extension requests that someone else handed in;
 * the archivist accepts materials someone else handed in; the office moves consolidated tasks to archiving.
 * test/integration/awaiting-decision.int-spec.ts holds the two sides to each other.
 */
function taskAwaitingDecisionOf(decider: { role: Role; userId: string }) {
  const me = decider.userId;
  switch (decider.role) {
    case 'SUPERVISOR':
      return sql<SqlBool>`(
        (c.stage = 'SELF_CHECK' and c.awaiting_review = 'SELF_CHECK_REVIEW' and c.submitted_by is distinct from ${me})
        or (c.stage = 'RECTIFICATION' and c.awaiting_review = 'RECTIFICATION_REVIEW' and c.submitted_by is distinct from ${me})
        or (c.pending_extension and c.stage = any(${[...UNIT_DEADLINE_STAGES]}::text[]) and (c.state -> 'pendingExtension' ->> 'requestedBy') is distinct from ${me}))`;
    case 'ARCHIVIST':
      // Tasks archived before materials were itemised hold one package, handed in by the task's submitter.
      return sql<SqlBool>`(c.stage = 'ARCHIVING' and c.awaiting_review = 'ARCHIVE_REVIEW' and case
        when jsonb_typeof(c.state -> 'archive') = 'array' then exists (
          select 1 from jsonb_array_elements(c.state -> 'archive') as m(material)
           where m.material ->> 'status' = 'SUBMITTED' and (m.material ->> 'submittedBy') is distinct from ${me})
        else c.submitted_by is distinct from ${me} end)`;
    case 'OFFICE':
      return sql<SqlBool>`(c.stage = 'CONSOLIDATION' and c.awaiting_review is null)`;
    default:
      return sql<SqlBool>`false`;
  }
}

/** A card row with the catalog and organisation names joined to it. */
export type CardRow = CardStateRow & {
  task_id: string;
  indicator_code: string;
  unit_code: string;
  lead_unit_code: string;
  updated_at: Date;
  indicator_name: string;
  method: string;
  points: string;
  standard: string;
  area: string | null;
  item_name: string;
  unit_name: string;
  unit_kind: string;
  lead_unit_name: string;
  lead_unit_kind: string;
  open_items: string | null;
};

/** A card row as the API shows the task: on the board, in the `tasks` list and on its own. */
export function toView(row: CardRow): TaskView {
  const state = stateFromCardRow(row);
  return {
    ...state,
    id: row.task_id,
    state,
    updatedAt: row.updated_at.toISOString(),
    indicator: {
      code: row.indicator_code,
      itemName: row.item_name,
      name: row.indicator_name,
      method: row.method,
      points: Number(row.points),
      standard: row.standard,
      area: row.area,
    },
    unit: { code: row.unit_code, name: row.unit_name, kind: row.unit_kind },
    leadUnit: { code: row.lead_unit_code, name: row.lead_unit_name, kind: row.lead_unit_kind },
    openItems: Number(row.open_items ?? 0),
  };
}
