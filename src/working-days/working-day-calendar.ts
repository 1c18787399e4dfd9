// Working-day arithmetic (工作日): the official holiday and 调休 calendar of the chinese-days package, with the
// office's overrides winning over it. Pure apart from the package's data; dates are Shanghai calendar dates
// (YYYY-MM-DD), deadlines the end of a day in Asia/Shanghai, as calendar-day deadlines of imported due dates are.
import { getDayDetail, isWorkday } from 'chinese-days';
import { DomainError } from '../platform/errors/domain-error';

/** Most days a policy counts (validatePolicy's upper bound). */
export const MAX_COUNTED_DAYS = 365;
/** A calendar in which no working day comes for this long (an override file resting every day) is refused. */
const MAX_SCAN_DAYS = 3 * 366;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

export type Overrides = ReadonlyMap<string, boolean>;

/** The Shanghai calendar date of an instant. China has kept UTC+8 without daylight saving since 1991. */
export function shanghaiDateOf(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** The end of a Shanghai date as an ISO instant: 23:59:59 there, as the task breakdown's due dates are. */
export function endOfShanghaiDay(date: string): string {
  return new Date(`${date}T23:59:59+08:00`).toISOString();
}

export function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export class WorkingDayCalendar {
  constructor(private readonly overrides: Overrides = new Map()) {}

  /** The office's override if it has one, else the official calendar (weekends and weekdays past its data). */
  isWorkday(date: string): boolean {
    return this.overrides.get(date) ?? isWorkday(date);
  }

  /** Why a date is what it is, for people: 国庆节 / 调休上班 / 本区调整：… / 周末. */
  describe(date: string): { workday: boolean; source: 'OVERRIDE' | 'OFFICIAL'; name: string } {
    const override = this.overrides.get(date);
    if (override !== undefined) return { workday: override, source: 'OVERRIDE', name: '' };
    const detail = getDayDetail(date);
    return { workday: detail.work, source: 'OFFICIAL', name: detail.name };
  }

  /**
   * The deadline `days` working days after the Shanghai date of `from`: the end of that working day. The day
   * of `from` itself is not counted (as a calendar-day deadline starts from now); 0 days is the end of the
   * first working day from that date on.
   */
  addWorkingDays(from: string, days: number): string {
    if (!Number.isInteger(days) || days < 0 || days > MAX_COUNTED_DAYS) {
      throw new DomainError('BAD_USER_INPUT', `工作日天数须为 0 到 ${MAX_COUNTED_DAYS} 之间的整数`, 'days');
    }
    if (Number.isNaN(Date.parse(from))) throw new DomainError('BAD_USER_INPUT', `起算时间「${from}」不是有效的时间`, 'from');
    let date = shanghaiDateOf(from);
    let counted = 0;
    if (days === 0) {
      for (let scanned = 0; !this.isWorkday(date); scanned++) {
        if (scanned >= MAX_SCAN_DAYS) throw this.noWorkday(from);
        date = nextDate(date);
      }
      return endOfShanghaiDay(date);
    }
    for (let scanned = 0; counted < days; scanned++) {
      if (scanned >= MAX_SCAN_DAYS + days * 2) throw this.noWorkday(from);
      date = nextDate(date);
      if (this.isWorkday(date)) counted++;
    }
    return endOfShanghaiDay(date);
  }

  /** The working days from `start` to `end` (Shanghai dates, both included). */
  workdaysBetween(start: string, end: string): number {
    let n = 0;
    for (let date = start; date <= end; date = nextDate(date)) if (this.isWorkday(date)) n++;
    return n;
  }

  private noWorkday(from: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `自 ${shanghaiDateOf(from)} 起很长时间内没有工作日，请检查工作日调整`, 'overrides');
  }
}

let officialYears: number[] | null = null;

/**
 * The years whose holidays the official calendar holds (a year it does not know counts only weekends as rest
 * days: the office imports its 春节 and 国庆 until the package is updated). Computed once.
 */
export function officialCalendarYears(): number[] {
  if (officialYears) return officialYears;
  const years: number[] = [];
  for (let year = 2004; year <= 2100; year++) {
    const jan1 = `${year}-01-01`;
    // Every published year rests on 1 January; a weekday 1 January it does not know is a plain workday.
    const known = getDayDetail(jan1).name.includes('元旦') || getDayDetail(`${year}-10-01`).name.includes('国庆');
    if (known) years.push(year);
  }
  officialYears = years;
  return years;
}
