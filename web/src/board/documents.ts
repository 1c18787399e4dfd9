// The board screen's own GraphQL documents (validated against the schema by test/unit/web-documents.spec.ts).
// A board card is the shared Card plus what the card's menu and drag and drop need: the side actions (comment,
// evidence, reassign) this person may take now, and the columns the card may be dropped on (the API's allowedMoves).
import { CARD, ITEM_CARD } from '../api/documents';

export const BOARD_CARD = `fragment BoardCard on IndicatorTask {
  ...Card sideActions proposedStage allowedMoves { action target immediate classification passed }
}`;

export const BOARD_ITEM_CARD = `fragment BoardItemCard on RectificationItem { ...ItemCard allowedMoves { action target immediate passed } }`;

/** Cards per page of a board column as the board asks for them. */
export const BOARD_PAGE = 50;

// A board is each column's count and first page; a column's next page comes from boardColumn/itemBoardColumn.
export const TASK_BOARD = `query TaskBoard($campaign: String, $first: Int) {
  board(campaignId: $campaign, first: $first) {
    campaign { id name inspectionDate daysToInspection }
    columns { stage count pageInfo { hasNextPage endCursor } cards { ...BoardCard } }
  }
}
${BOARD_CARD}
${CARD}`;

export const TASK_BOARD_COLUMN = `query TaskBoardColumn($campaign: String, $stage: Stage!, $first: Int, $after: String) {
  boardColumn(campaignId: $campaign, stage: $stage, first: $first, after: $after) {
    stage count pageInfo { hasNextPage endCursor } cards { ...BoardCard }
  }
}
${BOARD_CARD}
${CARD}`;

/** Only the columns' counts, when a live change leaves them uncertain. */
export const TASK_BOARD_COUNTS = `query TaskBoardCounts($campaign: String) { board(campaignId: $campaign, first: 1) { columns { stage count } } }`;

export const TASK_BOARD_CHANGED = `subscription TaskBoardChanged($campaign: String) {
  boardChanged(campaignId: $campaign) { eventType task { ...BoardCard } }
}
${BOARD_CARD}
${CARD}`;

/** One card, when an action is asked for a card that is not on the board on screen (e.g. from the drawer). */
export const TASK_CARD = `query TaskCard($id: String!) { indicatorTask(id: $id) { ...BoardCard } }
${BOARD_CARD}
${CARD}`;

export const ITEM_BOARD_CARDS = `query ItemBoardCards($campaign: String, $first: Int) {
  itemBoard(campaignId: $campaign, first: $first) {
    campaign { id name inspectionDate daysToInspection }
    columns { state count pageInfo { hasNextPage endCursor } items { ...BoardItemCard } }
  }
}
${BOARD_ITEM_CARD}
${ITEM_CARD}`;

export const ITEM_BOARD_COLUMN = `query ItemBoardColumn($campaign: String, $state: ItemState!, $first: Int, $after: String) {
  itemBoardColumn(campaignId: $campaign, state: $state, first: $first, after: $after) {
    state count pageInfo { hasNextPage endCursor } items { ...BoardItemCard }
  }
}
${BOARD_ITEM_CARD}
${ITEM_CARD}`;

export const ITEM_BOARD_COUNTS = `query ItemBoardCounts($campaign: String) { itemBoard(campaignId: $campaign, first: 1) { columns { state count } } }`;

export const ITEM_BOARD_CHANGED = `subscription ItemBoardChanged($campaign: String) {
  itemChanged(campaignId: $campaign) { eventType item { ...BoardItemCard } }
}
${BOARD_ITEM_CARD}
${ITEM_CARD}`;

export const ITEM_CARD_QUERY = `query ItemCardOne($id: String!) { rectificationItem(id: $id) { ...BoardItemCard } }
${BOARD_ITEM_CARD}
${ITEM_CARD}`;
