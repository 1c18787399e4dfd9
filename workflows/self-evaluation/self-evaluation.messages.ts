// Messages of the self-evaluation workflow: its type name and ids, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SelfEvaluationActionRequest, SelfEvaluationState, SelfEvaluationStateName } from './self-evaluation.types';

export interface SelfEvaluationActionResult {
  version: number;
  state: SelfEvaluationStateName;
}

export const SELF_EVALUATION_WORKFLOW_TYPE = 'selfEvaluationWorkflow';
export const selfEvaluationActionUpdate = defineUpdate<SelfEvaluationActionResult, [SelfEvaluationActionRequest]>('selfEvaluationAction');
export const selfEvaluationStateQuery = defineQuery<SelfEvaluationState>('selfEvaluationState');

export const SELF_EVALUATION_STREAM_PREFIX = 'self-evaluation:';

/** The business key: a round of a campaign, named by the key the office's request was given. */
export function selfEvaluationWorkflowId(campaignId: string, key: string): string {
  return `${SELF_EVALUATION_STREAM_PREFIX}${campaignId}:${key}`;
}
