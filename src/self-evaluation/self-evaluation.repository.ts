// All of 总结评议's SQL: the rounds and 评议 projections, the units a round may ask and their tasks, indicator names.
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { AppraisalState } from '../../workflows/appraisal/appraisal.types';
import type { SelfEvaluationState } from '../../workflows/self-evaluation/self-evaluation.types';

export interface SelfEvaluationRoundView {
  id: string;
  campaignId: string;
  state: SelfEvaluationState;
}

const COLUMNS = ['round_id', 'campaign_id', 'state_json'] as const;

function toView(row: { round_id: string; campaign_id: string; state_json: Record<string, unknown> }): SelfEvaluationRoundView {
  return { id: row.round_id, campaignId: row.campaign_id, state: row.state_json as unknown as SelfEvaluationState };
}

@Injectable()
export class SelfEvaluationRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async find(roundId: string): Promise<SelfEvaluationRoundView | null> {
    const row = await this.db.selectFrom('self_evaluation_rounds').select(COLUMNS).where('round_id', '=', roundId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** A campaign's rounds by period, oldest first. */
  async ofCampaign(campaignId: string): Promise<SelfEvaluationRoundView[]> {
    const rows = await this.db.selectFrom('self_evaluation_rounds').select(COLUMNS).where('campaign_id', '=', campaignId).orderBy('period_end').orderBy('round_id').execute();
    return rows.map(toView);
  }

  async appraisal(campaignId: string): Promise<AppraisalState | null> {
    const row = await this.db.selectFrom('appraisals').select(['state_json']).where('campaign_id', '=', campaignId).executeTakeFirst();
    return row ? (row.state_json as unknown as AppraisalState) : null;
  }

  async appraisalVersion(campaignId: string): Promise<number> {
    const row = await this.db.selectFrom('appraisals').select(['version']).where('campaign_id', '=', campaignId).executeTakeFirst();
    return row?.version ?? 0;
  }

  async allUnits(): Promise<{ code: string; name: string; kind: string }[]> {
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).orderBy('code').execute();
  }

  async units(codes: readonly string[]): Promise<{ code: string; name: string; kind: string }[]> {
    if (codes.length === 0) return [];
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...codes]).orderBy('code').execute();
  }

  /** The campaign's indicator tasks of these units (their own, by their responsible unit), by indicator. */
  async tasksOf(campaignId: string, unitCodes: readonly string[]): Promise<{ taskId: string; unitCode: string; indicatorCode: string }[]> {
    if (unitCodes.length === 0) return [];
    const rows = await this.db
      .selectFrom('indicator_task_cards')
      .select(['task_id', 'unit_code', 'indicator_code'])
      .where('campaign_id', '=', campaignId)
      .where('unit_code', 'in', [...unitCodes])
      .orderBy('unit_code')
      .orderBy('indicator_code')
      .orderBy('task_id')
      .execute();
    return rows.map((r) => ({ taskId: r.task_id, unitCode: r.unit_code, indicatorCode: r.indicator_code }));
  }

  /** Each task's indicator code and name. */
  async taskIndicators(taskIds: readonly string[]): Promise<Map<string, { code: string; name: string }>> {
    if (taskIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('indicator_task_cards as c')
      .leftJoin('indicators as i', 'i.code', 'c.indicator_code')
      .select(['c.task_id', 'c.indicator_code', 'i.name'])
      .where('c.task_id', 'in', [...taskIds])
      .execute();
    return new Map(rows.map((r) => [r.task_id, { code: r.indicator_code, name: r.name ?? r.indicator_code }]));
  }
}
