// Starting a campaign's publicity ledger: once, under its business key; starting it again changes nothing. Used by the
// service (on the first action), the demo and the tests.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { PUBLICITY_LEDGER_WORKFLOW_TYPE, publicityLedgerWorkflowId } from '../../workflows/publicity/publicity.messages';
import type { PublicityLedgerInput } from '../../workflows/publicity/publicity.types';
import type { Actor } from '../../workflows/shared/actor.types';

/** Answers whether it was started now. */
export async function startPublicityLedger(client: Client, taskQueue: string, request: { campaignId: string; openedBy: Actor }): Promise<boolean> {
  const input: PublicityLedgerInput = { campaignId: request.campaignId, openedBy: request.openedBy };
  try {
    await client.workflow.start(PUBLICITY_LEDGER_WORKFLOW_TYPE, {
      workflowId: publicityLedgerWorkflowId(request.campaignId),
      taskQueue,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}
