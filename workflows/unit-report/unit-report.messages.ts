// Messages of the unit-report workflow: its type name and ids, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UnitReportActionRequest, UnitReportState, UnitReportStateName } from './unit-report.types';

export interface UnitReportActionResult {
  version: number;
  state: UnitReportStateName;
}

export const UNIT_REPORT_WORKFLOW_TYPE = 'unitReportWorkflow';
export const unitReportActionUpdate = defineUpdate<UnitReportActionResult, [UnitReportActionRequest]>('unitReportAction');
export const unitReportStateQuery = defineQuery<UnitReportState>('unitReportState');

export const UNIT_REPORT_STREAM_PREFIX = 'unit-report:';

/** The business key: one report per campaign, unit and month, however often the month is opened. */
export function unitReportWorkflowId(campaignId: string, unitCode: string, month: string): string {
  return `${UNIT_REPORT_STREAM_PREFIX}${campaignId}:${unitCode}:${month}`;
}
