// The board screen's own GraphQL documents (validated against the schema by test/unit/web-documents.spec.ts).
// A board card is the shared Card plus what the card's menu and drag and drop need: the side actions (comment,
// evidence, reassign) this person may take now, and the columns the card may be dropped on (the API's allowedMoves).
import { boardPages, CARD, ITEM_CARD } from '../api/documents';

export const BOARD_CARD = `fragment BoardCard on IndicatorTask {
  ...Card sideActions proposedStage allowedMoves { action target immediate classification passed }
}`;

export const BOARD_ITEM_CARD = `fragment BoardItemCard on RectificationItem { ...ItemCard allowedMoves { action target immediate passed } }`;

/** Cards per page of a board column as the board asks for them. */
export const BOARD_PAGE = 50;

// A board is each column's count and first page; a column's next page comes from boardColumn/itemBoardColumn.
const TASK_BOARD_PAGES = boardPages('task', { board: 'TaskBoard', column: 'TaskBoardColumn' }, { campaign: 'id name inspectionDate daysToInspection', cards: '...BoardCard', fragments: `${BOARD_CARD}\n${CARD}`, counted: true });
export const TASK_BOARD = TASK_BOARD_PAGES.board;
export const TASK_BOARD_COLUMN = TASK_BOARD_PAGES.column;

/** Only the columns' counts, when a live change leaves them uncertain. */
export const TASK_BOARD_COUNTS = `query TaskBoardCounts($campaign: String, $filter: TaskFilter) { board(campaignId: $campaign, first: 1, filter: $filter) { columns { stage count } } }`;

export const TASK_BOARD_CHANGED = `subscription TaskBoardChanged($campaign: String) {
  boardChanged(campaignId: $campaign) { eventType task { ...BoardCard } }
}
${BOARD_CARD}
${CARD}`;

/** One card, when an action is asked for a card that is not on the board on screen (e.g. from the drawer). */
export const TASK_CARD = `query TaskCard($id: String!) { indicatorTask(id: $id) { ...BoardCard } }
${BOARD_CARD}
${CARD}`;

const ITEM_BOARD_PAGES = boardPages('item', { board: 'ItemBoardCards', column: 'ItemBoardColumn' }, { campaign: 'id name inspectionDate daysToInspection', cards: '...BoardItemCard', fragments: `${BOARD_ITEM_CARD}\n${ITEM_CARD}`, counted: true });
export const ITEM_BOARD_CARDS = ITEM_BOARD_PAGES.board;
export const ITEM_BOARD_COLUMN = ITEM_BOARD_PAGES.column;

export const ITEM_BOARD_COUNTS = `query ItemBoardCounts($campaign: String, $filter: ItemFilter) { itemBoard(campaignId: $campaign, first: 1, filter: $filter) { columns { state count } } }`;

export const ITEM_BOARD_CHANGED = `subscription ItemBoardChanged($campaign: String) {
  itemChanged(campaignId: $campaign) { eventType item { ...BoardItemCard } }
}
${BOARD_ITEM_CARD}
${ITEM_CARD}`;

export const ITEM_CARD_QUERY = `query ItemCardOne($id: String!) { rectificationItem(id: $id) { ...BoardItemCard } }
${BOARD_ITEM_CARD}
${ITEM_CARD}`;

/** 属地上报 as an Excel workbook (属地上报, 按社区); a community or village gets only its own. */
export const EXPORT_LOCAL_REPORTS = `query ExportLocalReports($campaignId: String) {
  exportLocalReports(campaignId: $campaignId) { fileName mimeType contentBase64 }
}`;
