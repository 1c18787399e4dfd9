
/*
 * -------------------------------------------------------
 * THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
 * -------------------------------------------------------
 */

/* tslint:disable */
/* eslint-disable */

// Generated from graphql/*.graphql by `npm run codegen`. Do not edit.
export type ActivityKind = "CIVIC_EDUCATION" | "VOLUNTEER_SERVICE" | "COUNTRYSIDE_OUTREACH" | "COLLECTION_EXHIBITION" | "OTHER";
export type ActivityState = "PLANNED" | "HELD" | "CANCELLED";
export type ArchiveDocumentKind = "PLAN" | "BRIEFING" | "MINUTES" | "PHOTO" | "OTHER";
export type ArchiveDocumentState = "SUBMITTED" | "ACCEPTED" | "RETURNED";
export type ArchivePackageState = "BUILDING" | "BUILT" | "FAILED" | "SUBMITTED";
export type ServiceScope = "BOARD_READ" | "CAMPAIGN_READ" | "REPORTS_READ";
export type BriefingKind = "WORK_BRIEFING" | "SUPERVISION_CIRCULAR";
export type BriefingState = "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED";
export type Phase = "MOBILIZATION" | "SPECIAL_RECTIFICATION" | "SPRINT" | "INSPECTION" | "REVIEW";
export type CampaignAction = "SET_PHASE_PLAN" | "ADVANCE_PHASE" | "RECORD_SUPERVISION_VISIT" | "RECORD_MEETING" | "RECORD_LEAD_UNIT_MEETING";
export type MeetingKind = "JOINT" | "COORDINATION" | "MOBILIZATION" | "HEARING" | "SUMMARY" | "LEAD_UNIT";
export type CadenceRequirement = "SUPERVISION_VISIT" | "JOINT_MEETING" | "COORDINATION_MEETING" | "UNIT_REPORT_HEARING";
export type ImportProblemCode = "MISSING_HEADER" | "MISSING_VALUE" | "BAD_DATE" | "BAD_STATUS" | "UNKNOWN_UNIT" | "UNKNOWN_INDICATOR" | "DUPLICATE" | "EMPTY_FILE" | "UNREADABLE_FILE" | "TOO_LARGE" | "REASSIGNED" | "UNKNOWN_PERSON" | "AMBIGUOUS_PERSON" | "BAD_VALUE" | "BAD_CHOICE" | "INCONSISTENT" | "NOT_ALLOWED" | "IN_USE" | "REMOVES_IMPORTER";
export type AssessmentMethod = "FIELD" | "MATERIAL" | "SURVEY" | "SIMULATED";
export type ReferenceImportStatus = "REJECTED" | "DRY_RUN" | "UNCHANGED" | "APPLIED";
export type ReferenceChangeKind = "CREATED" | "CHANGED" | "REMOVED";
export type ReferenceEntity = "ASSESSMENT_ITEM" | "INDICATOR" | "UNIT" | "PERSON";
export type SpendingState = "RECORDED" | "PENDING" | "APPROVED" | "REJECTED";
export type FundingTargetKind = "DRIVE" | "TASK";
export type Stage = "SELF_CHECK" | "RECTIFICATION" | "MOCK_ASSESSMENT" | "CONSOLIDATION" | "ARCHIVING" | "ARCHIVED";
export type Classification = "MET" | "NOT_MET" | "UNKNOWN" | "RELAPSE_PRONE";
export type ReviewKind = "SELF_CHECK_REVIEW" | "RECTIFICATION_REVIEW" | "ARCHIVE_REVIEW";
export type IndicatorTaskAction = "SUBMIT_SELF_CHECK" | "CONFIRM_SELF_CHECK" | "RETURN_SELF_CHECK" | "SUBMIT_RECTIFICATION_PLAN" | "REPORT_RECTIFICATION_PROGRESS" | "SUBMIT_RECTIFICATION" | "APPROVE_RECTIFICATION" | "RETURN_RECTIFICATION" | "RECORD_MOCK_ASSESSMENT" | "RECORD_RECHECK" | "START_ARCHIVING" | "SUBMIT_ARCHIVE_MATERIAL" | "ACCEPT_ARCHIVE_MATERIAL" | "RETURN_ARCHIVE_MATERIAL" | "REQUEST_EXTENSION" | "APPROVE_EXTENSION" | "REFUSE_EXTENSION" | "ADD_COMMENT" | "ATTACH_EVIDENCE" | "REASSIGN" | "ASSIGN_RESPONSIBLE_PERSON" | "PROPOSE_ACCOUNTABILITY" | "APPROVE_ACCOUNTABILITY" | "RETURN_ACCOUNTABILITY";
export type ArchiveMaterialStatus = "MISSING" | "SUBMITTED" | "ACCEPTED" | "RETURNED";
export type TaskOrder = "DUE_AT_ASC" | "DUE_AT_DESC" | "UPDATED_AT_DESC" | "INDICATOR_CODE_ASC" | "ESCALATION_DESC";
export type KeyFlagKind = "KEY" | "DIFFICULT" | "BOTH";
export type KeyFlagAction = "SET_KEY_FLAG" | "CLEAR_KEY_FLAG";
export type RoundKind = "MONTHLY_SUPERVISION" | "OPEN_INSPECTION" | "COVERT_INSPECTION" | "MOCK_ASSESSMENT";
export type RoundState = "PLANNED" | "IN_PROGRESS" | "CLOSED";
export type RoundAction = "START_ROUND" | "RECORD_FINDING" | "RECORD_SCORES" | "RECORD_WINDOW_CHECK" | "CLOSE_ROUND";
export type RoundTaskOutcome = "INCOMPLETE" | "APPLYING" | "APPLIED" | "NOT_APPLICABLE";
export type MobilizationDocumentKind = "IMPLEMENTATION_PLAN" | "NOTICE";
export type MobilizationReview = "NONE" | "SUBMITTED" | "APPROVED" | "RETURNED";
export type NotificationKind = "ESCALATION" | "APPROVAL_REQUEST" | "RETURNED" | "EXTENSION_DECISION" | "ITEM_ASSIGNED" | "ACCOUNTABILITY_DECISION";
export type DeliveryChannel = "EMAIL" | "WEBHOOK" | "WECOM" | "DINGTALK" | "SMS";
export type DeliveryStatus = "PENDING" | "SENT" | "FAILED" | "SKIPPED";
export type OfficialNoticeKind = "SUPERVISION" | "RECTIFICATION" | "INTERVIEW";
export type OfficialNoticeState = "ISSUED" | "ACKNOWLEDGED";
export type WorkingGroupCode = "PLANNING" | "PUBLICITY" | "ARCHIVES" | "LOGISTICS" | "ACTIVITIES" | "SUPERVISION";
export type PublicityChannel = "PUBLIC_SERVICE_AD" | "BULLETIN_BOARD" | "BANNER" | "ELECTRONIC_SCREEN" | "BROCHURE" | "SMS" | "NEW_MEDIA";
export type ItemState = "REPORTED" | "DISPATCHED" | "RECTIFYING" | "SUBMITTED" | "RETURNED" | "VERIFIED" | "RECHECK" | "CLOSED";
export type ItemSource = "SUPERVISION" | "OPEN_INSPECTION" | "COVERT_INSPECTION" | "MOCK_ASSESSMENT" | "LEADER_VISIT" | "CITIZEN_REPORT" | "LOCAL_REPORT" | "LEAD_UNIT_MEETING";
export type ItemAction = "DISPATCH" | "START_RECTIFICATION" | "SUBMIT_RECTIFICATION" | "VERIFY" | "RETURN" | "RECORD_RECHECK" | "REQUEST_EXTENSION" | "APPROVE_EXTENSION" | "REFUSE_EXTENSION" | "REQUEST_DISPATCH_RETURN" | "APPROVE_DISPATCH_RETURN" | "REFUSE_DISPATCH_RETURN" | "REPORT_DUPLICATE" | "ASSIGN_RESPONSIBLE_PERSON";
export type ItemOrder = "DUE_AT_ASC" | "REPORTED_AT_DESC" | "UPDATED_AT_DESC";
export type DeductionCode = "LATE_WORK" | "OVERDUE" | "RELAPSE" | "RETURNED" | "URGE" | "SUPERVISE" | "INTERVIEW" | "ACCOUNTABILITY" | "ACCOUNTABILITY_DECISION";
export type Role = "LEADER" | "OFFICE" | "SUPERVISOR" | "ARCHIVIST" | "UNIT_HEAD" | "UNIT_MEMBER";
export type UnitKind = "DEPARTMENT" | "COMMUNITY" | "VILLAGE" | "ENTERPRISE" | "SCHOOL" | "SERVICE_WINDOW";
export type RectificationArea = "TRAFFIC_ORDER" | "CITY_APPEARANCE" | "PUBLIC_SECURITY" | "SANITATION" | "MARKETS" | "SERVICE_WINDOWS";
export type EscalationLevel = "REMINDER" | "URGE" | "SUPERVISE" | "INTERVIEW" | "ACCOUNTABILITY";
export type AccountabilityForm = "CRITICISM_NOTICE" | "INTERVIEW" | "ADMONITION" | "OTHER";
export type AccountabilityStatus = "PENDING" | "APPROVED" | "RETURNED";
export type AccountabilityAction = "PROPOSE_ACCOUNTABILITY" | "APPROVE_ACCOUNTABILITY" | "RETURN_ACCOUNTABILITY";
export type ExportFormat = "XLSX" | "CSV";
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_USER_INPUT" | "CONFLICT" | "ILLEGAL_TRANSITION" | "UNAVAILABLE" | "INTERNAL_SERVER_ERROR" | "QUERY_TOO_DEEP" | "QUERY_TOO_COMPLEX" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "IDEMPOTENCY_KEY_REUSED" | "EVENT_APPEND_FAILED";
export type SelfEvaluationState = "OPEN" | "CLOSED";
export type SelfEvaluationFormState = "MISSING" | "SUBMITTED" | "RETURNED";
export type SelfAssessedStatus = "MET" | "NOT_MET" | "UNKNOWN";
export type AppraisalGrade = "EXCELLENT" | "GOOD" | "PASS" | "FAIL";
export type WorkingGroupRatingValue = "MET" | "NOT_MET";
export type SpecialDriveState = "ACTIVE" | "SUMMARY_SUBMITTED" | "RETURNED" | "CLOSED";
export type SpecialDriveItemLink = "AUTO" | "MANUAL";
export type SurveyRoundState = "OPEN" | "CLOSED";
export type SurveyMethod = "IN_PERSON" | "INTERCEPT" | "ONLINE" | "PHONE";
export type ImportStatus = "REJECTED" | "DRY_RUN" | "UNCHANGED" | "APPLYING" | "APPLIED";
export type TaskChangeKind = "CREATED" | "CHANGED" | "REMOVED";
export type UnitReportState = "OPEN" | "SUBMITTED" | "RETURNED" | "ACCEPTED";
export type DayCounting = "CALENDAR" | "WORKING";
export type WorkingDayKind = "WORKDAY" | "RESTDAY";

export interface ActivityFilter {
    campaignId?: Nullable<string>;
    month?: Nullable<string>;
    kind?: Nullable<ActivityKind>;
    organiserUnitCode?: Nullable<string>;
    state?: Nullable<ActivityState>;
}

export interface PlanActivityInput {
    campaignId?: Nullable<string>;
    kind: ActivityKind;
    title: string;
    organiserUnitCode: string;
    plannedDate: string;
    place: string;
    indicatorCodes: string[];
}

export interface RecordActivityHeldInput {
    activityId: string;
    heldDate: string;
    attendance: number;
    photoFileIds?: Nullable<string[]>;
    summary: string;
    expectedVersion?: Nullable<number>;
}

export interface SubmitArchiveDocumentInput {
    campaignId?: Nullable<string>;
    title: string;
    kind: ArchiveDocumentKind;
    fileId: string;
    tags?: Nullable<string[]>;
    unitCode?: Nullable<string>;
}

export interface ResubmitArchiveDocumentInput {
    id: string;
    title?: Nullable<string>;
    fileId?: Nullable<string>;
    tags?: Nullable<string[]>;
    note?: Nullable<string>;
}

export interface SignInInput {
    login: string;
    password: string;
}

export interface CreateServiceAccountInput {
    name: string;
    description?: Nullable<string>;
    scopes: ServiceScope[];
    expiresAt?: Nullable<DateTime>;
}

export interface BriefingSectionInput {
    heading: string;
    body: string;
}

export interface BriefingDraftInput {
    title: string;
    sections: BriefingSectionInput[];
    attachmentIds?: Nullable<string[]>;
    namedUnitCodes?: Nullable<string[]>;
    ackDays?: Nullable<number>;
}

export interface CreateBriefingInput {
    campaignId?: Nullable<string>;
    kind: BriefingKind;
    draft: BriefingDraftInput;
}

export interface PhasePlanInput {
    phase: Phase;
    startDate?: Nullable<string>;
}

export interface SetCampaignPhasePlanInput {
    campaignId: string;
    plan: PhasePlanInput[];
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface AdvanceCampaignPhaseInput {
    campaignId: string;
    to: Phase;
    overrideReason?: Nullable<string>;
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface RecordSupervisionVisitInput {
    campaignId: string;
    date: string;
    places: string[];
    visitors: string[];
    unitCodes?: Nullable<string[]>;
    notes: string;
}

export interface MeetingDecisionInput {
    text: string;
    unitCode?: Nullable<string>;
    dueDate?: Nullable<string>;
}

export interface RecordCampaignMeetingInput {
    campaignId: string;
    kind: MeetingKind;
    date: string;
    title?: Nullable<string>;
    attendees: string[];
    unitCodes?: Nullable<string[]>;
    absentUnitCodes?: Nullable<string[]>;
    minutes: string;
    decisions?: Nullable<MeetingDecisionInput[]>;
}

export interface EscalationHoursInput {
    URGE?: Nullable<number>;
    SUPERVISE?: Nullable<number>;
    INTERVIEW?: Nullable<number>;
    ACCOUNTABILITY?: Nullable<number>;
}

export interface RecheckDaysInput {
    relapseProne?: Nullable<number>;
    other?: Nullable<number>;
}

export interface UpdateCampaignPolicyInput {
    campaignId: string;
    selfCheckDays?: Nullable<number>;
    rectificationDays?: Nullable<number>;
    mockAssessmentDays?: Nullable<number>;
    mockPassRate?: Nullable<number>;
    reminderBeforeHours?: Nullable<number>;
    escalationAfterHours?: Nullable<EscalationHoursInput>;
    recheckDays?: Nullable<RecheckDaysInput>;
    archiveDueAt?: Nullable<DateTime>;
    dayCounting?: Nullable<DayCounting>;
}

export interface ImportCatalogInput {
    fileName: string;
    contentBase64: string;
    dryRun?: Nullable<boolean>;
    title?: Nullable<string>;
}

export interface AddBudgetLineInput {
    campaignId?: Nullable<string>;
    year: number;
    name: string;
    amountFen: Fen;
    unitCode?: Nullable<string>;
    purpose?: Nullable<string>;
}

export interface AmendBudgetLineInput {
    id: string;
    name: string;
    amountFen: Fen;
    unitCode?: Nullable<string>;
    purpose?: Nullable<string>;
}

export interface AllocateFundsInput {
    lineId: string;
    targetKind: FundingTargetKind;
    area?: Nullable<RectificationArea>;
    taskId?: Nullable<string>;
    amountFen: Fen;
    note?: Nullable<string>;
}

export interface RecordSpendingInput {
    lineId: string;
    allocationId?: Nullable<string>;
    amountFen: Fen;
    payee: string;
    spentOn: string;
    purpose: string;
    receiptFileIds?: Nullable<string[]>;
}

export interface TaskFilter {
    unitCode?: Nullable<string>;
    assessmentItemCode?: Nullable<string>;
    indicatorCode?: Nullable<string>;
    stages?: Nullable<Stage[]>;
    classifications?: Nullable<Classification[]>;
    overdue?: Nullable<boolean>;
    dueBefore?: Nullable<DateTime>;
    escalated?: Nullable<boolean>;
    area?: Nullable<RectificationArea>;
    classified?: Nullable<boolean>;
    deadlineFrom?: Nullable<DateTime>;
    deadlineBefore?: Nullable<DateTime>;
    search?: Nullable<string>;
    awaitingMyDecision?: Nullable<boolean>;
    keyDifficult?: Nullable<boolean>;
}

export interface SubmitSelfCheckInput {
    taskId: string;
    classification: Classification;
    note: string;
    expectedVersion?: Nullable<number>;
}

export interface ApproveInput {
    taskId: string;
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface ProposeAccountabilityDecisionInput {
    taskId: string;
    holdsUnit: boolean;
    personLogins: string[];
    form: AccountabilityForm;
    formNote?: Nullable<string>;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface ReturnInput {
    taskId: string;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface NoteInput {
    taskId: string;
    note: string;
    expectedVersion?: Nullable<number>;
}

export interface RectificationPlanInput {
    taskId: string;
    plan: string;
    deadline: DateTime;
    expectedVersion?: Nullable<number>;
}

export interface RecordRecheckInput {
    taskId: string;
    passed: boolean;
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface RequestExtensionInput {
    taskId: string;
    requestedDueAt: DateTime;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface AddCommentInput {
    taskId: string;
    text: string;
    expectedVersion?: Nullable<number>;
}

export interface UploadEvidenceInput {
    taskId: string;
    fileId?: Nullable<string>;
    fileName?: Nullable<string>;
    contentBase64?: Nullable<string>;
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface CriterionScoreInput {
    criterionCode: string;
    score: number;
}

export interface RecordMockAssessmentInput {
    taskId: string;
    scores: CriterionScoreInput[];
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface SubmitArchiveMaterialInput {
    taskId: string;
    materialCode: string;
    fileId?: Nullable<string>;
    fileName?: Nullable<string>;
    contentBase64?: Nullable<string>;
    evidenceSha256?: Nullable<string>;
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface AcceptArchiveMaterialInput {
    taskId: string;
    materialCode: string;
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface ReturnArchiveMaterialInput {
    taskId: string;
    materialCode: string;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface AssignTaskResponsiblePersonInput {
    taskId: string;
    login: string;
    expectedVersion?: Nullable<number>;
}

export interface ReassignTaskInput {
    taskId: string;
    unitCode: string;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface SetTaskKeyFlagInput {
    taskId: string;
    kind: KeyFlagKind;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface ClearTaskKeyFlagInput {
    taskId: string;
    reason?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface PlanInspectionRoundInput {
    campaignId?: Nullable<string>;
    kind: RoundKind;
    title: string;
    plannedOn: string;
    places?: Nullable<string[]>;
    indicatorCodes?: Nullable<string[]>;
}

export interface RoundActionInput {
    roundId: string;
    action: RoundAction;
    note?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface RecordFindingInput {
    roundId: string;
    area: RectificationArea;
    location: ItemLocationInput;
    description: string;
    photos?: Nullable<ItemPhotoInput[]>;
    indicatorTaskId?: Nullable<string>;
    criterionCode?: Nullable<string>;
    unitCode?: Nullable<string>;
    dueAt?: Nullable<DateTime>;
}

export interface RecordRoundScoresInput {
    roundId: string;
    scores: CriterionScoreInput[];
    unitCode?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface WindowCheckPointInput {
    code: string;
    passed: boolean;
    note?: Nullable<string>;
    photos?: Nullable<ItemPhotoInput[]>;
}

export interface RecordWindowCheckInput {
    roundId: string;
    unitCode: string;
    results: WindowCheckPointInput[];
    expectedVersion?: Nullable<number>;
}

export interface WindowChecklistPointInput {
    code: string;
    label: string;
}

export interface SaveWindowChecklistInput {
    campaignId?: Nullable<string>;
    points: WindowChecklistPointInput[];
    expectedVersion?: Nullable<number>;
}

export interface LeadUnitDecisionInput {
    text: string;
    unitCode?: Nullable<string>;
    dueDate?: Nullable<string>;
    area?: Nullable<RectificationArea>;
    location?: Nullable<ItemLocationInput>;
    taskId?: Nullable<string>;
}

export interface RecordLeadUnitMeetingInput {
    campaignId?: Nullable<string>;
    date: string;
    title: string;
    attendees: string[];
    unitCodes: string[];
    minutes: string;
    decisions?: Nullable<LeadUnitDecisionInput[]>;
}

export interface LocalProblemInput {
    campaignId?: Nullable<string>;
    area: RectificationArea;
    location: ItemLocationInput;
    description: string;
    photos?: Nullable<ItemPhotoInput[]>;
    indicatorTaskId?: Nullable<string>;
}

export interface IssueMobilizationDocumentInput {
    campaignId?: Nullable<string>;
    kind: MobilizationDocumentKind;
    title: string;
    summary: string;
    fileId: string;
    unitCodes?: Nullable<string[]>;
    requiresPlan: boolean;
    requiresGroup: boolean;
    dueAt: DateTime;
}

export interface MobilizationGroupInput {
    leader: string;
    members: string[];
    phone: string;
}

export interface GenerateMonthlyReportInput {
    campaignId: string;
    month: string;
}

export interface NotificationPreferencesInput {
    channels?: Nullable<DeliveryChannel[]>;
    defaultChannels?: Nullable<boolean>;
    quietHoursEnabled?: Nullable<boolean>;
    quietStart?: Nullable<string>;
    quietEnd?: Nullable<string>;
}

export interface IssueOfficialNoticeInput {
    kind: OfficialNoticeKind;
    taskId?: Nullable<string>;
    itemId?: Nullable<string>;
    note?: Nullable<string>;
}

export interface ImportFileInput {
    fileName: string;
    contentBase64: string;
}

export interface ImportOrganisationInput {
    files: ImportFileInput[];
    dryRun?: Nullable<boolean>;
}

export interface PublicityFilter {
    unitCode?: Nullable<string>;
    channel?: Nullable<PublicityChannel>;
    month?: Nullable<string>;
    indicatorCode?: Nullable<string>;
}

export interface RecordPublicityEntryInput {
    campaignId?: Nullable<string>;
    channel: PublicityChannel;
    location: string;
    unitCode: string;
    count: number;
    heldOn: string;
    indicatorCodes?: Nullable<string[]>;
    photoFileIds?: Nullable<string[]>;
    note?: Nullable<string>;
}

export interface CorrectPublicityEntryInput {
    id: string;
    channel: PublicityChannel;
    location: string;
    unitCode: string;
    count: number;
    heldOn: string;
    indicatorCodes?: Nullable<string[]>;
    keepPhotos?: Nullable<string[]>;
    photoFileIds?: Nullable<string[]>;
    note?: Nullable<string>;
    reason: string;
}

export interface ItemFilter {
    unitCode?: Nullable<string>;
    assessmentItemCode?: Nullable<string>;
    indicatorCode?: Nullable<string>;
    area?: Nullable<RectificationArea>;
    states?: Nullable<ItemState[]>;
    sources?: Nullable<ItemSource[]>;
    overdue?: Nullable<boolean>;
    dueBefore?: Nullable<DateTime>;
    awaitingMyDecision?: Nullable<boolean>;
    deadlineFrom?: Nullable<DateTime>;
    deadlineBefore?: Nullable<DateTime>;
    search?: Nullable<string>;
    keyDifficult?: Nullable<boolean>;
}

export interface ItemLocationInput {
    address: string;
    latitude?: Nullable<number>;
    longitude?: Nullable<number>;
}

export interface ItemPhotoInput {
    fileId?: Nullable<string>;
    fileName?: Nullable<string>;
    contentBase64?: Nullable<string>;
}

export interface ReportItemInput {
    campaignId?: Nullable<string>;
    source: ItemSource;
    area: RectificationArea;
    location: ItemLocationInput;
    description: string;
    photos?: Nullable<ItemPhotoInput[]>;
    indicatorTaskId?: Nullable<string>;
    criterionCode?: Nullable<string>;
    unitCode?: Nullable<string>;
    dueAt?: Nullable<DateTime>;
}

export interface ItemActionInput {
    itemId: string;
    action: ItemAction;
    unitCode?: Nullable<string>;
    dueAt?: Nullable<DateTime>;
    note?: Nullable<string>;
    reason?: Nullable<string>;
    passed?: Nullable<boolean>;
    requestedDueAt?: Nullable<DateTime>;
    photos?: Nullable<ItemPhotoInput[]>;
    expectedVersion?: Nullable<number>;
}

export interface ProposeItemAccountabilityDecisionInput {
    itemId: string;
    holdsUnit: boolean;
    personLogins: string[];
    form: AccountabilityForm;
    formNote?: Nullable<string>;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface ItemAccountabilityReviewInput {
    itemId: string;
    note?: Nullable<string>;
    reason?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface MeetingDecisionToItemInput {
    campaignId?: Nullable<string>;
    meetingId: string;
    decisionIndex: number;
    area: RectificationArea;
    location: ItemLocationInput;
    criterionCode?: Nullable<string>;
}

export interface MeetingDecisionToTaskInput {
    campaignId?: Nullable<string>;
    meetingId: string;
    decisionIndex: number;
    indicatorCode: string;
    leadUnitCode: string;
}

export interface SetItemKeyFlagInput {
    itemId: string;
    kind: KeyFlagKind;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface ClearItemKeyFlagInput {
    itemId: string;
    reason?: Nullable<string>;
    expectedVersion?: Nullable<number>;
}

export interface AssignItemResponsiblePersonInput {
    itemId: string;
    login: string;
    expectedVersion?: Nullable<number>;
}

export interface OpenSelfEvaluationRoundInput {
    campaignId?: Nullable<string>;
    title: string;
    periodStart: string;
    periodEnd: string;
    dueDate: string;
    unitCodes?: Nullable<string[]>;
    includeSubdistrict?: Nullable<boolean>;
}

export interface SelfEvaluationItemInput {
    taskId: string;
    status: SelfAssessedStatus;
    note?: Nullable<string>;
}

export interface SubmitSelfEvaluationInput {
    roundId: string;
    unitCode: string;
    items: SelfEvaluationItemInput[];
    achievements: string;
    shortcomings: string;
    nextSteps: string;
    selfGrade: AppraisalGrade;
}

export interface GradeUnitInput {
    campaignId?: Nullable<string>;
    unitCode: string;
    grade: AppraisalGrade;
    comment: string;
    reason?: Nullable<string>;
}

export interface RateWorkingGroupInput {
    campaignId?: Nullable<string>;
    group: WorkingGroupCode;
    rating: WorkingGroupRatingValue;
    comment: string;
    reason?: Nullable<string>;
}

export interface SpecialDrivePlanInput {
    campaignId?: Nullable<string>;
    area: RectificationArea;
    leadUnitCode: string;
    startDate: string;
    endDate: string;
    goals: string;
    participatingUnitCodes: string[];
}

export interface SubmitSpecialDriveSummaryInput {
    campaignId?: Nullable<string>;
    area: RectificationArea;
    summary: string;
    fileIds?: Nullable<string[]>;
    keepAttachments?: Nullable<string[]>;
}

export interface PlanSurveyRoundInput {
    campaignId?: Nullable<string>;
    title: string;
    method: SurveyMethod;
    startDate: string;
    endDate: string;
    unitCodes?: Nullable<string[]>;
}

export interface RecordSurveyResultsInput {
    roundId: string;
    unitCode: string;
    sample: number;
    aware: number;
    supporting: number;
    participating: number;
    satisfied: number;
    expectedVersion?: Nullable<number>;
}

export interface CiteSurveyRoundInput {
    taskId: string;
    roundId: string;
    note?: Nullable<string>;
}

export interface ImportTaskBreakdownInput {
    campaignId?: Nullable<string>;
    fileName: string;
    contentBase64: string;
    dryRun?: Nullable<boolean>;
}

export interface SubmitUnitReportInput {
    reportId: string;
    progress: string;
    problems: string;
    nextSteps: string;
    fileIds?: Nullable<string[]>;
    keepAttachments?: Nullable<string[]>;
}

export interface ImportWorkingDayOverridesInput {
    file: ImportFileInput;
    dryRun?: Nullable<boolean>;
}

export interface ActivityPhoto {
    name: string;
    size: number;
    mimeType: string;
    sha256: string;
    url: string;
}

export interface ActivityIndicator {
    code: string;
    name: string;
}

export interface ActivityHistoryEntry {
    at: DateTime;
    type: string;
    label: string;
    actorName: string;
    note: string;
}

export interface Activity {
    id: string;
    campaignId: string;
    kind: ActivityKind;
    kindLabel: string;
    title: string;
    organiser: Unit;
    plannedDate: string;
    place: string;
    indicators: ActivityIndicator[];
    state: ActivityState;
    stateLabel: string;
    heldDate?: Nullable<string>;
    attendance?: Nullable<number>;
    photos: ActivityPhoto[];
    summary?: Nullable<string>;
    cancelReason?: Nullable<string>;
    dueAt: DateTime;
    overdue: boolean;
    escalationLabel?: Nullable<string>;
    archiveDocumentId?: Nullable<string>;
    version: number;
    canRecordHeld: boolean;
    canCancel: boolean;
    canArchive: boolean;
    history: ActivityHistoryEntry[];
}

export interface ActivityCount {
    month: string;
    kind?: Nullable<ActivityKind>;
    kindLabel?: Nullable<string>;
    planned: number;
    held: number;
    cancelled: number;
    attendance: number;
}

export interface ActivityMonthlyCounts {
    months: ActivityCount[];
    byKind: ActivityCount[];
}

export interface IQuery {
    activities(filter?: Nullable<ActivityFilter>): Activity[] | Promise<Activity[]>;
    activity(id: string): Activity | Promise<Activity>;
    activityMonthlyCounts(campaignId?: Nullable<string>): ActivityMonthlyCounts | Promise<ActivityMonthlyCounts>;
    exportActivities(filter?: Nullable<ActivityFilter>): ExportedFile | Promise<ExportedFile>;
    archiveDocuments(campaignId?: Nullable<string>, state?: Nullable<ArchiveDocumentState>, first?: Nullable<number>): ArchiveDocument[] | Promise<ArchiveDocument[]>;
    archivePackages(campaignId?: Nullable<string>, first?: Nullable<number>): ArchivePackage[] | Promise<ArchivePackage[]>;
    accessDenials(first?: Nullable<number>, after?: Nullable<string>, since?: Nullable<DateTime>): AccessDenialPage | Promise<AccessDenialPage>;
    me(): Me | Promise<Me>;
    serviceAccounts(): ServiceAccount[] | Promise<ServiceAccount[]>;
    briefings(campaignId?: Nullable<string>, kind?: Nullable<BriefingKind>, state?: Nullable<BriefingState>, awaitingMyAcknowledgement?: Nullable<boolean>, first?: Nullable<number>): Briefing[] | Promise<Briefing[]>;
    briefing(id: string): Briefing | Promise<Briefing>;
    briefingPrefill(kind: BriefingKind, campaignId?: Nullable<string>, month?: Nullable<string>): BriefingPrefill | Promise<BriefingPrefill>;
    campaigns(): Campaign[] | Promise<Campaign[]>;
    campaign(id?: Nullable<string>): Campaign | Promise<Campaign>;
    catalog(version?: Nullable<number>): AssessmentSystem | Promise<AssessmentSystem>;
    catalogVersions(): CatalogVersion[] | Promise<CatalogVersion[]>;
    exportCatalog(format: ExportFormat, version?: Nullable<number>): ExportedFile | Promise<ExportedFile>;
    fundingLedger(year?: Nullable<number>, campaignId?: Nullable<string>): FundingLedger | Promise<FundingLedger>;
    exportFundingLedger(format: ExportFormat, year?: Nullable<number>, campaignId?: Nullable<string>): ExportedFile | Promise<ExportedFile>;
    indicatorTask(id: string): IndicatorTask | Promise<IndicatorTask>;
    board(campaignId?: Nullable<string>, unitCode?: Nullable<string>, filter?: Nullable<TaskFilter>, first?: Nullable<number>): Board | Promise<Board>;
    boardColumn(stage: Stage, campaignId?: Nullable<string>, unitCode?: Nullable<string>, filter?: Nullable<TaskFilter>, first?: Nullable<number>, after?: Nullable<string>): BoardColumn | Promise<BoardColumn>;
    tasks(campaignId?: Nullable<string>, filter?: Nullable<TaskFilter>, orderBy?: Nullable<TaskOrder>, first?: Nullable<number>, after?: Nullable<string>): IndicatorTaskConnection | Promise<IndicatorTaskConnection>;
    inspectionRounds(campaignId?: Nullable<string>, kind?: Nullable<RoundKind>): InspectionRound[] | Promise<InspectionRound[]>;
    inspectionRound(id: string): InspectionRound | Promise<InspectionRound>;
    windowChecklist(campaignId?: Nullable<string>): WindowChecklist | Promise<WindowChecklist>;
    windowServiceUnits(): Unit[] | Promise<Unit[]>;
    exportWindowChecks(campaignId?: Nullable<string>): ExportedFile | Promise<ExportedFile>;
    publicCivilityIndex(campaignId?: Nullable<string>): PublicCivilityIndexPoint[] | Promise<PublicCivilityIndexPoint[]>;
    localReports(campaignId?: Nullable<string>, unitCode?: Nullable<string>, awaitingDispatch?: Nullable<boolean>, first?: Nullable<number>): RectificationItem[] | Promise<RectificationItem[]>;
    exportLocalReports(campaignId?: Nullable<string>, unitCode?: Nullable<string>, awaitingDispatch?: Nullable<boolean>): ExportedFile | Promise<ExportedFile>;
    mobilizationDocuments(campaignId?: Nullable<string>, first?: Nullable<number>): MobilizationDocument[] | Promise<MobilizationDocument[]>;
    mobilizationDocument(id: string): MobilizationDocument | Promise<MobilizationDocument>;
    monthlyReport(campaignId: string, month: string): Nullable<MonthlyReport> | Promise<Nullable<MonthlyReport>>;
    exportMonthlyReport(campaignId: string, month: string): ExportedFile | Promise<ExportedFile>;
    notifications(first?: Nullable<number>, after?: Nullable<string>, unreadOnly?: Nullable<boolean>): NotificationConnection | Promise<NotificationConnection>;
    myNotificationPreferences(): NotificationPreferences | Promise<NotificationPreferences>;
    notificationLog(taskId?: Nullable<string>, itemId?: Nullable<string>): NotificationLogEntry[] | Promise<NotificationLogEntry[]>;
    officialNotices(campaignId?: Nullable<string>, unacknowledgedOnly?: Nullable<boolean>, first?: Nullable<number>): OfficialNotice[] | Promise<OfficialNotice[]>;
    officialNoticeTemplates(): OfficialNoticeTemplate[] | Promise<OfficialNoticeTemplate[]>;
    organisation(): Organisation | Promise<Organisation>;
    units(): Unit[] | Promise<Unit[]>;
    publicityLedger(campaignId?: Nullable<string>, filter?: Nullable<PublicityFilter>): PublicityLedger | Promise<PublicityLedger>;
    exportPublicityLedger(format: ExportFormat, campaignId?: Nullable<string>, filter?: Nullable<PublicityFilter>): ExportedFile | Promise<ExportedFile>;
    rectificationItem(id: string): RectificationItem | Promise<RectificationItem>;
    itemBoard(campaignId?: Nullable<string>, unitCode?: Nullable<string>, area?: Nullable<RectificationArea>, source?: Nullable<ItemSource>, filter?: Nullable<ItemFilter>, first?: Nullable<number>): ItemBoard | Promise<ItemBoard>;
    itemBoardColumn(state: ItemState, campaignId?: Nullable<string>, unitCode?: Nullable<string>, area?: Nullable<RectificationArea>, source?: Nullable<ItemSource>, filter?: Nullable<ItemFilter>, first?: Nullable<number>, after?: Nullable<string>): ItemColumn | Promise<ItemColumn>;
    items(campaignId?: Nullable<string>, filter?: Nullable<ItemFilter>, orderBy?: Nullable<ItemOrder>, first?: Nullable<number>, after?: Nullable<string>): RectificationItemConnection | Promise<RectificationItemConnection>;
    performanceAssessment(campaignId?: Nullable<string>, from?: Nullable<DateTime>, to?: Nullable<DateTime>, unitCode?: Nullable<string>): PerformanceAssessment | Promise<PerformanceAssessment>;
    unitRanking(campaignId?: Nullable<string>, weeks?: Nullable<number>, asOf?: Nullable<DateTime>, top?: Nullable<number>, flagAfterWeeks?: Nullable<number>): UnitRanking | Promise<UnitRanking>;
    boardAsOf(asOf: DateTime, campaignId?: Nullable<string>, unitCode?: Nullable<string>, first?: Nullable<number>): Board | Promise<Board>;
    boardAsOfColumn(asOf: DateTime, stage: Stage, campaignId?: Nullable<string>, unitCode?: Nullable<string>, first?: Nullable<number>, after?: Nullable<string>): BoardColumn | Promise<BoardColumn>;
    exportPerformanceAssessment(format: ExportFormat, campaignId?: Nullable<string>, from?: Nullable<DateTime>, to?: Nullable<DateTime>): ExportedFile | Promise<ExportedFile>;
    selfEvaluationRounds(campaignId?: Nullable<string>): SelfEvaluationRound[] | Promise<SelfEvaluationRound[]>;
    selfEvaluationRound(id: string): SelfEvaluationRound | Promise<SelfEvaluationRound>;
    exportSelfEvaluationRound(id: string): ExportedFile | Promise<ExportedFile>;
    appraisal(campaignId?: Nullable<string>): Appraisal | Promise<Appraisal>;
    specialDrives(campaignId?: Nullable<string>): SpecialDrive[] | Promise<SpecialDrive[]>;
    specialDrive(area: RectificationArea, campaignId?: Nullable<string>): Nullable<SpecialDrive> | Promise<Nullable<SpecialDrive>>;
    exportSpecialDrives(campaignId?: Nullable<string>, area?: Nullable<RectificationArea>): ExportedFile | Promise<ExportedFile>;
    surveyRounds(campaignId?: Nullable<string>): SurveyRound[] | Promise<SurveyRound[]>;
    surveyRound(id: string): SurveyRound | Promise<SurveyRound>;
    surveyCommunities(): Unit[] | Promise<Unit[]>;
    surveyTrend(campaignId?: Nullable<string>): SurveyTrend | Promise<SurveyTrend>;
    exportSurveyRound(id: string): ExportedFile | Promise<ExportedFile>;
    exportSurveyTrend(campaignId?: Nullable<string>): ExportedFile | Promise<ExportedFile>;
    taskBreakdownImport(id: string): TaskBreakdownImport | Promise<TaskBreakdownImport>;
    taskBreakdownImports(campaignId?: Nullable<string>, first?: Nullable<number>): TaskBreakdownImport[] | Promise<TaskBreakdownImport[]>;
    unitReportMonth(month: string, campaignId?: Nullable<string>): UnitReportMonth | Promise<UnitReportMonth>;
    unitReport(id: string): UnitReport | Promise<UnitReport>;
    workingDayCalendar(): WorkingDayCalendar | Promise<WorkingDayCalendar>;
}

export interface IMutation {
    planActivity(input: PlanActivityInput): Activity | Promise<Activity>;
    recordActivityHeld(input: RecordActivityHeldInput): Activity | Promise<Activity>;
    cancelActivity(id: string, reason: string): Activity | Promise<Activity>;
    archiveActivityEvidence(id: string): ArchiveDocument | Promise<ArchiveDocument>;
    submitArchiveDocument(input: SubmitArchiveDocumentInput): ArchiveDocument | Promise<ArchiveDocument>;
    acceptArchiveDocument(id: string, note?: Nullable<string>): ArchiveDocument | Promise<ArchiveDocument>;
    returnArchiveDocument(id: string, reason: string): ArchiveDocument | Promise<ArchiveDocument>;
    resubmitArchiveDocument(input: ResubmitArchiveDocumentInput): ArchiveDocument | Promise<ArchiveDocument>;
    exportArchivePackage(campaignId?: Nullable<string>): ArchivePackage | Promise<ArchivePackage>;
    submitArchivePackage(id: string, note?: Nullable<string>): ArchivePackage | Promise<ArchivePackage>;
    signIn(input: SignInInput): Session | Promise<Session>;
    refreshSession(refreshToken: string): Session | Promise<Session>;
    signOut(): boolean | Promise<boolean>;
    changePassword(currentPassword: string, newPassword: string): boolean | Promise<boolean>;
    setUserPassword(login: string, password: string): boolean | Promise<boolean>;
    createServiceAccount(input: CreateServiceAccountInput): ServiceAccountKey | Promise<ServiceAccountKey>;
    rotateServiceAccountKey(id: string): ServiceAccountKey | Promise<ServiceAccountKey>;
    revokeServiceAccount(id: string): ServiceAccount | Promise<ServiceAccount>;
    createBriefing(input: CreateBriefingInput): Briefing | Promise<Briefing>;
    updateBriefingDraft(id: string, draft: BriefingDraftInput, expectedVersion?: Nullable<number>): Briefing | Promise<Briefing>;
    submitBriefing(id: string): Briefing | Promise<Briefing>;
    approveBriefing(id: string, note?: Nullable<string>): Briefing | Promise<Briefing>;
    returnBriefing(id: string, reason: string): Briefing | Promise<Briefing>;
    publishBriefing(id: string): Briefing | Promise<Briefing>;
    acknowledgeBriefing(id: string, note?: Nullable<string>): Briefing | Promise<Briefing>;
    setCampaignPhasePlan(input: SetCampaignPhasePlanInput): Campaign | Promise<Campaign>;
    advanceCampaignPhase(input: AdvanceCampaignPhaseInput): Campaign | Promise<Campaign>;
    recordSupervisionVisit(input: RecordSupervisionVisitInput): SupervisionVisit | Promise<SupervisionVisit>;
    recordCampaignMeeting(input: RecordCampaignMeetingInput): CampaignMeeting | Promise<CampaignMeeting>;
    updateCampaignPolicy(input: UpdateCampaignPolicyInput): Campaign | Promise<Campaign>;
    importCatalog(input: ImportCatalogInput): CatalogImport | Promise<CatalogImport>;
    setFundingApprovalThreshold(thresholdFen: Fen, campaignId?: Nullable<string>): Fen | Promise<Fen>;
    addBudgetLine(input: AddBudgetLineInput): BudgetLine | Promise<BudgetLine>;
    amendBudgetLine(input: AmendBudgetLineInput): BudgetLine | Promise<BudgetLine>;
    allocateFunds(input: AllocateFundsInput): FundingAllocation | Promise<FundingAllocation>;
    recordSpending(input: RecordSpendingInput): Spending | Promise<Spending>;
    approveSpending(id: string, note?: Nullable<string>): Spending | Promise<Spending>;
    rejectSpending(id: string, reason: string): Spending | Promise<Spending>;
    submitSelfCheck(input: SubmitSelfCheckInput): IndicatorTask | Promise<IndicatorTask>;
    confirmSelfCheck(input: ApproveInput): IndicatorTask | Promise<IndicatorTask>;
    returnSelfCheck(input: ReturnInput): IndicatorTask | Promise<IndicatorTask>;
    submitRectificationPlan(input: RectificationPlanInput): IndicatorTask | Promise<IndicatorTask>;
    reportRectificationProgress(input: NoteInput): IndicatorTask | Promise<IndicatorTask>;
    submitRectification(input: NoteInput): IndicatorTask | Promise<IndicatorTask>;
    approveRectification(input: ApproveInput): IndicatorTask | Promise<IndicatorTask>;
    returnRectification(input: ReturnInput): IndicatorTask | Promise<IndicatorTask>;
    recordMockAssessment(input: RecordMockAssessmentInput): IndicatorTask | Promise<IndicatorTask>;
    recordRecheck(input: RecordRecheckInput): IndicatorTask | Promise<IndicatorTask>;
    requestExtension(input: RequestExtensionInput): IndicatorTask | Promise<IndicatorTask>;
    approveExtension(input: ApproveInput): IndicatorTask | Promise<IndicatorTask>;
    refuseExtension(input: ReturnInput): IndicatorTask | Promise<IndicatorTask>;
    addComment(input: AddCommentInput): IndicatorTask | Promise<IndicatorTask>;
    uploadEvidence(input: UploadEvidenceInput): IndicatorTask | Promise<IndicatorTask>;
    startArchiving(input: ApproveInput): IndicatorTask | Promise<IndicatorTask>;
    submitArchiveMaterial(input: SubmitArchiveMaterialInput): IndicatorTask | Promise<IndicatorTask>;
    acceptArchiveMaterial(input: AcceptArchiveMaterialInput): IndicatorTask | Promise<IndicatorTask>;
    returnArchiveMaterial(input: ReturnArchiveMaterialInput): IndicatorTask | Promise<IndicatorTask>;
    reassignTask(input: ReassignTaskInput): IndicatorTask | Promise<IndicatorTask>;
    assignTaskResponsiblePerson(input: AssignTaskResponsiblePersonInput): IndicatorTask | Promise<IndicatorTask>;
    proposeAccountabilityDecision(input: ProposeAccountabilityDecisionInput): IndicatorTask | Promise<IndicatorTask>;
    approveAccountabilityDecision(input: ApproveInput): IndicatorTask | Promise<IndicatorTask>;
    returnAccountabilityDecision(input: ReturnInput): IndicatorTask | Promise<IndicatorTask>;
    setTaskKeyFlag(input: SetTaskKeyFlagInput): IndicatorTask | Promise<IndicatorTask>;
    clearTaskKeyFlag(input: ClearTaskKeyFlagInput): IndicatorTask | Promise<IndicatorTask>;
    planInspectionRound(input: PlanInspectionRoundInput): InspectionRound | Promise<InspectionRound>;
    actOnInspectionRound(input: RoundActionInput): InspectionRound | Promise<InspectionRound>;
    recordFinding(input: RecordFindingInput): RecordedFinding | Promise<RecordedFinding>;
    recordRoundScores(input: RecordRoundScoresInput): InspectionRound | Promise<InspectionRound>;
    recordWindowCheck(input: RecordWindowCheckInput): InspectionRound | Promise<InspectionRound>;
    saveWindowChecklist(input: SaveWindowChecklistInput): WindowChecklist | Promise<WindowChecklist>;
    recordLeadUnitMeeting(input: RecordLeadUnitMeetingInput): CampaignMeeting | Promise<CampaignMeeting>;
    reportLocalProblem(input: LocalProblemInput): ItemReport | Promise<ItemReport>;
    issueMobilizationDocument(input: IssueMobilizationDocumentInput): MobilizationDocument | Promise<MobilizationDocument>;
    acknowledgeMobilization(responseId: string, note?: Nullable<string>): MobilizationResponse | Promise<MobilizationResponse>;
    submitMobilizationPlan(responseId: string, fileId: string, summary: string): MobilizationResponse | Promise<MobilizationResponse>;
    registerMobilizationGroup(responseId: string, group: MobilizationGroupInput): MobilizationResponse | Promise<MobilizationResponse>;
    approveMobilization(responseId: string, note?: Nullable<string>): MobilizationResponse | Promise<MobilizationResponse>;
    returnMobilization(responseId: string, reason: string): MobilizationResponse | Promise<MobilizationResponse>;
    generateMonthlyReport(input: GenerateMonthlyReportInput): MonthlyReport | Promise<MonthlyReport>;
    markNotificationsRead(ids: string[]): number | Promise<number>;
    markAllNotificationsRead(): number | Promise<number>;
    updateNotificationPreferences(input: NotificationPreferencesInput): NotificationPreferences | Promise<NotificationPreferences>;
    issueOfficialNotice(input: IssueOfficialNoticeInput): OfficialNotice | Promise<OfficialNotice>;
    acknowledgeOfficialNotice(id: string, note?: Nullable<string>): OfficialNotice | Promise<OfficialNotice>;
    uploadOfficialNoticeTemplate(kind: OfficialNoticeKind, fileId: string): OfficialNoticeTemplate | Promise<OfficialNoticeTemplate>;
    resetOfficialNoticeTemplate(kind: OfficialNoticeKind): OfficialNoticeTemplate | Promise<OfficialNoticeTemplate>;
    importOrganisation(input: ImportOrganisationInput): OrganisationImport | Promise<OrganisationImport>;
    recordPublicityEntry(input: RecordPublicityEntryInput): PublicityEntry | Promise<PublicityEntry>;
    correctPublicityEntry(input: CorrectPublicityEntryInput): PublicityEntry | Promise<PublicityEntry>;
    voidPublicityEntry(id: string, reason: string): PublicityEntry | Promise<PublicityEntry>;
    archivePublicityPhoto(entryId: string, sha256: string): ArchiveDocument | Promise<ArchiveDocument>;
    reportItem(input: ReportItemInput): ItemReport | Promise<ItemReport>;
    actOnItem(input: ItemActionInput): RectificationItem | Promise<RectificationItem>;
    assignItemResponsiblePerson(input: AssignItemResponsiblePersonInput): RectificationItem | Promise<RectificationItem>;
    proposeItemAccountabilityDecision(input: ProposeItemAccountabilityDecisionInput): RectificationItem | Promise<RectificationItem>;
    approveItemAccountabilityDecision(input: ItemAccountabilityReviewInput): RectificationItem | Promise<RectificationItem>;
    returnItemAccountabilityDecision(input: ItemAccountabilityReviewInput): RectificationItem | Promise<RectificationItem>;
    meetingDecisionToItem(input: MeetingDecisionToItemInput): ItemReport | Promise<ItemReport>;
    meetingDecisionToTask(input: MeetingDecisionToTaskInput): IndicatorTask | Promise<IndicatorTask>;
    setItemKeyFlag(input: SetItemKeyFlagInput): RectificationItem | Promise<RectificationItem>;
    clearItemKeyFlag(input: ClearItemKeyFlagInput): RectificationItem | Promise<RectificationItem>;
    openSelfEvaluationRound(input: OpenSelfEvaluationRoundInput): SelfEvaluationRound | Promise<SelfEvaluationRound>;
    submitSelfEvaluation(input: SubmitSelfEvaluationInput): SelfEvaluationRound | Promise<SelfEvaluationRound>;
    returnSelfEvaluation(roundId: string, unitCode: string, reason: string): SelfEvaluationRound | Promise<SelfEvaluationRound>;
    closeSelfEvaluationRound(id: string, note?: Nullable<string>): SelfEvaluationRound | Promise<SelfEvaluationRound>;
    gradeUnit(input: GradeUnitInput): Appraisal | Promise<Appraisal>;
    rateWorkingGroup(input: RateWorkingGroupInput): Appraisal | Promise<Appraisal>;
    launchSpecialDrive(input: SpecialDrivePlanInput): SpecialDrive | Promise<SpecialDrive>;
    amendSpecialDrive(input: SpecialDrivePlanInput): SpecialDrive | Promise<SpecialDrive>;
    attachSpecialDriveItem(area: RectificationArea, itemId: string, campaignId?: Nullable<string>): SpecialDrive | Promise<SpecialDrive>;
    detachSpecialDriveItem(area: RectificationArea, itemId: string, reason: string, campaignId?: Nullable<string>): SpecialDrive | Promise<SpecialDrive>;
    submitSpecialDriveSummary(input: SubmitSpecialDriveSummaryInput): SpecialDrive | Promise<SpecialDrive>;
    approveSpecialDriveSummary(area: RectificationArea, campaignId?: Nullable<string>, note?: Nullable<string>): SpecialDrive | Promise<SpecialDrive>;
    returnSpecialDriveSummary(area: RectificationArea, reason: string, campaignId?: Nullable<string>): SpecialDrive | Promise<SpecialDrive>;
    planSurveyRound(input: PlanSurveyRoundInput): SurveyRound | Promise<SurveyRound>;
    recordSurveyResults(input: RecordSurveyResultsInput): SurveyRound | Promise<SurveyRound>;
    closeSurveyRound(id: string, note?: Nullable<string>): SurveyRound | Promise<SurveyRound>;
    citeSurveyRound(input: CiteSurveyRoundInput): IndicatorTask | Promise<IndicatorTask>;
    importTaskBreakdown(input: ImportTaskBreakdownInput): TaskBreakdownImport | Promise<TaskBreakdownImport>;
    submitUnitReport(input: SubmitUnitReportInput): UnitReport | Promise<UnitReport>;
    acceptUnitReport(id: string, note?: Nullable<string>): UnitReport | Promise<UnitReport>;
    returnUnitReport(id: string, reason: string): UnitReport | Promise<UnitReport>;
    openUnitReportMonth(month: string, campaignId?: Nullable<string>): UnitReportMonth | Promise<UnitReportMonth>;
    setUnitReportDueDay(dueDay: number, campaignId?: Nullable<string>): number | Promise<number>;
    importWorkingDayOverrides(input: ImportWorkingDayOverridesInput): WorkingDayOverrideImport | Promise<WorkingDayOverrideImport>;
}

export interface ArchiveTag {
    kind: string;
    code: string;
    name: string;
}

export interface ArchiveDocument {
    id: string;
    campaignId: string;
    title: string;
    kind: ArchiveDocumentKind;
    kindLabel: string;
    state: ArchiveDocumentState;
    stateLabel: string;
    unit?: Nullable<Unit>;
    tags: ArchiveTag[];
    fileName: string;
    fileSize: number;
    sha256: string;
    downloadUrl: string;
    source?: Nullable<string>;
    submittedByName?: Nullable<string>;
    submittedAt: DateTime;
    reviewedByName?: Nullable<string>;
    reviewedAt?: Nullable<DateTime>;
    returnReason?: Nullable<string>;
    rounds: number;
    version: number;
    canReview: boolean;
    canResubmit: boolean;
}

export interface ArchivePackage {
    id: string;
    campaignId: string;
    state: ArchivePackageState;
    stateLabel: string;
    complete?: Nullable<boolean>;
    warning?: Nullable<string>;
    missingCount?: Nullable<number>;
    fileCount?: Nullable<number>;
    size?: Nullable<number>;
    fileName?: Nullable<string>;
    sha256?: Nullable<string>;
    failure?: Nullable<string>;
    requestedByName?: Nullable<string>;
    requestedAt: DateTime;
    builtAt?: Nullable<DateTime>;
    submittedAt?: Nullable<DateTime>;
    submittedByName?: Nullable<string>;
    downloadUrl?: Nullable<string>;
    canSubmit: boolean;
}

export interface AccessDenial {
    id: string;
    at: DateTime;
    userId?: Nullable<string>;
    login?: Nullable<string>;
    role?: Nullable<Role>;
    serviceAccount?: Nullable<string>;
    unitCode?: Nullable<string>;
    operationType?: Nullable<string>;
    operationName?: Nullable<string>;
    path?: Nullable<string>;
    code: ErrorCode;
    message: string;
    ip?: Nullable<string>;
    requestId?: Nullable<string>;
}

export interface AccessDenialPage {
    nodes: AccessDenial[];
    endCursor?: Nullable<string>;
    hasNextPage: boolean;
}

export interface Me {
    id: string;
    login: string;
    displayName: string;
    role: Role;
    unit?: Nullable<Unit>;
}

export interface Session {
    accessToken: string;
    accessTokenExpiresAt: DateTime;
    refreshToken: string;
    refreshTokenExpiresAt: DateTime;
    me: Me;
}

export interface ServiceAccount {
    id: string;
    name: string;
    description?: Nullable<string>;
    scopes: ServiceScope[];
    keyPrefix: string;
    createdBy: string;
    createdAt: DateTime;
    keyRotatedAt?: Nullable<DateTime>;
    expiresAt?: Nullable<DateTime>;
    revokedAt?: Nullable<DateTime>;
    lastUsedAt?: Nullable<DateTime>;
    active: boolean;
}

export interface ServiceAccountKey {
    account: ServiceAccount;
    apiKey: string;
}

export interface BriefingSection {
    heading: string;
    body: string;
}

export interface BriefingAttachment {
    fileId: string;
    name: string;
    size: number;
    downloadUrl: string;
}

export interface BriefingAcknowledgement {
    unit: Unit;
    acknowledged: boolean;
    acknowledgedAt?: Nullable<DateTime>;
    acknowledgedByName?: Nullable<string>;
    note?: Nullable<string>;
}

export interface BriefingHistoryEntry {
    at: DateTime;
    type: string;
    label: string;
    actorName: string;
    note?: Nullable<string>;
}

export interface Briefing {
    id: string;
    kind: BriefingKind;
    kindLabel: string;
    campaignId: string;
    state: BriefingState;
    stateLabel: string;
    title: string;
    sections: BriefingSection[];
    attachments: BriefingAttachment[];
    ackDays: number;
    namedUnits: BriefingAcknowledgement[];
    number?: Nullable<string>;
    createdAt: DateTime;
    updatedAt: DateTime;
    publishedAt?: Nullable<DateTime>;
    approvalNote?: Nullable<string>;
    returnReason?: Nullable<string>;
    ackDueAt?: Nullable<DateTime>;
    escalationLevel?: Nullable<string>;
    version: number;
    docxUrl: string;
    pdfUrl: string;
    pdfFileId?: Nullable<string>;
    history: BriefingHistoryEntry[];
    canEdit: boolean;
    canSubmit: boolean;
    canApprove: boolean;
    canPublish: boolean;
    canAcknowledge: boolean;
}

export interface BriefingPrefill {
    title: string;
    sections: BriefingSection[];
    sources: string[];
}

export interface CampaignPhase {
    phase: Phase;
    label: string;
    plannedStart?: Nullable<string>;
    startedAt?: Nullable<DateTime>;
    current: boolean;
    due: boolean;
}

export interface ArchiveProgress {
    tasks: number;
    archived: number;
    complete: boolean;
}

export interface SupervisionVisit {
    id: string;
    date: string;
    places: string[];
    visitors: string[];
    units: Unit[];
    notes: string;
    recordedBy: EventActor;
    recordedAt: DateTime;
}

export interface MeetingDecision {
    text: string;
    unit?: Nullable<Unit>;
    dueDate?: Nullable<string>;
    item?: Nullable<RectificationItem>;
    task?: Nullable<IndicatorTask>;
}

export interface CampaignMeeting {
    id: string;
    kind: MeetingKind;
    kindLabel: string;
    date: string;
    title: string;
    attendees: string[];
    units: Unit[];
    absentUnits: Unit[];
    convener?: Nullable<Unit>;
    minutes: string;
    decisions: MeetingDecision[];
    unitReports: UnitReport[];
    recordedBy: EventActor;
    recordedAt: DateTime;
}

export interface CadenceShortfall {
    requirement: CadenceRequirement;
    label: string;
    required: number;
    recorded: number;
}

export interface MonthlyCadence {
    month: string;
    visits: number;
    jointMeetings: number;
    coordinationMeetings: number;
    hearings: number;
    met: boolean;
    ended: boolean;
    flagged: boolean;
    shortfalls: CadenceShortfall[];
}

export interface Campaign {
    timeZone: string;
    phase: Phase;
    phaseLabel: string;
    phaseStartedAt?: Nullable<DateTime>;
    nextPhase?: Nullable<Phase>;
    phases: CampaignPhase[];
    countdownLabel: string;
    archiveProgress: ArchiveProgress;
    allowedActions: CampaignAction[];
    visits?: SupervisionVisit[];
    meetings?: CampaignMeeting[];
    cadence?: MonthlyCadence;
    history: DomainEvent[];
    version: number;
    id: string;
    name: string;
    inspectionDate: string;
    daysToInspection: number;
    policy: TaskPolicy;
    leadScope?: Nullable<LeadUnitScope>;
    monthlyReports: MonthlyReportSummary[];
}

export interface EscalationHours {
    URGE: number;
    SUPERVISE: number;
    INTERVIEW: number;
    ACCOUNTABILITY: number;
}

export interface RecheckDays {
    relapseProne: number;
    other: number;
}

export interface TaskPolicy {
    selfCheckDays: number;
    rectificationDays: number;
    mockAssessmentDays: number;
    mockPassRate: number;
    reminderBeforeHours: number;
    escalationAfterHours: EscalationHours;
    recheckDays: RecheckDays;
    archiveDueAt?: Nullable<DateTime>;
    dayCounting: DayCounting;
}

export interface Indicator {
    code: string;
    itemName: string;
    name: string;
    method: AssessmentMethod;
    points: number;
    standard: string;
    area?: Nullable<RectificationArea>;
    criteria: Criterion[];
    materials: ArchiveMaterial[];
}

export interface Criterion {
    code: string;
    position: number;
    content: string;
    method: AssessmentMethod;
    points: number;
    deductionRule?: Nullable<string>;
}

export interface ArchiveMaterial {
    code: string;
    name: string;
}

export interface AssessmentItem {
    code: string;
    name: string;
    points: number;
    indicators: Indicator[];
}

export interface AssessmentSystem {
    version: number;
    title: string;
    importedAt?: Nullable<string>;
    importedBy?: Nullable<string>;
    fileName?: Nullable<string>;
    items: AssessmentItem[];
    indicatorCount: number;
    totalPoints: number;
}

export interface ReferenceChange {
    kind: ReferenceChangeKind;
    entity: ReferenceEntity;
    code: string;
    name: string;
}

export interface ChangeCounts {
    total: number;
    created: number;
    changed: number;
    unchanged: number;
    removed: number;
}

export interface CatalogImportCounts {
    items: ChangeCounts;
    indicators: ChangeCounts;
    criteria: number;
    materials: number;
}

export interface CatalogVersion {
    version: number;
    title: string;
    importedAt: string;
    importedBy?: Nullable<string>;
    fileName?: Nullable<string>;
    fileSha256?: Nullable<string>;
    indicatorCount: number;
    totalPoints: number;
    changes: ReferenceChange[];
}

export interface CatalogImport {
    status: ReferenceImportStatus;
    fileName: string;
    counts: CatalogImportCounts;
    problems: ImportProblem[];
    report: string;
    changes: ReferenceChange[];
    version?: Nullable<number>;
    title?: Nullable<string>;
}

export interface FundingReceipt {
    sha256: string;
    name: string;
    size: number;
    url: string;
}

export interface FundingAllocation {
    id: string;
    lineId: string;
    targetKind: FundingTargetKind;
    area?: Nullable<RectificationArea>;
    taskId?: Nullable<string>;
    targetLabel: string;
    amountFen: Fen;
    spentFen: Fen;
    note: string;
    allocatedAt: DateTime;
}

export interface BudgetLine {
    id: string;
    year: number;
    name: string;
    unit?: Nullable<Unit>;
    purpose: string;
    budgetFen: Fen;
    allocatedFen: Fen;
    spentFen: Fen;
    pendingFen: Fen;
    availableFen: Fen;
    unallocatedFen: Fen;
    allocations: FundingAllocation[];
    canRecordSpending: boolean;
}

export interface Spending {
    id: string;
    lineId: string;
    lineName: string;
    allocationId?: Nullable<string>;
    unit?: Nullable<Unit>;
    amountFen: Fen;
    payee: string;
    spentOn: string;
    purpose: string;
    receipts: FundingReceipt[];
    state: SpendingState;
    stateLabel: string;
    recordedAt: DateTime;
    recordedByName: string;
    decidedAt?: Nullable<DateTime>;
    decidedByName?: Nullable<string>;
    decisionNote?: Nullable<string>;
    escalationLabel?: Nullable<string>;
    canDecide: boolean;
}

export interface FundingTotals {
    budgetFen: Fen;
    allocatedFen: Fen;
    spentFen: Fen;
    pendingFen: Fen;
}

export interface FundingUnitSummary {
    unit?: Nullable<Unit>;
    unitName: string;
    totals: FundingTotals;
}

export interface FundingLedger {
    campaignId: string;
    year: number;
    thresholdFen: Fen;
    lines: BudgetLine[];
    spendings: Spending[];
    units: FundingUnitSummary[];
    totals: FundingTotals;
    canManage: boolean;
}

export interface TaskArchiveMaterial {
    code: string;
    name: string;
    status: ArchiveMaterialStatus;
    statusLabel: string;
    file?: Nullable<ArchiveMaterialFile>;
    note: string;
    submittedBy?: Nullable<EventActor>;
    submittedAt?: Nullable<DateTime>;
    reviewedBy?: Nullable<EventActor>;
    reviewedAt?: Nullable<DateTime>;
    returnReason?: Nullable<string>;
}

export interface ArchiveMaterialFile {
    sha256: string;
    name: string;
    size: number;
    mimeType: string;
    url: string;
}

export interface Comment {
    text: string;
    author: EventActor;
    at: DateTime;
}

export interface Evidence {
    sha256: string;
    name: string;
    size: number;
    mimeType: string;
    stage: Stage;
    note: string;
    uploadedBy: EventActor;
    at: DateTime;
    url: string;
}

export interface ExtensionRequest {
    requestedDueAt: DateTime;
    reason: string;
}

export interface RectificationPlan {
    plan: string;
    deadline: DateTime;
}

export interface IndicatorTask {
    id: string;
    campaignId: string;
    indicator: Indicator;
    unit: Unit;
    leadUnit: Unit;
    stage: Stage;
    stageLabel: string;
    classification?: Nullable<Classification>;
    awaitingReview?: Nullable<ReviewKind>;
    dueAt: DateTime;
    stageEnteredAt: DateTime;
    stageDueAt?: Nullable<DateTime>;
    escalationLevel?: Nullable<EscalationLevel>;
    pendingExtension?: Nullable<ExtensionRequest>;
    rectificationPlan?: Nullable<RectificationPlan>;
    nextRecheckAt?: Nullable<DateTime>;
    recheckDue: boolean;
    failedCriteria: string[];
    archiveMaterials: TaskArchiveMaterial[];
    relapseCount: number;
    openItems: number;
    version: number;
    allowedActions: IndicatorTaskAction[];
    sideActions: IndicatorTaskAction[];
    responsiblePerson?: Nullable<ResponsiblePerson>;
    responsiblePersonCandidates: ResponsiblePerson[];
    comments: Comment[];
    evidence: Evidence[];
    history: DomainEvent[];
    temporalUiUrl?: Nullable<string>;
    updatedAt: DateTime;
    allowedMoves: TaskMove[];
    proposedStage?: Nullable<Stage>;
    accountabilityDecisions: AccountabilityDecision[];
    accountabilityActions: AccountabilityAction[];
    keyFlag?: Nullable<KeyFlag>;
    keyFlagActions: KeyFlagAction[];
    officialNotices: OfficialNotice[];
    linkedItems: RectificationItem[];
}

export interface TaskMove {
    action: IndicatorTaskAction;
    target: Stage;
    immediate: boolean;
    classification?: Nullable<Classification>;
    passed?: Nullable<boolean>;
}

export interface BoardColumn {
    stage: Stage;
    label: string;
    count: number;
    cards: IndicatorTask[];
    pageInfo: PageInfo;
}

export interface Board {
    campaign: Campaign;
    columns: BoardColumn[];
}

export interface BoardChange {
    task: IndicatorTask;
    eventType: string;
}

export interface IndicatorTaskEdge {
    cursor: string;
    node: IndicatorTask;
}

export interface IndicatorTaskConnection {
    edges: IndicatorTaskEdge[];
    pageInfo: PageInfo;
    totalCount: number;
}

export interface KeyFlag {
    kind: KeyFlagKind;
    kindLabel: string;
    reason: string;
    flaggedBy: EventActor;
    flaggedAt: DateTime;
}

export interface ISubscription {
    boardChanged(campaignId?: Nullable<string>): BoardChange | Promise<BoardChange>;
    notificationAdded(): Notification | Promise<Notification>;
    itemChanged(campaignId?: Nullable<string>): ItemChange | Promise<ItemChange>;
}

export interface RoundCriterionScore {
    criterionCode: string;
    points: number;
    score: number;
    unitCode?: Nullable<string>;
}

export interface RoundTaskAssessment {
    taskId: string;
    unitCode: string;
    unitName: string;
    indicatorCode: string;
    outcome: RoundTaskOutcome;
    outcomeLabel: string;
    reason?: Nullable<string>;
    score: number;
    maxScore: number;
    scoreRate?: Nullable<number>;
    passed?: Nullable<boolean>;
    at: DateTime;
}

export interface RoundCoveredTask {
    taskId: string;
    indicatorCode: string;
    unitCode: string;
    unitName: string;
    stage: Stage;
    stageLabel: string;
}

export interface WindowChecklistPoint {
    code: string;
    label: string;
}

export interface WindowChecklist {
    version: number;
    points: WindowChecklistPoint[];
    savedBy?: Nullable<string>;
    savedAt?: Nullable<DateTime>;
}

export interface WindowCheckResult {
    code: string;
    label: string;
    passed: boolean;
    note: string;
    item?: Nullable<RectificationItem>;
    duplicate: boolean;
}

export interface WindowCheck {
    unitCode: string;
    unitName: string;
    checklistVersion: number;
    results: WindowCheckResult[];
    passedCount: number;
    passRate?: Nullable<number>;
    at: DateTime;
}

export interface InspectionRound {
    id: string;
    campaignId: string;
    kind: RoundKind;
    kindLabel: string;
    title: string;
    plannedOn: string;
    places: string[];
    indicatorCodes: string[];
    state: RoundState;
    stateLabel: string;
    findings: RectificationItem[];
    findingCount: number;
    scores: RoundCriterionScore[];
    score: number;
    maxScore: number;
    scoreRate?: Nullable<number>;
    coveredTasks: RoundCoveredTask[];
    taskAssessments: RoundTaskAssessment[];
    windowChecks: WindowCheck[];
    allowedActions: RoundAction[];
    history: DomainEvent[];
    closedAt?: Nullable<DateTime>;
}

export interface PublicCivilityIndexPoint {
    roundId: string;
    title: string;
    plannedOn: string;
    score: number;
    maxScore: number;
    scoreRate?: Nullable<number>;
    change?: Nullable<number>;
}

export interface RecordedFinding {
    round: InspectionRound;
    item: RectificationItem;
    duplicate: boolean;
}

export interface LeadTask {
    id: string;
    indicatorCode: string;
    indicatorName: string;
    unit: Unit;
    stage: Stage;
}

export interface LeadUnitScope {
    unit: Unit;
    units: Unit[];
    tasks: LeadTask[];
}

export interface RectificationItem {
    reportingUnit?: Nullable<Unit>;
    officialNotices: OfficialNotice[];
    id: string;
    campaignId: string;
    state: ItemState;
    stateLabel: string;
    source: ItemSource;
    sourceLabel: string;
    area?: Nullable<RectificationArea>;
    location: ItemLocation;
    description: string;
    photos: ItemFile[];
    indicatorTaskId?: Nullable<string>;
    criterionCode?: Nullable<string>;
    inspectionRoundId?: Nullable<string>;
    reportedBy?: Nullable<EventActor>;
    unit?: Nullable<Unit>;
    dueAt?: Nullable<DateTime>;
    responsiblePerson?: Nullable<ResponsiblePerson>;
    responsiblePersonCandidates: ResponsiblePerson[];
    escalationLevel?: Nullable<EscalationLevel>;
    pendingExtension?: Nullable<ItemRequest>;
    pendingDispatchReturn?: Nullable<ItemRequest>;
    submission?: Nullable<ItemSubmission>;
    returnReason?: Nullable<string>;
    recheckAt?: Nullable<DateTime>;
    relapseCount: number;
    duplicateReports: number;
    version: number;
    allowedActions: ItemAction[];
    history: DomainEvent[];
    createdAt: DateTime;
    updatedAt: DateTime;
    allowedMoves: ItemMove[];
    accountabilityDecisions: AccountabilityDecision[];
    accountabilityActions: AccountabilityAction[];
    keyFlag?: Nullable<KeyFlag>;
    keyFlagActions: KeyFlagAction[];
}

export interface MobilizationFile {
    name: string;
    size: number;
    downloadUrl: string;
}

export interface MobilizationGroup {
    leader: string;
    members: string[];
    phone: string;
    registeredAt: DateTime;
}

export interface MobilizationPlan {
    file: MobilizationFile;
    summary: string;
    submittedAt: DateTime;
}

export interface MobilizationResponse {
    id: string;
    documentId: string;
    unit: Unit;
    acknowledged: boolean;
    acknowledgedAt?: Nullable<DateTime>;
    plan?: Nullable<MobilizationPlan>;
    group?: Nullable<MobilizationGroup>;
    review: MobilizationReview;
    reviewLabel: string;
    returnReason?: Nullable<string>;
    returns: number;
    overdueLevel?: Nullable<string>;
    overdueLabel?: Nullable<string>;
    missing: string[];
    allowedActions: string[];
    version: number;
}

export interface MobilizationDocument {
    id: string;
    campaignId: string;
    kind: MobilizationDocumentKind;
    kindLabel: string;
    title: string;
    summary: string;
    file: MobilizationFile;
    requiresPlan: boolean;
    requiresGroup: boolean;
    dueAt: DateTime;
    issuedAt: DateTime;
    due: boolean;
    responses: MobilizationResponse[];
}

export interface MonthlyReportSummary {
    month: string;
    generatedAt: DateTime;
}

export interface StageCount {
    stage: Stage;
    label: string;
    count: number;
}

export interface ProgressRow {
    code: string;
    name: string;
    tasks: number;
    stages: StageCount[];
    met: number;
    metRate: number;
    overdue: number;
}

export interface UnitProgressRow {
    code: string;
    name: string;
    tasks: number;
    stages: StageCount[];
    met: number;
    metRate: number;
    overdue: number;
    relapses: number;
    escalations: number;
    openItems: number;
    overdueItems: number;
}

export interface OverdueTask {
    taskId: string;
    indicatorCode: string;
    indicatorName: string;
    unitCode: string;
    unitName: string;
    stage: Stage;
    stageLabel: string;
    stageDueAt: DateTime;
    daysOverdue: number;
    escalationLevel?: Nullable<EscalationLevel>;
}

export interface RelapseEntry {
    kind: string;
    id: string;
    unitName?: Nullable<string>;
    indicatorName?: Nullable<string>;
    at: DateTime;
    note: string;
}

export interface MonthlyRelapses {
    tasks: number;
    items: number;
    entries: RelapseEntry[];
}

export interface MonthlyEscalationCount {
    level: EscalationLevel;
    label: string;
    tasks: number;
    items: number;
}

export interface MonthlyEscalations {
    total: number;
    levels: MonthlyEscalationCount[];
}

export interface RectificationItemsSummary {
    total: number;
    open: number;
    closed: number;
    overdue: number;
    escalated: number;
    relapses: number;
}

export interface MonthlyReport {
    campaignId: string;
    month: string;
    generatedAt: DateTime;
    phase: Phase;
    phaseLabel: string;
    daysToInspection: number;
    cadence: MonthlyCadence;
    totals: ProgressRow;
    byItem: ProgressRow[];
    byUnit: UnitProgressRow[];
    overdue: OverdueTask[];
    relapses: MonthlyRelapses;
    escalations: MonthlyEscalations;
    rectificationItems: RectificationItemsSummary;
    content: JSON;
    unitReports: UnitReportLink[];
}

export interface Notification {
    id: string;
    kind: NotificationKind;
    campaignId: string;
    taskId?: Nullable<string>;
    itemId?: Nullable<string>;
    title: string;
    text: string;
    urgent: boolean;
    createdAt: DateTime;
    readAt?: Nullable<DateTime>;
}

export interface NotificationEdge {
    cursor: string;
    node: Notification;
}

export interface NotificationConnection {
    edges: NotificationEdge[];
    pageInfo: PageInfo;
    unreadCount: number;
}

export interface NotificationPreferences {
    availableChannels: DeliveryChannel[];
    channels: DeliveryChannel[];
    defaultChannels: boolean;
    quietHoursEnabled: boolean;
    quietStart: string;
    quietEnd: string;
}

export interface NotificationDelivery {
    channel: DeliveryChannel;
    status: DeliveryStatus;
    statusLabel: string;
    attempts: number;
    sentAt?: Nullable<DateTime>;
    updatedAt: DateTime;
    reason?: Nullable<string>;
    lastError?: Nullable<string>;
}

export interface NotificationLogEntry {
    notificationId: string;
    kind: NotificationKind;
    title: string;
    urgent: boolean;
    createdAt: DateTime;
    recipientLogin: string;
    recipientName: string;
    readAt?: Nullable<DateTime>;
    deliveries: NotificationDelivery[];
}

export interface OfficialNotice {
    id: string;
    number: string;
    kind: OfficialNoticeKind;
    kindLabel: string;
    campaignId: string;
    taskId?: Nullable<string>;
    itemId?: Nullable<string>;
    unit: Unit;
    title: string;
    level?: Nullable<string>;
    note: string;
    state: OfficialNoticeState;
    stateLabel: string;
    issuedAt: DateTime;
    ackDueAt: DateTime;
    acknowledgedAt?: Nullable<DateTime>;
    acknowledgedByName?: Nullable<string>;
    escalationLevel?: Nullable<string>;
    downloadUrl: string;
    canAcknowledge: boolean;
}

export interface OfficialNoticeTemplate {
    kind: OfficialNoticeKind;
    kindLabel: string;
    custom: boolean;
    fileName?: Nullable<string>;
    uploadedAt?: Nullable<DateTime>;
}

export interface Person {
    id: string;
    login: string;
    displayName: string;
    role: Role;
    unit?: Nullable<Unit>;
    workingGroup?: Nullable<WorkingGroupCode>;
    phone?: Nullable<string>;
    email?: Nullable<string>;
}

export interface WorkingGroup {
    code: WorkingGroupCode;
    name: string;
    duties: string;
    members: Person[];
}

export interface Organisation {
    units: Unit[];
    people: Person[];
    leadingGroup: Person[];
    office: Person[];
    workingGroups: WorkingGroup[];
}

export interface OrganisationImportCounts {
    units: ChangeCounts;
    people: ChangeCounts;
    groupMembers: number;
}

export interface OrganisationImport {
    status: ReferenceImportStatus;
    fileNames: string[];
    counts: OrganisationImportCounts;
    problems: ImportProblem[];
    report: string;
    changes: ReferenceChange[];
}

export interface PublicityPhoto {
    sha256: string;
    name: string;
    size: number;
    url: string;
    archived: boolean;
}

export interface PublicityEntry {
    id: string;
    channel: PublicityChannel;
    channelLabel: string;
    location: string;
    unit: Unit;
    count: number;
    heldOn: string;
    month: string;
    indicatorCodes: string[];
    photos: PublicityPhoto[];
    note: string;
    voided: boolean;
    voidReason?: Nullable<string>;
    recordedAt: DateTime;
    recordedByName: string;
    correctedAt?: Nullable<DateTime>;
    corrections: number;
    lastReason?: Nullable<string>;
}

export interface PublicityCount {
    key: string;
    label: string;
    entries: number;
    count: number;
}

export interface PublicityLedger {
    campaignId: string;
    entries: PublicityEntry[];
    totalEntries: number;
    totalCount: number;
    byCommunity: PublicityCount[];
    byChannel: PublicityCount[];
    byMonth: PublicityCount[];
    communities: Unit[];
    canManage: boolean;
}

export interface ItemLocation {
    address: string;
    latitude?: Nullable<number>;
    longitude?: Nullable<number>;
}

export interface ItemFile {
    sha256: string;
    name: string;
    size: number;
    mimeType: string;
    url: string;
}

export interface ItemSubmission {
    note: string;
    photos: ItemFile[];
    submittedBy: EventActor;
    submittedAt: DateTime;
}

export interface ItemRequest {
    requestedDueAt?: Nullable<DateTime>;
    reason: string;
}

export interface ItemMove {
    action: ItemAction;
    target: ItemState;
    immediate: boolean;
    passed?: Nullable<boolean>;
}

export interface ItemColumn {
    state: ItemState;
    label: string;
    count: number;
    items: RectificationItem[];
    pageInfo: PageInfo;
}

export interface ItemBoard {
    campaign: Campaign;
    columns: ItemColumn[];
}

export interface ItemReport {
    item: RectificationItem;
    duplicate: boolean;
}

export interface RectificationItemEdge {
    cursor: string;
    node: RectificationItem;
}

export interface RectificationItemConnection {
    edges: RectificationItemEdge[];
    pageInfo: PageInfo;
    totalCount: number;
}

export interface ItemChange {
    item: RectificationItem;
    eventType: string;
}

export interface ScoreRule {
    code: DeductionCode;
    label: string;
    points: number;
    explanation: string;
}

export interface ScoreDeduction {
    code: DeductionCode;
    label: string;
    count: number;
    points: number;
    explanation: string;
}

export interface EscalationCount {
    level: EscalationLevel;
    label: string;
    count: number;
}

export interface UnitPerformance {
    unit: Unit;
    rank: number;
    tasks: number;
    items: number;
    dueWork: number;
    handedInOnTime: number;
    handedInLate: number;
    overdue: number;
    onTimeRate?: Nullable<number>;
    relapses: number;
    returns: number;
    escalations: EscalationCount[];
    highestEscalation?: Nullable<EscalationLevel>;
    highestEscalationLabel?: Nullable<string>;
    score: number;
    deductions: ScoreDeduction[];
    accountabilityDecisions: PerformanceAccountabilityDecision[];
    appraisal?: Nullable<PerformanceAppraisal>;
    selfEvaluation: PerformanceSelfEvaluation;
}

export interface PerformanceAppraisal {
    grade: AppraisalGrade;
    gradeLabel: string;
    comment: string;
}

export interface PerformanceSelfEvaluation {
    rounds: number;
    onTime: number;
    late: number;
    missing: number;
    label: string;
}

export interface PerformanceAccountabilityDecision {
    taskId?: Nullable<string>;
    itemId?: Nullable<string>;
    holdsUnit: boolean;
    persons: AccountabilityPerson[];
    target: string;
    form: AccountabilityForm;
    formLabel: string;
    reason: string;
    approvedAt: DateTime;
}

export interface PerformanceAssessment {
    campaign: Campaign;
    from: DateTime;
    to: DateTime;
    units: UnitPerformance[];
    rules: ScoreRule[];
    summary: string;
}

export interface RankedUnit {
    unit: Unit;
    rank: number;
    score: number;
    handedInOnTime: number;
    accountabilityDecisions: number;
}

export interface RankingWeek {
    start: DateTime;
    end: DateTime;
    label: string;
    complete: boolean;
    best: RankedUnit[];
    worst: RankedUnit[];
    ranking: RankedUnit[];
}

export interface FlaggedUnit {
    unit: Unit;
    weeksRunning: number;
    reason: string;
}

export interface UnitRanking {
    campaign: Campaign;
    asOf: DateTime;
    top: number;
    flagAfterWeeks: number;
    weeks: RankingWeek[];
    flagged: FlaggedUnit[];
}

export interface Unit {
    code: string;
    name: string;
    kind: UnitKind;
}

export interface ResponsiblePerson {
    login: string;
    name: string;
}

export interface AccountabilityPerson {
    login: string;
    displayName: string;
}

export interface AccountabilityDecision {
    status: AccountabilityStatus;
    statusLabel: string;
    holdsUnit: boolean;
    unit: Unit;
    persons: AccountabilityPerson[];
    form: AccountabilityForm;
    formLabel: string;
    reason: string;
    deadline: DateTime;
    proposedBy: EventActor;
    proposedAt: DateTime;
    decidedBy?: Nullable<EventActor>;
    decidedAt?: Nullable<DateTime>;
    decisionNote: string;
}

export interface EventActor {
    userId: string;
    displayName: string;
    role: Role;
}

export interface DomainEvent {
    position: string;
    streamVersion: number;
    type: string;
    label: string;
    occurredAt: DateTime;
    actor: EventActor;
    data: JSON;
}

export interface PageInfo {
    hasNextPage: boolean;
    endCursor?: Nullable<string>;
}

export interface ExportedFile {
    fileName: string;
    mimeType: string;
    contentBase64: string;
}

export interface ImportProblem {
    sheet: string;
    row: number;
    column: string;
    columnLetter?: Nullable<string>;
    code: ImportProblemCode;
    message: string;
}

export interface SelfEvaluationItem {
    taskId: string;
    indicatorCode: string;
    indicatorName: string;
    status?: Nullable<SelfAssessedStatus>;
    statusLabel?: Nullable<string>;
    note: string;
}

export interface SelfEvaluationForm {
    unitCode: string;
    unitName: string;
    state: SelfEvaluationFormState;
    stateLabel: string;
    late: boolean;
    submittedAt?: Nullable<string>;
    submissions: number;
    returnReason?: Nullable<string>;
    selfGrade?: Nullable<AppraisalGrade>;
    selfGradeLabel?: Nullable<string>;
    achievements: string;
    shortcomings: string;
    nextSteps: string;
    items: SelfEvaluationItem[];
    canSubmit: boolean;
    canReturn: boolean;
}

export interface SelfEvaluationRound {
    id: string;
    campaignId: string;
    title: string;
    periodStart: string;
    periodEnd: string;
    dueAt: string;
    state: SelfEvaluationState;
    stateLabel: string;
    escalationLabel?: Nullable<string>;
    unitCount: number;
    submittedCount: number;
    closedAt?: Nullable<string>;
    closeNote?: Nullable<string>;
    forms: SelfEvaluationForm[];
    canClose: boolean;
}

export interface UnitAppraisal {
    unit: Unit;
    grade: AppraisalGrade;
    gradeLabel: string;
    comment: string;
    gradedAt: string;
    revisions: number;
    lastReason?: Nullable<string>;
}

export interface WorkingGroupRating {
    group: WorkingGroupCode;
    groupLabel: string;
    rating?: Nullable<WorkingGroupRatingValue>;
    ratingLabel?: Nullable<string>;
    comment: string;
    ratedAt?: Nullable<string>;
    revisions: number;
    lastReason?: Nullable<string>;
}

export interface Appraisal {
    campaignId: string;
    grades: UnitAppraisal[];
    ratings: WorkingGroupRating[];
    canGrade: boolean;
}

export interface SpecialDriveProgress {
    total: number;
    open: number;
    closed: number;
    overdue: number;
    relapses: number;
    relapsedItems: number;
    closedRate?: Nullable<number>;
}

export interface SpecialDriveItem {
    id: string;
    description: string;
    address: string;
    state: ItemState;
    stateLabel: string;
    area?: Nullable<RectificationArea>;
    unit?: Nullable<Unit>;
    dueAt?: Nullable<DateTime>;
    overdue: boolean;
    relapseCount: number;
    reportedAt: DateTime;
    link: SpecialDriveItemLink;
}

export interface SpecialDriveAttachment {
    sha256: string;
    name: string;
    size: number;
    url: string;
}

export interface SpecialDriveHistoryEntry {
    at: DateTime;
    type: string;
    label: string;
    actorName: string;
    note: string;
}

export interface SpecialDrive {
    id: string;
    campaignId: string;
    area: RectificationArea;
    name: string;
    state: SpecialDriveState;
    stateLabel: string;
    leadUnit: Unit;
    participatingUnits: Unit[];
    startDate: string;
    endDate: string;
    goals: string;
    dueAt: DateTime;
    late: boolean;
    escalationLabel?: Nullable<string>;
    progress: SpecialDriveProgress;
    items: SpecialDriveItem[];
    summary?: Nullable<string>;
    summaryAttachments: SpecialDriveAttachment[];
    summarySubmittedAt?: Nullable<DateTime>;
    submissions: number;
    returnReason?: Nullable<string>;
    approvedAt?: Nullable<DateTime>;
    approveNote?: Nullable<string>;
    launchedAt: DateTime;
    history: SpecialDriveHistoryEntry[];
    canAmend: boolean;
    canSubmitSummary: boolean;
    canReview: boolean;
}

export interface SurveyRates {
    aware: number;
    supporting: number;
    participating: number;
    satisfied: number;
}

export interface SurveyChange {
    aware?: Nullable<number>;
    supporting?: Nullable<number>;
    participating?: Nullable<number>;
    satisfied?: Nullable<number>;
}

export interface SurveyCounts {
    sample: number;
    aware: number;
    supporting: number;
    participating: number;
    satisfied: number;
    rates: SurveyRates;
}

export interface SurveyCommunityResult {
    unit: Unit;
    recorded: boolean;
    counts?: Nullable<SurveyCounts>;
    recordedAt?: Nullable<DateTime>;
}

export interface SurveyRoundHistoryEntry {
    at: DateTime;
    type: string;
    label: string;
    actorName: string;
    note: string;
}

export interface SurveyRound {
    id: string;
    campaignId: string;
    title: string;
    method: SurveyMethod;
    methodLabel: string;
    startDate: string;
    endDate: string;
    dueAt: DateTime;
    state: SurveyRoundState;
    stateLabel: string;
    communities: SurveyCommunityResult[];
    recordedCount: number;
    total?: Nullable<SurveyCounts>;
    closedAt?: Nullable<DateTime>;
    closeNote?: Nullable<string>;
    escalationLabel?: Nullable<string>;
    canRecord: boolean;
    canClose: boolean;
    history: SurveyRoundHistoryEntry[];
}

export interface SurveyTrendPoint {
    roundId: string;
    title: string;
    startDate: string;
    endDate: string;
    counts: SurveyCounts;
    change: SurveyChange;
}

export interface SurveyCommunityTrend {
    unit: Unit;
    points: SurveyTrendPoint[];
}

export interface SurveyTrend {
    campaignId: string;
    overall: SurveyTrendPoint[];
    communities: SurveyCommunityTrend[];
}

export interface TaskChange {
    kind: TaskChangeKind;
    taskId: string;
    indicatorCode: string;
    unitCode: string;
    leadUnitCode: string;
    dueAt: DateTime;
    previousDueAt?: Nullable<DateTime>;
    previousLeadUnitCode?: Nullable<string>;
    responsiblePerson?: Nullable<ResponsiblePerson>;
}

export interface ImportCounts {
    tasks: number;
    created: number;
    changed: number;
    unchanged: number;
    removed: number;
    applied: number;
}

export interface ImportProgress {
    total: number;
    applied: number;
    percent: number;
    secondsLeft?: Nullable<number>;
    timeLeft?: Nullable<string>;
}

export interface TaskBreakdownImport {
    id?: Nullable<string>;
    status: ImportStatus;
    fileName: string;
    counts: ImportCounts;
    problems: ImportProblem[];
    report: string;
    changes: TaskChange[];
    importedAt?: Nullable<DateTime>;
    completedAt?: Nullable<DateTime>;
    progress?: Nullable<ImportProgress>;
}

export interface UnitReportAttachment {
    sha256: string;
    name: string;
    size: number;
    url: string;
}

export interface UnitReportHistoryEntry {
    at: DateTime;
    type: string;
    label: string;
    actorName: string;
    note: string;
}

export interface UnitReport {
    id: string;
    campaignId: string;
    month: string;
    unit: Unit;
    state: UnitReportState;
    stateLabel: string;
    dueAt: DateTime;
    late: boolean;
    progress?: Nullable<string>;
    problems?: Nullable<string>;
    nextSteps?: Nullable<string>;
    attachments: UnitReportAttachment[];
    submittedAt?: Nullable<DateTime>;
    submittedByName?: Nullable<string>;
    submissions: number;
    returnReason?: Nullable<string>;
    acceptedAt?: Nullable<DateTime>;
    acceptNote?: Nullable<string>;
    escalationLabel?: Nullable<string>;
    history: UnitReportHistoryEntry[];
    canSubmit: boolean;
    canReview: boolean;
}

export interface UnitReportMonth {
    campaignId: string;
    month: string;
    dueDay: number;
    opened: boolean;
    reports: UnitReport[];
    submitted: number;
    accepted: number;
    overdue: number;
}

export interface UnitReportLink {
    unit: Unit;
    status: string;
    statusLabel: string;
    reportId?: Nullable<string>;
    summary?: Nullable<string>;
}

export interface WorkingDayOverride {
    date: string;
    kind: WorkingDayKind;
    kindLabel: string;
    note: string;
}

export interface WorkingDayCalendar {
    overrides: WorkingDayOverride[];
    officialYears: number[];
    importedAt?: Nullable<DateTime>;
    importedBy?: Nullable<string>;
}

export interface WorkingDayOverrideImport {
    status: ReferenceImportStatus;
    fileName: string;
    count: number;
    problems: ImportProblem[];
    report: string;
}

export type Fen = number;
export type DateTime = string;
export type JSON = unknown;
type Nullable<T> = T | null;
