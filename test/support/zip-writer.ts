// Writes .xlsx files by hand, zip part by zip part, for the hostile-file tests: minimal workbooks, parts that
// unpack to gigabytes while the test holds a few megabytes (a zip bomb), and parts whose declared size lies.
// Not a spec itself.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The stored bytes: raw deflate (method 8) or the content itself (method 0). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** What the central directory says the part unpacks to. */
  size: number;
}

export function part(name: string, content: string | Buffer): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(bytes), method: 8, crc: crc32(bytes), size: bytes.length };
}

/**
 * A part that unpacks to head + unit × times + tail without ever being held whole: the unit is deflated once
 * with a full flush (a byte-aligned, self-contained run of blocks) and that run is repeated, which is a valid
 * deflate stream. The CRC is left 0: JSZip does not check it, and the guard must refuse before it would matter.
 */
export function repeatedPart(name: string, head: string, unit: string, times: number, tail: string): ZipPart {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
  const segment = flushed(unit);
  const data = Buffer.concat([flushed(head), ...Array.from({ length: times }, () => segment), deflateRawSync(Buffer.from(tail, 'utf8'))]);
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail);
  return { name, data, method: 8, crc: 0, size };
}

/** The same part with another declared size (a lie, when smaller than what it unpacks to). */
export function declaring(p: ZipPart, size: number): ZipPart {
  return { ...p, size };
}

export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook needs around its one sheet (xl/worksheets/sheet1.xml) and optional shared strings. */
export function workbookParts(sheet: ZipPart, sharedStrings?: ZipPart): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org';
  const contentTypes =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${ns}/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    (sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
    `</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="任务分解表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const workbookRels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
    (sharedStrings ? `<Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    `</Relationships>`;
  return [
    part('[Content_Types].xml', contentTypes),
    part('_rels/.rels', rels),
    part('xl/workbook.xml', workbook),
    part('xl/_rels/workbook.xml.rels', workbookRels),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
    ...(sharedStrings ? [{ ...sharedStrings, name: 'xl/sharedStrings.xml' }] : []),
  ];
}

/** One row of inline-string cells, in sheet XML. */
export function rowXml(row: number, cells: readonly string[]): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const columns = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
  return `<row r="${row}">${cells.map((c, i) => `<c r="${columns(i)}${row}" t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`;
}

/** A Compound File Binary container (old .xls, or an encrypted .xlsx) as far as a signature check reads it. */
export function cfb(streamNames: readonly string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const names = streamNames.map((n) => Buffer.concat([Buffer.from(n, 'utf16le'), Buffer.alloc(64 - Buffer.byteLength(n, 'utf16le'))]));
  return Buffer.concat([header, Buffer.alloc(504), ...names, Buffer.alloc(1024)]);
}

/** A sheet whose one merged range covers `range` (e.g. A2:XFD3000): a file of a few kilobytes. */
export function mergedSheet(range: string): ZipPart {
  return part('s', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="${range}"/></mergeCells></worksheet>`);
}

/** A sheet of `rows` rows, each with one cell at `column` (e.g. XFD): few cells, each row as wide as Excel allows. */
export function farColumnSheet(rows: number, column: string): ZipPart {
  return repeatedRows(rows, (r) => `<row r="${r}"><c r="${column}${r}"><v>${r}</v></c></row>`);
}

function repeatedRows(rows: number, row: (r: number) => string): ZipPart {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(row(r));
  return part('s', SHEET_HEAD + body.join('') + SHEET_TAIL);
}
