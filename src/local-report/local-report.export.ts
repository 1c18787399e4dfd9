// 属地上报 as an Excel workbook, in Chinese: 属地上报 (one row per reported problem, newest first) and 按社区 (per
// community or village: reported, dispatched, closed, waiting), the latter with a total row. Text is written as
// string values, never formulas, so a description that starts like one (=HYPERLINK(…)) stays text. Pure.
import * as ExcelJS from 'exceljs';
import { sheetHeader, sheetTitle } from '../platform/spreadsheet/export-sheet';
import { localTime } from '../../workflows/campaign/campaign.calendar';
import { ITEM_AREA_LABELS, ITEM_STATE_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import type { ItemView } from '../rectification-item/rectification-item.repository';

export const REPORTS_SHEET = '属地上报';
export const UNITS_SHEET = '按社区';
export const HEADER_ROW = 3;
export const REPORTS_HEADER = ['编号', '上报时间', '上报单位', '领域', '地点', '问题描述', '状态', '责任单位', '重复上报次数', '整改时限', '上报人'] as const;
export const UNITS_HEADER = ['社区（村）', '上报数', '已派单', '已销号', '未处理'] as const;

export interface UnitCount {
  code: string;
  name: string;
  reported: number;
  /** Dispatched at some point: every state but REPORTED (closed ones included). */
  dispatched: number;
  closed: number;
  /** Waiting for the office (REPORTED). */
  waiting: number;
}

/**
 * The counts per reporting unit: every unit of `units` (zeros included, in their order), then any other unit the
 * reports name.
 */
export function countsByUnit(reports: readonly ItemView[], units: readonly { code: string; name: string }[], unitName: (code: string) => string): UnitCount[] {
  const counts = new Map<string, UnitCount>(units.map((u) => [u.code, { code: u.code, name: u.name, reported: 0, dispatched: 0, closed: 0, waiting: 0 }]));
  for (const r of reports) {
    const code = r.reportingUnitCode ?? '';
    let c = counts.get(code);
    if (!c) counts.set(code, (c = { code, name: code ? unitName(code) : '未知单位', reported: 0, dispatched: 0, closed: 0, waiting: 0 }));
    c.reported += 1;
    if (r.state === 'REPORTED') c.waiting += 1;
    else c.dispatched += 1;
    if (r.state === 'CLOSED') c.closed += 1;
  }
  return [...counts.values()];
}

/** 'YYYY-MM-DD HH:mm' on the campaign's wall clock. */
export function localMinute(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const t = localTime(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}`;
}

export interface LocalReportsWorkbook {
  /** 「<活动> 属地上报」, with the unit or filter when one applies. */
  heading: string;
  /** What the rows are: filters, export time. */
  scope: string;
  timeZone: string;
  reports: readonly ItemView[];
  units: readonly UnitCount[];
  unitName: (code: string) => string;
  personName: (userId: string) => string;
}

export async function localReportsXlsx(input: LocalReportsWorkbook): Promise<Buffer> {
  const { timeZone, unitName } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作流引擎';

  const list = workbook.addWorksheet(REPORTS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheetTitle(list, input.heading, REPORTS_HEADER.length, `${input.scope}共 ${input.reports.length} 条，新的在前；重复上报的已并入原问题，次数见「重复上报次数」。`);
  sheetHeader(list, HEADER_ROW, REPORTS_HEADER);
  input.reports.forEach((r, i) => {
    list.getRow(HEADER_ROW + 1 + i).values = [
      r.id,
      localMinute(r.createdAt, timeZone),
      r.reportingUnitCode ? unitName(r.reportingUnitCode) : '',
      r.area ? ITEM_AREA_LABELS[r.area] : '',
      r.location.address,
      r.description,
      ITEM_STATE_LABELS[r.state],
      r.unitCode ? unitName(r.unitCode) : '未派单',
      r.duplicateReports,
      localMinute(r.dueAt, timeZone),
      input.personName(r.reportedBy),
    ].map((value) => (value === '' ? null : value)); // an empty cell, not an empty string
  });
  const wide: Record<string, number> = { 编号: 30, 上报时间: 17, 地点: 30, 问题描述: 50, 整改时限: 17 };
  REPORTS_HEADER.forEach((name, i) => (list.getColumn(i + 1).width = wide[name] ?? 12));

  const units = workbook.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheetTitle(units, `${input.heading}按社区统计`, UNITS_HEADER.length, `${input.scope}已派单含已销号的；未处理为待创建办派单的。`);
  sheetHeader(units, HEADER_ROW, UNITS_HEADER);
  input.units.forEach((u, i) => (units.getRow(HEADER_ROW + 1 + i).values = [u.name, u.reported, u.dispatched, u.closed, u.waiting]));
  const sum = (key: 'reported' | 'dispatched' | 'closed' | 'waiting') => input.units.reduce((n, u) => n + u[key], 0);
  const total = units.getRow(HEADER_ROW + 1 + input.units.length);
  total.values = ['合计', sum('reported'), sum('dispatched'), sum('closed'), sum('waiting')];
  total.font = { bold: true };
  UNITS_HEADER.forEach((_, i) => (units.getColumn(i + 1).width = i === 0 ? 24 : 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
