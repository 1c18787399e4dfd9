// Where the board may drop an item card: each action the person may take now (allowedItemActions, the workflow's
// own rules) paired with the state it leads to. The board shows these and keeps no copy of the lifecycle.
import type { ItemAction } from '../../workflows/rectification-item/rectification-item.types';
import type { ItemState } from '../../workflows/rectification-item/rectification-item.types';
import type { ItemMove } from '../platform/graphql/graphql.generated';

/** One move per (action, column) the actions allow, never to the column the card is in. */
export function itemMoves(item: { state: ItemState }, allowed: readonly ItemAction[]): ItemMove[] {
  const may = new Set(allowed);
  const moves: ItemMove[] = [];
  const add = (action: ItemAction, target: ItemState, passed: boolean | null = null) => {
    if (may.has(action) && target !== item.state) moves.push({ action, target, immediate: true, passed });
  };
  add('DISPATCH', 'DISPATCHED');
  add('START_RECTIFICATION', 'RECTIFYING');
  add('SUBMIT_RECTIFICATION', 'SUBMITTED');
  add('VERIFY', 'VERIFIED');
  add('RETURN', 'RETURNED');
  add('RECORD_RECHECK', 'CLOSED', true);
  add('RECORD_RECHECK', 'RECTIFYING', false);
  add('APPROVE_DISPATCH_RETURN', 'REPORTED');
  return moves;
}
