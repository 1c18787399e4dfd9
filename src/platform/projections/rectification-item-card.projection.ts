// The board's rows for rectification items, folded from their events with the lifecycle's own `evolveItem`,
// in the same transaction as the append, like the indicator-task cards.
import type { Insertable, Selectable, Transaction } from 'kysely';
import type { Database, RectificationItemCardsTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { upsertJsonRows } from '../database/json-rows';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import { RECTIFICATION_ITEM_STREAM_PREFIX } from '../../../workflows/rectification-item/rectification-item.messages';
import type { RectificationItemEvent } from '../../../workflows/rectification-item/rectification-item.events';
import { evolveItem, initialItemState } from '../../../workflows/rectification-item/rectification-item.evolve';
import { placeKey, type RectificationItemState } from '../../../workflows/rectification-item/rectification-item.types';


export interface ItemCard {
  state: RectificationItemState;
  createdAt: Date;
  updatedAt: Date;
  lastPosition: string;
}

export function isRectificationItemStream(streamId: string): boolean {
  return streamId.startsWith(RECTIFICATION_ITEM_STREAM_PREFIX);
}

export function itemStateFromRow(row: Pick<Selectable<RectificationItemCardsTable>, 'state_json'>): RectificationItemState {
  return row.state_json as unknown as RectificationItemState;
}

export function foldItemCard(card: ItemCard | undefined, event: StoredEvent): ItemCard {
  const state = card?.state ?? initialItemState({ itemId: event.streamId, campaignId: '' }, event.occurredAt.toISOString());
  const actor = event.metadata.actor as { userId?: string } | undefined;
  const domainEvent = { type: event.type, data: event.data } as RectificationItemEvent;
  return {
    state: evolveItem(state, domainEvent, { actorId: actor?.userId ?? '', at: event.occurredAt.toISOString() }),
    createdAt: card?.createdAt ?? event.occurredAt,
    updatedAt: event.occurredAt,
    lastPosition: event.position,
  };
}

/** The item's row: the state, and copies of what the board and the list filter and sort on. */
export function itemCardRow(card: ItemCard): Insertable<RectificationItemCardsTable> {
  const s = card.state;
  return {
    item_id: s.itemId,
    campaign_id: s.campaignId,
    state: s.state,
    source: s.source,
    area: s.area,
    address: s.location.address,
    place_key: placeKey(s.location.address),
    criterion_code: s.criterionCode,
    indicator_task_id: s.indicatorTaskId,
    inspection_round_id: s.inspectionRoundId,
    unit_code: s.unitCode,
    due_at: s.dueAt,
    escalation_level: s.escalationLevel,
    relapse_count: s.relapseCount,
    reported_by: s.reportedBy,
    version: s.version,
    state_json: JSON.stringify(s),
    created_at: card.createdAt,
    updated_at: card.updatedAt,
    last_position: card.lastPosition,
    key_flag: s.keyFlag?.kind ?? null,
  };
}

async function upsert(trx: Transaction<Database>, cards: ItemCard[]): Promise<void> {
  // The state as the jsonb value itself: the row's text form would be stored as a JSON string.
  await upsertJsonRows(trx, 'rectification_item_cards', 'item_id', cards, (card) => ({ ...itemCardRow(card), state_json: card.state }));
}

const ITEM_CARDS: StreamRows<ItemCard> = {
  isStream: isRectificationItemStream,
  async read(trx, ids) {
    const rows = await trx.selectFrom('rectification_item_cards').selectAll().where('item_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.item_id, { state: itemStateFromRow(r), createdAt: r.created_at, updatedAt: r.updated_at, lastPosition: r.last_position }]));
  },
  fold: foldItemCard,
  write: upsert,
  async clear(trx) {
    await trx.deleteFrom('rectification_item_cards').execute();
  },
};

export class RectificationItemCardProjection implements InlineProjection {
  readonly name = 'rectification_item_cards';
  readonly schemaVersion = 2;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, ITEM_CARDS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, ITEM_CARDS);
  }
}
