// Chinese labels for rectification items: what people see on the board, in messages and in exports.
import { ACCOUNTABILITY_EVENT_LABELS } from '../shared/accountability';
import { KEY_FLAG_EVENT_LABELS } from '../shared/key-flag';
import type { RectificationItemEventType } from './rectification-item.events';
import type { ItemAction, ItemArea, ItemSource, ItemState } from './rectification-item.types';

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  REPORTED: '上报',
  DISPATCHED: '派单',
  RECTIFYING: '整改中',
  SUBMITTED: '待复核',
  RETURNED: '退回',
  VERIFIED: '已复核',
  RECHECK: '巩固复查',
  CLOSED: '销号',
};

export const ITEM_SOURCE_LABELS: Record<ItemSource, string> = {
  SUPERVISION: '督查',
  OPEN_INSPECTION: '明察',
  COVERT_INSPECTION: '暗访',
  MOCK_ASSESSMENT: '模拟测评',
  LEADER_VISIT: '领导现场办公',
  CITIZEN_REPORT: '群众反映',
  LOCAL_REPORT: '属地上报',
  LEAD_UNIT_MEETING: '牵头单位协调会交办',
};

export const ITEM_AREA_LABELS: Record<ItemArea, string> = {
  TRAFFIC_ORDER: '交通秩序',
  CITY_APPEARANCE: '市容市貌',
  PUBLIC_SECURITY: '社会治安',
  SANITATION: '环境卫生',
  MARKETS: '集贸市场',
  SERVICE_WINDOWS: '窗口服务',
};

export const ITEM_ACTION_LABELS: Record<ItemAction, string> = {
  DISPATCH: '派单',
  START_RECTIFICATION: '签收并开始整改',
  SUBMIT_RECTIFICATION: '提交整改结果',
  VERIFY: '复核通过',
  RETURN: '退回重改',
  RECORD_RECHECK: '录入巩固复查结果',
  REQUEST_EXTENSION: '申请延期',
  APPROVE_EXTENSION: '批准延期',
  REFUSE_EXTENSION: '不予延期',
  REQUEST_DISPATCH_RETURN: '申请退回（非本单位职责）',
  APPROVE_DISPATCH_RETURN: '同意退回',
  REFUSE_DISPATCH_RETURN: '不同意退回',
  REPORT_DUPLICATE: '重复上报',
  ASSIGN_RESPONSIBLE_PERSON: '指定责任人',
};

export const ITEM_EVENT_LABELS: Record<RectificationItemEventType, string> = {
  ItemReported: '上报问题',
  ItemDispatched: '派单',
  ItemRectificationStarted: '签收，开始整改',
  ItemSubmitted: '提交整改结果',
  ItemVerified: '复核通过',
  ItemReturned: '退回重改',
  ItemRecheckDue: '巩固复查到期',
  ItemRecheckRecorded: '录入巩固复查结果',
  ItemExtensionRequested: '申请延期',
  ItemExtensionApproved: '延期已批准',
  ItemExtensionRefused: '延期未批准',
  ItemDispatchReturnRequested: '申请退回',
  ItemDispatchReturnApproved: '同意退回，待重新派单',
  ItemDispatchReturnRefused: '不同意退回',
  ItemDuplicateReported: '重复上报（已关联）',
  ResponsiblePersonAssigned: '指定责任人',
  DeadlineEscalated: '时限提醒与督办',
  ...ACCOUNTABILITY_EVENT_LABELS,
  ...KEY_FLAG_EVENT_LABELS,
};
