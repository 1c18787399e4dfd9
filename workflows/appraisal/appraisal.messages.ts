// Messages of the 评议 workflow: its type name and id, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AppraisalActionRequest, AppraisalState } from './appraisal.types';

export interface AppraisalActionResult {
  version: number;
}

export const APPRAISAL_WORKFLOW_TYPE = 'appraisalWorkflow';
export const appraisalActionUpdate = defineUpdate<AppraisalActionResult, [AppraisalActionRequest]>('appraisalAction');
export const appraisalStateQuery = defineQuery<AppraisalState>('appraisalState');

export const APPRAISAL_STREAM_PREFIX = 'appraisal:';

/** One per campaign. */
export function appraisalWorkflowId(campaignId: string): string {
  return `${APPRAISAL_STREAM_PREFIX}${campaignId}`;
}
