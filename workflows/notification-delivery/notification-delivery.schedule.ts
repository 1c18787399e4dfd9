// Quiet hours (免打扰时段, issue 16): pure, from an instant and a person's hours to how long a non-urgent
// notification waits. Hours are Asia/Shanghai wall-clock time (UTC+8 all year, no daylight saving).

import type { QuietHours } from './notification-delivery.types';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Default quiet hours: 22:00–07:00. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '07:00' };

/** HH:MM, 00:00–23:59, exactly two digits each. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of an HH:MM; null when it is not one. */
export function minutesOf(hhmm: string): number | null {
  if (!HH_MM.test(hhmm)) return null;
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * How many ms from `nowMs` until the quiet hours end; 0 when `nowMs` is outside them (or they are invalid or empty).
 * The start is inside the hours, the end is not: with 22:00–07:00, 22:00 waits 9 h and 07:00 does not wait.
 */
export function quietHoursWaitMs(nowMs: number, quiet: QuietHours | null): number {
  if (quiet === null) return 0;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === null || end === null || start === end) return 0;
  const localMs = nowMs + SHANGHAI_OFFSET_MINUTES * MINUTE;
  const dayMs = DAY_MINUTES * MINUTE;
  const sinceMidnightMs = ((localMs % dayMs) + dayMs) % dayMs;
  const startMs = start * MINUTE;
  const endMs = end * MINUTE;
  const inside = start < end ? sinceMidnightMs >= startMs && sinceMidnightMs < endMs : sinceMidnightMs >= startMs || sinceMidnightMs < endMs;
  if (!inside) return 0;
  return (endMs - sinceMidnightMs + dayMs) % dayMs;
}
