// Table types for Kysely. int8 columns come back from pg as strings (pg's default, kept on purpose:
// event positions can exceed 2^53 in a long-lived store); counts are cast to int in SQL where a number is wanted.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface EventsTable {
  position: Generated<string>;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: JSONColumnType<Record<string, unknown>>;
  metadata: JSONColumnType<Record<string, unknown>>;
  occurred_at: Timestamp;
  recorded_at: ColumnType<Date, never, never>;
}

export interface ProjectionCheckpointsTable {
  name: string;
  position: string;
  schema_version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface CampaignsTable {
  id: string;
  name: string;
  inspection_date: string;
  time_zone: string;
  created_at: ColumnType<Date, never, never>;
  /** TaskPolicy; null for the defaults. */
  policy: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface UnitsTable {
  code: string;
  name: string;
  kind: string;
}

export interface AssessmentItemsTable {
  code: string;
  name: string;
}

export interface IndicatorsTable {
  code: string;
  item_code: string;
  name: string;
  method: string;
  points: ColumnType<string, number | string, number | string>;
  standard: string;
  area: string | null;
}

export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  role: string;
  unit_code: string | null;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where email notifications go (issue 16); null: none. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** bcrypt; null: the person cannot sign in with a password yet. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuthSessionsTable {
  id: string;
  user_id: string;
  refresh_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  refreshed_at: Timestamp | null;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
  ip: string | null;
  /** The hash of the refresh token this session replaced last: presented again, it ends the session. */
  previous_refresh_hash: string | null;
}

/** A system client (district integration) that reads with an API key, within its scopes. */
export interface ServiceAccountsTable {
  id: string;
  name: string;
  description: string | null;
  scopes: string[];
  key_hash: string;
  /** The first characters of the key, to tell keys apart in lists; never enough to use. */
  key_prefix: string;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  key_rotated_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
}

/** Per login and address: failures in a row (an attempt counts as one until its password matches), for the delay. */
export interface SignInThrottleTable {
  login: string;
  ip: string;
  failures: number;
  last_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  login: string;
  ip: string;
  succeeded: boolean;
  at: ColumnType<Date, Date | string | undefined, never>;
}

/** 测评内容/测评标准: what is checked for an indicator, how, for how many points, and how points are deducted. */
export interface CriteriaTable {
  code: string;
  indicator_code: string;
  position: number;
  content: string;
  method: string;
  points: ColumnType<string, number | string, number | string>;
  deduction_rule: string;
}

/** An archive material an indicator requires (送审材料). */
export interface ArchiveMaterialsTable {
  code: string;
  indicator_code: string;
  position: number;
  name: string;
  description: ColumnType<string, string | undefined, string>;
}

export interface WorkingGroupsTable {
  code: string;
  name: string;
  duties: ColumnType<string, string | undefined, string>;
}

export interface WorkingGroupMembersTable {
  group_code: string;
  user_id: string;
}

export interface SettingsTable {
  key: string;
  value: JSONColumnType<Record<string, unknown>>;
}

/** Projection: one row per indicator task, the board's card. Disposable: rebuilt from `events`. */
export interface IndicatorTaskCardsTable {
  task_id: string;
  campaign_id: string;
  indicator_code: string;
  unit_code: string;
  lead_unit_code: string;
  stage: string;
  classification: string | null;
  awaiting_review: string | null;
  submitted_by: string | null;
  due_at: Timestamp;
  relapse_count: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_position: string;
  /** The whole lifecycle state (IndicatorTaskState); the columns above are copies for filtering and sorting. */
  state: JSONColumnType<Record<string, unknown>>;
  stage_due_at: Timestamp | null;
  escalation_level: string | null;
  pending_extension: boolean;
  recheck_due: boolean;
  /** 重点/难点 mark (KEY, DIFFICULT, BOTH), null when unmarked (migration 0041). */
  key_flag: string | null;
}

/** The task breakdown as last imported: one row per (indicator, responsible unit) of a campaign. */
export interface TaskAssignmentsTable {
  campaign_id: string;
  indicator_code: string;
  unit_code: string;
  lead_unit_code: string;
  due_at: Timestamp;
  classification: string | null;
  import_id: string | null;
  /** The task (workflow id) this row is; stays when the task is reassigned to another unit. */
  task_id: string;
}

export interface TaskBreakdownImportsTable {
  id: string;
  campaign_id: string;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  imported_by: string;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
  /** APPLYING until every change has reached its workflow, then APPLIED. */
  status: string;
  task_count: number;
  created_count: number;
  changed_count: number;
  unchanged_count: number;
  removed_count: number;
  applied_count: ColumnType<number, number | undefined, number>;
  completed_at: Timestamp | null;
}

export interface TaskBreakdownImportItemsTable {
  import_id: string;
  seq: number;
  /** CREATED or CHANGED (to be applied), REMOVED (reported only). */
  kind: string;
  task_id: string;
  indicator_code: string;
  unit_code: string;
  lead_unit_code: string;
  due_at: Timestamp;
  previous_lead_unit_code: string | null;
  previous_due_at: Timestamp | null;
  source_sheet: string | null;
  source_row: number | null;
  applied_at: Timestamp | null;
  /** The 责任人 the file names for a new task; null when none (migration 0025). */
  responsible_login: ColumnType<string | null, string | null | undefined, string | null>;
  responsible_name: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * 测评体系的版本: the whole catalog after each import that changed it. `snapshot` is a Catalog and `changes` a
 * ReferenceChange[] (src/catalog); typed loosely here so that the database types depend on nothing.
 */
export interface CatalogVersionsTable {
  version: number;
  title: string;
  file_name: string | null;
  file_sha256: string | null;
  /** A user id; no foreign key, so that removing the person keeps the history. */
  imported_by: string | null;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
  indicator_count: number;
  total_points: ColumnType<string, number | string, never>;
  snapshot: ColumnType<Record<string, unknown>, string, never>;
  changes: ColumnType<Record<string, unknown>[], string, never>;
}

/** 整改问题 on the board: one row per rectification item, folded from its events. */
export interface RectificationItemCardsTable {
  item_id: string;
  campaign_id: string;
  state: string;
  source: string;
  area: string | null;
  address: string;
  place_key: string;
  criterion_code: string | null;
  indicator_task_id: string | null;
  inspection_round_id: string | null;
  unit_code: string | null;
  due_at: Timestamp | null;
  escalation_level: string | null;
  relapse_count: number;
  reported_by: string;
  version: number;
  state_json: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  /** 重点/难点 mark (KEY, DIFFICULT, BOTH), null when unmarked (migration 0041). */
  key_flag: string | null;
}

/** The campaign's clock: one row per campaign, folded from the events of stream `campaign:{id}`. */
export interface CampaignStatesTable {
  campaign_id: string;
  stream_id: string;
  phase: string;
  phase_entered_at: Timestamp | null;
  phase_due: boolean;
  version: number;
  /** CampaignState (workflows/campaign/campaign.types.ts), typed loosely here. */
  state: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
}

/** 每月专题汇报: one document per campaign and month ('YYYY-MM'). */
export interface MonthlyReportsTable {
  campaign_id: string;
  month: string;
  generated_at: Timestamp;
  content: ColumnType<Record<string, unknown>, string, string>;
  workflow_id: string | null;
}

/** 检查轮次: one row per inspection round, folded from its events. */
export interface InspectionRoundsTable {
  round_id: string;
  campaign_id: string;
  kind: string;
  title: string;
  /** YYYY-MM-DD, read back as text. */
  planned_on: ColumnType<string, string, string>;
  state: string;
  finding_count: number;
  score: ColumnType<string, number, number>;
  max_score: ColumnType<string, number, number>;
  score_rate: ColumnType<string | null, number | null, number | null>;
  closed_at: Timestamp | null;
  version: number;
  state_json: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
}

/** One denied attempt (FORBIDDEN, UNAUTHENTICATED) of the GraphQL API; who is null when nobody was signed in. */
export interface AccessDenialsTable {
  /** int8 as a string */
  id: Generated<string>;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  user_id: string | null;
  login: string | null;
  role: string | null;
  unit_code: string | null;
  operation_type: string | null;
  operation_name: string | null;
  path: string | null;
  code: string;
  message: string;
  ip: string | null;
  request_id: string | null;
  /** How many refusals the row stands for: more than one for an unidentified address's minute. */
  repeats: Generated<number>;
  /** Minutes since 1970 for the folded refusals of callers nobody could identify; null otherwise. */
  anonymous_minute: ColumnType<string | null, string | number | null | undefined, never>;
}

/** Which request an Idempotency-Key stood for, per person (src/platform/idempotency/). */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** SHA-256 of the operation, its target and its input. */
  request_hash: string;
  stream_id: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A unit's own 企业微信 / 钉钉 group robots, from the organisation import: keys only, never URLs. */
export interface UnitRobotsTable {
  unit_code: string;
  wecom_key: string | null;
  dingtalk_token: string | null;
  dingtalk_secret: string | null;
}

/** One group robot message sent: for the notifications of one event to the people of one group. */
export interface RobotMessagesTable {
  message_key: string;
  channel: string;
  source_event_id: string;
  notification_ids: string[];
  sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A workflow an appended event must start, written in the append's transaction; started once by the worker. */
export interface WorkflowOutboxTable {
  /** The workflow's id: starting it twice is refused by Temporal, so the row is its own idempotency key. */
  workflow_id: string;
  workflow_type: string;
  args: JSONColumnType<unknown[]>;
  source_event_id: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
}

/** One in-app notification (站内消息) for one person, written by the notifications projection. */
export interface NotificationsTable {
  /** Deterministic: a hash of the source event id and the recipient's login. */
  id: string;
  kind: string;
  recipient_login: string;
  campaign_id: string;
  task_id: string | null;
  item_id: string | null;
  title: string;
  text: string;
  urgent: boolean;
  /** The event that caused it; unique with the recipient. */
  source_event_id: string;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A file sent to POST /files, waiting for the action that names it (src/platform/files/upload.service.ts). */
export interface UploadedFilesTable {
  id: string;
  uploaded_by: string;
  name: string;
  sha256: string;
  /** int8, returned by pg as text */
  size: ColumnType<string, number, number>;
  mime_type: string;
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** The register of official notices' numbers (migration 0027): one row per numbered notice, never rebuilt. */
export interface OfficialNoticeNumbersTable {
  kind: string;
  year: number;
  seq: number;
  notice_id: string;
  number: string;
  allocated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Projection: one row per official notice, folded from its stream with the workflow's own evolveNotice. */
export interface OfficialNoticesTable {
  notice_id: string;
  campaign_id: string;
  kind: string;
  number: string;
  year: number;
  seq: number;
  task_id: string | null;
  item_id: string | null;
  unit_code: string;
  state: string;
  issued_at: Timestamp;
  ack_due_at: Timestamp;
  acknowledged_at: Timestamp | null;
  escalation_level: string | null;
  version: number;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  /** The whole state (OfficialNoticeState). */
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** A template the office put in place of a kind's default one. */
export interface OfficialNoticeTemplatesTable {
  kind: string;
  file_name: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A person's delivery preferences (issue 16); no row: the defaults. */
export interface NotificationPreferencesTable {
  login: string;
  /** null: every configured channel (SMS for urgent notifications only). */
  channels: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  quiet_hours_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** HH:MM, Asia/Shanghai. */
  quiet_start: ColumnType<string, string | undefined, string>;
  quiet_end: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The delivery log: one notification on one channel beyond the inbox. */
export interface NotificationDeliveriesTable {
  notification_id: string;
  channel: string;
  /** PENDING, SENT, FAILED, SKIPPED */
  status: string;
  /** Why it was skipped (opted out, no address). */
  reason: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A date on which the office works or rests against the official calendar (工作日调整, migration 0028). */
export interface WorkingDayOverridesTable {
  /** The date, returned as YYYY-MM-DD text where read (cast in SQL). */
  day: ColumnType<string, string, string>;
  is_workday: boolean;
  note: string;
  imported_by: string;
  imported_at: Timestamp;
}

/** A snapshot of a campaign's board (migration 0033): every event at or below `position` folded. */
export interface BoardSnapshotsTable {
  campaign_id: string;
  seq: number;
  position: string;
  taken_at: Date;
  max_occurred_at: Date | null;
  min_occurred_at: Date | null;
  events: number;
  streams: number;
  schema_version: number;
}

/** A stream's card from snapshot `from_seq` up to `to_seq` (migration 0033). */
export interface BoardSnapshotCardsTable {
  campaign_id: string;
  stream_id: string;
  from_seq: number;
  to_seq: number | null;
  kind: 'TASK' | 'ITEM';
  stage: string | null;
  sort_at: Date | null;
  indicator_code: string | null;
  unit_code: string | null;
  lead_unit_code: string | null;
  open_items: number;
  indicator_task_id: string | null;
  open: boolean;
  updated_at: Date;
  state: unknown;
}

export interface Database {
  events: EventsTable;
  projection_checkpoints: ProjectionCheckpointsTable;
  campaigns: CampaignsTable;
  units: UnitsTable;
  assessment_items: AssessmentItemsTable;
  indicators: IndicatorsTable;
  users: UsersTable;
  settings: SettingsTable;
  indicator_task_cards: IndicatorTaskCardsTable;
  task_assignments: TaskAssignmentsTable;
  criteria: CriteriaTable;
  archive_materials: ArchiveMaterialsTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  task_breakdown_imports: TaskBreakdownImportsTable;
  task_breakdown_import_items: TaskBreakdownImportItemsTable;
  catalog_versions: CatalogVersionsTable;
  rectification_item_cards: RectificationItemCardsTable;
  inspection_rounds: InspectionRoundsTable;
  auth_sessions: AuthSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  sign_in_throttle: SignInThrottleTable;
  campaign_states: CampaignStatesTable;
  monthly_reports: MonthlyReportsTable;
  access_denials: AccessDenialsTable;
  service_accounts: ServiceAccountsTable;
  idempotency_keys: IdempotencyKeysTable;
  uploaded_files: UploadedFilesTable;
  notifications: NotificationsTable;
  workflow_outbox: WorkflowOutboxTable;
  unit_robots: UnitRobotsTable;
  robot_messages: RobotMessagesTable;
  official_notice_numbers: OfficialNoticeNumbersTable;
  official_notices: OfficialNoticesTable;
  official_notice_templates: OfficialNoticeTemplatesTable;
  notification_preferences: NotificationPreferencesTable;
  notification_deliveries: NotificationDeliveriesTable;
  working_day_overrides: WorkingDayOverridesTable;
  board_snapshots: BoardSnapshotsTable;
  board_snapshot_cards: BoardSnapshotCardsTable;
  mobilization_documents: MobilizationDocumentsTable;
  mobilization_responses: MobilizationResponsesTable;
  unit_reports: UnitReportsTable;
  unit_report_settings: UnitReportSettingsTable;
  briefing_numbers: BriefingNumbersTable;
  briefings: BriefingsTable;
  archive_documents: ArchiveDocumentsTable;
  archive_packages: ArchivePackagesTable;
  survey_rounds: SurveyRoundsTable;
  special_drives: SpecialDrivesTable;
  funding_ledgers: FundingLedgersTable;
  funding_budget_lines: FundingBudgetLinesTable;
  funding_allocations: FundingAllocationsTable;
  funding_spendings: FundingSpendingsTable;
  window_service_checklists: WindowServiceChecklistsTable;
  activities: ActivitiesTable;
  publicity_ledgers: PublicityLedgersTable;
  publicity_entries: PublicityEntriesTable;
  self_evaluation_rounds: SelfEvaluationRoundsTable;
  appraisals: AppraisalsTable;
}

/** Projection (migration 0034): one row per mobilization document, folded from its stream with evolveDoc. */
export interface MobilizationDocumentsTable {
  document_id: string;
  campaign_id: string;
  kind: string;
  title: string;
  status: string;
  issued_at: Timestamp;
  due_at: Timestamp;
  unit_codes: string[];
  version: number;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  /** The whole state (MobilizationDocState). */
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (migration 0034): one row per unit's response to a mobilization document, folded with evolveResponse. */
export interface MobilizationResponsesTable {
  response_id: string;
  document_id: string;
  campaign_id: string;
  unit_code: string;
  review: string;
  acknowledged_at: Timestamp | null;
  escalation_level: string | null;
  version: number;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  /** The whole state (MobilizationResponseState). */
  state_json: ColumnType<Record<string, unknown>, string, string>;
}


/** A unit's monthly report (migration 0036): a projection of its stream. */
export interface UnitReportsTable {
  report_id: string;
  campaign_id: string;
  unit_code: string;
  month: string;
  state: string;
  due_at: Timestamp;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  late: boolean;
  escalation_level: string | null;
  version: number;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  /** The whole state (UnitReportState). */
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** A campaign's due day of the month for units' reports (migration 0036); none: DEFAULT_DUE_DAY. */
export interface UnitReportSettingsTable {
  campaign_id: string;
  due_day: number;
  updated_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
/** The register of briefings' numbers (migration 0035): one row per published briefing, never rebuilt. */
export interface BriefingNumbersTable {
  kind: string;
  year: number;
  seq: number;
  briefing_id: string;
  number: string;
  allocated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Projection: one row per briefing (工作简报 / 督查通报), folded from its stream with the workflow's own evolveBriefing. */
export interface BriefingsTable {
  briefing_id: string;
  campaign_id: string;
  kind: string;
  state: string;
  title: string;
  number: string | null;
  year: number | null;
  seq: number | null;
  named_units: string[];
  /** Named units that have not acknowledged yet. */
  pending_units: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  version: number;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  /** The whole state (BriefingStateView). */
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (issue 19): the archive library's documents; the whole state in state_json (LibraryDocumentState). */
export interface ArchiveDocumentsTable {
  document_id: string;
  campaign_id: string;
  kind: string;
  title: string;
  unit_code: string | null;
  state: string;
  source: string | null;
  submitted_at: Timestamp;
  version: number;
  last_position: string;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (issue 19): archive packages; the whole state in state_json (ArchivePackageState). */
export interface ArchivePackagesTable {
  package_id: string;
  campaign_id: string;
  state: string;
  requested_at: Timestamp;
  sha256: string | null;
  version: number;
  last_position: string;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}
/** Projection (issue 20, migration 0042): one row per survey round (问卷调查); the whole state in state_json (SurveyRoundState). */
export interface SurveyRoundsTable {
  round_id: string;
  campaign_id: string;
  state: string;
  title: string;
  start_date: string;
  end_date: string;
  due_at: Timestamp;
  closed_at: Timestamp | null;
  escalation_level: string | null;
  version: number;
  last_position: string;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (issue 20, migration 0038): 专项整治 drives, one per campaign and area; the whole state in state_json (SpecialDriveState). */
export interface SpecialDrivesTable {
  drive_id: string;
  campaign_id: string;
  area: string;
  state: string;
  lead_unit_code: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  due_at: Timestamp;
  escalation_level: string | null;
  version: number;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (issue 20, migration 0039): one funding ledger per campaign; amounts in fen (bigint, read back as strings). */
export interface FundingLedgersTable {
  ledger_id: string;
  campaign_id: string;
  threshold_fen: ColumnType<string, number, number>;
  version: number;
  last_position: string;
  /** The whole state (FundingLedgerState). */
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (issue 20): a ledger's budget lines with their totals in fen. */
export interface FundingBudgetLinesTable {
  line_id: string;
  ledger_id: string;
  campaign_id: string;
  year: number;
  name: string;
  unit_code: string | null;
  purpose: string;
  budget_fen: ColumnType<string, number, number>;
  allocated_fen: ColumnType<string, number, number>;
  spent_fen: ColumnType<string, number, number>;
  pending_fen: ColumnType<string, number, number>;
  created_at: Timestamp;
}

/** Projection (issue 20): allocations from a line to a special drive (by area) or an indicator task. */
export interface FundingAllocationsTable {
  allocation_id: string;
  campaign_id: string;
  line_id: string;
  target_kind: string;
  target_area: string | null;
  target_task_id: string | null;
  amount_fen: ColumnType<string, number, number>;
  note: string;
  allocated_at: Timestamp;
}

/** Projection (issue 20): spendings; receipts as [{ sha256, name, size, mimeType }]. */
export interface FundingSpendingsTable {
  spending_id: string;
  campaign_id: string;
  line_id: string;
  allocation_id: string | null;
  unit_code: string | null;
  amount_fen: ColumnType<string, number, number>;
  payee: string;
  spent_on: string;
  purpose: string;
  state: string;
  recorded_at: Timestamp;
  recorded_by: string;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_note: string | null;
  escalation_level: string | null;
  receipts: ColumnType<Record<string, unknown>[], string, string>;
}

/** Issue 20: the window-service checklist's versions per campaign (points: WindowChecklistPoint[]). */
export interface WindowServiceChecklistsTable {
  campaign_id: string;
  version: number;
  points: ColumnType<{ code: string; label: string }[], string, string>;
  saved_by: string;
  saved_at: ColumnType<Date, Date | undefined, never>;
}

/** Projection (issue 20, migration 0044): one row per activity (活动组); the whole state in state_json (ActivityState). */
export interface ActivitiesTable {
  activity_id: string;
  campaign_id: string;
  kind: string;
  state: string;
  title: string;
  organiser_unit_code: string;
  planned_date: string;
  held_date: string | null;
  attendance: number | null;
  due_at: Timestamp;
  escalation_level: string | null;
  version: number;
  last_position: string;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}
/** Projection (issue 20, migration 0043): one publicity ledger per campaign, its whole state (PublicityLedgerState). */
export interface PublicityLedgersTable {
  ledger_id: string;
  campaign_id: string;
  version: number;
  /** int8 as a string */
  last_position: ColumnType<string, string | number | bigint, string | number | bigint>;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (issue 20, migration 0043): the publicity ledger's entries; photos as [{ sha256, name, size, mimeType }]. */
export interface PublicityEntriesTable {
  entry_id: string;
  campaign_id: string;
  channel: string;
  location: string;
  unit_code: string;
  count: number;
  /** YYYY-MM-DD */
  held_on: string;
  /** YYYY-MM */
  month: string;
  indicator_codes: string[];
  photos: ColumnType<Record<string, unknown>[], string, string>;
  note: string;
  voided: boolean;
  void_reason: string | null;
  recorded_at: Timestamp;
  recorded_by: string;
  corrected_at: Timestamp | null;
  corrections: number;
  last_reason: string | null;
}

/** Projection (issue 20, migration 0045): one row per self-evaluation round (自查自评); the whole state in state_json (SelfEvaluationState). */
export interface SelfEvaluationRoundsTable {
  round_id: string;
  campaign_id: string;
  state: string;
  title: string;
  period_start: string;
  period_end: string;
  due_at: Timestamp;
  closed_at: Timestamp | null;
  escalation_level: string | null;
  version: number;
  last_position: string;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}

/** Projection (issue 20, migration 0045): one row per campaign's 评议 (grades and working-group ratings; AppraisalState). */
export interface AppraisalsTable {
  appraisal_id: string;
  campaign_id: string;
  version: number;
  last_position: string;
  state_json: ColumnType<Record<string, unknown>, string, string>;
}
