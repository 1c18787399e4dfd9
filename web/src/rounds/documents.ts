// Inspection rounds: monthly supervision, open and covert inspections, mock assessments. Planned, started, their
// findings recorded (each becomes a rectification item), mock assessments scored, and closed.

const ROUND = `id kind kindLabel title plannedOn places indicatorCodes state stateLabel findingCount score maxScore scoreRate allowedActions closedAt
  scores { criterionCode points score unitCode }`;

export const ROUNDS = `query Rounds { inspectionRounds { ${ROUND} } }`;

export const ROUND_DETAIL = `query Round($id: String!) {
  inspectionRound(id: $id) { ${ROUND}
    findings { id state stateLabel description area location { address } unit { name } dueAt }
    history { label occurredAt actor { displayName } }
    coveredTasks { taskId indicatorCode unitCode unitName stage stageLabel }
    windowChecks { unitCode unitName checklistVersion passedCount passRate at
      results { code label passed note duplicate item { id stateLabel } } }
    taskAssessments { taskId unitCode unitName indicatorCode outcome outcomeLabel reason score maxScore scoreRate passed at }
  }
}`;

export const INDICATORS = 'query Indicators { catalog { items { code name indicators { code name criteria { code content points } } } } }';

export const PLAN_ROUND = `mutation PlanRound($input: PlanInspectionRoundInput!) { planInspectionRound(input: $input) { id } }`;

export const ACT_ON_ROUND = `mutation ActOnRound($input: RoundActionInput!) { actOnInspectionRound(input: $input) { id state } }`;

export const RECORD_FINDING = `mutation RecordFinding($input: RecordFindingInput!) { recordFinding(input: $input) { duplicate item { id } } }`;

export const RECORD_SCORES = `mutation RecordScores($input: RecordRoundScoresInput!) { recordRoundScores(input: $input) { id score maxScore } }`;


export const WINDOW_CHECKLIST = `query WindowChecklist { windowChecklist { version points { code label } savedAt } windowServiceUnits { code name } }`;

export const RECORD_WINDOW_CHECK = `mutation RecordWindowCheck($input: RecordWindowCheckInput!) { recordWindowCheck(input: $input) { id findingCount } }`;

export const SAVE_WINDOW_CHECKLIST = `mutation SaveWindowChecklist($input: SaveWindowChecklistInput!) { saveWindowChecklist(input: $input) { version } }`;

export const EXPORT_WINDOW_CHECKS = `query ExportWindowChecks { exportWindowChecks { fileName mimeType contentBase64 } }`;
