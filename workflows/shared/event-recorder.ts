// How a workflow records what it decided: fold each event into its state, give it an id fixed by the workflow
// step (uuid4 is deterministic in workflow code), and append in order through the event-store activity.
// Appends run one after another so that stream versions reach the store in order.
import { proxyActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type { EventStoreActivities } from '../../activities/event-store.activities';
import type { NewEvent } from '../../activities/event-store.types';
import type { Actor } from '../indicator-task/indicator-task.types';

const { appendEvents } = proxyActivities<EventStoreActivities>({
  startToCloseTimeout: '10 seconds',
  // A database outage must delay an event, never lose it: retry until it is written.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['STREAM_CONFLICT'] },
});

export interface Recorder<E extends { type: string; data: object }> {
  record(events: E[], actor: Actor, causationId: string, correlationId: string): Promise<unknown>;
  /** Settles when every append so far has been written. */
  settled(): Promise<unknown>;
}

export function eventRecorder<S extends { version: number }, E extends { type: string; data: object }>(
  getState: () => S,
  setState: (state: S) => void,
  evolve: (state: S, event: E, meta: { actorId: string; at: string }) => S,
): Recorder<E> {
  const info = workflowInfo();
  let appending: Promise<unknown> = Promise.resolve();
  return {
    record(events, actor, causationId, correlationId) {
      const stored: NewEvent[] = [];
      const occurredAt = new Date().toISOString(); // workflow time
      for (const event of events) {
        const state = evolve(getState(), event, { actorId: actor.userId, at: occurredAt });
        setState(state);
        stored.push({
          eventId: uuid4(),
          streamVersion: state.version,
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: { actor, causationId, correlationId, workflowId: info.workflowId, runId: info.runId },
          occurredAt,
        });
      }
      appending = appending.then(() => appendEvents({ streamId: info.workflowId, events: stored }));
      return appending;
    },
    settled: () => appending,
  };
}
