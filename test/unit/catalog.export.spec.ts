// Exporting the catalog in the layout its import reads: export → import finds nothing changed, title included,
// in .xlsx (items and indicators merged over their rows, under the title) and in .csv (UTF-8 with a BOM, the
// title on the first line, quoted where needed).
import * as ExcelJS from 'exceljs';
import { catalogCsv, catalogXlsx } from '../../src/catalog/catalog.export';
import { parseCatalogCsv, parseCatalogXlsx } from '../../src/catalog/catalog.parser';
import type { Catalog, CatalogParse } from '../../src/catalog/catalog.types';
import { diffCatalog, planCatalog } from '../../src/catalog/catalog.validator';
import { decodeCsvBytes } from '../../src/platform/spreadsheet';
import { CATALOG_HEADER, demoCatalog } from '../support/catalog-fixtures';

const TITLE = '全国文明城区测评体系（2021年版）';

function reimport(current: Catalog, parsed: CatalogParse) {
  expect(parsed.problems).toEqual([]);
  const planned = planCatalog(parsed.rows, { current, indicatorsInUse: new Map() });
  expect(planned.problems).toEqual([]);
  return diffCatalog(current, planned.catalog);
}

/** Several criteria per indicator, materials, no area, no deduction rule, and text that CSV must quote. */
function richCatalog(): Catalog {
  return {
    items: [
      { code: 'C', name: '环境卫生' },
      { code: 'K', name: '诚信建设' },
    ],
    indicators: [
      {
        code: 'C10',
        itemCode: 'C',
        name: '农贸市场环境',
        method: 'FIELD',
        points: 2.5,
        standard: '地面干净, 无积水\n"活禽"区域隔离',
        area: 'MARKETS',
        criteria: [
          { code: 'C10-1', position: 1, content: '地面干净, 无积水', method: 'FIELD', points: 2, deductionRule: '每发现一处扣0.5分' },
          { code: 'C10-2', position: 2, content: '"活禽"区域隔离', method: 'SIMULATED', points: 0.5, deductionRule: '' },
        ],
        materials: [
          { code: 'C10-M1', position: 1, name: '巡查记录' },
          { code: 'C10-M2', position: 2, name: '照片（整改前后）' },
        ],
      },
      {
        code: 'C2',
        itemCode: 'C',
        name: '垃圾分类',
        method: 'SURVEY',
        points: 1,
        standard: '知晓率不低于80%',
        area: null,
        criteria: [{ code: 'C2-1', position: 1, content: '知晓率不低于80%', method: 'SURVEY', points: 1, deductionRule: '每低5个百分点扣0.1分' }],
        materials: [],
      },
      {
        code: 'K1',
        itemCode: 'K',
        name: '诚信宣传',
        method: 'MATERIAL',
        points: 3,
        standard: '有诚信宣传栏\n每季度更新',
        area: null,
        criteria: [
          { code: 'K1-1', position: 1, content: '有诚信宣传栏', method: 'MATERIAL', points: 1, deductionRule: '' },
          { code: 'K1-2', position: 2, content: '每季度更新', method: 'MATERIAL', points: 1, deductionRule: '' },
          { code: 'K1-3', position: 3, content: '多行内容\n第二行', method: 'FIELD', points: 1, deductionRule: '' },
        ],
        materials: [{ code: 'K1-M1', position: 1, name: '台账' }],
      },
    ],
  };
}

describe('catalog export → import', () => {
  it('round-trips the demo catalog through .xlsx with nothing changed', async () => {
    const demo = demoCatalog();
    const parsed = await parseCatalogXlsx(await catalogXlsx(demo, TITLE));
    expect(parsed.title).toBe(TITLE);
    const diff = reimport(demo, parsed);
    expect(diff.changes).toEqual([]);
    expect(diff.counts.indicators).toEqual({ total: 40, created: 0, changed: 0, unchanged: 40, removed: 0 });
  });

  it('round-trips the demo catalog through .csv with nothing changed', () => {
    const demo = demoCatalog();
    const bytes = Buffer.from(catalogCsv(demo, TITLE), 'utf8');
    const parsed = parseCatalogCsv(decodeCsvBytes(bytes), '测评体系');
    expect(parsed.title).toBe(TITLE);
    const diff = reimport(demo, parsed);
    expect(diff.changes).toEqual([]);
    expect(diff.counts.items.unchanged).toBe(10);
  });

  it('round-trips several criteria per indicator, materials, empty rules and text with commas, quotes and line breaks', async () => {
    const rich = richCatalog();
    rich.indicators[2].standard = rich.indicators[2].criteria.map((c) => c.content).join('\n');
    expect(reimport(rich, await parseCatalogXlsx(await catalogXlsx(rich, TITLE))).changes).toEqual([]);
    expect(reimport(rich, parseCatalogCsv(catalogCsv(rich, TITLE), '测评体系')).changes).toEqual([]);
  });

  it('round-trips a title with commas and quotes through .csv', () => {
    const title = '测评体系（2021年版, "修订"）';
    expect(parseCatalogCsv(catalogCsv(richCatalog(), title), '测评体系').title).toBe(title);
  });

  it('writes an indicator that has no criteria yet as one row of its own standard (importing it adds that criterion)', () => {
    const legacy: Catalog = { items: [{ code: 'A', name: '宣传' }], indicators: [{ ...richCatalog().indicators[1], code: 'A1', itemCode: 'A', criteria: [] }] };
    const parsed = parseCatalogCsv(catalogCsv(legacy, TITLE), '测评体系');
    expect(parsed.rows.map((r) => [r.indicatorCode, r.content, r.method, r.points])).toEqual([['A1', '知晓率不低于80%', 'SURVEY', 1]]);
    const diff = reimport(legacy, parsed);
    expect(diff.changes.map((c) => `${c.kind} ${c.code}`)).toEqual(['CHANGED A1']);
  });
});

describe('the exported files', () => {
  it('.xlsx: the title, the header on row 2, items by code and indicators by code within them (C2 before C10), merged over their rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await catalogXlsx(richCatalog(), TITLE)).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('测评体系');
    expect(sheet.getCell('A1').value).toBe(TITLE);
    expect(sheet.getCell('J1').master.address).toBe('A1');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(CATALOG_HEADER.slice());
    expect([3, 4, 5, 6, 7, 8].map((r) => `${String(sheet.getCell(`C${r}`).value)}/${String(sheet.getCell(`E${r}`).value)}`)).toEqual([
      'C2/知晓率不低于80%',
      'C10/地面干净, 无积水',
      'C10/"活禽"区域隔离',
      'K1/有诚信宣传栏',
      'K1/每季度更新',
      'K1/多行内容\n第二行',
    ]);
    expect(sheet.getCell('B5').isMerged && sheet.getCell('B5').master.address).toBe('B3');
    expect(sheet.getCell('D5').master.address).toBe('D4');
    expect(sheet.getCell('I4').value).toBe('巡查记录、照片（整改前后）');
    expect(sheet.getCell('F5').value).toBe('模拟暗访');
    expect(sheet.getCell('G3').value).toBe(1);
    expect(sheet.getCell('J4').value).toBe('集贸市场');
  });

  it('.csv: a byte-order mark, the title, the header, CRLF, quotes where needed, materials on the indicator\'s first row', () => {
    const text = catalogCsv(richCatalog(), TITLE);
    expect(text.startsWith(`\uFEFF${TITLE},,,,,,,,,\r\n${CATALOG_HEADER.join(',')}\r\n`)).toBe(true);
    const lines = text.slice(1).split('\r\n').slice(1);
    expect(lines[1]).toBe('C,环境卫生,C2,垃圾分类,知晓率不低于80%,问卷调查,1,每低5个百分点扣0.1分,,');
    expect(lines[2]).toBe('C,环境卫生,C10,农贸市场环境,"地面干净, 无积水",实地考察,2,每发现一处扣0.5分,巡查记录、照片（整改前后）,集贸市场');
    expect(lines[3]).toBe('C,环境卫生,C10,农贸市场环境,"""活禽""区域隔离",模拟暗访,0.5,,,集贸市场');
  });
});
