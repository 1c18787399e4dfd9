// Every action a person can take on a task or a rectification item from the board: its label, the mutation that
// takes it, and the fields its form asks for (the same table the old board kept, now in one typed place). Which
// action a person may take now is never decided here: that is the card's `allowedActions`, from the API.
import type { Kind } from '../board/types';

export type FieldName =
  | 'classification'
  | 'note'
  | 'reason'
  | 'plan'
  | 'deadline'
  | 'requestedDueAt'
  | 'passed'
  | 'scores'
  | 'text'
  | 'file'
  | 'materialCode'
  | 'unitCode'
  | 'dueAt'
  | 'photos';

export interface Words {
  zh: string;
  en: string;
}

export interface FieldSpec {
  name: FieldName;
  /** 'whenFailed': required when the re-check failed. */
  required: boolean | 'whenFailed';
  /** The action's own name for the field, when the general one is not right. */
  label?: Words;
  hint?: Words;
}

export interface ActionSpec {
  label: Words;
  /** Task actions: the mutation's field in the answer (the document is in documents.ts under the action's name). */
  mutation?: string;
  fields: FieldSpec[];
  /** The person decides about someone else's work and a mistake cannot be undone: a red confirm button. */
  danger?: boolean;
  /** Comments never conflict: sent without the version seen. */
  versionless?: boolean;
}

const f = (name: FieldName, required: FieldSpec['required'] = false, label?: Words, hint?: Words): FieldSpec => ({ name, required, label, hint });
const w = (zh: string, en: string): Words => ({ zh, en });

export const TASK_ACTIONS: Record<string, ActionSpec> = {
  SUBMIT_SELF_CHECK: { label: w('提交自查结果', 'Submit the self-check'), mutation: 'submitSelfCheck', fields: [f('classification', true), f('note', true, w('自查说明', 'Self-check note'))] },
  CONFIRM_SELF_CHECK: { label: w('确认自查结果', 'Confirm the self-check'), mutation: 'confirmSelfCheck', fields: [f('note')] },
  RETURN_SELF_CHECK: { label: w('退回自查结果', 'Return the self-check'), mutation: 'returnSelfCheck', fields: [f('reason', true, w('退回原因', 'Why it is returned'))], danger: true },
  SUBMIT_RECTIFICATION_PLAN: { label: w('提交整改方案', 'Submit the rectification plan'), mutation: 'submitRectificationPlan', fields: [f('plan', true), f('deadline', true)] },
  REPORT_RECTIFICATION_PROGRESS: { label: w('报告整改进展', 'Report progress'), mutation: 'reportRectificationProgress', fields: [f('note', true, w('整改进展', 'Progress'))] },
  SUBMIT_RECTIFICATION: { label: w('提交整改完成', 'Submit the rectification'), mutation: 'submitRectification', fields: [f('note', true, w('整改完成情况', 'What was done'))] },
  APPROVE_RECTIFICATION: { label: w('审核通过整改', 'Approve the rectification'), mutation: 'approveRectification', fields: [f('note')] },
  RETURN_RECTIFICATION: { label: w('退回整改', 'Return the rectification'), mutation: 'returnRectification', fields: [f('reason', true, w('退回原因', 'Why it is returned'))], danger: true },
  RECORD_MOCK_ASSESSMENT: { label: w('录入模拟测评结果', 'Record the mock assessment'), mutation: 'recordMockAssessment', fields: [f('scores', true), f('note')] },
  RECORD_RECHECK: { label: w('录入复查结果', 'Record the re-check'), mutation: 'recordRecheck', fields: [f('passed', true), f('note', 'whenFailed', w('复查说明（不合格时必填）', 'Note (required when failed)'))] },
  START_ARCHIVING: { label: w('转入归档', 'Start archiving'), mutation: 'startArchiving', fields: [f('note')] },
  SUBMIT_ARCHIVE_MATERIAL: { label: w('提交档案材料', 'Hand in an archive material'), mutation: 'submitArchiveMaterial', fields: [f('materialCode', true), f('file', true), f('note', false, w('材料说明', 'Note'))] },
  ACCEPT_ARCHIVE_MATERIAL: { label: w('验收档案材料', 'Accept an archive material'), mutation: 'acceptArchiveMaterial', fields: [f('materialCode', true), f('note')] },
  RETURN_ARCHIVE_MATERIAL: { label: w('退回档案材料', 'Return an archive material'), mutation: 'returnArchiveMaterial', fields: [f('materialCode', true), f('reason', true, w('退回原因', 'Why it is returned'))], danger: true },
  REQUEST_EXTENSION: { label: w('申请延期', 'Request an extension'), mutation: 'requestExtension', fields: [f('requestedDueAt', true), f('reason', true, w('延期理由', 'Why'))] },
  APPROVE_EXTENSION: { label: w('批准延期', 'Approve the extension'), mutation: 'approveExtension', fields: [f('note')] },
  REFUSE_EXTENSION: { label: w('不予延期', 'Refuse the extension'), mutation: 'refuseExtension', fields: [f('reason', true, w('不予延期的理由', 'Why not'))], danger: true },
  ADD_COMMENT: { label: w('发表意见', 'Comment'), mutation: 'addComment', fields: [f('text', true)], versionless: true },
  ATTACH_EVIDENCE: { label: w('上传佐证材料', 'Attach evidence'), mutation: 'uploadEvidence', fields: [f('file', true), f('note', false, w('材料说明', 'Note'))], versionless: true },
  REASSIGN: { label: w('改派责任单位', 'Reassign to another unit'), mutation: 'reassignTask', fields: [f('unitCode', true, w('改派到的单位', 'New unit')), f('reason', true, w('改派原因', 'Why'))] },
};

export const ITEM_ACTIONS: Record<string, ActionSpec> = {
  DISPATCH: { label: w('派单', 'Dispatch'), fields: [f('unitCode', true), f('dueAt', false, undefined, w('不填则按活动规定的整改天数', 'Blank: the campaign’s number of days')), f('note', false, w('派单说明', 'Note to the unit'))] },
  START_RECTIFICATION: { label: w('签收并开始整改', 'Accept and start'), fields: [f('note')] },
  SUBMIT_RECTIFICATION: { label: w('提交整改结果', 'Submit the fix'), fields: [f('note', true, w('整改情况', 'What was done')), f('photos', true)] },
  VERIFY: { label: w('复核通过', 'Verify'), fields: [f('note')] },
  RETURN: { label: w('退回重改', 'Return for rework'), fields: [f('reason', true, w('退回原因', 'Why it is returned'))], danger: true },
  RECORD_RECHECK: { label: w('录入巩固复查结果', 'Record the re-check'), fields: [f('passed', true), f('note', 'whenFailed', w('复查说明（不合格时必填）', 'Note (required when failed)'))] },
  REQUEST_EXTENSION: { label: w('申请延期', 'Request an extension'), fields: [f('requestedDueAt', true), f('reason', true, w('延期理由', 'Why'))] },
  APPROVE_EXTENSION: { label: w('批准延期', 'Approve the extension'), fields: [f('note')] },
  REFUSE_EXTENSION: { label: w('不予延期', 'Refuse the extension'), fields: [f('reason', true, w('不予延期的理由', 'Why not'))], danger: true },
  REQUEST_DISPATCH_RETURN: { label: w('申请退回（非本单位职责）', 'Ask to hand it back (not ours)'), fields: [f('reason', true, w('申请退回的理由', 'Why'))] },
  APPROVE_DISPATCH_RETURN: { label: w('同意退回', 'Agree to take it back'), fields: [f('note')] },
  REFUSE_DISPATCH_RETURN: { label: w('不同意退回', 'Refuse to take it back'), fields: [f('reason', true, w('不同意退回的理由', 'Why not'))], danger: true },
};

export function specOf(kind: Kind, action: string): ActionSpec | undefined {
  return (kind === 'task' ? TASK_ACTIONS : ITEM_ACTIONS)[action];
}

/** Whether the action can be taken without asking anything (every field optional). */
export function needsNoInput(spec: ActionSpec): boolean {
  return spec.fields.every((field) => field.required === false);
}
