// 红黑榜: the units of one week in order of their score, the best N (红榜) and the worst N (黑榜), and the units
// at the bottom for K weeks running, to be reported to the leading group. Pure.
import { FULL_SCORE } from './performance-score';

export const DEFAULT_TOP = 3;
export const DEFAULT_FLAG_AFTER_WEEKS = 3;
export const DEFAULT_RANKING_WEEKS = 4;

export interface RankingEntry {
  unitCode: string;
  score: number;
  /** Breaks ties of score: more work handed in on time ranks higher. */
  handedInOnTime: number;
  /** 问责 decisions approved against the unit that week: such a unit is on the 黑榜 whatever its rank. */
  accountabilityDecisions?: number;
}

export interface RankedEntry extends RankingEntry {
  /** 1 + the number of units strictly ahead: units that tie share a rank (1, 2, 2, 4). */
  rank: number;
}

/** Whether `a` ranks strictly ahead of `b`. */
function ahead(a: RankingEntry, b: RankingEntry): boolean {
  return a.score > b.score || (a.score === b.score && a.handedInOnTime > b.handedInOnTime);
}

/** Best first; units that tie share a rank and are listed by unit code. */
export function rankUnits(entries: readonly RankingEntry[]): RankedEntry[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || b.handedInOnTime - a.handedInOnTime || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  return sorted.map((e) => ({ ...e, rank: 1 + sorted.filter((o) => ahead(o, e)).length }));
}

export interface WeekLists {
  /** 红榜, best first. */
  best: RankedEntry[];
  /** 黑榜, worst first. */
  worst: RankedEntry[];
}

/**
 * 红榜: units ranked within the first `top` that handed something in on time that week (a week without work
 * earns no praise) and had no 问责 decision approved against them. 黑榜: units within the last `top` counted from
 * the bottom the same way that lost points, and are not on the 红榜; and every unit with a 问责 decision approved
 * against it that week, whatever its rank. Ties at the edge are all listed, so a list may hold more than `top` units; when every
 * unit ties, nobody is on the 黑榜.
 */
export function bestAndWorst(ranked: readonly RankedEntry[], top: number): WeekLists {
  const heldToAccount = (e: RankedEntry) => (e.accountabilityDecisions ?? 0) > 0;
  const best = ranked.filter((e) => e.rank <= top && e.handedInOnTime > 0 && !heldToAccount(e));
  const onBest = new Set(best.map((e) => e.unitCode));
  const worst = ranked
    .filter((e) => heldToAccount(e) || (1 + ranked.filter((o) => ahead(e, o)).length <= top && e.score < FULL_SCORE && !onBest.has(e.unitCode)))
    .sort((a, b) => a.score - b.score || a.handedInOnTime - b.handedInOnTime || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  return { best, worst };
}

export interface Flag {
  unitCode: string;
  /** Complete weeks in a row, ending with the latest, that the unit was on the 黑榜. */
  weeksRunning: number;
}

/**
 * Units on the 黑榜 in each of the latest `flagAfterWeeks` complete weeks. `worstByWeek` lists each complete
 * week's 黑榜 (unit codes), newest first; a week missing from it breaks a run.
 */
export function flagUnits(worstByWeek: readonly (readonly string[])[], flagAfterWeeks: number): Flag[] {
  if (worstByWeek.length === 0) return [];
  const flags: Flag[] = [];
  for (const unitCode of new Set(worstByWeek[0])) {
    let weeksRunning = 0;
    while (weeksRunning < worstByWeek.length && worstByWeek[weeksRunning].includes(unitCode)) weeksRunning += 1;
    if (weeksRunning >= flagAfterWeeks) flags.push({ unitCode, weeksRunning });
  }
  return flags.sort((a, b) => b.weeksRunning - a.weeksRunning || (a.unitCode < b.unitCode ? -1 : 1));
}

/** The 红黑榜's rules as people read them; the export repeats them. */
export function rankingRules(top: number, flagAfterWeeks: number): string[] {
  return [
    '每周从周一 0 时到下周一 0 时（活动所在时区，北京时间）为一周，按本周的绩效考核得分排名；得分相同的，本周按时提交件数多的在前；两者都相同的并列同一名次。',
    `红榜：名次在前 ${top} 名、且本周有按时提交事项的单位；并列的都列入，所以可能多于 ${top} 个。`,
    `黑榜：倒数 ${top} 名（同样计并列）、且本周有扣分的单位；已上红榜的不再列入黑榜，全部单位并列时不设黑榜。`,
    '问责：本周有问责决定经领导小组批准生效的单位，不论名次一律列入本周黑榜，不上红榜。',
    `连续 ${flagAfterWeeks} 周（已结束的周）上黑榜的单位，报领导小组。本周未结束的只作参考，不计入连续周数。`,
  ];
}
