// One workflow per activity: it records ActivityPlanned, then takes 举办 or the cancellation (Updates whose validators
// apply the pure rule) and, while the activity is planned past its date, the ladder's steps (提醒 → 催办). It ends once
// the activity is held or cancelled.
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideActivity } from './activity.decide';
import type { ActivityEvent } from './activity.events';
import { evolveActivity, initialActivityState } from './activity.evolve';
import { activityActionUpdate, activityStateQuery, type ActivityActionResult } from './activity.messages';
import { activityTimerEvent, nextActivityTimer } from './activity.schedule';
import type { ActivityActionRequest, ActivityInput, ActivityState } from './activity.types';

export const DEFAULT_ACTIVITY_HISTORY_LIMIT = 2_000;

export async function activityWorkflow(input: ActivityInput): Promise<ActivityState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialActivityState(info.workflowId, input);
  const recorder = eventRecorder<ActivityState, ActivityEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveActivity,
  );

  // The plan is queued before the Update handler is set: an Update sent with the start is recorded after it.
  const planning = input.resume
    ? Promise.resolve(state)
    : recorder.commit(
        (s) =>
          s.version === 0
            ? [
                {
                  type: 'ActivityPlanned',
                  data: {
                    campaignId: input.campaignId,
                    kind: input.kind,
                    title: input.title,
                    organiserUnitCode: input.organiserUnitCode,
                    plannedDate: input.plannedDate,
                    place: input.place,
                    indicatorCodes: [...input.indicatorCodes],
                    dueAt: input.dueAt,
                  },
                },
              ]
            : [],
        input.plannedBy,
        `${info.workflowId}:planned`,
        info.workflowId,
      );

  setHandler(activityStateQuery, () => state);
  setHandler(
    activityActionUpdate,
    async (request: ActivityActionRequest): Promise<ActivityActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideActivity, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideActivity) },
  );

  await planning;

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state !== 'PLANNED',
    historyLimit: input.historyLimit ?? DEFAULT_ACTIVITY_HISTORY_LIMIT,
    next: (s) => nextActivityTimer(s, input.ladder),
    event: activityTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof activityWorkflow>({ ...input, resume: { state: s } }),
  });
}
