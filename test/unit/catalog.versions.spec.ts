// The pure rules of catalog versions: which title a version gets, the one order a snapshot is stored in, what a
// version counts, and the names of exported files.
import type { Catalog } from '../../src/catalog/catalog.types';
import { DEFAULT_CATALOG_TITLE, MAX_TITLE_LENGTH } from '../../src/catalog/catalog.types';
import { canonicalCatalog, catalogTotals, chooseTitle, exportFileName, normaliseTitle } from '../../src/catalog/catalog.versions';
import { demoCatalog } from '../support/catalog-fixtures';

describe('normaliseTitle', () => {
  it('keeps a title on one line, spaces collapsed', () => {
    expect(normaliseTitle('  全国文明城区测评体系\n（2021年版） ')).toBe('全国文明城区测评体系 （2021年版）');
  });

  it('is null for nothing, for a paragraph longer than the limit, and for earlier exports\' layout heading', () => {
    expect(normaliseTitle(null)).toBeNull();
    expect(normaliseTitle(' \n ')).toBeNull();
    expect(normaliseTitle('字'.repeat(MAX_TITLE_LENGTH))).toBe('字'.repeat(MAX_TITLE_LENGTH));
    expect(normaliseTitle('字'.repeat(MAX_TITLE_LENGTH + 1))).toBeNull();
    expect(normaliseTitle('测评体系（测评项目、测评指标、测评内容）')).toBeNull();
  });
});

describe('chooseTitle', () => {
  it('prefers the file\'s title row, then the importer\'s title; either names the version', () => {
    expect(chooseTitle('文件标题', '输入标题', '上一版')).toEqual({ title: '文件标题', named: true });
    expect(chooseTitle(null, '输入标题', '上一版')).toEqual({ title: '输入标题', named: true });
  });

  it('else keeps the previous version\'s title, else the default; neither names the version', () => {
    expect(chooseTitle(null, null, '上一版')).toEqual({ title: '上一版', named: false });
    expect(chooseTitle(null, null, null)).toEqual({ title: DEFAULT_CATALOG_TITLE, named: false });
  });
});

describe('canonicalCatalog', () => {
  it('orders items and indicators by code (A2 before A10) and criteria and materials by position, whatever order they came in', () => {
    const demo = demoCatalog();
    const shuffled: Catalog = {
      items: [...demo.items].reverse(),
      indicators: [...demo.indicators].reverse().map((i) => ({ ...i, criteria: [...i.criteria].reverse(), materials: [...i.materials].reverse() })),
    };
    const canonical = canonicalCatalog(shuffled);
    expect(JSON.stringify(canonical)).toBe(JSON.stringify(canonicalCatalog(demo)));
    expect(canonical.items.map((i) => i.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    const codes = canonicalCatalog({ items: [], indicators: ['A10', 'A2', 'B1', 'A1'].map((code) => ({ ...demo.indicators[0], code })) }).indicators.map((i) => i.code);
    expect(codes).toEqual(['A1', 'A2', 'A10', 'B1']);
    const a3 = canonical.indicators.find((i) => i.code === 'A3');
    expect(a3?.materials.map((m) => `${m.position} ${m.name}`)).toEqual(['1 台账', '2 照片']);
  });
});

describe('catalogTotals', () => {
  it('counts the indicators and sums their points without floating-point dust', () => {
    expect(catalogTotals(demoCatalog())).toEqual({ indicatorCount: 40, totalPoints: 100 });
    const indicator = demoCatalog().indicators[0];
    const tenths: Catalog = { items: [], indicators: [0.1, 0.2, 0.4].map((points, i) => ({ ...indicator, code: `X${i}`, points })) };
    expect(catalogTotals(tenths)).toEqual({ indicatorCount: 3, totalPoints: 0.7 });
  });
});

describe('exportFileName', () => {
  it('names the version and the day; no version while there is none', () => {
    expect(exportFileName(3, '20261127', 'xlsx')).toBe('测评体系-v3-20261127.xlsx');
    expect(exportFileName(12, '20261127', 'csv')).toBe('测评体系-v12-20261127.csv');
    expect(exportFileName(null, '20261127', 'xlsx')).toBe('测评体系-20261127.xlsx');
  });
});
