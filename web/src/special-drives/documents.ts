// 专项整治 drives (工作组 tab): the campaign's drives with their progress, one drive with its items and history, the
// office's launch, amendment and hand-made attachments, the lead unit's summary and the leading group's review.

const DRIVE = `id campaignId area name state stateLabel startDate endDate goals dueAt late escalationLabel launchedAt
  leadUnit { code name } participatingUnits { code name }
  progress { total open closed overdue relapses relapsedItems closedRate }
  summary summaryAttachments { sha256 name size url } summarySubmittedAt submissions returnReason approvedAt approveNote
  canAmend canSubmitSummary canReview`;

export const SPECIAL_DRIVES = `query SpecialDrives { specialDrives { ${DRIVE} } }`;

export const SPECIAL_DRIVE = `query SpecialDrive($area: RectificationArea!) {
  specialDrive(area: $area) {
    ${DRIVE}
    items { id description address state stateLabel area unit { code name } dueAt overdue relapseCount reportedAt link }
    history { at type label actorName note }
  }
}`;

export const SPECIAL_DRIVE_UNITS = `query SpecialDriveUnits { units { code name } }`;

export const LAUNCH_SPECIAL_DRIVE = `mutation LaunchSpecialDrive($input: SpecialDrivePlanInput!) { launchSpecialDrive(input: $input) { id state } }`;

export const AMEND_SPECIAL_DRIVE = `mutation AmendSpecialDrive($input: SpecialDrivePlanInput!) { amendSpecialDrive(input: $input) { id state } }`;

export const ATTACH_SPECIAL_DRIVE_ITEM = `mutation AttachSpecialDriveItem($area: RectificationArea!, $itemId: ID!) { attachSpecialDriveItem(area: $area, itemId: $itemId) { id } }`;

export const DETACH_SPECIAL_DRIVE_ITEM = `mutation DetachSpecialDriveItem($area: RectificationArea!, $itemId: ID!, $reason: String!) { detachSpecialDriveItem(area: $area, itemId: $itemId, reason: $reason) { id } }`;

export const SUBMIT_SPECIAL_DRIVE_SUMMARY = `mutation SubmitSpecialDriveSummary($input: SubmitSpecialDriveSummaryInput!) { submitSpecialDriveSummary(input: $input) { id state } }`;

export const APPROVE_SPECIAL_DRIVE_SUMMARY = `mutation ApproveSpecialDriveSummary($area: RectificationArea!, $note: String) { approveSpecialDriveSummary(area: $area, note: $note) { id state } }`;

export const RETURN_SPECIAL_DRIVE_SUMMARY = `mutation ReturnSpecialDriveSummary($area: RectificationArea!, $reason: String!) { returnSpecialDriveSummary(area: $area, reason: $reason) { id state } }`;

export const EXPORT_SPECIAL_DRIVES = `query ExportSpecialDrives($area: RectificationArea) { exportSpecialDrives(area: $area) { fileName mimeType contentBase64 } }`;
