// 窗口服务规范化检查 as an Excel workbook (issue 20): per unit (checks, points, passed, pass rate), per checklist
// point across units, and every result line by line with the item a failure became. Text stays text (exceljs writes
// strings as strings, so a note that starts like a formula is never one). Pure.
import * as ExcelJS from 'exceljs';
import type { WindowCheck } from '../../workflows/inspection-round/inspection-round.types';

export interface RoundChecks {
  title: string;
  kindLabel: string;
  plannedOn: string;
  checks: readonly WindowCheck[];
}

function rate(passed: number, total: number): string {
  return total > 0 ? `${Math.round((passed / total) * 1000) / 10}%` : '—';
}

function sheetOf(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (string | number)[][], widths: number[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

export async function windowChecksWorkbook(rounds: readonly RoundChecks[]): Promise<Buffer> {
  const lines = rounds.flatMap((r) => r.checks.flatMap((c) => c.results.map((x) => ({ round: r, check: c, result: x }))));
  const byUnit = new Map<string, { name: string; checks: number; total: number; passed: number }>();
  for (const r of rounds) {
    for (const c of r.checks) {
      const u = byUnit.get(c.unitCode) ?? { name: c.unitName, checks: 0, total: 0, passed: 0 };
      u.checks += 1;
      u.total += c.results.length;
      u.passed += c.results.filter((x) => x.passed).length;
      byUnit.set(c.unitCode, u);
    }
  }
  const byPoint = new Map<string, { label: string; total: number; passed: number }>();
  for (const { result } of lines) {
    const p = byPoint.get(result.code) ?? { label: result.label, total: 0, passed: 0 };
    p.total += 1;
    if (result.passed) p.passed += 1;
    byPoint.set(result.code, p);
  }
  const workbook = new ExcelJS.Workbook();
  sheetOf(
    workbook,
    '按单位',
    ['单位编码', '单位', '检查次数', '检查项次', '合格项次', '合格率'],
    [...byUnit.entries()].map(([code, u]) => [code, u.name, u.checks, u.total, u.passed, rate(u.passed, u.total)]),
    [12, 24, 10, 10, 10, 10],
  );
  sheetOf(
    workbook,
    '按检查项目',
    ['项目编码', '检查项目', '检查项次', '合格项次', '合格率'],
    [...byPoint.entries()].map(([code, p]) => [code, p.label, p.total, p.passed, rate(p.passed, p.total)]),
    [12, 40, 10, 10, 10],
  );
  sheetOf(
    workbook,
    '逐项明细',
    ['检查日期', '检查轮次', '类别', '单位', '检查表版本', '检查项目', '结论', '说明', '整改问题编号', '与已有问题合并'],
    lines.map(({ round, check, result }) => [
      round.plannedOn,
      round.title,
      round.kindLabel,
      check.unitName,
      check.checklistVersion === 0 ? '默认' : `第${check.checklistVersion}版`,
      result.label,
      result.passed ? '合格' : '不合格',
      result.note,
      result.itemId ?? '',
      result.itemId ? (result.duplicate ? '是' : '否') : '',
    ]),
    [12, 24, 10, 20, 10, 36, 8, 36, 40, 12],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
