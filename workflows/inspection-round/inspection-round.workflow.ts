// One workflow per inspection round: the authority for its state. Supervisors act through one Update whose
// validator applies the pure rules; each accepted action becomes one event. It ends when the round is closed.
import { condition, currentUpdateInfo, defineQuery, defineUpdate, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { eventRecorder } from '../shared/event-recorder';
import { drainHandlers, rejectUpdate } from '../shared/workflow-loop';
import type { InspectionRoundEvent } from './inspection-round.events';
import { decideRound, evolveRound, initialRoundState, type RoundActionRequest } from './inspection-round.lifecycle';
import type { InspectionRoundInput, InspectionRoundState, RoundState } from './inspection-round.types';

export const INSPECTION_ROUND_WORKFLOW_TYPE = 'inspectionRoundWorkflow';
export const roundActionUpdate = defineUpdate<{ version: number; state: RoundState }, [RoundActionRequest]>('roundAction');
export const roundStateQuery = defineQuery<InspectionRoundState>('roundState');


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
  const planned = recorder.record(
    [
      {
        type: 'RoundPlanned',
        data: { campaignId: input.campaignId, kind: input.kind, title: input.title.trim(), plannedOn: input.plannedOn, places: input.places, indicatorCodes: input.indicatorCodes },
      },
    ],
    input.plannedBy,
    info.workflowId,
    info.workflowId,
  );

  setHandler(roundStateQuery, () => state);
  setHandler(
    roundActionUpdate,
    async (request: RoundActionRequest) => {
      const decision = decideRound(state, request);
      if (!decision.ok) rejectUpdate(decision.rejection);
      const updateId = currentUpdateInfo()?.id ?? uuid4();
      const done = recorder.record(decision.events, request.actor, updateId, request.correlationId ?? updateId);
      const result = { version: state.version, state: state.state };
      await done;
      return result;
    },
    {
      validator: (request: RoundActionRequest) => {
        const decision = decideRound(state, request);
        if (!decision.ok) rejectUpdate(decision.rejection);
      },
    },
  );

  await planned;
  await condition(() => state.state === 'CLOSED');
  await drainHandlers(recorder.settled);
  return state;
}
