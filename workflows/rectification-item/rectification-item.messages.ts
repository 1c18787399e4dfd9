// Messages of the rectification-item workflow: its type name and id, the action update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ItemActionRequest, ItemState, RectificationItemState } from './rectification-item.types';
import type { RectificationItemEvent } from './rectification-item.events';

export interface ItemActionResult {
  version: number;
  state: ItemState;
  /**
   * The events the action recorded (at versions `version - events.length + 1` to `version`) and the time they
   * carry (occurredAt, the card's updatedAt after them; null when there were none): the API folds them into the
   * card it read before the action, as the projection does, instead of reading the card again. Absent from answers
   * given before they were added (an Update completed then and answered again for the same update id).
   */
  events?: RectificationItemEvent[];
  recordedAt?: string | null;
}

export const RECTIFICATION_ITEM_WORKFLOW_TYPE = 'rectificationItemWorkflow';
export const itemActionUpdate = defineUpdate<ItemActionResult, [ItemActionRequest]>('itemAction');
export const itemStateQuery = defineQuery<RectificationItemState>('itemState');

export const RECTIFICATION_ITEM_STREAM_PREFIX = 'rectification-item:';

/** Business key of an item's workflow, and the id of its event stream. */
export function rectificationItemWorkflowId(campaignId: string, itemId: string): string {
  return `${RECTIFICATION_ITEM_STREAM_PREFIX}${campaignId}:${itemId}`;
}

/** The key of the item a meeting's decision (0-based `index`) becomes: at most one per decision. */
export function meetingDecisionItemKey(meetingId: string, index: number): string {
  return `meeting-${meetingId}-${index + 1}`;
}
