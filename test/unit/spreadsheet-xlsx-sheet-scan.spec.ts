// The worksheet scan that reads where cells are before exceljs does: references, positional cells, prefixed
// tags, tags split across chunks, and hostile text that must not make it backtrack or hold much.
import { SheetScanError, SheetScanner, attribute, parseReference } from '../../src/platform/spreadsheet/xlsx-sheet-scan';

function scan(chunks: string[]) {
  const scanner = new SheetScanner();
  for (const chunk of chunks) scanner.write(Buffer.from(chunk, 'latin1'));
  return scanner.end();
}

describe('parseReference', () => {
  it('reads columns and rows, either alone, and saturates past Excel', () => {
    expect(parseReference('A1')).toEqual({ column: 1, row: 1 });
    expect(parseReference('xfd1048576')).toEqual({ column: 16_384, row: 1_048_576 });
    expect(parseReference('AA')).toEqual({ column: 27, row: null });
    expect(parseReference('12')).toEqual({ column: null, row: 12 });
    expect(parseReference('ZZZZZZZZZZZZ99999999999999999')).toEqual({ column: 16_385, row: 1_048_577 });
    for (const bad of ['', 'A1B', '$A$1', 'A-1']) expect(parseReference(bad)).toBeNull();
  });
});

describe('attribute', () => {
  it('finds an attribute by whole name, with spaces around = and either quote', () => {
    expect(attribute(' spans="1:3" r="B7" s="1"', 'r')).toBe('B7');
    expect(attribute(" r = 'C9'", 'r')).toBe('C9');
    expect(attribute(' ref="A1:B2"', 'r')).toBeNull();
    expect(attribute(' xr="A1"', 'r')).toBeNull();
  });

  it('walks a long hostile tag once', () => {
    expect(attribute(` r=${' r='.repeat(200_000)}`, 'r')).toBeNull();
  }, 30_000);
});

describe('SheetScanner', () => {
  it('counts cells, the farthest column and row, and each row as wide as its farthest cell', () => {
    const counts = scan(['<worksheet><dimension ref="A1:C2"/><sheetData><row r="1"><c r="A1"/><c r="C1"><v>1</v></c></row>', '<row r="2"><c r="B2" t="s"><v>0</v></c></row></sheetData></worksheet>']);
    expect(counts).toMatchObject({ cells: 3, maxColumn: 3, maxRow: 2, gridCells: 3 + 2, merges: 0 });
  });

  it('places cells and rows without references after the ones before them', () => {
    const counts = scan(['<row><c><v>1</v></c><c/><c r="E1"/><c/></row><row><c/></row>']);
    expect(counts).toMatchObject({ cells: 5, maxColumn: 6, maxRow: 2, gridCells: 6 + 1 });
  });

  it('reads prefixed tags and tags split between chunks at any byte', () => {
    const xml = '<x:worksheet><x:sheetData><x:row r="3"><x:c r="XFD3"><x:v>1</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A5:C9"/></x:mergeCells></x:worksheet>';
    for (let at = 1; at < xml.length; at++) {
      expect(scan([xml.slice(0, at), xml.slice(at)])).toMatchObject({ cells: 1, maxColumn: 16_384, maxRow: 9, merges: 1, mergedCells: 15, largestMerge: 'A5:C9', gridCells: 16_384 + 5 * 3 });
    }
  });

  it('counts a merged range whole, and names the farthest reference', () => {
    expect(scan(['<mergeCells><mergeCell ref="A2:XFD3000"/><mergeCell ref="B1"/></mergeCells>'])).toMatchObject({
      merges: 2,
      mergedCells: 16_384 * 2_999 + 1,
      largestMerge: 'A2:XFD3000',
      maxColumn: 16_384,
      maxRow: 3_000,
      farthest: 'A2:XFD3000',
    });
  });

  it('refuses references that are not references, and an unfinished tag that never ends', () => {
    expect(() => scan(['<row r="A"/>'])).toThrow(SheetScanError);
    expect(() => scan(['<c r="1A"/>'])).toThrow(SheetScanError);
    expect(() => scan(['<mergeCell ref="A1:"/>'])).toThrow(SheetScanError);
    const scanner = new SheetScanner();
    expect(() => {
      for (let i = 0; i < 100; i++) scanner.write(Buffer.from(i === 0 ? '<c r="A1" x="' : 'y'.repeat(1024)));
    }).toThrow(SheetScanError);
  });
});
