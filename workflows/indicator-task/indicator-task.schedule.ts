// What the workflow waits for: the next moment at which time itself changes a task (a reminder, the next
// step of the escalation ladder, a periodic re-check falling due), and what is recorded when it comes.
// Pure, so that the workflow's durable timers and the tests agree on every date.
import { ESCALATION_NOTIFY, ladderStepAt, nextLadderStep, type EscalationLevel } from '../shared/escalation';
import type { IndicatorTaskEvent } from './indicator-task.events';
import { unitOwesWork } from './indicator-task.rules';
import type { IndicatorTaskState } from './indicator-task.types';

export type Timer = { kind: 'ESCALATE'; level: EscalationLevel; at: string } | { kind: 'RECHECK_DUE'; at: string };

/** When the ladder takes `level` for a stage due at `dueAt`. */
export function escalationAt(state: IndicatorTaskState, level: EscalationLevel, dueAt: string): string {
  return ladderStepAt(state.policy, level, dueAt);
}

/** The next timer of a task, or null when time changes nothing until someone acts. */
export function nextTimer(state: IndicatorTaskState, now: string): Timer | null {
  if (state.stage === 'CONSOLIDATION' && !state.recheckDue && state.nextRecheckAt) {
    return { kind: 'RECHECK_DUE', at: state.nextRecheckAt };
  }
  if (!unitOwesWork(state) || state.stageDueAt === null) return null;
  const step = nextLadderStep(state.policy, state.escalationLevel, state.stageDueAt, now);
  return step && { kind: 'ESCALATE', level: step.level, at: step.at };
}

/** The event recorded when `timer` fires. */
export function timerEvent(state: IndicatorTaskState, timer: Timer): IndicatorTaskEvent {
  if (timer.kind === 'RECHECK_DUE') return { type: 'RecheckDue', data: { dueAt: timer.at } };
  return {
    type: 'DeadlineEscalated',
    data: { level: timer.level, stage: state.stage, stageDueAt: state.stageDueAt ?? timer.at, notify: ESCALATION_NOTIFY[timer.level] },
  };
}
