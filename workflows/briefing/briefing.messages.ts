// Messages of the briefing workflow: its type name and ids, the action Update, the "drafted" Update the office's
// create request waits on, and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BriefingActionRequest, BriefingState, BriefingStateView } from './briefing.types';

export interface BriefingActionResult {
  version: number;
  state: BriefingState;
}

export const BRIEFING_WORKFLOW_TYPE = 'briefingWorkflow';
export const briefingActionUpdate = defineUpdate<BriefingActionResult, [BriefingActionRequest]>('briefingAction');
/** Answers once the draft is recorded: what the create request waits for. */
export const briefingDraftedUpdate = defineUpdate<BriefingStateView, []>('briefingDrafted');
export const briefingStateQuery = defineQuery<BriefingStateView>('briefingState');

export const BRIEFING_STREAM_PREFIX = 'briefing-';

export function briefingWorkflowId(key: string): string {
  return `${BRIEFING_STREAM_PREFIX}${key}`;
}
