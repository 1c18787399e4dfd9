// 绩效考核的评分规则: 100 points less weighted deductions, floored at 0. Every weight is a named constant here
// and every deduction has the Chinese explanation that the API and the export repeat word for word. Pure.
import { ESCALATION_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import type { EscalationLevel } from '../../workflows/shared/escalation';

export const FULL_SCORE = 100;
export const MIN_SCORE = 0;
/** Points deducted when no piece of work was handed in on time; a share of it for a share of late work. */
export const LATE_WORK_POINTS = 30;
/** Per piece of work past its deadline and still not handed in at the end of the period. */
export const OVERDUE_POINTS = 2;
/** Per relapse found on re-check (an indicator task or a rectification item). */
export const RELAPSE_POINTS = 3;
/** Per hand-in returned on verification. */
export const RETURN_POINTS = 1;
/** Per step of the ladder taken; a reminder comes before the deadline and costs nothing. */
export const ESCALATION_POINTS: Record<Exclude<EscalationLevel, 'REMINDER'>, number> = {
  URGE: 1,
  SUPERVISE: 2,
  INTERVIEW: 4,
  ACCOUNTABILITY: 8,
};

/**
 * Per 问责 decision approved by the leading group against the unit (issue 16), on top of the ladder's ACCOUNTABILITY
 * step: the step says the deadline was missed that long, the decision that the leading group held the unit to account.
 */
export const ACCOUNTABILITY_DECISION_POINTS = 10;

export const DEDUCTION_CODES = ['LATE_WORK', 'OVERDUE', 'RELAPSE', 'RETURNED', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY', 'ACCOUNTABILITY_DECISION'] as const;
export type DeductionCode = (typeof DEDUCTION_CODES)[number];

/** What one unit did in a period, as counted from the events (src/reports/performance.ts). */
export interface PerformanceCounts {
  handedInOnTime: number;
  handedInLate: number;
  /** Past the deadline and still not handed in at the end of the period. */
  overdue: number;
  relapses: number;
  returns: number;
  escalations: Record<EscalationLevel, number>;
  /** 问责 decisions approved in the period against the unit (optional: counts made before they existed lack it). */
  accountabilityDecisions?: number;
}

export interface ScoreRule {
  code: DeductionCode;
  label: string;
  /** Points per occurrence; for LATE_WORK, the points for a period with nothing on time. */
  points: number;
  explanation: string;
}

export interface Deduction {
  code: DeductionCode;
  label: string;
  /** Occurrences; for LATE_WORK, the pieces not on time (late or overdue). */
  count: number;
  points: number;
  /** The rule with this unit's arithmetic. */
  explanation: string;
}

export interface Score {
  /** Pieces of work with a deadline that were handed in or are overdue: the on-time rate's denominator. */
  dueWork: number;
  /** handedInOnTime / dueWork, null when there was nothing due. */
  onTimeRate: number | null;
  highestEscalation: EscalationLevel | null;
  score: number;
  /** Only the deductions that cost points, in rule order. */
  deductions: Deduction[];
}

/** The rules as people read them, in the order the export lists them. */
export const SCORE_RULES: readonly ScoreRule[] = [
  {
    code: 'LATE_WORK',
    label: '未按时完成',
    points: LATE_WORK_POINTS,
    explanation:
      `按未按时完成的比例扣分：未按时件数 ÷ 应交件数 × ${LATE_WORK_POINTS} 分。应交件数＝考核期内提交的事项（自查结果、整改完成、每项档案材料、` +
      '整改问题的整改结果）加上考核期末仍逾期未交的事项；提交时未超过当时有效的时限（含批准的延期、整改方案的整改期限、反弹后的新时限）为按时。' +
      '没有应交事项的不扣分。',
  },
  {
    code: 'OVERDUE',
    label: '逾期未交',
    points: OVERDUE_POINTS,
    explanation: `考核期末时限已过、单位仍未提交的事项（指标任务的当前阶段或整改问题），每件扣 ${OVERDUE_POINTS} 分；同时计入未按时完成。`,
  },
  {
    code: 'RELAPSE',
    label: '反弹',
    points: RELAPSE_POINTS,
    explanation: `巩固复查不合格（反弹）的，指标任务和整改问题每次扣 ${RELAPSE_POINTS} 分。`,
  },
  {
    code: 'RETURNED',
    label: '审核退回',
    points: RETURN_POINTS,
    explanation: `提交的自查结果、整改完成、档案材料或整改问题的整改结果被审核退回的，每次扣 ${RETURN_POINTS} 分。`,
  },
  {
    code: 'URGE',
    label: ESCALATION_LABELS.URGE,
    points: ESCALATION_POINTS.URGE,
    explanation: `到期未交被催办的，每次扣 ${ESCALATION_POINTS.URGE} 分（时限前的提醒不扣分）。`,
  },
  {
    code: 'SUPERVISE',
    label: ESCALATION_LABELS.SUPERVISE,
    points: ESCALATION_POINTS.SUPERVISE,
    explanation: `逾期被督办（督办单发至单位负责人）的，每次扣 ${ESCALATION_POINTS.SUPERVISE} 分。`,
  },
  {
    code: 'INTERVIEW',
    label: ESCALATION_LABELS.INTERVIEW,
    points: ESCALATION_POINTS.INTERVIEW,
    explanation: `逾期约谈单位负责人的，每次扣 ${ESCALATION_POINTS.INTERVIEW} 分。`,
  },
  {
    code: 'ACCOUNTABILITY',
    label: ESCALATION_LABELS.ACCOUNTABILITY,
    points: ESCALATION_POINTS.ACCOUNTABILITY,
    explanation: `逾期被问责（报领导小组）的，每次扣 ${ESCALATION_POINTS.ACCOUNTABILITY} 分。`,
  },
  {
    code: 'ACCOUNTABILITY_DECISION',
    label: '问责决定',
    points: ACCOUNTABILITY_DECISION_POINTS,
    explanation:
      `领导小组批准生效的问责决定（通报批评、约谈、诫勉谈话或其他），按批准时间计入考核期，每项扣 ${ACCOUNTABILITY_DECISION_POINTS} 分，` +
      '与逾期问责步骤的扣分分别计算；待审批和被退回的不扣分。批准生效的问责决定同时使该单位当周列入黑榜。',
  },
];

/** How the total is formed, said once beside the rules. */
export const SCORE_SUMMARY =
  `满分 ${FULL_SCORE} 分，减去各项扣分，最低 ${MIN_SCORE} 分；各项扣分和得分保留两位小数。` +
  '各项按事情发生时负责的单位计：指标任务以任务创建和改派确定，整改问题以派单确定（退回派单后不再属于原单位）。';

const ESCALATION_ORDER: readonly EscalationLevel[] = ['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY'];

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function rule(code: DeductionCode): ScoreRule {
  return SCORE_RULES.find((r) => r.code === code)!;
}

function perOccurrence(code: DeductionCode, count: number): Deduction | null {
  if (count === 0) return null;
  const r = rule(code);
  const points = round2(count * r.points);
  return { code, label: r.label, count, points, explanation: `${r.explanation}本期 ${count} 次 × ${r.points} 分 = ${points} 分。` };
}

export function scoreOf(counts: PerformanceCounts): Score {
  const notOnTime = counts.handedInLate + counts.overdue;
  const dueWork = counts.handedInOnTime + notOnTime;
  const deductions: Deduction[] = [];
  if (notOnTime > 0) {
    const r = rule('LATE_WORK');
    // (late / due) × weight, computed as late × weight / due so that 1 of 3 gives exactly 10.
    const points = round2((notOnTime * LATE_WORK_POINTS) / dueWork);
    deductions.push({
      code: 'LATE_WORK',
      label: r.label,
      count: notOnTime,
      points,
      explanation: `${r.explanation}本期应交 ${dueWork} 件，按时 ${counts.handedInOnTime} 件，未按时 ${notOnTime} 件：${notOnTime} ÷ ${dueWork} × ${LATE_WORK_POINTS} = ${points} 分。`,
    });
  }
  const rest = [
    perOccurrence('OVERDUE', counts.overdue),
    perOccurrence('RELAPSE', counts.relapses),
    perOccurrence('RETURNED', counts.returns),
    perOccurrence('URGE', counts.escalations.URGE),
    perOccurrence('SUPERVISE', counts.escalations.SUPERVISE),
    perOccurrence('INTERVIEW', counts.escalations.INTERVIEW),
    perOccurrence('ACCOUNTABILITY', counts.escalations.ACCOUNTABILITY),
    perOccurrence('ACCOUNTABILITY_DECISION', counts.accountabilityDecisions ?? 0),
  ];
  for (const d of rest) if (d) deductions.push(d);
  const total = deductions.reduce((sum, d) => sum + d.points, 0);
  const highest = [...ESCALATION_ORDER].reverse().find((level) => counts.escalations[level] > 0) ?? null;
  return {
    dueWork,
    onTimeRate: dueWork === 0 ? null : counts.handedInOnTime / dueWork,
    highestEscalation: highest,
    score: Math.max(MIN_SCORE, round2(FULL_SCORE - total)),
    deductions,
  };
}
