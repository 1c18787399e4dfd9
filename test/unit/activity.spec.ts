// The activities' pure rules: who may record 举办 or cancel, the checks of a held record (attendance, photos, summary,
// date), the ladder's steps after the planned date, and the monthly counts.
import { decideActivity, checkPhotos } from '../../workflows/activity/activity.decide';
import { evolveActivity, initialActivityState } from '../../workflows/activity/activity.evolve';
import { nextActivityTimer } from '../../workflows/activity/activity.schedule';
import type { ActivityCommand, ActivityState } from '../../workflows/activity/activity.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { monthlyCounts } from '../../src/activity/activity.counts';

const OFFICE: Actor = { userId: 'u-office', displayName: '张霞', role: 'OFFICE', unitCode: null };
const MEMBER: Actor = { userId: 'u-m', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const OTHER: Actor = { userId: 'u-b', displayName: '滨江社区工作人员', role: 'UNIT_MEMBER', unitCode: 'BJSQ' };
const ARCHIVIST: Actor = { userId: 'u-a', displayName: '陈档案', role: 'ARCHIVIST', unitCode: null };
const META = { actorId: 'u-office', at: '2027-03-01T00:00:00.000Z' };

function planned(): ActivityState {
  return evolveActivity(
    initialActivityState('activity:c:1'),
    { type: 'ActivityPlanned', data: { campaignId: 'c', kind: 'CIVIC_EDUCATION', title: '讲座', organiserUnitCode: 'WTSQ', plannedDate: '2027-03-05', place: '广场', indicatorCodes: ['A1'], dueAt: '2027-03-05T16:00:00.000Z' } },
    META,
  );
}

const held = (over: Partial<Extract<ActivityCommand, { action: 'RECORD_HELD' }>> = {}): ActivityCommand => ({ action: 'RECORD_HELD', heldDate: '2027-03-05', attendance: 10, photos: [], summary: '总结', ...over });
const code = (state: ActivityState, actor: Actor, command: ActivityCommand) => {
  const d = decideActivity(state, { actor, command });
  return d.ok ? 'OK' : d.rejection.code;
};

describe('activity rules', () => {
  it('lets the organiser’s people and the office record 举办, only the office cancel', () => {
    const s = planned();
    expect(code(s, MEMBER, held())).toBe('OK');
    expect(code(s, OFFICE, held())).toBe('OK');
    expect(code(s, OTHER, held())).toBe('FORBIDDEN');
    expect(code(s, ARCHIVIST, held())).toBe('FORBIDDEN');
    expect(code(s, MEMBER, { action: 'CANCEL', reason: '雨' })).toBe('FORBIDDEN');
    expect(code(s, OFFICE, { action: 'CANCEL', reason: '雨' })).toBe('OK');
  });

  it('refuses bad 举办 records', () => {
    const s = planned();
    for (const attendance of [-1, 1.5, 1_000_001, Number.NaN, '10' as unknown as number]) expect(code(s, MEMBER, held({ attendance }))).toBe('BAD_USER_INPUT');
    expect(code(s, MEMBER, held({ heldDate: '2027-02-29' }))).toBe('BAD_USER_INPUT');
    expect(code(s, MEMBER, held({ summary: '  ' }))).toBe('BAD_USER_INPUT');
    expect(code(s, MEMBER, held({ summary: '字'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    const photo = { sha256: 'a'.repeat(64), name: 'p.png', size: 10, mimeType: 'image/png' };
    expect(checkPhotos([photo])).toBe(true);
    expect(checkPhotos(Array.from({ length: 10 }, () => photo))).toBe(false);
    expect(checkPhotos([{ ...photo, sha256: 'G'.repeat(64) }])).toBe(false);
    expect(checkPhotos([{ ...photo, size: -1 }])).toBe(false);
    expect(code(s, MEMBER, { action: 'CANCEL', reason: '' })).toBe('FORBIDDEN');
    expect(code(s, OFFICE, { action: 'CANCEL', reason: '因'.repeat(501) })).toBe('BAD_USER_INPUT');
    expect(decideActivity(s, { actor: OFFICE, command: held(), expectedVersion: 5 })).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
  });

  it('changes nothing once held, and climbs 提醒 then 催办 only while planned', () => {
    const s = planned();
    expect(nextActivityTimer(s)).toEqual({ level: 'REMINDER', at: '2027-03-05T16:00:00.000Z' });
    const reminded = evolveActivity(s, { type: 'ActivityEscalated', data: { campaignId: 'c', title: '讲座', organiserUnitCode: 'WTSQ', level: 'REMINDER', plannedDate: '2027-03-05', dueAt: s.dueAt, notify: [] } }, META);
    expect(nextActivityTimer(reminded)).toEqual({ level: 'URGE', at: '2027-03-07T16:00:00.000Z' });
    const urged = evolveActivity(reminded, { type: 'ActivityEscalated', data: { campaignId: 'c', title: '讲座', organiserUnitCode: 'WTSQ', level: 'URGE', plannedDate: '2027-03-05', dueAt: s.dueAt, notify: [] } }, META);
    expect(nextActivityTimer(urged)).toBeNull();
    const d = decideActivity(s, { actor: MEMBER, command: held() });
    if (!d.ok) throw new Error('refused');
    const done = evolveActivity(s, d.events[0], META);
    expect(done.state).toBe('HELD');
    expect(nextActivityTimer(done)).toBeNull();
    expect(code(done, OFFICE, held())).toBe('ILLEGAL_TRANSITION');
    expect(code(done, OFFICE, { action: 'CANCEL', reason: '雨' })).toBe('ILLEGAL_TRANSITION');
  });

  it('counts per month and per month and kind', () => {
    const counts = monthlyCounts([
      { month: '2027-03', kind: 'VOLUNTEER_SERVICE', state: 'HELD', count: 2, attendance: 300 },
      { month: '2027-03', kind: 'CIVIC_EDUCATION', state: 'CANCELLED', count: 1, attendance: 0 },
      { month: '2027-03', kind: 'CIVIC_EDUCATION', state: 'HELD', count: 1, attendance: 40 },
      { month: '2027-02', kind: 'OTHER', state: 'PLANNED', count: 3, attendance: 0 },
    ]);
    expect(counts.months).toEqual([
      { month: '2027-02', kind: null, kindLabel: null, planned: 3, held: 0, cancelled: 0, attendance: 0 },
      { month: '2027-03', kind: null, kindLabel: null, planned: 0, held: 3, cancelled: 1, attendance: 340 },
    ]);
    expect(counts.byKind.map((c) => [c.month, c.kind, c.held, c.cancelled, c.attendance])).toEqual([
      ['2027-02', 'OTHER', 0, 0, 0],
      ['2027-03', 'CIVIC_EDUCATION', 1, 1, 40],
      ['2027-03', 'VOLUNTEER_SERVICE', 2, 0, 300],
    ]);
  });
});
