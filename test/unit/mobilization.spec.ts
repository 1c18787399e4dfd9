// Mobilization (动员部署, issue 19), the pure parts: who may act on a unit's response and when, what a submission
// must look like (hostile inputs refused in Chinese, in linear time), how a response folds, what is missing, the
// 提醒 → 催办 → 督办 ladder of a missing submission, which response workflows an issue starts, and the inbox rules.
import { responsesToStart } from '../../src/platform/projections/mobilization.projection';
import { notificationsFor } from '../../src/platform/projections/notification-rules';
import type { StoredEvent } from '../../src/platform/event-store/event-store.types';
import { canTake, checkGroup, decideResponse, missingParts, responseFinished } from '../../workflows/mobilization/mobilization.decide';
import type { MobilizationResponseEvent } from '../../workflows/mobilization/mobilization.events';
import { evolveResponse, initialResponseState } from '../../workflows/mobilization/mobilization.evolve';
import { mobilizationResponseWorkflowId } from '../../workflows/mobilization/mobilization.messages';
import { nextResponseTimer, responseTimerEvent } from '../../workflows/mobilization/mobilization.schedule';
import { MAX_GROUP_MEMBERS, type MobilizationResponseState, type ResponseCommand } from '../../workflows/mobilization/mobilization.types';
import type { Actor } from '../../workflows/shared/actor.types';

const member: Actor = { userId: 'u-member', displayName: '张科员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const head: Actor = { userId: 'u-head', displayName: '王主任', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const otherUnit: Actor = { userId: 'u-other', displayName: '李科员', role: 'UNIT_MEMBER', unitCode: 'BJSQ' };
const office: Actor = { userId: 'u-office', displayName: '创建办', role: 'OFFICE', unitCode: null };
const supervisor: Actor = { userId: 'u-sup', displayName: '督查组', role: 'SUPERVISOR', unitCode: null };
const DUE = '2027-03-31T16:00:00.000Z';
const FILE = { sha256: 'a'.repeat(64), name: '外滩社区创文工作实施方案.pdf', size: 1234, mimeType: 'application/pdf' };
const GROUP = { leader: '王主任', members: ['张科员', '李干事'], phone: '13812345678' };

let clock = Date.parse('2027-03-01T00:00:00.000Z');
function opened(requiresPlan = true, requiresGroup = true): MobilizationResponseState {
  return evolveResponse(
    initialResponseState('mobilization-resp-d1-WTSQ'),
    { type: 'MobilizationResponseOpened', data: { documentId: 'mobilization-doc-d1', campaignId: 'c1', unitCode: 'WTSQ', title: '创文动员实施方案', requiresPlan, requiresGroup, dueAt: DUE } },
    { actorId: 'system', at: '2027-03-01T00:00:00.000Z' },
  );
}

function act(state: MobilizationResponseState, actor: Actor, command: ResponseCommand): MobilizationResponseState {
  const decision = decideResponse(state, { command, actor });
  if (!decision.ok) throw new Error(`${decision.rejection.code}: ${decision.rejection.message}`);
  clock += 3_600_000;
  return decision.events.reduce((s, e: MobilizationResponseEvent) => evolveResponse(s, e, { actorId: actor.userId, at: new Date(clock).toISOString() }), state);
}

function refusal(state: MobilizationResponseState, actor: Actor, command: unknown) {
  const decision = decideResponse(state, { command: command as ResponseCommand, actor });
  if (decision.ok) throw new Error('accepted');
  return decision.rejection;
}

describe('a unit\'s response', () => {
  it('goes 签收 → plan → group → 待审核 → 退回 → resubmitted → 通过, and is then finished', () => {
    let s = opened();
    expect(missingParts(s)).toEqual(['ACKNOWLEDGE', 'PLAN', 'GROUP']);
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: '方案' })).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('请先签收') });
    s = act(s, member, { action: 'ACKNOWLEDGE', note: '收到' });
    expect(refusal(s, head, { action: 'ACKNOWLEDGE' }).code).toBe('ILLEGAL_TRANSITION');
    s = act(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: '  成立专班，分三阶段推进  ' });
    expect([s.review, s.plan?.summary]).toEqual(['NONE', '成立专班，分三阶段推进']);
    expect(refusal(s, office, { action: 'APPROVE' }).message).toContain('尚未提交全部材料');
    s = act(s, head, { action: 'REGISTER_GROUP', group: GROUP });
    expect(s.review).toBe('SUBMITTED');
    expect(missingParts(s)).toEqual([]);
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: '改' }).message).toContain('等待创建办审核');
    expect(refusal(s, office, { action: 'RETURN', reason: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    s = act(s, office, { action: 'RETURN', reason: '方案缺少时间节点' });
    expect([s.review, s.returnReason, s.returns]).toEqual(['RETURNED', '方案缺少时间节点', 1]);
    expect(missingParts(s)).toEqual(['PLAN', 'GROUP']);
    s = act(s, member, { action: 'SUBMIT_PLAN', file: { ...FILE, sha256: 'b'.repeat(64) }, summary: '补充了时间节点' });
    expect(s.review).toBe('SUBMITTED');
    s = act(s, office, { action: 'APPROVE', note: '同意' });
    expect([s.review, s.returnReason, responseFinished(s)]).toEqual(['APPROVED', null, true]);
    expect(refusal(s, member, { action: 'REGISTER_GROUP', group: GROUP }).message).toContain('已审核通过');
  });

  it('asked only for 签收, is finished once acknowledged', () => {
    let s = opened(false, false);
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: 'x' }).code).toBe('ILLEGAL_TRANSITION');
    s = act(s, head, { action: 'ACKNOWLEDGE' });
    expect([responseFinished(s), missingParts(s)]).toEqual([true, []]);
  });

  it('is the named unit\'s own: other units, the office and the supervisors cannot act for it, and the office alone reviews', () => {
    const s = opened();
    expect(refusal(s, otherUnit, { action: 'ACKNOWLEDGE' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('其他单位') });
    expect(refusal(s, office, { action: 'ACKNOWLEDGE' }).code).toBe('FORBIDDEN');
    expect(refusal(s, { ...member, unitCode: '  ' }, { action: 'ACKNOWLEDGE' }).code).toBe('FORBIDDEN');
    expect(refusal(s, supervisor, { action: 'APPROVE' }).code).toBe('FORBIDDEN');
    expect(refusal(s, head, { action: 'APPROVE' }).code).toBe('FORBIDDEN');
    expect(canTake(s, member, 'ACKNOWLEDGE')).toBe(true);
    expect(canTake(s, otherUnit, 'ACKNOWLEDGE')).toBe(false);
    expect(refusal(initialResponseState('x'), { ...member, unitCode: '' }, { action: 'ACKNOWLEDGE' }).code).toBe('FORBIDDEN');
    expect(refusal(s, member, { action: 'DELETE' }).code).toBe('BAD_USER_INPUT');
    expect(refusal(s, member, null).code).toBe('BAD_USER_INPUT');
  });

  it('refuses a stale version', () => {
    const decision = decideResponse(opened(), { command: { action: 'ACKNOWLEDGE' }, actor: member, expectedVersion: 7 });
    expect(decision.ok ? null : decision.rejection.code).toBe('CONFLICT');
  });
});

describe('hostile inputs', () => {
  const acked = () => act(opened(), member, { action: 'ACKNOWLEDGE' });

  it('refuses oversized, injected and malformed plans', () => {
    const s = acked();
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: '长'.repeat(2001) })).toMatchObject({ field: 'summary', message: expect.stringContaining('2000') });
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: '正常\u001b[31m红字' }).message).toContain('控制字符');
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: { ...FILE, sha256: '../../etc/passwd' }, summary: 'x' }).field).toBe('fileId');
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: null, summary: 'x' }).field).toBe('fileId');
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: 42 }).field).toBe('summary');
  });

  it('checks the group: leader, bounded members, a real phone number', () => {
    expect(checkGroup(GROUP)).toBeNull();
    expect(checkGroup({ ...GROUP, phone: '021-63211234' })).toBeNull();
    expect(checkGroup({ ...GROUP, leader: '' })?.field).toBe('leader');
    expect(checkGroup({ ...GROUP, leader: '王'.repeat(31) })?.field).toBe('leader');
    expect(checkGroup({ ...GROUP, leader: '王\n<script>' })?.field).toBe('leader');
    expect(checkGroup({ ...GROUP, members: [] })?.field).toBe('members');
    expect(checkGroup({ ...GROUP, members: Array.from({ length: MAX_GROUP_MEMBERS + 1 }, (_, i) => `成员${i}`) })?.message).toContain(`${MAX_GROUP_MEMBERS}`);
    expect(checkGroup({ ...GROUP, members: ['张三', 7] })?.field).toBe('members');
    expect(checkGroup({ ...GROUP, members: 'x' })?.field).toBe('members');
    for (const phone of ['12345', '1381234567a', '138123456789', "13812345678' or 1=1", '1'.repeat(10_000), 13812345678]) expect(checkGroup({ ...GROUP, phone })?.field).toBe('phone');
    expect(checkGroup(null)?.field).toBe('group');
  });

  it('checks a long text in time linear in its size', () => {
    const s = acked();
    const huge = 'a'.repeat(5_000_000);
    const started = Date.now();
    expect(refusal(s, member, { action: 'SUBMIT_PLAN', file: FILE, summary: huge }).field).toBe('summary');
    expect(checkGroup({ ...GROUP, members: Array.from({ length: 100_000 }, () => huge) })?.field).toBe('members');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('the ladder of a missing submission', () => {
  const hours = { reminderBeforeHours: 24, superviseAfterHours: 48 };

  it('reminds a day before, urges at the deadline, supervises two days after, and stops', () => {
    let s = opened();
    const t1 = nextResponseTimer(s, hours, '2027-03-01T00:00:00.000Z');
    expect(t1).toEqual({ level: 'REMINDER', at: '2027-03-30T16:00:00.000Z' });
    s = evolveResponse(s, responseTimerEvent(s, t1!), { actorId: 'system', at: t1!.at });
    expect(nextResponseTimer(s, hours, t1!.at)).toEqual({ level: 'URGE', at: DUE });
    s = evolveResponse(s, responseTimerEvent(s, { level: 'URGE', at: DUE }), { actorId: 'system', at: DUE });
    const t3 = nextResponseTimer(s, hours, DUE);
    expect(t3).toEqual({ level: 'SUPERVISE', at: '2027-04-02T16:00:00.000Z' });
    const event = responseTimerEvent(s, t3!);
    expect(event.data).toMatchObject({ level: 'SUPERVISE', missing: ['ACKNOWLEDGE', 'PLAN', 'GROUP'], notify: ['UNIT_MEMBER', 'UNIT_HEAD', 'OFFICE'] });
    s = evolveResponse(s, event, { actorId: 'system', at: t3!.at });
    expect(nextResponseTimer(s, hours, t3!.at)).toBeNull();
  });

  it('skips the reminder once the deadline has passed, and waits for nothing once all is handed in', () => {
    const s = opened(false, false);
    expect(nextResponseTimer(s, hours, '2027-04-01T00:00:00.000Z')?.level).toBe('URGE');
    const done = act(s, member, { action: 'ACKNOWLEDGE' });
    expect(nextResponseTimer(done, hours, '2027-03-01T00:00:00.000Z')).toBeNull();
  });
});

describe('issuing starts one response per unit, and the inbox tells the right people', () => {
  const stored = (streamId: string, type: string, data: Record<string, unknown>): StoredEvent => ({
    position: '1', eventId: `e-${type}`, streamId, streamVersion: 1, type, data, metadata: {}, occurredAt: new Date('2027-03-01T00:00:00.000Z'),
  });

  it('writes one outbox row per unit, under an id made of the document and the unit', () => {
    const rows = responsesToStart([
      stored('mobilization-doc-d1', 'MobilizationDocumentIssued', { campaignId: 'c1', kind: 'IMPLEMENTATION_PLAN', title: 'T', summary: 'S', file: FILE, unitCodes: ['WTSQ', 'BJSQ'], requiresPlan: true, requiresGroup: false, dueAt: DUE }),
      stored('official-notice-x', 'NoticeIssued', {}),
    ]);
    expect(rows.map((r) => r.workflowId)).toEqual(['mobilization-resp-d1-WTSQ', 'mobilization-resp-d1-BJSQ']);
    expect(mobilizationResponseWorkflowId('mobilization-doc-d1', 'WTSQ')).toBe('mobilization-resp-d1-WTSQ');
    expect(rows[0].args[0]).toMatchObject({ documentId: 'mobilization-doc-d1', unitCode: 'WTSQ', requiresPlan: true, requiresGroup: false, dueAt: DUE });
  });

  it('tells the unit of a new document and of 催办, the office of a submission and of 督办', () => {
    const stream = 'mobilization-resp-d1-WTSQ';
    const openedEvent = { streamId: stream, type: 'MobilizationResponseOpened', data: { documentId: 'mobilization-doc-d1', campaignId: 'c1', unitCode: 'WTSQ', title: '创文动员实施方案', requiresPlan: true, requiresGroup: true, dueAt: DUE }, occurredAt: new Date() };
    const name = (c: string) => (c === 'WTSQ' ? '外滩社区' : c);
    const [first] = notificationsFor(openedEvent, null, name);
    expect(first).toMatchObject({ kind: 'ITEM_ASSIGNED', audience: { unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] } });
    expect(first.title).toContain('待签收');
    const ctx = { kind: 'mobilization' as const, campaignId: 'c1', unitCode: 'WTSQ', title: '创文动员实施方案', documentId: 'mobilization-doc-d1' };
    const [plan] = notificationsFor({ streamId: stream, type: 'MobilizationPlanSubmitted', data: { unitCode: 'WTSQ', file: FILE, summary: '方案' }, occurredAt: new Date() }, ctx, name);
    expect(plan).toMatchObject({ kind: 'APPROVAL_REQUEST', audience: { roles: ['OFFICE'] } });
    const [urge] = notificationsFor({ streamId: stream, type: 'MobilizationEscalated', data: { unitCode: 'WTSQ', level: 'URGE', dueAt: DUE, missing: ['PLAN'], notify: ['UNIT_MEMBER', 'UNIT_HEAD'] }, occurredAt: new Date(DUE) }, ctx, name);
    expect(urge).toMatchObject({ kind: 'ESCALATION', urgent: false, audience: { roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] } });
    expect(urge.text).toContain('工作实施方案');
    const [sup] = notificationsFor({ streamId: stream, type: 'MobilizationEscalated', data: { unitCode: 'WTSQ', level: 'SUPERVISE', dueAt: DUE, missing: ['PLAN'], notify: ['UNIT_MEMBER', 'UNIT_HEAD', 'OFFICE'] }, occurredAt: new Date('2027-04-03T00:00:00.000Z') }, ctx, name);
    expect(sup).toMatchObject({ urgent: true, audience: { roles: ['OFFICE'] } });
    const [ret] = notificationsFor({ streamId: stream, type: 'MobilizationReturned', data: { unitCode: 'WTSQ', reason: '缺少时间节点' }, occurredAt: new Date() }, ctx, name);
    expect(ret).toMatchObject({ kind: 'RETURNED', audience: { unitCode: 'WTSQ' } });
  });
});
