// Planning a survey round: one workflow under its business key (campaign and a key of the request), which records the
// plan. Used by the API and the demo.
import { WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { surveyRoundWorkflowId, SURVEY_ROUND_WORKFLOW_TYPE } from '../../workflows/survey-round/survey-round.messages';
import type { SurveyRoundInput } from '../../workflows/survey-round/survey-round.types';

/** Starts the round's workflow; answers its id. A key used before is refused by Temporal (REJECT_DUPLICATE). */
export async function startSurveyRound(client: Client, taskQueue: string, key: string, input: SurveyRoundInput): Promise<string> {
  const workflowId = surveyRoundWorkflowId(input.campaignId, key);
  await client.workflow.start(SURVEY_ROUND_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
  return workflowId;
}
