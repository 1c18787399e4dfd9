// Chinese labels of self-evaluation rounds and 评议.
import type { SelfEvaluationEventType } from './self-evaluation.events';
import type { FormState, Grade, SelfEvaluationLevel, SelfEvaluationStateName, SelfStatus } from './self-evaluation.types';

export const SELF_EVALUATION_STATE_LABELS: Record<SelfEvaluationStateName, string> = { OPEN: '进行中', CLOSED: '已结束' };
export const FORM_STATE_LABELS: Record<FormState, string> = { MISSING: '未提交', SUBMITTED: '已提交', RETURNED: '已退回' };
export const SELF_STATUS_LABELS: Record<SelfStatus, string> = { MET: '达标', NOT_MET: '未达标', UNKNOWN: '未知可否达标' };
export const GRADE_LABELS: Record<Grade, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
export const SELF_EVALUATION_LEVEL_LABELS: Record<SelfEvaluationLevel, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办' };
export const SUBDISTRICT_NAME = '街道（创建办填报）';
export const SELF_EVALUATION_EVENT_LABELS: Record<SelfEvaluationEventType, string> = {
  SelfEvaluationOpened: '发起自查自评',
  SelfEvaluationSubmitted: '提交自查自评表',
  SelfEvaluationReturned: '退回自查自评表',
  SelfEvaluationClosed: '结束本轮自查自评',
  SelfEvaluationEscalated: '自评表催办',
};
