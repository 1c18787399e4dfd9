// A self-evaluation round as an Excel workbook for the office: a sheet 一览 (one row per unit: state, submitted at,
// late, submissions, self-grade, task counts by status) and one sheet per submitted form (its tasks with statuses
// and notes, then achievements, shortcomings and next steps). Headers are Chinese. Pure.
import * as ExcelJS from 'exceljs';
import { FORM_STATE_LABELS, GRADE_LABELS, SELF_EVALUATION_STATE_LABELS, SELF_STATUS_LABELS } from '../../workflows/self-evaluation/self-evaluation.labels';
import { SELF_STATUSES, type SelfEvaluationState } from '../../workflows/self-evaluation/self-evaluation.types';
import { formOf } from '../../workflows/self-evaluation/self-evaluation.evolve';
import { shanghaiDate } from '../../workflows/shared/time';


const SHEET_NAME_CHARS = 28;

/** A sheet name Excel accepts: no []:*?/\ , at most 31 characters, unique in the book. */
function sheetName(base: string, used: Set<string>): string {
  let name = '';
  for (const ch of base) {
    if (name.length >= SHEET_NAME_CHARS) break;
    name += '[]:*?/\\'.includes(ch) ? '_' : ch;
  }
  let unique = name;
  for (let i = 2; used.has(unique); i++) unique = `${name}${i}`;
  used.add(unique);
  return unique;
}

function header(ws: ExcelJS.Worksheet, row: number, cells: string[]): void {
  cells.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

export async function selfEvaluationXlsx(round: SelfEvaluationState, unitName: (code: string) => string, indicator: (taskId: string) => { code: string; name: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作平台';
  if (round.closedAt) workbook.created = workbook.modified = new Date(round.closedAt);
  const used = new Set<string>(['一览']);
  const overview = workbook.addWorksheet('一览', { views: [{ state: 'frozen', ySplit: 2 }] });
  const heads = ['单位', '状态', '首次提交日期', '逾期提交', '提交次数', '自评等次', '任务数', ...SELF_STATUSES.map((s) => SELF_STATUS_LABELS[s]), '退回原因'];
  overview.getCell(1, 1).value = `自查自评「${round.title}」（${round.periodStart} 至 ${round.periodEnd}，截止 ${shanghaiDate(round.dueAt)}，${SELF_EVALUATION_STATE_LABELS[round.state]}）`;
  overview.getCell(1, 1).font = { bold: true, size: 14 };
  overview.mergeCells(1, 1, 1, heads.length);
  header(overview, 2, heads);
  overview.getColumn(1).width = 24;
  overview.getColumn(heads.length).width = 30;
  round.units.forEach((u, r) => {
    const f = formOf(round, u.unitCode);
    const counts = SELF_STATUSES.map((s) => (f ? f.items.filter((i) => i.status === s).length : 0));
    const row = [unitName(u.unitCode), FORM_STATE_LABELS[f?.state ?? 'MISSING'], f?.submittedAt ? shanghaiDate(f.submittedAt) : '', f ? (f.late ? '是' : '否') : '', f?.submissions ?? 0, f ? GRADE_LABELS[f.selfGrade] : '', u.taskIds.length, ...counts, f?.returnReason ?? ''];
    row.forEach((v, c) => {
      if (v !== '') overview.getCell(r + 3, c + 1).value = v;
    });
  });
  for (const u of round.units) {
    const f = formOf(round, u.unitCode);
    if (!f) continue;
    const ws = workbook.addWorksheet(sheetName(unitName(u.unitCode), used));
    ws.getCell(1, 1).value = `${unitName(u.unitCode)} 自查自评表（${FORM_STATE_LABELS[f.state]}，自评等次：${GRADE_LABELS[f.selfGrade]}）`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, 4);
    header(ws, 2, ['指标编码', '测评指标', '自评结果', '说明']);
    [12, 40, 14, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    let row = 3;
    for (const item of f.items) {
      const ind = indicator(item.taskId);
      [ind.code, ind.name, SELF_STATUS_LABELS[item.status], item.note].forEach((v, c) => (ws.getCell(row, c + 1).value = v));
      row++;
    }
    row++;
    for (const [label, text] of [
      ['主要成绩', f.achievements],
      ['存在不足', f.shortcomings],
      ['下一步打算', f.nextSteps],
    ] as const) {
      ws.getCell(row, 1).value = label;
      ws.getCell(row, 1).font = { bold: true };
      ws.getCell(row, 2).value = text;
      ws.getCell(row, 2).alignment = { wrapText: true, vertical: 'top' };
      ws.mergeCells(row, 2, row, 4);
      row++;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
