// The card detail's own GraphQL documents (it reads a card with TASK and ITEM from api/documents.ts). Each
// mutation answers with the whole detail, so the drawer shows the card as it is after the change.
import { CARD, DETAIL } from '../api/documents';

export const ADD_COMMENT = `mutation DetailAddComment($input: AddCommentInput!) { addComment(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const UPLOAD_EVIDENCE = `mutation DetailUploadEvidence($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

/** Who was told of what about a card, and how each channel went (通知记录). */
export const NOTIFICATION_LOG = `query NotificationLog($taskId: ID, $itemId: ID) {
  notificationLog(taskId: $taskId, itemId: $itemId) {
    notificationId title urgent createdAt recipientName readAt
    deliveries { channel status attempts sentAt updatedAt reason lastError }
  }
}`;
