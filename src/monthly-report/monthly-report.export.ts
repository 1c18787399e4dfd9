// Writes a monthly report (每月专题汇报) as an Excel workbook for the leading group: a summary sheet, progress by
// assessment item and by unit, overdue tasks, relapses and escalations, rectification items. Headers are
// Chinese; numbers stay numbers (a rate is a percentage with one decimal). Pure.
import * as ExcelJS from 'exceljs';
import type { MonthlyReportContent, ProgressRow } from './monthly-report.builder';

export const REPORT_SHEETS = {
  summary: '概况',
  byItem: '按测评项目',
  byUnit: '按责任单位',
  overdue: '逾期任务',
  relapsesAndEscalations: '反弹与督办',
  items: '整改问题',
  unitReports: '单位专题汇报',
} as const;

/** A unit's own monthly report (单位专题汇报) as the workbook lists it beside the system's report. */
export interface UnitReportLinkRow {
  unit: { code: string; name: string };
  statusLabel: string;
  reportId: string | null;
  summary: string | null;
}

type Cell = string | number | null;

function monthTitle(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

function table(workbook: ExcelJS.Workbook, name: string, title: string, header: string[], rows: Cell[][], widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(header.length, 1));
  header.forEach((h, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getCell(r + 3, c + 1);
      if (value !== null && value !== '') cell.value = value;
      cell.alignment = { vertical: 'top', wrapText: typeof value === 'string' };
    }),
  );
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return sheet;
}

function progressHeader(first: string, stages: ProgressRow['stages']): string[] {
  return [first, '名称', '任务数', ...stages.map((s) => s.label), '达标数', '达标率（%）', '逾期'];
}

function progressCells(row: ProgressRow): Cell[] {
  return [row.code, row.name, row.tasks, ...row.stages.map((s) => s.count), row.met, row.metRate, row.overdue];
}

const local = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export async function monthlyReportXlsx(report: MonthlyReportContent, unitReports: readonly UnitReportLinkRow[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作流引擎';
  const title = `${report.campaignName} ${monthTitle(report.month)}专题汇报`;
  const tz = report.timeZone;

  const c = report.cadence;
  const summary: Cell[][] = [
    ['活动', report.campaignName],
    ['汇报月份', report.month],
    ['生成时间', local(report.generatedAt, tz)],
    ['当前阶段', report.phaseLabel],
    ['迎检日期', report.inspectionDate],
    ['距迎检天数', report.daysToInspection],
    ['任务总数', report.totals.tasks],
    ['达标数', report.totals.met],
    ['达标率（%）', report.totals.metRate],
    ['逾期任务', report.totals.overdue],
    ['本月反弹（任务）', report.relapses.tasks],
    ['本月反弹（整改问题）', report.relapses.items],
    ['本月提醒督办', report.escalations.total],
    ['现场督查（次）', c.visits],
    ['联席会议（次）', c.jointMeetings],
    ['协调会（次）', c.coordinationMeetings],
    ['听取单位工作汇报（次）', c.hearings ?? 0],
    ['工作节奏', c.met ? '达到要求' : `未达要求：${c.shortfalls.map((s) => `${s.label} ${s.recorded} 次（要求 ${s.required} 次以上）`).join('；')}`],
    ['整改问题总数', report.rectificationItems.total],
    ['未销号整改问题', report.rectificationItems.open],
    ['逾期整改问题', report.rectificationItems.overdue],
  ];
  table(workbook, REPORT_SHEETS.summary, title, ['项目', '内容'], summary, [22, 60]);

  const stages = report.totals.stages;
  table(workbook, REPORT_SHEETS.byItem, `${title}：按测评项目`, progressHeader('测评项目编码', stages), [...report.byItem.map(progressCells), progressCells(report.totals)], [12, 28, 8, ...stages.map(() => 9), 8, 11, 8]);

  table(
    workbook,
    REPORT_SHEETS.byUnit,
    `${title}：按责任单位`,
    [...progressHeader('单位编码', stages), '本月反弹', '本月提醒督办', '未销号整改问题', '逾期整改问题'],
    report.byUnit.map((u) => [...progressCells(u), u.relapses, u.escalations, u.openItems, u.overdueItems]),
    [10, 24, 8, ...stages.map(() => 9), 8, 11, 8, 10, 12, 14, 12],
  );

  table(
    workbook,
    REPORT_SHEETS.overdue,
    `${title}：逾期任务（截至生成时）`,
    ['任务编号', '指标编码', '测评指标', '责任单位', '阶段', '阶段时限', '逾期天数', '已到督办步骤'],
    report.overdue.map((o) => [o.taskId, o.indicatorCode, o.indicatorName, o.unitName, o.stageLabel, local(o.stageDueAt, tz), o.daysOverdue, o.escalationLabel ?? '']),
    [36, 10, 30, 20, 10, 18, 10, 14],
  );

  const sheet = table(
    workbook,
    REPORT_SHEETS.relapsesAndEscalations,
    `${title}：本月反弹与提醒督办`,
    ['督办步骤', '任务', '整改问题'],
    report.escalations.levels.map((l) => [l.label, l.tasks, l.items]),
    [14, 10, 10, 30, 30, 18, 30],
  );
  const start = report.escalations.levels.length + 4;
  ['类别', '编号', '责任单位', '测评指标', '时间', '复查发现的问题'].forEach((h, i) => {
    const cell = sheet.getCell(start, i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  report.relapses.entries.forEach((r, i) => {
    const values: Cell[] = [r.kind === 'TASK' ? '任务反弹' : '整改问题反弹', r.id, r.unitName ?? '', r.indicatorName ?? '', local(r.at, tz), r.note];
    values.forEach((v, j) => {
      if (v !== null && v !== '') sheet.getCell(start + 1 + i, j + 1).value = v;
    });
  });

  const items = report.rectificationItems;
  table(
    workbook,
    REPORT_SHEETS.items,
    `${title}：整改问题`,
    ['分类', '项目', '数量'],
    [
      ['合计', '整改问题总数', items.total],
      ['合计', '未销号', items.open],
      ['合计', '已销号', items.closed],
      ['合计', '逾期', items.overdue],
      ['合计', '提醒督办中', items.escalated],
      ['合计', '累计反弹次数', items.relapses],
      ...items.byState.map((s): Cell[] => ['状态', s.label, s.count]),
      ...items.byArea.map((a): Cell[] => ['专项整治领域', a.label, a.count]),
    ],
    [16, 20, 10],
  );

  table(
    workbook,
    REPORT_SHEETS.unitReports,
    `${title}：各单位专题汇报（截至导出时）`,
    ['单位编码', '单位名称', '报送情况', '工作进展摘要', '专题汇报编号'],
    unitReports.map((u) => [u.unit.code, u.unit.name, u.statusLabel, u.summary ?? '', u.reportId ?? '']),
    [10, 24, 12, 60, 40],
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function monthlyReportFileName(report: MonthlyReportContent): string {
  return `月度专题汇报-${report.campaignId}-${report.month}.xlsx`;
}
