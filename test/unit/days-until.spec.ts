// The 倒计时: whole days from "today" in the campaign's time zone to the inspection date.
import { daysUntil } from '../../src/campaign/campaign.repository';

const SHANGHAI = 'Asia/Shanghai';

describe('daysUntil', () => {
  it('counts from the Shanghai date, which is already tomorrow at 16:30 UTC', () => {
    const now = new Date('2026-11-27T16:30:00Z'); // 2026-11-28 00:30 in Shanghai
    expect(daysUntil('2026-11-28', SHANGHAI, now)).toBe(0);
    expect(daysUntil('2026-11-29', SHANGHAI, now)).toBe(1);
    expect(daysUntil('2026-11-27', SHANGHAI, now)).toBe(-1);
  });

  it('counts from the previous Shanghai date one second before midnight there', () => {
    const now = new Date('2026-11-27T15:59:59Z'); // 2026-11-27 23:59:59 in Shanghai
    expect(daysUntil('2026-11-28', SHANGHAI, now)).toBe(1);
    expect(daysUntil('2026-11-27', SHANGHAI, now)).toBe(0);
  });

  it('gives a different answer for the same instant in a zone where the date has not turned yet', () => {
    const now = new Date('2026-11-27T16:30:00Z');
    expect(daysUntil('2026-11-28', 'UTC', now)).toBe(1);
    expect(daysUntil('2026-11-28', 'America/Los_Angeles', now)).toBe(1);
  });

  it.each(['2026-11-28T00:00:00+08:00', '2026-11-28T12:00:00+08:00', '2026-11-28T23:59:59+08:00'])('is 0 all day on the date itself (now = %s)', (iso) => {
    expect(daysUntil('2026-11-28', SHANGHAI, new Date(iso))).toBe(0);
  });

  it('is negative once the date has passed', () => {
    const now = new Date('2026-11-27T16:30:00Z');
    expect(daysUntil('2026-11-20', SHANGHAI, now)).toBe(-8);
    expect(daysUntil('2025-11-28', SHANGHAI, now)).toBe(-365);
  });

  it('counts across months and a year end', () => {
    const now = new Date('2026-11-27T16:30:00Z'); // 2026-11-28 in Shanghai
    // 2 (to Nov 30) + 31 + 31 + 28 + 31 + 30 + 31 + 30 = 214
    expect(daysUntil('2027-06-30', SHANGHAI, now)).toBe(214);
    expect(daysUntil('2027-01-01', SHANGHAI, now)).toBe(34);
  });

  it('counts a leap day', () => {
    expect(daysUntil('2028-03-01', SHANGHAI, new Date('2028-02-28T04:00:00Z'))).toBe(2);
  });

  it('gives whole days across a daylight-saving change in the campaign zone', () => {
    // Europe/Berlin switches to summer time on 2027-03-28; the day count must not become fractional.
    expect(daysUntil('2027-04-01', 'Europe/Berlin', new Date('2027-03-27T12:00:00Z'))).toBe(5);
  });

  describe('without an explicit "now"', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('uses the current time', () => {
      jest.useFakeTimers({ now: new Date('2026-11-27T16:30:00Z') });
      expect(daysUntil('2026-11-28', SHANGHAI)).toBe(0);
    });
  });
});
