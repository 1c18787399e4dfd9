// The pure rules of units' monthly reports: who may do what in which state, the limits of a hand-in (checked in
// linear time, hostile input refused), late hand-ins, the ladder's times, the monthly report's status per unit,
// and the inbox's words.
import { checkUnitReport, decideUnitReport, textWithin } from '../../workflows/unit-report/unit-report.decide';
import { evolveUnitReport, initialUnitReportState } from '../../workflows/unit-report/unit-report.evolve';
import { nextUnitReportTimer } from '../../workflows/unit-report/unit-report.schedule';
import type { UnitReportCommand, UnitReportState } from '../../workflows/unit-report/unit-report.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { linkStatus } from '../../src/unit-report/unit-report.service';
import { unitReportDueAt } from '../../src/unit-report/unit-report.starter';
import { notificationsFor } from '../../src/platform/projections/notification-rules';

const MEMBER: Actor = { userId: 'u1', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const HEAD: Actor = { userId: 'u2', displayName: '外滩社区主任', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const OTHER: Actor = { userId: 'u3', displayName: '滨江社区', role: 'UNIT_HEAD', unitCode: 'BJSQ' };
const OFFICE: Actor = { userId: 'u4', displayName: '张霞', role: 'OFFICE', unitCode: null };
const LEADER: Actor = { userId: 'u5', displayName: '王书记', role: 'LEADER', unitCode: null };
const DUE = '2027-03-25T16:00:00.000Z';
const SUBMIT: UnitReportCommand = { action: 'SUBMIT', progress: '进展', problems: '', nextSteps: '打算', attachments: [] };

function opened(): UnitReportState {
  return evolveUnitReport(initialUnitReportState('unit-report:c:WTSQ:2027-03'), { type: 'UnitReportOpened', data: { campaignId: 'c', unitCode: 'WTSQ', month: '2027-03', dueAt: DUE, dueDay: 25 } }, { actorId: 'system', at: '2027-03-01T01:00:00.000Z' });
}

function apply(state: UnitReportState, actor: Actor, command: UnitReportCommand, at: string): UnitReportState {
  const decision = decideUnitReport(state, { command, actor });
  if (!decision.ok) throw new Error(decision.rejection.message);
  return decision.events.reduce((s, e) => evolveUnitReport(s, e, { actorId: actor.userId, at }), state);
}

describe('unit report rules', () => {
  it('lets the unit’s own people hand in, and only the office review', () => {
    const s = opened();
    expect(checkUnitReport(s, MEMBER, 'SUBMIT')).toBeNull();
    expect(checkUnitReport(s, HEAD, 'SUBMIT')).toBeNull();
    expect(checkUnitReport(s, OTHER, 'SUBMIT')?.code).toBe('FORBIDDEN');
    expect(checkUnitReport(s, OFFICE, 'SUBMIT')?.code).toBe('FORBIDDEN');
    expect(checkUnitReport(s, LEADER, 'ACCEPT')?.code).toBe('FORBIDDEN');
    expect(checkUnitReport(s, OFFICE, 'ACCEPT')?.code).toBe('ILLEGAL_TRANSITION');
    const submitted = apply(s, MEMBER, SUBMIT, '2027-03-20T00:00:00.000Z');
    expect(checkUnitReport(submitted, MEMBER, 'SUBMIT')?.code).toBe('ILLEGAL_TRANSITION');
    expect(checkUnitReport(submitted, OFFICE, 'RETURN')).toBeNull();
    const returned = apply(submitted, OFFICE, { action: 'RETURN', reason: '补充数据' }, '2027-03-21T00:00:00.000Z');
    expect(returned).toMatchObject({ state: 'RETURNED', returnReason: '补充数据' });
    const again = apply(returned, HEAD, SUBMIT, '2027-03-28T00:00:00.000Z');
    // Handed in on time first: a resubmission after the due time does not make it late.
    expect(again).toMatchObject({ state: 'SUBMITTED', submissions: 2, late: false });
    expect(apply(again, OFFICE, { action: 'ACCEPT' }, '2027-03-29T00:00:00.000Z')).toMatchObject({ state: 'ACCEPTED', acceptedBy: 'u4' });
  });

  it('marks a first hand-in after the due time late', () => {
    expect(apply(opened(), MEMBER, SUBMIT, '2027-03-26T00:00:00.000Z').late).toBe(true);
  });

  it('refuses hostile and oversized input, naming the field', () => {
    const s = opened();
    const refused = (command: unknown) => {
      const d = decideUnitReport(s, { command: command as UnitReportCommand, actor: MEMBER });
      return d.ok ? null : d.rejection;
    };
    expect(refused({ ...SUBMIT, progress: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'progress' });
    expect(refused({ ...SUBMIT, progress: '进'.repeat(5_001) })).toMatchObject({ field: 'progress' });
    expect(refused({ ...SUBMIT, nextSteps: 42 })).toMatchObject({ field: 'nextSteps' });
    expect(refused({ ...SUBMIT, attachments: 'x' })).toMatchObject({ field: 'attachments' });
    expect(refused({ ...SUBMIT, attachments: [{ sha256: '../../etc/passwd', name: 'a.jpg', size: 1, mimeType: 'image/jpeg' }] })).toMatchObject({ field: 'attachments' });
    expect(refused({ ...SUBMIT, attachments: [{ sha256: 'a'.repeat(64), name: 'a.jpg', size: 21 * 1024 * 1024, mimeType: 'image/jpeg' }] })).toMatchObject({ field: 'attachments' });
    expect(refused({ action: 'DELETE' })).toMatchObject({ field: 'action' });
    expect(refused(null)).toMatchObject({ field: 'action' });
    // Injected text is text: kept as written, never interpreted.
    expect(refused({ ...SUBMIT, progress: '<script>alert(1)</script> =cmd|"/c calc"!A1' })).toBeNull();
    // A long string is refused without counting it all.
    const started = Date.now();
    expect(textWithin('进'.repeat(5_000_000), 5_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('climbs 提醒 3 days before the due time, 催报 at it, 督办 3 days after, and skips 提醒 when already past', () => {
    const s = opened();
    expect(nextUnitReportTimer(s, '2027-03-01T00:00:00.000Z')).toEqual({ level: 'REMINDER', at: '2027-03-22T16:00:00.000Z' });
    expect(nextUnitReportTimer(s, '2027-03-26T00:00:00.000Z')).toEqual({ level: 'URGE', at: DUE });
    expect(nextUnitReportTimer({ ...s, escalationLevel: 'URGE' }, '2027-03-26T00:00:00.000Z')).toEqual({ level: 'SUPERVISE', at: '2027-03-28T16:00:00.000Z' });
    expect(nextUnitReportTimer({ ...s, escalationLevel: 'SUPERVISE' }, '2027-04-26T00:00:00.000Z')).toBeNull();
    expect(nextUnitReportTimer({ ...s, state: 'SUBMITTED' }, '2027-03-01T00:00:00.000Z')).toBeNull();
  });

  it('ends the due day at 24:00 in the campaign’s time zone, also on the 28th of February', () => {
    expect(unitReportDueAt('2027-03', 25, 'Asia/Shanghai')).toBe(DUE);
    expect(unitReportDueAt('2027-02', 28, 'Asia/Shanghai')).toBe('2027-02-28T16:00:00.000Z');
  });

  it('tells the monthly report whether each unit reported, late or not', () => {
    const s = opened();
    const before = new Date('2027-03-20T00:00:00.000Z');
    const after = new Date('2027-03-27T00:00:00.000Z');
    expect(linkStatus(null, after)).toBe('MISSING');
    expect(linkStatus(s, before)).toBe('OPEN');
    expect(linkStatus(s, after)).toBe('OVERDUE');
    expect(linkStatus(apply(s, MEMBER, SUBMIT, '2027-03-20T00:00:00.000Z'), after)).toBe('SUBMITTED');
    expect(linkStatus(apply(s, MEMBER, SUBMIT, '2027-03-26T00:00:00.000Z'), after)).toBe('LATE');
  });

  it('tells the unit of each step, the office of a hand-in, the unit of a return', () => {
    const at = new Date('2027-03-26T00:00:00.000Z');
    const about = { campaignId: 'c', unitCode: 'WTSQ', month: '2027-03' };
    const name = () => '外滩社区';
    const [urge] = notificationsFor({ streamId: 'unit-report:c:WTSQ:2027-03', type: 'UnitReportEscalated', data: { ...about, level: 'URGE', dueAt: DUE, notify: ['UNIT_MEMBER', 'UNIT_HEAD'] }, occurredAt: at }, null, name);
    expect(urge).toMatchObject({ kind: 'ESCALATION', title: '【催报】外滩社区2027年3月专题汇报已逾期未报送', audience: { roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] } });
    const [supervise] = notificationsFor({ streamId: 'unit-report:c:WTSQ:2027-03', type: 'UnitReportEscalated', data: { ...about, level: 'SUPERVISE', dueAt: DUE, notify: ['UNIT_HEAD', 'OFFICE'] }, occurredAt: at }, null, name);
    expect(supervise).toMatchObject({ urgent: true, audience: { roles: ['OFFICE'], unitRoles: ['UNIT_HEAD'] } });
    const [request] = notificationsFor({ streamId: 'unit-report:c:WTSQ:2027-03', type: 'UnitReportSubmitted', data: { ...about, progress: '进展', problems: '', nextSteps: '', attachments: [], resubmission: false }, occurredAt: at }, null, name);
    expect(request).toMatchObject({ kind: 'APPROVAL_REQUEST', audience: { roles: ['OFFICE'] } });
    const [returned] = notificationsFor({ streamId: 'unit-report:c:WTSQ:2027-03', type: 'UnitReportReturned', data: { ...about, reason: '补充' }, occurredAt: at }, null, name);
    expect(returned).toMatchObject({ kind: 'RETURNED', audience: { unitCode: 'WTSQ' } });
  });
});
