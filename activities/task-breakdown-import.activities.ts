// Applies an import's changes to the task workflows, a batch at a time: new tasks are started (idempotently,
// the workflow id is the business key) and changed tasks are told by a signal (content-idempotent).
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { campaignPolicy } from '../src/campaign/campaign.repository';
import type { Db } from '../src/platform/database/database';
import { startIndicatorTask } from '../src/indicator-task/indicator-task.starter';
import type { ImportItem, TaskBreakdownRepository } from '../src/task-breakdown/task-breakdown.repository';
import { breakdownChangedSignal } from '../workflows/indicator-task/indicator-task.messages';
import type { Actor } from '../workflows/shared/actor.types';

/** Starts and signals of one batch in flight at once: more only queue the new tasks' first workflow tasks in Temporal (bench/RESULTS.md, import). */
export const IMPORT_START_CONCURRENCY = 8;

export interface ApplyBatchInput {
  importId: string;
  limit: number;
}

export interface ApplyBatchResult {
  applied: number;
  done: boolean;
}

/**
 * `starter`: a client over the worker's own NativeConnection when the worker runs the tasks' queue, so that each
 * start hands its first workflow task straight to this worker (startIndicatorTask `eager`); else `client`.
 */
export function createTaskBreakdownImportActivities(deps: { imports: TaskBreakdownRepository; db: Db; client: Client; taskQueue: string; starter?: Client }) {
  const start = (task: Parameters<typeof startIndicatorTask>[2]) =>
    deps.starter ? startIndicatorTask(deps.starter, deps.taskQueue, task, { eager: true }) : startIndicatorTask(deps.client, deps.taskQueue, task);
  return {
    async applyImportBatch({ importId, limit }: ApplyBatchInput): Promise<ApplyBatchResult> {
      const record = await deps.imports.findImport(importId);
      if (!record) {
        // The workflow is started inside the import's transaction: give the commit time to become visible.
        throw ApplicationFailure.retryable(`导入记录 ${importId} 尚不可见 / import not visible yet`, 'IMPORT_NOT_VISIBLE');
      }
      const items = await deps.imports.pendingItems(importId, limit);
      const actor: Actor = { userId: record.imported_by, displayName: '创建办（任务分解表导入）', role: 'OFFICE', unitCode: null };
      const policy = await campaignPolicy(deps.db, record.campaign_id);
      // Each start is a round trip to Temporal: one after another, a large breakdown took minutes. Every item is
      // safe to send twice, so when one fails the whole batch is retried and nothing is marked applied.
      const apply = async (item: ImportItem) => {
        const task = {
          campaignId: record.campaign_id,
          indicatorCode: item.indicatorCode,
          unitCode: item.unitCode,
          leadUnitCode: item.leadUnitCode,
          dueAt: item.dueAt,
          createdBy: actor,
          policy,
          // Only when named: a task started without one gets the input (and the creation event) it always had.
          ...(item.responsiblePerson ? { responsiblePerson: item.responsiblePerson } : {}),
        };
        if (item.kind === 'CHANGED') {
          try {
            await deps.client.workflow.getHandle(item.taskId).signal(breakdownChangedSignal, { importId, dueAt: item.dueAt, leadUnitCode: item.leadUnitCode, actor });
          } catch (err) {
            // An archived task has finished; one that never started (an earlier import cut short) starts now.
            if (!(err instanceof WorkflowNotFoundError)) throw err;
            await start(task);
          }
        } else {
          await start(task);
        }
      };
      let next = 0;
      let failure: unknown = null;
      const lane = async () => {
        while (failure === null && next < items.length) {
          const item = items[next++];
          Context.current().heartbeat(item.seq);
          try {
            await apply(item);
          } catch (err) {
            failure ??= err;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(IMPORT_START_CONCURRENCY, items.length) }, lane));
      if (failure !== null) throw failure;
      const applied = items.map((item) => item.seq);
      await deps.imports.markApplied(importId, applied);
      const done = items.length < limit;
      if (done) await deps.imports.complete(importId);
      return { applied: applied.length, done };
    },
  };
}

export type TaskBreakdownImportActivities = ReturnType<typeof createTaskBreakdownImportActivities>;
