// The approval queue's GraphQL documents: the cards it looks through (every card the person may see, with what
// each waits for, a page of a column at a time), and the decisions it takes. Each decision answers with the card as the queue reads it, so the
// decided row leaves at once and the next decision on the same card sends the card's new version.
import { boardPages, CARD, ITEM_CARD } from '../api/documents';

export const APPROVAL_TASK = `fragment ApprovalTask on IndicatorTask {
  ...Card stageEnteredAt
  archiveMaterials { code name status submittedAt submittedBy { userId } }
}`;

export const APPROVAL_ITEM = `fragment ApprovalItem on RectificationItem {
  ...ItemCard submission { submittedAt note submittedBy { userId displayName } }
}`;

/** The queue looks through every card the person may see, a page of a column at a time. */
export const APPROVAL_TASK_PAGES = boardPages('task', { board: 'ApprovalTasks', column: 'ApprovalTaskColumn' }, { campaign: 'id name', cards: '...ApprovalTask', fragments: `${APPROVAL_TASK}\n${CARD}` });
export const APPROVAL_TASKS = APPROVAL_TASK_PAGES.board;
export const APPROVAL_TASK_COLUMN = APPROVAL_TASK_PAGES.column;

export const APPROVAL_ITEM_PAGES = boardPages('item', { board: 'ApprovalItems', column: 'ApprovalItemColumn' }, { campaign: 'id', cards: '...ApprovalItem', fragments: `${APPROVAL_ITEM}\n${ITEM_CARD}` });
export const APPROVAL_ITEMS = APPROVAL_ITEM_PAGES.board;
export const APPROVAL_ITEM_COLUMN = APPROVAL_ITEM_PAGES.column;

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
