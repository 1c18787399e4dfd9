// The assessment as an Excel workbook, in Chinese: the units and their figures (绩效考核), the weekly ranking
// (红黑榜) and the rules of the score (考核规则), which repeat the explanations of performance-score.ts. Pure.
import * as ExcelJS from 'exceljs';
import { sheetHeader, sheetTitle } from '../platform/spreadsheet/export-sheet';
import { ESCALATION_LEVELS } from '../../workflows/shared/escalation';
import { ESCALATION_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import { rankingRules } from './ranking';
import { dateTimeLabel } from './report-weeks';
import type { AssessmentView, RankingView } from './reports.types';

export const ASSESSMENT_SHEET = '绩效考核';
export const RANKING_SHEET = '红黑榜';
export const RULES_SHEET = '考核规则';
export const DECISIONS_SHEET = '问责决定';
export const DECISIONS_HEADER = ['单位编码', '单位名称', '问责对象', '问责方式', '问责理由', '批准时间', '指标任务或整改问题'] as const;

/** The header of the units sheet, in column order; tests find columns by these names. */
export const ASSESSMENT_HEADER = [
  '名次',
  '单位编码',
  '单位名称',
  '得分',
  '按时完成率',
  '应交事项',
  '按时提交',
  '逾期提交',
  '逾期未交',
  '反弹',
  '审核退回',
  ...ESCALATION_LEVELS.map((level) => ESCALATION_LABELS[level]),
  '问责决定',
  '最高督办步骤',
  '负责指标任务',
  '负责整改问题',
  '评议等次',
  '自查自评',
  '扣分明细',
] as const;

export const ASSESSMENT_HEADER_ROW = 3;
export const RANKING_HEADER = ['周', '榜别', '名次', '单位编码', '单位名称', '得分', '按时提交', '问责决定'] as const;
export const RANKING_HEADER_ROW = 3;

export async function performanceXlsx(assessment: AssessmentView, ranking: RankingView): Promise<Buffer> {
  const { campaign } = assessment;
  const tz = campaign.timeZone;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文工作流引擎';

  // 绩效考核: one row per unit, by rank.
  const units = workbook.addWorksheet(ASSESSMENT_SHEET, { views: [{ state: 'frozen', ySplit: ASSESSMENT_HEADER_ROW, xSplit: 3 }] });
  sheetTitle(
    units,
    `${campaign.name} 绩效考核`,
    ASSESSMENT_HEADER.length,
    `考核期：${dateTimeLabel(Date.parse(assessment.from), tz)} 至 ${dateTimeLabel(Date.parse(assessment.to), tz)}（${tz}）。只计考核期内发生的事件；逾期未交按考核期末计。评分规则见「${RULES_SHEET}」工作表。`,
  );
  sheetHeader(units, ASSESSMENT_HEADER_ROW, ASSESSMENT_HEADER);
  assessment.units.forEach((u, index) => {
    const row = units.getRow(ASSESSMENT_HEADER_ROW + 1 + index);
    row.values = [
      u.rank,
      u.unit.code,
      u.unit.name,
      u.score,
      u.onTimeRate ?? '无应交事项',
      u.dueWork,
      u.handedInOnTime,
      u.handedInLate,
      u.overdue,
      u.relapses,
      u.returns,
      ...u.escalations.map((e) => e.count),
      u.accountabilityDecisions.length,
      u.highestEscalationLabel ?? '无',
      u.tasks,
      u.items,
      u.appraisal?.gradeLabel ?? '未评议',
      u.selfEvaluation.label,
      u.deductions.length === 0 ? '无扣分' : u.deductions.map((d) => `${d.label} ${d.count} ${d.code === 'LATE_WORK' ? '件' : '次'}，扣 ${d.points} 分`).join('；'),
    ];
    if (u.onTimeRate !== null) row.getCell(5).numFmt = '0.0%';
    row.getCell(ASSESSMENT_HEADER.length).alignment = { wrapText: true, vertical: 'top' };
  });
  ASSESSMENT_HEADER.forEach((name, i) => (units.getColumn(i + 1).width = name === '扣分明细' ? 60 : name === '单位名称' || name === '自查自评' ? 22 : 10));

  // 红黑榜: each week's lists, newest first, then the units flagged for the leading group.
  const board = workbook.addWorksheet(RANKING_SHEET, { views: [{ state: 'frozen', ySplit: RANKING_HEADER_ROW }] });
  sheetTitle(
    board,
    `${campaign.name} 红黑榜`,
    RANKING_HEADER.length,
    `截至 ${dateTimeLabel(Date.parse(ranking.asOf), tz)}；红榜、黑榜各列 ${ranking.top} 名，连续 ${ranking.flagAfterWeeks} 周上黑榜的报领导小组。`,
  );
  sheetHeader(board, RANKING_HEADER_ROW, RANKING_HEADER);
  let r = RANKING_HEADER_ROW + 1;
  for (const week of ranking.weeks) {
    for (const [list, entries] of [
      ['红榜', week.best],
      ['黑榜', week.worst],
    ] as const) {
      if (entries.length === 0) {
        board.getRow(r++).values = [week.label, list, '（无）'];
        continue;
      }
      for (const e of entries) board.getRow(r++).values = [week.label, list, e.rank, e.unit.code, e.unit.name, e.score, e.handedInOnTime, e.accountabilityDecisions];
    }
  }
  r += 1;
  board.getCell(r, 1).value = `连续 ${ranking.flagAfterWeeks} 周以上上黑榜（报领导小组）`;
  board.getCell(r++, 1).font = { bold: true };
  sheetHeader(board, r++, ['单位编码', '单位名称', '连续周数', '说明']);
  if (ranking.flagged.length === 0) board.getRow(r++).values = ['（无）'];
  for (const f of ranking.flagged) board.getRow(r++).values = [f.unit.code, f.unit.name, f.weeksRunning, f.reason];
  [40, 8, 8, 10, 22, 8, 10, 10].forEach((w, i) => (board.getColumn(i + 1).width = w));

  // 问责决定: every decision approved in the period, unit by unit in rank order.
  const decisions = workbook.addWorksheet(DECISIONS_SHEET, { views: [{ state: 'frozen', ySplit: ASSESSMENT_HEADER_ROW }] });
  sheetTitle(decisions, `${campaign.name} 问责决定`, DECISIONS_HEADER.length, '考核期内经领导小组批准生效的问责决定；每项按「问责决定」规则扣分，并使该单位当周列入黑榜。');
  sheetHeader(decisions, ASSESSMENT_HEADER_ROW, DECISIONS_HEADER);
  let d = ASSESSMENT_HEADER_ROW + 1;
  for (const u of assessment.units) {
    for (const x of u.accountabilityDecisions) {
      decisions.getRow(d++).values = [u.unit.code, u.unit.name, x.target, x.formLabel, x.reason, dateTimeLabel(Date.parse(x.approvedAt), tz), x.taskId ?? x.itemId ?? ''];
    }
  }
  if (d === ASSESSMENT_HEADER_ROW + 1) decisions.getRow(d).values = ['（无）'];
  [10, 22, 30, 16, 60, 20, 40].forEach((w, i) => (decisions.getColumn(i + 1).width = w));

  // 考核规则: the deductions, how the total is formed, and how the 红黑榜 is drawn up.
  const rules = workbook.addWorksheet(RULES_SHEET);
  sheetTitle(rules, '绩效考核与红黑榜规则', 4, '得分＝满分减各项扣分；以下说明与系统计算所用的规则一致。');
  sheetHeader(rules, 3, ['扣分项', '代码', '扣分', '说明']);
  let q = 4;
  for (const rule of assessment.rules) rules.getRow(q++).values = [rule.label, rule.code, rule.points, rule.explanation];
  rules.getRow(q++).values = ['总分', '', '', assessment.summary];
  rules.getRow(q++).values = ['提醒', 'REMINDER', 0, '时限前的提醒只作提示，不扣分，但计入督办次数统计。'];
  q += 1;
  rules.getCell(q++, 1).value = '红黑榜';
  for (const line of rankingRules(ranking.top, ranking.flagAfterWeeks)) rules.getRow(q++).values = ['', '', '', line];
  rules.getRow(q).values = ['', '', '', '所有数字只由事件记录计算；按某一时刻回看时，只重放该时刻以前发生的事件，结果与当时的实时报表相同。'];
  [14, 16, 8, 100].forEach((w, i) => (rules.getColumn(i + 1).width = w));
  rules.getColumn(4).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
