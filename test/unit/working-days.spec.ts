// Working-day arithmetic (工作日): the official holiday and 调休 calendar, the office's overrides winning over it,
// Shanghai days, and the override file's checks against hostile input.
import { parseOverrideFile, MAX_OVERRIDE_ROWS } from '../../src/working-days/working-day-overrides.parser';
import { officialCalendarYears, shanghaiDateOf, WorkingDayCalendar } from '../../src/working-days/working-day-calendar';
import { daysLabel } from '../../workflows/shared/day-counting';

const official = new WorkingDayCalendar();
const day = (iso: string) => shanghaiDateOf(iso);
const csv = (text: string) => parseOverrideFile({ fileName: '工作日调整.csv', kind: 'csv', content: Buffer.from(text, 'utf8') });

describe('working days by the official calendar', () => {
  it('Spring Festival 2026: the 调休 Saturday before counts, the nine days off do not', () => {
    // Friday 13 February 2026; 14 Feb (Saturday) is a 调休 working day, 15–23 Feb are the holiday.
    expect(official.addWorkingDays('2026-02-13T10:00:00+08:00', 1)).toBe('2026-02-14T15:59:59.000Z');
    expect(official.addWorkingDays('2026-02-13T10:00:00+08:00', 2)).toBe('2026-02-24T15:59:59.000Z');
    expect(official.isWorkday('2026-02-28')).toBe(true); // the 调休 Saturday after
  });

  it('National Day 2026 with its 调休 Sunday before and Saturday after', () => {
    expect(official.addWorkingDays('2026-09-18T10:00:00+08:00', 1)).toBe('2026-09-20T15:59:59.000Z');
    expect(day(official.addWorkingDays('2026-09-30T10:00:00+08:00', 1))).toBe('2026-10-08');
    expect(day(official.addWorkingDays('2026-09-30T10:00:00+08:00', 3))).toBe('2026-10-10');
  });

  it('counts from the Shanghai date: 01:00 in Shanghai is already the next day', () => {
    // 2026-02-13T17:00Z is Saturday 14 February 01:00 in Shanghai: day 0 is the 调休 Saturday itself.
    expect(day(official.addWorkingDays('2026-02-13T17:00:00Z', 1))).toBe('2026-02-24');
  });

  it('a span crossing the year: New Year 2026 rests three days and works the Sunday after', () => {
    expect(day(official.addWorkingDays('2025-12-30T10:00:00+08:00', 3))).toBe('2026-01-05');
  });

  it('0 days is the end of the first working day from that date on', () => {
    expect(day(official.addWorkingDays('2026-03-04T10:00:00+08:00', 0))).toBe('2026-03-04');
    expect(day(official.addWorkingDays('2026-03-07T10:00:00+08:00', 0))).toBe('2026-03-09');
  });

  it('365 working days land on a working day with exactly 365 working days after the start', () => {
    const due = official.addWorkingDays('2026-01-01T10:00:00+08:00', 365);
    expect(due.endsWith('T15:59:59.000Z')).toBe(true);
    expect(official.isWorkday(day(due))).toBe(true);
    expect(official.workdaysBetween('2026-01-02', day(due))).toBe(365);
  });

  it('refuses counts out of range', () => {
    expect(() => official.addWorkingDays('2026-01-01T10:00:00+08:00', 366)).toThrow('0 到 365');
    expect(() => official.addWorkingDays('2026-01-01T10:00:00+08:00', -1)).toThrow('0 到 365');
    expect(() => official.addWorkingDays('2026-01-01T10:00:00+08:00', 1.5)).toThrow('0 到 365');
    expect(() => official.addWorkingDays('not a date', 1)).toThrow('不是有效的时间');
  });

  it('knows which years the official calendar holds', () => {
    expect(officialCalendarYears()).toEqual(expect.arrayContaining([2025, 2026]));
    expect(officialCalendarYears()).not.toContain(2027);
  });
});

describe("the office's overrides win over the official calendar", () => {
  it('Spring Festival 2027, not yet in the package, from an imported list', () => {
    // Without overrides 2027 counts only weekends; the office rests 5–13 February and works Sunday 14 and Saturday 20.
    expect(day(official.addWorkingDays('2027-02-04T10:00:00+08:00', 1))).toBe('2027-02-05');
    const overrides = new Map<string, boolean>();
    for (let d = 5; d <= 13; d++) overrides.set(`2027-02-${String(d).padStart(2, '0')}`, false);
    overrides.set('2027-02-14', true);
    overrides.set('2027-02-20', true);
    const office = new WorkingDayCalendar(overrides);
    expect(day(office.addWorkingDays('2027-02-04T10:00:00+08:00', 1))).toBe('2027-02-14');
    expect(day(office.addWorkingDays('2027-02-04T10:00:00+08:00', 2))).toBe('2027-02-15');
    expect(office.describe('2027-02-14')).toEqual({ workday: true, source: 'OVERRIDE', name: '' });
  });

  it('a rest day over a 调休 Saturday and a working day over a holiday', () => {
    const office = new WorkingDayCalendar(new Map([['2026-10-10', false], ['2026-10-07', true]]));
    expect(day(office.addWorkingDays('2026-09-30T10:00:00+08:00', 1))).toBe('2026-10-07');
    expect(day(office.addWorkingDays('2026-09-30T10:00:00+08:00', 4))).toBe('2026-10-12');
  });

  it('a year across: a New Year 2027 the package does not know', () => {
    const office = new WorkingDayCalendar(new Map([['2027-01-01', false]]));
    expect(day(official.addWorkingDays('2026-12-30T10:00:00+08:00', 3))).toBe('2027-01-04');
    expect(day(office.addWorkingDays('2026-12-30T10:00:00+08:00', 3))).toBe('2027-01-05');
  });

  it('a calendar without working days is refused, not looped over', () => {
    const everyDay = new Map<string, boolean>();
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000) everyDay.set(new Date(t).toISOString().slice(0, 10), false);
    expect(() => new WorkingDayCalendar(everyDay).addWorkingDays('2027-01-01T10:00:00+08:00', 5)).toThrow('没有工作日');
  });
});

describe('the override file', () => {
  it('reads 日期, 类型 and 说明, in the written forms offices use', async () => {
    const parsed = await csv('日期,类型,说明\n2027-02-14,上班,春节调休\n2027年2月5日,休息日,春节\n2027/2/20,工作日,\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.overrides).toEqual([
      { date: '2027-02-05', workday: false, note: '春节' },
      { date: '2027-02-14', workday: true, note: '春节调休' },
      { date: '2027-02-20', workday: true, note: '' },
    ]);
  });

  it('refuses 100,000 rows at once, before reading them', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `2027-01-${String((i % 28) + 1).padStart(2, '0')},休息日,x`);
    const started = Date.now();
    const parsed = await csv(`日期,类型,说明\n${rows.join('\n')}`);
    expect(parsed.overrides).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'TOO_LARGE', message: expect.stringContaining(`最多导入 ${MAX_OVERRIDE_ROWS} 行`) })]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses dates out of range, dates that do not exist and unknown kinds, row by row in Chinese', async () => {
    const parsed = await csv('日期,类型,说明\n2019-10-01,休息日,\n2041-01-01,休息日,\n2027-02-30,休息日,\n2027-03-01,放鸽子,\n,休息日,\n');
    expect(parsed.overrides).toEqual([]);
    expect(parsed.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'BAD_DATE'],
      [3, 'BAD_DATE'],
      [4, 'BAD_DATE'],
      [5, 'BAD_CHOICE'],
      [6, 'MISSING_VALUE'],
    ]);
    expect(parsed.problems[0].message).toContain('2020—2040');
    expect(parsed.problems[3].message).toContain('工作日、休息日');
  });

  it('refuses formulas in any cell and repeated dates', async () => {
    const parsed = await csv('日期,类型,说明\n"=DATE(2027,2,8)",休息日,\n2027-02-09,休息日,"=HYPERLINK(""http://x"",""点我"")"\n2027-02-10,休息日,@SUM(A1)\n2027-02-11,休息日,\n2027-02-11,工作日,\n');
    expect(parsed.overrides).toEqual([]);
    expect(parsed.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'BAD_DATE'],
      [3, 'BAD_VALUE'],
      [4, 'BAD_VALUE'],
      [6, 'DUPLICATE'],
    ]);
    expect(parsed.problems[0].message).toContain('是公式');
  });

  it('refuses a file without the header, and an empty one', async () => {
    expect((await csv('a,b\n1,2\n')).problems[0].code).toBe('MISSING_HEADER');
    expect((await csv('')).problems[0].code).toBe('EMPTY_FILE');
    expect((await csv('日期,类型,说明\n')).problems[0].code).toBe('EMPTY_FILE');
  });

  it('refuses a note over 100 characters', async () => {
    const parsed = await csv(`日期,类型,说明\n2027-02-09,休息日,${'长'.repeat(101)}\n`);
    expect(parsed.problems.map((p) => p.code)).toEqual(['BAD_VALUE']);
  });
});

it('shows a count of days the way the campaign counts them', () => {
  expect(daysLabel(5, 'WORKING')).toBe('5 个工作日');
  expect(daysLabel(14, 'CALENDAR')).toBe('14 天');
  expect(daysLabel(14, undefined)).toBe('14 天');
});
