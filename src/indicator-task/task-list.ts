// The SQL of the `tasks` list: the board's cards filtered, in one of the TaskOrder orderings, one keyset page at a
// time (src/graphql/cursor.ts). A page is one query and its total one more, whatever the page size.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../database/database';
import type { Database } from '../database/database.types';
import type { TaskFilter, TaskOrder } from '../graphql/graphql.generated';
import { afterSql, orderedBy, sortValuesSql, type Ordering, type SortValue } from '../graphql/cursor';
import { UNVERIFIED_STATES } from '../../workflows/rectification-item/rectification-item.types';
import { toView, type TaskView } from './indicator-task.repository';

// The expressions are written exactly as in the indexes of migration 0015, so that PostgreSQL can answer a page
// by seeking in the index. Ids and codes compare byte by byte (COLLATE "C"): the same order on every server,
// whatever its locale.
const ID = { sql: 'c.task_id collate "C"', type: 'text' } as const;
const DUE_AT = { sql: 'c.due_at', type: 'timestamptz' } as const;
/** 问责 first, then 约谈, 督办, 催办, 提醒; tasks without an escalation last. */
const ESCALATION_RANK = {
  sql: "case c.escalation_level when 'ACCOUNTABILITY' then 0 when 'INTERVIEW' then 1 when 'SUPERVISE' then 2 when 'URGE' then 3 when 'REMINDER' then 4 else 5 end",
  type: 'int',
} as const;

export const TASK_ORDERINGS: Record<TaskOrder, Ordering> = {
  DUE_AT_ASC: { name: 'tasks/DUE_AT_ASC', direction: 'asc', keys: [DUE_AT, ID] },
  DUE_AT_DESC: { name: 'tasks/DUE_AT_DESC', direction: 'desc', keys: [DUE_AT, ID] },
  UPDATED_AT_DESC: { name: 'tasks/UPDATED_AT_DESC', direction: 'desc', keys: [{ sql: 'c.updated_at', type: 'timestamptz' }, ID] },
  INDICATOR_CODE_ASC: { name: 'tasks/INDICATOR_CODE_ASC', direction: 'asc', keys: [{ sql: 'c.indicator_code collate "C"', type: 'text' }, ID] },
  // The rank runs ascending (0 = 问责), so that the whole ordering runs one way and stays one row comparison.
  ESCALATION_DESC: { name: 'tasks/ESCALATION_DESC', direction: 'asc', keys: [ESCALATION_RANK, DUE_AT, ID] },
};

export interface TaskListQuery {
  campaignId: string;
  /** The unit asked for (the responsible unit), or null for all. */
  unitCode: string | null;
  /** For a unit's users, their unit: only tasks it does or leads, as on the board (access-policy.ts); else null. */
  visibleToUnit: string | null;
  filter: TaskFilter;
}

type CardsEb = ExpressionBuilder<Database & { c: Database['indicator_task_cards']; i: Database['indicators'] }, 'c' | 'i'>;

/** Overdue as the board shows it: the current stage's deadline, else the due date, has passed, and not archived. */
const OVERDUE = sql<SqlBool>`(c.stage <> 'ARCHIVED' and coalesce(c.stage_due_at, c.due_at) < now())`;

function conditions(eb: CardsEb, q: TaskListQuery) {
  const f = q.filter;
  const all: Expression<SqlBool>[] = [eb('c.campaign_id', '=', q.campaignId)];
  if (q.visibleToUnit !== null) all.push(eb.or([eb('c.unit_code', '=', q.visibleToUnit), eb('c.lead_unit_code', '=', q.visibleToUnit)]));
  if (q.unitCode !== null) all.push(eb('c.unit_code', '=', q.unitCode));
  if (f.assessmentItemCode) all.push(eb('i.item_code', '=', f.assessmentItemCode));
  if (f.indicatorCode) all.push(eb('c.indicator_code', '=', f.indicatorCode));
  // An empty list matches nothing, as `in ()` would if SQL allowed it.
  if (f.stages) all.push(f.stages.length ? eb('c.stage', 'in', f.stages) : eb.lit(false));
  if (f.classifications) all.push(f.classifications.length ? eb('c.classification', 'in', f.classifications) : eb.lit(false));
  if (f.overdue === true) all.push(OVERDUE);
  if (f.overdue === false) all.push(eb.not(OVERDUE));
  if (f.dueBefore) all.push(eb('c.due_at', '<', new Date(f.dueBefore)));
  if (f.escalated === true) all.push(eb('c.escalation_level', 'is not', null));
  if (f.escalated === false) all.push(eb('c.escalation_level', 'is', null));
  return eb.and(all);
}

/**
 * The cards with the catalog and organisation they refer to: the same joins and columns as the board's
 * (IndicatorTaskRepository.cards), so that a task reads the same in both.
 */
function cards(db: Db, q: TaskListQuery) {
  return db
    .selectFrom('indicator_task_cards as c')
    .innerJoin('indicators as i', 'i.code', 'c.indicator_code')
    .innerJoin('assessment_items as ai', 'ai.code', 'i.item_code')
    .innerJoin('units as u', 'u.code', 'c.unit_code')
    .innerJoin('units as lu', 'lu.code', 'c.lead_unit_code')
    .where((eb) => conditions(eb, q));
}

/** Up to `limit` tasks after the cursor's row (from the start without one), each with its sort values. */
export async function taskPage(db: Db, q: TaskListQuery, ordering: Ordering, after: SortValue[] | null, limit: number) {
  let query = cards(db, q)
    .select([
      'c.task_id', 'c.campaign_id', 'c.indicator_code', 'c.unit_code', 'c.lead_unit_code', 'c.updated_at', 'c.state',
      'i.name as indicator_name', 'i.method', 'i.points', 'i.standard', 'i.area', 'ai.name as item_name',
      'u.name as unit_name', 'u.kind as unit_kind', 'lu.name as lead_unit_name', 'lu.kind as lead_unit_kind',
      // Linked rectification items not yet verified, as on the board (rectification waits for them).
      (eb) =>
        eb
          .selectFrom('rectification_item_cards as r')
          .select((r) => r.fn.countAll<string>().as('n'))
          .whereRef('r.indicator_task_id', '=', 'c.task_id')
          .where('r.state', 'in', [...UNVERIFIED_STATES])
          .as('open_items'),
      sortValuesSql(ordering).as('sort_values'),
    ])
    .limit(limit);
  if (after) query = query.where(afterSql(ordering, after));
  return orderedBy(query, ordering).execute();
}

export type TaskPageRow = Awaited<ReturnType<typeof taskPage>>[number];

/** How many tasks match, over all pages. */
export async function countTasks(db: Db, q: TaskListQuery): Promise<number> {
  const row = await cards(db, q).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A row as the API shows the task: the same view the board's cards are. */
export function taskView(row: TaskPageRow): TaskView {
  return toView(row);
}
