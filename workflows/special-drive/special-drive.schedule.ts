// What a drive whose closing summary is owed waits for: 提醒 three days before the period ends, 催办 at its end,
// 督办 three days after, telling the lead unit's head, then also the office and the leading group (the inbox rules
// in special-drive.notifications.ts). A returned summary is owed again and climbs on from where it stood. Pure.
import type { Role } from '../shared/actor.types';
import { addMs, HOUR } from '../shared/time';
import type { SpecialDriveEvent } from './special-drive.events';
import { DEFAULT_DRIVE_LADDER, DRIVE_LEVELS, type DriveLadder, type DriveLevel, type SpecialDriveState } from './special-drive.types';

export interface DriveTimer {
  level: DriveLevel;
  at: string;
}

export const DRIVE_NOTIFY: Record<DriveLevel, Role[]> = {
  REMINDER: ['UNIT_HEAD'],
  URGE: ['UNIT_HEAD', 'UNIT_MEMBER'],
  SUPERVISE: ['UNIT_HEAD', 'OFFICE', 'LEADER'],
};

export function driveStepAt(level: DriveLevel, dueAt: string, ladder: DriveLadder = DEFAULT_DRIVE_LADDER): string {
  if (level === 'REMINDER') return addMs(dueAt, -ladder.reminderBeforeHours * HOUR);
  if (level === 'URGE') return dueAt;
  return addMs(dueAt, ladder.superviseAfterHours * HOUR);
}

/** The next step of a drive whose summary is still owed, or null. `now`: a 提醒 after the deadline says nothing. */
export function nextDriveTimer(state: SpecialDriveState, now: string, ladder: DriveLadder = DEFAULT_DRIVE_LADDER): DriveTimer | null {
  if ((state.state !== 'ACTIVE' && state.state !== 'RETURNED') || state.dueAt === '' || state.area === null) return null;
  const from = state.escalationLevel === null ? -1 : DRIVE_LEVELS.indexOf(state.escalationLevel);
  for (const level of DRIVE_LEVELS.slice(from + 1)) {
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(state.dueAt)) continue;
    return { level, at: driveStepAt(level, state.dueAt, ladder) };
  }
  return null;
}

export function driveTimerEvent(state: SpecialDriveState, timer: DriveTimer): SpecialDriveEvent {
  return {
    type: 'SpecialDriveEscalated',
    data: { campaignId: state.campaignId, area: state.area!, leadUnitCode: state.plan.leadUnitCode, level: timer.level, dueAt: state.dueAt, notify: DRIVE_NOTIFY[timer.level] },
  };
}
