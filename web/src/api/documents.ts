// Every GraphQL document the board sends, in one place, so that a unit test (test/unit/web-documents.spec.ts)
// can validate each against the schema the API serves. Screens import them from here; none writes its own.

export const CARD = `fragment Card on IndicatorTask {
  id campaignId stage stageLabel classification awaitingReview dueAt stageDueAt relapseCount version allowedActions
  updatedAt escalationLevel recheckDue nextRecheckAt pendingExtension { requestedDueAt reason }
  indicator { code name itemName area } unit { code name } leadUnit { code name }
  keyFlag { kind kindLabel reason }
}`;

export const DETAIL = `fragment Detail on IndicatorTask {
  ...Card temporalUiUrl failedCriteria rectificationPlan { plan deadline }
  indicator { method points standard criteria { code content points deductionRule } }
  history { streamVersion label occurredAt data actor { displayName } }
  sideActions comments { text at author { displayName } }
  responsiblePerson { login name } responsiblePersonCandidates { login name }
  evidence { sha256 name size mimeType note url at uploadedBy { displayName } }
  archiveMaterials { code name status statusLabel note returnReason submittedAt reviewedAt
    file { name size url } submittedBy { displayName } reviewedBy { displayName } }
  linkedItems { id state stateLabel description unit { name } }
  accountabilityActions accountabilityDecisions { status statusLabel holdsUnit unit { code name } persons { login displayName }
    form formLabel reason deadline proposedAt decidedAt decisionNote proposedBy { displayName } decidedBy { displayName } }
  keyFlagActions keyFlag { flaggedAt flaggedBy { displayName } }
}`;

export const ITEM_CARD = `fragment ItemCard on RectificationItem {
  id campaignId state stateLabel source sourceLabel area description dueAt recheckAt escalationLevel
  relapseCount duplicateReports version allowedActions createdAt updatedAt indicatorTaskId
  location { address latitude longitude } unit { code name }
  pendingExtension { requestedDueAt reason } pendingDispatchReturn { reason }
  keyFlag { kind kindLabel reason }
}`;

export const ITEM_DETAIL = `fragment ItemDetail on RectificationItem {
  ...ItemCard criterionCode returnReason reportedBy { displayName }
  responsiblePerson { login name } responsiblePersonCandidates { login name }
  photos { sha256 name size url }
  submission { note submittedAt photos { sha256 name size url } submittedBy { displayName } }
  history { streamVersion label occurredAt data actor { displayName } }
  accountabilityActions accountabilityDecisions { status statusLabel holdsUnit unit { code name } persons { login displayName }
    form formLabel reason deadline proposedAt decidedAt decisionNote proposedBy { displayName } decidedBy { displayName } }
  keyFlagActions keyFlag { flaggedAt flaggedBy { displayName } }
}`;

export const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }
}`;
export const SIGN_OUT = 'mutation SignOut { signOut }';
export const ME = 'query Me { me { id login displayName role unit { code name } } }';

export const CAMPAIGN_HEADER = `query CampaignHeader {
  campaign { id name inspectionDate daysToInspection phase phaseLabel countdownLabel }
}`;

export const BOARD = `query Board($campaign: String, $unit: String) {
  board(campaignId: $campaign, unitCode: $unit) {
    campaign { id name inspectionDate daysToInspection }
    columns { stage label count cards { ...Card } }
  }
}
${CARD}`;

export const TASK = `query Task($id: String!) { indicatorTask(id: $id) { ...Detail } }
${DETAIL}
${CARD}`;

export const BOARD_CHANGED = `subscription BoardChanged($campaign: String) { boardChanged(campaignId: $campaign) { eventType task { ...Card } } }
${CARD}`;

export const ITEM_BOARD = `query ItemBoard($campaign: String, $unit: String, $area: RectificationArea, $source: ItemSource) {
  itemBoard(campaignId: $campaign, unitCode: $unit, area: $area, source: $source) {
    campaign { id name inspectionDate daysToInspection }
    columns { state label count items { ...ItemCard } }
  }
}
${ITEM_CARD}`;

export const ITEM = `query Item($id: String!) { rectificationItem(id: $id) { ...ItemDetail } }
${ITEM_DETAIL}
${ITEM_CARD}`;

export const ITEM_CHANGED = `subscription ItemChanged($campaign: String) { itemChanged(campaignId: $campaign) { eventType item { ...ItemCard } } }
${ITEM_CARD}`;

/** Every unit by code (names only: anyone signed in may read them), for unit pickers and the boards' unit filter. */
export const UNITS = 'query Units { units { code name } }';

export const CHANGE_PASSWORD = 'mutation ChangePassword($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }';

const BOARDS = {
  task: { root: 'board', columnRoot: 'boardColumn', key: 'stage', keyType: 'Stage', list: 'cards', filterType: 'TaskFilter' },
  item: { root: 'itemBoard', columnRoot: 'itemBoardColumn', key: 'state', keyType: 'ItemState', list: 'items', filterType: 'ItemFilter' },
} as const;

/**
 * A board read a page of a column at a time (api/board-pages.ts follows the pages): `board` asks for every column's
 * first page, `column` for a column's next one; `names` names the two operations. `cards` is what each card of a page
 * is asked for, `fragments` the fragments it spreads; `counted` asks for the columns' counts (and the column's key
 * again in the next page). A documents.ts exports the two texts as well: the schema test and the codegen read its
 * string exports. Both take `$filter` (the lists' filter, applied by the API to every column).
 */
export function boardPages<K extends keyof typeof BOARDS>(
  kind: K,
  names: { board: string; column: string },
  selection: { campaign: string; cards: string; fragments?: string; counted?: boolean },
) {
  const { root, columnRoot, key, keyType, list, filterType } = BOARDS[kind];
  const fragments = selection.fragments ? `\n${selection.fragments}` : '';
  const page = `pageInfo { hasNextPage endCursor } ${list} { ${selection.cards} }`;
  const count = selection.counted ? ' count' : '';
  return {
    board: `query ${names.board}($campaign: String, $first: Int, $filter: ${filterType}) {
  ${root}(campaignId: $campaign, first: $first, filter: $filter) { campaign { ${selection.campaign} } columns { ${key}${count} ${page} } }
}${fragments}`,
    column: `query ${names.column}($campaign: String, $${key}: ${keyType}!, $first: Int, $after: String, $filter: ${filterType}) {
  ${columnRoot}(campaignId: $campaign, ${key}: $${key}, first: $first, after: $after, filter: $filter) { ${count ? `${key}${count} ` : ''}${page} }
}${fragments}`,
    root,
    columnRoot,
    key,
    list,
  };
}
