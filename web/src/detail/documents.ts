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
