// CSV as Excel and WPS write it (RFC 4180): quoted fields, doubled quotes, line breaks inside quotes, CRLF,
// a UTF-8 byte-order mark. Every record stays in place, blank ones too, so that record n is the row n people
// see when they open the file in Excel. The demo catalog is read with it as well. Writing CSV goes through
// csvField, which keeps text that starts like a formula from becoming one when Excel opens the file.

/** A CSV larger than this is refused before it is read. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export type CsvGrid = { ok: true; records: string[][] } | { ok: false; unterminatedQuoteRecord: number };

export function tokenizeCsv(text: string): CsvGrid {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteStartedIn = 0;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
      quoteStartedIn = records.length + 1;
    } else if (c === ',') {
      record.push(asText(field));
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(asText(field));
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) return { ok: false, unterminatedQuoteRecord: quoteStartedIn };
  // A last line without a line break still counts; a final line break does not start another record.
  if (field !== '' || record.length > 0) {
    record.push(asText(field));
    records.push(record);
  }
  return { ok: true, records };
}

/**
 * Bytes of a CSV file as text. Excel on Chinese Windows saves "CSV (逗号分隔)" in GB18030 (GBK), newer Excel
 * and WPS in UTF-8 with a byte-order mark: UTF-8 is tried first and must decode without error.
 */
export function decodeCsvBytes(data: Uint8Array | ArrayBuffer): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Excel runs a CSV cell that starts with = + - @ (or a tab or carriage return before one) as a formula:
 * =HYPERLINK(…) sends people to a stranger's site, =cmd|… asks to start a program. Such text is written
 * with an apostrophe in front, which Excel takes as "this is text" and does not show.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field of a CSV file we write: neutralised if it starts like a formula, quoted when it must be. */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The reverse of csvField's apostrophe when reading, as Excel does: what we exported imports unchanged. */
function asText(field: string): string {
  return field.startsWith("'") && FORMULA_START.test(field.slice(1)) ? field.slice(1) : field;
}
