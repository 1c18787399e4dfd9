// One workflow per indicator task: the authority for its process state. Human actions arrive as Updates
// whose validators apply the pure lifecycle rules; every accepted action is appended to the event store by an
// activity before the Update returns, so a caller that got an answer can read the projection at once.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { EventStoreActivities } from '../../activities/event-store.activities';
import type { NewEvent } from '../../activities/event-store.types';
import { TASK_STAGE } from '../search-attributes';
import type { IndicatorTaskEvent } from './indicator-task.events';
import { decide, evolve, initialState, type ActionRequest, type Rejection } from './indicator-task.lifecycle';
import { performActionUpdate, stateQuery, type ActionResult } from './indicator-task.messages';
import type { Actor, IndicatorTaskInput, IndicatorTaskState } from './indicator-task.types';

const { appendEvents } = proxyActivities<EventStoreActivities>({
  startToCloseTimeout: '10 seconds',
  // A database outage must delay an event, never lose it: retry until it is written.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['STREAM_CONFLICT'] },
});

/** Business rejections reach the caller as non-retryable failures whose type is the stable code. */
function reject(rejection: Rejection): never {
  throw ApplicationFailure.create({
    type: rejection.code,
    message: rejection.message,
    nonRetryable: true,
    details: [{ field: rejection.field ?? null }],
  });
}

export async function indicatorTaskWorkflow(input: IndicatorTaskInput): Promise<IndicatorTaskState> {
  const info = workflowInfo();
  let state = initialState(input);
  // Appends run one after another so that stream versions reach the store in order.
  let appending: Promise<unknown> = Promise.resolve();

  function record(events: IndicatorTaskEvent[], actor: Actor, causationId: string, correlationId: string): Promise<unknown> {
    const stored: NewEvent[] = [];
    const occurredAt = new Date().toISOString(); // workflow time: deterministic on replay
    for (const event of events) {
      state = evolve(state, event, actor.userId);
      stored.push({
        eventId: uuid4(),
        streamVersion: state.version,
        type: event.type,
        data: event.data,
        metadata: { actor, causationId, correlationId, workflowId: info.workflowId, runId: info.runId },
        occurredAt,
      });
    }
    upsertSearchAttributes([{ key: TASK_STAGE, value: state.stage }]);
    appending = appending.then(() => appendEvents({ streamId: info.workflowId, events: stored }));
    return appending;
  }

  // Recorded before the handlers are set: setting a handler runs updates that arrived with the start at once,
  // and they must find the task created.
  const created = record(
    [
      {
        type: 'IndicatorTaskCreated',
        data: {
          campaignId: input.campaignId,
          indicatorCode: input.indicatorCode,
          unitCode: input.unitCode,
          leadUnitCode: input.leadUnitCode,
          dueAt: input.dueAt,
        },
      },
    ],
    input.createdBy,
    info.workflowId,
    info.workflowId,
  );

  setHandler(stateQuery, () => state);

  setHandler(
    performActionUpdate,
    async (request: ActionRequest): Promise<ActionResult> => {
      // Validator and handler run in the same activation, so this decision equals the validator's.
      const decision = decide(state, request);
      if (!decision.ok) reject(decision.rejection);
      const updateId = currentUpdateInfo()?.id ?? uuid4();
      const done = record(decision.events, request.actor, updateId, request.correlationId ?? updateId);
      const result: ActionResult = { version: state.version, stage: state.stage };
      await done;
      return result;
    },
    {
      validator: (request: ActionRequest): void => {
        const decision = decide(state, request);
        if (!decision.ok) reject(decision.rejection);
      },
    },
  );

  await created;
  await condition(() => state.stage === 'ARCHIVED' && allHandlersFinished());
  await appending;
  return state;
}
