// The words of card actions and of what events carry, Chinese first (as the workflows' own labels in
// workflows/*/…labels.ts, which the board cannot import), English through the language switch.
import type { Locale } from '../i18n';

type Words = Record<string, { zh: string; en: string }>;

/** Lifecycle actions on an indicator task (IndicatorTaskAction). */
export const TASK_ACTION_WORDS: Words = {
  SUBMIT_SELF_CHECK: { zh: '提交自查结果', en: 'Submit self-check' },
  CONFIRM_SELF_CHECK: { zh: '确认自查结果', en: 'Confirm self-check' },
  RETURN_SELF_CHECK: { zh: '退回自查结果', en: 'Return self-check' },
  SUBMIT_RECTIFICATION_PLAN: { zh: '提交整改方案', en: 'Submit rectification plan' },
  REPORT_RECTIFICATION_PROGRESS: { zh: '报告整改进展', en: 'Report progress' },
  SUBMIT_RECTIFICATION: { zh: '提交整改完成', en: 'Submit rectification' },
  APPROVE_RECTIFICATION: { zh: '审核通过整改', en: 'Approve rectification' },
  RETURN_RECTIFICATION: { zh: '退回整改', en: 'Return rectification' },
  RECORD_MOCK_ASSESSMENT: { zh: '录入模拟测评结果', en: 'Record mock assessment' },
  RECORD_RECHECK: { zh: '录入复查结果', en: 'Record re-check' },
  START_ARCHIVING: { zh: '转入归档', en: 'Start archiving' },
  SUBMIT_ARCHIVE_MATERIAL: { zh: '提交档案材料', en: 'Hand in archive material' },
  ACCEPT_ARCHIVE_MATERIAL: { zh: '验收档案材料', en: 'Accept archive material' },
  RETURN_ARCHIVE_MATERIAL: { zh: '退回档案材料', en: 'Return archive material' },
  REQUEST_EXTENSION: { zh: '申请延期', en: 'Request extension' },
  APPROVE_EXTENSION: { zh: '批准延期', en: 'Approve extension' },
  REFUSE_EXTENSION: { zh: '不予延期', en: 'Refuse extension' },
  ADD_COMMENT: { zh: '发表意见', en: 'Comment' },
  ATTACH_EVIDENCE: { zh: '上传佐证材料', en: 'Attach evidence' },
  REASSIGN: { zh: '改派责任单位', en: 'Reassign' },
};

/** Actions on a rectification item (ItemAction). */
export const ITEM_ACTION_WORDS: Words = {
  DISPATCH: { zh: '派单', en: 'Dispatch' },
  START_RECTIFICATION: { zh: '签收并开始整改', en: 'Acknowledge and start' },
  SUBMIT_RECTIFICATION: { zh: '提交整改结果', en: 'Hand in the fix' },
  VERIFY: { zh: '复核通过', en: 'Verify' },
  RETURN: { zh: '退回重改', en: 'Return to fix again' },
  RECORD_RECHECK: { zh: '录入巩固复查结果', en: 'Record re-check' },
  REQUEST_EXTENSION: { zh: '申请延期', en: 'Request extension' },
  APPROVE_EXTENSION: { zh: '批准延期', en: 'Approve extension' },
  REFUSE_EXTENSION: { zh: '不予延期', en: 'Refuse extension' },
  REQUEST_DISPATCH_RETURN: { zh: '申请退回（非本单位职责）', en: 'Ask to return the dispatch' },
  APPROVE_DISPATCH_RETURN: { zh: '同意退回', en: 'Agree to the return' },
  REFUSE_DISPATCH_RETURN: { zh: '不同意退回', en: 'Refuse the return' },
  REPORT_DUPLICATE: { zh: '重复上报', en: 'Repeated report' },
};

export const REVIEW_WORDS: Words = {
  SELF_CHECK_REVIEW: { zh: '自查结果待审核', en: 'Self-check awaiting review' },
  RECTIFICATION_REVIEW: { zh: '整改完成待审核', en: 'Rectification awaiting review' },
  ARCHIVE_REVIEW: { zh: '档案材料待验收', en: 'Archive material awaiting acceptance' },
};

export const METHOD_WORDS: Words = {
  FIELD: { zh: '实地考察', en: 'Field inspection' },
  MATERIAL: { zh: '材料审核', en: 'Material review' },
  SURVEY: { zh: '问卷调查', en: 'Survey' },
  SIMULATED: { zh: '模拟暗访', en: 'Simulated visit' },
};

/** An action's label in the chosen language; an unknown code is shown as it is. */
export function actionLabel(kind: 'task' | 'item', action: string, locale: Locale): string {
  const words = kind === 'task' ? TASK_ACTION_WORDS : ITEM_ACTION_WORDS;
  return words[action]?.[locale] ?? action;
}

export function wordOf(words: Words, code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return words[code]?.[locale] ?? code;
}
