// The small rules under the task-breakdown parser: which dates are deadlines, and when a task's day ends.
import { endOfDayShanghai, parseDueDate } from '../../src/task-breakdown/task-breakdown.dates';

describe('parseDueDate', () => {
  it.each([
    ['2027年3月31日', '2027-03-31'],
    ['2027 年 3 月 31 日', '2027-03-31'],
    ['2027年3月31', '2027-03-31'],
    ['2027年03月31日前', '2027-03-31'],
    ['2027-03-31', '2027-03-31'],
    ['2027-3-1', '2027-03-01'],
    ['2027/3/31', '2027-03-31'],
    ['2027.3.31', '2027-03-31'],
    ['２０２７年３月３１日', '2027-03-31'],
    ['2027/3/31 0:00', '2027-03-31'],
    ['2027-03-31 23:59:59', '2027-03-31'],
    ['2027-03-31之前', '2027-03-31'],
    ['46477', '2027-03-31'],
    ['46477.75', '2027-03-31'],
    ['2028-02-29', '2028-02-29'],
  ])('reads %s as %s', (text, date) => {
    expect(parseDueDate(text)).toEqual({ ok: true, date });
  });

  it('reads a date cell by its UTC date, as exceljs hands it over', () => {
    expect(parseDueDate(new Date(Date.UTC(2027, 2, 31)))).toEqual({ ok: true, date: '2027-03-31' });
    expect(parseDueDate(new Date(Date.UTC(2027, 2, 31, 18, 30)))).toEqual({ ok: true, date: '2027-03-31' });
  });

  it.each([
    ['2027-02-30', '不存在'],
    ['2027-02-29', '不存在'],
    ['2027-13-01', '不存在'],
    ['2027年0月10日', '不存在'],
    ['27-03-31', '无法识别'],
    ['2027-03/31', '无法识别'],
    ['2027年3月底', '无法识别'],
    ['3月31日', '无法识别'],
    ['长期坚持', '无法识别'],
    ['2027', '无法识别'],
    ['20270331', '无法识别'],
    ['10000', '年份不在'],
    ['1999-12-31', '年份不在'],
  ])('refuses %s (%s), quoting it', (text, reason) => {
    const parsed = parseDueDate(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
    expect(parsed.ok ? '' : parsed.reason).toContain(`「${text}」`);
  });

  it('refuses an invalid Date', () => {
    expect(parseDueDate(new Date(Number.NaN)).ok).toBe(false);
  });
});

describe('endOfDayShanghai', () => {
  it('is 23:59:59 of the day in UTC+8, as an ISO instant', () => {
    expect(endOfDayShanghai('2027-03-31')).toBe('2027-03-31T15:59:59.000Z');
    expect(endOfDayShanghai('2028-02-29')).toBe('2028-02-29T15:59:59.000Z');
    expect(endOfDayShanghai('2027-01-01')).toBe('2027-01-01T15:59:59.000Z');
  });
});
