// The funding ledger as an Excel workbook, in Chinese: 预算科目 (each line's budget, allocated, spent, pending,
// available), 支出明细 (each spending with its state and receipts) and 单位汇总 (per unit). Amounts are kept in fen
// until the cell: each money cell holds fen / 100 (yuan, one division per cell, never a sum of floats) formatted
// `#,##0.00`; the totals are the integer sums in fen, divided once. Pure.
import * as ExcelJS from 'exceljs';
import { sheetHeader, sheetTitle } from '../platform/spreadsheet/export-sheet';
import { SPENDING_STATE_LABELS } from '../../workflows/funding/funding.labels';
import type { LedgerView } from './funding.views';

export const LINES_SHEET = '预算科目';
export const SPENDINGS_SHEET = '支出明细';
export const UNITS_SHEET = '单位汇总';
export const HEADER_ROW = 3;
export const LINES_HEADER = ['科目名称', '所属单位', '用途说明', '预算（元）', '已分配（元）', '已支出（元）', '待审批（元）', '可用余额（元）', '经费分配'] as const;
export const SPENDINGS_HEADER = ['支出日期', '预算科目', '计入单位', '收款方', '用途', '金额（元）', '状态', '登记人', '登记时间', '审批人', '审批意见', '票据'] as const;
export const UNITS_HEADER = ['单位', '预算（元）', '已分配（元）', '已支出（元）', '待审批（元）', '执行率'] as const;
const MONEY = '#,##0.00';

/** The cell value of an amount in fen: yuan, divided once here. */
const yuanCell = (fen: number) => fen / 100;

function money(row: ExcelJS.Row, columns: readonly number[]): void {
  for (const c of columns) row.getCell(c).numFmt = MONEY;
}

export async function fundingXlsx(view: LedgerView, unitName: (code: string | null) => string, userName: (userId: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作流引擎';
  const subtitle = `审批限额 ${(view.thresholdFen / 100).toFixed(2)} 元：超过限额的支出须领导小组审批；已驳回的支出不计入已支出。金额单位：元。`;

  const lines = workbook.addWorksheet(LINES_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheetTitle(lines, `${view.campaign.name} ${view.year} 年度经费预算科目`, LINES_HEADER.length, subtitle);
  sheetHeader(lines, HEADER_ROW, LINES_HEADER);
  let r = HEADER_ROW + 1;
  for (const l of view.lines) {
    const row = lines.getRow(r++);
    row.values = [
      l.name,
      unitName(l.unitCode),
      l.purpose,
      yuanCell(l.budgetFen),
      yuanCell(l.allocatedFen),
      yuanCell(l.spentFen),
      yuanCell(l.pendingFen),
      yuanCell(l.availableFen),
      l.allocations.map((a) => `${a.targetLabel} ${(a.amountFen / 100).toFixed(2)} 元`).join('；'),
    ];
    money(row, [4, 5, 6, 7, 8]);
  }
  const total = lines.getRow(r);
  total.values = ['合计', '', '', yuanCell(view.totals.budgetFen), yuanCell(view.totals.allocatedFen), yuanCell(view.totals.spentFen), yuanCell(view.totals.pendingFen), yuanCell(view.totals.budgetFen - view.totals.spentFen - view.totals.pendingFen)];
  total.font = { bold: true };
  money(total, [4, 5, 6, 7, 8]);
  LINES_HEADER.forEach((name, i) => (lines.getColumn(i + 1).width = name === '经费分配' || name === '用途说明' ? 40 : 16));

  const lineNames = new Map(view.lines.map((l) => [l.id, l.name]));
  const spendings = workbook.addWorksheet(SPENDINGS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheetTitle(spendings, `${view.campaign.name} ${view.year} 年度支出明细`, SPENDINGS_HEADER.length, subtitle);
  sheetHeader(spendings, HEADER_ROW, SPENDINGS_HEADER);
  view.spendings.forEach((s, i) => {
    const row = spendings.getRow(HEADER_ROW + 1 + i);
    row.values = [
      s.spentOn,
      lineNames.get(s.lineId) ?? s.lineId,
      unitName(s.unitCode),
      s.payee,
      s.purpose,
      yuanCell(s.amountFen),
      SPENDING_STATE_LABELS[s.state],
      userName(s.recordedBy),
      s.recordedAt.toISOString(),
      s.decidedBy ? userName(s.decidedBy) : '',
      s.decisionNote ?? '',
      s.receipts.map((x) => x.name).join('、'),
    ];
    money(row, [6]);
  });
  SPENDINGS_HEADER.forEach((name, i) => (spendings.getColumn(i + 1).width = name === '用途' ? 40 : 16));

  const units = workbook.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheetTitle(units, `${view.campaign.name} ${view.year} 年度经费单位汇总`, UNITS_HEADER.length, '执行率 = 已支出 ÷ 预算。');
  sheetHeader(units, HEADER_ROW, UNITS_HEADER);
  view.units.forEach((u, i) => {
    const row = units.getRow(HEADER_ROW + 1 + i);
    row.values = [u.unitName, yuanCell(u.budgetFen), yuanCell(u.allocatedFen), yuanCell(u.spentFen), yuanCell(u.pendingFen), u.budgetFen > 0 ? u.spentFen / u.budgetFen : '—'];
    money(row, [2, 3, 4, 5]);
    row.getCell(6).numFmt = '0.0%';
  });
  UNITS_HEADER.forEach((_, i) => (units.getColumn(i + 1).width = i === 0 ? 24 : 16));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
