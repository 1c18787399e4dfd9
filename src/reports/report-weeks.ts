// Weeks of the 红黑榜: Monday 00:00 to the next Monday 00:00 on the campaign's clock (campaigns.time_zone,
// Asia/Shanghai by default), and the Chinese dates people read. Pure; the zone's rules come from Intl.
import { localTime, startOfLocalDate } from '../../workflows/campaign/campaign.calendar';

export { localTime, type LocalTime } from '../../workflows/campaign/campaign.calendar';

const DAY_MS = 86_400_000;

/** The instant a calendar day begins in `timeZone` (month 1–12; days past the month's end roll over). */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  return Date.parse(startOfLocalDate(new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10), timeZone));
}

/** Monday 00:00 in `timeZone` of the week that holds the instant. */
export function weekStart(ms: number, timeZone: string): number {
  const t = localTime(ms, timeZone);
  const weekday = new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay(); // 0 = Sunday
  const sinceMonday = (weekday + 6) % 7;
  return startOfLocalDay(t.year, t.month, t.day - sinceMonday, timeZone);
}

/** Monday 00:00 `weeks` weeks after (or, negative, before) the Monday 00:00 given, on the zone's calendar. */
export function addWeeks(monday: number, weeks: number, timeZone: string): number {
  const t = localTime(monday, timeZone);
  return startOfLocalDay(t.year, t.month, t.day + 7 * weeks, timeZone);
}

export interface ReportWeek {
  /** Monday 00:00. */
  start: number;
  /** The next Monday 00:00 (excluded). */
  end: number;
  /** Whether the week had ended by the report's instant; the week in progress is counted up to that instant. */
  complete: boolean;
}

/**
 * The week in progress at `asOf` (unless `asOf` is exactly its first instant) and the `complete` weeks before it,
 * newest first, leaving out weeks that ended before `notBefore` (the campaign's start).
 */
export function reportWeeks(asOf: number, complete: number, timeZone: string, notBefore: number): ReportWeek[] {
  const current = weekStart(asOf, timeZone);
  const weeks: ReportWeek[] = [];
  if (asOf > current) weeks.push({ start: current, end: addWeeks(current, 1, timeZone), complete: false });
  let end = current;
  for (let i = 0; i < complete; i++) {
    if (end <= notBefore) break;
    const start = addWeeks(end, -1, timeZone);
    weeks.push({ start, end, complete: true });
    end = start;
  }
  return weeks;
}

/** The period a week is counted over: its own days, up to `asOf` while it is in progress (both ends included). */
export function weekPeriod(week: ReportWeek, asOf: number): { from: number; to: number } {
  return { from: week.start, to: week.complete ? week.end - 1 : Math.min(asOf, week.end - 1) };
}

/** 2027年3月1日 */
export function dateLabel(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  return `${t.year}年${t.month}月${t.day}日`;
}

/** 20270301, for file names. */
export function compactDate(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  return `${t.year}${String(t.month).padStart(2, '0')}${String(t.day).padStart(2, '0')}`;
}

/** 2027年3月1日 14:05 */
export function dateTimeLabel(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  return `${dateLabel(ms, timeZone)} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** 2027年3月1日（周一）至3月7日（周日）; the week in progress: …起，截至3月3日 14:05 */
export function weekLabel(week: ReportWeek, asOf: number, timeZone: string): string {
  const first = dateLabel(week.start, timeZone);
  if (week.complete) {
    const last = localTime(week.end - DAY_MS / 2, timeZone); // noon on Sunday: the week's last day whatever the offset
    return `${first}（周一）至${last.month}月${last.day}日（周日）`;
  }
  const now = localTime(asOf, timeZone);
  return `${first}（周一）起，截至${now.month}月${now.day}日 ${String(now.hour).padStart(2, '0')}:${String(now.minute).padStart(2, '0')}（本周未完）`;
}
