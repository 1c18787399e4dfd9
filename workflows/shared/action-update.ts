// How every lifecycle workflow answers its action Update: the validator judges the request by the state the
// record in flight will leave, and the handler decides again and records, by append-before-commit once the run
// has the patch, or the way runs recorded before it replay.
import { currentUpdateInfo, uuid4 } from '@temporalio/workflow';
import type { Actor } from './actor.types';
import type { Decision } from './decision.types';
import type { Recorder } from './event-recorder';
import { acceptedEvents, rejectUpdate } from './workflow-loop';

/** What every action Update carries besides its command. */
interface ActionRequestBase {
  actor: Actor;
  correlationId?: string;
}

/** The Update's validator: refuses with the rule's coded rejection what the state after the record in flight forbids. */
export function actionValidator<S extends { version: number }, E extends { type: string; data: object }, R>(
  recorder: Recorder<S, E>,
  decide: (state: S, request: R) => Decision<E>,
): (request: R) => void {
  return (request) => {
    const decision = decide(recorder.expected(), request);
    if (!decision.ok) rejectUpdate(decision.rejection);
  };
}

/**
 * The Update's handler: decides the request and records its events, under the Update's id as causation. Resolves
 * with the events, the state the caller is answered from (the committed state after them, or on the legacy path
 * the state they were folded into) and the time the events carry as occurredAt (the card's updatedAt after them;
 * null when there were none). Neither the state nor the time costs a command: both are what the record used.
 */
export async function recordAction<S extends { version: number }, E extends { type: string; data: object }, R extends ActionRequestBase>(
  recorder: Recorder<S, E>,
  getState: () => S,
  decide: (state: S, request: R) => Decision<E>,
  request: R,
): Promise<{ events: E[]; state: S; recordedAt: string | null }> {
  const updateId = currentUpdateInfo()?.id ?? uuid4();
  const correlationId = request.correlationId ?? updateId;
  if (recorder.safe()) {
    // Decided again on the committed state once the actions before it are written: one of them may have made
    // this one illegal, and the caller then gets the rule's coded rejection.
    let events: E[] = [];
    let at = '';
    const after = await recorder.commit(
      (s, occurredAt) => {
        at = occurredAt;
        return (events = acceptedEvents(decide(s, request)));
      },
      request.actor,
      updateId,
      correlationId,
    );
    return { events, state: after, recordedAt: events.length > 0 ? at : null };
  }
  // Validator and handler run in the same activation, so this decision equals the validator's.
  const events = acceptedEvents(decide(getState(), request));
  // Workflow time does not move within an activation: recordNow stamps the events with this same instant.
  const recordedAt = new Date().toISOString();
  const done = recorder.recordNow(events, request.actor, updateId, correlationId);
  const state = getState();
  await done;
  return { events, state, recordedAt: events.length > 0 ? recordedAt : null };
}
