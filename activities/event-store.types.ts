// The shape of an append, shared by the workflow (as types only) and the event store.
import type { Actor } from '../workflows/shared/actor.types';

export interface EventMetadata {
  actor: Actor;
  /** What caused the event: the Temporal update id for human actions, the workflow id for system steps. */
  causationId: string;
  /** Ties together everything one request or one process started. */
  correlationId: string;
  workflowId: string;
  runId: string;
}

export interface NewEvent {
  /** Idempotency key: the same workflow step always carries the same id. */
  eventId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** Workflow time, ISO 8601. */
  occurredAt: string;
}

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
}

export interface AppendResult {
  /** Events written now; events already present (a retried step) are not counted. */
  written: number;
  lastPosition: string | null;
}
