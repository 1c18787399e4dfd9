// The one base64 check of uploaded content: what it accepts and refuses, and that hostile input is walked in
// linear time. The regular expression it replaced took about a minute on the input below; the time limit of
// each test (far above the milliseconds a linear walk takes) is what fails then.
import { DomainError } from '../../src/platform/errors/domain-error';
import { decodeBase64, isBase64 } from '../../src/platform/files/base64';

const LIMIT_MS = 30_000;

describe('isBase64', () => {
  it('accepts base64 with padding, line breaks and trailing spaces, and the empty text', () => {
    for (const text of ['', 'QQ==', 'QUI=', 'QUJD', 'QUJD\r\nREVG\n', ' Q U J D ', 'QQ==\n  ', 'a+/9', Buffer.alloc(3000, 7).toString('base64').replace(/(.{76})/g, '$1\n')]) {
      expect(isBase64(text)).toBe(true);
    }
  });

  it('refuses other characters, three pads, text after the pads, and non-ASCII spaces', () => {
    for (const text of ['!', 'QQ==!', 'QQ===', 'Q=Q=', 'QQ== QQ', 'QUJD-_', 'data:image/png;base64,QQ==', 'QQ\u00a0==', 'QQ\u3000', '中文', 'QQ\u0000']) {
      expect(isBase64(text)).toBe(false);
    }
  });

  it('answers at once for 500,000 spaces then «!», and for the same after letters and pads', () => {
    const spaces = ' '.repeat(500_000);
    expect(isBase64(`${spaces}!`)).toBe(false);
    expect(isBase64(`QUJD${spaces}==${spaces}!`)).toBe(false);
    expect(isBase64(`${'\n'.repeat(300_000)}\t!`)).toBe(false);
    expect(isBase64(`QUJD${spaces}`)).toBe(true);
  }, LIMIT_MS);
});

describe('decodeBase64', () => {
  it('decodes what it accepts', () => {
    expect(decodeBase64('QUJD\nREVG')).toEqual(Buffer.from('ABCDEF'));
  });

  it('refuses hostile text with BAD_USER_INPUT in Chinese, naming the field', () => {
    const call = () => decodeBase64(`${' '.repeat(400_000)}!`, 'photos');
    expect(call).toThrow(DomainError);
    expect(call).toThrow('文件内容须为 Base64 编码');
    expect(() => decodeBase64('!', 'photos')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'photos' }));
  }, LIMIT_MS);
});
