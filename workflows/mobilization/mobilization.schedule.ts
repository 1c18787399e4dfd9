// When a missing submission climbs the ladder: 提醒 before dueAt, 催办 at dueAt, 督办 after it; nothing once all is
// handed in (a return makes it missing again and the ladder goes on from where it stood). Pure.
import { HOUR } from '../shared/time';
import { missingParts } from './mobilization.decide';
import type { MobilizationResponseEvent } from './mobilization.events';
import { MOBILIZATION_LEVELS, MOBILIZATION_NOTIFY, type MobilizationLevel, type MobilizationResponseState } from './mobilization.types';

export interface ResponseTimer {
  level: MobilizationLevel;
  at: string;
}

export interface LadderHours {
  reminderBeforeHours: number;
  superviseAfterHours: number;
}

export function levelAt(level: MobilizationLevel, dueAt: string, hours: LadderHours): string {
  const due = Date.parse(dueAt);
  const offset = level === 'REMINDER' ? -hours.reminderBeforeHours * HOUR : level === 'URGE' ? 0 : hours.superviseAfterHours * HOUR;
  return new Date(due + offset).toISOString();
}

/** The next step for this state at `now`, or null (nothing missing, or the top of the ladder reached). */
export function nextResponseTimer(s: MobilizationResponseState, hours: LadderHours, now: string): ResponseTimer | null {
  if (!s.opened || s.dueAt === '' || missingParts(s).length === 0) return null;
  const from = s.escalationLevel === null ? -1 : MOBILIZATION_LEVELS.indexOf(s.escalationLevel);
  for (const level of MOBILIZATION_LEVELS.slice(from + 1)) {
    // A reminder once the deadline has passed says nothing: go straight to 催办.
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(s.dueAt)) continue;
    return { level, at: levelAt(level, s.dueAt, hours) };
  }
  return null;
}

export function responseTimerEvent(s: MobilizationResponseState, timer: ResponseTimer): MobilizationResponseEvent {
  return { type: 'MobilizationEscalated', data: { unitCode: s.unitCode, level: timer.level, dueAt: s.dueAt, missing: missingParts(s), notify: MOBILIZATION_NOTIFY[timer.level] } };
}
