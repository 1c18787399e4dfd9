// The one check of base64 file content sent in mutations. A regular expression such as
// /^[A-Za-z0-9+/\s]*={0,2}\s*$/ backtracks quadratically on a long run of spaces followed by a bad character
// (80,000 spaces then «!» held the event loop for seconds), so the text is walked once, character by character.
import { DomainError } from '../errors/domain-error';

const MESSAGE = '文件内容须为 Base64 编码';

/** ASCII whitespace: what line-wrapped base64 (MIME, PEM) puts between its letters. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

/** Whether text is base64: letters and spaces, then at most two «=», then only spaces. Linear in its length. */
export function isBase64(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && !isSpace(c)) break;
    i++;
  }
  for (let pads = 0; pads < 2 && i < n && text.charCodeAt(i) === 0x3d; pads++) i++;
  for (; i < n; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The bytes of base64 content, or BAD_USER_INPUT naming the field when it is not base64. */
export function decodeBase64(text: string, field = 'contentBase64'): Buffer {
  if (!isBase64(text)) throw new DomainError('BAD_USER_INPUT', MESSAGE, field);
  return Buffer.from(text, 'base64');
}
