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
  async criteriaOf(indicatorCodes: readonly string[]): Promise<{ code: string; points: number }[]> {
    const rows = await this.db.selectFrom('criteria').select(['code', 'points', 'indicator_code']).where('indicator_code', 'in', [...indicatorCodes]).execute();
    return rows.map((c) => ({ code: c.code, points: Number(c.points) }));
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
