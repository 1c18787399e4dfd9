// 红黑榜: ranking with ties, the best and worst lists, the units flagged after K weeks at the bottom, and weeks
// from Monday 00:00 to Monday 00:00 on the campaign's clock (Asia/Shanghai), across a Sunday/Monday midnight.
import type { StoredEvent } from '../../src/platform/event-store/event-store.types';
import { PerformanceFold } from '../../src/reports/performance';
import { bestAndWorst, flagUnits, rankUnits, rankingRules, type RankingEntry } from '../../src/reports/ranking';
import { addWeeks, compactDate, dateLabel, reportWeeks, weekLabel, weekPeriod, weekStart } from '../../src/reports/report-weeks';
import { BOARD_AS_OF_ORDERING, boardSortValues, pageAfter, sortLikeBoard } from '../../src/reports/board-as-of';
import { decodeCursor, type SortValue } from '../../src/platform/graphql/cursor';
import { DEFAULT_TASK_POLICY, type IndicatorTaskState } from '../../workflows/indicator-task/indicator-task.types';

const SHANGHAI = 'Asia/Shanghai';
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const entry = (unitCode: string, score: number, handedInOnTime: number): RankingEntry => ({ unitCode, score, handedInOnTime });
const codes = (list: { unitCode: string }[]) => list.map((e) => e.unitCode);

describe('rankUnits', () => {
  it('orders by score, then by work handed in on time; ties share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const ranked = rankUnits([entry('D', 80, 5), entry('B', 90, 2), entry('C', 90, 1), entry('E', 100, 0), entry('A', 90, 2)]);
    expect(ranked.map((e) => [e.unitCode, e.rank])).toEqual([
      ['E', 1],
      ['A', 2],
      ['B', 2],
      ['C', 4],
      ['D', 5],
    ]);
  });
});

describe('bestAndWorst', () => {
  it('puts a unit with a 问责 decision approved that week on the 黑榜 whatever its rank, and never on the 红榜', () => {
    const ranked = rankUnits([entry('A', 95, 3), { ...entry('B', 92, 2), accountabilityDecisions: 1 }, entry('C', 80, 1), entry('D', 70, 0)]);
    const { best, worst } = bestAndWorst(ranked, 1);
    // B ranks second but was held to account: on the 黑榜 beside D (the last), not on the 红榜.
    expect(codes(best)).toEqual(['A']);
    expect(codes(worst)).toEqual(['D', 'B']);
    expect(rankingRules(1, 3).some((line) => line.includes('问责决定经领导小组批准生效的单位'))).toBe(true);
  });

  it('puts on the 红榜 the first N that handed work in on time, ties included, and on the 黑榜 the last N that lost points', () => {
    const ranked = rankUnits([entry('D', 80, 5), entry('B', 90, 2), entry('C', 90, 1), entry('E', 100, 0), entry('A', 90, 2)]);
    const { best, worst } = bestAndWorst(ranked, 2);
    // E ranks first but handed nothing in: no praise. A and B tie for second: both listed.
    expect(codes(best)).toEqual(['A', 'B']);
    // From the bottom: D is last, C second to last. Worst first.
    expect(codes(worst)).toEqual(['D', 'C']);
  });

  it('lists every unit tied at the edge of the 黑榜, worst first', () => {
    const ranked = rankUnits([entry('F', 50, 1), entry('G', 50, 1), entry('H', 70, 3), entry('K', 95, 4)]);
    const { best, worst } = bestAndWorst(ranked, 1);
    expect(codes(best)).toEqual(['K']);
    expect(codes(worst)).toEqual(['F', 'G']);
  });

  it('has no 黑榜 when every unit ties, and keeps units with full marks off it', () => {
    const tied = rankUnits([entry('A', 90, 1), entry('B', 90, 1), entry('C', 90, 1), entry('D', 90, 1)]);
    expect(bestAndWorst(tied, 3)).toEqual({ best: tied, worst: [] });
    const perfect = rankUnits([entry('A', 100, 3), entry('B', 100, 0), entry('C', 100, 0)]);
    expect(bestAndWorst(perfect, 1)).toEqual({ best: [perfect[0]], worst: [] });
  });

  it('never lists one unit on both lists (few units, large N)', () => {
    const ranked = rankUnits([entry('A', 90, 2), entry('B', 60, 1)]);
    const { best, worst } = bestAndWorst(ranked, 3);
    expect(codes(best)).toEqual(['A', 'B']);
    expect(worst).toEqual([]);
  });
});

describe('flagUnits: K weeks running at the bottom', () => {
  it('flags units on the 黑榜 in each of the latest K complete weeks', () => {
    const weeks = [['X', 'Y'], ['X', 'Y'], ['X'], ['Y']]; // newest first
    expect(flagUnits(weeks, 3)).toEqual([{ unitCode: 'X', weeksRunning: 3 }]);
    expect(flagUnits(weeks, 2)).toEqual([
      { unitCode: 'X', weeksRunning: 3 },
      { unitCode: 'Y', weeksRunning: 2 },
    ]);
  });

  it('needs the run to reach the latest week, unbroken', () => {
    expect(flagUnits([['X'], [], ['X'], ['X']], 2)).toEqual([]);
    expect(flagUnits([[], ['X'], ['X'], ['X']], 3)).toEqual([]);
    expect(flagUnits([['X'], ['X']], 3)).toEqual([]);
    expect(flagUnits([], 1)).toEqual([]);
  });

  it('states the rules with the numbers in force', () => {
    const rules = rankingRules(3, 3).join('\n');
    expect(rules).toContain('周一 0 时到下周一 0 时');
    expect(rules).toContain('前 3 名');
    expect(rules).toContain('连续 3 周');
  });
});

describe('weeks in Asia/Shanghai', () => {
  // 2027-03-01 and 2027-03-08 are Mondays; Shanghai is UTC+8 all year.
  const MONDAY_0301 = ms('2027-02-28T16:00:00Z');
  const MONDAY_0308 = ms('2027-03-07T16:00:00Z');

  it('starts a week at Monday 00:00 Shanghai time, which is Sunday 16:00 UTC', () => {
    expect(iso(weekStart(ms('2027-03-07T15:59:59.999Z'), SHANGHAI))).toBe(iso(MONDAY_0301)); // Sunday 23:59:59.999 there
    expect(iso(weekStart(ms('2027-03-07T16:00:00.000Z'), SHANGHAI))).toBe(iso(MONDAY_0308)); // Monday 00:00 there
    expect(iso(weekStart(ms('2027-03-03T04:00:00Z'), SHANGHAI))).toBe(iso(MONDAY_0301)); // a Wednesday
    expect(iso(weekStart(MONDAY_0308, SHANGHAI))).toBe(iso(MONDAY_0308));
  });

  it('differs from the week in UTC for the same instant', () => {
    // Sunday 2027-03-07 20:00 UTC is Monday 04:00 in Shanghai.
    expect(iso(weekStart(ms('2027-03-07T20:00:00Z'), SHANGHAI))).toBe(iso(MONDAY_0308));
    expect(iso(weekStart(ms('2027-03-07T20:00:00Z'), 'UTC'))).toBe('2027-03-01T00:00:00.000Z');
  });

  it('steps whole weeks on the zone calendar, across a month end', () => {
    expect(iso(addWeeks(MONDAY_0301, 1, SHANGHAI))).toBe(iso(MONDAY_0308));
    expect(iso(addWeeks(MONDAY_0301, -1, SHANGHAI))).toBe('2027-02-21T16:00:00.000Z');
    expect(iso(addWeeks(MONDAY_0301, 5, SHANGHAI))).toBe('2027-04-04T16:00:00.000Z');
  });

  it('keeps weeks whole across a daylight-saving change elsewhere (Europe/Berlin, 2027-03-28)', () => {
    const monday = weekStart(ms('2027-03-24T12:00:00Z'), 'Europe/Berlin');
    expect(iso(monday)).toBe('2027-03-21T23:00:00.000Z'); // Monday 00:00 CET
    expect(iso(addWeeks(monday, 1, 'Europe/Berlin'))).toBe('2027-03-28T22:00:00.000Z'); // Monday 00:00 CEST: 167 hours later
  });

  it('lists the week in progress and the complete weeks before it, newest first', () => {
    const asOf = ms('2027-03-10T04:00:00Z'); // Wednesday 12:00 in Shanghai
    expect(reportWeeks(asOf, 2, SHANGHAI, 0)).toEqual([
      { start: MONDAY_0308, end: ms('2027-03-14T16:00:00Z'), complete: false },
      { start: MONDAY_0301, end: MONDAY_0308, complete: true },
      { start: ms('2027-02-21T16:00:00Z'), end: MONDAY_0301, complete: true },
    ]);
  });

  it('has no week in progress at exactly Monday 00:00, and leaves out weeks that ended before the campaign began', () => {
    expect(reportWeeks(MONDAY_0308, 1, SHANGHAI, 0)).toEqual([{ start: MONDAY_0301, end: MONDAY_0308, complete: true }]);
    // Campaign began on Tuesday 2027-03-02: the week of 03-01 counts, the one before does not.
    expect(reportWeeks(ms('2027-03-10T04:00:00Z'), 4, SHANGHAI, ms('2027-03-02T02:00:00Z')).map((w) => iso(w.start))).toEqual([iso(MONDAY_0308), iso(MONDAY_0301)]);
  });

  it('counts a complete week to its last millisecond and the week in progress up to the report', () => {
    const [current, last] = reportWeeks(ms('2027-03-10T04:00:00Z'), 1, SHANGHAI, 0);
    expect(weekPeriod(last, ms('2027-03-10T04:00:00Z'))).toEqual({ from: MONDAY_0301, to: MONDAY_0308 - 1 });
    expect(weekPeriod(current, ms('2027-03-10T04:00:00Z'))).toEqual({ from: MONDAY_0308, to: ms('2027-03-10T04:00:00Z') });
  });

  it('puts a hand-in at Sunday 23:59:59 Shanghai in the old week and one at Monday 00:00 in the new one', () => {
    const created = { campaignId: 'c', indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '2027-06-30T00:00:00Z', policy: DEFAULT_TASK_POLICY };
    const events: StoredEvent[] = [
      ['indicator-task:c:A1:WTSQ', '2027-03-01T00:00:00Z', 'IndicatorTaskCreated', created],
      ['indicator-task:c:A2:WTSQ', '2027-03-01T00:00:01Z', 'IndicatorTaskCreated', { ...created, indicatorCode: 'A2' }],
      ['indicator-task:c:A1:WTSQ', '2027-03-07T15:59:59.000Z', 'SelfCheckSubmitted', { classification: 'MET', note: '' }],
      ['indicator-task:c:A2:WTSQ', '2027-03-07T16:00:00.000Z', 'SelfCheckSubmitted', { classification: 'MET', note: '' }],
    ].map(([streamId, at, type, data], i) => ({
      position: String(i + 1),
      eventId: `e${i}`,
      streamId: streamId as string,
      streamVersion: i < 2 ? 1 : 2,
      type: type as string,
      data: data as Record<string, unknown>,
      metadata: { actor: { userId: 'u' } },
      occurredAt: new Date(at as string),
    }));
    const asOf = ms('2027-03-10T04:00:00Z');
    const weeks = reportWeeks(asOf, 1, SHANGHAI, 0);
    const fold = new PerformanceFold(weeks.map((w) => weekPeriod(w, asOf)));
    for (const e of events) fold.push(e);
    const [thisWeek, lastWeek] = fold.finish();
    expect(lastWeek.get('WTSQ')).toMatchObject({ handedInOnTime: 1, tasks: 2 });
    expect(thisWeek.get('WTSQ')).toMatchObject({ handedInOnTime: 1, tasks: 2 });
  });

  it('names weeks and dates in Chinese on the campaign clock', () => {
    const [current, last] = reportWeeks(ms('2027-03-10T06:05:00Z'), 1, SHANGHAI, 0);
    expect(weekLabel(last, ms('2027-03-10T06:05:00Z'), SHANGHAI)).toBe('2027年3月1日（周一）至3月7日（周日）');
    expect(weekLabel(current, ms('2027-03-10T06:05:00Z'), SHANGHAI)).toBe('2027年3月8日（周一）起，截至3月10日 14:05（本周未完）');
    expect(dateLabel(ms('2027-03-07T16:00:00Z'), SHANGHAI)).toBe('2027年3月8日');
    expect(compactDate(ms('2027-03-07T16:00:00Z'), SHANGHAI)).toBe('20270308');
  });
});

describe('sortLikeBoard', () => {
  const card = (taskId: string, stageDueAt: string | null, dueAt: string) => ({ state: { taskId, stageDueAt, dueAt } as IndicatorTaskState });

  it('orders by the stage deadline (else the due date), then by task id byte by byte, as the live board (COLLATE "C")', () => {
    const cards = [card('b', null, '2027-03-05T00:00:00Z'), card('a', '2027-03-05T00:00:00Z', '2027-06-30T00:00:00Z'), card('c', '2027-03-01T00:00:00Z', '2027-06-30T00:00:00Z')];
    expect(sortLikeBoard(cards).map((c) => c.state.taskId)).toEqual(['c', 'a', 'b']);
    // Byte order, not a locale's: 'Z' (0x5a) before 'a' (0x61), '甲' after every ASCII letter.
    const tie = [card('a', null, '2027-03-05T00:00:00Z'), card('甲', null, '2027-03-05T00:00:00Z'), card('Z', null, '2027-03-05T00:00:00Z')];
    expect(sortLikeBoard(tie).map((c) => c.state.taskId)).toEqual(['Z', 'a', '甲']);
  });
});

describe('pageAfter', () => {
  const card = (taskId: string, dueAt: string) => ({ state: { taskId, stageDueAt: null, dueAt } as IndicatorTaskState });
  const sorted = sortLikeBoard(['e', 'd', 'c', 'b', 'a'].map((id, i) => card(id, `2027-03-0${1 + (i % 2)}T00:00:00Z`)));

  it('pages through a column: every card once, in order, and an empty page after the last', () => {
    const seen: string[] = [];
    let after: SortValue[] | null = null;
    for (let i = 0; i < 10; i++) {
      const { page, hasNextPage, endCursor } = pageAfter(sorted, after, 2);
      seen.push(...page.map((c) => c.state.taskId));
      if (!hasNextPage) break;
      after = decodeCursor(endCursor!, BOARD_AS_OF_ORDERING);
    }
    expect(seen).toEqual(sorted.map((c) => c.state.taskId));
    expect(new Set(seen).size).toBe(5);
    const last = sorted.at(-1)!.state;
    expect(pageAfter(sorted, boardSortValues(last), 2)).toEqual({ page: [], hasNextPage: false, endCursor: null });
  });
});
