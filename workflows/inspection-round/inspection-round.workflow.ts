// One workflow per inspection round: the authority for its state. Supervisors act through one Update whose
// validator applies the pure rules; each accepted action becomes one event. It ends when the round is closed.
import { condition, currentUpdateInfo, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { eventRecorder } from '../shared/event-recorder';
import { acceptedEvents, drainHandlers, rejectUpdate } from '../shared/workflow-loop';
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
      const updateId = currentUpdateInfo()?.id ?? uuid4();
      const correlationId = request.correlationId ?? updateId;
      if (recorder.safe()) {
        // Decided again on the committed state once the actions before it are written.
        const after = await recorder.commit((s) => acceptedEvents(decideRound(s, request)), request.actor, updateId, correlationId);
        return { version: after.version, state: after.state };
      }
      const events = acceptedEvents(decideRound(state, request));
      const done = recorder.recordNow(events, request.actor, updateId, correlationId);
      const result = { version: state.version, state: state.state };
      await done;
      return result;
    },
    {
      // Judged by the state the action in flight will leave; the handler decides again on the committed state.
      validator: (request: RoundActionRequest) => {
        const decision = decideRound(recorder.expected(), request);
        if (!decision.ok) rejectUpdate(decision.rejection);
      },
    },
  );

  await planned;
  await condition(() => state.state === 'CLOSED');
  await drainHandlers(recorder.settled);
  return state;
}
