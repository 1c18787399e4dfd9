// The orderings of the `items` list: the rectification-item cards filtered, one keyset page at a time
// (src/platform/graphql/cursor.ts). The page query (RectificationItemRepository.listPage) picks the rows and their sort values;
// the cards are then read as the items board reads them (RectificationItemRepository.findByIds), so a node is the
// board's ItemView.
import type { ItemOrder } from '../platform/graphql/graphql.generated';
import type { Ordering } from '../platform/graphql/cursor';

// Written exactly as in the indexes of migration 0015. Ids compare byte by byte (COLLATE "C"), the same on every
// server whatever its locale.
const ID = { sql: 'r.item_id collate "C"', type: 'text' } as const;

export const ITEM_ORDERINGS: Record<ItemOrder, Ordering> = {
  // Items not dispatched yet have no due date: sorted as if due at +infinity, that is last, and still one
  // NOT NULL key, so that the page condition stays a single row comparison.
  DUE_AT_ASC: { name: 'items/DUE_AT_ASC', direction: 'asc', keys: [{ sql: "coalesce(r.due_at, 'infinity'::timestamptz)", type: 'timestamptz' }, ID] },
  REPORTED_AT_DESC: { name: 'items/REPORTED_AT_DESC', direction: 'desc', keys: [{ sql: 'r.created_at', type: 'timestamptz' }, ID] },
  UPDATED_AT_DESC: { name: 'items/UPDATED_AT_DESC', direction: 'desc', keys: [{ sql: 'r.updated_at', type: 'timestamptz' }, ID] },
};
