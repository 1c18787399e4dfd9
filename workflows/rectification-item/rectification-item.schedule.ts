// What an item's workflow waits for: the next step of the escalation ladder while the unit owes the fix, or the
// re-check of a verified item. Pure, like the indicator task's schedule, so tests and timers agree on dates.
import { ESCALATION_NOTIFY } from '../indicator-task/indicator-task.schedule';
import { ESCALATION_LEVELS, type EscalationLevel } from '../indicator-task/indicator-task.types';
import type { RectificationItemEvent } from './rectification-item.events';
import { itemUnitOwesWork, recheckDueAt } from './rectification-item.lifecycle';
import type { RectificationItemState } from './rectification-item.types';

export type ItemTimer = { kind: 'ESCALATE'; level: EscalationLevel; at: string } | { kind: 'RECHECK_DUE'; at: string };

const HOUR = 3_600_000;

export function itemEscalationAt(state: RectificationItemState, level: EscalationLevel, dueAt: string): string {
  const due = Date.parse(dueAt);
  const offset = level === 'REMINDER' ? -state.policy.reminderBeforeHours * HOUR : state.policy.escalationAfterHours[level] * HOUR;
  return new Date(due + offset).toISOString();
}

export function nextItemTimer(state: RectificationItemState, now: string): ItemTimer | null {
  const recheck = recheckDueAt(state);
  if (recheck) return { kind: 'RECHECK_DUE', at: recheck };
  if (!itemUnitOwesWork(state) || state.dueAt === null) return null;
  const taken = state.escalationLevel === null ? -1 : ESCALATION_LEVELS.indexOf(state.escalationLevel);
  for (const level of ESCALATION_LEVELS.slice(taken + 1)) {
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(state.dueAt)) continue;
    return { kind: 'ESCALATE', level, at: itemEscalationAt(state, level, state.dueAt) };
  }
  return null;
}

export function itemTimerEvent(state: RectificationItemState, timer: ItemTimer): RectificationItemEvent {
  if (timer.kind === 'RECHECK_DUE') return { type: 'ItemRecheckDue', data: { dueAt: timer.at } };
  return { type: 'DeadlineEscalated', data: { level: timer.level, state: state.state, dueAt: state.dueAt ?? timer.at, notify: ESCALATION_NOTIFY[timer.level] } };
}
