// All of the activities' SQL: the activities projection with the list's filters, the monthly counts, the units that
// may organise, the catalog's indicators, an activity's events and its archive library document.
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { ActivityKind, ActivityState, ActivityStateName } from '../../workflows/activity/activity.types';

export interface ActivityView {
  id: string;
  campaignId: string;
  state: ActivityState;
}

export interface ActivityListFilter {
  campaignId: string;
  /** Planned dates from (inclusive) and to (exclusive), YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  kind: ActivityKind | null;
  organiserUnitCode: string | null;
  state: ActivityStateName | null;
  limit: number;
}

export interface ActivityCountRow {
  month: string;
  kind: string;
  state: string;
  count: number;
  attendance: number;
}

const COLUMNS = ['activity_id', 'campaign_id', 'state_json'] as const;

function toView(row: { activity_id: string; campaign_id: string; state_json: Record<string, unknown> }): ActivityView {
  return { id: row.activity_id, campaignId: row.campaign_id, state: row.state_json as unknown as ActivityState };
}

@Injectable()
export class ActivityRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async find(activityId: string): Promise<ActivityView | null> {
    const row = await this.db.selectFrom('activities').select(COLUMNS).where('activity_id', '=', activityId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** A campaign's activities, latest planned date first, filtered. */
  async list(f: ActivityListFilter): Promise<ActivityView[]> {
    let query = this.db.selectFrom('activities').select(COLUMNS).where('campaign_id', '=', f.campaignId);
    if (f.from !== null) query = query.where('planned_date', '>=', f.from);
    if (f.to !== null) query = query.where('planned_date', '<', f.to);
    if (f.kind !== null) query = query.where('kind', '=', f.kind);
    if (f.organiserUnitCode !== null) query = query.where('organiser_unit_code', '=', f.organiserUnitCode);
    if (f.state !== null) query = query.where('state', '=', f.state);
    return (await query.orderBy('planned_date', 'desc').orderBy('activity_id').limit(f.limit).execute()).map(toView);
  }

  /** Per month of the planned date, kind and state: how many activities and their attendance. */
  async counts(campaignId: string): Promise<ActivityCountRow[]> {
    const rows = await this.db
      .selectFrom('activities')
      .select((eb) => [
        eb.fn<string>('substr', ['planned_date', eb.val(1), eb.val(7)]).as('month'),
        'kind',
        'state',
        eb.fn.countAll<string>().as('count'),
        eb.fn.coalesce(eb.fn.sum<string>('attendance'), eb.val('0')).as('attendance'),
      ])
      .where('campaign_id', '=', campaignId)
      .groupBy(['month', 'kind', 'state'])
      .orderBy('month')
      .execute();
    return rows.map((r) => ({ month: r.month, kind: r.kind, state: r.state, count: Number(r.count), attendance: Number(r.attendance) }));
  }

  async units(codes: readonly string[]): Promise<{ code: string; name: string; kind: string }[]> {
    if (codes.length === 0) return [];
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...codes]).orderBy('code').execute();
  }

  /** The catalog's indicators among `codes`, with their names. */
  async indicators(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('indicators').select(['code', 'name']).where('code', 'in', [...codes]).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** The id of the archive library document registered from `source`, if any. */
  async archiveDocumentId(source: string): Promise<string | null> {
    const row = await this.db.selectFrom('archive_documents').select('document_id').where('source', '=', source).executeTakeFirst();
    return row?.document_id ?? null;
  }

  /** An activity's events, oldest first (at most `limit`). */
  async events(activityId: string, limit: number): Promise<{ type: string; data: Record<string, unknown>; actorName: string | null; occurredAt: Date }[]> {
    const rows = await this.db.selectFrom('events').select(['type', 'data', 'metadata', 'occurred_at']).where('stream_id', '=', activityId).orderBy('stream_version').limit(limit).execute();
    return rows.map((r) => {
      const actor = r.metadata.actor as { displayName?: unknown } | undefined;
      return { type: r.type, data: r.data, actorName: typeof actor?.displayName === 'string' ? actor.displayName : null, occurredAt: r.occurred_at };
    });
  }
}
