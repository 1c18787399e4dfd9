// Starting a campaign's funding ledger: once, under its business key; starting it again changes nothing. Used by the
// service (on the first action), the demo and the tests (which give a short approval ladder).
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { FUNDING_LEDGER_WORKFLOW_TYPE, fundingLedgerWorkflowId } from '../../workflows/funding/funding.messages';
import type { ApprovalLadder, FundingLedgerInput } from '../../workflows/funding/funding.types';
import type { Actor } from '../../workflows/shared/actor.types';

/** Answers whether it was started now. */
export async function startFundingLedger(client: Client, taskQueue: string, request: { campaignId: string; openedBy: Actor; ladder?: ApprovalLadder }): Promise<boolean> {
  const input: FundingLedgerInput = { campaignId: request.campaignId, openedBy: request.openedBy, ...(request.ladder ? { ladder: request.ladder } : {}) };
  try {
    await client.workflow.start(FUNDING_LEDGER_WORKFLOW_TYPE, {
      workflowId: fundingLedgerWorkflowId(request.campaignId),
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
