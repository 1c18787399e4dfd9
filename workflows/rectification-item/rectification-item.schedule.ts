// What an item's workflow waits for: the next step of the escalation ladder while the unit owes the fix, or the
// re-check of a verified item. Pure, like the indicator task's schedule, so tests and timers agree on dates.
import { ESCALATION_NOTIFY, ladderStepAt, nextLadderStep, type EscalationLevel } from '../shared/escalation';
import type { RectificationItemEvent } from './rectification-item.events';
import { UNIT_WORK_STATES, type RectificationItemState } from './rectification-item.types';

export type ItemTimer = { kind: 'ESCALATE'; level: EscalationLevel; at: string } | { kind: 'RECHECK_DUE'; at: string };

/** Whether the unit owes the fix against a deadline now: the escalation ladder runs only then. */
export function itemUnitOwesWork(state: RectificationItemState): boolean {
  return UNIT_WORK_STATES.includes(state.state) && state.dueAt !== null;
}

/** When a verified item falls due for its re-check. */
export function recheckDueAt(state: RectificationItemState): string | null {
  return state.state === 'VERIFIED' ? state.recheckAt : null;
}

export function itemEscalationAt(state: RectificationItemState, level: EscalationLevel, dueAt: string): string {
  return ladderStepAt(state.policy, level, dueAt);
}

export function nextItemTimer(state: RectificationItemState, now: string): ItemTimer | null {
  const recheck = recheckDueAt(state);
  if (recheck) return { kind: 'RECHECK_DUE', at: recheck };
  if (!itemUnitOwesWork(state) || state.dueAt === null) return null;
  const step = nextLadderStep(state.policy, state.escalationLevel, state.dueAt, now);
  return step && { kind: 'ESCALATE', level: step.level, at: step.at };
}

export function itemTimerEvent(state: RectificationItemState, timer: ItemTimer): RectificationItemEvent {
  if (timer.kind === 'RECHECK_DUE') return { type: 'ItemRecheckDue', data: { dueAt: timer.at } };
  return { type: 'DeadlineEscalated', data: { level: timer.level, state: state.state, dueAt: state.dueAt ?? timer.at, notify: ESCALATION_NOTIFY[timer.level] } };
}
