// Chinese labels of survey rounds.
import type { SurveyRoundEventType } from './survey-round.events';
import type { SurveyLevel, SurveyMeasure, SurveyMethod, SurveyRoundStateName } from './survey-round.types';

export const SURVEY_ROUND_STATE_LABELS: Record<SurveyRoundStateName, string> = { OPEN: '进行中', CLOSED: '已结束' };
export const SURVEY_METHOD_LABELS: Record<SurveyMethod, string> = { IN_PERSON: '入户面访', INTERCEPT: '街头拦访', ONLINE: '网络问卷', PHONE: '电话访问' };
export const SURVEY_LEVEL_LABELS: Record<SurveyLevel, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办' };
export const SURVEY_MEASURE_LABELS: Record<SurveyMeasure, string> = { aware: '知晓率', supporting: '支持率', participating: '参与率', satisfied: '满意度' };
/** What a respondent counted under each measure said. */
export const SURVEY_COUNT_LABELS: Record<SurveyMeasure, string> = { aware: '知晓人数', supporting: '支持人数', participating: '参与人数', satisfied: '满意人数' };
export const SURVEY_ROUND_EVENT_LABELS: Record<SurveyRoundEventType, string> = {
  SurveyRoundPlanned: '制定调查计划',
  SurveyResultsRecorded: '录入社区结果',
  SurveyRoundClosed: '结束本轮调查',
  SurveyRoundEscalated: '结果催办',
};
