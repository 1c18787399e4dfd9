// What a report not yet handed in waits for: 提醒 three days before the due time, 催报 at it, 督办 three days after,
// telling the unit's people, then its head and the office (the inbox rules in notification-rules.ts). A returned
// report owes a new hand-in and climbs on from where it stood. Pure.
import type { Role } from '../shared/actor.types';
import { addMs, HOUR } from '../shared/time';
import type { UnitReportEvent } from './unit-report.events';
import { DEFAULT_UNIT_REPORT_LADDER, UNIT_REPORT_LEVELS, type UnitReportLadder, type UnitReportLevel, type UnitReportState } from './unit-report.types';

export interface UnitReportTimer {
  level: UnitReportLevel;
  at: string;
}

export const UNIT_REPORT_NOTIFY: Record<UnitReportLevel, Role[]> = {
  REMINDER: ['UNIT_MEMBER', 'UNIT_HEAD'],
  URGE: ['UNIT_MEMBER', 'UNIT_HEAD'],
  SUPERVISE: ['UNIT_HEAD', 'OFFICE'],
};

export function unitReportStepAt(level: UnitReportLevel, dueAt: string, ladder: UnitReportLadder = DEFAULT_UNIT_REPORT_LADDER): string {
  if (level === 'REMINDER') return addMs(dueAt, -ladder.reminderBeforeHours * HOUR);
  if (level === 'URGE') return dueAt;
  return addMs(dueAt, ladder.superviseAfterHours * HOUR);
}

/** The next step of a report the unit still owes, or null. `now`: a 提醒 after the due time says nothing. */
export function nextUnitReportTimer(state: UnitReportState, now: string, ladder: UnitReportLadder = DEFAULT_UNIT_REPORT_LADDER): UnitReportTimer | null {
  if ((state.state !== 'OPEN' && state.state !== 'RETURNED') || state.dueAt === '') return null;
  const from = state.escalationLevel === null ? -1 : UNIT_REPORT_LEVELS.indexOf(state.escalationLevel);
  for (const level of UNIT_REPORT_LEVELS.slice(from + 1)) {
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(state.dueAt)) continue;
    return { level, at: unitReportStepAt(level, state.dueAt, ladder) };
  }
  return null;
}

export function unitReportTimerEvent(state: UnitReportState, timer: UnitReportTimer): UnitReportEvent {
  return {
    type: 'UnitReportEscalated',
    data: { campaignId: state.campaignId, unitCode: state.unitCode, month: state.month, level: timer.level, dueAt: state.dueAt, notify: UNIT_REPORT_NOTIFY[timer.level] },
  };
}
