// Inspection rounds: monthly supervision, open and covert inspections, mock assessments. Planned, started, their
// findings recorded (each becomes a rectification item), mock assessments scored, and closed.

const ROUND = `id kind kindLabel title plannedOn places indicatorCodes state stateLabel findingCount score maxScore scoreRate allowedActions closedAt
  scores { criterionCode points score }`;

export const ROUNDS = `query Rounds { inspectionRounds { ${ROUND} } }`;

export const ROUND_DETAIL = `query Round($id: String!) {
  inspectionRound(id: $id) { ${ROUND}
    findings { id state stateLabel description area location { address } unit { name } dueAt }
    history { label occurredAt actor { displayName } }
  }
}`;

export const INDICATORS = 'query Indicators { catalog { items { code name indicators { code name criteria { code content points } } } } }';

export const PLAN_ROUND = `mutation PlanRound($input: PlanInspectionRoundInput!) { planInspectionRound(input: $input) { id } }`;

export const ACT_ON_ROUND = `mutation ActOnRound($input: RoundActionInput!) { actOnInspectionRound(input: $input) { id state } }`;

export const RECORD_FINDING = `mutation RecordFinding($input: RecordFindingInput!) { recordFinding(input: $input) { duplicate item { id } } }`;

export const RECORD_SCORES = `mutation RecordScores($input: RecordRoundScoresInput!) { recordRoundScores(input: $input) { id score maxScore } }`;

