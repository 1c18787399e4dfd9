// One workflow per survey round: it records SurveyRoundPlanned, then takes the office's results and its closing
// (Updates whose validators apply the pure rule) and, while the round is open, the ladder's steps (提醒 → 催办 → 督办).
// It ends once the round is closed: a closed round's numbers are final.
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideSurveyRound } from './survey-round.decide';
import type { SurveyRoundEvent } from './survey-round.events';
import { evolveSurveyRound, initialSurveyRoundState } from './survey-round.evolve';
import { surveyRoundActionUpdate, surveyRoundStateQuery, type SurveyRoundActionResult } from './survey-round.messages';
import { nextSurveyTimer, surveyTimerEvent } from './survey-round.schedule';
import type { SurveyRoundActionRequest, SurveyRoundInput, SurveyRoundState } from './survey-round.types';

export const DEFAULT_SURVEY_ROUND_HISTORY_LIMIT = 2_000;

export async function surveyRoundWorkflow(input: SurveyRoundInput): Promise<SurveyRoundState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialSurveyRoundState(info.workflowId, input);
  const recorder = eventRecorder<SurveyRoundState, SurveyRoundEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveSurveyRound,
  );

  // The plan is queued before the Update handler is set: an Update sent with the start is recorded after it.
  const planning = input.resume
    ? Promise.resolve(state)
    : recorder.commit(
        (s) =>
          s.version === 0
            ? [{ type: 'SurveyRoundPlanned', data: { campaignId: input.campaignId, title: input.title, method: input.method, startDate: input.startDate, endDate: input.endDate, unitCodes: [...input.unitCodes], dueAt: input.dueAt } }]
            : [],
        input.plannedBy,
        `${info.workflowId}:planned`,
        info.workflowId,
      );

  setHandler(surveyRoundStateQuery, () => state);
  setHandler(
    surveyRoundActionUpdate,
    async (request: SurveyRoundActionRequest): Promise<SurveyRoundActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideSurveyRound, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideSurveyRound) },
  );

  await planning;

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state === 'CLOSED',
    historyLimit: input.historyLimit ?? DEFAULT_SURVEY_ROUND_HISTORY_LIMIT,
    next: (s) => nextSurveyTimer(s, new Date().toISOString(), input.ladder),
    event: surveyTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof surveyRoundWorkflow>({ ...input, resume: { state: s } }),
  });
}
