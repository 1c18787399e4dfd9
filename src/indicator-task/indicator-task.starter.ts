// Starts indicator-task workflows. The workflow id is the business key, so starting the same task twice
// is harmless: the second start finds the first and leaves it alone.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { CAMPAIGN_ID, INDICATOR_CODE, TASK_STAGE, UNIT_CODE } from '../../workflows/search-attributes';
import { INDICATOR_TASK_WORKFLOW_TYPE, indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import type { IndicatorTaskInput } from '../../workflows/indicator-task/indicator-task.types';

export type NewIndicatorTask = Omit<IndicatorTaskInput, 'taskId'>;

/**
 * Returns true when a workflow was started now, false when it already existed. `eager`: the client is a worker's
 * own (over its NativeConnection) and asks Temporal to hand the first workflow task straight back to that worker in
 * the start's answer, sparing the task queue a dispatch (the import starts thousands at once); when the worker has
 * no free slot Temporal dispatches it as usual.
 */
export async function startIndicatorTask(client: Client, taskQueue: string, task: NewIndicatorTask, options: { eager?: boolean } = {}): Promise<boolean> {
  const taskId = indicatorTaskWorkflowId(task.campaignId, task.indicatorCode, task.unitCode);
  try {
    await client.workflow.start(INDICATOR_TASK_WORKFLOW_TYPE, {
      workflowId: taskId,
      taskQueue,
      args: [{ ...task, taskId, createdLocally: true }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      ...(options.eager ? { requestEagerStart: true } : {}),
      typedSearchAttributes: [
        { key: CAMPAIGN_ID, value: task.campaignId },
        { key: UNIT_CODE, value: task.unitCode },
        { key: INDICATOR_CODE, value: task.indicatorCode },
        { key: TASK_STAGE, value: 'SELF_CHECK' },
      ],
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

/** Starts many tasks with bounded concurrency; returns how many were new. */
export async function startIndicatorTasks(
  client: Client,
  taskQueue: string,
  tasks: readonly NewIndicatorTask[],
  concurrency = 16,
): Promise<number> {
  let next = 0;
  let started = 0;
  async function lane() {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (await startIndicatorTask(client, taskQueue, task)) started += 1;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, lane));
  return started;
}
