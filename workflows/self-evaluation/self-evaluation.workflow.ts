// One workflow per self-evaluation round: it records SelfEvaluationOpened, then takes the units' forms, the office's
// returns and its closing (Updates whose validators apply the pure rule) and, while forms are missing, the ladder's
// steps (提醒 → 催办 → 督办). It ends once the round is closed: a closed round is read-only.
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideSelfEvaluation } from './self-evaluation.decide';
import type { SelfEvaluationEvent } from './self-evaluation.events';
import { evolveSelfEvaluation, initialSelfEvaluationState } from './self-evaluation.evolve';
import { selfEvaluationActionUpdate, selfEvaluationStateQuery, type SelfEvaluationActionResult } from './self-evaluation.messages';
import { nextSelfEvaluationTimer, selfEvaluationTimerEvent } from './self-evaluation.schedule';
import type { SelfEvaluationActionRequest, SelfEvaluationInput, SelfEvaluationState } from './self-evaluation.types';

export const DEFAULT_SELF_EVALUATION_HISTORY_LIMIT = 2_000;

export async function selfEvaluationWorkflow(input: SelfEvaluationInput): Promise<SelfEvaluationState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialSelfEvaluationState(info.workflowId, input);
  const recorder = eventRecorder<SelfEvaluationState, SelfEvaluationEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveSelfEvaluation,
  );

  // The opening is queued before the Update handler is set: an Update sent with the start is recorded after it.
  const opening = input.resume
    ? Promise.resolve(state)
    : recorder.commit(
        (s) =>
          s.version === 0
            ? [{ type: 'SelfEvaluationOpened', data: { campaignId: input.campaignId, title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd, dueAt: input.dueAt, units: input.units.map((u) => ({ unitCode: u.unitCode, taskIds: [...u.taskIds] })) } }]
            : [],
        input.openedBy,
        `${info.workflowId}:opened`,
        info.workflowId,
      );

  setHandler(selfEvaluationStateQuery, () => state);
  setHandler(
    selfEvaluationActionUpdate,
    async (request: SelfEvaluationActionRequest): Promise<SelfEvaluationActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideSelfEvaluation, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideSelfEvaluation) },
  );

  await opening;

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state === 'CLOSED',
    historyLimit: input.historyLimit ?? DEFAULT_SELF_EVALUATION_HISTORY_LIMIT,
    next: (s) => nextSelfEvaluationTimer(s, new Date().toISOString(), input.ladder),
    event: selfEvaluationTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof selfEvaluationWorkflow>({ ...input, resume: { state: s } }),
  });
}
