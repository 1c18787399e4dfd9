// Messages of the publicity-ledger workflow: its type name and id, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PublicityActionRequest, PublicityLedgerState } from './publicity.types';

export interface PublicityActionResult {
  version: number;
}

export const PUBLICITY_LEDGER_WORKFLOW_TYPE = 'publicityLedgerWorkflow';
export const publicityActionUpdate = defineUpdate<PublicityActionResult, [PublicityActionRequest]>('publicityAction');
export const publicityStateQuery = defineQuery<PublicityLedgerState>('publicityState');

export const PUBLICITY_STREAM_PREFIX = 'publicity-ledger:';

/** The business key: one ledger per campaign. */
export function publicityLedgerWorkflowId(campaignId: string): string {
  return `${PUBLICITY_STREAM_PREFIX}${campaignId}`;
}
