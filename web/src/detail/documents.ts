// The card detail's own GraphQL documents (it reads a card with TASK and ITEM from api/documents.ts). Each
// mutation answers with the whole detail, so the drawer shows the card as it is after the change.
import { CARD, DETAIL, ITEM_CARD, ITEM_DETAIL } from '../api/documents';

export const ADD_COMMENT = `mutation DetailAddComment($input: AddCommentInput!) { addComment(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

export const UPLOAD_EVIDENCE = `mutation DetailUploadEvidence($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { ...Detail } }
${DETAIL}
${CARD}`;

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
