// Units' monthly reports (专题汇报): the month's matrix, one report with its history, hand-in and review.

const REPORT = `id month state stateLabel dueAt late progress problems nextSteps submittedAt submittedByName submissions returnReason
  acceptedAt acceptNote escalationLabel canSubmit canReview unit { code name } attachments { sha256 name size url }
  history { at type label actorName note }`;

export const UNIT_REPORT_MONTH = `query UnitReportMonth($month: String!) {
  unitReportMonth(month: $month) { campaignId month dueDay opened submitted accepted overdue reports { ${REPORT} } }
}`;

export const SUBMIT_UNIT_REPORT = `mutation SubmitUnitReport($input: SubmitUnitReportInput!) { submitUnitReport(input: $input) { id state } }`;

export const ACCEPT_UNIT_REPORT = `mutation AcceptUnitReport($id: ID!, $note: String) { acceptUnitReport(id: $id, note: $note) { id state } }`;

export const RETURN_UNIT_REPORT = `mutation ReturnUnitReport($id: ID!, $reason: String!) { returnUnitReport(id: $id, reason: $reason) { id state } }`;

export const OPEN_UNIT_REPORT_MONTH = `mutation OpenUnitReportMonth($month: String!) { openUnitReportMonth(month: $month) { month opened } }`;

export const SET_UNIT_REPORT_DUE_DAY = `mutation SetUnitReportDueDay($dueDay: Int!) { setUnitReportDueDay(dueDay: $dueDay) }`;
