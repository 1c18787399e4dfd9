// The board screen's own GraphQL documents (validated against the schema by test/unit/web-documents.spec.ts).
// A board card is the shared Card plus what the card's menu needs: the side actions (comment, evidence, reassign)
// this person may take now.
import { CARD, ITEM_CARD } from '../api/documents';

export const BOARD_CARD = `fragment BoardCard on IndicatorTask { ...Card sideActions }`;

export const TASK_BOARD = `query TaskBoard($campaign: String) {
  board(campaignId: $campaign) {
    campaign { id name inspectionDate daysToInspection }
    columns { stage cards { ...BoardCard } }
  }
}
${BOARD_CARD}
${CARD}`;

export const TASK_BOARD_CHANGED = `subscription TaskBoardChanged($campaign: String) {
  boardChanged(campaignId: $campaign) { eventType task { ...BoardCard } }
}
${BOARD_CARD}
${CARD}`;

/** One card, when an action is asked for a card that is not on the board on screen (e.g. from the drawer). */
export const TASK_CARD = `query TaskCard($id: String!) { indicatorTask(id: $id) { ...BoardCard } }
${BOARD_CARD}
${CARD}`;

export const ITEM_BOARD_CARDS = `query ItemBoardCards($campaign: String) {
  itemBoard(campaignId: $campaign) {
    campaign { id name inspectionDate daysToInspection }
    columns { state items { ...ItemCard } }
  }
}
${ITEM_CARD}`;

export const ITEM_BOARD_CHANGED = `subscription ItemBoardChanged($campaign: String) {
  itemChanged(campaignId: $campaign) { eventType item { ...ItemCard } }
}
${ITEM_CARD}`;

export const ITEM_CARD_QUERY = `query ItemCardOne($id: String!) { rectificationItem(id: $id) { ...ItemCard } }
${ITEM_CARD}`;
