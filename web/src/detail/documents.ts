// The card detail's own GraphQL documents (it reads a card with TASK and ITEM from api/documents.ts). Each
// mutation answers with the whole detail, so the drawer shows the card as it is after the change.
import { CARD, DETAIL, ITEM_CARD, ITEM_DETAIL } from '../api/documents';

export const ADD_COMMENT = `mutation DetailAddComment($input: AddCommentInput!) { addComment(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const UPLOAD_EVIDENCE = `mutation DetailUploadEvidence($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const ASSIGN_TASK_PERSON = `mutation DetailAssignTaskPerson($input: AssignTaskResponsiblePersonInput!) { assignTaskResponsiblePerson(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const ASSIGN_ITEM_PERSON = `mutation DetailAssignItemPerson($input: AssignItemResponsiblePersonInput!) { assignItemResponsiblePerson(input: $input) { ...ItemDetail } }
${ITEM_DETAIL}
${ITEM_CARD}`;
// Official notices (正式通知) of a card, read on their own so that the card's fragments stay as they are.
export const NOTICE = `fragment Notice on OfficialNotice {
  id number kind kindLabel state stateLabel title note level issuedAt ackDueAt acknowledgedAt acknowledgedByName
  escalationLevel downloadUrl canAcknowledge unit { code name }
}`;

export const TASK_NOTICES = `query TaskNotices($id: String!) { indicatorTask(id: $id) { id officialNotices { ...Notice } } }
${NOTICE}`;

export const ITEM_NOTICES = `query ItemNotices($id: String!) { rectificationItem(id: $id) { id officialNotices { ...Notice } } }
${NOTICE}`;

export const ACKNOWLEDGE_NOTICE = `mutation AcknowledgeNotice($id: ID!, $note: String) { acknowledgeOfficialNotice(id: $id, note: $note) { ...Notice } }
${NOTICE}`;
/** Who was told of what about a card, and how each channel went (通知记录). */
export const NOTIFICATION_LOG = `query NotificationLog($taskId: ID, $itemId: ID) {
  notificationLog(taskId: $taskId, itemId: $itemId) {
    notificationId title urgent createdAt recipientName readAt
    deliveries { channel status attempts sentAt updatedAt reason lastError }
  }
}`;
// 问责 decisions: the office proposes (persons chosen among the unit's people), a leader approves or returns.
export const ACCOUNTABILITY_PEOPLE = 'query AccountabilityPeople { organisation { people { login displayName role unit { code } } } }';

export const PROPOSE_TASK_ACCOUNTABILITY = `mutation ProposeTaskAccountability($input: ProposeAccountabilityDecisionInput!) { proposeAccountabilityDecision(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const APPROVE_TASK_ACCOUNTABILITY = `mutation ApproveTaskAccountability($input: ApproveInput!) { approveAccountabilityDecision(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const RETURN_TASK_ACCOUNTABILITY = `mutation ReturnTaskAccountability($input: ReturnInput!) { returnAccountabilityDecision(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const PROPOSE_ITEM_ACCOUNTABILITY = `mutation ProposeItemAccountability($input: ProposeItemAccountabilityDecisionInput!) { proposeItemAccountabilityDecision(input: $input) { ...ItemDetail } }
${ITEM_DETAIL}
${ITEM_CARD}`;

export const APPROVE_ITEM_ACCOUNTABILITY = `mutation ApproveItemAccountability($input: ItemAccountabilityReviewInput!) { approveItemAccountabilityDecision(input: $input) { ...ItemDetail } }
${ITEM_DETAIL}
${ITEM_CARD}`;

export const RETURN_ITEM_ACCOUNTABILITY = `mutation ReturnItemAccountability($input: ItemAccountabilityReviewInput!) { returnItemAccountabilityDecision(input: $input) { ...ItemDetail } }
${ITEM_DETAIL}
${ITEM_CARD}`;

// 重点难点: the office (or a leader) marks the card, changes the mark or clears it.
export const SET_TASK_KEY_FLAG = `mutation SetTaskKeyFlag($input: SetTaskKeyFlagInput!) { setTaskKeyFlag(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const CLEAR_TASK_KEY_FLAG = `mutation ClearTaskKeyFlag($input: ClearTaskKeyFlagInput!) { clearTaskKeyFlag(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const SET_ITEM_KEY_FLAG = `mutation SetItemKeyFlag($input: SetItemKeyFlagInput!) { setItemKeyFlag(input: $input) { ...ItemDetail } }
${ITEM_DETAIL}
${ITEM_CARD}`;

export const CLEAR_ITEM_KEY_FLAG = `mutation ClearItemKeyFlag($input: ClearItemKeyFlagInput!) { clearItemKeyFlag(input: $input) { ...ItemDetail } }
${ITEM_DETAIL}
${ITEM_CARD}`;
