// Planning an activity: one workflow under its business key (campaign and a key of the request), which records the
// plan. Used by the API and the demo.
import { WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { activityWorkflowId, ACTIVITY_WORKFLOW_TYPE } from '../../workflows/activity/activity.messages';
import type { ActivityInput } from '../../workflows/activity/activity.types';

/** Starts the activity's workflow; answers its id. A key used before is refused by Temporal (REJECT_DUPLICATE). */
export async function startActivity(client: Client, taskQueue: string, key: string, input: ActivityInput): Promise<string> {
  const workflowId = activityWorkflowId(input.campaignId, key);
  await client.workflow.start(ACTIVITY_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
  return workflowId;
}
