// The only place SQL about rectification items lives: the card projection, their events, and the lock under
// which a new report is checked for an open item of the same place, area and criterion.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../app/app.tokens';
import { readStreams } from '../event-store/event-store.repository';
import type { Db } from '../database/database';
import { itemStateFromRow } from '../projections/rectification-item-card.projection';
import type { ItemArea, ItemSource, RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import type { HistoryEvent } from '../indicator-task/indicator-task.repository';

/** A card as the API shows it: the item's state plus when it was reported and last changed. */
export interface ItemView extends RectificationItemState {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface ItemFilter {
  campaignId: string;
  unitCode?: string | null;
  area?: ItemArea | null;
  source?: ItemSource | null;
}

@Injectable()
export class RectificationItemRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  private cards() {
    return this.db.selectFrom('rectification_item_cards').select(['item_id', 'state_json', 'created_at', 'updated_at']);
  }

  async findById(itemId: string): Promise<ItemView | null> {
    const row = await this.cards().where('item_id', '=', itemId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async list(filter: ItemFilter): Promise<ItemView[]> {
    let query = this.cards().where('campaign_id', '=', filter.campaignId);
    if (filter.unitCode) query = query.where('unit_code', '=', filter.unitCode);
    if (filter.area) query = query.where('area', '=', filter.area);
    if (filter.source) query = query.where('source', '=', filter.source);
    const rows = await query.orderBy(sql`coalesce(due_at, created_at)`).orderBy('item_id').execute();
    return rows.map(toView);
  }

  /** Cards by id, in the order asked; ids without a card are left out. */
  async findByIds(itemIds: readonly string[]): Promise<ItemView[]> {
    if (itemIds.length === 0) return [];
    const rows = await this.cards().where('item_id', 'in', [...itemIds]).execute();
    const byId = new Map(rows.map((r) => [r.item_id, toView(r)]));
    return itemIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** The items linked to each task, oldest first, for a page of cards in one query. */
  async linkedTo(indicatorTaskIds: readonly string[]): Promise<Map<string, ItemView[]>> {
    const linked = new Map(indicatorTaskIds.map((id) => [id, [] as ItemView[]]));
    if (linked.size === 0) return linked;
    const rows = await this.cards()
      .select('indicator_task_id')
      .where('indicator_task_id', 'in', [...linked.keys()])
      .orderBy('created_at')
      .orderBy('item_id')
      .execute();
    for (const row of rows) linked.get(row.indicator_task_id!)?.push(toView(row));
    return linked;
  }

  /** The open (not closed) item of the same place, area and criterion, if any. */
  async openDuplicate(campaignId: string, area: ItemArea, placeKey: string, criterionCode: string | null): Promise<string | null> {
    const row = await this.db
      .selectFrom('rectification_item_cards')
      .select('item_id')
      .where('campaign_id', '=', campaignId)
      .where('area', '=', area)
      .where('place_key', '=', placeKey)
      .where(sql<boolean>`criterion_code is not distinct from ${criterionCode}`)
      .where('state', '<>', 'CLOSED')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return row?.item_id ?? null;
  }

  /**
   * Runs `fn` holding a lock on (campaign, area, place, criterion) across API instances, so that two reports of
   * one place cannot both miss each other and make two items.
   */
  async withPlaceLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      const lock = `item-place:${key}`;
      await sql`select pg_advisory_lock(hashtextextended(${lock}, 0))`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(hashtextextended(${lock}, 0))`.execute(conn);
      }
    });
  }

  /** Each item's events in stream order, for a page of cards in one query. */
  async histories(itemIds: readonly string[]): Promise<Map<string, HistoryEvent[]>> {
    return readStreams(this.db, itemIds);
  }

  async unit(code: string): Promise<{ code: string; name: string; kind: string } | undefined> {
    return this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();
  }

  async units(codes: readonly string[]): Promise<Map<string, { code: string; name: string; kind: string }>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...new Set(codes)]).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  async people(ids: readonly string[]): Promise<Map<string, { userId: string; displayName: string; role: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, { userId: r.id, displayName: r.display_name, role: r.role }]));
  }

  /** The indicator task a report links to, with its campaign and indicator, when it exists. */
  async task(taskId: string): Promise<{ campaignId: string; indicatorCode: string } | undefined> {
    const row = await this.db.selectFrom('indicator_task_cards').select(['campaign_id', 'indicator_code']).where('task_id', '=', taskId).executeTakeFirst();
    return row ? { campaignId: row.campaign_id, indicatorCode: row.indicator_code } : undefined;
  }

  async criterionOf(code: string): Promise<{ indicatorCode: string } | undefined> {
    const row = await this.db.selectFrom('criteria').select('indicator_code').where('code', '=', code).executeTakeFirst();
    return row ? { indicatorCode: row.indicator_code } : undefined;
  }
}

type CardRow = { item_id: string; state_json: Record<string, unknown>; created_at: Date; updated_at: Date };

function toView(row: CardRow): ItemView {
  const state = itemStateFromRow(row);
  return { ...state, id: row.item_id, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}
