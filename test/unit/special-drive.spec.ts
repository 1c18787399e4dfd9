// The drives' pure rules: the plan's checks, who may do what in which state, the fold, the summary's ladder and the
// inbox's words.
import { checkDrive, checkPlan, decideDrive, drivePeriod, planChanges } from '../../workflows/special-drive/special-drive.decide';
import { evolveDrive, initialDriveState } from '../../workflows/special-drive/special-drive.evolve';
import type { SpecialDriveEvent } from '../../workflows/special-drive/special-drive.events';
import { nextDriveTimer } from '../../workflows/special-drive/special-drive.schedule';
import type { DriveCommand, SpecialDriveState } from '../../workflows/special-drive/special-drive.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { specialDriveNotifications } from '../../src/platform/projections/special-drive.notifications';

const office: Actor = { userId: 'u:office', displayName: '创建办', role: 'OFFICE', unitCode: null };
const leader: Actor = { userId: 'u:leader', displayName: '领导', role: 'LEADER', unitCode: null };
const head: Actor = { userId: 'u:hws', displayName: '环卫所负责人', role: 'UNIT_HEAD', unitCode: 'HWS' };
const otherHead: Actor = { ...head, userId: 'u:wtsq', unitCode: 'WTSQ' };
const PLAN = { leadUnitCode: 'HWS', startDate: '2027-03-01', endDate: '2027-05-31', goals: ' 垃圾日产日清 ', participatingUnitCodes: ['WTSQ', 'HWS', 'WTSQ', 'BJSQ'] };

function launched(): SpecialDriveState {
  const period = drivePeriod(PLAN, 'Asia/Shanghai');
  const event: SpecialDriveEvent = { type: 'SpecialDriveLaunched', data: { campaignId: 'c', area: 'SANITATION', leadUnitCode: 'HWS', timeZone: 'Asia/Shanghai', plan: { ...PLAN, goals: '垃圾日产日清', participatingUnitCodes: ['WTSQ', 'BJSQ'] }, ...period, dueAt: period.endsAt } };
  return evolveDrive(initialDriveState('special-drive:c:SANITATION'), event, { actorId: 'u:office', at: '2027-03-01T01:00:00.000Z' });
}

function apply(state: SpecialDriveState, actor: Actor, command: DriveCommand): SpecialDriveState {
  const decision = decideDrive(state, { command, actor });
  if (!decision.ok) throw new Error(decision.rejection.message);
  return decision.events.reduce((s, e) => evolveDrive(s, e, { actorId: actor.userId, at: '2027-04-01T00:00:00.000Z' }), state);
}

describe('special drive rules', () => {
  it('cleans a plan and refuses a bad one in linear time', () => {
    expect(checkPlan(PLAN)).toEqual({ ok: true, plan: { ...PLAN, goals: '垃圾日产日清', participatingUnitCodes: ['WTSQ', 'BJSQ'] } });
    expect(checkPlan({ ...PLAN, endDate: '2027-02-28' })).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'endDate' } });
    expect(checkPlan({ ...PLAN, goals: 'a'.repeat(2_001) })).toMatchObject({ ok: false, rejection: { field: 'goals' } });
    expect(checkPlan({ ...PLAN, leadUnitCode: 'x'.repeat(51) })).toMatchObject({ ok: false, rejection: { field: 'leadUnitCode' } });
    expect(checkPlan({ ...PLAN, participatingUnitCodes: 'WTSQ' })).toMatchObject({ ok: false, rejection: { field: 'participatingUnitCodes' } });
    const start = Date.now();
    expect(checkPlan({ ...PLAN, goals: '目'.repeat(5_000_000) }).ok).toBe(false);
    expect(Date.now() - start).toBeLessThan(200);
  });

  it('gives the period as local days: the end date is included', () => {
    expect(drivePeriod(PLAN, 'Asia/Shanghai')).toEqual({ startsAt: '2027-02-28T16:00:00.000Z', endsAt: '2027-05-31T16:00:00.000Z' });
  });

  it('lets only the lead unit’s head hand in the summary and only the leading group review it', () => {
    const s = launched();
    expect(checkDrive(s, otherHead, 'SUBMIT_SUMMARY')).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkDrive(s, office, 'SUBMIT_SUMMARY')).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkDrive(s, leader, 'APPROVE')).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const submitted = apply(s, head, { action: 'SUBMIT_SUMMARY', text: ' 完成 ', attachments: [] });
    expect(submitted).toMatchObject({ state: 'SUMMARY_SUBMITTED', submissions: 1, summary: { text: '完成' } });
    expect(checkDrive(submitted, office, 'APPROVE')).toMatchObject({ code: 'FORBIDDEN' });
    const returned = apply(submitted, leader, { action: 'RETURN', reason: '补充' });
    expect(returned).toMatchObject({ state: 'RETURNED', returnReason: '补充' });
    const closed = apply(apply(returned, head, { action: 'SUBMIT_SUMMARY', text: '完成并建立长效机制', attachments: [] }), leader, { action: 'APPROVE', note: '同意' });
    expect(closed).toMatchObject({ state: 'CLOSED', approveNote: '同意', submissions: 2 });
    expect(decideDrive(closed, { command: { action: 'ATTACH_ITEM', itemId: 'i' }, actor: office })).toMatchObject({ ok: false, rejection: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('keeps hand-made attachments and detachments apart, once each', () => {
    let s = apply(launched(), office, { action: 'ATTACH_ITEM', itemId: 'i1' });
    expect(decideDrive(s, { command: { action: 'ATTACH_ITEM', itemId: 'i1' }, actor: office })).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
    s = apply(s, office, { action: 'DETACH_ITEM', itemId: 'i1', reason: '重复' });
    expect(s).toMatchObject({ attachedItemIds: [], detachedItemIds: ['i1'] });
    expect(decideDrive(s, { command: { action: 'DETACH_ITEM', itemId: 'i2', reason: ' ' }, actor: office })).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'reason' } });
  });

  it('says what an amendment changes, moves the deadline with the end date and starts the ladder again', () => {
    const s = { ...launched(), escalationLevel: 'URGE' as const };
    expect(planChanges(s.plan, { ...s.plan, participatingUnitCodes: ['BJSQ', 'WTSQ'] })).toEqual([]);
    expect(decideDrive(s, { command: { action: 'AMEND', ...PLAN }, actor: office })).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT' } });
    const amended = apply(s, office, { action: 'AMEND', ...PLAN, endDate: '2027-06-30' });
    expect(amended).toMatchObject({ dueAt: '2027-06-30T16:00:00.000Z', escalationLevel: null, amendments: 1 });
  });

  it('climbs 提醒 before the deadline, 催办 at it and 督办 after it while the summary is owed', () => {
    const s = launched();
    expect(nextDriveTimer(s, '2027-04-01T00:00:00.000Z')).toEqual({ level: 'REMINDER', at: '2027-05-28T16:00:00.000Z' });
    expect(nextDriveTimer(s, '2027-06-01T00:00:00.000Z')).toEqual({ level: 'URGE', at: '2027-05-31T16:00:00.000Z' });
    expect(nextDriveTimer({ ...s, escalationLevel: 'URGE' }, '2027-06-01T00:00:00.000Z')).toEqual({ level: 'SUPERVISE', at: '2027-06-03T16:00:00.000Z' });
    expect(nextDriveTimer({ ...s, escalationLevel: 'SUPERVISE' }, '2027-06-05T00:00:00.000Z')).toBeNull();
    expect(nextDriveTimer({ ...s, state: 'SUMMARY_SUBMITTED' }, '2027-04-01T00:00:00.000Z')).toBeNull();
  });

  it('tells the lead unit’s head, and from 督办 the office and the leading group', () => {
    const about = { campaignId: 'c', area: 'SANITATION', leadUnitCode: 'HWS' };
    const name = (code: string) => (code === 'HWS' ? '街道环卫所' : code);
    const [supervise] = specialDriveNotifications({ streamId: 'special-drive:c:SANITATION', type: 'SpecialDriveEscalated', data: { ...about, level: 'SUPERVISE', dueAt: '2027-05-31T16:00:00.000Z', notify: ['UNIT_HEAD', 'OFFICE', 'LEADER'] } }, name);
    expect(supervise).toMatchObject({ kind: 'ESCALATION', urgent: true, title: '【督办】环境卫生专项整治已到期，总结尚未报送', audience: { roles: ['OFFICE', 'LEADER'], unitCode: 'HWS', unitRoles: ['UNIT_HEAD'] } });
    const [asked] = specialDriveNotifications({ streamId: 'special-drive:c:SANITATION', type: 'SpecialDriveSummarySubmitted', data: { ...about, text: '完成', attachments: [], resubmission: false } }, name);
    expect(asked).toMatchObject({ kind: 'APPROVAL_REQUEST', title: '【待审定】街道环卫所报送环境卫生专项整治总结', audience: { roles: ['LEADER'] } });
    expect(specialDriveNotifications({ streamId: 'special-drive:c:SANITATION', type: 'SpecialDriveLaunched', data: about }, name)).toEqual([]);
  });
});
