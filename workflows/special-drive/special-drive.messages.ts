// Messages of the special-drive workflow: its type name and ids, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DriveActionRequest, SpecialDriveState, SpecialDriveStateName } from './special-drive.types';

export interface DriveActionResult {
  version: number;
  state: SpecialDriveStateName;
}

export const SPECIAL_DRIVE_WORKFLOW_TYPE = 'specialDriveWorkflow';
export const specialDriveActionUpdate = defineUpdate<DriveActionResult, [DriveActionRequest]>('specialDriveAction');
export const specialDriveStateQuery = defineQuery<SpecialDriveState>('specialDriveState');

export const SPECIAL_DRIVE_STREAM_PREFIX = 'special-drive:';

/** The business key: one drive per campaign and area (the funding ledger names a drive by its area too). */
export function specialDriveWorkflowId(campaignId: string, area: string): string {
  return `${SPECIAL_DRIVE_STREAM_PREFIX}${campaignId}:${area}`;
}
