// 问卷调查: the rounds with each community's counts and rates, planning, entering results, closing, the workbooks,
// a task citing a closed round, and the trend on the dashboard.

const COUNTS = 'sample aware supporting participating satisfied rates { aware supporting participating satisfied }';

const ROUND = `id title method methodLabel startDate endDate dueAt state stateLabel recordedCount closedAt closeNote escalationLabel canRecord canClose
  total { ${COUNTS} }
  communities { unit { code name } recorded recordedAt counts { ${COUNTS} } }
  history { at type label actorName note }`;

export const SURVEY_ROUNDS = `query SurveyRounds { surveyRounds { ${ROUND} } surveyCommunities { code name } }`;

export const PLAN_SURVEY_ROUND = `mutation PlanSurveyRound($input: PlanSurveyRoundInput!) { planSurveyRound(input: $input) { id } }`;

export const RECORD_SURVEY_RESULTS = `mutation RecordSurveyResults($input: RecordSurveyResultsInput!) { recordSurveyResults(input: $input) { id recordedCount } }`;

export const CLOSE_SURVEY_ROUND = `mutation CloseSurveyRound($id: ID!, $note: String) { closeSurveyRound(id: $id, note: $note) { id state } }`;

export const EXPORT_SURVEY_ROUND = `query ExportSurveyRound($id: ID!) { exportSurveyRound(id: $id) { fileName mimeType contentBase64 } }`;

export const EXPORT_SURVEY_TREND = `query ExportSurveyTrend { exportSurveyTrend { fileName mimeType contentBase64 } }`;

/** The tasks the caller sees, to cite a round on one of a survey indicator's (the API checks who may). */
export const SURVEY_TASKS = `query SurveyTasks { tasks(first: 200) { edges { node { id sideActions indicator { code name method } unit { name } } } } }`;

export const CITE_SURVEY_ROUND = `mutation CiteSurveyRound($input: CiteSurveyRoundInput!) { citeSurveyRound(input: $input) { id } }`;

const POINT = `roundId title startDate endDate counts { ${COUNTS} } change { aware supporting participating satisfied }`;

export const SURVEY_TREND = `query SurveyTrend { surveyTrend { campaignId overall { ${POINT} } communities { unit { code name } points { ${POINT} } } } }`;
