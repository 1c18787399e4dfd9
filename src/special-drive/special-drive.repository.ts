// All of the drives' SQL: the drives projection, the items that belong to a drive (read from the items' own rows:
// the drive's area and period, plus and minus the office's hand-made choices), their progress, a drive's events.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type ExpressionBuilder } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { Database } from '../platform/database/database.types';
import type { SpecialDriveState } from '../../workflows/special-drive/special-drive.types';
import type { RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';

export interface DriveView {
  id: string;
  campaignId: string;
  area: string;
  state: SpecialDriveState;
}

export interface DriveItemRow {
  id: string;
  campaignId: string;
  area: string | null;
  state: string;
  unitCode: string | null;
  dueAt: Date | null;
  relapseCount: number;
  reportedAt: Date;
  description: string;
  address: string;
  source: string;
}

export interface DriveProgressRow {
  total: number;
  closed: number;
  overdue: number;
  relapses: number;
  relapsedItems: number;
}

/** The item states in which a unit still owes the fix: past the deadline there, the item is overdue. */
export const OWED_ITEM_STATES = ['DISPATCHED', 'RECTIFYING', 'RETURNED'] as const;

const COLUMNS = ['drive_id', 'campaign_id', 'area', 'state_json'] as const;

function toView(row: { drive_id: string; campaign_id: string; area: string; state_json: Record<string, unknown> }): DriveView {
  return { id: row.drive_id, campaignId: row.campaign_id, area: row.area, state: row.state_json as unknown as SpecialDriveState };
}

type Items = ExpressionBuilder<Database, 'rectification_item_cards'>;

/**
 * The items of a drive: its campaign's items of its area reported within its period, less those detached and those
 * another drive attached by hand (`claimed`: an item belongs to one drive at most), plus those attached to it.
 */
function members(s: SpecialDriveState, claimed: readonly string[]) {
  return (eb: Items) => {
    const auto = [eb('area', '=', s.area), eb('created_at', '>=', new Date(s.startsAt)), eb('created_at', '<', new Date(s.endsAt))];
    const excluded = [...s.detachedItemIds, ...claimed];
    if (excluded.length > 0) auto.push(eb('item_id', 'not in', excluded));
    const any = [eb.and(auto)];
    if (s.attachedItemIds.length > 0) any.push(eb('item_id', 'in', s.attachedItemIds));
    return eb.and([eb('campaign_id', '=', s.campaignId), eb.or(any)]);
  };
}

@Injectable()
export class SpecialDriveRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async find(driveId: string): Promise<DriveView | null> {
    const row = await this.db.selectFrom('special_drives').select(COLUMNS).where('drive_id', '=', driveId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async ofCampaign(campaignId: string): Promise<DriveView[]> {
    return (await this.db.selectFrom('special_drives').select(COLUMNS).where('campaign_id', '=', campaignId).execute()).map(toView);
  }

  /** A drive's items, oldest report first (at most `limit`); only those dispatched to `unitCode` when given. */
  async items(s: SpecialDriveState, claimed: readonly string[], limit: number, unitCode: string | null = null): Promise<DriveItemRow[]> {
    let query = this.db
      .selectFrom('rectification_item_cards')
      .select(['item_id', 'campaign_id', 'area', 'state', 'unit_code', 'due_at', 'relapse_count', 'created_at', 'address', 'source', 'state_json'])
      .where(members(s, claimed));
    if (unitCode !== null) query = query.where('unit_code', '=', unitCode);
    const rows = await query.orderBy('created_at').orderBy('item_id').limit(limit).execute();
    return rows.map((r) => ({
      id: r.item_id,
      campaignId: r.campaign_id,
      area: r.area,
      state: r.state,
      unitCode: r.unit_code,
      dueAt: r.due_at,
      relapseCount: r.relapse_count,
      reportedAt: r.created_at,
      description: (r.state_json as unknown as RectificationItemState).description,
      address: r.address,
      source: r.source,
    }));
  }

  /** A drive's figures over all its items (not only a page of them). */
  async progress(s: SpecialDriveState, claimed: readonly string[], now: Date): Promise<DriveProgressRow> {
    const row = await this.db
      .selectFrom('rectification_item_cards')
      .select([
        sql<string>`count(*)`.as('total'),
        sql<string>`count(*) filter (where state = 'CLOSED')`.as('closed'),
        sql<string>`count(*) filter (where state in (${sql.join([...OWED_ITEM_STATES])}) and due_at < ${now})`.as('overdue'),
        sql<string>`coalesce(sum(relapse_count), 0)`.as('relapses'),
        sql<string>`count(*) filter (where relapse_count > 0)`.as('relapsed'),
      ])
      .where(members(s, claimed))
      .executeTakeFirstOrThrow();
    return { total: Number(row.total), closed: Number(row.closed), overdue: Number(row.overdue), relapses: Number(row.relapses), relapsedItems: Number(row.relapsed) };
  }

  /** One item as a drive needs it: its campaign, area and report time. */
  async item(itemId: string): Promise<{ id: string; campaignId: string; area: string | null; reportedAt: Date } | null> {
    const row = await this.db.selectFrom('rectification_item_cards').select(['item_id', 'campaign_id', 'area', 'created_at']).where('item_id', '=', itemId).executeTakeFirst();
    return row ? { id: row.item_id, campaignId: row.campaign_id, area: row.area, reportedAt: row.created_at } : null;
  }

  async units(codes: readonly string[] | null = null): Promise<{ code: string; name: string; kind: string }[]> {
    let query = this.db.selectFrom('units').select(['code', 'name', 'kind']);
    if (codes !== null) {
      if (codes.length === 0) return [];
      query = query.where('code', 'in', [...codes]);
    }
    return query.orderBy('code').execute();
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** A drive's events, oldest first (at most `limit`). */
  async events(driveId: string, limit: number): Promise<{ type: string; data: Record<string, unknown>; actorName: string | null; occurredAt: Date }[]> {
    const rows = await this.db.selectFrom('events').select(['type', 'data', 'metadata', 'occurred_at']).where('stream_id', '=', driveId).orderBy('stream_version').limit(limit).execute();
    return rows.map((r) => {
      const actor = r.metadata.actor as { displayName?: unknown } | undefined;
      return { type: r.type, data: r.data, actorName: typeof actor?.displayName === 'string' ? actor.displayName : null, occurredAt: r.occurred_at };
    });
  }
}
