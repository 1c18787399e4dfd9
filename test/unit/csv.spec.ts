// parseCsv reads the demo catalog: a header row, then one record per row, keyed by the (trimmed) header.
import { parseCsv } from '../../src/demo/csv';

describe('parseCsv', () => {
  it('keys each row by the header', () => {
    expect(parseCsv('code,indicator,points\nA1,公益广告,3\nA2,文明实践站,2')).toEqual([
      { code: 'A1', indicator: '公益广告', points: '3' },
      { code: 'A2', indicator: '文明实践站', points: '2' },
    ]);
  });

  it('returns no rows for an empty text or a header alone', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\n')).toEqual([]);
    expect(parseCsv('code,indicator\n')).toEqual([]);
  });

  it('keeps commas inside quoted fields', () => {
    expect(parseCsv('code,standard\nA1,"每200米1处,每缺一处扣0.5分"')).toEqual([{ code: 'A1', standard: '每200米1处,每缺一处扣0.5分' }]);
  });

  it('turns doubled quotes inside a quoted field into one quote', () => {
    expect(parseCsv('code,name\nA1,"所谓""达标"""\nA2,""""')).toEqual([
      { code: 'A1', name: '所谓"达标"' },
      { code: 'A2', name: '"' },
    ]);
  });

  it('reads an empty quoted field as empty', () => {
    expect(parseCsv('a,b,c\n"",x,""')).toEqual([{ a: '', b: 'x', c: '' }]);
  });

  it('keeps newlines inside quoted fields, LF and CRLF alike', () => {
    expect(parseCsv('code,standard\nA1,"第一行\n第二行"\nA2,"甲\r\n乙"\nA3,丙')).toEqual([
      { code: 'A1', standard: '第一行\n第二行' },
      { code: 'A2', standard: '甲\r\n乙' },
      { code: 'A3', standard: '丙' },
    ]);
  });

  it('reads CRLF line endings without leaving carriage returns in the values', () => {
    expect(parseCsv('code,points\r\nA1,3\r\nA2,2\r\n')).toEqual([
      { code: 'A1', points: '3' },
      { code: 'A2', points: '2' },
    ]);
  });

  it('reads a lone CR as a line ending', () => {
    expect(parseCsv('code,points\rA1,3')).toEqual([{ code: 'A1', points: '3' }]);
  });

  it('ignores a byte-order mark at the start, so the first header is not polluted', () => {
    const rows = parseCsv('\uFEFFcode,points\nA1,3\n');
    expect(rows).toEqual([{ code: 'A1', points: '3' }]);
    expect(Object.keys(rows[0])).toEqual(['code', 'points']);
  });

  it('skips blank lines, including ones made only of empty cells or spaces', () => {
    expect(parseCsv('\ncode,points\n\nA1,3\n , \n,\n\r\nA2,2\n\n')).toEqual([
      { code: 'A1', points: '3' },
      { code: 'A2', points: '2' },
    ]);
  });

  it('gives the same rows with or without a trailing newline', () => {
    const withNewline = parseCsv('code,points\nA1,3\n');
    expect(withNewline).toEqual([{ code: 'A1', points: '3' }]);
    expect(parseCsv('code,points\nA1,3')).toEqual(withNewline);
  });

  it('keeps an empty last cell of the last line without a newline', () => {
    expect(parseCsv('code,area\nA3,')).toEqual([{ code: 'A3', area: '' }]);
  });

  it('fills missing trailing cells with empty strings', () => {
    expect(parseCsv('code,indicator,area\nA3,台账\nA4')).toEqual([
      { code: 'A3', indicator: '台账', area: '' },
      { code: 'A4', indicator: '', area: '' },
    ]);
  });

  it('drops cells beyond the header', () => {
    expect(parseCsv('code,points\nA1,3,extra')).toEqual([{ code: 'A1', points: '3' }]);
  });

  it('trims header names and values', () => {
    expect(parseCsv(' code , points \n A1 , 3 ')).toEqual([{ code: 'A1', points: '3' }]);
  });

  it('reads the quoted header line and values written by spreadsheet exports', () => {
    expect(parseCsv('"code","standard"\r\n"A1","须为固定设施，横幅不计"\r\n')).toEqual([{ code: 'A1', standard: '须为固定设施，横幅不计' }]);
  });
});
