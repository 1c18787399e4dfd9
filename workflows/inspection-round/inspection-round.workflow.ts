// One workflow per inspection round: the authority for its state. Supervisors act through one Update whose
// validator applies the pure rules; each accepted action becomes one event. It ends when the round is closed.
import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { InspectionRoundActivities } from '../../activities/inspection-round.activities';
import { SYSTEM_ACTOR } from '../shared/actor.types';
import { eventRecorder, recordOrRetryLater } from '../shared/event-recorder';
import { actionValidator, recordAction } from '../shared/action-update';
import { drainHandlers } from '../shared/workflow-loop';
import type { InspectionRoundEvent } from './inspection-round.events';
import { decideRound } from './inspection-round.decide';
import { evolveRound, initialRoundState } from './inspection-round.evolve';
import { roundActionUpdate, roundStateQuery } from './inspection-round.messages';
import type { InspectionRoundInput, InspectionRoundState, RoundActionRequest } from './inspection-round.types';

// Retried until Temporal gives up on the worker: the activity is safe to run again (inspection-round.activities.ts).
const { applyRoundScoresToTask } = proxyActivities<InspectionRoundActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function inspectionRoundWorkflow(input: InspectionRoundInput): Promise<InspectionRoundState> {
  const info = workflowInfo();
  let state = initialRoundState(input);
  const recorder = eventRecorder<InspectionRoundState, InspectionRoundEvent>(
    () => state,
    (s) => {
      state = s;
    },
    evolveRound,
  );
  const roundPlanned: InspectionRoundEvent = {
    type: 'RoundPlanned',
    data: { campaignId: input.campaignId, kind: input.kind, title: input.title.trim(), plannedOn: input.plannedOn, places: input.places, indicatorCodes: input.indicatorCodes },
  };
  const planned = recorder.recordNow([roundPlanned], input.plannedBy, info.workflowId, info.workflowId);

  setHandler(roundStateQuery, () => state);
  setHandler(
    roundActionUpdate,
    async (request: RoundActionRequest) => {
      const { state: after } = await recordAction(recorder, () => state, decideRound, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideRound) },
  );

  await planned;
  // A mock assessment's scores that complete a task's criteria become that task's mock assessment, one task at a
  // time, each outcome an event of the round. The round ends once it is closed and none is left to apply.
  let failures = 0;
  const applying = () => (state.taskAssessments ?? []).filter((a) => a.outcome === 'APPLYING' && a.pending);
  for (;;) {
    await condition(() => applying().length > 0 || state.state === 'CLOSED');
    const next = applying()[0];
    if (!next) break;
    const result = await applyRoundScoresToTask({ roundId: info.workflowId, roundTitle: state.title, taskId: next.taskId, scores: next.pending!.scores, followUp: next.pending!.followUp, by: next.pending!.by });
    // An outcome that cannot be written is tried again later (the activity answers the same): the task has it.
    const version = state.version;
    failures = await recordOrRetryLater(
      () =>
        recorder.commit(
          (s) => ((s.taskAssessments ?? []).some((a) => a.taskId === next.taskId && a.outcome === 'APPLYING') ? [{ type: 'RoundTaskAssessed', data: { taskId: next.taskId, ...result } }] : []),
          SYSTEM_ACTOR,
          `${info.workflowId}:task:${next.taskId}`,
          info.workflowId,
        ),
      failures,
      () => state.version !== version,
    );
  }
  await drainHandlers(recorder.settled);
  return state;
}
