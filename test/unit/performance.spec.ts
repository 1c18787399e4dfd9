// 绩效考核 from hand-built event lists: each metric, the score and its explanations, periods, attribution to the
// unit responsible at the time. Expectations are worked out by hand in the comments, never from the module.
import type { StoredEvent } from '../../src/platform/event-store/event-store.types';
import { PerformanceFold, type Period, type UnitCounts } from '../../src/reports/performance';
import {
  ACCOUNTABILITY_DECISION_POINTS,
  ESCALATION_POINTS,
  FULL_SCORE,
  LATE_WORK_POINTS,
  OVERDUE_POINTS,
  RELAPSE_POINTS,
  RETURN_POINTS,
  SCORE_RULES,
  scoreOf,
  type PerformanceCounts,
} from '../../src/reports/performance-score';
import { DEFAULT_TASK_POLICY } from '../../workflows/indicator-task/indicator-task.types';
import { reportedItem } from '../support/rectification-item.fixtures';

const C = 'c1';
const T1 = `indicator-task:${C}:A1:WTSQ`;
const T2 = `indicator-task:${C}:A2:WTSQ`;
const T3 = `indicator-task:${C}:A3:BJSQ`;
const I1 = `rectification-item:${C}:i1`;
const I2 = `rectification-item:${C}:i2`;

type Raw = [streamId: string, at: string, type: string, data?: Record<string, unknown>];

/** Stored events in the order given (by time), positions and stream versions assigned as the store would. */
function stored(raw: readonly Raw[]): StoredEvent[] {
  const versions = new Map<string, number>();
  return raw.map(([streamId, at, type, data], i) => {
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    return {
      position: String(i + 1),
      eventId: `e${i + 1}`,
      streamId,
      streamVersion: version,
      type,
      data: data ?? {},
      metadata: { actor: { userId: streamId.includes(':i') ? 'unit-user' : 'someone' } },
      occurredAt: new Date(at),
    };
  });
}

const created = (unitCode: string, indicatorCode: string, dueAt: string) => ({
  campaignId: C,
  indicatorCode,
  unitCode,
  leadUnitCode: 'XCB',
  dueAt,
  policy: DEFAULT_TASK_POLICY,
});
const reported = reportedItem(C, '外滩路 1 号');
const escalated = (level: string, stageDueAt: string) => ({ level, stage: 'SELF_CHECK', stageDueAt, notify: [] });

/**
 * T1 (WTSQ): self-check due 03-15 (14 days after creation, before the task's due date 06-30). Handed in 03-10 (on
 * time), returned, urged 03-15 and supervised 03-18, handed in again 03-20 (late), confirmed NOT_MET: rectification
 * due 06-30.
 * T2 (WTSQ): due 03-05, never handed in: the whole ladder, overdue ever since.
 * T3 (BJSQ): handed in 03-02 (on time), MET, relapses on re-check 04-03, reassigned to DHC 04-05, whose plan moves
 * the deadline to 04-10; DHC hands in 04-09 (on time), is returned 04-10: overdue again since.
 * I1 (WTSQ, due 03-09): handed in 03-08 (on time), returned, extended to 03-14, handed in 03-13 (on time),
 * verified, relapses on re-check 03-28 with a new due date 03-31, urged, handed in 04-02 (late).
 * I2: dispatched to BJSQ, dispatch returned 03-05 (BJSQ no longer has it), dispatched to HWS due 04-20: overdue.
 */
const HISTORY: Raw[] = [
  [T1, '2027-03-01T00:00:00Z', 'IndicatorTaskCreated', created('WTSQ', 'A1', '2027-06-30T00:00:00Z')],
  [T2, '2027-03-01T00:00:01Z', 'IndicatorTaskCreated', created('WTSQ', 'A2', '2027-03-05T00:00:00Z')],
  [T3, '2027-03-01T00:00:02Z', 'IndicatorTaskCreated', created('BJSQ', 'A3', '2027-06-30T00:00:00Z')],
  [I1, '2027-03-02T00:00:00Z', 'ItemReported', reported],
  [I1, '2027-03-02T00:00:01Z', 'ItemDispatched', { unitCode: 'WTSQ', dueAt: '2027-03-09T00:00:00Z', note: '' }],
  [I2, '2027-03-02T00:00:02Z', 'ItemReported', reported],
  [I2, '2027-03-02T00:00:03Z', 'ItemDispatched', { unitCode: 'BJSQ', dueAt: '2027-03-20T00:00:00Z', note: '' }],
  [T3, '2027-03-02T01:00:00Z', 'SelfCheckSubmitted', { classification: 'MET', note: '' }],
  [I1, '2027-03-03T00:00:00Z', 'ItemRectificationStarted', { note: '' }],
  [T3, '2027-03-03T00:00:00Z', 'SelfCheckConfirmed', { classification: 'MET', note: '' }],
  [T2, '2027-03-05T00:00:00Z', 'DeadlineEscalated', escalated('URGE', '2027-03-05T00:00:00Z')],
  [I2, '2027-03-05T00:00:00Z', 'ItemDispatchReturnRequested', { reason: '不归我们' }],
  [I2, '2027-03-05T01:00:00Z', 'ItemDispatchReturnApproved', { note: '', previousUnitCode: 'BJSQ' }],
  [I2, '2027-03-06T00:00:00Z', 'ItemDispatched', { unitCode: 'HWS', dueAt: '2027-04-20T00:00:00Z', note: '' }],
  [I1, '2027-03-08T00:00:00Z', 'ItemSubmitted', { note: '', photos: [] }],
  [T2, '2027-03-08T00:00:00Z', 'DeadlineEscalated', escalated('SUPERVISE', '2027-03-05T00:00:00Z')],
  [I1, '2027-03-09T00:00:00Z', 'ItemReturned', { reason: '照片不清楚' }],
  [I1, '2027-03-09T01:00:00Z', 'ItemExtensionRequested', { requestedDueAt: '2027-03-14T00:00:00Z', reason: '' }],
  [T1, '2027-03-10T00:00:00Z', 'SelfCheckSubmitted', { classification: 'NOT_MET', note: '' }],
  [I1, '2027-03-10T00:00:00Z', 'ItemExtensionApproved', { dueAt: '2027-03-14T00:00:00Z', note: '' }],
  [T1, '2027-03-11T00:00:00Z', 'SelfCheckReturned', { reason: '说明不全' }],
  [T2, '2027-03-12T00:00:00Z', 'DeadlineEscalated', escalated('INTERVIEW', '2027-03-05T00:00:00Z')],
  [I1, '2027-03-13T00:00:00Z', 'ItemSubmitted', { note: '', photos: [] }],
  [I1, '2027-03-14T00:00:00Z', 'ItemVerified', { note: '', recheckAt: '2027-03-28T00:00:00Z' }],
  [T1, '2027-03-15T00:00:00Z', 'DeadlineEscalated', escalated('URGE', '2027-03-15T00:00:00Z')],
  [T1, '2027-03-18T00:00:00Z', 'DeadlineEscalated', escalated('SUPERVISE', '2027-03-15T00:00:00Z')],
  [T2, '2027-03-19T00:00:00Z', 'DeadlineEscalated', escalated('ACCOUNTABILITY', '2027-03-05T00:00:00Z')],
  [T1, '2027-03-20T00:00:00Z', 'SelfCheckSubmitted', { classification: 'NOT_MET', note: '' }],
  [T1, '2027-03-21T00:00:00Z', 'SelfCheckConfirmed', { classification: 'NOT_MET', note: '' }],
  [I1, '2027-03-28T00:00:00Z', 'ItemRecheckDue', { dueAt: '2027-03-28T00:00:00Z' }],
  [I1, '2027-03-28T01:00:00Z', 'ItemRecheckRecorded', { passed: false, note: '又满溢', dueAt: '2027-03-31T00:00:00Z' }],
  [I1, '2027-03-31T00:00:00Z', 'DeadlineEscalated', { level: 'URGE', state: 'RECTIFYING', dueAt: '2027-03-31T00:00:00Z', notify: [] }],
  [I1, '2027-04-02T00:00:00Z', 'ItemSubmitted', { note: '', photos: [] }],
  [T3, '2027-04-02T00:00:00Z', 'RecheckDue', { dueAt: '2027-04-02T00:00:00Z' }],
  [T3, '2027-04-03T00:00:00Z', 'RecheckRecorded', { passed: false, note: '反弹' }],
  [T3, '2027-04-05T00:00:00Z', 'TaskReassigned', { unitCode: 'DHC', previousUnitCode: 'BJSQ', reason: '属地调整' }],
  [T3, '2027-04-06T00:00:00Z', 'RectificationPlanSubmitted', { plan: '清理', deadline: '2027-04-10T00:00:00Z' }],
  [T3, '2027-04-09T00:00:00Z', 'RectificationSubmitted', { note: '' }],
  [T3, '2027-04-10T00:00:00Z', 'RectificationReturned', { reason: '不彻底' }],
];

const ms = (iso: string) => Date.parse(iso);
const MARCH_APRIL: Period = { from: ms('2027-03-01T00:00:00Z'), to: ms('2027-04-30T00:00:00Z') };
const MID_MARCH: Period = { from: ms('2027-03-16T00:00:00Z'), to: ms('2027-03-25T00:00:00Z') };

function fold(periods: Period[], raw: readonly Raw[] = HISTORY): Map<string, UnitCounts>[] {
  const f = new PerformanceFold(periods);
  for (const e of stored(raw)) f.push(e);
  return f.finish();
}

const NO_ESCALATIONS = { REMINDER: 0, URGE: 0, SUPERVISE: 0, INTERVIEW: 0, ACCOUNTABILITY: 0 };
/** No 问责 decision was approved in HISTORY. */
const NO_DECISIONS = { accountabilityDecisions: 0, decisions: [] };

describe('PerformanceFold: the figures of each unit', () => {
  const [whole] = fold([MARCH_APRIL]);

  it('counts hand-ins on time and late against the deadline in force, overdue work, returns, relapses and escalations', () => {
    // On time: T1 03-10, I1 03-08, I1 03-13 (extended to 03-14). Late: T1 03-20 (due 03-15), I1 04-02 (due 03-31).
    // Overdue at 04-30: T2 (due 03-05). Returns: T1 self-check, I1. Relapse: I1. Escalations: T1 URGE, SUPERVISE;
    // T2 URGE, SUPERVISE, INTERVIEW, ACCOUNTABILITY; I1 URGE.
    expect(whole.get('WTSQ')).toEqual({
      unitCode: 'WTSQ',
      tasks: 2,
      items: 1,
      handedInOnTime: 3,
      handedInLate: 2,
      overdue: 1,
      relapses: 1,
      returns: 2,
      escalations: { REMINDER: 0, URGE: 3, SUPERVISE: 2, INTERVIEW: 1, ACCOUNTABILITY: 1 },
      ...NO_DECISIONS,
    });
  });

  it('attributes to the unit responsible at the time: before and after a reassignment', () => {
    // BJSQ handed T3's self-check in on time and had it relapse, then lost the task; it keeps those facts.
    expect(whole.get('BJSQ')).toEqual({ unitCode: 'BJSQ', tasks: 0, items: 0, handedInOnTime: 1, handedInLate: 0, overdue: 0, relapses: 1, returns: 0, escalations: NO_ESCALATIONS, ...NO_DECISIONS });
    // DHC: handed in 04-09 against its plan's 04-10, returned 04-10, overdue since.
    expect(whole.get('DHC')).toEqual({ unitCode: 'DHC', tasks: 1, items: 0, handedInOnTime: 1, handedInLate: 0, overdue: 1, relapses: 0, returns: 1, escalations: NO_ESCALATIONS, ...NO_DECISIONS });
  });

  it('takes an item from its unit when the dispatch is returned, and gives it to the next one', () => {
    expect(whole.get('HWS')).toEqual({ unitCode: 'HWS', tasks: 0, items: 1, handedInOnTime: 0, handedInLate: 0, overdue: 1, relapses: 0, returns: 0, escalations: NO_ESCALATIONS, ...NO_DECISIONS });
    expect([...whole.keys()].sort()).toEqual(['BJSQ', 'DHC', 'HWS', 'WTSQ']);
  });

  it('counts facts inside a period only, and overdue work at its end, for several periods in one pass', () => {
    const [wholeAgain, mid] = fold([MARCH_APRIL, MID_MARCH]);
    expect(wholeAgain).toEqual(whole);
    // 03-16..03-25: T1 supervised 03-18 and handed in late 03-20; T2 to accountability 03-19. At 03-25 T2 is
    // overdue; T1 is in rectification (due 06-30); I1 is verified.
    expect(mid.get('WTSQ')).toEqual({
      unitCode: 'WTSQ',
      tasks: 2,
      items: 1,
      handedInOnTime: 0,
      handedInLate: 1,
      overdue: 1,
      relapses: 0,
      returns: 0,
      escalations: { REMINDER: 0, URGE: 0, SUPERVISE: 1, INTERVIEW: 0, ACCOUNTABILITY: 1 },
      ...NO_DECISIONS,
    });
    // BJSQ still holds T3, in consolidation; HWS holds I2, due 04-20; DHC has nothing yet.
    expect(mid.get('BJSQ')).toEqual({ unitCode: 'BJSQ', tasks: 1, items: 0, handedInOnTime: 0, handedInLate: 0, overdue: 0, relapses: 0, returns: 0, escalations: NO_ESCALATIONS, ...NO_DECISIONS });
    expect(mid.get('HWS')?.overdue).toBe(0);
    expect(mid.has('DHC')).toBe(false);
  });

  it('sees only the events fed to it: a period ending before a stream began does not see it', () => {
    const [early] = fold([{ from: ms('2027-02-01T00:00:00Z'), to: ms('2027-02-28T00:00:00Z') }]);
    expect(early.size).toBe(0);
  });

  it('is on time when handed in at the very deadline, and overdue only once the deadline has passed', () => {
    const raw: Raw[] = [
      [T2, '2027-03-01T00:00:00Z', 'IndicatorTaskCreated', created('WTSQ', 'A2', '2027-03-05T00:00:00Z')],
      [T1, '2027-03-01T00:00:01Z', 'IndicatorTaskCreated', created('WTSQ', 'A1', '2027-03-05T00:00:00Z')],
      [T1, '2027-03-05T00:00:00Z', 'SelfCheckSubmitted', { classification: 'MET', note: '' }],
    ];
    const [atDeadline, justAfter] = fold([{ from: 0, to: ms('2027-03-05T00:00:00Z') }, { from: 0, to: ms('2027-03-05T00:00:00.001Z') }], raw);
    expect(atDeadline.get('WTSQ')).toMatchObject({ handedInOnTime: 1, handedInLate: 0, overdue: 0 });
    expect(justAfter.get('WTSQ')).toMatchObject({ handedInOnTime: 1, handedInLate: 0, overdue: 1 });
  });

  it('counts no overdue work while a hand-in awaits review', () => {
    const raw: Raw[] = [
      [T2, '2027-03-01T00:00:00Z', 'IndicatorTaskCreated', created('WTSQ', 'A2', '2027-03-05T00:00:00Z')],
      [T2, '2027-03-06T00:00:00Z', 'SelfCheckSubmitted', { classification: 'MET', note: '' }],
    ];
    const [counts] = fold([{ from: 0, to: ms('2027-03-10T00:00:00Z') }], raw);
    expect(counts.get('WTSQ')).toMatchObject({ handedInOnTime: 0, handedInLate: 1, overdue: 0 });
  });
});

describe('问责 decisions in the assessment', () => {
  const proposed = { unit: true, persons: [{ login: 'wtsq.head', displayName: '陈主任' }], form: 'CRITICISM_NOTICE', formNote: '', reason: '逾期未自查', unitCode: 'WTSQ', deadline: '2027-03-05T00:00:00Z' };
  const WITH_DECISIONS: Raw[] = [
    ...HISTORY,
    [T2, '2027-04-11T00:00:00Z', 'AccountabilityProposed', proposed],
    [T2, '2027-04-12T00:00:00Z', 'AccountabilityReturned', { reason: '先约谈' }],
    [T2, '2027-04-13T00:00:00Z', 'AccountabilityProposed', { ...proposed, form: 'ADMONITION' }],
    [T2, '2027-04-14T00:00:00Z', 'AccountabilityApproved', { note: '同意' }],
    [I2, '2027-04-15T00:00:00Z', 'AccountabilityProposed', { ...proposed, unitCode: 'HWS', unit: false, persons: [{ login: 'hws.li', displayName: '李四' }] }],
  ];

  it('lists and counts only approved decisions, against the unit they name, when approved', () => {
    const [whole, before] = fold([MARCH_APRIL, { from: ms('2027-03-01T00:00:00Z'), to: ms('2027-04-13T23:59:59Z') }], WITH_DECISIONS);
    // The returned proposal and the one still pending (I2, HWS) count nothing; the approved one counts once.
    expect(whole.get('WTSQ')!.accountabilityDecisions).toBe(1);
    expect(whole.get('WTSQ')!.decisions).toEqual([
      { streamId: T2, kind: 'task', holdsUnit: true, persons: proposed.persons, form: 'ADMONITION', formNote: '', reason: '逾期未自查', approvedAt: '2027-04-14T00:00:00.000Z' },
    ]);
    expect(whole.get('HWS')!.accountabilityDecisions).toBe(0);
    // A period that ends before the approval does not see it.
    expect(before.get('WTSQ')!.accountabilityDecisions).toBe(0);
  });

  it('deducts the documented points per approved decision, beside the ladder step', () => {
    const counts: PerformanceCounts = { handedInOnTime: 1, handedInLate: 0, overdue: 0, relapses: 0, returns: 0, escalations: { ...NO_ESCALATIONS, ACCOUNTABILITY: 1 }, accountabilityDecisions: 2 };
    const score = scoreOf(counts);
    // 100 − 8 (the 问责 step) − 2 × 10 (two approved decisions) = 72.
    expect(ACCOUNTABILITY_DECISION_POINTS).toBe(10);
    expect(score.score).toBe(FULL_SCORE - ESCALATION_POINTS.ACCOUNTABILITY - 2 * ACCOUNTABILITY_DECISION_POINTS);
    expect(score.deductions.at(-1)).toEqual(expect.objectContaining({ code: 'ACCOUNTABILITY_DECISION', label: '问责决定', count: 2, points: 20 }));
    expect(score.deductions.at(-1)!.explanation).toContain('本期 2 次 × 10 分 = 20 分');
  });
});

describe('scoreOf: 100 less the weighted deductions', () => {
  const counts = (c: Partial<PerformanceCounts>): PerformanceCounts => ({
    handedInOnTime: 0,
    handedInLate: 0,
    overdue: 0,
    relapses: 0,
    returns: 0,
    escalations: { ...NO_ESCALATIONS },
    ...c,
  });

  it('has the documented weights', () => {
    expect([LATE_WORK_POINTS, OVERDUE_POINTS, RELAPSE_POINTS, RETURN_POINTS]).toEqual([30, 2, 3, 1]);
    expect(ESCALATION_POINTS).toEqual({ URGE: 1, SUPERVISE: 2, INTERVIEW: 4, ACCOUNTABILITY: 8 });
    expect(SCORE_RULES.map((r) => [r.code, r.label, r.points])).toEqual([
      ['LATE_WORK', '未按时完成', 30],
      ['OVERDUE', '逾期未交', 2],
      ['RELAPSE', '反弹', 3],
      ['RETURNED', '审核退回', 1],
      ['URGE', '催办', 1],
      ['SUPERVISE', '督办', 2],
      ['INTERVIEW', '约谈', 4],
      ['ACCOUNTABILITY', '问责', 8],
      ['ACCOUNTABILITY_DECISION', '问责决定', 10],
    ]);
    for (const r of SCORE_RULES) expect(r.explanation).toMatch(new RegExp(`${r.points} 分`));
  });

  it('gives full marks and no rate when nothing was due', () => {
    expect(scoreOf(counts({}))).toEqual({ dueWork: 0, onTimeRate: null, highestEscalation: null, score: FULL_SCORE, deductions: [] });
  });

  it('scores WTSQ of the history above: 100 − 15 − 2 − 3 − 2 − 3 − 4 − 4 − 8 = 59', () => {
    const wtsq = fold([MARCH_APRIL])[0].get('WTSQ')!;
    const s = scoreOf(wtsq);
    expect(s.dueWork).toBe(6);
    expect(s.onTimeRate).toBe(0.5);
    expect(s.highestEscalation).toBe('ACCOUNTABILITY');
    // Not on time: 2 late + 1 overdue = 3 of 6 → 3 × 30 / 6 = 15.
    expect(s.deductions.map((d) => [d.code, d.count, d.points])).toEqual([
      ['LATE_WORK', 3, 15],
      ['OVERDUE', 1, 2],
      ['RELAPSE', 1, 3],
      ['RETURNED', 2, 2],
      ['URGE', 3, 3],
      ['SUPERVISE', 2, 4],
      ['INTERVIEW', 1, 4],
      ['ACCOUNTABILITY', 1, 8],
    ]);
    expect(s.score).toBe(59);
    expect(s.deductions[0].explanation).toContain('本期应交 6 件，按时 3 件，未按时 3 件：3 ÷ 6 × 30 = 15 分');
    expect(s.deductions[4].explanation).toContain('本期 3 次 × 1 分 = 3 分');
  });

  it('scores the other units of the history', () => {
    const [whole] = fold([MARCH_APRIL]);
    expect(scoreOf(whole.get('BJSQ')!).score).toBe(97); // one relapse
    expect(scoreOf(whole.get('DHC')!).score).toBe(82); // 1 of 2 not on time: 15; overdue 2; returned 1
    expect(scoreOf(whole.get('HWS')!).score).toBe(68); // nothing on time: 30; overdue 2
  });

  it('takes a share of the late-work points exactly: 1 of 3 late is 10, 1 of 7 is 4.29', () => {
    expect(scoreOf(counts({ handedInOnTime: 2, handedInLate: 1 })).score).toBe(90);
    expect(scoreOf(counts({ handedInOnTime: 6, handedInLate: 1 })).deductions[0].points).toBe(4.29);
    expect(scoreOf(counts({ handedInOnTime: 6, handedInLate: 1 })).score).toBe(95.71);
    expect(scoreOf(counts({ handedInOnTime: 2, handedInLate: 1 })).onTimeRate).toBeCloseTo(2 / 3);
  });

  it('never goes below 0', () => {
    const s = scoreOf(counts({ overdue: 10, escalations: { ...NO_ESCALATIONS, ACCOUNTABILITY: 10 } }));
    // 30 + 20 + 80 = 130 points of deductions.
    expect(s.deductions.reduce((sum, d) => sum + d.points, 0)).toBe(130);
    expect(s.score).toBe(0);
  });

  it('does not deduct for reminders, but reports them as the highest step when they are all there is', () => {
    const s = scoreOf(counts({ handedInOnTime: 1, escalations: { ...NO_ESCALATIONS, REMINDER: 4 } }));
    expect(s).toMatchObject({ score: 100, deductions: [], highestEscalation: 'REMINDER', onTimeRate: 1 });
  });
});
