// The campaign's calendar: local dates, months and the instants they begin, in the campaign's time zone.
import {
  daysBetween,
  isLocalDate,
  isMonth,
  isTimeZone,
  localDate,
  monthBounds,
  monthOf,
  nextMonth,
  previousMonth,
  startOfLocalDate,
} from '../../workflows/campaign/campaign.calendar';

describe('campaign calendar', () => {
  it('reads an instant as the local date of the zone', () => {
    expect(localDate('2026-11-30T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-01');
    expect(localDate('2026-11-30T15:59:59Z', 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localDate('2026-11-30T16:30:00Z', 'UTC')).toBe('2026-11-30');
    expect(monthOf('2026-11-30T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12');
    expect(monthOf('2026-10-31')).toBe('2026-10');
  });

  it('finds the instant a local date begins, across a change of offset', () => {
    expect(startOfLocalDate('2026-12-01', 'Asia/Shanghai')).toBe('2026-11-30T16:00:00.000Z');
    expect(startOfLocalDate('2026-12-01', 'UTC')).toBe('2026-12-01T00:00:00.000Z');
    // New York moves from EDT (-4) to EST (-5) on 1 November 2026.
    expect(startOfLocalDate('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDate('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z');
  });

  it('spans a month from its first local midnight to the next', () => {
    expect(monthBounds('2026-10', 'Asia/Shanghai')).toEqual({ from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' });
    expect(monthBounds('2026-12', 'Asia/Shanghai')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
  });

  it('steps months across the year', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });

  it('tells real dates, months and zones from others', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2026-11-5')).toBe(false);
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('counts whole days between local dates', () => {
    expect(daysBetween('2026-11-27', '2027-06-30')).toBe(215);
    expect(daysBetween('2026-11-27', '2026-11-20')).toBe(-7);
  });
});
