// The monthly cadence's step for units' reports: open the new month's report of every unit. Safe to run twice: each
// report's workflow id is its business key.
import { ApplicationFailure } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { Db } from '../src/platform/database/database';
import { UnitReportRepository } from '../src/unit-report/unit-report.repository';
import { openUnitReportMonth } from '../src/unit-report/unit-report.starter';
import type { Actor } from '../workflows/shared/actor.types';

export interface OpenUnitReportsInput {
  campaignId: string;
  /** The month the reports are for (YYYY-MM). */
  month: string;
  actor: Actor;
}

export function createUnitReportActivities(deps: { db: Db; client: Client; taskQueue: string }) {
  const reports = new UnitReportRepository(deps.db);
  return {
    async openUnitReports({ campaignId, month, actor }: OpenUnitReportsInput): Promise<{ opened: number; existing: number }> {
      const done = await openUnitReportMonth(deps.client, deps.taskQueue, reports, { campaignId, month, openedBy: actor });
      if (!done) throw ApplicationFailure.create({ type: 'NOT_FOUND', message: `创文活动「${campaignId}」不存在`, nonRetryable: true });
      return done;
    },
  };
}

export type UnitReportActivities = ReturnType<typeof createUnitReportActivities>;
