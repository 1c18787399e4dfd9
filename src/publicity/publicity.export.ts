// The publicity ledger as an Excel workbook, in Chinese: 台账 (every entry matching the filters, voided ones marked),
// 按社区 and 按渠道 (entries and counts, voided entries left out), each with a total row. Pure.
import * as ExcelJS from 'exceljs';
import { sheetHeader, sheetTitle } from '../platform/spreadsheet/export-sheet';
import { PUBLICITY_CHANNEL_LABELS } from '../../workflows/publicity/publicity.labels';
import type { CountView, PublicityLedgerView } from './publicity.views';

export const ENTRIES_SHEET = '台账';
export const COMMUNITY_SHEET = '按社区';
export const CHANNEL_SHEET = '按渠道';
export const HEADER_ROW = 3;
export const ENTRIES_HEADER = ['日期', '渠道', '社区（村）', '位置', '数量', '佐证指标', '照片', '备注', '状态', '登记人', '登记时间', '更正次数', '更正或作废原因'] as const;
export const COUNTS_HEADER = ['分组', '记录条数', '数量合计'] as const;

function counts(workbook: ExcelJS.Workbook, name: string, heading: string, rows: CountView[], view: PublicityLedgerView): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheetTitle(sheet, heading, COUNTS_HEADER.length, '不含已作废的记录。');
  sheetHeader(sheet, HEADER_ROW, [name === COMMUNITY_SHEET ? '社区（村）' : '渠道', ...COUNTS_HEADER.slice(1)]);
  rows.forEach((r, i) => (sheet.getRow(HEADER_ROW + 1 + i).values = [r.label, r.entries, r.count]));
  const total = sheet.getRow(HEADER_ROW + 1 + rows.length);
  total.values = ['合计', view.totalEntries, view.totalCount];
  total.font = { bold: true };
  COUNTS_HEADER.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 0 ? 24 : 14));
}

export async function publicityXlsx(view: PublicityLedgerView, unitName: (code: string) => string, userName: (userId: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作流引擎';
  const entries = workbook.addWorksheet(ENTRIES_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheetTitle(entries, `${view.campaign.name} 宣传台账`, ENTRIES_HEADER.length, `有效记录 ${view.totalEntries} 条，数量合计 ${view.totalCount}；已作废的记录保留在台账中，不计入统计。`);
  sheetHeader(entries, HEADER_ROW, ENTRIES_HEADER);
  view.entries.forEach((e, i) => {
    entries.getRow(HEADER_ROW + 1 + i).values = [
      e.heldOn,
      PUBLICITY_CHANNEL_LABELS[e.channel],
      unitName(e.unitCode),
      e.location,
      e.count,
      e.indicatorCodes.join('、'),
      e.photos.map((p) => p.name).join('、'),
      e.note,
      e.voided ? '已作废' : '有效',
      userName(e.recordedBy),
      e.recordedAt.toISOString(),
      e.corrections,
      e.lastReason ?? '',
    ];
  });
  ENTRIES_HEADER.forEach((name, i) => (entries.getColumn(i + 1).width = name === '位置' || name === '备注' ? 32 : 14));
  counts(workbook, COMMUNITY_SHEET, `${view.campaign.name} 宣传台账按社区统计`, view.byCommunity, view);
  counts(workbook, CHANNEL_SHEET, `${view.campaign.name} 宣传台账按渠道统计`, view.byChannel, view);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
