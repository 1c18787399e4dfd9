// Message definitions and ids shared by the campaign workflows, the API's Temporal client, the activities and
// the tests.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../shared/actor.types';
import type { CadenceResult, CampaignActionRequest, CampaignState, Phase } from './campaign.types';

export interface CampaignActionResult {
  version: number;
  phase: Phase;
}

/** Every human action on the campaign is one Update: its validator refuses illegal moves before anything is written. */
export const campaignActionUpdate = defineUpdate<CampaignActionResult, [CampaignActionRequest]>('campaignAction');

/**
 * The monthly check of one month, asked by the monthly workflow (through an activity) and answered from the
 * campaign's own record of visits and meetings. Idempotent by content: asking twice flags a shortfall once.
 */
export const checkCadenceUpdate = defineUpdate<CadenceResult, [{ month: string; actor: Actor }]>('checkCadence');

/** For operators and tests; the API reads the PostgreSQL projection instead. */
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');

export const CAMPAIGN_CLOCK_WORKFLOW_TYPE = 'campaignClockWorkflow';
export const MONTHLY_CADENCE_WORKFLOW_TYPE = 'monthlyCadenceWorkflow';
export const BOARD_SNAPSHOT_WORKFLOW_TYPE = 'boardSnapshotWorkflow';

export const CAMPAIGN_STREAM_PREFIX = 'campaign:';

/** Business key of the campaign's clock, and the id of its event stream: one per campaign. */
export function campaignWorkflowId(campaignId: string): string {
  return `${CAMPAIGN_STREAM_PREFIX}${campaignId}`;
}

/** The Temporal Schedule that starts the monthly cadence of a campaign, and the base id of the runs it starts. */
export function monthlyScheduleId(campaignId: string): string {
  return `campaign-monthly:${campaignId}`;
}

/** The Temporal Schedule that takes the campaign's board snapshot every night, and the base id of its runs. */
export function boardSnapshotScheduleId(campaignId: string): string {
  return `campaign-board-snapshot:${campaignId}`;
}
