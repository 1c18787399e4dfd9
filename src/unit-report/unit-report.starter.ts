// Opening a month of units' reports: one workflow per unit under its business key, so opening the same month again
// (the monthly schedule, the office's button, a retried activity) starts nothing twice. Used by the monthly cadence's
// activity and by the API.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { startOfLocalDate } from '../../workflows/campaign/campaign.calendar';
import { DAY, addMs } from '../../workflows/shared/time';
import type { Actor } from '../../workflows/shared/actor.types';
import { unitReportWorkflowId, UNIT_REPORT_WORKFLOW_TYPE } from '../../workflows/unit-report/unit-report.messages';
import type { UnitReportInput, UnitReportLadder } from '../../workflows/unit-report/unit-report.types';
import type { UnitReportRepository } from './unit-report.repository';

/** The end of the due day of `month` (24:00 local time). */
export function unitReportDueAt(month: string, dueDay: number, timeZone: string): string {
  return addMs(startOfLocalDate(`${month}-${String(dueDay).padStart(2, '0')}`, timeZone), DAY);
}

export interface OpenMonthRequest {
  campaignId: string;
  month: string;
  openedBy: Actor;
  /** Only these units (tests, demo); every unit of the organisation when absent. */
  unitCodes?: readonly string[];
  /** The deadline instead of the due day's end (tests, demo). */
  dueAt?: string;
  ladder?: UnitReportLadder;
}

/** Starts the month's reports that are not started yet; answers how many were started now and how many were there. */
export async function openUnitReportMonth(client: Client, taskQueue: string, reports: Pick<UnitReportRepository, 'campaign' | 'dueDay' | 'units'>, request: OpenMonthRequest): Promise<{ opened: number; existing: number } | null> {
  const campaign = await reports.campaign(request.campaignId);
  if (!campaign) return null;
  const dueDay = await reports.dueDay(campaign.id);
  const dueAt = request.dueAt ?? unitReportDueAt(request.month, dueDay, campaign.timeZone);
  const units = await reports.units(request.unitCodes ?? null);
  let opened = 0;
  let existing = 0;
  // A few at a time: a month is a few dozen units.
  for (let i = 0; i < units.length; i += 8) {
    const started = await Promise.all(
      units.slice(i, i + 8).map(async (unit) => {
        const input: UnitReportInput = { campaignId: campaign.id, unitCode: unit.code, month: request.month, dueAt, dueDay, openedBy: request.openedBy, ...(request.ladder ? { ladder: request.ladder } : {}) };
        try {
          await client.workflow.start(UNIT_REPORT_WORKFLOW_TYPE, {
            workflowId: unitReportWorkflowId(campaign.id, unit.code, request.month),
            taskQueue,
            args: [input],
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          });
          return true;
        } catch (err) {
          if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
          throw err;
        }
      }),
    );
    opened += started.filter(Boolean).length;
    existing += started.filter((s) => !s).length;
  }
  return { opened, existing };
}
