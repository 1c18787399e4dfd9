// Messages of the survey-round workflow: its type name and ids, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SurveyRoundActionRequest, SurveyRoundState, SurveyRoundStateName } from './survey-round.types';

export interface SurveyRoundActionResult {
  version: number;
  state: SurveyRoundStateName;
}

export const SURVEY_ROUND_WORKFLOW_TYPE = 'surveyRoundWorkflow';
export const surveyRoundActionUpdate = defineUpdate<SurveyRoundActionResult, [SurveyRoundActionRequest]>('surveyRoundAction');
export const surveyRoundStateQuery = defineQuery<SurveyRoundState>('surveyRoundState');

export const SURVEY_ROUND_STREAM_PREFIX = 'survey-round:';

/** The business key: a round of a campaign, named by the key the office's request was given. */
export function surveyRoundWorkflowId(campaignId: string, key: string): string {
  return `${SURVEY_ROUND_STREAM_PREFIX}${campaignId}:${key}`;
}
