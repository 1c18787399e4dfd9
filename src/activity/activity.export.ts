// The activities as an Excel workbook for the office: one row per activity (kind, title, organiser, dates, place,
// indicators, state, attendance, photos, summary or reason), then the monthly counts — per month and per month and
// kind. Numbers stay numbers; headers are Chinese. Pure.
import * as ExcelJS from 'exceljs';
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATE_LABELS } from '../../workflows/activity/activity.labels';
import type { ActivityState } from '../../workflows/activity/activity.types';
import type { MonthlyCounts } from './activity.counts';


type Cell = string | number | null;

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, header: string[], widths: number[], rows: Cell[][]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  header.forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = widths[i] ?? 12;
  });
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== '') ws.getCell(r + 3, c + 1).value = value;
    }),
  );
}

/** `unitName` names the organisers, `indicatorName` the indicators. */
export async function activitiesXlsx(title: string, activities: readonly ActivityState[], counts: MonthlyCounts, unitName: (code: string) => string, indicatorName: (code: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作平台';
  const rows: Cell[][] = activities.map((a) => [
    a.plannedDate,
    ACTIVITY_KIND_LABELS[a.kind],
    a.title,
    unitName(a.organiserUnitCode),
    a.place,
    a.indicatorCodes.map((c) => `${c} ${indicatorName(c)}`).join('；'),
    ACTIVITY_STATE_LABELS[a.state],
    a.heldDate,
    a.attendance,
    a.photos.length,
    a.state === 'CANCELLED' ? `取消原因：${a.cancelReason ?? ''}` : a.summary,
  ]);
  sheet(workbook, '活动记录', title, ['计划日期', '类别', '活动名称', '承办单位', '地点', '服务指标', '状态', '举办日期', '参加人数', '照片数', '总结 / 取消原因'], [12, 16, 30, 18, 20, 36, 10, 12, 10, 8, 50], rows);
  const countRow = (c: MonthlyCounts['months'][number]): Cell[] => [c.month, c.kindLabel ?? '合计', c.planned, c.held, c.cancelled, c.planned + c.held + c.cancelled, c.attendance];
  const header = ['月份', '类别', '计划中', '已举办', '已取消', '合计', '参加人次'];
  sheet(workbook, '按月统计', '活动按月统计（按计划日期）', header, [10, 18, 10, 10, 10, 10, 12], counts.months.map(countRow));
  sheet(workbook, '按月按类别统计', '活动按月、按类别统计（按计划日期）', header, [10, 18, 10, 10, 10, 10, 12], counts.byKind.map(countRow));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
