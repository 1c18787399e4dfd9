// How a workflow records what it decided, one recorder for every kind of stream. Each event gets an id fixed by
// the workflow step (uuid4 is deterministic in workflow code) and is appended through the event-store activity.
//
// Since issue 14 (APPEND_BEFORE_COMMIT_PATCH) records run one at a time: each decides on the committed state when
// its turn comes, appends, and only then commits the state, so state and stream never diverge. An append that
// fails for good (a non-retryable failure; the retry policy below keeps retrying a database outage) fails that
// record with EVENT_APPEND_FAILED and leaves the state as it was, and the next record goes ahead.
// Runs recorded before the patch replay the old way (`recordNow`): fold into the state first, append in a chain.
// A run's creation is recorded that way too: it is the same in both ways, so the patch is asked (and its marker,
// with the search attribute the server adds to it, written) only at the run's first later record, not at creation.
import { ActivityFailure, ApplicationFailure, condition, log, patched, proxyActivities, proxyLocalActivities, uuid4, workflowInfo, type RetryPolicy } from '@temporalio/workflow';
import type { EventStoreActivities } from '../../activities/event-store.activities';
import type { NewEvent } from '../../activities/event-store.types';
import type { Actor } from './actor.types';

/** Patch id of appending before committing the state (issue 14). */
export const APPEND_BEFORE_COMMIT_PATCH = 'append-before-commit';

/** The code of a record whose events could not be written: the action did not take effect. */
export const EVENT_APPEND_FAILED = 'EVENT_APPEND_FAILED';

// A database outage must delay an event, never lose it: retry until it is written.
const retry: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['STREAM_CONFLICT'] };
const { appendEvents } = proxyActivities<EventStoreActivities>({ startToCloseTimeout: '10 seconds', retry });
// The creation event of an indicator task started with createdLocally: appended within the workflow's first task
// (no activity task to schedule, poll and complete; see indicator-task.workflow.ts). Idempotent by the same event id.
const { appendEvents: appendEventsLocally } = proxyLocalActivities<EventStoreActivities>({ startToCloseTimeout: '10 seconds', retry });

/** `creation`: by a local activity; `activity`: by an activity task. */
export type AppendHow = 'activity' | 'creation';

type Event = { type: string; data: object };

export interface Recorder<S extends { version: number }, E extends Event> {
  /** True once this run records by append-before-commit; until then asked (patched) at every record. */
  safe(): boolean;
  /**
   * Waits for every earlier record, decides on the committed state (`decide` may throw, e.g. a coded rejection),
   * appends the events and commits. Resolves with the committed state after them; rejects with what `decide`
   * threw or with EVENT_APPEND_FAILED, the state unchanged. No events: nothing is appended. `decide` is also told
   * the (workflow) time its events will carry as occurredAt.
   */
  commit(decide: (state: S, occurredAt: string) => E[], actor: Actor, causationId: string, correlationId: string): Promise<S>;
  /**
   * Folds the events into the state now and chains their append: every record of a run recorded before the patch,
   * and a run's creation (its first records), which waits for no one and fails the run if it cannot be written.
   */
  recordNow(events: E[], actor: Actor, causationId: string, correlationId: string, how?: AppendHow): Promise<unknown>;
  /** What the state will be once the append in flight is written: what validators judge an arriving action by. */
  expected(): S;
  /** Settles when every record so far has settled; rejects only if a recordNow append failed (the run then fails). */
  settled(): Promise<unknown>;
}

export interface RecorderOptions<S, E> {
  /** Runs once events are in the state (search attributes): after the append, or before it on the legacy path. */
  onRecorded?: (state: S, events: E[], how: AppendHow) => void;
}

export function eventRecorder<S extends { version: number }, E extends Event>(
  getState: () => S,
  setState: (state: S) => void,
  evolve: (state: S, event: E, meta: { actorId: string; at: string }) => S,
  options: RecorderOptions<S, E> = {},
): Recorder<S, E> {
  const info = workflowInfo();
  let safe = false;
  let legacyChain: Promise<unknown> = Promise.resolve();
  let queue: Promise<unknown> = Promise.resolve();
  let inflight: S | null = null;

  /** The state after `events`, and the events as stored, all at one instant: the current workflow time unless given. */
  function fold(from: S, events: E[], actor: Actor, causationId: string, correlationId: string, occurredAt = new Date().toISOString()): { state: S; stored: NewEvent[] } {
    const stored: NewEvent[] = [];
    let state = from;
    for (const event of events) {
      state = evolve(state, event, { actorId: actor.userId, at: occurredAt });
      stored.push({
        eventId: uuid4(),
        streamVersion: state.version,
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { actor, causationId, correlationId, workflowId: info.workflowId, runId: info.runId },
        occurredAt,
      });
    }
    return { state, stored };
  }

  return {
    safe() {
      if (!safe) safe = patched(APPEND_BEFORE_COMMIT_PATCH);
      return safe;
    },

    commit(decide, actor, causationId, correlationId) {
      // Records made by recordNow go first (the creation, or a run's records from before the patch). If one of
      // them failed, the state holds events that were never written: every later record fails too.
      const run = Promise.all([queue, legacyChain]).then(
        async () => {
          const occurredAt = new Date().toISOString(); // workflow time
          const events = decide(getState(), occurredAt);
          if (events.length === 0) return getState();
          const { state, stored } = fold(getState(), events, actor, causationId, correlationId, occurredAt);
          inflight = state;
          try {
            await appendEvents({ streamId: info.workflowId, events: stored });
          } catch (err) {
            throw err instanceof ActivityFailure ? appendFailed(err) : err;
          } finally {
            inflight = null;
          }
          setState(state);
          options.onRecorded?.(state, events, 'activity');
          return state;
        },
        (err: unknown) => {
          throw err instanceof ActivityFailure ? appendFailed(err) : err;
        },
      );
      queue = run.catch(() => undefined);
      return run;
    },

    recordNow(events, actor, causationId, correlationId, how = 'activity') {
      const { state, stored } = fold(getState(), events, actor, causationId, correlationId);
      setState(state);
      options.onRecorded?.(state, events, how);
      const append = how === 'creation' ? appendEventsLocally : appendEvents;
      legacyChain = legacyChain.then(() => append({ streamId: info.workflowId, events: stored }));
      return legacyChain;
    },

    expected: () => inflight ?? getState(),

    // A legacy run waits for its chain exactly as it did before the patch (and fails with it, as it did).
    settled: () => (safe ? Promise.all([queue, legacyChain]) : legacyChain),
  };
}

/** What the caller of a failed action learns: a coded failure (the store's own code in details), nothing written. */
function appendFailed(err: ActivityFailure): ApplicationFailure {
  const cause = err.cause instanceof ApplicationFailure ? err.cause : null;
  return ApplicationFailure.create({
    type: EVENT_APPEND_FAILED,
    message: `操作未能写入事件库，没有生效，请重新操作${cause?.type ? `（${cause.type}）` : ''}`,
    nonRetryable: true,
    details: [{ field: null, storeCode: cause?.type ?? null }],
    cause: err,
  });
}

/**
 * Records what time brought (a reminder, a rung of the ladder, a re-check) on the safe path. When it cannot be
 * written the state does not move, so the loop would find the same timer due at once: instead it logs an error
 * and waits before trying again, twice as long each time from a minute up to an hour, or until an action changes
 * the state. Failing the workflow would stop a process that lives for months. Returns the failures in a row.
 */
export async function recordOrRetryLater(record: () => Promise<unknown>, failuresInARow: number, changed: () => boolean): Promise<number> {
  try {
    await record();
    return 0;
  } catch (err) {
    if (!(err instanceof ApplicationFailure) || err.type !== EVENT_APPEND_FAILED) throw err;
    const failures = failuresInARow + 1;
    log.error('A timer\'s record could not be written; it is tried again later', { failures, message: err.message });
    await condition(changed, Math.min(60_000 * 2 ** (failures - 1), 3_600_000));
    return failures;
  }
}
