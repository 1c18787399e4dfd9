// Messages of the inspection-round workflow: its type name and id, the action update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { InspectionRoundState, RoundActionRequest, RoundState } from './inspection-round.types';

export const INSPECTION_ROUND_WORKFLOW_TYPE = 'inspectionRoundWorkflow';
export const roundActionUpdate = defineUpdate<{ version: number; state: RoundState }, [RoundActionRequest]>('roundAction');
export const roundStateQuery = defineQuery<InspectionRoundState>('roundState');

export const INSPECTION_ROUND_STREAM_PREFIX = 'inspection-round:';

/** Business key of a round's workflow, and the id of its event stream. */
export function inspectionRoundWorkflowId(campaignId: string, key: string): string {
  return `${INSPECTION_ROUND_STREAM_PREFIX}${campaignId}:${key}`;
}
