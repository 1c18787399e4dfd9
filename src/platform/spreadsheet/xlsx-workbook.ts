// The one door every import's .xlsx goes through before exceljs sees it (任务分解表, 测评体系, 组织机构). An
// .xlsx is a zip, and a zip of a few megabytes can unpack to gigabytes (a zip bomb): exceljs, through JSZip,
// unpacks every part whole into memory. So the zip's central directory is read first (how many parts, how large
// each says it is, how much it claims to shrink), and then every part is inflated once as a stream that is
// counted and thrown away, stopping as soon as it passes what it declared: a part that lies about its size is
// caught having inflated no more than it claimed. Only a workbook that passes reaches exceljs. Worksheet cells
// are counted on the way, because exceljs keeps an object per cell. Encrypted workbooks and old .xls files
// are recognised by their container and told apart, so people learn what to do.
import * as path from 'node:path';
import { createInflateRaw } from 'node:zlib';
import * as ExcelJS from 'exceljs';
import type { Grid, GridCell, GridRow } from './grid';
import { columnLetter } from './text';
import { XLSX_THREAD_LIMITS, runInThread, type ThreadLimits } from './xlsx-thread';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, SheetScanError, SheetScanner, emptyCounts, type SheetCounts } from './xlsx-sheet-scan';

/** An .xlsx larger than this is refused before it is opened. */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;
/**
 * What all parts together may unpack to. 20,000 task rows of nine columns unpack to about 8 MB (sheet and
 * shared strings); this leaves room for long texts and pictures without letting exceljs hold gigabytes.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** Parts in the zip: a workbook has a dozen plus one per sheet, picture and comment. */
export const MAX_XLSX_ENTRIES = 2_000;
/**
 * How much a large part may shrink. Sheet XML of real tables compresses 10 to 30 times; a bomb's parts
 * shrink about a thousand times, deflate's limit. Small parts are left alone: a few kilobytes of repeated
 * styles may legitimately shrink a lot and cannot hurt.
 */
export const MAX_XLSX_RATIO = 200;
const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/**
 * Cells in all worksheets together, merged ranges counted cell by cell: exceljs keeps an object for each
 * (20,000 rows of 50 columns).
 */
export const MAX_XLSX_CELLS = 1_000_000;
/** Merged ranges in all worksheets: exceljs checks each new one against all before it. */
export const MAX_XLSX_MERGES = 10_000;
/**
 * Entries of all grid rows together, each row as long as its farthest cell: 20,000 rows of 200 columns.
 * A row 10,000 columns wide is fine; thousands of them are not.
 */
export const MAX_XLSX_GRID_CELLS = 4_000_000;

type Refusal = { ok: false; code: 'UNREADABLE_FILE' | 'TOO_LARGE'; detail: string };
export type WorkbookRead = { ok: true; workbook: ExcelJS.Workbook } | Refusal;
export type WorkbookGrids = { ok: true; grids: Grid[] } | Refusal;

const UNREADABLE = '无法作为 Excel 工作簿（.xlsx）读取，可能已损坏或不是 .xlsx 格式。请在 Excel 或 WPS 中打开后另存为 .xlsx（或 CSV）再导入';
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary: the container of old .xls files and of password-protected .xlsx files alike. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/**
 * Why the bytes are not an .xlsx at all (null when they start like one): encrypted, an old .xls, or neither.
 * Services refuse such uploads before parsing; the wording names the file.
 */
export function notXlsxReason(fileName: string, content: Buffer): string | null {
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return null;
  if (content.subarray(0, 8).equals(CFB_MAGIC)) {
    // An encrypted .xlsx is a CFB holding a stream named EncryptedPackage (directory names are UTF-16LE).
    if (content.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      return `「${fileName}」设置了打开密码（已加密），系统无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入`;
    }
    return `「${fileName}」是旧版 Excel 97-2003 工作簿（.xls），只是改成了 .xlsx 的名字。请在 Excel 或 WPS 中打开，另存为「Excel 工作簿（.xlsx）」后再导入`;
  }
  return `「${fileName}」不是有效的 Excel (.xlsx) 文件`;
}

/** Opens an uploaded .xlsx with exceljs, after the checks above. Never throws for a bad file. */
export async function loadWorkbook(data: Buffer | ArrayBuffer): Promise<WorkbookRead> {
  const bytes = Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  if (bytes.byteLength > MAX_XLSX_BYTES) return tooLargeFile(bytes.byteLength);
  const checked = await checkZip(bytes);
  if (checked) return checked;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like "Buffer", which Node's Buffer does not satisfy; a
    // copy into a plain ArrayBuffer does, and its zip reader takes either.
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
    return { ok: true, workbook };
  } catch {
    // A zip that is not a workbook (.docx, .zip renamed), or a workbook's XML that does not parse.
    return refused('UNREADABLE_FILE', UNREADABLE);
  }
}

function refused(code: 'UNREADABLE_FILE' | 'TOO_LARGE', detail: string): Refusal {
  return { ok: false, code, detail };
}

/**
 * The visible sheets as grids of cells, read in a worker thread with a heap and a time of its own
 * (xlsx-thread.ts): a workbook that needs more only fails its own import, with a message saying so.
 */
export async function readWorkbookGrids(data: Buffer | ArrayBuffer, limits: ThreadLimits = XLSX_THREAD_LIMITS): Promise<WorkbookGrids> {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  // Refused here, so that a file of any size is never copied to a thread.
  if (bytes.byteLength > MAX_XLSX_BYTES) return tooLargeFile(bytes.byteLength);
  const answer = await runInThread(WORKER_ENTRY, bytes, limits);
  if (answer.ok) return fromWire(answer.value as WireGrids);
  switch (answer.reason) {
    case 'OUT_OF_MEMORY':
      return refused(
        'TOO_LARGE',
        `读取这个 Excel 文件需要的内存超过了 ${limits.maxOldGenerationSizeMb} MB 的上限（文件可能含有大量单元格、合并单元格或格式），系统已停止读取。请删去无关的工作表、空行和列，或拆分成几个文件分别导入`,
      );
    case 'TIMEOUT':
      return refused('TOO_LARGE', `读取这个 Excel 文件超过 ${Math.ceil(limits.timeoutMs / 1000)} 秒仍未完成，系统已停止读取。请删去无关的工作表、空行和列，或拆分成几个文件分别导入`);
    case 'FAILED':
      return refused('UNREADABLE_FILE', UNREADABLE);
    default:
      return assertNever(answer.reason);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}

const WORKER_ENTRY = path.join(__dirname, 'xlsx-worker');

/**
 * The grids as the worker posts them: dates as milliseconds and merged-cell marks as arrays, rebuilt as Dates
 * and Sets here, so that they are this side's own (a cloned Date fails `instanceof Date` where the caller runs
 * in another realm, as tests under jest do).
 */
export type WireGrids = Refusal | { ok: true; grids: { sheet: string; rows: { row: number; cells: (string | { date: number })[]; inherited: number[] }[] }[] };

export function toWire(read: WorkbookGrids): WireGrids {
  if (!read.ok) return read;
  return {
    ok: true,
    grids: read.grids.map((grid) => ({
      sheet: grid.sheet,
      rows: grid.rows.map((row) => ({
        row: row.row,
        cells: row.cells.map((cell) => (typeof cell === 'string' ? cell : { date: cell.getTime() })),
        inherited: [...(row.inherited ?? [])],
      })),
    })),
  };
}

function fromWire(wire: WireGrids): WorkbookGrids {
  if (!wire.ok) return { ok: false, code: wire.code, detail: wire.detail };
  return {
    ok: true,
    grids: wire.grids.map((grid) => ({
      sheet: grid.sheet,
      rows: grid.rows.map((row) => ({
        row: row.row,
        cells: row.cells.map((cell) => (typeof cell === 'string' ? cell : new Date(cell.date))),
        inherited: new Set(row.inherited),
      })),
    })),
  };
}

function tooLargeFile(bytes: number): Refusal {
  return refused('TOO_LARGE', `Excel 文件有 ${mb(bytes)} MB，超过 ${mb(MAX_XLSX_BYTES)} MB 的上限。请删去无关的工作表、图片和空行，或拆分成几个文件分别导入`);
}

/**
 * The visible sheets as grids of cells, in this thread (the worker's side of readWorkbookGrids; hidden sheets
 * hold drop-down lists and old copies, which people do not check). A formula counts as the value Excel saved with it, what people see: the formula itself is never
 * read, so nothing imported is a formula. A cell showing an error (#REF!, #N/A, #DIV/0!…) refuses the file:
 * its value is unknown, and taken as text it would become a unit or indicator named «#REF!».
 */
export async function readWorkbookGridsHere(data: Buffer | ArrayBuffer): Promise<WorkbookGrids> {
  const read = await loadWorkbook(data);
  if (!read.ok) return read;
  const visible = read.workbook.worksheets.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined);
  const errors: { sheet: string; address: string; error: string }[] = [];
  const grids = visible.map((sheet) => sheetGrid(sheet, (address, error) => errors.push({ sheet: sheet.name, address, error })));
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map((e) => `「${e.sheet}」${e.address}（${e.error}）`).join('、');
    const more = errors.length > 5 ? ` 等 ${errors.length} 个单元格` : '';
    return refused(
      'UNREADABLE_FILE',
      `单元格 ${shown}${more}显示的是错误值，系统无法确定其内容。请在 Excel 中改正公式（或把这些单元格改为实际内容）后重新导入`,
    );
  }
  return { ok: true, grids };
}

/**
 * The sheet's cells row by row. A cell inside a merged range takes the value of the range's top-left cell,
 * so an item name merged over six rows belongs to all six (and is marked as inherited in the other five).
 */
export function sheetGrid(sheet: ExcelJS.Worksheet, onError: (address: string, error: string) => void = () => undefined): Grid {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    const inherited = new Set<number>();
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const master = cell.isMerged ? cell.master : cell;
      const value = cellValue(master.value);
      if (typeof value === 'object' && !(value instanceof Date)) {
        // A merged range's error is reported once, at its own cell.
        if (master === cell) onError(`${columnLetter(columnNumber - 1)}${rowNumber}`, value.error);
        cells[columnNumber - 1] = '';
      } else cells[columnNumber - 1] = value;
      if (master !== cell) inherited.add(columnNumber - 1);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? ''), inherited });
  });
  return { sheet: sheet.name, rows };
}

/** Every kind of cell value as text, except dates, which stay Dates (the display format is not their meaning). */
function cellValue(value: ExcelJS.CellValue): GridCell | { error: string } {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // Without a saved value (a file written by a program that did not calculate it) the cell reads as empty.
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text);
  if ('error' in value) return { error: String(value.error) };
  return '';
}

// ---------------------------------------------------------------------------------------------------------
// The zip, read by hand (APPNOTE 6.3): the end record, the central directory, each part's local header.

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

class ZipError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

async function checkZip(bytes: Buffer): Promise<WorkbookRead | null> {
  let entries: Entry[];
  try {
    entries = centralDirectory(bytes);
  } catch {
    return refused('UNREADABLE_FILE', UNREADABLE);
  }
  if (entries.length > MAX_XLSX_ENTRIES) {
    return refused('TOO_LARGE', `Excel 文件里有 ${entries.length} 个组成部分，超过 ${MAX_XLSX_ENTRIES} 个的上限，不像是普通的表格。请在 Excel 中把需要的工作表复制到新工作簿，另存为 .xlsx 再导入`);
  }
  // exceljs reads the workbook from this part only; a zip without it (a .docx, a renamed .zip) has no sheets.
  if (!entries.some((e) => e.name.replace(/^\//, '') === 'xl/workbook.xml')) return refused('UNREADABLE_FILE', UNREADABLE);
  if (entries.some((e) => (e.flags & 1) === 1)) {
    return refused('UNREADABLE_FILE', '文件使用了加密压缩，系统无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 再导入');
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_XLSX_UNZIPPED_BYTES) return unzipsTooLarge(declared);
  const suspicious = entries.find((e) => e.uncompressedSize >= RATIO_CHECKED_FROM_BYTES && e.uncompressedSize > MAX_XLSX_RATIO * Math.max(e.compressedSize, 1));
  if (suspicious) {
    return refused('TOO_LARGE', `Excel 文件中的「${suspicious.name}」压缩前有 ${mb(suspicious.uncompressedSize)} MB，是压缩后的 ${Math.round(suspicious.uncompressedSize / Math.max(suspicious.compressedSize, 1))} 倍，不像是普通的表格（可能是“压缩炸弹”）。请在 Excel 中另存为新的 .xlsx 再导入`);
  }
  const total = emptyCounts();
  for (const entry of entries) {
    const isSheet = /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    let counts: SheetCounts | null;
    try {
      counts = await inflateCounting(bytes, entry, isSheet);
    } catch (error) {
      if (error instanceof SizeLie) {
        return refused('TOO_LARGE', `Excel 文件中的「${entry.name}」解压后比它声明的 ${mb(entry.uncompressedSize)} MB 还大，文件已被篡改或损坏，系统不再读取。请在 Excel 中另存为新的 .xlsx 再导入`);
      }
      return refused('UNREADABLE_FILE', UNREADABLE);
    }
    if (!counts) continue;
    if (counts.maxColumn > EXCEL_MAX_COLUMNS || counts.maxRow > EXCEL_MAX_ROWS) {
      return refused('TOO_LARGE', `Excel 文件中的「${entry.name}」引用了超出 Excel 范围的单元格「${counts.farthest}」（最多 16,384 列、1,048,576 行），文件已被篡改或损坏。请在 Excel 中另存为新的 .xlsx 再导入`);
    }
    total.cells += counts.cells;
    total.mergedCells += counts.mergedCells;
    total.merges += counts.merges;
    total.gridCells += counts.gridCells;
    if (counts.largestMergeCells > total.largestMergeCells) Object.assign(total, { largestMerge: counts.largestMerge, largestMergeCells: counts.largestMergeCells });
    if (counts.maxColumn > total.maxColumn) Object.assign(total, { maxColumn: counts.maxColumn, farthest: counts.farthest });
    if (total.cells > MAX_XLSX_CELLS) {
      return refused('TOO_LARGE', `Excel 文件的工作表中有超过 ${MAX_XLSX_CELLS.toLocaleString('en-US')} 个单元格，超过一次导入的上限。请删去无关的工作表、列和空行，或拆分成几个文件分别导入`);
    }
    if (total.merges > MAX_XLSX_MERGES) {
      return refused('TOO_LARGE', `Excel 文件中有超过 ${MAX_XLSX_MERGES.toLocaleString('en-US')} 处合并单元格，超过一次导入的上限。请取消不必要的合并，或拆分成几个文件分别导入`);
    }
    if (total.cells + total.mergedCells > MAX_XLSX_CELLS) {
      return refused(
        'TOO_LARGE',
        `Excel 文件中的合并单元格共覆盖 ${total.mergedCells.toLocaleString('en-US')} 个单元格（最大的一处是「${total.largestMerge}」），连同其他单元格超过 ${MAX_XLSX_CELLS.toLocaleString('en-US')} 个的上限。请取消整行、整列或大范围的合并后重新导入`,
      );
    }
    if (total.gridCells > MAX_XLSX_GRID_CELLS) {
      return refused(
        'TOO_LARGE',
        `Excel 文件的工作表中有许多行的内容延伸到很远的列（最远到 ${columnLetter(total.maxColumn - 1)} 列），按行展开后超过 ${MAX_XLSX_GRID_CELLS.toLocaleString('en-US')} 个单元格的上限。请删去表格右侧无关的列和内容后重新导入`,
      );
    }
  }
  return null;
}

function unzipsTooLarge(bytes: number): WorkbookRead {
  return refused('TOO_LARGE', `Excel 文件解压后有 ${mb(bytes)} MB，超过 ${mb(MAX_XLSX_UNZIPPED_BYTES)} MB 的上限（文件可能是“压缩炸弹”，或含有大量图片和空行）。请删去无关的工作表、图片和空行，或拆分成几个文件分别导入`);
}

function centralDirectory(bytes: Buffer): Entry[] {
  const eocd = findEndRecord(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) throw new ZipError('zip64 locator');
    const record = safeNumber(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) throw new ZipError('zip64 end');
    count = safeNumber(bytes.readBigUInt64LE(record + 32));
    size = safeNumber(bytes.readBigUInt64LE(record + 40));
    offset = safeNumber(bytes.readBigUInt64LE(record + 48));
  }
  if (offset + size > bytes.length) throw new ZipError('central directory outside the file');
  // Counted before reading: a forged count must not make us walk millions of records.
  if (count > MAX_XLSX_ENTRIES) return Array.from({ length: count }, () => ({ name: '', flags: 0, method: 0, compressedSize: 0, uncompressedSize: 0, localHeaderOffset: 0 }));
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipError('central record');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: Entry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipError('no end of central directory');
}

/** Sizes and offset that do not fit 32 bits live in the ZIP64 extra field, in this order, only those saturated. */
function readZip64Extra(extra: Buffer, entry: Entry): void {
  const saturated = (n: number) => n === 0xffffffff;
  if (!saturated(entry.uncompressedSize) && !saturated(entry.compressedSize) && !saturated(entry.localHeaderOffset)) return;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ZipError('zip64 extra');
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (saturated(entry.uncompressedSize)) entry.uncompressedSize = next();
      if (saturated(entry.compressedSize)) entry.compressedSize = next();
      if (saturated(entry.localHeaderOffset)) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
  throw new ZipError('zip64 sizes without their extra field');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('size beyond reason');
  return Number(value);
}

class SizeLie extends Error {}

/**
 * Inflates one part as JSZip will (the central directory's compressed size, from after the local header),
 * counting the output and throwing it away; stops with SizeLie the moment it passes the declared size.
 * Worksheet parts are also scanned for where their cells are (xlsx-sheet-scan.ts); other parts answer null.
 */
async function inflateCounting(bytes: Buffer, entry: Entry, scanSheet: boolean): Promise<SheetCounts | null> {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new ZipError('local header');
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipError('part outside the file');
  const data = bytes.subarray(start, start + entry.compressedSize);
  const scanner = scanSheet ? new SheetScanner() : null;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipError('stored part of two sizes');
    scanner?.write(data);
    return scanner?.end() ?? null;
  }
  if (entry.method !== 8) throw new ZipError('unsupported compression');
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > entry.uncompressedSize) {
        inflate.destroy();
        reject(new SizeLie());
        return;
      }
      try {
        scanner?.write(chunk);
      } catch (error) {
        inflate.destroy();
        reject(error instanceof SheetScanError ? error : new ZipError('scan'));
      }
    });
    inflate.on('error', reject);
    inflate.on('end', () => resolve(scanner?.end() ?? null));
    inflate.end(data);
  });
}
