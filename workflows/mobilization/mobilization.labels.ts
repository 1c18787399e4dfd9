// Chinese labels of mobilization.
import type { MobilizationDocEventType, MobilizationResponseEventType } from './mobilization.events';
import type { MobilizationDocKind, MobilizationLevel, ResponseAction, ReviewState } from './mobilization.types';

export const MOBILIZATION_DOC_KIND_LABELS: Record<MobilizationDocKind, string> = { IMPLEMENTATION_PLAN: '实施方案', NOTICE: '通知' };
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { NONE: '未提交', SUBMITTED: '待审核', APPROVED: '已通过', RETURNED: '已退回' };
export const MOBILIZATION_LEVEL_LABELS: Record<MobilizationLevel, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办' };
export const RESPONSE_ACTION_LABELS: Record<ResponseAction, string> = {
  ACKNOWLEDGE: '签收',
  SUBMIT_PLAN: '提交工作实施方案',
  REGISTER_GROUP: '登记创文责任小组',
  APPROVE: '审核通过',
  RETURN: '退回',
};
export const MOBILIZATION_EVENT_LABELS: Record<MobilizationDocEventType | MobilizationResponseEventType, string> = {
  MobilizationDocumentIssued: '印发动员部署文件',
  MobilizationDocumentDue: '动员部署截止',
  MobilizationResponseOpened: '下发至单位',
  MobilizationAcknowledged: '签收',
  MobilizationPlanSubmitted: '提交工作实施方案',
  MobilizationGroupRegistered: '登记创文责任小组',
  MobilizationApproved: '审核通过',
  MobilizationReturned: '退回',
  MobilizationEscalated: '逾期未报',
};
/** What a unit has still to hand in, by the names `missing` carries. */
export const MISSING_LABELS: Record<string, string> = { ACKNOWLEDGE: '签收', PLAN: '工作实施方案', GROUP: '创文责任小组' };
