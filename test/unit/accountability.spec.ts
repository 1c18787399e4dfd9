// 问责 as a decision (issue 16): the office proposes once the ladder has reached ACCOUNTABILITY, a leader approves or
// returns; refused steps carry a stable code and a Chinese message and record nothing; the fold settles the decision.
import { decide } from '../../workflows/indicator-task/indicator-task.decide';
import { evolve } from '../../workflows/indicator-task/indicator-task.evolve';
import type { IndicatorTaskCommand, IndicatorTaskState } from '../../workflows/indicator-task/indicator-task.types';
import { decideItem, allowedItemAccountabilityActions } from '../../workflows/rectification-item/rectification-item.decide';
import { evolveItem, initialItemState } from '../../workflows/rectification-item/rectification-item.evolve';
import type { RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import { formText, targetText, type AccountabilityCommand } from '../../workflows/shared/accountability';
import type { Actor } from '../../workflows/shared/actor.types';
import { LEADER, NOW, OFFICE, OWN_UNIT, OWN_UNIT_HEAD, SUPERVISOR, stateOf } from '../support/indicator-task.fixtures';

const LEADER_2: Actor = { userId: 'user:leader2', displayName: '李副组长', role: 'LEADER', unitCode: null };
const DEADLINE = '2026-11-01T00:00:00.000Z';
const PROPOSE: AccountabilityCommand = { action: 'PROPOSE_ACCOUNTABILITY', unit: true, persons: [{ login: 'wtsq.head', displayName: '陈主任' }], form: 'CRITICISM_NOTICE', formNote: '', reason: '逾期未整改' };

const atTop = (overrides: Partial<IndicatorTaskState> = {}) => stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', escalationLevel: 'ACCOUNTABILITY', stageDueAt: DEADLINE, ...overrides });

/** Decides and, when accepted, folds: the state after, or the refusal. */
function step(state: IndicatorTaskState, actor: Actor, command: IndicatorTaskCommand) {
  const decision = decide(state, { actor, command }, NOW);
  if (!decision.ok) return { refused: decision.rejection, state };
  return { refused: null, state: decision.events.reduce((s, e) => evolve(s, e, { actorId: actor.userId, at: NOW }), state) };
}

describe('问责 decisions on an indicator task', () => {
  it('proposal → approval: the decision takes effect, with who proposed and who approved', () => {
    const proposed = step(atTop(), OFFICE, PROPOSE);
    expect(proposed.refused).toBeNull();
    expect(proposed.state.accountability).toEqual([expect.objectContaining({ status: 'PENDING', unitCode: OWN_UNIT, deadline: DEADLINE, proposedBy: OFFICE.userId })]);
    const approved = step(proposed.state, LEADER, { action: 'APPROVE_ACCOUNTABILITY', note: '同意' });
    expect(approved.state.accountability).toEqual([expect.objectContaining({ status: 'APPROVED', decidedBy: LEADER.userId, decisionNote: '同意' })]);
    // Approving twice: nothing is pending any more.
    expect(step(approved.state, LEADER_2, { action: 'APPROVE_ACCOUNTABILITY' }).refused).toEqual({ code: 'ILLEGAL_TRANSITION', message: '没有待审批的问责决定，不能批准问责决定' });
    // And the same deadline is not held to account twice.
    expect(step(approved.state, OFFICE, PROPOSE).refused?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('proposal → return: the office may propose again', () => {
    const proposed = step(atTop(), OFFICE, PROPOSE);
    const returned = step(proposed.state, LEADER, { action: 'RETURN_ACCOUNTABILITY', reason: '证据不足' });
    expect(returned.state.accountability?.[0]).toEqual(expect.objectContaining({ status: 'RETURNED', decisionNote: '证据不足' }));
    expect(step(returned.state, OFFICE, PROPOSE).refused).toBeNull();
  });

  it.each([
    ['before the ladder reaches 问责', atTop({ escalationLevel: 'INTERVIEW' }), OFFICE, PROPOSE, 'ILLEGAL_TRANSITION', '任务尚未到「问责」步骤，不能提出问责决定'],
    ['by a unit head', atTop(), OWN_UNIT_HEAD, PROPOSE, 'FORBIDDEN', '「单位负责人」无权执行「提出问责决定」'],
    ['by a supervisor', atTop(), SUPERVISOR, PROPOSE, 'FORBIDDEN', '「督查检查组」无权执行「提出问责决定」'],
    ['an approval by the office', atTop(), OFFICE, { action: 'APPROVE_ACCOUNTABILITY' }, 'FORBIDDEN', '「创建办」无权执行「批准问责决定」'],
    ['an approval with nothing proposed', atTop(), LEADER, { action: 'APPROVE_ACCOUNTABILITY' }, 'ILLEGAL_TRANSITION', '没有待审批的问责决定，不能批准问责决定'],
    ['an empty reason', atTop(), OFFICE, { ...PROPOSE, reason: '  ' }, 'BAD_USER_INPUT', '请填写问责理由'],
    ['an oversized reason', atTop(), OFFICE, { ...PROPOSE, reason: '字'.repeat(1001) }, 'BAD_USER_INPUT', '问责理由不能超过1000字'],
    ['a huge reason', atTop(), OFFICE, { ...PROPOSE, reason: 'x'.repeat(5_000_000) }, 'BAD_USER_INPUT', '问责理由不能超过1000字'],
    ['control characters', atTop(), OFFICE, { ...PROPOSE, reason: '逾期\u0007未整改' }, 'BAD_USER_INPUT', '问责理由不能包含控制字符'],
    ['OTHER without a description', atTop(), OFFICE, { ...PROPOSE, form: 'OTHER' }, 'BAD_USER_INPUT', '请填写其他问责方式的说明'],
    ['an unknown form', atTop(), OFFICE, { ...PROPOSE, form: 'FINE' }, 'BAD_USER_INPUT', '请选择问责方式（通报批评、约谈、诫勉谈话、其他）'],
    ['nobody held to account', atTop(), OFFICE, { ...PROPOSE, unit: false, persons: [] }, 'BAD_USER_INPUT', '请选择问责对象：责任单位和/或该单位的人员'],
    ['too many persons', atTop(), OFFICE, { ...PROPOSE, persons: Array.from({ length: 10_000 }, (_, i) => ({ login: `p${i}`, displayName: `人员${i}` })) }, 'BAD_USER_INPUT', '问责人员最多20人'],
    ['a person twice', atTop(), OFFICE, { ...PROPOSE, persons: [PROPOSE.persons[0], PROPOSE.persons[0]] }, 'BAD_USER_INPUT', '人员「陈主任」重复'],
  ] as const)('refuses %s, recording nothing', (_what, state, actor, command, code, message) => {
    const decision = decide(state, { actor, command: command as IndicatorTaskCommand }, NOW);
    expect(decision).toEqual({ ok: false, rejection: expect.objectContaining({ code, message }) });
  });

  it('a pending proposal cannot be proposed again, nor approved by whoever proposed it', () => {
    const proposed = step(atTop(), OFFICE, PROPOSE).state;
    expect(step(proposed, OFFICE, PROPOSE).refused).toEqual({ code: 'ILLEGAL_TRANSITION', message: '已有问责决定在等待领导审批，不能重复提出' });
    // A leader's own proposal does not exist (the office proposes); the rule still holds for the record.
    const ownProposal = { ...proposed, accountability: proposed.accountability!.map((d) => ({ ...d, proposedBy: LEADER.userId })) };
    expect(step(ownProposal, LEADER, { action: 'APPROVE_ACCOUNTABILITY' }).refused?.code).toBe('FORBIDDEN');
  });

  it('words for messages and reports', () => {
    expect(formText('OTHER', '取消年度评优')).toBe('其他（取消年度评优）');
    expect(formText('ADMONITION', '')).toBe('诫勉谈话');
    expect(targetText('外滩社区', { unit: true, persons: [{ login: 'a', displayName: '张三' }, { login: 'b', displayName: '李四' }] })).toBe('外滩社区及张三、李四');
    expect(targetText('外滩社区', { unit: false, persons: [{ login: 'a', displayName: '张三' }] })).toBe('张三');
  });
});

describe('问责 decisions on a rectification item', () => {
  const dispatched = (overrides: Partial<RectificationItemState> = {}): RectificationItemState => ({
    ...initialItemState({ itemId: 'i1', campaignId: 'c1' }, NOW),
    state: 'RECTIFYING',
    unitCode: OWN_UNIT,
    dueAt: DEADLINE,
    escalationLevel: 'ACCOUNTABILITY',
    ...overrides,
  });

  it('proposal → approval on the item stream; the board offers each step to whom it belongs', () => {
    expect(allowedItemAccountabilityActions(dispatched(), OFFICE)).toEqual(['PROPOSE_ACCOUNTABILITY']);
    expect(allowedItemAccountabilityActions(dispatched(), LEADER)).toEqual([]);
    const proposed = decideItem(dispatched(), { actor: OFFICE, command: PROPOSE }, NOW);
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    expect(proposed.events).toEqual([{ type: 'AccountabilityProposed', data: expect.objectContaining({ unitCode: OWN_UNIT, deadline: DEADLINE, form: 'CRITICISM_NOTICE' }) }]);
    const pending = evolveItem(dispatched(), proposed.events[0], { actorId: OFFICE.userId, at: NOW });
    expect(allowedItemAccountabilityActions(pending, LEADER)).toEqual(['APPROVE_ACCOUNTABILITY', 'RETURN_ACCOUNTABILITY']);
    const approved = decideItem(pending, { actor: LEADER, command: { action: 'APPROVE_ACCOUNTABILITY' } }, NOW);
    expect(approved).toEqual({ ok: true, events: [{ type: 'AccountabilityApproved', data: { note: '' } }] });
  });

  it('refuses before 问责, on a closed item, and a unit head', () => {
    expect(decideItem(dispatched({ escalationLevel: 'SUPERVISE' }), { actor: OFFICE, command: PROPOSE }, NOW)).toEqual({
      ok: false,
      rejection: { code: 'ILLEGAL_TRANSITION', message: '整改问题尚未到「问责」步骤，不能提出问责决定' },
    });
    expect(decideItem(dispatched({ state: 'CLOSED' }), { actor: OFFICE, command: PROPOSE }, NOW)).toEqual({ ok: false, rejection: expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }) });
    expect(decideItem(dispatched(), { actor: OWN_UNIT_HEAD, command: PROPOSE }, NOW)).toEqual({ ok: false, rejection: expect.objectContaining({ code: 'FORBIDDEN' }) });
  });
});
