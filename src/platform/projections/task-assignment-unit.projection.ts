// When the office reassigns a task, the breakdown as imported (task_assignments) must name the new unit, in
// the same transaction as the event: the next import compares the office's file with it, and a stale row
// would read as a new task for the old unit. The row is found by the task's id, which never changes.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { isIndicatorTaskStream } from './indicator-task-card.projection';

async function applyReassignment(trx: Transaction<Database>, event: StoredEvent): Promise<void> {
  const unitCode = String(event.data.unitCode);
  // The API refuses a unit that already has this indicator; should one slip through (an import between the
  // check and the event), the row stays as it was rather than fail the append and stall the workflow.
  await sql`
    update task_assignments a set unit_code = ${unitCode}
     where a.task_id = ${event.streamId}
       and not exists (
         select 1 from task_assignments b
          where b.campaign_id = a.campaign_id and b.indicator_code = a.indicator_code and b.unit_code = ${unitCode})`.execute(trx);
}

export class TaskAssignmentUnitProjection implements InlineProjection {
  readonly name = 'task_assignment_units';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'TaskReassigned' && isIndicatorTaskStream(event.streamId)) await applyReassignment(trx, event);
    }
  }

  /** Replays every reassignment in order: the rows end as the last one left them. Imports never move units. */
  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    let count = 0;
    return {
      visit(event) {
        if (event.type !== 'TaskReassigned' || !isIndicatorTaskStream(event.streamId)) return;
        count += 1;
        return applyReassignment(trx, event);
      },
      async finish() {
        return { events: count };
      },
    };
  }
}
