// 属地上报's reads: the items communities and villages reported in their own area (source LOCAL_REPORT), from the
// item cards, and how many a unit reported lately (its daily limit). The reporting unit is in the card's state.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { itemStateFromRow } from '../platform/projections/rectification-item-card.projection';
import type { ItemView } from '../rectification-item/rectification-item.repository';

export interface LocalReportQuery {
  campaignId: string;
  /** Only those this unit reported; null: all. */
  reportingUnitCode: string | null;
  /** Only those not dispatched yet (REPORTED). */
  awaitingDispatch: boolean;
  limit: number;
}

@Injectable()
export class LocalReportRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** Newest first. */
  async list(q: LocalReportQuery): Promise<ItemView[]> {
    let query = this.db
      .selectFrom('rectification_item_cards as r')
      .select(['r.item_id', 'r.state_json', 'r.created_at', 'r.updated_at'])
      .where('r.campaign_id', '=', q.campaignId)
      .where('r.source', '=', 'LOCAL_REPORT');
    if (q.reportingUnitCode !== null) query = query.where(sql<string>`r.state_json->>'reportingUnitCode'`, '=', q.reportingUnitCode);
    if (q.awaitingDispatch) query = query.where('r.state', '=', 'REPORTED');
    const rows = await query.orderBy('r.created_at', 'desc').orderBy(sql`r.item_id collate "C"`).limit(q.limit).execute();
    return rows.map((row) => ({ ...itemStateFromRow(row), id: row.item_id, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() }));
  }

  /** How many items the unit has reported since `since` (a duplicate linked to an open item is not counted). */
  async reportedSince(unitCode: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('rectification_item_cards as r')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('r.source', '=', 'LOCAL_REPORT')
      .where(sql<string>`r.state_json->>'reportingUnitCode'`, '=', unitCode)
      .where('r.created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The units of these kinds that report their own area, by code; only `code` when given. */
  async reportingUnits(kinds: readonly string[], code: string | null): Promise<{ code: string; name: string }[]> {
    let query = this.db.selectFrom('units').select(['code', 'name']).where('kind', 'in', [...kinds]);
    if (code !== null) query = query.where('code', '=', code);
    return query.orderBy(sql`code collate "C"`).execute();
  }

  /** The unit an indicator task belongs to, and its campaign. */
  async taskUnit(taskId: string): Promise<{ campaignId: string; unitCode: string } | undefined> {
    const row = await this.db.selectFrom('indicator_task_cards').select(['campaign_id', 'unit_code']).where('task_id', '=', taskId).executeTakeFirst();
    return row ? { campaignId: row.campaign_id, unitCode: row.unit_code } : undefined;
  }
}
