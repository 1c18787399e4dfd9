// All of the briefings' SQL for the API: the briefings projection, their streams' events (the history), the units
// and people they name, and the month's rectification items for the pre-filled draft.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Selectable } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { BriefingsTable } from '../platform/database/database.types';
import type { BriefingKind, BriefingState, BriefingStateView } from '../../workflows/briefing/briefing.types';

export interface BriefingView {
  id: string;
  campaignId: string;
  updatedAt: string;
  state: BriefingStateView;
}

const COLUMNS = ['briefing_id', 'campaign_id', 'updated_at', 'state_json'] as const;

function toView(row: Pick<Selectable<BriefingsTable>, (typeof COLUMNS)[number]>): BriefingView {
  return { id: row.briefing_id, campaignId: row.campaign_id, updatedAt: row.updated_at.toISOString(), state: row.state_json as unknown as BriefingStateView };
}

export interface BriefingListFilter {
  campaignId: string;
  kind: BriefingKind | null;
  state: BriefingState | null;
  publishedOnly: boolean;
  /** Only those naming this unit and not yet acknowledged by it. */
  awaitingUnit: string | null;
  limit: number;
}

export interface FindingRow {
  description: string;
  address: string;
  unitCode: string | null;
  state: string;
  dueAt: Date | null;
}

@Injectable()
export class BriefingRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async find(id: string): Promise<BriefingView | null> {
    const row = await this.db.selectFrom('briefings').select(COLUMNS).where('briefing_id', '=', id).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async list(f: BriefingListFilter): Promise<BriefingView[]> {
    let query = this.db.selectFrom('briefings').select(COLUMNS).where('campaign_id', '=', f.campaignId);
    if (f.kind) query = query.where('kind', '=', f.kind);
    if (f.state) query = query.where('state', '=', f.state);
    if (f.publishedOnly) query = query.where('state', '=', 'PUBLISHED');
    if (f.awaitingUnit !== null) query = query.where(sql<boolean>`pending_units @> array[${f.awaitingUnit}]::text[]`);
    const rows = await query.orderBy('updated_at', 'desc').orderBy('briefing_id', 'desc').limit(f.limit).execute();
    return rows.map(toView);
  }

  async units(codes: readonly string[]): Promise<Map<string, { code: string; name: string }>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name']).where('code', 'in', [...codes]).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** A briefing's events, oldest first (a briefing has few: a draft's edits, the approval, the 签收). */
  async events(streamId: string, limit: number): Promise<{ type: string; data: Record<string, unknown>; actor: { userId?: string; displayName?: string }; occurredAt: Date }[]> {
    const rows = await this.db.selectFrom('events').select(['type', 'data', 'metadata', 'occurred_at']).where('stream_id', '=', streamId).orderBy('stream_version', 'desc').limit(limit).execute();
    return rows.reverse().map((r) => ({ type: r.type, data: r.data, actor: (r.metadata.actor ?? {}) as { userId?: string; displayName?: string }, occurredAt: r.occurred_at }));
  }

  /** The rectification items found between `from` and `to` (the month of a pre-filled draft), oldest first. */
  async findings(campaignId: string, from: Date, to: Date, limit: number): Promise<FindingRow[]> {
    const rows = await this.db
      .selectFrom('rectification_item_cards')
      .select(['address', 'unit_code', 'state', 'due_at', 'state_json'])
      .where('campaign_id', '=', campaignId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ description: typeof r.state_json.description === 'string' ? r.state_json.description : '', address: r.address, unitCode: r.unit_code, state: r.state, dueAt: r.due_at }));
  }
}
