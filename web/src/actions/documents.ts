// The action forms' GraphQL documents: one mutation per task action (each answers with the card as the board shows
// it, so that one round trip moves the card), the item action, and what some forms need to offer choices.
import { CARD, ITEM_CARD } from '../api/documents';
import { BOARD_CARD, BOARD_ITEM_CARD } from '../board/documents';

const taskMutation = (name: string, input: string) => `mutation ${name[0].toUpperCase()}${name.slice(1)}($input: ${input}!) {
  ${name}(input: $input) { ...BoardCard }
}
${BOARD_CARD}
${CARD}`;

export const SUBMIT_SELF_CHECK = taskMutation('submitSelfCheck', 'SubmitSelfCheckInput');
export const CONFIRM_SELF_CHECK = taskMutation('confirmSelfCheck', 'ApproveInput');
export const RETURN_SELF_CHECK = taskMutation('returnSelfCheck', 'ReturnInput');
export const SUBMIT_RECTIFICATION_PLAN = taskMutation('submitRectificationPlan', 'RectificationPlanInput');
export const REPORT_RECTIFICATION_PROGRESS = taskMutation('reportRectificationProgress', 'NoteInput');
export const SUBMIT_RECTIFICATION = taskMutation('submitRectification', 'NoteInput');
export const APPROVE_RECTIFICATION = taskMutation('approveRectification', 'ApproveInput');
export const RETURN_RECTIFICATION = taskMutation('returnRectification', 'ReturnInput');
export const RECORD_MOCK_ASSESSMENT = taskMutation('recordMockAssessment', 'RecordMockAssessmentInput');
export const RECORD_RECHECK = taskMutation('recordRecheck', 'RecordRecheckInput');
export const START_ARCHIVING = taskMutation('startArchiving', 'ApproveInput');
export const SUBMIT_ARCHIVE_MATERIAL = taskMutation('submitArchiveMaterial', 'SubmitArchiveMaterialInput');
export const ACCEPT_ARCHIVE_MATERIAL = taskMutation('acceptArchiveMaterial', 'AcceptArchiveMaterialInput');
export const RETURN_ARCHIVE_MATERIAL = taskMutation('returnArchiveMaterial', 'ReturnArchiveMaterialInput');
export const REQUEST_EXTENSION = taskMutation('requestExtension', 'RequestExtensionInput');
export const APPROVE_EXTENSION = taskMutation('approveExtension', 'ApproveInput');
export const REFUSE_EXTENSION = taskMutation('refuseExtension', 'ReturnInput');
export const ADD_COMMENT = taskMutation('addComment', 'AddCommentInput');
export const ATTACH_EVIDENCE = taskMutation('uploadEvidence', 'UploadEvidenceInput');
export const REASSIGN = taskMutation('reassignTask', 'ReassignTaskInput');

export const ACT_ON_ITEM = `mutation ActOnItemCard($input: ItemActionInput!) { actOnItem(input: $input) { ...BoardItemCard } }
${BOARD_ITEM_CARD}
${ITEM_CARD}`;

/** What the scoring, archive and evidence forms offer: the indicator's criteria, the materials, the evidence. */
export const TASK_FORM_DATA = `query TaskFormData($id: String!) {
  indicatorTask(id: $id) {
    id version
    indicator { code name criteria { code content points deductionRule } }
    archiveMaterials { code name status statusLabel returnReason }
    evidence { sha256 name }
  }
}`;

