// The drives as an Excel workbook, in Chinese: an overview (one row per drive: plan, progress, summary) and one sheet
// per drive listing its items. Cells are written as values, never formulas, so text people typed stays text. Pure.
import * as ExcelJS from 'exceljs';
import { sheetHeader, sheetTitle } from '../platform/spreadsheet/export-sheet';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { ITEM_AREA_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import type { ItemArea } from '../../workflows/rectification-item/rectification-item.types';
import type { DrivePlan } from '../../workflows/special-drive/special-drive.types';

export const OVERVIEW_SHEET = '专项整治一览';
export const OVERVIEW_HEADER = ['整治领域', '状态', '牵头单位', '参与单位', '开始日期', '结束日期', '整治目标', '问题总数', '未销号', '已销号', '逾期未改', '反弹次数', '销号率', '总结报送期限', '催办步骤', '总结'] as const;
export const ITEMS_HEADER = ['整改问题编号', '问题描述', '地点', '状态', '责任单位', '整改时限', '逾期未改', '反弹次数', '上报时间', '纳入方式'] as const;
export const HEADER_ROW = 3;

export interface DriveSheet {
  drive: { area: string; name: string; stateLabel: string; dueAt: string; escalationLabel: string | null; summary: string | null };
  plan: DrivePlan;
  progress: { total: number; open: number; closed: number; overdue: number; relapses: number; closedRate: number | null };
  items: { id: string; description: string; address: string; stateLabel: string; unitCode: string | null; dueAt: string | null; overdue: boolean; relapseCount: number; reportedAt: string; link: 'AUTO' | 'MANUAL' }[];
}

/** The sheet of a drive's items: 「交通秩序问题清单」. */
export function itemsSheetName(area: string): string {
  return `${ITEM_AREA_LABELS[area as ItemArea] ?? area}问题清单`;
}

export async function specialDrivesXlsx(input: { campaignName: string; timeZone: string; now: Date; unitName: (code: string) => string; drives: DriveSheet[] }): Promise<Buffer> {
  const { timeZone, unitName } = input;
  const day = (iso: string | null) => (iso ? localDate(iso, timeZone) : '');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作流引擎';

  const overview = workbook.addWorksheet(OVERVIEW_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }] });
  sheetTitle(overview, `${input.campaignName} 专项整治`, OVERVIEW_HEADER.length, `导出时间：${day(input.now.toISOString())}（${timeZone}）。问题按整治领域与整治期自动纳入，创建办可手工纳入或移出。`);
  sheetHeader(overview, HEADER_ROW, OVERVIEW_HEADER);
  input.drives.forEach((d, index) => {
    overview.getRow(HEADER_ROW + 1 + index).values = [
      ITEM_AREA_LABELS[d.drive.area as ItemArea] ?? d.drive.area,
      d.drive.stateLabel,
      unitName(d.plan.leadUnitCode),
      d.plan.participatingUnitCodes.map(unitName).join('、'),
      d.plan.startDate,
      d.plan.endDate,
      d.plan.goals,
      d.progress.total,
      d.progress.open,
      d.progress.closed,
      d.progress.overdue,
      d.progress.relapses,
      d.progress.closedRate === null ? '无问题' : `${Math.round(d.progress.closedRate * 1000) / 10}%`,
      day(new Date(Date.parse(d.drive.dueAt) - 1).toISOString()),
      d.drive.escalationLabel ?? '',
      d.drive.summary ?? '未报送',
    ];
  });
  overview.columns.forEach((c, i) => (c.width = i === 6 || i === 15 ? 40 : 14));

  for (const d of input.drives) {
    const sheet = workbook.addWorksheet(itemsSheetName(d.drive.area), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
    sheetTitle(sheet, `${d.drive.name}整改问题清单`, ITEMS_HEADER.length, `整治期：${d.plan.startDate} 至 ${d.plan.endDate}；共 ${d.progress.total} 个，已销号 ${d.progress.closed} 个，逾期未改 ${d.progress.overdue} 个，反弹 ${d.progress.relapses} 次。`);
    sheetHeader(sheet, HEADER_ROW, ITEMS_HEADER);
    d.items.forEach((i, index) => {
      sheet.getRow(HEADER_ROW + 1 + index).values = [
        i.id,
        i.description,
        i.address,
        i.stateLabel,
        i.unitCode ? unitName(i.unitCode) : '未派单',
        day(i.dueAt),
        i.overdue ? '是' : '否',
        i.relapseCount,
        day(i.reportedAt),
        i.link === 'MANUAL' ? '手工纳入' : '自动纳入',
      ];
    });
    sheet.columns.forEach((c, i) => (c.width = i === 1 ? 40 : i === 0 ? 30 : 14));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
