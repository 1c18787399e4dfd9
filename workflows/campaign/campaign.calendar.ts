// The campaign's calendar: local dates, months and the instants they begin, in the campaign's IANA time zone.
// Pure (Intl only, no clock), so that the workflow, its validators, the projection and the reports agree on
// which day and which month an instant belongs to.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is a zone Intl knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in `timeZone` at an instant. */
export function localTime(ms: number, timeZone: string): LocalTime {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The wall clock in `timeZone` at `ms`, read as if it were UTC: its difference from `ms` is the zone's offset. */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const t = localTime(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whether `value` is a month written 'YYYY-MM'. */
export function isMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = MONTH_RE.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The local date ('YYYY-MM-DD') of an instant in `timeZone`. */
export function localDate(instant: string | number | Date, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant);
  return new Date(wallClockAsUtc(ms, timeZone)).toISOString().slice(0, 10);
}

/** The month ('YYYY-MM') of a local date or of an instant in `timeZone`. */
export function monthOf(dateOrInstant: string, timeZone?: string): string {
  if (isLocalDate(dateOrInstant) || timeZone === undefined) return dateOrInstant.slice(0, 7);
  return localDate(dateOrInstant, timeZone).slice(0, 7);
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The instant (ISO) at which local date 'YYYY-MM-DD' begins in `timeZone`. */
export function startOfLocalDate(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // Two passes: the offset at the guess, then at the corrected instant (a change of offset that day).
  let ms = guess - (wallClockAsUtc(guess, timeZone) - guess);
  ms = guess - (wallClockAsUtc(ms, timeZone) - ms);
  return new Date(ms).toISOString();
}

/** The instants a local month spans in `timeZone`: [from, to). */
export function monthBounds(month: string, timeZone: string): { from: string; to: string } {
  return { from: startOfLocalDate(`${month}-01`, timeZone), to: startOfLocalDate(`${nextMonth(month)}-01`, timeZone) };
}

/** Whole days from local date `from` to local date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
