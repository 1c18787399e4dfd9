// Chinese labels of the funding ledger, and amounts in fen written as yuan with integer arithmetic only.
import type { FundingEventType } from './funding.events';
import type { ApprovalLevel, FundingArea, FundingTarget, SpendingStateName } from './funding.types';

export const SPENDING_STATE_LABELS: Record<SpendingStateName, string> = { RECORDED: '已入账', PENDING: '待领导审批', APPROVED: '已审批', REJECTED: '已驳回' };
export const APPROVAL_LEVEL_LABELS: Record<ApprovalLevel, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办' };
export const FUNDING_AREA_LABELS: Record<FundingArea, string> = {
  TRAFFIC_ORDER: '交通秩序',
  CITY_APPEARANCE: '市容市貌',
  PUBLIC_SECURITY: '社会治安',
  SANITATION: '环境卫生',
  MARKETS: '集贸市场',
  SERVICE_WINDOWS: '窗口服务',
};
export const FUNDING_EVENT_LABELS: Record<FundingEventType, string> = {
  FundingLedgerOpened: '建立经费台账',
  ApprovalThresholdSet: '设置审批限额',
  BudgetLineAdded: '新增预算科目',
  BudgetLineAmended: '调整预算科目',
  FundsAllocated: '分配经费',
  SpendingRecorded: '登记支出',
  SpendingApproved: '领导审批同意',
  SpendingRejected: '领导驳回',
  SpendingApprovalEscalated: '审批催办',
};

/** 交通秩序专项整治, or the task's id when no label is at hand. */
export function targetLabel(target: FundingTarget, taskLabel?: string): string {
  return target.kind === 'DRIVE' ? `${FUNDING_AREA_LABELS[target.area]}专项整治` : `指标任务 ${taskLabel ?? target.taskId}`;
}

/** 1234567 fen → "12,345.67" (no float arithmetic: the remainder is taken before dividing). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const whole = String((abs - cents) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}
