// The pure rules of survey rounds: who may enter and close, counts checked (whole numbers, within the sample, hostile
// input refused), a closed round locked, rates from integers rounded half up, the trend's pooling and changes, the
// ladder's times and the inbox's words.
import { checkCounts, checkSurveyRound, decideSurveyRound } from '../../workflows/survey-round/survey-round.decide';
import { evolveSurveyRound, initialSurveyRoundState } from '../../workflows/survey-round/survey-round.evolve';
import { rateTenths } from '../../workflows/survey-round/survey-round.rates';
import { nextSurveyTimer } from '../../workflows/survey-round/survey-round.schedule';
import type { SurveyRoundCommand, SurveyRoundState } from '../../workflows/survey-round/survey-round.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { surveyTrend } from '../../src/survey/survey.trend';
import { exportName } from '../../src/platform/spreadsheet/export-sheet';
import { notificationsFor } from '../../src/platform/projections/notification-rules';

const OFFICE: Actor = { userId: 'u1', displayName: '张霞', role: 'OFFICE', unitCode: null };
const LEADER: Actor = { userId: 'u2', displayName: '王组长', role: 'LEADER', unitCode: null };
const UNIT: Actor = { userId: 'u3', displayName: '外滩社区', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const DUE = '2027-03-07T16:00:00.000Z';

function planned(id = 'survey-round:c:r1', endDate = '2027-03-07'): SurveyRoundState {
  return evolveSurveyRound(
    initialSurveyRoundState(id),
    { type: 'SurveyRoundPlanned', data: { campaignId: 'c', title: '第一轮', method: 'ONLINE', startDate: '2027-03-01', endDate, unitCodes: ['WTSQ', 'BJSQ'], dueAt: DUE } },
    { actorId: 'u1', at: '2027-02-20T00:00:00.000Z' },
  );
}

function apply(state: SurveyRoundState, command: SurveyRoundCommand, actor: Actor = OFFICE): SurveyRoundState {
  const d = decideSurveyRound(state, { command, actor });
  if (!d.ok) throw new Error(d.rejection.message);
  return d.events.reduce((s, e) => evolveSurveyRound(s, e, { actorId: actor.userId, at: '2027-03-08T00:00:00.000Z' }), state);
}

const record = (unitCode: string, sample: number, aware: number, supporting: number, participating: number, satisfied: number): SurveyRoundCommand => ({ action: 'RECORD_RESULTS', unitCode, sample, aware, supporting, participating, satisfied });

describe('survey round rules', () => {
  it('lets only the office enter and close, closes only with every community, and locks a closed round', () => {
    const s = planned();
    expect(checkSurveyRound(s, UNIT, 'RECORD_RESULTS')?.code).toBe('FORBIDDEN');
    expect(checkSurveyRound(s, LEADER, 'CLOSE')?.code).toBe('FORBIDDEN');
    expect(checkSurveyRound(s, OFFICE, 'CLOSE')?.code).toBe('ILLEGAL_TRANSITION');
    const one = apply(s, record('WTSQ', 10, 5, 5, 5, 5));
    expect(checkSurveyRound(one, OFFICE, 'CLOSE')?.message).toContain('1 个社区未录入');
    const both = apply(apply(one, record('BJSQ', 4, 1, 2, 3, 4)), record('WTSQ', 10, 6, 5, 5, 5));
    expect(both.results.map((r) => [r.unitCode, r.aware])).toEqual([['WTSQ', 6], ['BJSQ', 1]]);
    const closed = apply(both, { action: 'CLOSE', note: ' 完成 ' });
    expect(closed).toMatchObject({ state: 'CLOSED', closeNote: '完成', closedBy: 'u1' });
    const d = decideSurveyRound(closed, { command: record('WTSQ', 10, 1, 1, 1, 1), actor: OFFICE });
    expect(d.ok ? null : d.rejection.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses counts above the sample, negative, fractional, huge and non-numeric, and other communities', () => {
    const ok = { sample: 100, aware: 1, supporting: 2, participating: 3, satisfied: 4 };
    expect(checkCounts(ok)).toBeNull();
    expect(checkCounts({ ...ok, aware: 101 })?.field).toBe('aware');
    expect(checkCounts({ ...ok, satisfied: -1 })?.field).toBe('satisfied');
    expect(checkCounts({ ...ok, supporting: 1.5 })?.field).toBe('supporting');
    expect(checkCounts({ ...ok, sample: 0 })?.field).toBe('sample');
    expect(checkCounts({ ...ok, sample: 100_001 })?.field).toBe('sample');
    expect(checkCounts({ ...ok, sample: Number.MAX_SAFE_INTEGER + 2 })?.field).toBe('sample');
    expect(checkCounts({ ...ok, participating: '3' })?.field).toBe('participating');
    expect(checkCounts({ ...ok, aware: NaN })?.field).toBe('aware');
    const d = decideSurveyRound(planned(), { command: record('ZHZF', 10, 1, 1, 1, 1), actor: OFFICE });
    expect(d.ok ? null : d.rejection.field).toBe('unitCode');
    const full = apply(apply(planned(), record('WTSQ', 1, 1, 1, 1, 1)), record('BJSQ', 1, 1, 1, 1, 1));
    const long = decideSurveyRound(full, { command: { action: 'CLOSE', note: '长'.repeat(501) }, actor: OFFICE });
    expect(long.ok ? null : long.rejection.code).toBe('BAD_USER_INPUT');
    const unknown = decideSurveyRound(planned(), { command: { action: 'DROP' } as unknown as SurveyRoundCommand, actor: OFFICE });
    expect(unknown.ok).toBe(false);
  });

  it('computes rates in tenths from integers, rounding half up', () => {
    expect(rateTenths(2, 3)).toBe(667);
    expect(rateTenths(1, 3)).toBe(333);
    expect(rateTenths(1, 8)).toBe(125);
    expect(rateTenths(1, 16)).toBe(63); // 6.25% → 6.3%
    expect(rateTenths(0, 5)).toBe(0);
    expect(rateTenths(5, 5)).toBe(1000);
    expect(rateTenths(1, 0)).toBeNull();
    expect(rateTenths(99_999, 100_000)).toBe(1000);
  });

  it('draws the trend over closed rounds in date order, pooled by sample, with changes from the previous round', () => {
    const close = (s: SurveyRoundState) => apply(s, { action: 'CLOSE' });
    const r1 = close(apply(apply(planned('survey-round:c:b', '2027-03-07'), record('WTSQ', 200, 150, 160, 90, 140)), record('BJSQ', 3, 2, 3, 1, 2)));
    const r2 = close(apply(apply(planned('survey-round:c:a', '2027-04-07'), record('WTSQ', 210, 176, 181, 118, 162)), record('BJSQ', 1, 1, 1, 1, 1)));
    const open = apply(planned('survey-round:c:z', '2027-05-07'), record('WTSQ', 10, 10, 10, 10, 10));
    const trend = surveyTrend([r2, open, r1]);
    expect(trend.overall.map((p) => p.roundId)).toEqual(['survey-round:c:b', 'survey-round:c:a']);
    expect(trend.overall[0].counts).toMatchObject({ sample: 203, aware: 152, rates: { aware: 74.9, supporting: 80.3, participating: 44.8, satisfied: 70 } });
    expect(trend.overall[0].change).toEqual({ aware: null, supporting: null, participating: null, satisfied: null });
    // 177/211 = 83.886… → 83.9; minus 74.9 is exactly 9.
    expect(trend.overall[1].counts.rates.aware).toBe(83.9);
    expect(trend.overall[1].change.aware).toBe(9);
    const bjsq = trend.communities.find((c) => c.unitCode === 'BJSQ')!;
    expect(bjsq.points.map((p) => [p.counts.rates.aware, p.change.aware])).toEqual([
      [66.7, null],
      [100, 33.3],
    ]);
  });

  it('climbs 提醒 before the due time, 催办 at it and 督办 after, only while open', () => {
    const s = planned();
    expect(nextSurveyTimer(s, '2027-03-01T00:00:00.000Z')).toEqual({ level: 'REMINDER', at: '2027-03-06T16:00:00.000Z' });
    // Planned after the due time: no 提醒, straight to 催办.
    expect(nextSurveyTimer(s, '2027-03-09T00:00:00.000Z')).toEqual({ level: 'URGE', at: DUE });
    const urged = { ...s, escalationLevel: 'URGE' as const };
    expect(nextSurveyTimer(urged, '2027-03-09T00:00:00.000Z')).toEqual({ level: 'SUPERVISE', at: '2027-03-10T16:00:00.000Z' });
    expect(nextSurveyTimer({ ...s, escalationLevel: 'SUPERVISE' }, '2027-03-09T00:00:00.000Z')).toBeNull();
    expect(nextSurveyTimer({ ...s, state: 'CLOSED' }, '2027-03-01T00:00:00.000Z')).toBeNull();
  });

  it('tells the office, and at 督办 the leading group, which communities are missing', () => {
    const event = (level: string, notify: string[]) => ({
      streamId: 'survey-round:c:r1',
      type: 'SurveyRoundEscalated',
      data: { campaignId: 'c', title: '第一轮', level, dueAt: DUE, missing: ['BJSQ'], notify },
      metadata: {},
    });
    const names = (code: string) => ({ BJSQ: '滨江社区' })[code] ?? code;
    const urge = notificationsFor(event('URGE', ['OFFICE']) as never, null, names);
    expect(urge).toEqual([expect.objectContaining({ kind: 'ESCALATION', urgent: false, title: '【催办】问卷调查「第一轮」结果已到期', audience: { roles: ['OFFICE'], unitCode: null, unitRoles: [] } })]);
    expect(urge[0].text).toContain('滨江社区');
    const supervise = notificationsFor(event('SUPERVISE', ['OFFICE', 'LEADER']) as never, null, names);
    expect(supervise[0]).toMatchObject({ urgent: true, audience: { roles: ['OFFICE', 'LEADER'] } });
    expect(notificationsFor({ streamId: 'survey-round:c:r1', type: 'SurveyResultsRecorded', data: {}, metadata: {} } as never, null, names)).toEqual([]);
  });

  it('names files without characters file systems refuse', () => {
    expect(exportName('问卷调查结果-第一轮/二:*?')).toBe('问卷调查结果-第一轮_二___.xlsx');
  });
});
