// Every role against every operation of the API, through HTTP and graphql-ws, on the real stack. The expected
// matrix below is written from the plan (who does what in the campaign), not read from the policy, so that a
// change to the policy that gives a role more or less than the plan does fails here. A cell that is refused must
// answer FORBIDDEN and be recorded in access_denials; a cell that is allowed may still be answered with a domain
// error (the task is in another stage, the input is incomplete), but never with FORBIDDEN. Then: other units'
// records, approving one's own submission, service accounts' scopes and keys, and denied downloads and
// subscriptions in the record.
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, OFFICE_ACTOR, eventsOf, seedReferenceData, waitFor } from '../support/fixtures';
import { accessToken, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

/** The columns: six roles (demo logins of 外滩社区 for the unit roles), a service account with every scope. */
const CALLERS = ['leader', 'office', 'supervisor', 'archivist', 'wtsq.head', 'wtsq.member', 'service'] as const;
type Who = (typeof CALLERS)[number] | 'anonymous' | string;
const LETTERS = ['L', 'O', 'S', 'A', 'H', 'M', 'K'];

// L 领导小组, O 创建办, S 督查检查组, A 档案组, H 单位负责人, M 责任单位成员, K 服务账号 (all read scopes); '.' refused.
const MATRIX: Record<string, string> = {
  'Query.me': '                   L O S A H M .',
  'Query.campaigns': '            L O S A H M K',
  'Query.campaign': '             L O S A H M K',
  'Query.catalog': '              L O S A H M K',
  'Query.catalogVersions': '      L O S A H M K',
  'Query.exportCatalog': '        L O S A H M K',
  'Query.organisation': '         L O . . . . .',
  'Query.units': '                L O S A H M K',
  'Query.taskBreakdownImport': '  L O . . . . .',
  'Query.taskBreakdownImports': ' L O . . . . .',
  'Query.accessDenials': '        L O . . . . .',
  'Query.serviceAccounts': '      . O . . . . .',
  'Query.monthlyReport': '        L O S A . . K',
  'Query.exportMonthlyReport': '  L O S A . . K',
  'Query.board': '                L O S A H M K',
  'Query.boardColumn': '          L O S A H M K',
  'Query.tasks': '                L O S A H M K',
  'Query.indicatorTask': '        L O S A H M K',
  'Query.boardAsOf': '            L O S A H M K',
  'Query.boardAsOfColumn': '      L O S A H M K',
  'Query.itemBoard': '            L O S A H M K',
  'Query.itemBoardColumn': '      L O S A H M K',
  'Query.items': '                L O S A H M K',
  'Query.rectificationItem': '    L O S A H M K',
  'Query.inspectionRounds': '     L O S . . . K',
  'Query.inspectionRound': '      L O S . . . K',
  'Query.publicCivilityIndex': '  L O S . . . K',
  'Query.windowChecklist': '      L O S . . . K',
  'Query.windowServiceUnits': '   L O S . . . K',
  'Query.exportWindowChecks': '   L O S . . . K',
  'Query.performanceAssessment': 'L O S . H M K',
  'Query.exportPerformanceAssessment': 'L O S . H M K',
  'Query.unitRanking': '          L O S A H M K',
  'Mutation.signIn': '            L O S A H M K',
  'Mutation.refreshSession': '    L O S A H M K',
  'Mutation.signOut': '           L O S A H M .',
  'Mutation.changePassword': '    L O S A H M .',
  'Mutation.setUserPassword': '   . O . . . . .',
  'Mutation.createServiceAccount': '. O . . . . .',
  'Mutation.rotateServiceAccountKey': '. O . . . . .',
  'Mutation.revokeServiceAccount': '. O . . . . .',
  'Mutation.updateCampaignPolicy': '. O . . . . .',
  'Mutation.setCampaignPhasePlan': '. O . . . . .',
  'Mutation.advanceCampaignPhase': '. O . . . . .',
  'Mutation.recordSupervisionVisit': '. O S . . . .',
  'Mutation.recordCampaignMeeting': '. O S . . . .',
  'Mutation.recordLeadUnitMeeting': '. . . . H M .',
  'Mutation.generateMonthlyReport': '. O . . . . .',
  'Mutation.importCatalog': '     . O . . . . .',
  'Mutation.importOrganisation': '. O . . . . .',
  'Query.workingDayCalendar': '   L O S A H M K',
  'Mutation.importWorkingDayOverrides': '. O . . . . .',
  'Mutation.importTaskBreakdown': '. O . . . . .',
  'Mutation.submitSelfCheck': '   . . . . H M .',
  'Mutation.confirmSelfCheck': '  . . S . . . .',
  'Mutation.returnSelfCheck': '   . . S . . . .',
  'Mutation.submitRectificationPlan': '. . . . H M .',
  'Mutation.reportRectificationProgress': '. . . . H M .',
  'Mutation.submitRectification': '. . . . H M .',
  'Mutation.approveRectification': '. . S . . . .',
  'Mutation.returnRectification': '. . S . . . .',
  'Mutation.recordMockAssessment': '. . S . . . .',
  'Mutation.recordRecheck': '     . . S . . . .',
  'Mutation.requestExtension': '  . . . . H M .',
  'Mutation.approveExtension': '  . . S . . . .',
  'Mutation.refuseExtension': '   . . S . . . .',
  'Mutation.addComment': '        L O S A H M .',
  'Mutation.uploadEvidence': '    . . S A H M .',
  'Mutation.startArchiving': '    . O S . . . .',
  'Mutation.submitArchiveMaterial': '. . . . H M .',
  'Mutation.acceptArchiveMaterial': '. . . A . . .',
  'Mutation.returnArchiveMaterial': '. . . A . . .',
  'Mutation.reassignTask': '      . O . . . . .',
  'Mutation.assignTaskResponsiblePerson': '. O . . H . .',
  'Mutation.proposeAccountabilityDecision': '. O . . . . .',
  'Mutation.approveAccountabilityDecision': 'L . . . . . .',
  'Mutation.returnAccountabilityDecision': 'L . . . . . .',
  'Mutation.proposeItemAccountabilityDecision': '. O . . . . .',
  'Mutation.approveItemAccountabilityDecision': 'L . . . . . .',
  'Mutation.returnItemAccountabilityDecision': 'L . . . . . .',
  'Mutation.setTaskKeyFlag': '        L O . . . . .',
  'Mutation.clearTaskKeyFlag': '      L O . . . . .',
  'Mutation.setItemKeyFlag': '        L O . . . . .',
  'Mutation.clearItemKeyFlag': '      L O . . . . .',
  'Mutation.reportItem': '        L O S . . . .',
  'Mutation.reportLocalProblem': '. . . . H M .',
  'Query.localReports': '        L O S A H M K',
  'Query.exportLocalReports': '  L O S A H M K',
  'Mutation.actOnItem DISPATCH': '. O S . . . .',
  'Mutation.actOnItem START_RECTIFICATION': '. . . . H M .',
  'Mutation.actOnItem SUBMIT_RECTIFICATION': '. . . . H M .',
  'Mutation.actOnItem VERIFY': '  . . S . . . .',
  'Mutation.actOnItem RETURN': '  . . S . . . .',
  'Mutation.actOnItem RECORD_RECHECK': '. . S . . . .',
  'Mutation.actOnItem REQUEST_EXTENSION': '. . . . H M .',
  'Mutation.actOnItem APPROVE_EXTENSION': '. . S . . . .',
  'Mutation.actOnItem REFUSE_EXTENSION': '. . S . . . .',
  'Mutation.actOnItem REQUEST_DISPATCH_RETURN': '. . . . H M .',
  'Mutation.actOnItem APPROVE_DISPATCH_RETURN': '. . S . . . .',
  'Mutation.actOnItem REFUSE_DISPATCH_RETURN': '. . S . . . .',
  'Mutation.actOnItem REPORT_DUPLICATE': 'L O S . H M .',
  'Mutation.actOnItem ASSIGN_RESPONSIBLE_PERSON': '. O . . H . .',
  'Mutation.assignItemResponsiblePerson': '. O . . H . .',
  'Mutation.meetingDecisionToItem': '. O S . . . .',
  'Mutation.meetingDecisionToTask': '. O . . . . .',
  'Mutation.planInspectionRound': '. O S . . . .',
  'Mutation.actOnInspectionRound': '. O S . . . .',
  'Mutation.recordFinding': '     . O S . . . .',
  'Mutation.recordRoundScores': ' . O S . . . .',
  'Mutation.recordWindowCheck': ' . O S . . . .',
  'Mutation.saveWindowChecklist': '. O . . . . .',
  'Subscription.boardChanged': '  L O S A H M K',
  'Subscription.itemChanged': '   L O S A H M K',
  'Query.notifications': '        L O S A H M .',
  'Mutation.markNotificationsRead': 'L O S A H M .',
  'Mutation.markAllNotificationsRead': 'L O S A H M .',
  'Subscription.notificationAdded': 'L O S A H M .',
  'Query.officialNotices': '       L O S A H M K',
  'Query.officialNoticeTemplates': '. O . . . . .',
  'Mutation.issueOfficialNotice': '. O . . . . .',
  'Mutation.acknowledgeOfficialNotice': '. . . . H . .',
  'Mutation.uploadOfficialNoticeTemplate': '. O . . . . .',
  'Mutation.resetOfficialNoticeTemplate': '. O . . . . .',
  'Query.myNotificationPreferences': 'L O S A H M .',
  'Mutation.updateNotificationPreferences': 'L O S A H M .',
  'Query.notificationLog': '      L O S A H M .',
  'GET /tasks/:taskId/evidence/:sha256': 'L O S A H M K',
  'GET /items/:itemId/files/:sha256': 'L O S A H M K',
  'GET /official-notices/:noticeId/document': 'L O S A H M K',
  'POST /files': '                L O S A H M .',
  'Query.unitReportMonth': '      L O S A H M K',
  'Query.unitReport': '           L O S A H M K',
  'Mutation.submitUnitReport': '   . . . . H M .',
  'Mutation.acceptUnitReport': '   . O . . . . .',
  'Mutation.returnUnitReport': '   . O . . . . .',
  'Mutation.openUnitReportMonth': '. O . . . . .',
  'Mutation.setUnitReportDueDay': '. O . . . . .',
  'GET /unit-reports/:reportId/files/:sha256': 'L O S A H M K',
  'Query.mobilizationDocuments': ' L O S A H M K',
  'Query.mobilizationDocument': '  L O S A H M K',
  'Mutation.issueMobilizationDocument': '. O . . . . .',
  'Mutation.acknowledgeMobilization': '. . . . H M .',
  'Mutation.submitMobilizationPlan': '. . . . H M .',
  'Mutation.registerMobilizationGroup': '. . . . H M .',
  'Mutation.approveMobilization': '. O . . . . .',
  'Mutation.returnMobilization': '. O . . . . .',
  'GET /mobilization/documents/:documentId/file': 'L O S A H M K',
  'GET /mobilization/responses/:responseId/plan': 'L O S A H M K',
  'Query.briefings': '            L O S A H M K',
  'Query.briefing': '             L O S A H M K',
  'Query.briefingPrefill': '      . O . . . . .',
  'Mutation.createBriefing': '    . O . . . . .',
  'Mutation.updateBriefingDraft': '. O . . . . .',
  'Mutation.submitBriefing': '    . O . . . . .',
  'Mutation.approveBriefing': '   L . . . . . .',
  'Mutation.returnBriefing': '    L . . . . . .',
  'Mutation.publishBriefing': '   . O . . . . .',
  'Mutation.acknowledgeBriefing': '. . . . H . .',
  'GET /briefings/:briefingId/docx': 'L O S A H M K',
  'GET /briefings/:briefingId/pdf': 'L O S A H M K',
  'GET /briefings/:briefingId/attachments/:fileId': 'L O S A H M K',
  'Query.archiveDocuments': '      L O S A H M .',
  'Query.archivePackages': '       L O . A . . .',
  'Mutation.submitArchiveDocument': '. O . . H M .',
  'Mutation.resubmitArchiveDocument': '. O . . H M .',
  'Mutation.acceptArchiveDocument': '. . . A . . .',
  'Mutation.returnArchiveDocument': '. . . A . . .',
  'Mutation.exportArchivePackage': '. O . A . . .',
  'Mutation.submitArchivePackage': '. O . . . . .',
  'GET /archive-documents/:documentId/file': 'L O S A H M .',
  'GET /archive-packages/:packageId/download': 'L O . A . . .',
  'Query.surveyRounds': '         L O S A H M K',
  'Query.surveyRound': '          L O S A H M K',
  'Query.surveyCommunities': '    L O S A H M K',
  'Query.surveyTrend': '          L O S A H M K',
  'Query.exportSurveyRound': '    L O S A H M K',
  'Query.exportSurveyTrend': '    L O S A H M K',
  'Mutation.planSurveyRound': '   . O . . . . .',
  'Mutation.recordSurveyResults': '. O . . . . .',
  'Mutation.closeSurveyRound': '  . O . . . . .',
  'Mutation.citeSurveyRound': '   . . S A H M .',
  'Query.selfEvaluationRounds': ' L O S A H M K',
  'Query.selfEvaluationRound': '  L O S A H M K',
  'Query.exportSelfEvaluationRound': 'L O . . . . K',
  'Query.appraisal': '            L O S A H M K',
  'Mutation.openSelfEvaluationRound': '. O . . . . .',
  'Mutation.submitSelfEvaluation': '. O . . H M .',
  'Mutation.returnSelfEvaluation': '. O . . . . .',
  'Mutation.closeSelfEvaluationRound': '. O . . . . .',
  'Mutation.gradeUnit': '          L . . . . . .',
  'Mutation.rateWorkingGroup': '   L . . . . . .',
  'Query.specialDrives': '        L O S A H M K',
  'Query.specialDrive': '         L O S A H M K',
  'Query.exportSpecialDrives': '  L O S . . . K',
  'GET /special-drives/:driveId/files/:sha256': 'L O S A H M K',
  'Mutation.launchSpecialDrive': '. O . . . . .',
  'Mutation.amendSpecialDrive': ' . O . . . . .',
  'Mutation.attachSpecialDriveItem': '. O . . . . .',
  'Mutation.detachSpecialDriveItem': '. O . . . . .',
  'Mutation.submitSpecialDriveSummary': '. . . . H . .',
  'Mutation.approveSpecialDriveSummary': 'L . . . . . .',
  'Mutation.returnSpecialDriveSummary': 'L . . . . . .',
  'Query.fundingLedger': '        L O . . H M K',
  'Query.exportFundingLedger': '  L O . . H M K',
  'Mutation.setFundingApprovalThreshold': '. O . . . . .',
  'Mutation.addBudgetLine': '     . O . . . . .',
  'Mutation.amendBudgetLine': '   . O . . . . .',
  'Mutation.allocateFunds': '     . O . . . . .',
  'Mutation.recordSpending': '    . O . . H M .',
  'Mutation.approveSpending': '   L . . . . . .',
  'Mutation.rejectSpending': '    L . . . . . .',
  'GET /funding/spendings/:spendingId/receipts/:sha256': 'L O . . H M K',
  'Query.activities': '           L O S A H M K',
  'Query.activity': '             L O S A H M K',
  'Query.activityMonthlyCounts': '  L O S A H M K',
  'Query.exportActivities': '     L O S A H M K',
  'GET /activities/:activityId/photos/:sha256': 'L O S A H M K',
  'Mutation.planActivity': '       . O . . . . .',
  'Mutation.recordActivityHeld': ' . O . . H M .',
  'Mutation.cancelActivity': '     . O . . . . .',
  'Mutation.archiveActivityEvidence': '. O . A . . .',
  'Query.publicityLedger': '      L O S A H M K',
  'Query.exportPublicityLedger': 'L O S A H M K',
  'Mutation.recordPublicityEntry': '  . O . . . . .',
  'Mutation.correctPublicityEntry': ' . O . . . . .',
  'Mutation.voidPublicityEntry': '    . O . . . . .',
  'Mutation.archivePublicityPhoto': ' . O . . . . .',
  'GET /publicity/entries/:entryId/photos/:sha256': 'L O S A H M K',
};

/** Operations anyone may call without signing in. */
const PUBLIC = new Set(['Mutation.signIn', 'Mutation.refreshSession']);

function expectedFor(operation: string, who: (typeof CALLERS)[number]): boolean {
  const cells = MATRIX[operation].trim().split(/\s+/);
  expect(cells).toHaveLength(CALLERS.length);
  const index = CALLERS.indexOf(who);
  const cell = cells[index];
  expect(['.', LETTERS[index]]).toContain(cell);
  return cell !== '.';
}

const JPEG = { fileName: '现场.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64') };
const LOCATION = { address: '外滩路 12 号（东门）', latitude: 31.2304, longitude: 121.4737 };

interface Fixtures {
  taskId: string;
  itemId: string;
  roundId: string;
  spareAccountId: string;
  evidenceSha: string;
  photoSha: string;
}

/** One GraphQL document and its variables per operation (actOnItem per action). */
function requests(f: Fixtures): Record<string, { query: string; variables?: Record<string, unknown> }> {
  const task = (name: string, type: string, input: Record<string, unknown> = {}) => ({
    query: `mutation($i: ${type}!) { ${name}(input: $i) { id } }`,
    variables: { i: { taskId: f.taskId, ...input } },
  });
  const item = (action: string, input: Record<string, unknown> = {}) => ({
    query: 'mutation($i: ItemActionInput!) { actOnItem(input: $i) { id } }',
    variables: { i: { itemId: f.itemId, action, ...input } },
  });
  const soon = new Date(Date.now() + 20 * 86_400_000).toISOString();
  const base = {
    'Query.me': { query: '{ me { login } }' },
    'Query.campaigns': { query: '{ campaigns { id } }' },
    'Query.campaign': { query: `{ campaign(id: "${CAMPAIGN}") { id } }` },
    'Query.catalog': { query: '{ catalog { version } }' },
    'Query.catalogVersions': { query: '{ catalogVersions { version } }' },
    'Query.exportCatalog': { query: '{ exportCatalog(format: XLSX) { fileName } }' },
    'Query.organisation': { query: '{ organisation { units { code } } }' },
    'Query.units': { query: '{ units { code } }' },
    'Query.taskBreakdownImport': { query: `{ taskBreakdownImport(id: "${randomUUID()}") { id } }` },
    'Query.taskBreakdownImports': { query: '{ taskBreakdownImports(first: 1) { id } }' },
    'Query.accessDenials': { query: '{ accessDenials(first: 1) { hasNextPage } }' },
    'Query.notifications': { query: '{ notifications(first: 1) { unreadCount } }' },
    'Mutation.markNotificationsRead': { query: 'mutation { markNotificationsRead(ids: ["no-such-id"]) }' },
    'Mutation.markAllNotificationsRead': { query: 'mutation { markAllNotificationsRead }' },
    'Query.myNotificationPreferences': { query: '{ myNotificationPreferences { quietStart } }' },
    'Mutation.updateNotificationPreferences': { query: 'mutation { updateNotificationPreferences(input: { quietHoursEnabled: true }) { quietStart } }' },
    'Query.notificationLog': { query: `{ notificationLog(taskId: "${f.taskId}") { notificationId } }` },
    'Query.serviceAccounts': { query: '{ serviceAccounts { id } }' },
    'Query.monthlyReport': { query: `{ monthlyReport(campaignId: "${CAMPAIGN}", month: "2026-10") { month } }` },
    'Query.exportMonthlyReport': { query: `{ exportMonthlyReport(campaignId: "${CAMPAIGN}", month: "2026-10") { fileName } }` },
    'Query.board': { query: `{ board(campaignId: "${CAMPAIGN}") { columns { stage } } }` },
    'Query.boardColumn': { query: `{ boardColumn(campaignId: "${CAMPAIGN}", stage: SELF_CHECK) { count } }` },
    'Query.tasks': { query: `{ tasks(campaignId: "${CAMPAIGN}", first: 5) { totalCount } }` },
    'Query.indicatorTask': { query: `{ indicatorTask(id: "${f.taskId}") { id } }` },
    'Query.boardAsOf': { query: `{ boardAsOf(campaignId: "${CAMPAIGN}", asOf: "${new Date().toISOString()}") { columns { stage } } }` },
    'Query.boardAsOfColumn': { query: `{ boardAsOfColumn(campaignId: "${CAMPAIGN}", asOf: "${new Date().toISOString()}", stage: SELF_CHECK) { count } }` },
    'Query.itemBoard': { query: `{ itemBoard(campaignId: "${CAMPAIGN}") { columns { state } } }` },
    'Query.itemBoardColumn': { query: `{ itemBoardColumn(campaignId: "${CAMPAIGN}", state: REPORTED) { count } }` },
    'Query.items': { query: `{ items(campaignId: "${CAMPAIGN}", first: 5) { totalCount } }` },
    'Query.rectificationItem': { query: `{ rectificationItem(id: "${f.itemId}") { id } }` },
    'Query.inspectionRounds': { query: `{ inspectionRounds(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.inspectionRound': { query: `{ inspectionRound(id: "${f.roundId}") { id } }` },
    'Query.publicCivilityIndex': { query: `{ publicCivilityIndex(campaignId: "${CAMPAIGN}") { roundId } }` },
    'Query.performanceAssessment': { query: `{ performanceAssessment(campaignId: "${CAMPAIGN}") { to } }` },
    'Query.exportPerformanceAssessment': { query: `{ exportPerformanceAssessment(campaignId: "${CAMPAIGN}", format: XLSX) { fileName } }` },
    'Query.unitRanking': { query: `{ unitRanking(campaignId: "${CAMPAIGN}") { weeks { label } } }` },
    'Mutation.signIn': { query: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', variables: { i: { login: 'leader', password: DEMO_PASSWORD } } },
    'Mutation.refreshSession': { query: 'mutation { refreshSession(refreshToken: "not-a-token-not-a-token-not-a-token") { accessToken } }' },
    'Mutation.signOut': { query: 'mutation { signOut }' },
    'Mutation.changePassword': { query: 'mutation($p: String!) { changePassword(currentPassword: $p, newPassword: $p) }', variables: { p: DEMO_PASSWORD } },
    'Mutation.setUserPassword': { query: 'mutation { setUserPassword(login: "nobody-here", password: "Reset2027x") }' },
    'Mutation.createServiceAccount': {
      query: 'mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { apiKey } }',
      variables: { i: { name: `矩阵测试-${randomUUID().slice(0, 8)}`, scopes: ['BOARD_READ'] } },
    },
    'Mutation.rotateServiceAccountKey': { query: `mutation { rotateServiceAccountKey(id: "${f.spareAccountId}") { apiKey } }` },
    'Mutation.revokeServiceAccount': { query: `mutation { revokeServiceAccount(id: "${f.spareAccountId}") { id } }` },
    'Mutation.updateCampaignPolicy': { query: `mutation { updateCampaignPolicy(input: { campaignId: "${CAMPAIGN}" }) { id } }` },
    'Mutation.setCampaignPhasePlan': {
      query: 'mutation($i: SetCampaignPhasePlanInput!) { setCampaignPhasePlan(input: $i) { id } }',
      variables: { i: { campaignId: CAMPAIGN, plan: [{ phase: 'MOBILIZATION', startDate: '2026-09-01' }] } },
    },
    'Mutation.advanceCampaignPhase': { query: `mutation { advanceCampaignPhase(input: { campaignId: "${CAMPAIGN}", to: SPECIAL_RECTIFICATION }) { id } }` },
    'Mutation.recordSupervisionVisit': {
      query: 'mutation($i: RecordSupervisionVisitInput!) { recordSupervisionVisit(input: $i) { id } }',
      variables: { i: { campaignId: CAMPAIGN, date: '2099-01-01', places: ['外滩路'], visitors: ['李督查'], notes: '走访' } },
    },
    'Mutation.recordCampaignMeeting': {
      query: 'mutation($i: RecordCampaignMeetingInput!) { recordCampaignMeeting(input: $i) { id } }',
      variables: { i: { campaignId: CAMPAIGN, kind: 'JOINT', date: '2099-01-01', attendees: ['张霞'], minutes: '会议纪要' } },
    },
    // 牵头单位召集: too many decisions is refused after the role check, before the unit's lead is looked at.
    'Mutation.recordLeadUnitMeeting': {
      query: 'mutation($i: RecordLeadUnitMeetingInput!) { recordLeadUnitMeeting(input: $i) { id } }',
      variables: { i: { campaignId: CAMPAIGN, date: '2099-01-01', title: '推进会', attendees: ['李主任'], unitCodes: ['WTSQ'], minutes: '纪要', decisions: Array.from({ length: 21 }, () => ({ text: '交办', unitCode: 'WTSQ' })) } },
    },
    'Mutation.generateMonthlyReport': { query: `mutation { generateMonthlyReport(input: { campaignId: "${CAMPAIGN}", month: "2099-01" }) { month } }` },
    'Mutation.importCatalog': { query: 'mutation { importCatalog(input: { fileName: "测评体系.xlsx", contentBase64: "" }) { status } }' },
    'Mutation.importOrganisation': { query: 'mutation { importOrganisation(input: { files: [] }) { status } }' },
    'Query.workingDayCalendar': { query: '{ workingDayCalendar { officialYears } }' },
    'Mutation.importWorkingDayOverrides': { query: 'mutation { importWorkingDayOverrides(input: { file: { fileName: "x.txt", contentBase64: "" } }) { status } }' },
    'Mutation.importTaskBreakdown': { query: `mutation { importTaskBreakdown(input: { campaignId: "${CAMPAIGN}", fileName: "任务分解表.xlsx", contentBase64: "", dryRun: true }) { id } }` },
    'Mutation.submitSelfCheck': task('submitSelfCheck', 'SubmitSelfCheckInput', { classification: 'NOT_MET', note: '自查：未达标' }),
    'Mutation.confirmSelfCheck': task('confirmSelfCheck', 'ApproveInput'),
    'Mutation.returnSelfCheck': task('returnSelfCheck', 'ReturnInput', { reason: '材料不全' }),
    'Mutation.submitRectificationPlan': task('submitRectificationPlan', 'RectificationPlanInput', { plan: '整改方案', deadline: soon }),
    'Mutation.reportRectificationProgress': task('reportRectificationProgress', 'NoteInput', { note: '进展' }),
    'Mutation.submitRectification': task('submitRectification', 'NoteInput', { note: '已整改' }),
    'Mutation.approveRectification': task('approveRectification', 'ApproveInput'),
    'Mutation.returnRectification': task('returnRectification', 'ReturnInput', { reason: '未整改到位' }),
    'Mutation.recordMockAssessment': task('recordMockAssessment', 'RecordMockAssessmentInput', { scores: [{ criterionCode: 'A4-1', score: 1 }] }),
    'Mutation.recordRecheck': task('recordRecheck', 'RecordRecheckInput', { passed: true }),
    'Mutation.requestExtension': task('requestExtension', 'RequestExtensionInput', { requestedDueAt: soon, reason: '天气原因' }),
    'Mutation.approveExtension': task('approveExtension', 'ApproveInput'),
    'Mutation.refuseExtension': task('refuseExtension', 'ReturnInput', { reason: '理由不足' }),
    'Mutation.addComment': task('addComment', 'AddCommentInput', { text: '请抓紧' }),
    'Mutation.uploadEvidence': task('uploadEvidence', 'UploadEvidenceInput', { fileName: '佐证.jpg', contentBase64: JPEG.contentBase64 }),
    'Mutation.startArchiving': task('startArchiving', 'ApproveInput'),
    'Mutation.submitArchiveMaterial': task('submitArchiveMaterial', 'SubmitArchiveMaterialInput', { materialCode: 'PACKAGE' }),
    'Mutation.acceptArchiveMaterial': task('acceptArchiveMaterial', 'AcceptArchiveMaterialInput', { materialCode: 'PACKAGE' }),
    'Mutation.returnArchiveMaterial': task('returnArchiveMaterial', 'ReturnArchiveMaterialInput', { materialCode: 'PACKAGE', reason: '缺页' }),
    'Mutation.reassignTask': task('reassignTask', 'ReassignTaskInput', { unitCode: 'WTSQ', reason: '职责调整' }),
    'Mutation.assignTaskResponsiblePerson': task('assignTaskResponsiblePerson', 'AssignTaskResponsiblePersonInput', { login: 'no-such-person' }),
    'Mutation.proposeAccountabilityDecision': task('proposeAccountabilityDecision', 'ProposeAccountabilityDecisionInput', {
      holdsUnit: true,
      personLogins: [],
      form: 'CRITICISM_NOTICE',
      reason: '逾期未整改',
    }),
    'Mutation.approveAccountabilityDecision': task('approveAccountabilityDecision', 'ApproveInput'),
    'Mutation.returnAccountabilityDecision': task('returnAccountabilityDecision', 'ReturnInput', { reason: '证据不足' }),
    'Mutation.proposeItemAccountabilityDecision': {
      query: 'mutation($i: ProposeItemAccountabilityDecisionInput!) { proposeItemAccountabilityDecision(input: $i) { id } }',
      variables: { i: { itemId: f.itemId, holdsUnit: true, personLogins: [], form: 'ADMONITION', reason: '逾期未整改' } },
    },
    'Mutation.approveItemAccountabilityDecision': {
      query: 'mutation($i: ItemAccountabilityReviewInput!) { approveItemAccountabilityDecision(input: $i) { id } }',
      variables: { i: { itemId: f.itemId } },
    },
    'Mutation.returnItemAccountabilityDecision': {
      query: 'mutation($i: ItemAccountabilityReviewInput!) { returnItemAccountabilityDecision(input: $i) { id } }',
      variables: { i: { itemId: f.itemId, reason: '证据不足' } },
    },
    'Mutation.setTaskKeyFlag': task('setTaskKeyFlag', 'SetTaskKeyFlagInput', { kind: 'KEY', reason: '群众反映集中' }),
    'Mutation.clearTaskKeyFlag': task('clearTaskKeyFlag', 'ClearTaskKeyFlagInput'),
    'Mutation.setItemKeyFlag': {
      query: 'mutation($i: SetItemKeyFlagInput!) { setItemKeyFlag(input: $i) { id } }',
      variables: { i: { itemId: f.itemId, kind: 'DIFFICULT', reason: '涉及多个部门' } },
    },
    'Mutation.clearItemKeyFlag': {
      query: 'mutation($i: ClearItemKeyFlagInput!) { clearItemKeyFlag(input: $i) { id } }',
      variables: { i: { itemId: f.itemId } },
    },
    'Mutation.reportItem': {
      query: 'mutation($i: ReportItemInput!) { reportItem(input: $i) { duplicate } }',
      variables: { i: { campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'SANITATION', location: LOCATION, description: '垃圾桶满溢', photos: [JPEG] } },
    },
    // 属地上报: an empty description is refused after the role check, so the allowed roles leave no item behind.
    'Mutation.reportLocalProblem': {
      query: 'mutation($i: LocalProblemInput!) { reportLocalProblem(input: $i) { duplicate } }',
      variables: { i: { campaignId: CAMPAIGN, area: 'SANITATION', location: LOCATION, description: '' } },
    },
    'Query.localReports': { query: `{ localReports(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.exportLocalReports': { query: `{ exportLocalReports(campaignId: "${CAMPAIGN}") { fileName } }` },
    'Mutation.actOnItem DISPATCH': item('DISPATCH', { unitCode: 'WTSQ' }),
    'Mutation.actOnItem START_RECTIFICATION': item('START_RECTIFICATION'),
    'Mutation.actOnItem SUBMIT_RECTIFICATION': item('SUBMIT_RECTIFICATION', { note: '已清理', photos: [JPEG] }),
    'Mutation.actOnItem VERIFY': item('VERIFY'),
    'Mutation.actOnItem RETURN': item('RETURN', { reason: '仍有垃圾' }),
    'Mutation.actOnItem RECORD_RECHECK': item('RECORD_RECHECK', { passed: true }),
    'Mutation.actOnItem REQUEST_EXTENSION': item('REQUEST_EXTENSION', { requestedDueAt: soon, reason: '需要采购' }),
    'Mutation.actOnItem APPROVE_EXTENSION': item('APPROVE_EXTENSION'),
    'Mutation.actOnItem REFUSE_EXTENSION': item('REFUSE_EXTENSION', { reason: '不同意' }),
    'Mutation.actOnItem REQUEST_DISPATCH_RETURN': item('REQUEST_DISPATCH_RETURN', { reason: '不属本单位' }),
    'Mutation.actOnItem APPROVE_DISPATCH_RETURN': item('APPROVE_DISPATCH_RETURN'),
    'Mutation.actOnItem REFUSE_DISPATCH_RETURN': item('REFUSE_DISPATCH_RETURN', { reason: '属本单位' }),
    'Mutation.actOnItem REPORT_DUPLICATE': item('REPORT_DUPLICATE', { note: '又见' }),
    'Mutation.actOnItem ASSIGN_RESPONSIBLE_PERSON': item('ASSIGN_RESPONSIBLE_PERSON'),
    'Mutation.assignItemResponsiblePerson': {
      query: 'mutation($i: AssignItemResponsiblePersonInput!) { assignItemResponsiblePerson(input: $i) { id } }',
      variables: { i: { itemId: f.itemId, login: 'no-such-person' } },
    },
    'Mutation.meetingDecisionToItem': {
      query: 'mutation($i: MeetingDecisionToItemInput!) { meetingDecisionToItem(input: $i) { duplicate } }',
      variables: { i: { campaignId: CAMPAIGN, meetingId: 'no-such-meeting', decisionIndex: 0, area: 'SANITATION', location: LOCATION } },
    },
    'Mutation.meetingDecisionToTask': {
      query: 'mutation($i: MeetingDecisionToTaskInput!) { meetingDecisionToTask(input: $i) { id } }',
      variables: { i: { campaignId: CAMPAIGN, meetingId: 'no-such-meeting', decisionIndex: 0, indicatorCode: 'A4', leadUnitCode: 'XCB' } },
    },
    'Mutation.planInspectionRound': {
      query: 'mutation($i: PlanInspectionRoundInput!) { planInspectionRound(input: $i) { id } }',
      variables: { i: { campaignId: CAMPAIGN, kind: 'OPEN_INSPECTION', title: '矩阵明察', plannedOn: '2026-12-10' } },
    },
    'Mutation.actOnInspectionRound': { query: `mutation { actOnInspectionRound(input: { roundId: "${f.roundId}", action: START_ROUND }) { id } }` },
    'Mutation.recordFinding': {
      query: 'mutation($i: RecordFindingInput!) { recordFinding(input: $i) { duplicate } }',
      variables: { i: { roundId: f.roundId, area: 'SANITATION', location: LOCATION, description: '明察发现：绿化带垃圾', photos: [JPEG], unitCode: 'WTSQ' } },
    },
    'Query.officialNotices': { query: `{ officialNotices(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.officialNoticeTemplates': { query: '{ officialNoticeTemplates { kind } }' },
    'Mutation.issueOfficialNotice': { query: `mutation { issueOfficialNotice(input: { kind: SUPERVISION, taskId: "${f.taskId}" }) { number } }` },
    'Mutation.acknowledgeOfficialNotice': { query: 'mutation { acknowledgeOfficialNotice(id: "official-notice-no-such") { id } }' },
    'Mutation.uploadOfficialNoticeTemplate': { query: 'mutation { uploadOfficialNoticeTemplate(kind: SUPERVISION, fileId: "no-such-upload") { custom } }' },
    'Mutation.resetOfficialNoticeTemplate': { query: 'mutation { resetOfficialNoticeTemplate(kind: SUPERVISION) { custom } }' },
    'Query.unitReportMonth': { query: `{ unitReportMonth(campaignId: "${CAMPAIGN}", month: "2027-03") { month } }` },
    'Query.unitReport': { query: '{ unitReport(id: "unit-report:no-such") { id } }' },
    'Mutation.submitUnitReport': { query: 'mutation { submitUnitReport(input: { reportId: "unit-report:no-such", progress: "进展", problems: "", nextSteps: "打算" }) { id } }' },
    'Mutation.acceptUnitReport': { query: 'mutation { acceptUnitReport(id: "unit-report:no-such") { id } }' },
    'Mutation.returnUnitReport': { query: 'mutation { returnUnitReport(id: "unit-report:no-such", reason: "补充") { id } }' },
    'Mutation.openUnitReportMonth': { query: `mutation { openUnitReportMonth(campaignId: "${CAMPAIGN}", month: "2999-01") { month } }` },
    'Mutation.setUnitReportDueDay': { query: `mutation { setUnitReportDueDay(campaignId: "${CAMPAIGN}", dueDay: 25) }` },
    'Query.mobilizationDocuments': { query: `{ mobilizationDocuments(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.mobilizationDocument': { query: '{ mobilizationDocument(id: "mobilization-doc-no-such") { id } }' },
    'Mutation.issueMobilizationDocument': {
      query: `mutation { issueMobilizationDocument(input: { campaignId: "${CAMPAIGN}", kind: NOTICE, title: "通知", summary: "内容", fileId: "no-such-upload", requiresPlan: false, requiresGroup: false, dueAt: "2099-01-01T00:00:00Z" }) { id } }`,
    },
    'Mutation.acknowledgeMobilization': { query: 'mutation { acknowledgeMobilization(responseId: "mobilization-resp-no-such") { id } }' },
    'Mutation.submitMobilizationPlan': { query: 'mutation { submitMobilizationPlan(responseId: "mobilization-resp-no-such", fileId: "no-such-upload", summary: "方案") { id } }' },
    'Mutation.registerMobilizationGroup': {
      query: 'mutation { registerMobilizationGroup(responseId: "mobilization-resp-no-such", group: { leader: "王", members: ["张"], phone: "13812345678" }) { id } }',
    },
    'Mutation.approveMobilization': { query: 'mutation { approveMobilization(responseId: "mobilization-resp-no-such") { id } }' },
    'Mutation.returnMobilization': { query: 'mutation { returnMobilization(responseId: "mobilization-resp-no-such", reason: "理由") { id } }' },
    'Mutation.recordRoundScores': { query: `mutation { recordRoundScores(input: { roundId: "${f.roundId}", scores: [{ criterionCode: "A4-1", score: 1 }] }) { id } }` },
    'Mutation.recordWindowCheck': { query: `mutation { recordWindowCheck(input: { roundId: "${f.roundId}", unitCode: "BMFW", results: [{ code: "LZSG", passed: true }] }) { id } }` },
    'Mutation.saveWindowChecklist': { query: `mutation { saveWindowChecklist(input: { campaignId: "${CAMPAIGN}", points: [{ code: "LZSG", label: "亮证上岗" }] }) { version } }` },
    'Query.windowChecklist': { query: `{ windowChecklist(campaignId: "${CAMPAIGN}") { version } }` },
    'Query.windowServiceUnits': { query: '{ windowServiceUnits { code } }' },
    'Query.exportWindowChecks': { query: `{ exportWindowChecks(campaignId: "${CAMPAIGN}") { fileName } }` },
    'Query.briefings': { query: `{ briefings(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.briefing': { query: '{ briefing(id: "briefing-no-such") { id } }' },
    'Query.briefingPrefill': { query: `{ briefingPrefill(campaignId: "${CAMPAIGN}", kind: WORK_BRIEFING) { title } }` },
    'Mutation.createBriefing': { query: `mutation { createBriefing(input: { campaignId: "${CAMPAIGN}", kind: WORK_BRIEFING, draft: { title: "权限测试", sections: [] } }) { id } }` },
    'Mutation.updateBriefingDraft': { query: 'mutation { updateBriefingDraft(id: "briefing-no-such", draft: { title: "权限测试", sections: [] }) { id } }' },
    'Mutation.submitBriefing': { query: 'mutation { submitBriefing(id: "briefing-no-such") { id } }' },
    'Mutation.approveBriefing': { query: 'mutation { approveBriefing(id: "briefing-no-such") { id } }' },
    'Mutation.returnBriefing': { query: 'mutation { returnBriefing(id: "briefing-no-such", reason: "退回") { id } }' },
    'Mutation.publishBriefing': { query: 'mutation { publishBriefing(id: "briefing-no-such") { id } }' },
    'Mutation.acknowledgeBriefing': { query: 'mutation { acknowledgeBriefing(id: "briefing-no-such") { id } }' },
    'Query.archiveDocuments': { query: `{ archiveDocuments(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.archivePackages': { query: `{ archivePackages(campaignId: "${CAMPAIGN}") { id } }` },
    'Mutation.submitArchiveDocument': { query: `mutation { submitArchiveDocument(input: { campaignId: "${CAMPAIGN}", title: "矩阵资料", kind: OTHER, fileId: "no-such-upload" }) { id } }` },
    'Mutation.resubmitArchiveDocument': { query: 'mutation { resubmitArchiveDocument(input: { id: "archive-document-no-such" }) { id } }' },
    'Mutation.acceptArchiveDocument': { query: 'mutation { acceptArchiveDocument(id: "archive-document-no-such") { id } }' },
    'Mutation.returnArchiveDocument': { query: 'mutation { returnArchiveDocument(id: "archive-document-no-such", reason: "不清晰") { id } }' },
    'Mutation.exportArchivePackage': { query: `mutation { exportArchivePackage(campaignId: "${CAMPAIGN}") { id } }` },
    'Mutation.submitArchivePackage': { query: 'mutation { submitArchivePackage(id: "archive-package-no-such") { id } }' },
    'Query.surveyRounds': { query: `{ surveyRounds(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.surveyRound': { query: '{ surveyRound(id: "survey-round:no-such") { id } }' },
    'Query.surveyCommunities': { query: '{ surveyCommunities { code } }' },
    'Query.surveyTrend': { query: `{ surveyTrend(campaignId: "${CAMPAIGN}") { campaignId } }` },
    'Query.exportSurveyRound': { query: '{ exportSurveyRound(id: "survey-round:no-such") { fileName } }' },
    'Query.exportSurveyTrend': { query: `{ exportSurveyTrend(campaignId: "${CAMPAIGN}") { fileName } }` },
    'Mutation.planSurveyRound': { query: `mutation { planSurveyRound(input: { campaignId: "${CAMPAIGN}", title: "矩阵", method: ONLINE, startDate: "2027-13-01", endDate: "2027-13-02" }) { id } }` },
    'Mutation.recordSurveyResults': { query: 'mutation { recordSurveyResults(input: { roundId: "survey-round:no-such", unitCode: "WTSQ", sample: 10, aware: 1, supporting: 1, participating: 1, satisfied: 1 }) { id } }' },
    'Mutation.closeSurveyRound': { query: 'mutation { closeSurveyRound(id: "survey-round:no-such") { id } }' },
    'Mutation.citeSurveyRound': { query: 'mutation { citeSurveyRound(input: { taskId: "no-such", roundId: "survey-round:no-such" }) { id } }' },
    'Query.selfEvaluationRounds': { query: `{ selfEvaluationRounds(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.selfEvaluationRound': { query: '{ selfEvaluationRound(id: "self-evaluation:no-such") { id } }' },
    'Query.exportSelfEvaluationRound': { query: '{ exportSelfEvaluationRound(id: "self-evaluation:no-such") { fileName } }' },
    'Query.appraisal': { query: `{ appraisal(campaignId: "${CAMPAIGN}") { campaignId } }` },
    'Mutation.openSelfEvaluationRound': { query: `mutation { openSelfEvaluationRound(input: { campaignId: "${CAMPAIGN}", title: "矩阵", periodStart: "2027-13-01", periodEnd: "2027-13-02", dueDate: "2027-13-03" }) { id } }` },
    'Mutation.submitSelfEvaluation': { query: 'mutation { submitSelfEvaluation(input: { roundId: "self-evaluation:no-such", unitCode: "WTSQ", items: [], achievements: "成绩", shortcomings: "不足", nextSteps: "打算", selfGrade: GOOD }) { id } }' },
    'Mutation.returnSelfEvaluation': { query: 'mutation { returnSelfEvaluation(roundId: "self-evaluation:no-such", unitCode: "WTSQ", reason: "退回") { id } }' },
    'Mutation.closeSelfEvaluationRound': { query: 'mutation { closeSelfEvaluationRound(id: "self-evaluation:no-such") { id } }' },
    'Mutation.gradeUnit': { query: `mutation { gradeUnit(input: { campaignId: "${CAMPAIGN}", unitCode: "NO-SUCH-UNIT", grade: GOOD, comment: "矩阵" }) { campaignId } }` },
    'Mutation.rateWorkingGroup': { query: `mutation { rateWorkingGroup(input: { campaignId: "no-such-campaign", group: ARCHIVES, rating: MET, comment: "矩阵" }) { campaignId } }` },
    'Query.specialDrives': { query: `{ specialDrives(campaignId: "${CAMPAIGN}") { id } }` },
    'Query.specialDrive': { query: `{ specialDrive(campaignId: "${CAMPAIGN}", area: MARKETS) { id } }` },
    'Query.exportSpecialDrives': { query: `{ exportSpecialDrives(campaignId: "${CAMPAIGN}") { fileName } }` },
    'Mutation.launchSpecialDrive': { query: `mutation { launchSpecialDrive(input: { campaignId: "${CAMPAIGN}", area: MARKETS, leadUnitCode: "NO-SUCH-UNIT", startDate: "2027-01-01", endDate: "2027-03-31", goals: "目标", participatingUnitCodes: [] }) { id } }` },
    'Mutation.amendSpecialDrive': { query: `mutation { amendSpecialDrive(input: { campaignId: "${CAMPAIGN}", area: MARKETS, leadUnitCode: "NO-SUCH-UNIT", startDate: "2027-01-01", endDate: "2027-03-31", goals: "目标", participatingUnitCodes: [] }) { id } }` },
    'Mutation.attachSpecialDriveItem': { query: `mutation { attachSpecialDriveItem(campaignId: "${CAMPAIGN}", area: MARKETS, itemId: "no-such") { id } }` },
    'Mutation.detachSpecialDriveItem': { query: `mutation { detachSpecialDriveItem(campaignId: "${CAMPAIGN}", area: MARKETS, itemId: "no-such", reason: "不属于") { id } }` },
    'Mutation.submitSpecialDriveSummary': { query: `mutation { submitSpecialDriveSummary(input: { campaignId: "${CAMPAIGN}", area: MARKETS, summary: "总结" }) { id } }` },
    'Mutation.approveSpecialDriveSummary': { query: `mutation { approveSpecialDriveSummary(campaignId: "${CAMPAIGN}", area: MARKETS) { id } }` },
    'Mutation.returnSpecialDriveSummary': { query: `mutation { returnSpecialDriveSummary(campaignId: "${CAMPAIGN}", area: MARKETS, reason: "补充") { id } }` },
    'Query.fundingLedger': { query: `{ fundingLedger(campaignId: "${CAMPAIGN}", year: 2027) { year } }` },
    'Query.exportFundingLedger': { query: `{ exportFundingLedger(campaignId: "${CAMPAIGN}", year: 2027, format: XLSX) { fileName } }` },
    'Mutation.setFundingApprovalThreshold': { query: `mutation { setFundingApprovalThreshold(campaignId: "${CAMPAIGN}", thresholdFen: 5000000) }` },
    'Mutation.addBudgetLine': { query: `mutation { addBudgetLine(input: { campaignId: "${CAMPAIGN}", year: 2027, name: "矩阵科目", amountFen: 100 }) { id } }` },
    'Mutation.amendBudgetLine': { query: 'mutation { amendBudgetLine(input: { id: "line-no-such", name: "科目", amountFen: 100 }) { id } }' },
    'Mutation.allocateFunds': { query: 'mutation { allocateFunds(input: { lineId: "line-no-such", targetKind: DRIVE, area: SANITATION, amountFen: 100 }) { id } }' },
    'Mutation.recordSpending': { query: 'mutation { recordSpending(input: { lineId: "line-no-such", amountFen: 100, payee: "收款方", spentOn: "2027-03-01", purpose: "用途" }) { id } }' },
    'Mutation.approveSpending': { query: 'mutation { approveSpending(id: "spending-no-such") { id } }' },
    'Mutation.rejectSpending': { query: 'mutation { rejectSpending(id: "spending-no-such", reason: "理由") { id } }' },
    'Query.activities': { query: `{ activities(filter: { campaignId: "${CAMPAIGN}" }) { id } }` },
    'Query.activity': { query: '{ activity(id: "activity:no-such") { id } }' },
    'Query.activityMonthlyCounts': { query: `{ activityMonthlyCounts(campaignId: "${CAMPAIGN}") { months { month } } }` },
    'Query.exportActivities': { query: `{ exportActivities(filter: { campaignId: "${CAMPAIGN}" }) { fileName } }` },
    'Mutation.planActivity': { query: `mutation { planActivity(input: { campaignId: "${CAMPAIGN}", kind: OTHER, title: "矩阵", organiserUnitCode: "WTSQ", plannedDate: "2027-13-01", place: "无", indicatorCodes: ["A1"] }) { id } }` },
    'Mutation.recordActivityHeld': { query: 'mutation { recordActivityHeld(input: { activityId: "activity:no-such", heldDate: "2026-12-01", attendance: 1, summary: "矩阵" }) { id } }' },
    'Mutation.cancelActivity': { query: 'mutation { cancelActivity(id: "activity:no-such", reason: "矩阵") { id } }' },
    'Mutation.archiveActivityEvidence': { query: 'mutation { archiveActivityEvidence(id: "activity:no-such") { id } }' },
    'Query.publicityLedger': { query: `{ publicityLedger(campaignId: "${CAMPAIGN}") { totalCount } }` },
    'Query.exportPublicityLedger': { query: `{ exportPublicityLedger(campaignId: "${CAMPAIGN}", format: XLSX) { fileName } }` },
    'Mutation.recordPublicityEntry': { query: `mutation { recordPublicityEntry(input: { campaignId: "${CAMPAIGN}", channel: BANNER, location: "矩阵", unitCode: "NO-SUCH-UNIT", count: 1, heldOn: "2026-11-01" }) { id } }` },
    'Mutation.correctPublicityEntry': { query: 'mutation { correctPublicityEntry(input: { id: "publicity-no-such", channel: BANNER, location: "矩阵", unitCode: "WTSQ", count: 1, heldOn: "2026-11-01", reason: "更正" }) { id } }' },
    'Mutation.voidPublicityEntry': { query: 'mutation { voidPublicityEntry(id: "publicity-no-such", reason: "作废") { id } }' },
    'Mutation.archivePublicityPhoto': { query: `mutation { archivePublicityPhoto(entryId: "publicity-no-such", sha256: "${'0'.repeat(64)}") { id } }` },
  };
  return base;
}

describe('who may do what: every role against every operation, through HTTP', () => {
  let stack: TestStack;
  let fixtures: Fixtures;
  let serviceKey: string;

  async function call<T = Record<string, unknown>>(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...identity(who) }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GraphQLResponse<T>;
  }
  function identity(who: Who): Record<string, string> {
    if (who === 'anonymous') return {};
    if (who === 'service') return { authorization: `ApiKey ${serviceKey}` };
    if (who.startsWith('cwk_')) return { 'x-api-key': who };
    return { 'x-demo-user': who };
  }
  async function download(who: Who, url: string): Promise<{ status: number; body: Buffer }> {
    const res = await fetch(`${stack.url}${url}`, { headers: identity(who) });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  }
  // Over graphql-ws people send their access token (the demo header is refused there): each signs in once.
  const tokens = new Map<string, Promise<string>>();
  /** Subscribes, and answers with the first error's code, or null when the subscription was accepted. */
  async function subscribe(who: Who, field: string, document = `subscription { ${field}(campaignId: "${CAMPAIGN}") { eventType } }`): Promise<string | null> {
    const person = who !== 'anonymous' && who !== 'service' && !who.startsWith('cwk_');
    if (person && !tokens.has(who)) tokens.set(who, accessToken(stack.url, who));
    const connectionParams = person ? { authorization: `Bearer ${await tokens.get(who)}` } : identity(who);
    const client = createClient({ url: `${stack.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, lazy: true, retryAttempts: 0 });
    try {
      return await new Promise<string | null>((resolve, reject) => {
        // No change happens here, so an accepted subscription stays silent: give the server time to refuse.
        const quiet = setTimeout(() => resolve(null), 1500);
        client.subscribe(
          { query: document },
          {
            next: (result) => {
              clearTimeout(quiet);
              const errors = (result as { errors?: { extensions?: { code?: string } }[] }).errors;
              resolve(errors?.[0]?.extensions?.code ?? null);
            },
            error: (err) => {
              clearTimeout(quiet);
              const errors = Array.isArray(err) ? (err as { extensions?: { code?: string } }[]) : null;
              if (errors) resolve(errors[0]?.extensions?.code ?? 'ERROR');
              else reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
            },
            complete: () => undefined,
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'matrix' });
    await seedReferenceData(stack.db);
    const { taskQueue } = stack.config.temporal;
    for (const unitCode of ['WTSQ', 'BJSQ']) {
      await startIndicatorTask(stack.temporal, taskQueue, { campaignId: CAMPAIGN, indicatorCode: 'A4', unitCode, leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR });
    }
    const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === 2);

    const evidence = await call<{ uploadEvidence: { evidence: { sha256: string }[] } }>(
      'wtsq.member',
      'mutation($i: UploadEvidenceInput!) { uploadEvidence(input: $i) { evidence { sha256 } } }',
      { i: { taskId, fileName: '台账.jpg', contentBase64: JPEG.contentBase64 } },
    );
    expect(evidence.errors).toBeUndefined();
    const reported = await call<{ reportItem: { item: { id: string; photos: { url: string }[] } } }>(
      'supervisor',
      'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id photos { url } } } }',
      { i: { campaignId: CAMPAIGN, source: 'OPEN_INSPECTION', area: 'CITY_APPEARANCE', location: { address: '中山东一路 1 号' }, description: '绿化带枯死', photos: [JPEG], unitCode: 'WTSQ' } },
    );
    expect(reported.errors).toBeUndefined();
    const round = await call<{ planInspectionRound: { id: string } }>('supervisor', 'mutation($i: PlanInspectionRoundInput!) { planInspectionRound(input: $i) { id } }', {
      i: { campaignId: CAMPAIGN, kind: 'OPEN_INSPECTION', title: '十二月明察', plannedOn: '2026-12-01' },
    });
    expect(round.errors).toBeUndefined();
    const accounts = await Promise.all(
      [
        { name: '区创建办对接', scopes: ['BOARD_READ', 'CAMPAIGN_READ', 'REPORTS_READ'] },
        { name: '备用账号', scopes: ['BOARD_READ'] },
      ].map((i) => call<{ createServiceAccount: { apiKey: string; account: { id: string } } }>('office', 'mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { apiKey account { id } } }', { i })),
    );
    serviceKey = accounts[0].data!.createServiceAccount.apiKey;
    const photoUrl = reported.data!.reportItem.item.photos[0].url;
    fixtures = {
      taskId,
      itemId: reported.data!.reportItem.item.id,
      roundId: round.data!.planInspectionRound.id,
      spareAccountId: accounts[1].data!.createServiceAccount.account.id,
      evidenceSha: evidence.data!.uploadEvidence.evidence[0].sha256,
      photoSha: photoUrl.split('/').pop()!,
    };
  });
  afterAll(async () => stack?.stop());

  it('has a row for every operation of the access policy, and the policy has one for every row', async () => {
    const { OPERATIONS } = await import('../../src/auth/access-policy');
    const rows = new Set(Object.keys(MATRIX).map((k) => k.split(' ')[0] + (/^(GET|POST) /.test(k) ? ` ${k.split(' ')[1]}` : '')));
    const declared = Object.keys(OPERATIONS).filter((k) => k !== 'GET /health');
    expect([...declared].filter((k) => !rows.has(k))).toEqual([]);
    expect([...rows].filter((k) => !declared.includes(k))).toEqual([]);
  });

  it('answers every GraphQL query and mutation as the plan says, for every role, and records each refusal', async () => {
    const ops = requests(fixtures);
    const graphqlRows = Object.keys(MATRIX).filter((k) => k.startsWith('Query.') || k.startsWith('Mutation.'));
    expect(Object.keys(ops).sort()).toEqual([...graphqlRows].sort());
    const before = await stack.db.selectFrom('access_denials').select(stack.db.fn.countAll<string>().as('n')).where('code', '=', 'FORBIDDEN').executeTakeFirstOrThrow();
    const wrong: string[] = [];
    let refusals = 0;
    for (const operation of graphqlRows) {
      const { query, variables } = ops[operation];
      const field = operation.split(' ')[0].split('.')[1];
      for (const who of CALLERS) {
        const allowed = expectedFor(operation, who);
        const res = await call(who, query, variables);
        const error = res.errors?.find((e) => (e as { path?: string[] }).path?.[0] === field) ?? res.errors?.[0];
        const code = error?.extensions?.code ?? null;
        // An answer about the request itself (a document the schema refuses, variables of the wrong shape) would
        // prove nothing about access: the documents above must be valid for every cell.
        if (error && !(error as { path?: string[] }).path) wrong.push(`${operation} × ${who}: request refused (${code} ${error.message})`);
        if (code === 'INTERNAL_SERVER_ERROR') wrong.push(`${operation} × ${who}: internal error ${error?.message}`);
        if (allowed && (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' && error?.message === '请先登录')) wrong.push(`${operation} × ${who}: refused (${code} ${error?.message})`);
        if (!allowed && code !== 'FORBIDDEN') wrong.push(`${operation} × ${who}: expected FORBIDDEN, got ${code ?? 'data'} ${error?.message ?? ''}`);
        if (!allowed && code === 'FORBIDDEN') {
          refusals += 1;
          // The refusal names the operation in Chinese and the path of the field refused.
          expect((error as { path?: string[] }).path).toEqual([field]);
          expect(error!.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      // Without identity, only the public operations answer.
      const anonymous = await call('anonymous', query, variables);
      const code = anonymous.errors?.[0]?.extensions?.code ?? null;
      if (PUBLIC.has(operation) ? code === 'FORBIDDEN' : code !== 'UNAUTHENTICATED') wrong.push(`${operation} × anonymous: got ${code ?? 'data'}`);
    }
    expect(wrong).toEqual([]);
    // Every refused cell of the matrix was refused (326 when this was written), and each left one record.
    expect(refusals).toBe(graphqlRows.reduce((n, op) => n + MATRIX[op].trim().split(/\s+/).filter((c) => c === '.').length, 0));
    const after = await stack.db.selectFrom('access_denials').select(stack.db.fn.countAll<string>().as('n')).where('code', '=', 'FORBIDDEN').executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(refusals);
  });

  it('lets every role, and the service account, subscribe to the boards, every person to their inbox; nobody without identity', async () => {
    for (const field of ['boardChanged', 'itemChanged']) {
      for (const who of CALLERS) {
        const code = await subscribe(who, field);
        expect([field, who, code]).toEqual([field, who, expectedFor(`Subscription.${field}`, who) ? null : 'FORBIDDEN']);
      }
      expect(await subscribe('anonymous', field)).toBe('UNAUTHENTICATED');
    }
    // The inbox: every person their own; not a service account.
    const inbox = 'subscription { notificationAdded { id } }';
    for (const who of CALLERS) {
      const code = await subscribe(who, 'notificationAdded', inbox);
      expect([who, code]).toEqual([who, expectedFor('Subscription.notificationAdded', who) ? null : 'FORBIDDEN']);
    }
    expect(await subscribe('anonymous', 'notificationAdded', inbox)).toBe('UNAUTHENTICATED');
    // Refused subscriptions are in the record too.
    const recorded = await stack.db.selectFrom('access_denials').selectAll().where('operation_type', '=', 'subscription').execute();
    expect(recorded.map((r) => [r.path, r.code, r.ip === null]).sort()).toEqual([
      ['boardChanged', 'UNAUTHENTICATED', false],
      ['itemChanged', 'UNAUTHENTICATED', false],
      ['notificationAdded', 'FORBIDDEN', false],
      ['notificationAdded', 'UNAUTHENTICATED', false],
    ]);
  });

  it('serves evidence and photos to whoever may read the card, refuses the rest with a code, and records the refusals', async () => {
    const evidence = `/tasks/${encodeURIComponent(fixtures.taskId)}/evidence/${fixtures.evidenceSha}`;
    const photo = `/items/${encodeURIComponent(fixtures.itemId)}/files/${fixtures.photoSha}`;
    for (const who of CALLERS) {
      expect([who, (await download(who, evidence)).status]).toEqual([who, expectedFor('GET /tasks/:taskId/evidence/:sha256', who) ? 200 : 403]);
      expect([who, (await download(who, photo)).status]).toEqual([who, expectedFor('GET /items/:itemId/files/:sha256', who) ? 200 : 403]);
    }
    const anonymous = await download('anonymous', evidence);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body.toString())).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    // Another unit's member is told it does not exist: what they may not see is not confirmed to exist.
    const other = await download('bjsq.member', evidence);
    expect(other.status).toBe(404);
    expect(JSON.parse(other.body.toString())).toMatchObject({ code: 'NOT_FOUND' });
    const recorded = await stack.db.selectFrom('access_denials').selectAll().where('operation_type', '=', 'http').execute();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ operation_name: 'GET /tasks/:taskId/evidence/:sha256', path: evidence, code: 'UNAUTHENTICATED', user_id: null });
  });

  it('serves a published briefing\'s .docx, PDF and attachments to every role and the service account; a draft to the office and the leaders only', async () => {
    const made = await call<{ createBriefing: { id: string } }>('office', `mutation { createBriefing(input: { campaignId: "${CAMPAIGN}", kind: WORK_BRIEFING, draft: { title: "权限测试简报", sections: [{ heading: "一", body: "正文" }] } }) { id } }`);
    const id = made.data!.createBriefing.id;
    const base = `/briefings/${encodeURIComponent(id)}`;
    for (const who of CALLERS) expect([who, (await download(who, `${base}/docx`)).status]).toEqual([who, who === 'office' || who === 'leader' ? 200 : 404]);
    for (const [who, mutation] of [['office', 'submitBriefing'], ['leader', 'approveBriefing'], ['office', 'publishBriefing']] as const) {
      expect((await call(who, `mutation { ${mutation}(id: "${id}") { id } }`)).errors).toBeUndefined();
    }
    for (const who of CALLERS) {
      expect([who, (await download(who, `${base}/docx`)).status]).toEqual([who, expectedFor('GET /briefings/:briefingId/docx', who) ? 200 : 403]);
      expect([who, (await download(who, `${base}/pdf`)).status]).toEqual([who, expectedFor('GET /briefings/:briefingId/pdf', who) ? 200 : 403]);
      expect([who, (await download(who, `${base}/attachments/${'0'.repeat(64)}`)).status]).toEqual([who, expectedFor('GET /briefings/:briefingId/attachments/:fileId', who) ? 404 : 403]);
    }
    expect((await download('anonymous', `${base}/pdf`)).status).toBe(401);
  });

  it('serves funding receipts to the ledger’s readers only (a spending not there: not found)', async () => {
    const path = `/funding/spendings/spending-no-such/receipts/${'0'.repeat(64)}`;
    for (const who of CALLERS) expect([who, (await download(who, path)).status]).toEqual([who, expectedFor('GET /funding/spendings/:spendingId/receipts/:sha256', who) ? 404 : 403]);
  });

  it('serves activity photos to everyone signed in and the reports’ service accounts (an activity not there: not found)', async () => {
    const path = `/activities/activity:no-such/photos/${'0'.repeat(64)}`;
    for (const who of CALLERS) expect([who, (await download(who, path)).status]).toEqual([who, expectedFor('GET /activities/:activityId/photos/:sha256', who) ? 404 : 403]);
  });

  it('serves publicity photos to every signed-in reader (an entry not there: not found)', async () => {
    const path = `/publicity/entries/publicity-no-such/photos/${'0'.repeat(64)}`;
    for (const who of CALLERS) expect([who, (await download(who, path)).status]).toEqual([who, expectedFor('GET /publicity/entries/:entryId/photos/:sha256', who) ? 404 : 403]);
  });

  it('takes uploads (POST /files) from people only: a service account is refused, and so is nobody', async () => {
    const upload = (who: Who) =>
      fetch(`${stack.url}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.jpg', ...identity(who) }, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]) });
    for (const who of CALLERS) expect([who, (await upload(who)).status]).toEqual([who, expectedFor('POST /files', who) ? 201 : 403]);
    expect((await upload('anonymous')).status).toBe(401);
  });

  it('keeps units to their own unit: another unit’s cards are not found, not acted on, and leave no event', async () => {
    const before = await eventsOf(stack.db, fixtures.taskId);
    const itemBefore = await eventsOf(stack.db, fixtures.itemId);
    const read = await call('bjsq.member', `{ indicatorTask(id: "${fixtures.taskId}") { id } }`);
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const item = await call('bjsq.head', `{ rectificationItem(id: "${fixtures.itemId}") { id } }`);
    expect(item.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ops = requests(fixtures);
    for (const operation of ['Mutation.submitSelfCheck', 'Mutation.addComment', 'Mutation.requestExtension', 'Mutation.uploadEvidence', 'Mutation.actOnItem START_RECTIFICATION', 'Mutation.actOnItem REQUEST_EXTENSION']) {
      for (const who of ['bjsq.member', 'bjsq.head']) {
        const res = await call(who, ops[operation].query, ops[operation].variables);
        expect([operation, who, ['FORBIDDEN', 'NOT_FOUND'].includes(res.errors?.[0]?.extensions?.code ?? '')]).toEqual([operation, who, true]);
      }
    }
    // Asking the board for another unit's cards gives none of them (this unit does not lead them).
    const board = await call<{ board: { columns: { cards: { id: string }[] }[] } }>('bjsq.member', `{ board(campaignId: "${CAMPAIGN}", unitCode: "WTSQ") { columns { cards { id } } } }`);
    expect(board.data!.board.columns.flatMap((c) => c.cards)).toEqual([]);
    const items = await call('bjsq.member', `{ items(campaignId: "${CAMPAIGN}", filter: { unitCode: "WTSQ" }) { totalCount } }`);
    expect(items.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.unitCode' });
    expect(await eventsOf(stack.db, fixtures.taskId)).toEqual(before);
    expect(await eventsOf(stack.db, fixtures.itemId)).toEqual(itemBefore);
  });

  it('never lets a person approve what they handed in themselves, even after they become a supervisor', async () => {
    const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'BJSQ');
    const submitted = await call('bjsq.member', 'mutation($i: SubmitSelfCheckInput!) { submitSelfCheck(input: $i) { id } }', { i: { taskId, classification: 'MET', note: '自查达标' } });
    expect(submitted.errors).toBeUndefined();
    // A reorganisation: the person who submitted moves to the supervision group.
    await stack.db.updateTable('users').set({ role: 'SUPERVISOR', unit_code: null }).where('login', '=', 'bjsq.member').execute();
    try {
      // The API drops what it cached of the person when the change's notice arrives (src/auth/identity-cache.ts):
      // the next request after that acts with the new role.
      await waitFor(async () => (await call<{ me: { role: string } }>('bjsq.member', '{ me { role } }')).data?.me.role === 'SUPERVISOR', 10_000, 'the new role');
      const before = await eventsOf(stack.db, taskId);
      const own = await call('bjsq.member', 'mutation($i: ApproveInput!) { confirmSelfCheck(input: $i) { id } }', { i: { taskId } });
      expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(own.errors?.[0]?.message).toMatch(/本人|自己/);
      expect(await eventsOf(stack.db, taskId)).toEqual(before);
      // Another supervisor may.
      const other = await call('supervisor2', 'mutation($i: ApproveInput!) { confirmSelfCheck(input: $i) { stage } }', { i: { taskId } });
      expect(other.errors).toBeUndefined();
    } finally {
      await stack.db.updateTable('users').set({ role: 'UNIT_MEMBER', unit_code: 'BJSQ' }).where('login', '=', 'bjsq.member').execute();
      await waitFor(async () => (await call<{ me: { role: string } }>('bjsq.member', '{ me { role } }')).data?.me.role === 'UNIT_MEMBER', 10_000, 'the role back');
    }
  });

  it('gives a service account what its scopes allow, and nothing once its key is rotated or it is revoked', async () => {
    const made = await call<{ createServiceAccount: { apiKey: string; account: { id: string; keyPrefix: string; scopes: string[]; active: boolean } } }>(
      'office',
      'mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { apiKey account { id keyPrefix scopes active } } }',
      { i: { name: '报表对接', description: '只读绩效考核', scopes: ['REPORTS_READ'] } },
    );
    expect(made.errors).toBeUndefined();
    const { apiKey, account } = made.data!.createServiceAccount;
    expect(apiKey).toMatch(/^cwk_[A-Za-z0-9_-]{43}$/);
    expect(account).toMatchObject({ keyPrefix: apiKey.slice(0, 12), scopes: ['REPORTS_READ'], active: true });
    // Kept only as a hash.
    const row = await stack.db.selectFrom('service_accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(apiKey);

    expect((await call(apiKey, `{ performanceAssessment(campaignId: "${CAMPAIGN}") { to } }`)).errors).toBeUndefined();
    // The guard stands before subscriptions too: this account may not follow the boards.
    const scoped = serviceKey;
    serviceKey = apiKey;
    try {
      expect(await subscribe('service', 'itemChanged')).toBe('FORBIDDEN');
    } finally {
      serviceKey = scoped;
    }
    const outside = await call(apiKey, `{ board(campaignId: "${CAMPAIGN}") { columns { stage } } }`);
    expect(outside.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(outside.errors?.[0]?.message).toContain('服务账号「报表对接」没有');
    const denials = await stack.db.selectFrom('access_denials').selectAll().where('user_id', '=', `service:${account.id}`).orderBy('id').execute();
    expect(denials.map((d) => [d.role, d.operation_type, d.path, d.code])).toEqual([
      ['SERVICE', 'subscription', 'itemChanged', 'FORBIDDEN'],
      ['SERVICE', 'query', 'board', 'FORBIDDEN'],
    ]);
    // The office reads them by the account's name (a service account has no role of its own).
    const record = await call<{ accessDenials: { nodes: { path: string; role: string | null; serviceAccount: string | null }[] } }>('office', '{ accessDenials(first: 5) { nodes { path role serviceAccount } } }');
    expect(record.errors).toBeUndefined();
    expect(record.data!.accessDenials.nodes.find((n) => n.path === 'board')).toEqual({ path: 'board', role: null, serviceAccount: '报表对接' });

    const duplicate = await call('office', 'mutation { createServiceAccount(input: { name: "报表对接", scopes: [BOARD_READ] }) { apiKey } }');
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    const noScope = await call('office', 'mutation { createServiceAccount(input: { name: "无权限", scopes: [] }) { apiKey } }');
    expect(noScope.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });

    const rotated = await call<{ rotateServiceAccountKey: { apiKey: string } }>('office', `mutation { rotateServiceAccountKey(id: "${account.id}") { apiKey } }`);
    const newKey = rotated.data!.rotateServiceAccountKey.apiKey;
    expect(newKey).not.toBe(apiKey);
    expect((await call(apiKey, `{ unitRanking(campaignId: "${CAMPAIGN}") { weeks { label } } }`)).errors?.[0]).toMatchObject({ message: 'API 密钥无效', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await call(newKey, `{ unitRanking(campaignId: "${CAMPAIGN}") { weeks { label } } }`)).errors).toBeUndefined();

    expect((await call('office', `mutation { revokeServiceAccount(id: "${account.id}") { active } }`)).data).toEqual({ revokeServiceAccount: { active: false } });
    expect((await call(newKey, `{ unitRanking(campaignId: "${CAMPAIGN}") { weeks { label } } }`)).errors?.[0]).toMatchObject({ message: '服务账号「报表对接」已停用', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await call('office', `mutation { revokeServiceAccount(id: "${account.id}") { active } }`)).errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect((await call('office', `mutation { rotateServiceAccountKey(id: "${randomUUID()}") { apiKey } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await call('cwk_' + 'x'.repeat(43), '{ campaigns { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await call('not-a-key', '{ campaigns { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
