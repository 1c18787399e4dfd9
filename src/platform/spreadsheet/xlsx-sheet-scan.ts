// What a worksheet's XML will cost exceljs and the grid, read from the inflating stream before exceljs sees it.
// exceljs keeps an object per cell and creates one for every cell of a merged range (a 1.6 KB file holding
// <mergeCell ref="A1:XFD1000"/> asks for 16 million), and a grid row is as long as its farthest cell (20,000
// cells at column XFD make 327 million entries). So the tags that say where cells are (<c r>, <row r>,
// <mergeCell ref>, <dimension ref>) are read as the XML streams past, in one pass and in bounded memory: only
// the unfinished tag at the end of a chunk is kept.

/** Excel's own limits: a reference beyond them is not a worksheet Excel wrote. */
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_ROWS = 1_048_576;
/** A tag longer than this is not one of the small tags read here; an unfinished one that long refuses the file. */
const MAX_TAG_CHARS = 64 * 1024;

export interface SheetCounts {
  /** `<c>` elements. */
  cells: number;
  /** Cells inside merged ranges, each range counted whole (exceljs makes an object for each). */
  mergedCells: number;
  merges: number;
  /** The largest merged range, for the message. */
  largestMerge: string | null;
  largestMergeCells: number;
  /** Entries of the grid rows: each row as long as its farthest cell, merged ranges included. */
  gridCells: number;
  /** The farthest column (1-based) and row any reference names, and where (for the message). */
  maxColumn: number;
  maxRow: number;
  farthest: string | null;
}

export class SheetScanError extends Error {}

export function emptyCounts(): SheetCounts {
  return { cells: 0, mergedCells: 0, merges: 0, largestMerge: null, largestMergeCells: 0, gridCells: 0, maxColumn: 0, maxRow: 0, farthest: null };
}

/**
 * A cell reference (`XFD1048576`) as 1-based column and row, null parts where the reference leaves them out;
 * numbers beyond Excel's limits stop growing just past them. Null when it is not a reference at all.
 */
export function parseReference(ref: string): { column: number | null; row: number | null } | null {
  let i = 0;
  let column = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    column = Math.min(column * 26 + (c - 0x60), EXCEL_MAX_COLUMNS + 1);
  }
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = Math.min(row * 10 + (c - 0x30), EXCEL_MAX_ROWS + 1);
  }
  if (i === 0) return null;
  return { column: digitsFrom === 0 ? null : column, row: i === digitsFrom ? null : row };
}

/** The value of attribute `name` in one tag's text, found without backtracking; null when absent. */
export function attribute(tag: string, name: string): string | null {
  for (let at = tag.indexOf(name); at !== -1; at = tag.indexOf(name, at + 1)) {
    const before = tag.charCodeAt(at - 1);
    if (!(before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d)) continue;
    let i = at + name.length;
    while (isSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== '=') continue;
    i++;
    while (isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, i + 1);
    return end === -1 ? null : tag.slice(i + 1, end);
  }
  return null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Reads one worksheet part chunk by chunk; `counts` grows as it goes. Call end() after the last chunk. */
export class SheetScanner {
  readonly counts: SheetCounts = emptyCounts();
  private carry = '';
  private row = 0;
  private column = 0;
  /** The farthest column of the row being read. */
  private rowWidth = 0;

  write(chunk: Buffer): void {
    // References and tag names are ASCII; latin1 maps each byte to one character, so nothing is split or lost.
    const text = this.carry + chunk.toString('latin1');
    let at = 0;
    for (;;) {
      const open = text.indexOf('<', at);
      if (open === -1) {
        this.carry = '';
        return;
      }
      const close = text.indexOf('>', open + 1);
      if (close === -1) {
        if (text.length - open > MAX_TAG_CHARS) throw new SheetScanError('tag too long');
        this.carry = text.slice(open);
        return;
      }
      this.tag(text, open + 1, close);
      at = close + 1;
    }
  }

  end(): SheetCounts {
    this.endRow();
    return this.counts;
  }

  private tag(text: string, from: number, to: number): void {
    const closing = text.charCodeAt(from) === 0x2f; // '/'
    let nameEnd = from + (closing ? 1 : 0);
    while (nameEnd < to && !isSpace(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== 0x2f) nameEnd++;
    let name = text.slice(from + (closing ? 1 : 0), nameEnd);
    const colon = name.indexOf(':');
    if (colon !== -1) name = name.slice(colon + 1);
    if (closing) {
      if (name === 'row') this.endRow();
      return;
    }
    switch (name) {
      case 'row': {
        this.endRow();
        const ref = attribute(text.slice(nameEnd, to), 'r');
        const at = ref === null ? { column: null, row: this.row + 1 } : parseReference(ref);
        if (!at || at.row === null || at.column !== null) throw new SheetScanError(`row ${ref}`);
        this.row = at.row;
        this.column = 0;
        this.reach(0, at.row, ref ?? String(at.row));
        return;
      }
      case 'c': {
        this.counts.cells++;
        const ref = attribute(text.slice(nameEnd, to), 'r');
        const at = ref === null ? { column: this.column + 1, row: this.row } : parseReference(ref);
        if (!at || at.column === null) throw new SheetScanError(`cell ${ref}`);
        this.column = at.column;
        this.rowWidth = Math.max(this.rowWidth, at.column);
        this.reach(at.column, at.row ?? this.row, ref ?? `${at.column}`);
        return;
      }
      case 'mergeCell': {
        const ref = attribute(text.slice(nameEnd, to), 'ref') ?? '';
        const [from, until = from] = ref.split(':');
        const a = parseReference(from);
        const b = parseReference(until);
        if (!a || !b || a.column === null || a.row === null || b.column === null || b.row === null) throw new SheetScanError(`merge ${ref}`);
        const rows = Math.abs(b.row - a.row) + 1;
        const area = rows * (Math.abs(b.column - a.column) + 1);
        this.counts.merges++;
        this.counts.mergedCells += area;
        if (area > this.counts.largestMergeCells) {
          this.counts.largestMergeCells = area;
          this.counts.largestMerge = ref;
        }
        this.counts.gridCells += rows * Math.max(a.column, b.column);
        this.reach(Math.max(a.column, b.column), Math.max(a.row, b.row), ref);
        return;
      }
      case 'dimension': {
        const ref = attribute(text.slice(nameEnd, to), 'ref') ?? '';
        for (const end of ref.split(':')) {
          const at = parseReference(end);
          if (!at) throw new SheetScanError(`dimension ${ref}`);
          this.reach(at.column ?? 0, at.row ?? 0, ref);
        }
        return;
      }
      default:
    }
  }

  private endRow(): void {
    this.counts.gridCells += this.rowWidth;
    this.rowWidth = 0;
  }

  private reach(column: number, row: number, where: string): void {
    if (column > this.counts.maxColumn || row > this.counts.maxRow) this.counts.farthest = where;
    this.counts.maxColumn = Math.max(this.counts.maxColumn, column);
    this.counts.maxRow = Math.max(this.counts.maxRow, row);
  }
}
