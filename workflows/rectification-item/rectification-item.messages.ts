// Messages of the rectification-item workflow: the action update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ItemActionRequest } from './rectification-item.lifecycle';
import type { ItemState, RectificationItemState } from './rectification-item.types';

export interface ItemActionResult {
  version: number;
  state: ItemState;
}

export const RECTIFICATION_ITEM_WORKFLOW_TYPE = 'rectificationItemWorkflow';
export const itemActionUpdate = defineUpdate<ItemActionResult, [ItemActionRequest]>('itemAction');
export const itemStateQuery = defineQuery<RectificationItemState>('itemState');
