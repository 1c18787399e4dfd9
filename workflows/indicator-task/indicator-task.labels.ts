// Chinese labels for what people see. Kept beside the rules so that the workflow's rejection messages,
// the API and the board use the same words.
// Role names are shared by every kind: ../shared/actor.labels.ts.
import { ACCOUNTABILITY_ACTION_LABELS, ACCOUNTABILITY_EVENT_LABELS } from '../shared/accountability';
import { KEY_FLAG_EVENT_LABELS } from '../shared/key-flag';
import type { EscalationLevel } from '../shared/escalation';
import type { IndicatorTaskEventType } from './indicator-task.events';
import type { Classification, IndicatorTaskAction, MaterialStatus, ReviewKind, Stage } from './indicator-task.types';

export const STAGE_LABELS: Record<Stage, string> = {
  SELF_CHECK: '自查自评',
  RECTIFICATION: '整改',
  MOCK_ASSESSMENT: '模拟测评',
  CONSOLIDATION: '巩固',
  ARCHIVING: '归档',
  ARCHIVED: '已归档',
};

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  MET: '达标',
  NOT_MET: '未达标',
  UNKNOWN: '未知可否达标',
  RELAPSE_PRONE: '易反弹',
};

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  SELF_CHECK_REVIEW: '自查结果待审核',
  RECTIFICATION_REVIEW: '整改完成待审核',
  ARCHIVE_REVIEW: '档案材料待验收',
};

export const ACTION_LABELS: Record<IndicatorTaskAction, string> = {
  SUBMIT_SELF_CHECK: '提交自查结果',
  CONFIRM_SELF_CHECK: '确认自查结果',
  RETURN_SELF_CHECK: '退回自查结果',
  SUBMIT_RECTIFICATION_PLAN: '提交整改方案',
  REPORT_RECTIFICATION_PROGRESS: '报告整改进展',
  SUBMIT_RECTIFICATION: '提交整改完成',
  APPROVE_RECTIFICATION: '审核通过整改',
  RETURN_RECTIFICATION: '退回整改',
  RECORD_MOCK_ASSESSMENT: '录入模拟测评结果',
  START_ARCHIVING: '转入归档',
  SUBMIT_ARCHIVE_MATERIAL: '提交档案材料',
  ACCEPT_ARCHIVE_MATERIAL: '验收档案材料',
  RETURN_ARCHIVE_MATERIAL: '退回档案材料',
  RECORD_RECHECK: '录入复查结果',
  REQUEST_EXTENSION: '申请延期',
  APPROVE_EXTENSION: '批准延期',
  REFUSE_EXTENSION: '不予延期',
  ADD_COMMENT: '发表意见',
  ATTACH_EVIDENCE: '上传佐证材料',
  REASSIGN: '改派责任单位',
  ASSIGN_RESPONSIBLE_PERSON: '指定责任人',
  ...ACCOUNTABILITY_ACTION_LABELS,
};

export const EVENT_LABELS: Record<IndicatorTaskEventType, string> = {
  IndicatorTaskCreated: '任务创建',
  SelfCheckSubmitted: '提交自查结果',
  SelfCheckConfirmed: '自查结果已确认',
  SelfCheckReturned: '自查结果被退回',
  RectificationPlanSubmitted: '提交整改方案',
  RectificationProgressReported: '报告整改进展',
  RectificationSubmitted: '提交整改完成',
  RectificationApproved: '整改审核通过',
  RectificationReturned: '整改被退回',
  MockAssessmentRecorded: '录入模拟测评结果',
  ArchivingStarted: '转入归档',
  ArchiveMaterialSubmitted: '提交档案材料',
  ArchiveMaterialAccepted: '档案材料验收通过',
  ArchiveMaterialReturned: '档案材料被退回',
  ArchiveSubmitted: '提交档案材料（整套）',
  ArchiveAccepted: '档案验收通过（整套）',
  ArchiveReturned: '档案材料被退回（整套）',
  RecheckDue: '到期复查',
  RecheckRecorded: '录入复查结果',
  ExtensionRequested: '申请延期',
  ExtensionApproved: '延期已批准',
  ExtensionRefused: '延期未批准',
  DeadlineEscalated: '时限提醒与督办',
  TaskBreakdownChanged: '任务分解表变更',
  TaskReassigned: '改派责任单位',
  ResponsiblePersonAssigned: '指定责任人',
  CommentAdded: '意见',
  EvidenceAttached: '上传佐证材料',
  ...ACCOUNTABILITY_EVENT_LABELS,
  ...KEY_FLAG_EVENT_LABELS,
};

export const MATERIAL_STATUS_LABELS: Record<MaterialStatus, string> = {
  MISSING: '未提交',
  SUBMITTED: '待验收',
  ACCEPTED: '已验收',
  RETURNED: '已退回',
};

export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  REMINDER: '提醒',
  URGE: '催办',
  SUPERVISE: '督办',
  INTERVIEW: '约谈',
  ACCOUNTABILITY: '问责',
};
