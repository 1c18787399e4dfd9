// The campaign office's work: imports, the campaign's clock (phases, visits, meetings), monthly reports, the
// performance assessment, service accounts and the record of refusals.

const PROBLEMS = 'problems { sheet row column columnLetter code message }';

export const IMPORT_CATALOG = `mutation ImportCatalog($input: ImportCatalogInput!) {
  importCatalog(input: $input) { status fileName report version ${PROBLEMS}
    counts { items { created changed unchanged removed } indicators { created changed unchanged removed } criteria materials }
    changes { kind entity code name } }
}`;

export const IMPORT_ORGANISATION = `mutation ImportOrganisation($input: ImportOrganisationInput!) {
  importOrganisation(input: $input) { status fileNames report ${PROBLEMS}
    counts { units { created changed unchanged removed } people { created changed unchanged removed } groupMembers }
    changes { kind entity code name } }
}`;

const IMPORT_PROGRESS = 'progress { total applied percent secondsLeft timeLeft }';

export const IMPORT_TASK_BREAKDOWN = `mutation ImportTaskBreakdown($input: ImportTaskBreakdownInput!) {
  importTaskBreakdown(input: $input) { id status fileName report ${PROBLEMS}
    counts { tasks created changed unchanged removed applied } ${IMPORT_PROGRESS}
    changes { kind taskId indicatorCode unitCode leadUnitCode dueAt } }
}`;

/** Asked every second while a task breakdown is being applied: its progress only, not its changes. */
export const TASK_BREAKDOWN_IMPORT_PROGRESS = `query TaskBreakdownImportProgress($id: String!) {
  taskBreakdownImport(id: $id) { id status ${IMPORT_PROGRESS} }
}`;

/** The campaign's latest import, to take up following one still being applied when the office opens the page. */
export const LATEST_TASK_BREAKDOWN_IMPORT = `query LatestTaskBreakdownImport {
  taskBreakdownImports(first: 1) { id status ${IMPORT_PROGRESS} }
}`;

export const EXPORT_CATALOG = 'query ExportCatalog { exportCatalog(format: XLSX) { fileName mimeType contentBase64 } }';

export const CAMPAIGN_CLOCK = `query CampaignClock($month: String!) {
  campaign {
    id name version phase phaseLabel nextPhase countdownLabel daysToInspection inspectionDate allowedActions
    phases { phase label plannedStart startedAt current due }
    archiveProgress { tasks archived complete }
    cadence(month: $month) { month visits jointMeetings coordinationMeetings hearings met ended flagged shortfalls { label required recorded } }
    visits(month: $month) { id date places visitors notes units { name } recordedBy { displayName } }
    meetings(month: $month) { id kind kindLabel date title attendees minutes units { name } absentUnits { name } decisions { text dueDate unit { name } } recordedBy { displayName }
      unitReports { id stateLabel unit { name } } }
    monthlyReports { month generatedAt }
  }
}`;

export const ADVANCE_PHASE = `mutation AdvancePhase($input: AdvanceCampaignPhaseInput!) { advanceCampaignPhase(input: $input) { id phase phaseLabel version } }`;

export const RECORD_VISIT = `mutation RecordVisit($input: RecordSupervisionVisitInput!) { recordSupervisionVisit(input: $input) { id } }`;

export const RECORD_MEETING = `mutation RecordMeeting($input: RecordCampaignMeetingInput!) { recordCampaignMeeting(input: $input) { id } }`;

export const MONTHLY_REPORTS = 'query MonthlyReports { campaign { id monthlyReports { month generatedAt } } }';

export const GENERATE_MONTHLY_REPORT = `mutation GenerateMonthlyReport($input: GenerateMonthlyReportInput!) { generateMonthlyReport(input: $input) { month generatedAt } }`;

export const EXPORT_MONTHLY_REPORT = `query ExportMonthlyReport($campaignId: String!, $month: String!) {
  exportMonthlyReport(campaignId: $campaignId, month: $month) { fileName mimeType contentBase64 }
}`;

export const PERFORMANCE = `query Performance {
  performanceAssessment {
    from to summary
    units { rank score unit { code name } tasks items dueWork handedInOnTime handedInLate overdue onTimeRate relapses returns highestEscalationLabel }
  }
}`;

export const EXPORT_PERFORMANCE = 'query ExportPerformance { exportPerformanceAssessment(format: XLSX) { fileName mimeType contentBase64 } }';

export const SERVICE_ACCOUNTS = 'query ServiceAccounts { serviceAccounts { id name description scopes keyPrefix createdAt lastUsedAt expiresAt revokedAt active } }';

export const CREATE_SERVICE_ACCOUNT = `mutation CreateServiceAccount($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { apiKey account { id name } } }`;

export const ROTATE_SERVICE_ACCOUNT = 'mutation RotateServiceAccount($id: ID!) { rotateServiceAccountKey(id: $id) { apiKey account { id name } } }';

export const REVOKE_SERVICE_ACCOUNT = 'mutation RevokeServiceAccount($id: ID!) { revokeServiceAccount(id: $id) { id active } }';

export const ACCESS_DENIALS = `query AccessDenials($after: String) {
  accessDenials(first: 50, after: $after) {
    nodes { id at login role serviceAccount unitCode operationType operationName path code message ip }
    endCursor hasNextPage
  }
}`;

export const SET_PHASE_PLAN = `mutation SetPhasePlan($input: SetCampaignPhasePlanInput!) { setCampaignPhasePlan(input: $input) { id version } }`;

export const DECISION_TO_ITEM = `mutation DecisionToItem($input: MeetingDecisionToItemInput!) { meetingDecisionToItem(input: $input) { duplicate item { id } } }`;

export const DECISION_TO_TASK = `mutation DecisionToTask($input: MeetingDecisionToTaskInput!) { meetingDecisionToTask(input: $input) { id } }`;

export const POLICY = `query Policy {
  campaign { id policy { selfCheckDays rectificationDays mockAssessmentDays mockPassRate reminderBeforeHours archiveDueAt dayCounting
    escalationAfterHours { URGE SUPERVISE INTERVIEW ACCOUNTABILITY } recheckDays { relapseProne other } } }
}`;

export const WORKING_DAY_CALENDAR = `query WorkingDayCalendar {
  workingDayCalendar { officialYears importedAt importedBy overrides { date kind kindLabel note } }
}`;

export const IMPORT_WORKING_DAY_OVERRIDES = `mutation ImportWorkingDayOverrides($input: ImportWorkingDayOverridesInput!) {
  importWorkingDayOverrides(input: $input) { status fileName count report ${PROBLEMS} }
}`;

export const UPDATE_POLICY = `mutation UpdatePolicy($input: UpdateCampaignPolicyInput!) { updateCampaignPolicy(input: $input) { id } }`;

export const ORGANISATION = `query Organisation {
  organisation { units { code name kind } people { id login displayName role phone email unit { code name } } }
}`;

export const SET_USER_PASSWORD = 'mutation SetUserPassword($login: String!, $password: String!) { setUserPassword(login: $login, password: $password) }';

export const INDICATOR_CODES = 'query IndicatorCodes { catalog { items { name indicators { code name } } } }';

export const BOARD_UNITS = 'query ClockBoardUnits { board { columns { cards { unit { code name } } } } }';
