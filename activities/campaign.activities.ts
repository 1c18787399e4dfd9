// The monthly cadence's steps: ask the campaign's clock to check a month (the clock decides and records any
// shortfall on its own stream), and generate the month's report from the projections and events in PostgreSQL.
// Both are safe to run twice: the check is idempotent by content, the report is stored per (campaign, month).
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { startCampaignClock } from '../src/campaign-clock/campaign-clock.starter';
import { buildMonthlyReport } from '../src/monthly-report/monthly-report.builder';
import { readReportFacts, saveMonthlyReport } from '../src/monthly-report/monthly-report.repository';
import type { Db } from '../src/platform/database/database';
import { campaignWorkflowId, checkCadenceUpdate } from '../workflows/campaign/campaign.messages';
import type { BoardSnapshotInput, BoardSnapshotResult, CadenceResult } from '../workflows/campaign/campaign.types';
import { SYSTEM_ACTOR, type Actor } from '../workflows/shared/actor.types';
import { inspectionRoundWorkflowId } from '../workflows/inspection-round/inspection-round.messages';
import { startRound } from '../src/inspection-round/inspection-round.service';
import { BoardSnapshotRepository } from '../src/reports/board-snapshot.repository';
import { componentLogger } from '../src/platform/logging/logger';

export interface CheckCadenceInput {
  campaignId: string;
  month: string;
  actor: Actor;
}

export interface OpenSupervisionRoundInput {
  campaignId: string;
  /** The month the round is for (YYYY-MM): the one the schedule's run begins. */
  month: string;
}

export interface GenerateReportInput {
  campaignId: string;
  month: string;
  cadence: CadenceResult | null;
}

function notFound(campaignId: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'NOT_FOUND', message: `创文活动「${campaignId}」不存在`, nonRetryable: true });
}

export function createCampaignActivities(deps: { db: Db; client: Client; taskQueue: string }) {
  async function campaign(campaignId: string) {
    const row = await deps.db
      .selectFrom('campaigns')
      .select(['id', 'time_zone', (eb) => eb.cast<string>('inspection_date', 'text').as('inspection_date')])
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (!row) throw notFound(campaignId);
    return { id: row.id, timeZone: row.time_zone, inspectionDate: row.inspection_date };
  }

  const snapshots = new BoardSnapshotRepository(deps.db);

  return {
    /** The campaign's board snapshot: the last one and the events since (src/reports/board-snapshot.ts). */
    async takeBoardSnapshot({ campaignId }: BoardSnapshotInput): Promise<BoardSnapshotResult> {
      await campaign(campaignId);
      const started = Date.now();
      const taken = await snapshots.take(campaignId);
      if (taken) {
        componentLogger('board-snapshot').info(
          { campaignId, seq: taken.seq, events: taken.events, streams: taken.streams, pruned: taken.pruned, restarted: taken.restarted, ms: Date.now() - started },
          `看板快照：${campaignId} 第 ${taken.seq} 个，${taken.events} 个事件，${taken.streams} 张卡片有变化 / board snapshot taken`,
        );
      }
      return { seq: taken?.seq ?? null, events: taken?.events ?? 0, streams: taken?.streams ?? 0 };
    },

    async checkCadence({ campaignId, month, actor }: CheckCadenceInput): Promise<CadenceResult> {
      const handle = deps.client.workflow.getHandle(campaignWorkflowId(campaignId));
      const ask = () => handle.executeUpdate(checkCadenceUpdate, { args: [{ month, actor }] });
      try {
        return await ask();
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
          throw ApplicationFailure.create({ type: err.cause.type ?? 'BAD_USER_INPUT', message: err.cause.message, nonRetryable: true });
        }
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
      // A campaign created after start-up has no clock yet: start it, then ask again.
      await startCampaignClock(deps.client, deps.taskQueue, await campaign(campaignId));
      return ask();
    },

    /** 每月督查: the month's supervision round, planned for its first day; once per (campaign, month). */
    async openMonthlySupervisionRound({ campaignId, month }: OpenSupervisionRoundInput): Promise<{ roundId: string; opened: boolean }> {
      await campaign(campaignId);
      const roundId = inspectionRoundWorkflowId(campaignId, `monthly-${month}`);
      const [year, m] = month.split('-');
      const opened = await startRound(deps.client, deps.taskQueue, {
        roundId,
        campaignId,
        kind: 'MONTHLY_SUPERVISION',
        title: `${year}年${Number(m)}月每月督查`,
        plannedOn: `${month}-01`,
        places: [],
        indicatorCodes: [],
        plannedBy: SYSTEM_ACTOR,
      });
      return { roundId, opened };
    },

    async generateMonthlyReport({ campaignId, month, cadence }: GenerateReportInput): Promise<{ generatedAt: string }> {
      const facts = await readReportFacts(deps.db, campaignId, month, cadence, new Date());
      if (!facts) throw notFound(campaignId);
      const content = buildMonthlyReport(facts);
      const workflowId = Context.current().info.workflowExecution?.workflowId ?? null;
      await saveMonthlyReport(deps.db, { campaignId, month, generatedAt: new Date(content.generatedAt), content, workflowId });
      return { generatedAt: content.generatedAt };
    },
  };
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
