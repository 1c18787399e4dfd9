// Messages of the funding-ledger workflow: its type name and id, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { FundingActionRequest, FundingLedgerState } from './funding.types';

export interface FundingActionResult {
  version: number;
}

export const FUNDING_LEDGER_WORKFLOW_TYPE = 'fundingLedgerWorkflow';
export const fundingActionUpdate = defineUpdate<FundingActionResult, [FundingActionRequest]>('fundingAction');
export const fundingStateQuery = defineQuery<FundingLedgerState>('fundingState');

export const FUNDING_STREAM_PREFIX = 'funding-ledger:';

/** The business key: one ledger per campaign. */
export function fundingLedgerWorkflowId(campaignId: string): string {
  return `${FUNDING_STREAM_PREFIX}${campaignId}`;
}
