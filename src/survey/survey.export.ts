// A survey round and the survey trend as Excel workbooks for the office: per community the sample, the four counts
// and the four rates (numbers stay numbers; a rate is a percentage with one decimal, computed from the counts), the
// street's total weighted by sample; the trend street-wide and per community with the change from the round before.
// Headers are Chinese. Pure.
import * as ExcelJS from 'exceljs';
import { SURVEY_COUNT_LABELS, SURVEY_MEASURE_LABELS, SURVEY_METHOD_LABELS, SURVEY_ROUND_STATE_LABELS } from '../../workflows/survey-round/survey-round.labels';
import { SURVEY_MEASURES, type SurveyRoundState } from '../../workflows/survey-round/survey-round.types';
import { countsView, roundTotal, type CountsView, type Trend, type TrendPoint } from './survey.trend';


type Cell = string | number | null;
const COUNT_HEADERS = ['样本量', ...SURVEY_MEASURES.map((m) => SURVEY_COUNT_LABELS[m]), ...SURVEY_MEASURES.map((m) => `${SURVEY_MEASURE_LABELS[m]}`)];

function countCells(c: CountsView): Cell[] {
  // Rates as fractions with a percent format: 87.5% is 0.875 in the cell, shown with one decimal.
  return [c.sample, ...SURVEY_MEASURES.map((m) => c[m]), ...SURVEY_MEASURES.map((m) => Math.round(c.rates[m] * 10) / 1000)];
}

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, header: string[], rows: Cell[][], percentFrom: number, percentCount: number): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  header.forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = i + 1 < percentFrom - 5 ? 18 : 11;
  });
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = ws.getCell(r + 3, c + 1);
      if (value !== null && value !== '') cell.value = value;
      if (c + 1 >= percentFrom && c + 1 < percentFrom + percentCount && typeof value === 'number') cell.numFmt = '0.0%';
    }),
  );
}

function book(at: string | null): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作平台';
  if (at) workbook.created = workbook.modified = new Date(at);
  return workbook;
}

/** One round: its communities' results and the street's total. `unitName` names the communities. */
export async function surveyRoundXlsx(round: SurveyRoundState, unitName: (code: string) => string): Promise<Buffer> {
  const workbook = book(round.closedAt);
  const header = ['社区编码', '社区', ...COUNT_HEADERS];
  const rows: Cell[][] = round.unitCodes.map((code) => {
    const r = round.results.find((x) => x.unitCode === code);
    return [code, unitName(code), ...(r ? countCells(countsView(r)) : ['未录入', ...Array<Cell>(8).fill(null)])];
  });
  const total = roundTotal(round);
  if (total) rows.push(['', '全街道合计（按样本加权）', ...countCells(total)]);
  const title = `${round.title}（${round.startDate} 至 ${round.endDate}，${SURVEY_METHOD_LABELS[round.method]}，${SURVEY_ROUND_STATE_LABELS[round.state]}）`;
  sheet(workbook, '各社区结果', title, header, rows, 3 + 5, 4);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function trendRows(points: readonly TrendPoint[], lead: (p: TrendPoint) => Cell[]): Cell[][] {
  return points.map((p) => [...lead(p), p.startDate, p.endDate, ...countCells(p.counts), ...SURVEY_MEASURES.map((m) => p.change[m])]);
}

/** The trend: street-wide, then every community's closed rounds. */
export async function surveyTrendXlsx(trend: Trend, unitName: (code: string) => string): Promise<Buffer> {
  const workbook = book(null);
  const changes = SURVEY_MEASURES.map((m) => `${SURVEY_MEASURE_LABELS[m]}变化（百分点）`);
  sheet(workbook, '全街道趋势', '问卷调查趋势：全街道（已结束轮次，按样本加权）', ['轮次', '开始日期', '结束日期', ...COUNT_HEADERS, ...changes], trendRows(trend.overall, (p) => [p.title]), 3 + 6, 4);
  const rows = trend.communities.flatMap((c) => trendRows(c.points, (p) => [unitName(c.unitCode), p.title]));
  sheet(workbook, '各社区趋势', '问卷调查趋势：各社区（已结束轮次）', ['社区', '轮次', '开始日期', '结束日期', ...COUNT_HEADERS, ...changes], rows, 4 + 6, 4);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
