// Chinese labels of 专项整治 drives.
import type { SpecialDriveEventType } from './special-drive.events';
import type { DriveLevel, SpecialDriveStateName } from './special-drive.types';

export const DRIVE_STATE_LABELS: Record<SpecialDriveStateName, string> = { ACTIVE: '整治中', SUMMARY_SUBMITTED: '总结待审定', RETURNED: '总结已退回', CLOSED: '已结束' };
export const DRIVE_LEVEL_LABELS: Record<DriveLevel, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办' };
export const DRIVE_EVENT_LABELS: Record<SpecialDriveEventType, string> = {
  SpecialDriveLaunched: '启动专项整治',
  SpecialDriveAmended: '调整方案',
  SpecialDriveItemAttached: '纳入整改问题',
  SpecialDriveItemDetached: '移出整改问题',
  SpecialDriveSummarySubmitted: '报送总结',
  SpecialDriveSummaryReturned: '退回总结',
  SpecialDriveClosed: '审定总结，专项整治结束',
  SpecialDriveEscalated: '总结逾期催办',
};
export const DRIVE_PLAN_FIELD_LABELS: Record<string, string> = {
  leadUnitCode: '牵头单位',
  startDate: '开始日期',
  endDate: '结束日期',
  goals: '整治目标',
  participatingUnitCodes: '参与单位',
};
