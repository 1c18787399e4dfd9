// The approval queue's GraphQL documents: the cards it looks through (every card the person may see, with what
// each waits for, a page of a column at a time), and the decisions it takes. Each decision answers with the card as the queue reads it, so the
// decided row leaves at once and the next decision on the same card sends the card's new version.
import { CARD, ITEM_CARD } from '../api/documents';

export const APPROVAL_TASK = `fragment ApprovalTask on IndicatorTask {
  ...Card stageEnteredAt
  archiveMaterials { code name status submittedAt submittedBy { userId } }
}`;

export const APPROVAL_ITEM = `fragment ApprovalItem on RectificationItem {
  ...ItemCard submission { submittedAt note submittedBy { userId displayName } }
}`;

export const APPROVAL_TASKS = `query ApprovalTasks($campaign: String, $first: Int) {
  board(campaignId: $campaign, first: $first) { campaign { id name } columns { stage pageInfo { hasNextPage endCursor } cards { ...ApprovalTask } } }
}
${APPROVAL_TASK}
${CARD}`;

export const APPROVAL_TASK_COLUMN = `query ApprovalTaskColumn($campaign: String, $stage: Stage!, $first: Int, $after: String) {
  boardColumn(campaignId: $campaign, stage: $stage, first: $first, after: $after) { pageInfo { hasNextPage endCursor } cards { ...ApprovalTask } }
}
${APPROVAL_TASK}
${CARD}`;

export const APPROVAL_ITEMS = `query ApprovalItems($campaign: String, $first: Int) {
  itemBoard(campaignId: $campaign, first: $first) { campaign { id } columns { state pageInfo { hasNextPage endCursor } items { ...ApprovalItem } } }
}
${APPROVAL_ITEM}
${ITEM_CARD}`;

export const APPROVAL_ITEM_COLUMN = `query ApprovalItemColumn($campaign: String, $state: ItemState!, $first: Int, $after: String) {
  itemBoardColumn(campaignId: $campaign, state: $state, first: $first, after: $after) { pageInfo { hasNextPage endCursor } items { ...ApprovalItem } }
}
${APPROVAL_ITEM}
${ITEM_CARD}`;

/** The queue looks through every card the person may see, a page of a column at a time. */
export const APPROVAL_TASK_PAGES = { board: APPROVAL_TASKS, column: APPROVAL_TASK_COLUMN, root: 'board', columnRoot: 'boardColumn', key: 'stage', list: 'cards' } as const;
export const APPROVAL_ITEM_PAGES = { board: APPROVAL_ITEMS, column: APPROVAL_ITEM_COLUMN, root: 'itemBoard', columnRoot: 'itemBoardColumn', key: 'state', list: 'items' } as const;

const task = (name: string, field: string, input: string) => `mutation Approval${name}($input: ${input}!) { ${field}(input: $input) { ...ApprovalTask } }
${APPROVAL_TASK}
${CARD}`;

export const CONFIRM_SELF_CHECK = task('ConfirmSelfCheck', 'confirmSelfCheck', 'ApproveInput');
export const RETURN_SELF_CHECK = task('ReturnSelfCheck', 'returnSelfCheck', 'ReturnInput');
export const APPROVE_RECTIFICATION = task('ApproveRectification', 'approveRectification', 'ApproveInput');
export const RETURN_RECTIFICATION = task('ReturnRectification', 'returnRectification', 'ReturnInput');
export const APPROVE_EXTENSION = task('ApproveExtension', 'approveExtension', 'ApproveInput');
export const REFUSE_EXTENSION = task('RefuseExtension', 'refuseExtension', 'ReturnInput');
export const ACCEPT_ARCHIVE_MATERIAL = task('AcceptArchiveMaterial', 'acceptArchiveMaterial', 'AcceptArchiveMaterialInput');
export const RETURN_ARCHIVE_MATERIAL = task('ReturnArchiveMaterial', 'returnArchiveMaterial', 'ReturnArchiveMaterialInput');
export const START_ARCHIVING = task('StartArchiving', 'startArchiving', 'ApproveInput');

export const ACT_ON_ITEM = `mutation ApprovalActOnItem($input: ItemActionInput!) { actOnItem(input: $input) { ...ApprovalItem } }
${APPROVAL_ITEM}
${ITEM_CARD}`;
