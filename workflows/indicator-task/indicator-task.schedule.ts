// What the workflow waits for: the next moment at which time itself changes a task (a reminder, the next
// step of the escalation ladder, a periodic re-check falling due), and what is recorded when it comes.
// Pure, so that the workflow's durable timers and the tests agree on every date.
import type { IndicatorTaskEvent } from './indicator-task.events';
import { unitOwesWork } from './indicator-task.lifecycle';
import { ESCALATION_LEVELS, type EscalationLevel, type IndicatorTaskState } from './indicator-task.types';
import type { Role } from '../shared/actor.types';

export type Timer = { kind: 'ESCALATE'; level: EscalationLevel; at: string } | { kind: 'RECHECK_DUE'; at: string };

const HOUR = 3_600_000;

/** Who is told at each step: the unit first, then its head, then the leading group (plan 六(一)). */
export const ESCALATION_NOTIFY: Record<EscalationLevel, Role[]> = {
  REMINDER: ['UNIT_MEMBER', 'UNIT_HEAD'],
  URGE: ['UNIT_MEMBER', 'UNIT_HEAD'],
  SUPERVISE: ['UNIT_HEAD', 'SUPERVISOR'],
  INTERVIEW: ['UNIT_HEAD', 'LEADER'],
  ACCOUNTABILITY: ['LEADER', 'OFFICE'],
};

/** When the ladder takes `level` for a stage due at `dueAt`. */
export function escalationAt(state: IndicatorTaskState, level: EscalationLevel, dueAt: string): string {
  const due = Date.parse(dueAt);
  const offset = level === 'REMINDER' ? -state.policy.reminderBeforeHours * HOUR : state.policy.escalationAfterHours[level] * HOUR;
  return new Date(due + offset).toISOString();
}

/** The next timer of a task, or null when time changes nothing until someone acts. */
export function nextTimer(state: IndicatorTaskState, now: string): Timer | null {
  if (state.stage === 'CONSOLIDATION' && !state.recheckDue && state.nextRecheckAt) {
    return { kind: 'RECHECK_DUE', at: state.nextRecheckAt };
  }
  if (!unitOwesWork(state) || state.stageDueAt === null) return null;
  const taken = state.escalationLevel === null ? -1 : ESCALATION_LEVELS.indexOf(state.escalationLevel);
  for (const level of ESCALATION_LEVELS.slice(taken + 1)) {
    // A reminder after the deadline has passed says nothing: go straight to urging.
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(state.stageDueAt)) continue;
    return { kind: 'ESCALATE', level, at: escalationAt(state, level, state.stageDueAt) };
  }
  return null;
}

/** The event recorded when `timer` fires. */
export function timerEvent(state: IndicatorTaskState, timer: Timer): IndicatorTaskEvent {
  if (timer.kind === 'RECHECK_DUE') return { type: 'RecheckDue', data: { dueAt: timer.at } };
  return {
    type: 'DeadlineEscalated',
    data: { level: timer.level, stage: state.stage, stageDueAt: state.stageDueAt ?? timer.at, notify: ESCALATION_NOTIFY[timer.level] },
  };
}
