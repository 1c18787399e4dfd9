// One workflow per inspection round: the authority for its state. Supervisors act through one Update whose
// validator applies the pure rules; each accepted action becomes one event. It ends when the round is closed.
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { eventRecorder } from '../shared/event-recorder';
import { actionValidator, recordAction } from '../shared/action-update';
import { drainHandlers } from '../shared/workflow-loop';
import type { InspectionRoundEvent } from './inspection-round.events';
import { decideRound } from './inspection-round.decide';
import { evolveRound, initialRoundState } from './inspection-round.evolve';
import { roundActionUpdate, roundStateQuery } from './inspection-round.messages';
import type { InspectionRoundInput, InspectionRoundState, RoundActionRequest } from './inspection-round.types';


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
  await condition(() => state.state === 'CLOSED');
  await drainHandlers(recorder.settled);
  return state;
}
