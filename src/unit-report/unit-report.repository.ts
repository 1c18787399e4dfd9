// All of the units' monthly reports' SQL: the reports projection, the campaign's due day, the units a month is opened
// for, and a report's events (its history).
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { DEFAULT_DUE_DAY, type UnitReportState } from '../../workflows/unit-report/unit-report.types';

export interface UnitReportView {
  id: string;
  campaignId: string;
  unitCode: string;
  month: string;
  state: UnitReportState;
}

const COLUMNS = ['report_id', 'campaign_id', 'unit_code', 'month', 'state_json'] as const;

function toView(row: { report_id: string; campaign_id: string; unit_code: string; month: string; state_json: Record<string, unknown> }): UnitReportView {
  return { id: row.report_id, campaignId: row.campaign_id, unitCode: row.unit_code, month: row.month, state: row.state_json as unknown as UnitReportState };
}

@Injectable()
export class UnitReportRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async find(reportId: string): Promise<UnitReportView | null> {
    const row = await this.db.selectFrom('unit_reports').select(COLUMNS).where('report_id', '=', reportId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** A month's reports, by unit code; only `unitCode`'s when given. */
  async ofMonth(campaignId: string, month: string, unitCode: string | null = null): Promise<UnitReportView[]> {
    let query = this.db.selectFrom('unit_reports').select(COLUMNS).where('campaign_id', '=', campaignId).where('month', '=', month);
    if (unitCode !== null) query = query.where('unit_code', '=', unitCode);
    return (await query.orderBy('unit_code').execute()).map(toView);
  }

  /** Every unit of the organisation, by code: the units a month is opened for. */
  async units(codes: readonly string[] | null = null): Promise<{ code: string; name: string; kind: string }[]> {
    let query = this.db.selectFrom('units').select(['code', 'name', 'kind']);
    if (codes !== null) {
      if (codes.length === 0) return [];
      query = query.where('code', 'in', [...codes]);
    }
    return query.orderBy('code').execute();
  }

  async campaign(campaignId: string): Promise<{ id: string; timeZone: string } | null> {
    const row = await this.db.selectFrom('campaigns').select(['id', 'time_zone']).where('id', '=', campaignId).executeTakeFirst();
    return row ? { id: row.id, timeZone: row.time_zone } : null;
  }

  async dueDay(campaignId: string): Promise<number> {
    return (await this.db.selectFrom('unit_report_settings').select('due_day').where('campaign_id', '=', campaignId).executeTakeFirst())?.due_day ?? DEFAULT_DUE_DAY;
  }

  async setDueDay(campaignId: string, dueDay: number, userId: string): Promise<void> {
    await this.db
      .insertInto('unit_report_settings')
      .values({ campaign_id: campaignId, due_day: dueDay, updated_by: userId, updated_at: new Date() })
      .onConflict((oc) => oc.column('campaign_id').doUpdateSet({ due_day: dueDay, updated_by: userId, updated_at: new Date() }))
      .execute();
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** A report's events, oldest first (at most `limit`: a report has a handful). */
  async events(reportId: string, limit: number): Promise<{ type: string; data: Record<string, unknown>; actorId: string | null; actorName: string | null; occurredAt: Date }[]> {
    const rows = await this.db.selectFrom('events').select(['type', 'data', 'metadata', 'occurred_at']).where('stream_id', '=', reportId).orderBy('stream_version').limit(limit).execute();
    return rows.map((r) => {
      const actor = r.metadata.actor as { userId?: unknown; displayName?: unknown } | undefined;
      return {
        type: r.type,
        data: r.data,
        actorId: typeof actor?.userId === 'string' ? actor.userId : null,
        actorName: typeof actor?.displayName === 'string' ? actor.displayName : null,
        occurredAt: r.occurred_at,
      };
    });
  }
}
