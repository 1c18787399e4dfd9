
/*
 * -------------------------------------------------------
 * THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
 * -------------------------------------------------------
 */

/* tslint:disable */
/* eslint-disable */

// Generated from graphql/*.graphql by `npm run codegen`. Do not edit.
export type ImportProblemCode = "MISSING_HEADER" | "MISSING_VALUE" | "BAD_DATE" | "BAD_STATUS" | "UNKNOWN_UNIT" | "UNKNOWN_INDICATOR" | "DUPLICATE" | "EMPTY_FILE" | "UNREADABLE_FILE" | "TOO_LARGE" | "REASSIGNED" | "BAD_VALUE" | "BAD_CHOICE" | "INCONSISTENT" | "NOT_ALLOWED" | "IN_USE" | "REMOVES_IMPORTER";
export type ReferenceImportStatus = "REJECTED" | "DRY_RUN" | "UNCHANGED" | "APPLIED";
export type ReferenceChangeKind = "CREATED" | "CHANGED" | "REMOVED";
export type ReferenceEntity = "ASSESSMENT_ITEM" | "INDICATOR" | "UNIT" | "PERSON";
export type ExportFormat = "XLSX" | "CSV";
export type WorkingGroupCode = "PLANNING" | "PUBLICITY" | "ARCHIVES" | "LOGISTICS" | "ACTIVITIES" | "SUPERVISION";
export type Stage = "SELF_CHECK" | "RECTIFICATION" | "MOCK_ASSESSMENT" | "CONSOLIDATION" | "ARCHIVING" | "ARCHIVED";
export type Classification = "MET" | "NOT_MET" | "UNKNOWN" | "RELAPSE_PRONE";
export type Role = "LEADER" | "OFFICE" | "SUPERVISOR" | "ARCHIVIST" | "UNIT_HEAD" | "UNIT_MEMBER";
export type UnitKind = "DEPARTMENT" | "COMMUNITY" | "VILLAGE" | "ENTERPRISE" | "SCHOOL" | "SERVICE_WINDOW";
export type AssessmentMethod = "FIELD" | "MATERIAL" | "SURVEY" | "SIMULATED";
export type RectificationArea = "TRAFFIC_ORDER" | "CITY_APPEARANCE" | "PUBLIC_SECURITY" | "SANITATION" | "MARKETS" | "SERVICE_WINDOWS";
export type ReviewKind = "SELF_CHECK_REVIEW" | "RECTIFICATION_REVIEW" | "ARCHIVE_REVIEW";
export type EscalationLevel = "REMINDER" | "URGE" | "SUPERVISE" | "INTERVIEW" | "ACCOUNTABILITY";
export type IndicatorTaskAction = "SUBMIT_SELF_CHECK" | "CONFIRM_SELF_CHECK" | "RETURN_SELF_CHECK" | "SUBMIT_RECTIFICATION_PLAN" | "REPORT_RECTIFICATION_PROGRESS" | "SUBMIT_RECTIFICATION" | "APPROVE_RECTIFICATION" | "RETURN_RECTIFICATION" | "RECORD_MOCK_ASSESSMENT" | "RECORD_RECHECK" | "START_ARCHIVING" | "SUBMIT_ARCHIVE_MATERIAL" | "ACCEPT_ARCHIVE_MATERIAL" | "RETURN_ARCHIVE_MATERIAL" | "REQUEST_EXTENSION" | "APPROVE_EXTENSION" | "REFUSE_EXTENSION" | "ADD_COMMENT" | "ATTACH_EVIDENCE" | "REASSIGN";
export type ArchiveMaterialStatus = "MISSING" | "SUBMITTED" | "ACCEPTED" | "RETURNED";
export type ImportStatus = "REJECTED" | "DRY_RUN" | "UNCHANGED" | "APPLYING" | "APPLIED";
export type TaskChangeKind = "CREATED" | "CHANGED" | "REMOVED";

export interface ImportCatalogInput {
    fileName: string;
    contentBase64: string;
    dryRun?: Nullable<boolean>;
    title?: Nullable<string>;
}

export interface ImportFileInput {
    fileName: string;
    contentBase64: string;
}

export interface ImportOrganisationInput {
    files: ImportFileInput[];
    dryRun?: Nullable<boolean>;
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
    fileName: string;
    contentBase64: string;
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

export interface ReassignTaskInput {
    taskId: string;
    unitCode: string;
    reason: string;
    expectedVersion?: Nullable<number>;
}

export interface ImportTaskBreakdownInput {
    campaignId?: Nullable<string>;
    fileName: string;
    contentBase64: string;
    dryRun?: Nullable<boolean>;
}

export interface Indicator {
    criteria: Criterion[];
    materials: ArchiveMaterial[];
    code: string;
    itemName: string;
    name: string;
    method: AssessmentMethod;
    points: number;
    standard: string;
    area?: Nullable<RectificationArea>;
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

export interface ExportedFile {
    fileName: string;
    mimeType: string;
    contentBase64: string;
}

export interface Person {
    id: string;
    login: string;
    displayName: string;
    role: Role;
    unit?: Nullable<Unit>;
    workingGroup?: Nullable<WorkingGroupCode>;
    phone?: Nullable<string>;
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

export interface IQuery {
    catalog(version?: Nullable<number>): AssessmentSystem | Promise<AssessmentSystem>;
    catalogVersions(): CatalogVersion[] | Promise<CatalogVersion[]>;
    exportCatalog(format: ExportFormat, version?: Nullable<number>): ExportedFile | Promise<ExportedFile>;
    organisation(): Organisation | Promise<Organisation>;
    me(): Me | Promise<Me>;
    campaigns(): Campaign[] | Promise<Campaign[]>;
    indicatorTask(id: string): IndicatorTask | Promise<IndicatorTask>;
    taskBreakdownImport(id: string): TaskBreakdownImport | Promise<TaskBreakdownImport>;
    board(campaignId?: Nullable<string>, unitCode?: Nullable<string>): Board | Promise<Board>;
}

export interface IMutation {
    importCatalog(input: ImportCatalogInput): CatalogImport | Promise<CatalogImport>;
    importOrganisation(input: ImportOrganisationInput): OrganisationImport | Promise<OrganisationImport>;
    updateCampaignPolicy(input: UpdateCampaignPolicyInput): Campaign | Promise<Campaign>;
    importTaskBreakdown(input: ImportTaskBreakdownInput): TaskBreakdownImport | Promise<TaskBreakdownImport>;
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

export interface Unit {
    code: string;
    name: string;
    kind: UnitKind;
}

export interface Campaign {
    id: string;
    name: string;
    inspectionDate: string;
    daysToInspection: number;
    policy: TaskPolicy;
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
}

export interface Me {
    id: string;
    login: string;
    displayName: string;
    role: Role;
    unit?: Nullable<Unit>;
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
    version: number;
    allowedActions: IndicatorTaskAction[];
    sideActions: IndicatorTaskAction[];
    comments: Comment[];
    evidence: Evidence[];
    history: DomainEvent[];
    temporalUiUrl?: Nullable<string>;
    updatedAt: DateTime;
}

export interface BoardColumn {
    stage: Stage;
    label: string;
    count: number;
    cards: IndicatorTask[];
}

export interface Board {
    campaign: Campaign;
    columns: BoardColumn[];
}

export interface BoardChange {
    task: IndicatorTask;
    eventType: string;
}

export interface ImportProblem {
    sheet: string;
    row: number;
    column: string;
    columnLetter?: Nullable<string>;
    code: ImportProblemCode;
    message: string;
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
}

export interface ImportCounts {
    tasks: number;
    created: number;
    changed: number;
    unchanged: number;
    removed: number;
    applied: number;
}

export interface TaskBreakdownImport {
    id?: Nullable<string>;
    status: ImportStatus;
    fileName: string;
    counts: ImportCounts;
    problems: ImportProblem[];
    report: string;
    changes: TaskChange[];
}

export interface ISubscription {
    boardChanged(campaignId?: Nullable<string>): BoardChange | Promise<BoardChange>;
}

export type DateTime = string;
export type JSON = unknown;
type Nullable<T> = T | null;
