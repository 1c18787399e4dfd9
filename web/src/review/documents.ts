// 总结评议: self-evaluation rounds with each unit's form, opening, submitting, returning, closing, the workbook, and the
// leading group's 评议 (unit grades and working-group ratings).

const FORM = `unitCode unitName state stateLabel late submittedAt submissions returnReason selfGrade selfGradeLabel achievements shortcomings nextSteps canSubmit canReturn
  items { taskId indicatorCode indicatorName status statusLabel note }`;

const ROUND = `id title periodStart periodEnd dueAt state stateLabel escalationLabel unitCount submittedCount closedAt closeNote canClose forms { ${FORM} }`;

export const SELF_EVALUATION_ROUNDS = `query SelfEvaluationRounds { selfEvaluationRounds { ${ROUND} } }`;

export const OPEN_SELF_EVALUATION_ROUND = `mutation OpenSelfEvaluationRound($input: OpenSelfEvaluationRoundInput!) { openSelfEvaluationRound(input: $input) { id } }`;

export const SUBMIT_SELF_EVALUATION = `mutation SubmitSelfEvaluation($input: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $input) { id submittedCount } }`;

export const RETURN_SELF_EVALUATION = `mutation ReturnSelfEvaluation($roundId: ID!, $unitCode: String!, $reason: String!) { returnSelfEvaluation(roundId: $roundId, unitCode: $unitCode, reason: $reason) { id } }`;

export const CLOSE_SELF_EVALUATION_ROUND = `mutation CloseSelfEvaluationRound($id: ID!, $note: String) { closeSelfEvaluationRound(id: $id, note: $note) { id state } }`;

export const EXPORT_SELF_EVALUATION_ROUND = `query ExportSelfEvaluationRound($id: ID!) { exportSelfEvaluationRound(id: $id) { fileName mimeType contentBase64 } }`;

export const APPRAISAL = `query Appraisal { appraisal { campaignId canGrade
  grades { unit { code name } grade gradeLabel comment gradedAt revisions lastReason }
  ratings { group groupLabel rating ratingLabel comment ratedAt revisions lastReason } } }`;

export const GRADE_UNIT = `mutation GradeUnit($input: GradeUnitInput!) { gradeUnit(input: $input) { campaignId } }`;

export const RATE_WORKING_GROUP = `mutation RateWorkingGroup($input: RateWorkingGroupInput!) { rateWorkingGroup(input: $input) { campaignId } }`;
