// The approval queue's GraphQL documents: the cards it looks through (those with a decision waiting for the person,
// a page at a time), and the decisions it takes. Each decision answers with the card as the queue reads it, so the
// decided row leaves at once and the next decision on the same card sends the card's new version.
import { CARD, ITEM_CARD } from '../api/documents';

export const APPROVAL_TASK = `fragment ApprovalTask on IndicatorTask {
  ...Card stageEnteredAt
  archiveMaterials { code name status submittedAt submittedBy { userId } }
}`;

export const APPROVAL_ITEM = `fragment ApprovalItem on RectificationItem {
  ...ItemCard submission { submittedAt note submittedBy { userId displayName } }
}`;

/**
 * The queue reads only the cards with a decision waiting for the signed-in person (`awaitingMyDecision`, decided in
 * SQL by the API with the rules it enforces), a page of up to 200 at a time: a few requests however large the board.
 */
const pages = (name: string, root: 'tasks' | 'items', filter: string, fields: string, fragments: string) => `query ${name}($campaign: String, $first: Int, $after: String) {
  campaign(id: $campaign) { id name }
  ${root}(campaignId: $campaign, filter: ${filter}, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } }
}
${fragments}`;

export const APPROVAL_TASKS = pages('ApprovalTasks', 'tasks', '{ awaitingMyDecision: true }', '...ApprovalTask', `${APPROVAL_TASK}\n${CARD}`);
export const APPROVAL_ITEMS = pages('ApprovalItems', 'items', '{ awaitingMyDecision: true }', '...ApprovalItem', `${APPROVAL_ITEM}\n${ITEM_CARD}`);

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
