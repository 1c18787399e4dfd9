// The workflow outbox's rows (migration 0023): written by projections inside an append's transaction, claimed and
// marked by the worker's starter. Several workers claim with SKIP LOCKED, so each row is handled by one at a time.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../database/database';
import type { Database } from '../database/database.types';

/** A workflow that an event must start: its id is the key, so the same event never starts it twice. */
export interface OutboxWorkflow {
  workflowId: string;
  workflowType: string;
  args: unknown[];
  sourceEventId: string;
}

/** A start that failed: the row stays pending and is tried again at the next pass. */
export interface FailedStart {
  workflowId: string;
  error: string;
}

const ERROR_LIMIT = 2_000;

export class WorkflowOutboxRepository {
  constructor(private readonly db: Db) {}

  /** In the caller's transaction; a row already there (a retried append, a rebuild) is left as it is. */
  static async enqueue(trx: Transaction<Database>, workflows: readonly OutboxWorkflow[]): Promise<void> {
    if (workflows.length === 0) return;
    await trx
      .insertInto('workflow_outbox')
      .values(workflows.map((w) => ({ workflow_id: w.workflowId, workflow_type: w.workflowType, args: JSON.stringify(w.args), source_event_id: w.sourceEventId })))
      .onConflict((oc) => oc.column('workflow_id').doNothing())
      .execute();
  }

  /**
   * Claims up to `limit` pending rows, oldest first, and lets `start` start their workflows while the rows stay
   * locked; marks the started ones and records the error of the others. Returns how many were claimed.
   */
  async drain(limit: number, start: (workflows: OutboxWorkflow[]) => Promise<FailedStart[]>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('workflow_outbox')
        .select(['workflow_id', 'workflow_type', 'args', 'source_event_id'])
        .where('started_at', 'is', null)
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const failed = await start(rows.map((r) => ({ workflowId: r.workflow_id, workflowType: r.workflow_type, args: r.args, sourceEventId: r.source_event_id })));
      const failedIds = new Set(failed.map((f) => f.workflowId));
      const started = rows.map((r) => r.workflow_id).filter((id) => !failedIds.has(id));
      if (started.length > 0) {
        await trx.updateTable('workflow_outbox').set({ started_at: sql<Date>`now()`, attempts: sql<number>`attempts + 1`, last_error: null }).where('workflow_id', 'in', started).execute();
      }
      for (const f of failed) {
        await trx
          .updateTable('workflow_outbox')
          .set({ attempts: sql<number>`attempts + 1`, last_error: f.error.slice(0, ERROR_LIMIT) })
          .where('workflow_id', '=', f.workflowId)
          .execute();
      }
      return rows.length;
    });
  }

  /** How many rows wait to be started (for health and tests). */
  async pending(): Promise<number> {
    const row = await this.db.selectFrom('workflow_outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('started_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
