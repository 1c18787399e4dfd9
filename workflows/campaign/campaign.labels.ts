// Chinese labels of the campaign's clock, beside its rules, so that rejections, the API and reports use the
// same words.
import type { CampaignEventType } from './campaign.events';
import type { CadenceRequirement, CampaignAction, MeetingKind, Phase } from './campaign.types';

export const PHASE_LABELS: Record<Phase, string> = {
  MOBILIZATION: '宣传发动',
  SPECIAL_RECTIFICATION: '专项整治',
  SPRINT: '全面冲刺',
  INSPECTION: '迎检',
  REVIEW: '总结评议',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  JOINT: '联席会议',
  COORDINATION: '协调会',
  MOBILIZATION: '动员大会',
  HEARING: '听取单位工作汇报',
  SUMMARY: '总结会',
  LEAD_UNIT: '牵头单位协调会',
};

export const CADENCE_LABELS: Record<CadenceRequirement, string> = {
  SUPERVISION_VISIT: '现场督查',
  JOINT_MEETING: '联席会议',
  COORDINATION_MEETING: '协调会',
  UNIT_REPORT_HEARING: '听取单位工作汇报',
};

export const CAMPAIGN_ACTION_LABELS: Record<CampaignAction, string> = {
  SET_PHASE_PLAN: '设置阶段计划',
  ADVANCE_PHASE: '进入下一阶段',
  RECORD_SUPERVISION_VISIT: '记录现场督查',
  RECORD_MEETING: '记录会议',
  RECORD_LEAD_UNIT_MEETING: '记录牵头单位协调会',
};

export const CAMPAIGN_EVENT_LABELS: Record<CampaignEventType, string> = {
  CampaignClockStarted: '活动时钟启动',
  PhasePlanSet: '设置阶段计划',
  PhaseAdvanced: '进入下一阶段',
  PhaseDue: '阶段计划开始日期已到',
  SupervisionVisitRecorded: '现场督查',
  CampaignMeetingRecorded: '会议',
  CadenceShortfallFlagged: '月度工作节奏不足',
};
