// Chinese labels of units' monthly reports.
import type { UnitReportEventType } from './unit-report.events';
import type { UnitReportLevel, UnitReportStateName } from './unit-report.types';

export const UNIT_REPORT_STATE_LABELS: Record<UnitReportStateName, string> = { OPEN: '待报送', SUBMITTED: '已报送待审', RETURNED: '已退回', ACCEPTED: '已采用' };
export const UNIT_REPORT_LEVEL_LABELS: Record<UnitReportLevel, string> = { REMINDER: '提醒', URGE: '催报', SUPERVISE: '督办' };
export const UNIT_REPORT_EVENT_LABELS: Record<UnitReportEventType, string> = {
  UnitReportOpened: '开始报送',
  UnitReportSubmitted: '报送专题汇报',
  UnitReportReturned: '退回修改',
  UnitReportAccepted: '采用',
  UnitReportEscalated: '逾期催报',
};

/** 2027年3月 */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}
