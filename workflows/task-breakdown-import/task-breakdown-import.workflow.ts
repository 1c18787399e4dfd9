// Brings an imported task breakdown to the task workflows, batch by batch. Durable: if a worker dies in the
// middle, the next one carries on from the changes not yet marked applied.
import { proxyActivities } from '@temporalio/workflow';
import type { TaskBreakdownImportActivities } from '../../activities/task-breakdown-import.activities';
import type { TaskBreakdownImportInput, TaskBreakdownImportResult } from './task-breakdown-import.types';

const { applyImportBatch } = proxyActivities<TaskBreakdownImportActivities>({
  startToCloseTimeout: '5 minutes',
  // A batch heartbeats at each start; a worker that died mid-batch is noticed within this, and the batch retried.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export const IMPORT_BATCH_SIZE = 100;

export async function taskBreakdownImportWorkflow(input: TaskBreakdownImportInput): Promise<TaskBreakdownImportResult> {
  let applied = 0;
  for (;;) {
    const batch = await applyImportBatch({ importId: input.importId, limit: IMPORT_BATCH_SIZE });
    applied += batch.applied;
    if (batch.done) return { applied };
  }
}
