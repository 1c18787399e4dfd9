// Who may do what: the one place the API's authorisation is declared.
//
// 1. OPERATIONS: every root field of the GraphQL schema (query, mutation, subscription) and every HTTP route,
//    with the roles that may call it, and the scope a service account needs to read it. AccessGuard
//    (access.guard.ts) checks it before any resolver or controller runs; an operation that is not declared here is
//    refused (a test also proves that the table and the schema name the same operations). The lifecycle actions'
//    roles are not repeated: they are read from the pure rules in workflows/ (taskActionRoles, itemActionRoles,
//    campaignActionRoles, ROUND_ROLES, REPORTER_ROLES), which the workflows enforce again.
// 2. What each role sees of what it may read: the predicates below (`isUnitRole`, `mayReadUnit`,
//    `hidesCovertReporter`). Services apply them to rows; they decide nothing of their own.
// 3. What depends on the record itself and on who acted before (a unit acts only on its own tasks and items; no
//    one approves what they handed in themselves; a task's stage allows the action) is the lifecycle's
//    `check`/`checkItem`/`checkRound`/`checkCampaign` in workflows/, run by the workflow on every update.
//
// Service accounts (district integration) only read, within their scopes, with the leading group's view.
import { DomainError } from '../platform/errors/domain-error';
import { ROLE_LABELS } from '../../workflows/shared/actor.labels';
import { taskActionRoles } from '../../workflows/indicator-task/indicator-task.decide';
import type { IndicatorTaskAction } from '../../workflows/indicator-task/indicator-task.types';
import { ROLES, type Actor, type Role } from '../../workflows/shared/actor.types';
import { KEY_FLAG_ROLES } from '../../workflows/shared/key-flag';
import { ITEM_ACTIONS, LOCAL_REPORTER_ROLES, REPORTER_ROLES } from '../../workflows/rectification-item/rectification-item.types';
import { isItemAction, itemActionRoles } from '../../workflows/rectification-item/rectification-item.decide';
import { ROUND_ROLES } from '../../workflows/inspection-round/inspection-round.types';
import { ACCOUNTABILITY_ROLES } from '../../workflows/shared/accountability';
import { campaignActionRoles } from '../../workflows/campaign/campaign.decide';
import { NOTICE_ACK_ROLES, NOTICE_ISSUER_ROLES } from '../../workflows/official-notice/official-notice.types';
import type { CampaignAction } from '../../workflows/campaign/campaign.types';
import { UNIT_REPORT_REVIEW_ROLES, UNIT_REPORT_SUBMIT_ROLES } from '../../workflows/unit-report/unit-report.types';
import { MOBILIZATION_OFFICE_ROLES, MOBILIZATION_UNIT_ROLES } from '../../workflows/mobilization/mobilization.types';
import { BRIEFING_ROLES } from '../../workflows/briefing/briefing.types';
import { LIBRARY_REVIEWER_ROLES, LIBRARY_SUBMITTER_ROLES } from '../../workflows/archive-library/archive-library.types';
import { PACKAGE_BUILDER_ROLES, PACKAGE_SUBMITTER_ROLES } from '../../workflows/archive-package/archive-package.types';
import { SURVEY_ROLES } from '../../workflows/survey-round/survey-round.types';
import { SELF_EVALUATION_FILLERS, SELF_EVALUATION_OFFICE } from '../../workflows/self-evaluation/self-evaluation.types';
import { APPRAISAL_ROLES } from '../../workflows/appraisal/appraisal.types';
import { DRIVE_OFFICE_ROLES, DRIVE_REVIEW_ROLES, DRIVE_SUMMARY_ROLES } from '../../workflows/special-drive/special-drive.types';
import { FUNDING_APPROVER_ROLES, FUNDING_OFFICE_ROLES, FUNDING_READER_ROLES, FUNDING_SPEND_ROLES } from '../../workflows/funding/funding.types';
import { ACTIVITY_ARCHIVE_ROLES, ACTIVITY_OFFICE_ROLES, ACTIVITY_UNIT_ROLES } from '../../workflows/activity/activity.types';
import { PUBLICITY_OFFICE_ROLES, PUBLICITY_READER_ROLES } from '../../workflows/publicity/publicity.types';

/** What a service account may be given: read-only views. */
export const SCOPES = ['BOARD_READ', 'CAMPAIGN_READ', 'REPORTS_READ'] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<Scope, string> = {
  BOARD_READ: '读取任务与整改问题（看板、卡片、历史、附件、实时推送）',
  CAMPAIGN_READ: '读取活动、测评体系与检查轮次',
  REPORTS_READ: '读取绩效考核、红黑榜、公共文明指数与月度汇报',
};

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/** A service account acting through an API key. */
export interface ServiceIdentity {
  accountId: string;
  name: string;
  scopes: readonly Scope[];
}

/** Whoever calls: a person (an Actor), or a service account, which reads with the leading group's view. */
export type Caller = Actor & { service?: ServiceIdentity };

/** Anyone signed in as a person; PUBLIC needs no identity at all. */
type Allowed = readonly Role[] | 'ANY_PERSON' | 'PUBLIC';

export interface OperationRule {
  /** What the operation does, in Chinese, for the refusal's message: 「…无权{what}」. */
  what: string;
  /** Who may call it; a function when it depends on the arguments (the action named in the input). */
  allow: Allowed | ((args: Record<string, unknown>) => readonly Role[]);
  /** The scope that lets a service account call it; operations without one are for people only. */
  scope?: Scope;
  /** Unit roles get only their own unit's records (applied by the service with the predicates below). */
  unitScoped?: true;
}

const ALL = ROLES;
const OFFICE: readonly Role[] = ['OFFICE'];
const OFFICE_AND_LEADER: readonly Role[] = ['OFFICE', 'LEADER'];
const NOT_UNITS: readonly Role[] = ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST'];
const ROUND_VIEWERS: readonly Role[] = [...ROUND_ROLES, 'LEADER'];
const SELF_EVALUATION_OFFICE_AND_LEADER: readonly Role[] = [...SELF_EVALUATION_OFFICE, 'LEADER'];
const ASSESSMENT_VIEWERS: readonly Role[] = ['LEADER', 'OFFICE', 'SUPERVISOR', 'UNIT_HEAD', 'UNIT_MEMBER'];

const task = (action: IndicatorTaskAction, what: string): OperationRule => ({ what, allow: taskActionRoles(action) });
const campaign = (action: CampaignAction, what: string): OperationRule => ({ what, allow: campaignActionRoles(action) });
const ALL_ITEM_ACTION_ROLES: readonly Role[] = ROLES.filter((role) => ITEM_ACTIONS.some((a) => itemActionRoles(a).includes(role)));

/** Every operation of the API. Keys: `Query.x`, `Mutation.x`, `Subscription.x`, and `GET /path/:param` for HTTP. */
export const OPERATIONS: Readonly<Record<string, OperationRule>> = {
  // Identity.
  'Query.me': { what: '查看本人信息', allow: 'ANY_PERSON' },
  'Mutation.signIn': { what: '登录', allow: 'PUBLIC' },
  'Mutation.refreshSession': { what: '刷新登录', allow: 'PUBLIC' },
  'Mutation.signOut': { what: '退出登录', allow: 'ANY_PERSON' },
  'Mutation.changePassword': { what: '修改本人密码', allow: 'ANY_PERSON' },
  'Mutation.setUserPassword': { what: '设置他人的密码', allow: OFFICE },
  'Query.serviceAccounts': { what: '查看服务账号', allow: OFFICE },
  'Mutation.createServiceAccount': { what: '创建服务账号', allow: OFFICE },
  'Mutation.rotateServiceAccountKey': { what: '更换服务账号密钥', allow: OFFICE },
  'Mutation.revokeServiceAccount': { what: '停用服务账号', allow: OFFICE },
  'Query.accessDenials': { what: '查看拒绝访问记录', allow: OFFICE_AND_LEADER },

  // The campaign, its catalog, its organisation and its clock.
  'Query.campaigns': { what: '查看活动', allow: ALL, scope: 'CAMPAIGN_READ' },
  'Query.campaign': { what: '查看活动进度', allow: ALL, scope: 'CAMPAIGN_READ', unitScoped: true },
  'Mutation.updateCampaignPolicy': { what: '修改活动的时限规则', allow: OFFICE },
  'Mutation.setCampaignPhasePlan': campaign('SET_PHASE_PLAN', '设置阶段计划'),
  'Mutation.advanceCampaignPhase': campaign('ADVANCE_PHASE', '推进活动阶段'),
  'Mutation.recordSupervisionVisit': campaign('RECORD_SUPERVISION_VISIT', '登记督查走访'),
  'Mutation.recordCampaignMeeting': campaign('RECORD_MEETING', '登记联席会议'),
  // 牵头单位召集: the service and the clock's validator hold the unit to the indicators it leads.
  'Mutation.recordLeadUnitMeeting': campaign('RECORD_LEAD_UNIT_MEETING', '记录牵头单位协调会'),
  'Query.catalog': { what: '查看测评体系', allow: ALL, scope: 'CAMPAIGN_READ' },
  'Query.catalogVersions': { what: '查看测评体系版本', allow: ALL, scope: 'CAMPAIGN_READ' },
  'Query.exportCatalog': { what: '导出测评体系', allow: ALL, scope: 'CAMPAIGN_READ' },
  'Mutation.importCatalog': { what: '导入测评体系', allow: OFFICE },
  'Query.organisation': { what: '查看组织机构', allow: OFFICE_AND_LEADER },
  'Query.units': { what: '查看单位名录', allow: ALL, scope: 'CAMPAIGN_READ' },
  'Mutation.importOrganisation': { what: '导入组织机构', allow: OFFICE },
  'Query.workingDayCalendar': { what: '查看工作日日历', allow: ALL, scope: 'CAMPAIGN_READ' },
  'Mutation.importWorkingDayOverrides': { what: '导入工作日调整', allow: OFFICE },
  'Query.taskBreakdownImport': { what: '查看任务分解表导入记录', allow: OFFICE_AND_LEADER },
  'Query.taskBreakdownImports': { what: '查看任务分解表导入记录', allow: OFFICE_AND_LEADER },
  'Mutation.importTaskBreakdown': { what: '导入任务分解表', allow: OFFICE },
  'Query.monthlyReport': { what: '查看月度专题汇报', allow: NOT_UNITS, scope: 'REPORTS_READ' },
  'Query.exportMonthlyReport': { what: '导出月度专题汇报', allow: NOT_UNITS, scope: 'REPORTS_READ' },
  'Mutation.generateMonthlyReport': { what: '生成月度专题汇报', allow: OFFICE },

  // Indicator tasks: reading (units their own), and the lifecycle's actions.
  'Query.board': { what: '查看任务看板', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.boardColumn': { what: '查看任务看板', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.tasks': { what: '查询任务列表', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.indicatorTask': { what: '查看任务卡片', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.boardAsOf': { what: '查看某一时点的看板', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.boardAsOfColumn': { what: '查看某一时点的看板', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Subscription.boardChanged': { what: '订阅看板变化', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'GET /tasks/:taskId/evidence/:sha256': { what: '下载任务佐证材料', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Mutation.submitSelfCheck': task('SUBMIT_SELF_CHECK', '提交自查结果'),
  'Mutation.confirmSelfCheck': task('CONFIRM_SELF_CHECK', '确认自查结果'),
  'Mutation.returnSelfCheck': task('RETURN_SELF_CHECK', '退回自查结果'),
  'Mutation.submitRectificationPlan': task('SUBMIT_RECTIFICATION_PLAN', '提交整改方案'),
  'Mutation.reportRectificationProgress': task('REPORT_RECTIFICATION_PROGRESS', '报告整改进展'),
  'Mutation.submitRectification': task('SUBMIT_RECTIFICATION', '提交整改结果'),
  'Mutation.approveRectification': task('APPROVE_RECTIFICATION', '通过整改验收'),
  'Mutation.returnRectification': task('RETURN_RECTIFICATION', '退回整改结果'),
  'Mutation.recordMockAssessment': task('RECORD_MOCK_ASSESSMENT', '录入模拟测评结果'),
  'Mutation.recordRecheck': task('RECORD_RECHECK', '录入复查结果'),
  'Mutation.requestExtension': task('REQUEST_EXTENSION', '申请延期'),
  'Mutation.approveExtension': task('APPROVE_EXTENSION', '批准延期'),
  'Mutation.refuseExtension': task('REFUSE_EXTENSION', '驳回延期'),
  'Mutation.addComment': task('ADD_COMMENT', '发表评论'),
  'Mutation.uploadEvidence': task('ATTACH_EVIDENCE', '上传佐证材料'),
  'Mutation.startArchiving': task('START_ARCHIVING', '启动归档'),
  'Mutation.submitArchiveMaterial': task('SUBMIT_ARCHIVE_MATERIAL', '提交档案材料'),
  'Mutation.acceptArchiveMaterial': task('ACCEPT_ARCHIVE_MATERIAL', '验收档案材料'),
  'Mutation.returnArchiveMaterial': task('RETURN_ARCHIVE_MATERIAL', '退回档案材料'),
  'Mutation.reassignTask': task('REASSIGN', '调整责任单位'),
  'Mutation.assignTaskResponsiblePerson': task('ASSIGN_RESPONSIBLE_PERSON', '指定任务的责任人'),
  'Mutation.proposeAccountabilityDecision': task('PROPOSE_ACCOUNTABILITY', '提出问责决定'),
  'Mutation.approveAccountabilityDecision': task('APPROVE_ACCOUNTABILITY', '批准问责决定'),
  'Mutation.returnAccountabilityDecision': task('RETURN_ACCOUNTABILITY', '退回问责决定'),
  // 重点和难点: the office and the leading group mark tasks and items (workflows/shared/key-flag.ts).
  'Mutation.setTaskKeyFlag': { what: '标记重点难点任务', allow: KEY_FLAG_ROLES },
  'Mutation.clearTaskKeyFlag': { what: '取消任务的重点难点标记', allow: KEY_FLAG_ROLES },
  'Mutation.setItemKeyFlag': { what: '标记重点难点整改问题', allow: KEY_FLAG_ROLES },
  'Mutation.clearItemKeyFlag': { what: '取消整改问题的重点难点标记', allow: KEY_FLAG_ROLES },

  // Rectification items.
  'Query.itemBoard': { what: '查看整改问题看板', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.itemBoardColumn': { what: '查看整改问题看板', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.items': { what: '查询整改问题列表', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.rectificationItem': { what: '查看整改问题', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Subscription.itemChanged': { what: '订阅整改问题变化', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'GET /items/:itemId/files/:sha256': { what: '下载整改问题照片', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Mutation.reportItem': { what: '上报问题', allow: REPORTER_ROLES },
  'Mutation.actOnItem': {
    what: '办理整改问题',
    // The action named decides; an unknown action is refused later as bad input, by whoever may act at all.
    allow: (args) => {
      const action = (args.input as { action?: unknown } | undefined)?.action;
      return typeof action === 'string' && isItemAction(action) ? itemActionRoles(action) : ALL_ITEM_ACTION_ROLES;
    },
  },
  'Mutation.assignItemResponsiblePerson': { what: '指定整改问题的责任人', allow: itemActionRoles('ASSIGN_RESPONSIBLE_PERSON') },
  'Mutation.proposeItemAccountabilityDecision': { what: '提出问责决定', allow: ACCOUNTABILITY_ROLES.PROPOSE_ACCOUNTABILITY },
  'Mutation.approveItemAccountabilityDecision': { what: '批准问责决定', allow: ACCOUNTABILITY_ROLES.APPROVE_ACCOUNTABILITY },
  'Mutation.returnItemAccountabilityDecision': { what: '退回问责决定', allow: ACCOUNTABILITY_ROLES.RETURN_ACCOUNTABILITY },
  'Mutation.meetingDecisionToItem': { what: '把议定事项转为整改问题', allow: ['OFFICE', 'SUPERVISOR'] },
  'Mutation.meetingDecisionToTask': { what: '把议定事项转为指标任务', allow: OFFICE },
  // 属地上报: the service also holds the reporter to a community or village unit and its own area.
  'Mutation.reportLocalProblem': { what: '属地上报问题', allow: LOCAL_REPORTER_ROLES },
  'Query.localReports': { what: '查看属地上报的问题', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.exportLocalReports': { what: '导出属地上报的问题', allow: ALL, scope: 'BOARD_READ', unitScoped: true },

  // Inspection rounds.
  'Query.inspectionRounds': { what: '查看检查轮次', allow: ROUND_VIEWERS, scope: 'CAMPAIGN_READ' },
  'Query.inspectionRound': { what: '查看检查轮次', allow: ROUND_VIEWERS, scope: 'CAMPAIGN_READ' },
  'Query.publicCivilityIndex': { what: '查看公共文明指数', allow: ROUND_VIEWERS, scope: 'REPORTS_READ' },
  'Mutation.planInspectionRound': { what: '计划检查轮次', allow: ROUND_ROLES },
  'Mutation.actOnInspectionRound': { what: '办理检查轮次', allow: ROUND_ROLES },
  'Mutation.recordFinding': { what: '记录检查发现的问题', allow: ROUND_ROLES },
  'Mutation.recordRoundScores': { what: '录入测评得分', allow: ROUND_ROLES },
  'Mutation.recordWindowCheck': { what: '窗口服务规范化检查', allow: ROUND_ROLES },
  'Mutation.saveWindowChecklist': { what: '维护窗口服务规范化检查表', allow: OFFICE },
  'Query.windowChecklist': { what: '查看窗口服务规范化检查表', allow: ROUND_VIEWERS, scope: 'CAMPAIGN_READ' },
  'Query.windowServiceUnits': { what: '查看窗口服务单位', allow: ROUND_VIEWERS, scope: 'CAMPAIGN_READ' },
  'Query.exportWindowChecks': { what: '导出窗口服务规范化检查', allow: ROUND_VIEWERS, scope: 'REPORTS_READ' },

  // Performance assessment and the 红黑榜.
  'Query.performanceAssessment': { what: '查看绩效考核', allow: ASSESSMENT_VIEWERS, scope: 'REPORTS_READ', unitScoped: true },
  'Query.exportPerformanceAssessment': { what: '导出绩效考核', allow: ASSESSMENT_VIEWERS, scope: 'REPORTS_READ', unitScoped: true },
  'Query.unitRanking': { what: '查看红黑榜', allow: ALL, scope: 'REPORTS_READ' },

  // The in-app inbox: every person their own (the service bounds every query by the caller's login).
  'Query.notifications': { what: '查看站内消息', allow: 'ANY_PERSON' },
  'Mutation.markNotificationsRead': { what: '标记站内消息为已读', allow: 'ANY_PERSON' },
  'Mutation.markAllNotificationsRead': { what: '标记全部站内消息为已读', allow: 'ANY_PERSON' },
  'Subscription.notificationAdded': { what: '订阅站内消息', allow: 'ANY_PERSON' },
  'Query.myNotificationPreferences': { what: '查看通知偏好', allow: 'ANY_PERSON' },
  'Mutation.updateNotificationPreferences': { what: '修改通知偏好', allow: 'ANY_PERSON' },
  // The card's log: whoever sees the card (a unit only its own), people only: it names recipients and their errors.
  'Query.notificationLog': { what: '查看卡片的通知记录', allow: ALL, unitScoped: true },

  // Official notices (正式通知): every role reads them (units their own), the office issues them and replaces the
  // templates, the head of the notice's unit acknowledges them (the unit is checked by the rule, checkNotice).
  'Query.officialNotices': { what: '查看正式通知', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.officialNoticeTemplates': { what: '查看正式通知模板', allow: NOTICE_ISSUER_ROLES },
  'GET /official-notices/:noticeId/document': { what: '下载正式通知', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Mutation.issueOfficialNotice': { what: '印发正式通知', allow: NOTICE_ISSUER_ROLES },
  'Mutation.acknowledgeOfficialNotice': { what: '签收正式通知', allow: NOTICE_ACK_ROLES },
  'Mutation.uploadOfficialNoticeTemplate': { what: '替换正式通知模板', allow: NOTICE_ISSUER_ROLES },
  'Mutation.resetOfficialNoticeTemplate': { what: '恢复正式通知默认模板', allow: NOTICE_ISSUER_ROLES },

  // Units' monthly reports (单位专题汇报): every role reads them (units their own), service accounts with the reports'
  // scope; a unit's people hand in their own (the unit is checked by the rule, checkUnitReport); the office reviews,
  // opens months and sets the due day.
  'Query.unitReportMonth': { what: '查看专题汇报', allow: ALL, scope: 'REPORTS_READ', unitScoped: true },
  'Query.unitReport': { what: '查看专题汇报', allow: ALL, scope: 'REPORTS_READ', unitScoped: true },
  'GET /unit-reports/:reportId/files/:sha256': { what: '下载专题汇报附件', allow: ALL, scope: 'REPORTS_READ', unitScoped: true },
  'Mutation.submitUnitReport': { what: '报送专题汇报', allow: UNIT_REPORT_SUBMIT_ROLES },
  'Mutation.acceptUnitReport': { what: '采用专题汇报', allow: UNIT_REPORT_REVIEW_ROLES },
  'Mutation.returnUnitReport': { what: '退回专题汇报', allow: UNIT_REPORT_REVIEW_ROLES },
  'Mutation.openUnitReportMonth': { what: '开启专题汇报', allow: UNIT_REPORT_REVIEW_ROLES },
  'Mutation.setUnitReportDueDay': { what: '设置专题汇报截止日', allow: UNIT_REPORT_REVIEW_ROLES },
  // Survey rounds (问卷调查, issue 20): everyone reads the rounds, their results and the trend (street-wide figures the
  // campaign publishes), service accounts with the reports' scope; the office plans, enters results and closes; a
  // task cites a closed round through its evidence action, so whoever may attach evidence to it (checked by the rule).
  'Query.surveyRounds': { what: '查看问卷调查', allow: ALL, scope: 'REPORTS_READ' },
  'Query.surveyRound': { what: '查看问卷调查', allow: ALL, scope: 'REPORTS_READ' },
  'Query.surveyCommunities': { what: '查看可调查的社区', allow: ALL, scope: 'REPORTS_READ' },
  'Query.surveyTrend': { what: '查看问卷调查趋势', allow: ALL, scope: 'REPORTS_READ' },
  'Query.exportSurveyRound': { what: '导出问卷调查结果', allow: ALL, scope: 'REPORTS_READ' },
  'Query.exportSurveyTrend': { what: '导出问卷调查趋势', allow: ALL, scope: 'REPORTS_READ' },
  'Mutation.planSurveyRound': { what: '制定问卷调查计划', allow: SURVEY_ROLES },
  'Mutation.recordSurveyResults': { what: '录入问卷调查结果', allow: SURVEY_ROLES },
  'Mutation.closeSurveyRound': { what: '结束问卷调查', allow: SURVEY_ROLES },
  'Mutation.citeSurveyRound': task('ATTACH_EVIDENCE', '引用问卷调查结果作为佐证'),
  // 总结评议 (issue 20): everyone reads the rounds (a unit's people only their own form, applied by the service) and the
  // 评议; the office opens, returns and closes rounds and fills the sub-district's form, a unit's people their own form
  // (the rule checks the unit), the leading group grades units and rates working groups.
  'Query.selfEvaluationRounds': { what: '查看自查自评', allow: ALL, scope: 'REPORTS_READ' },
  'Query.selfEvaluationRound': { what: '查看自查自评', allow: ALL, scope: 'REPORTS_READ' },
  'Query.exportSelfEvaluationRound': { what: '导出自查自评', allow: SELF_EVALUATION_OFFICE_AND_LEADER, scope: 'REPORTS_READ' },
  'Query.appraisal': { what: '查看评议', allow: ALL, scope: 'REPORTS_READ' },
  'Mutation.openSelfEvaluationRound': { what: '发起自查自评', allow: SELF_EVALUATION_OFFICE },
  'Mutation.submitSelfEvaluation': { what: '提交自查自评表', allow: SELF_EVALUATION_FILLERS },
  'Mutation.returnSelfEvaluation': { what: '退回自查自评表', allow: SELF_EVALUATION_OFFICE },
  'Mutation.closeSelfEvaluationRound': { what: '结束自查自评', allow: SELF_EVALUATION_OFFICE },
  'Mutation.gradeUnit': { what: '评议单位', allow: APPRAISAL_ROLES },
  'Mutation.rateWorkingGroup': { what: '评定工作组达标', allow: APPRAISAL_ROLES },
  // Mobilization (动员部署): every role reads the documents (a unit those issued to it, and its own row of the matrix),
  // the office issues, approves and returns, the unit's own people acknowledge, submit the plan and register the group
  // (the unit is checked by the rule, checkResponse).
  'Query.mobilizationDocuments': { what: '查看动员部署文件', allow: ALL, scope: 'CAMPAIGN_READ', unitScoped: true },
  'Query.mobilizationDocument': { what: '查看动员部署文件', allow: ALL, scope: 'CAMPAIGN_READ', unitScoped: true },
  'GET /mobilization/documents/:documentId/file': { what: '下载动员部署文件', allow: ALL, scope: 'CAMPAIGN_READ', unitScoped: true },
  'GET /mobilization/responses/:responseId/plan': { what: '下载单位工作实施方案', allow: ALL, scope: 'CAMPAIGN_READ', unitScoped: true },
  'Mutation.issueMobilizationDocument': { what: '印发动员部署文件', allow: MOBILIZATION_OFFICE_ROLES },
  'Mutation.acknowledgeMobilization': { what: '签收动员部署文件', allow: MOBILIZATION_UNIT_ROLES },
  'Mutation.submitMobilizationPlan': { what: '提交工作实施方案', allow: MOBILIZATION_UNIT_ROLES },
  'Mutation.registerMobilizationGroup': { what: '登记创文责任小组', allow: MOBILIZATION_UNIT_ROLES },
  'Mutation.approveMobilization': { what: '审核通过单位动员部署材料', allow: MOBILIZATION_OFFICE_ROLES },
  'Mutation.returnMobilization': { what: '退回单位动员部署材料', allow: MOBILIZATION_OFFICE_ROLES },
  // Briefings and circulars (工作简报 / 督查通报, issue 19): everyone reads the published ones (the office and the
  // leaders the drafts too, applied by the service), the office drafts, submits and publishes, a leader approves or
  // returns, the head of a named unit acknowledges (the unit is checked by the rule, checkBriefing).
  'Query.briefings': { what: '查看简报通报', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.briefing': { what: '查看简报通报', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.briefingPrefill': { what: '预填简报草稿', allow: BRIEFING_ROLES.UPDATE_DRAFT },
  'GET /briefings/:briefingId/docx': { what: '下载简报通报', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'GET /briefings/:briefingId/pdf': { what: '下载简报通报', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'GET /briefings/:briefingId/attachments/:fileId': { what: '下载简报通报附件', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Mutation.createBriefing': { what: '起草简报通报', allow: BRIEFING_ROLES.UPDATE_DRAFT },
  'Mutation.updateBriefingDraft': { what: '修改简报通报草稿', allow: BRIEFING_ROLES.UPDATE_DRAFT },
  'Mutation.submitBriefing': { what: '提交简报通报审批', allow: BRIEFING_ROLES.SUBMIT },
  'Mutation.approveBriefing': { what: '批准简报通报', allow: BRIEFING_ROLES.APPROVE },
  'Mutation.returnBriefing': { what: '退回简报通报', allow: BRIEFING_ROLES.RETURN },
  'Mutation.publishBriefing': { what: '印发简报通报', allow: BRIEFING_ROLES.PUBLISH },
  'Mutation.acknowledgeBriefing': { what: '签收督查通报', allow: BRIEFING_ROLES.ACKNOWLEDGE },
  // The archive library and package (档案库, issue 19): every role reads the library (units their own documents),
  // the office and units hand documents in (a unit its own: checked by the rule), the archivist accepts or returns
  // them; the office and the archivist build packages, the leading group sees and downloads them, the office hands
  // them over (送审). People only: packages hold every unit's files.
  'Query.archiveDocuments': { what: '查看档案库', allow: ALL, unitScoped: true },
  'GET /archive-documents/:documentId/file': { what: '下载档案资料', allow: ALL, unitScoped: true },
  'Mutation.submitArchiveDocument': { what: '提交档案资料', allow: LIBRARY_SUBMITTER_ROLES, unitScoped: true },
  'Mutation.resubmitArchiveDocument': { what: '重新提交档案资料', allow: LIBRARY_SUBMITTER_ROLES, unitScoped: true },
  'Mutation.acceptArchiveDocument': { what: '验收档案资料', allow: LIBRARY_REVIEWER_ROLES },
  'Mutation.returnArchiveDocument': { what: '退回档案资料', allow: LIBRARY_REVIEWER_ROLES },
  'Query.archivePackages': { what: '查看档案包', allow: [...PACKAGE_BUILDER_ROLES, 'LEADER'] },
  'GET /archive-packages/:packageId/download': { what: '下载档案包', allow: [...PACKAGE_BUILDER_ROLES, 'LEADER'] },
  'Mutation.exportArchivePackage': { what: '生成档案包', allow: PACKAGE_BUILDER_ROLES },
  'Mutation.submitArchivePackage': { what: '送审档案包', allow: PACKAGE_SUBMITTER_ROLES },
  // 专项整治 drives (issue 20): every role reads the drives and their progress (a unit the items of its own unit, the
  // lead unit all of them: applied by the service); the office launches and amends them and attaches or detaches
  // items; the lead unit's head hands in the closing summary (the unit is checked by the rule, checkDrive); the
  // leading group approves or returns it. The workbook is for those who see every item.
  'Query.specialDrives': { what: '查看专项整治', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.specialDrive': { what: '查看专项整治', allow: ALL, scope: 'BOARD_READ', unitScoped: true },
  'Query.exportSpecialDrives': { what: '导出专项整治', allow: ['LEADER', 'OFFICE', 'SUPERVISOR'], scope: 'BOARD_READ' },
  'GET /special-drives/:driveId/files/:sha256': { what: '下载专项整治总结附件', allow: ALL, scope: 'BOARD_READ' },
  'Mutation.launchSpecialDrive': { what: '启动专项整治', allow: DRIVE_OFFICE_ROLES },
  'Mutation.amendSpecialDrive': { what: '调整专项整治方案', allow: DRIVE_OFFICE_ROLES },
  'Mutation.attachSpecialDriveItem': { what: '纳入专项整治的整改问题', allow: DRIVE_OFFICE_ROLES },
  'Mutation.detachSpecialDriveItem': { what: '移出专项整治的整改问题', allow: DRIVE_OFFICE_ROLES },
  'Mutation.submitSpecialDriveSummary': { what: '报送专项整治总结', allow: DRIVE_SUMMARY_ROLES },
  'Mutation.approveSpecialDriveSummary': { what: '审定专项整治总结', allow: DRIVE_REVIEW_ROLES },
  'Mutation.returnSpecialDriveSummary': { what: '退回专项整治总结', allow: DRIVE_REVIEW_ROLES },
  // The funding ledger (经费保障, issue 20): the leading group, the office and the units read it (a unit its own lines
  // and their spendings), service accounts with the reports' scope; the office keeps lines, threshold and allocations;
  // the office or a line's own unit records spendings (the unit is checked by the rule, checkFundingAccess); a leader
  // approves or rejects those above the threshold.
  'Query.fundingLedger': { what: '查看经费台账', allow: FUNDING_READER_ROLES, scope: 'REPORTS_READ', unitScoped: true },
  'Query.exportFundingLedger': { what: '导出经费台账', allow: FUNDING_READER_ROLES, scope: 'REPORTS_READ', unitScoped: true },
  'GET /funding/spendings/:spendingId/receipts/:sha256': { what: '下载支出票据', allow: FUNDING_READER_ROLES, scope: 'REPORTS_READ', unitScoped: true },
  'Mutation.setFundingApprovalThreshold': { what: '设置经费审批限额', allow: FUNDING_OFFICE_ROLES },
  'Mutation.addBudgetLine': { what: '新增预算科目', allow: FUNDING_OFFICE_ROLES },
  'Mutation.amendBudgetLine': { what: '调整预算科目', allow: FUNDING_OFFICE_ROLES },
  'Mutation.allocateFunds': { what: '分配经费', allow: FUNDING_OFFICE_ROLES },
  'Mutation.recordSpending': { what: '登记支出', allow: FUNDING_SPEND_ROLES, unitScoped: true },
  'Mutation.approveSpending': { what: '审批支出', allow: FUNDING_APPROVER_ROLES },
  'Mutation.rejectSpending': { what: '驳回支出', allow: FUNDING_APPROVER_ROLES },
  // Activity records (活动组, issue 20): everyone signed in reads the activities, their counts, photos and the workbook
  // (service accounts with the reports' scope); the office plans and cancels; the office or the organiser unit's head
  // and members record one as held (the unit is checked by the rule, checkActivity); the office and the archivists put
  // a held one into the archive library.
  'Query.activities': { what: '查看活动记录', allow: ALL, scope: 'REPORTS_READ' },
  'Query.activity': { what: '查看活动记录', allow: ALL, scope: 'REPORTS_READ' },
  'Query.activityMonthlyCounts': { what: '查看活动统计', allow: ALL, scope: 'REPORTS_READ' },
  'Query.exportActivities': { what: '导出活动记录', allow: ALL, scope: 'REPORTS_READ' },
  'GET /activities/:activityId/photos/:sha256': { what: '下载活动照片', allow: ALL, scope: 'REPORTS_READ' },
  'Mutation.planActivity': { what: '制定活动计划', allow: ACTIVITY_OFFICE_ROLES },
  'Mutation.recordActivityHeld': { what: '登记活动举办情况', allow: [...ACTIVITY_OFFICE_ROLES, ...ACTIVITY_UNIT_ROLES] },
  'Mutation.cancelActivity': { what: '取消活动', allow: ACTIVITY_OFFICE_ROLES },
  'Mutation.archiveActivityEvidence': { what: '将活动存入档案资料库', allow: ACTIVITY_ARCHIVE_ROLES },
  // The publicity ledger (宣传台账, issue 20): every signed-in person reads it (publicity is public; a unit sees its own
  // community's entries and the others'), service accounts with the reports' scope; the office records, corrects and
  // voids entries (the rule checks it again, checkPublicityAccess) and files an entry's photo in the archive library.
  'Query.publicityLedger': { what: '查看宣传台账', allow: PUBLICITY_READER_ROLES, scope: 'REPORTS_READ' },
  'Query.exportPublicityLedger': { what: '导出宣传台账', allow: PUBLICITY_READER_ROLES, scope: 'REPORTS_READ' },
  'GET /publicity/entries/:entryId/photos/:sha256': { what: '下载宣传载体照片', allow: PUBLICITY_READER_ROLES, scope: 'REPORTS_READ' },
  'Mutation.recordPublicityEntry': { what: '登记宣传载体', allow: PUBLICITY_OFFICE_ROLES },
  'Mutation.correctPublicityEntry': { what: '更正宣传载体', allow: PUBLICITY_OFFICE_ROLES },
  'Mutation.voidPublicityEntry': { what: '作废宣传载体', allow: PUBLICITY_OFFICE_ROLES },
  'Mutation.archivePublicityPhoto': { what: '将宣传照片归入档案库', allow: PUBLICITY_OFFICE_ROLES },

  // Operations.
  'GET /health': { what: '查看运行状态', allow: 'PUBLIC' },
  // Every person who can act, which leaves out a unit role without a unit (nothing it could attach the file to).
  'POST /files': { what: '上传文件', allow: ALL },
};

/** The roles an operation allows for these arguments; null when it needs no person (PUBLIC) or any person. */
export function allowedRoles(rule: OperationRule, args: Record<string, unknown>): readonly Role[] | 'ANY_PERSON' | 'PUBLIC' {
  return typeof rule.allow === 'function' ? rule.allow(args) : rule.allow;
}

/** Whether `operation` needs a caller at all. */
export function isPublic(operation: string): boolean {
  return OPERATIONS[operation]?.allow === 'PUBLIC';
}

/**
 * Throws FORBIDDEN unless `caller` may call `operation` with `args`. Undeclared operations are refused: a new
 * resolver that nobody declared here cannot be called.
 */
export function authorise(caller: Caller | null, operation: string, args: Record<string, unknown> = {}): void {
  const rule = OPERATIONS[operation];
  if (!rule) throw new DomainError('FORBIDDEN', '此操作未声明访问权限，已拒绝');
  const allowed = allowedRoles(rule, args);
  if (allowed === 'PUBLIC') return;
  if (!caller) throw new DomainError('UNAUTHENTICATED', '请先登录');
  if (caller.service) {
    if (!rule.scope) throw new DomainError('FORBIDDEN', `服务账号「${caller.service.name}」无权${rule.what}（此操作仅限人员账号）`);
    if (!caller.service.scopes.includes(rule.scope)) {
      throw new DomainError('FORBIDDEN', `服务账号「${caller.service.name}」没有「${SCOPE_LABELS[rule.scope]}」（${rule.scope}）权限范围，无权${rule.what}`);
    }
    return;
  }
  if (allowed === 'ANY_PERSON') return;
  // A unit role without a unit may only see to its own account (me, sign-out, password): nothing scoped to a unit.
  if (visibleUnit(caller) === NO_UNIT && allowed.includes(caller.role)) {
    throw new DomainError('FORBIDDEN', `「${ROLE_LABELS[caller.role]}」账号未指定所属单位，无权${rule.what}，请联系创建办在组织机构中为其填写单位`);
  }
  if (allowed.includes(caller.role)) return;
  throw new DomainError('FORBIDDEN', `「${ROLE_LABELS[caller.role]}」无权${rule.what}（仅限${allowed.map((r) => ROLE_LABELS[r]).join('、')}）`);
}

// What each role sees of what it may read.

/** Units see their own unit's records; everyone else sees the whole campaign. */
export function isUnitRole(role: Role): boolean {
  return role === 'UNIT_MEMBER' || role === 'UNIT_HEAD';
}

/** What a unit role without a unit is scoped to: a code no unit has (codes are trimmed), so it matches no record. */
export const NO_UNIT = ' no unit ';

/**
 * The unit whose records the caller sees: null for roles that see the whole campaign, the caller's unit for unit
 * roles, and NO_UNIT for a unit role whose unit is missing or blank. This is the one rule every unit-scoped query
 * and action uses, so that a person left without a unit sees nothing and can do nothing rather than everything.
 */
export function visibleUnit(caller: Actor): string | null {
  if (!isUnitRole(caller.role)) return null;
  const unit = typeof caller.unitCode === 'string' ? caller.unitCode.trim() : '';
  return unit === '' ? NO_UNIT : unit;
}

/** Whether the caller may read records of `unitCode` (a unit role only its own). */
export function mayReadUnit(caller: Actor, unitCode: string | null): boolean {
  const unit = visibleUnit(caller);
  return unit === null || (unit !== NO_UNIT && unitCode !== null && unitCode === unit);
}

/** Units are never told which inspector found a covert-inspection problem: they see 「暗访组」. */
export function hidesCovertReporter(caller: Actor, source: string): boolean {
  return isUnitRole(caller.role) && source === 'COVERT_INSPECTION';
}

/** Whether `caller` may call `operation`: for fields that show a part of a record only to those who could read it whole. */
export function may(caller: Caller, operation: string, args: Record<string, unknown> = {}): boolean {
  try {
    authorise(caller, operation, args);
    return true;
  } catch {
    return false;
  }
}
