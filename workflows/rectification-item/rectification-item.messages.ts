// Messages of the rectification-item workflow: its type name and id, the action update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ItemActionRequest, ItemState, RectificationItemState } from './rectification-item.types';

export interface ItemActionResult {
  version: number;
  state: ItemState;
}

export const RECTIFICATION_ITEM_WORKFLOW_TYPE = 'rectificationItemWorkflow';
export const itemActionUpdate = defineUpdate<ItemActionResult, [ItemActionRequest]>('itemAction');
export const itemStateQuery = defineQuery<RectificationItemState>('itemState');

export const RECTIFICATION_ITEM_STREAM_PREFIX = 'rectification-item:';

/** Business key of an item's workflow, and the id of its event stream. */
export function rectificationItemWorkflowId(campaignId: string, itemId: string): string {
  return `${RECTIFICATION_ITEM_STREAM_PREFIX}${campaignId}:${itemId}`;
}
