// Starting the workflows of 总结评议: a self-evaluation round under its business key (campaign and a key of the
// request), and a campaign's 评议 once (starting it again changes nothing). Used by the API and the demo.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { APPRAISAL_WORKFLOW_TYPE, appraisalWorkflowId } from '../../workflows/appraisal/appraisal.messages';
import type { AppraisalInput } from '../../workflows/appraisal/appraisal.types';
import { SELF_EVALUATION_WORKFLOW_TYPE, selfEvaluationWorkflowId } from '../../workflows/self-evaluation/self-evaluation.messages';
import type { SelfEvaluationInput } from '../../workflows/self-evaluation/self-evaluation.types';

/** Starts the round's workflow; answers its id. A key used before is refused by Temporal (REJECT_DUPLICATE). */
export async function startSelfEvaluationRound(client: Client, taskQueue: string, key: string, input: SelfEvaluationInput): Promise<string> {
  const workflowId = selfEvaluationWorkflowId(input.campaignId, key);
  await client.workflow.start(SELF_EVALUATION_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
  return workflowId;
}

/** Starts the campaign's 评议 unless it runs already; answers whether it was started now. */
export async function startAppraisal(client: Client, taskQueue: string, input: AppraisalInput): Promise<boolean> {
  try {
    await client.workflow.start(APPRAISAL_WORKFLOW_TYPE, { workflowId: appraisalWorkflowId(input.campaignId), taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}
