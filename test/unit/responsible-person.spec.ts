// The 责任人 of a task and of an item (issue 16): who may name one, what is refused (and then records nothing), what
// the event holds, and that a change of unit clears the person.
import { decide, allowedSideActions } from '../../workflows/indicator-task/indicator-task.decide';
import { evolve, initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import { checkItem, decideItem, allowedItemActions } from '../../workflows/rectification-item/rectification-item.decide';
import { evolveItem, initialItemState } from '../../workflows/rectification-item/rectification-item.evolve';
import type { RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import type { Actor } from '../../workflows/shared/actor.types';
import type { Decision } from '../../workflows/shared/decision.types';
import { ACTORS, NOW, OFFICE, OTHER_UNIT, OWN_UNIT, OWN_UNIT_HEAD, OWN_UNIT_MEMBER, SUPERVISOR, stateOf } from '../support/indicator-task.fixtures';

const assign = (login: unknown, name: unknown = '李四', unitCode: unknown = OWN_UNIT) => ({ action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode, login, name }) as never;

function rejection<E>(decision: Decision<E>) {
  if (decision.ok) throw new Error(`accepted: ${JSON.stringify(decision.events)}`);
  return decision.rejection;
}

describe('the 责任人 of an indicator task', () => {
  const task = stateOf({ stage: 'RECTIFICATION' });

  it('is named by the unit head of the task or by the office, and the event says who was named before', () => {
    for (const actor of [OWN_UNIT_HEAD, OFFICE]) {
      const decision = decide(task, { actor, command: assign('li.si') }, NOW);
      expect(decision).toEqual({ ok: true, events: [{ type: 'ResponsiblePersonAssigned', data: { login: 'li.si', name: '李四', previousLogin: null } }] });
    }
    const named = { ...task, responsiblePerson: { login: 'li.si', name: '李四' } };
    expect(decide(named, { actor: OWN_UNIT_HEAD, command: assign('zhang.san', '张三') }, NOW)).toEqual({
      ok: true,
      events: [{ type: 'ResponsiblePersonAssigned', data: { login: 'zhang.san', name: '张三', previousLogin: 'li.si' } }],
    });
    expect(allowedSideActions(task, OWN_UNIT_HEAD)).toContain('ASSIGN_RESPONSIBLE_PERSON');
    expect(allowedSideActions(task, OWN_UNIT_MEMBER)).not.toContain('ASSIGN_RESPONSIBLE_PERSON');
  });

  it.each([
    ['a unit member', OWN_UNIT_MEMBER, 'FORBIDDEN'],
    ["another unit's head", ACTORS.OTHER_UNIT_HEAD, 'FORBIDDEN'],
    ["the lead unit's head", ACTORS.LEAD_UNIT_HEAD, 'FORBIDDEN'],
    ['a supervisor', SUPERVISOR, 'FORBIDDEN'],
  ] as [string, Actor, string][])('is refused to %s', (_who, actor, code) => {
    expect(rejection(decide(task, { actor, command: assign('li.si') }, NOW)).code).toBe(code);
  });

  it.each([
    ['an empty login', assign('  ')],
    ['a login that is not text', assign(42)],
    ['a login longer than 64 characters', assign('x'.repeat(65))],
    ['an empty name', assign('li.si', ' ')],
    ['a name longer than 100 characters', assign('li.si', '名'.repeat(101))],
    ['a formula in the login', assign('=HYPERLINK("http://x")'.repeat(4))],
  ])('refuses %s in Chinese, recording nothing', (_what, command) => {
    const refused = rejection(decide(task, { actor: OWN_UNIT_HEAD, command }, NOW));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a person for the unit the task had before it was reassigned, and the person already named', () => {
    expect(rejection(decide(task, { actor: OFFICE, command: assign('li.si', '李四', OTHER_UNIT) }, NOW))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('责任单位已变更') });
    const named = { ...task, responsiblePerson: { login: 'li.si', name: '李四' } };
    expect(rejection(decide(named, { actor: OWN_UNIT_HEAD, command: assign('li.si') }, NOW)).message).toBe('该人员已是本任务的责任人');
  });

  it('comes from the creation event when the breakdown named one, is kept, and is cleared when the task moves to another unit', () => {
    const meta = { actorId: OFFICE.userId, at: NOW };
    const input = { taskId: 't', campaignId: 'c', indicatorCode: 'A1', unitCode: OWN_UNIT, leadUnitCode: 'XCB', dueAt: '2027-01-31T15:59:59.000Z' };
    const created: IndicatorTaskEvent = { type: 'IndicatorTaskCreated', data: { ...input, policy: initialState(input).policy, responsiblePerson: { login: 'li.si', name: '李四' } } };
    let s = evolve(initialState(input), created, meta);
    expect(s.responsiblePerson).toEqual({ login: 'li.si', name: '李四' });
    // An old creation event without the field: nobody named.
    const { responsiblePerson: _none, ...oldData } = created.data;
    expect(evolve(initialState(input), { type: 'IndicatorTaskCreated', data: oldData }, meta).responsiblePerson).toBeNull();
    s = evolve(s, { type: 'ResponsiblePersonAssigned', data: { login: 'zhang.san', name: '张三', previousLogin: 'li.si' } }, meta);
    expect(s.responsiblePerson).toEqual({ login: 'zhang.san', name: '张三' });
    s = evolve(s, { type: 'TaskReassigned', data: { unitCode: OTHER_UNIT, previousUnitCode: OWN_UNIT, reason: '职责调整' } }, meta);
    expect(s.responsiblePerson).toBeNull();
    expect(s.unitCode).toBe(OTHER_UNIT);
  });
});

describe('the 责任人 of a rectification item', () => {
  const HEAD: Actor = { userId: 'u:wtsq.head', displayName: '外滩社区负责人', role: 'UNIT_HEAD', unitCode: OWN_UNIT };
  const OTHER_HEAD: Actor = { userId: 'u:bjsq.head', displayName: '滨江社区负责人', role: 'UNIT_HEAD', unitCode: OTHER_UNIT };
  const MEMBER: Actor = { userId: 'u:wtsq', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: OWN_UNIT };
  const item = (overrides: Partial<RectificationItemState> = {}): RectificationItemState => ({
    ...initialItemState({ itemId: 'rectification-item:c:1', campaignId: 'c' }, NOW),
    state: 'RECTIFYING',
    unitCode: OWN_UNIT,
    dueAt: '2027-01-10T00:00:00.000Z',
    version: 3,
    ...overrides,
  });

  it('is named by the unit head or the office while the unit holds the item, as a side action beside the lifecycle', () => {
    for (const actor of [HEAD, OFFICE]) {
      expect(decideItem(item(), { actor, command: assign('li.si') }, NOW)).toEqual({
        ok: true,
        events: [{ type: 'ResponsiblePersonAssigned', data: { login: 'li.si', name: '李四', previousLogin: null } }],
      });
    }
    expect(allowedItemActions(item(), HEAD)).not.toContain('ASSIGN_RESPONSIBLE_PERSON');
    expect(checkItem(item(), HEAD, 'ASSIGN_RESPONSIBLE_PERSON')).toBeNull();
  });

  it("is refused to a member, to another unit's head, before dispatch and after closing", () => {
    expect(rejection(decideItem(item(), { actor: MEMBER, command: assign('li.si') }, NOW)).code).toBe('FORBIDDEN');
    expect(rejection(decideItem(item(), { actor: OTHER_HEAD, command: assign('li.si') }, NOW)).code).toBe('FORBIDDEN');
    expect(rejection(decideItem(item({ state: 'REPORTED', unitCode: null }), { actor: OFFICE, command: assign('li.si') }, NOW)).code).toBe('ILLEGAL_TRANSITION');
    expect(rejection(decideItem(item({ state: 'CLOSED' }), { actor: OFFICE, command: assign('li.si') }, NOW)).code).toBe('ILLEGAL_TRANSITION');
    expect(rejection(decideItem(item(), { actor: HEAD, command: assign('x'.repeat(65)) }, NOW)).code).toBe('BAD_USER_INPUT');
  });

  it('is cleared when the dispatch is given back or made again', () => {
    const meta = { actorId: OFFICE.userId, at: NOW };
    const named = evolveItem(item(), { type: 'ResponsiblePersonAssigned', data: { login: 'li.si', name: '李四', previousLogin: null } }, meta);
    expect(named.responsiblePerson).toEqual({ login: 'li.si', name: '李四' });
    const back = evolveItem(named, { type: 'ItemDispatchReturnApproved', data: { note: '', previousUnitCode: OWN_UNIT } }, meta);
    expect(back.responsiblePerson).toBeNull();
    const again = evolveItem({ ...named, state: 'REPORTED' }, { type: 'ItemDispatched', data: { unitCode: OTHER_UNIT, dueAt: '2027-01-10T00:00:00.000Z', note: '' } }, meta);
    expect(again.responsiblePerson).toBeNull();
  });
});
