// All of the survey rounds' SQL: the rounds projection, the communities a round may cover, and a round's events.
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { SurveyRoundState } from '../../workflows/survey-round/survey-round.types';

export interface SurveyRoundView {
  id: string;
  campaignId: string;
  state: SurveyRoundState;
}

const COLUMNS = ['round_id', 'campaign_id', 'state_json'] as const;

function toView(row: { round_id: string; campaign_id: string; state_json: Record<string, unknown> }): SurveyRoundView {
  return { id: row.round_id, campaignId: row.campaign_id, state: row.state_json as unknown as SurveyRoundState };
}

@Injectable()
export class SurveyRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async find(roundId: string): Promise<SurveyRoundView | null> {
    const row = await this.db.selectFrom('survey_rounds').select(COLUMNS).where('round_id', '=', roundId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** A campaign's rounds by period, oldest first; only closed ones when asked. */
  async ofCampaign(campaignId: string, closedOnly = false): Promise<SurveyRoundView[]> {
    let query = this.db.selectFrom('survey_rounds').select(COLUMNS).where('campaign_id', '=', campaignId);
    if (closedOnly) query = query.where('state', '=', 'CLOSED');
    return (await query.orderBy('end_date').orderBy('start_date').orderBy('round_id').execute()).map(toView);
  }

  /** The organisation's communities (社区), by code: what a round may cover. */
  async communities(): Promise<{ code: string; name: string; kind: string }[]> {
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('kind', '=', 'COMMUNITY').orderBy('code').execute();
  }

  async units(codes: readonly string[]): Promise<{ code: string; name: string; kind: string }[]> {
    if (codes.length === 0) return [];
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...codes]).orderBy('code').execute();
  }

  /** A round's events, oldest first (at most `limit`). */
  async events(roundId: string, limit: number): Promise<{ type: string; data: Record<string, unknown>; actorName: string | null; occurredAt: Date }[]> {
    const rows = await this.db.selectFrom('events').select(['type', 'data', 'metadata', 'occurred_at']).where('stream_id', '=', roundId).orderBy('stream_version').limit(limit).execute();
    return rows.map((r) => {
      const actor = r.metadata.actor as { displayName?: unknown } | undefined;
      return { type: r.type, data: r.data, actorName: typeof actor?.displayName === 'string' ? actor.displayName : null, occurredAt: r.occurred_at };
    });
  }
}
