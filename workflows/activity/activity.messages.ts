// Messages of the activity workflow: its type name and ids, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActivityActionRequest, ActivityState, ActivityStateName } from './activity.types';

export interface ActivityActionResult {
  version: number;
  state: ActivityStateName;
}

export const ACTIVITY_WORKFLOW_TYPE = 'activityWorkflow';
export const activityActionUpdate = defineUpdate<ActivityActionResult, [ActivityActionRequest]>('activityAction');
export const activityStateQuery = defineQuery<ActivityState>('activityState');

export const ACTIVITY_STREAM_PREFIX = 'activity:';

/** The business key: an activity of a campaign, named by the key the office's request was given. */
export function activityWorkflowId(campaignId: string, key: string): string {
  return `${ACTIVITY_STREAM_PREFIX}${campaignId}:${key}`;
}
