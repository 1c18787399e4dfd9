// Activities are built from the services they need (createActivities(deps)); workflows import only their types.
import { ApplicationFailure } from '@temporalio/common';
import { StreamConflictError } from '../src/platform/event-store/event-store.errors';
import type { EventStoreRepository } from '../src/platform/event-store/event-store.repository';
import type { AppendRequest, AppendResult } from './event-store.types';

export function createEventStoreActivities(deps: { eventStore: Pick<EventStoreRepository, 'append'> }) {
  return {
    /** Safe to run twice: events carry ids fixed by the workflow step, so a retry writes nothing new. */
    async appendEvents(request: AppendRequest): Promise<AppendResult> {
      try {
        return await deps.eventStore.append(request);
      } catch (err) {
        if (err instanceof StreamConflictError) {
          throw ApplicationFailure.create({
            type: 'STREAM_CONFLICT',
            message: err.message,
            nonRetryable: true,
            details: [{ streamId: err.streamId, expectedVersion: err.expectedVersion, actualVersion: err.actualVersion }],
          });
        }
        throw err;
      }
    },
  };
}

export type EventStoreActivities = ReturnType<typeof createEventStoreActivities>;
