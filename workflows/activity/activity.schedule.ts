// What a planned activity waits for: once its planned date is over (dueAt) without 举办 recorded, 提醒 the organiser
// unit's head and members, then 催办 the office (notification rules in activity.notifications.ts). A held or cancelled
// activity waits for nothing. Pure.
import type { Role } from '../shared/actor.types';
import { addMs, HOUR } from '../shared/time';
import type { ActivityEvent } from './activity.events';
import { ACTIVITY_LEVELS, DEFAULT_ACTIVITY_LADDER, type ActivityLadder, type ActivityLevel, type ActivityState } from './activity.types';

export interface ActivityTimer {
  level: ActivityLevel;
  at: string;
}

export const ACTIVITY_NOTIFY: Record<ActivityLevel, Role[]> = { REMINDER: ['UNIT_HEAD', 'UNIT_MEMBER'], URGE: ['OFFICE', 'UNIT_HEAD'] };

export function activityStepAt(level: ActivityLevel, dueAt: string, ladder: ActivityLadder = DEFAULT_ACTIVITY_LADDER): string {
  return addMs(dueAt, (level === 'REMINDER' ? ladder.reminderAfterHours : ladder.urgeAfterHours) * HOUR);
}

/** The next step of a planned activity, or null. */
export function nextActivityTimer(state: ActivityState, ladder: ActivityLadder = DEFAULT_ACTIVITY_LADDER): ActivityTimer | null {
  if (state.state !== 'PLANNED' || state.dueAt === '') return null;
  const from = state.escalationLevel === null ? -1 : ACTIVITY_LEVELS.indexOf(state.escalationLevel);
  const level = ACTIVITY_LEVELS[from + 1];
  return level ? { level, at: activityStepAt(level, state.dueAt, ladder) } : null;
}

export function activityTimerEvent(state: ActivityState, timer: ActivityTimer): ActivityEvent {
  return {
    type: 'ActivityEscalated',
    data: { campaignId: state.campaignId, title: state.title, organiserUnitCode: state.organiserUnitCode, level: timer.level, plannedDate: state.plannedDate, dueAt: state.dueAt, notify: ACTIVITY_NOTIFY[timer.level] },
  };
}
