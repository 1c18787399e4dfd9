// The only place SQL about inspection rounds lives: the round projection, a round's events, and the catalogue
// rows a plan or a score sheet is checked against.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { readStream } from '../platform/event-store/event-store.repository';
import type { HistoryEvent } from '../platform/event-store/event-store.types';
import type { InspectionRoundState, RoundKind } from '../../workflows/inspection-round/inspection-round.types';

export interface RoundView extends InspectionRoundState {
  id: string;
}

@Injectable()
export class InspectionRoundRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async findById(roundId: string): Promise<RoundView | null> {
    const row = await this.db.selectFrom('inspection_rounds').select(['round_id', 'state_json']).where('round_id', '=', roundId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** A campaign's rounds, of one kind when asked, by planned date and then when planned. */
  async list(campaignId: string, kind: RoundKind | null | undefined): Promise<RoundView[]> {
    let q = this.db.selectFrom('inspection_rounds').select(['round_id', 'state_json']).where('campaign_id', '=', campaignId);
    if (kind) q = q.where('kind', '=', kind);
    const rows = await q.orderBy('planned_on').orderBy('created_at').execute();
    return rows.map(toView);
  }

  /** Which of these indicator codes exist. */
  async knownIndicatorCodes(codes: readonly string[]): Promise<string[]> {
    const rows = await this.db.selectFrom('indicators').select('code').where('code', 'in', [...codes]).execute();
    return rows.map((r) => r.code);
  }

  /** The criteria of these indicators with their points, for a mock assessment's score sheet. */
  async criteriaOf(indicatorCodes: readonly string[]): Promise<{ code: string; points: number; indicatorCode: string; content: string }[]> {
    if (indicatorCodes.length === 0) return [];
    const rows = await this.db
      .selectFrom('criteria')
      .select(['code', 'points', 'indicator_code', 'content'])
      .where('indicator_code', 'in', [...indicatorCodes])
      .orderBy('indicator_code')
      .orderBy('position')
      .execute();
    return rows.map((c) => ({ code: c.code, points: Number(c.points), indicatorCode: c.indicator_code, content: c.content }));
  }

  /** The campaign's tasks of these indicators, with their unit's name and the indicator's name and area (issue 20). */
  async tasksOf(campaignId: string, indicatorCodes: readonly string[]) {
    if (indicatorCodes.length === 0) return [];
    return this.db
      .selectFrom('indicator_task_cards as t')
      .innerJoin('units as u', 'u.code', 't.unit_code')
      .innerJoin('indicators as i', 'i.code', 't.indicator_code')
      .select(['t.task_id as taskId', 't.indicator_code as indicatorCode', 't.unit_code as unitCode', 'u.name as unitName', 'i.name as indicatorName', 'i.area as area', 't.stage as stage'])
      .where('t.campaign_id', '=', campaignId)
      .where('t.indicator_code', 'in', [...indicatorCodes])
      .orderBy('t.indicator_code')
      .orderBy('t.unit_code')
      .execute();
  }

  /** The campaign's latest saved window-service checklist (issue 20); null before the office saves one. */
  async latestChecklist(campaignId: string) {
    return (
      (await this.db
        .selectFrom('window_service_checklists')
        .select(['version', 'points', 'saved_by', 'saved_at'])
        .where('campaign_id', '=', campaignId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst()) ?? null
    );
  }

  /** Saves the checklist as the next version; false when another save took that version first. */
  async saveChecklist(campaignId: string, version: number, points: { code: string; label: string }[], savedBy: string): Promise<boolean> {
    const res = await this.db
      .insertInto('window_service_checklists')
      .values({ campaign_id: campaignId, version, points: JSON.stringify(points), saved_by: savedBy })
      .onConflict((oc) => oc.columns(['campaign_id', 'version']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** A unit with its kind, or null. */
  async unit(code: string) {
    return (await this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst()) ?? null;
  }

  /** The window-service units (organisation kind SERVICE_WINDOW), by code. */
  async windowServiceUnits() {
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('kind', '=', 'SERVICE_WINDOW').orderBy('code').execute();
  }

  /** A round's events in stream order. */
  async history(roundId: string): Promise<HistoryEvent[]> {
    return readStream(this.db, roundId);
  }

  /** A campaign's closed mock assessments in date order, with their scores. */
  async closedMockAssessments(campaignId: string) {
    return this.db
      .selectFrom('inspection_rounds')
      .select(['round_id', 'title', sql<string>`planned_on::text`.as('planned_on'), 'score', 'max_score', 'score_rate'])
      .where('campaign_id', '=', campaignId)
      .where('kind', '=', 'MOCK_ASSESSMENT')
      .where('state', '=', 'CLOSED')
      .orderBy('planned_on')
      .orderBy('closed_at')
      .execute();
  }
}

function toView(row: { round_id: string; state_json: unknown }): RoundView {
  return { ...(row.state_json as InspectionRoundState), id: row.round_id };
}
