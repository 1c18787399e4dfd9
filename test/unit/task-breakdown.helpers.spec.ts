// The small rules under the task-breakdown parser: which dates are deadlines, column letters, name matching
// and suggestions, and the CSV tokenizer that keeps rows where Excel shows them.
import { tokenizeCsv, cleanText, closestName, columnIndex, columnLetter, nameKey } from '../../src/spreadsheet';
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

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [5, 'F'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s and back', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
    expect(columnIndex(letter)).toBe(index);
  });
});

describe('names', () => {
  it('cleans cell text: spaces of every width collapse, line breaks stay, ends are trimmed', () => {
    expect(cleanText('\u3000外滩\u00a0 社区 \r\n 滨江社区\r东湖村  ')).toBe('外滩 社区\n滨江社区\n东湖村');
  });

  it('compares names without spaces, width or case', () => {
    expect(nameKey('外滩\u3000社区')).toBe(nameKey('外滩社区'));
    expect(nameKey('完成 时限')).toBe('完成时限');
    expect(nameKey('ＷＴＳＱ')).toBe(nameKey('wtsq'));
    expect(nameKey('小区固定式公益广告（核心价值观）')).toBe(nameKey('小区固定式公益广告(核心价值观)'));
    expect(nameKey('外滩\u200b社区')).toBe('外滩社区');
  });

  it('suggests the closest known name, and none when nothing is close', () => {
    const units = ['外滩社区', '滨江社区', '街道综合行政执法队', '外滩农贸市场有限公司'];
    expect(closestName('外滩小区', units)).toBe('外滩社区');
    expect(closestName('综合执法队', units)).toBe('街道综合行政执法队');
    expect(closestName('农贸市场', units)).toBe('外滩农贸市场有限公司');
    expect(closestName('区教育局', units)).toBeNull();
    expect(closestName('外滩小区', [])).toBeNull();
  });
});

describe('tokenizeCsv', () => {
  it('keeps blank records, quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(tokenizeCsv('\uFEFFa,"b,1"\r\n\r\n"c\r\n""d""",\n')).toEqual({ ok: true, records: [['a', 'b,1'], [''], ['c\r\n"d"', '']] });
  });

  it('reads a last record without a line break', () => {
    expect(tokenizeCsv('a\nb')).toEqual({ ok: true, records: [['a'], ['b']] });
  });

  it('says in which record an unterminated quote starts', () => {
    expect(tokenizeCsv('a\nb\n"c\nd')).toEqual({ ok: false, unterminatedQuoteRecord: 3 });
  });
});
