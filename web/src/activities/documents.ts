// 活动记录: the activities with their filters, the monthly counts, planning, recording 举办 with photos, cancelling,
// the workbook and putting a held activity into the archive library.

const ACTIVITY = `id kind kindLabel title organiser { code name } plannedDate place indicators { code name } state stateLabel heldDate attendance
  photos { name sha256 url } summary cancelReason dueAt overdue escalationLabel archiveDocumentId version canRecordHeld canCancel canArchive
  history { at type label actorName note }`;

const COUNT = 'month kind kindLabel planned held cancelled attendance';

export const ACTIVITIES = `query Activities($filter: ActivityFilter) { activities(filter: $filter) { ${ACTIVITY} } activityMonthlyCounts { months { ${COUNT} } byKind { ${COUNT} } } }`;

/** What the office's plan form chooses from: the units and the catalog's indicators. */
export const ACTIVITY_PLAN_OPTIONS = 'query ActivityPlanOptions { organisation { units { code name kind } } catalog { items { name indicators { code name } } } }';

export const PLAN_ACTIVITY = 'mutation PlanActivity($input: PlanActivityInput!) { planActivity(input: $input) { id } }';

export const RECORD_ACTIVITY_HELD = 'mutation RecordActivityHeld($input: RecordActivityHeldInput!) { recordActivityHeld(input: $input) { id state } }';

export const CANCEL_ACTIVITY = 'mutation CancelActivity($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id state } }';

export const ARCHIVE_ACTIVITY = 'mutation ArchiveActivityEvidence($id: ID!) { archiveActivityEvidence(id: $id) { id title } }';

export const EXPORT_ACTIVITIES = 'query ExportActivities($filter: ActivityFilter) { exportActivities(filter: $filter) { fileName mimeType contentBase64 } }';
