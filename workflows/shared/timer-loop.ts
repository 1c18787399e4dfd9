// The main loop of every long-running lifecycle workflow: wait for a change of state or the next durable timer,
// record what the timer brings, and continue as new before the history grows long.
import { workflowInfo } from '@temporalio/workflow';
import { SYSTEM_ACTOR } from './actor.types';
import { recordOrRetryLater, type Recorder } from './event-recorder';
import { drainHandlers, historyIsLong, timerCameFirst } from './workflow-loop';

export interface TimerLoop<S extends { version: number }, E extends { type: string; data: object }, T extends { at: string }> {
  recorder: Recorder<S, E>;
  state: () => S;
  /** True once the run has nothing more to wait for; the loop then lets the handlers finish and ends. */
  finished: (state: S) => boolean;
  historyLimit: number;
  /** The next timer of this state, or null to wait for a change only. */
  next: (state: S) => T | null;
  /** What the timer records, decided on the state when it is recorded. */
  event: (state: S, timer: T) => E;
  /** The causation id of the timer's record: the same timer always gets the same one. */
  causation: (timer: T) => string;
  /** The workflow's own continue-as-new, carrying the state over. */
  continueAsNew: (state: S) => Promise<never>;
}

export async function runTimerLoop<S extends { version: number }, E extends { type: string; data: object }, T extends { at: string }>(loop: TimerLoop<S, E, T>): Promise<S> {
  const { recorder } = loop;
  const info = workflowInfo();
  const isLong = historyIsLong(loop.historyLimit);
  let timerFailures = 0;

  while (!loop.finished(loop.state())) {
    if (isLong()) {
      // Let accepted actions finish and their events reach the store, then carry the state over.
      await drainHandlers(recorder.settled);
      return loop.continueAsNew(loop.state());
    }
    const timer = loop.next(loop.state());
    const seen = loop.state().version;
    const changed = () => loop.state().version !== seen || isLong();
    if ((await timerCameFirst(changed, timer?.at ?? null)) && timer) {
      const causation = loop.causation(timer);
      if (recorder.safe()) {
        // An action committed meanwhile moves the state on: the loop then looks at its timers again.
        const record = () => recorder.commit((s) => (s.version === seen ? [loop.event(s, timer)] : []), SYSTEM_ACTOR, causation, info.workflowId);
        timerFailures = await recordOrRetryLater(record, timerFailures, changed);
      } else {
        void recorder.recordNow([loop.event(loop.state(), timer)], SYSTEM_ACTOR, causation, info.workflowId);
      }
    }
  }
  await drainHandlers(recorder.settled);
  return loop.state();
}
