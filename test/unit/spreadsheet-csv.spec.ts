// The CSV tokenizer keeps every record where Excel shows it; what we write as CSV reads back unchanged.
import { csvField, decodeCsvBytes, tokenizeCsv } from '../../src/platform/spreadsheet';

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

describe('CSV bytes and fields', () => {
  it('reads UTF-8 with a byte-order mark, and GB18030 as Excel on Chinese Windows saves it', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFF外滩社区,1', 'utf8')).replace(/^\uFEFF/, '')).toBe('外滩社区,1');
    // 外滩 in GB18030 (GBK): not valid UTF-8, so it falls back.
    expect(decodeCsvBytes(Buffer.from([0xcd, 0xe2, 0xcc, 0xb2]))).toBe('外滩');
  });

  it('writes text that starts like a formula as text, and reads it back as written', () => {
    for (const value of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'a,b', ' padded ', 'plain']) {
      const read = tokenizeCsv(`${csvField(value)}\n`);
      expect(read).toEqual({ ok: true, records: [[value]] });
    }
    expect(csvField('=1+1')).toBe("'=1+1");
  });
});
