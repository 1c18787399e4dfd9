// What every long-running workflow of this project does the same way: refuse an Update with a coded failure,
// notice that its history has grown long, let accepted Updates finish before continuing as new, and wait for
// either a change of state or its next durable timer.
import { ApplicationFailure, allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';
import type { Decision, Rejection } from './decision.types';

/** A business rejection reaches the caller as a non-retryable failure whose type is the stable code. */
export function rejectUpdate(rejection: Rejection): never {
  throw ApplicationFailure.create({ type: rejection.code, message: rejection.message, nonRetryable: true, details: [{ field: rejection.field ?? null }] });
}

/** An Update's decision: its events, or the rule's coded rejection. */
export function acceptedEvents<E>(decision: Decision<E>): E[] {
  if (!decision.ok) rejectUpdate(decision.rejection);
  return decision.events;
}

/** True once the run's history reaches `limit` events, or the server suggests continuing as new. */
export function historyIsLong(limit: number): () => boolean {
  return () => workflowInfo().historyLength >= limit || workflowInfo().continueAsNewSuggested;
}

/** Lets accepted Updates finish and their events reach the store (`settled`), before the run ends or continues. */
export async function drainHandlers(settled: () => Promise<unknown>): Promise<void> {
  do {
    await condition(allHandlersFinished);
    await settled();
  } while (!allHandlersFinished());
}

/**
 * Waits until `changed()` holds or the instant `at` comes (forever when `at` is null). True when the timer came
 * first: the caller records what time brings.
 */
export async function timerCameFirst(changed: () => boolean, at: string | null): Promise<boolean> {
  if (at === null) {
    await condition(changed);
    return false;
  }
  const wait = Date.parse(at) - Date.now();
  return wait <= 0 ? true : !(await condition(changed, wait));
}
