// Cell text as people meant it, column letters, and name matching with suggestions: what every import
// compares names and reports columns with.
import { cleanText, closestName, columnIndex, columnLetter, nameKey } from '../../src/platform/spreadsheet';

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
