// The orderings of the `tasks` list (src/platform/graphql/cursor.ts): the board's cards, filtered, one keyset page at a time.
// The page and its total are IndicatorTaskRepository's listPage and listCount, one query each whatever the page size.
import type { TaskOrder } from '../platform/graphql/graphql.generated';
import type { Ordering } from '../platform/graphql/cursor';
import { toView, type TaskListRow, type TaskView } from './indicator-task.repository';

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

/** A row as the API shows the task: the same view the board's cards are. */
export function taskView(row: TaskListRow): TaskView {
  return toView(row);
}
