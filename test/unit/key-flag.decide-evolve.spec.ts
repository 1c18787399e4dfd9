// 重点和难点 (issue 20) as pure rules: who may mark an indicator task or a rectification item, what a mark records, how
// the fold keeps it, and that a refusal records nothing — the workflows' validators and the cards use these.
import { decide } from '../../workflows/indicator-task/indicator-task.decide';
import { evolve } from '../../workflows/indicator-task/indicator-task.evolve';
import { decideItem } from '../../workflows/rectification-item/rectification-item.decide';
import { evolveItem, initialItemState } from '../../workflows/rectification-item/rectification-item.evolve';
import type { RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import type { KeyFlagCommand } from '../../workflows/shared/key-flag';
import { EVERYONE, LEADER, NOW, OFFICE, OWN_UNIT_HEAD, SUPERVISOR, meta, stateOf } from '../support/indicator-task.fixtures';

const MARK: KeyFlagCommand = { action: 'SET_KEY_FLAG', kind: 'KEY', reason: ' 群众反映集中 ' };

describe('the key/difficult mark on an indicator task', () => {
  it('lets the office and the leading group mark, and nobody else', () => {
    const allowed = EVERYONE.filter((actor) => decide(stateOf(), { actor, command: MARK }, NOW).ok).map((a) => a.role);
    expect(allowed).toEqual(['LEADER', 'OFFICE']);
    const refused = decide(stateOf(), { actor: OWN_UNIT_HEAD, command: MARK }, NOW);
    expect(refused).toEqual({ ok: false, rejection: { code: 'FORBIDDEN', message: '「单位负责人」无权执行「标记重点难点」' } });
  });

  it('records the mark trimmed, folds it, changes it and clears it', () => {
    const first = decide(stateOf(), { actor: OFFICE, command: MARK }, NOW);
    expect(first).toEqual({ ok: true, events: [{ type: 'KeyFlagSet', data: { kind: 'KEY', reason: '群众反映集中', previousKind: null } }] });
    const marked = evolve(stateOf(), first.ok ? first.events[0] : (undefined as never), meta(OFFICE));
    expect(marked.keyFlag).toEqual({ kind: 'KEY', reason: '群众反映集中', flaggedBy: OFFICE.userId, flaggedAt: NOW });
    // The same mark again is refused; another kind replaces it.
    expect(decide(marked, { actor: LEADER, command: MARK }, NOW)).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'kind' } });
    const both = decide(marked, { actor: LEADER, command: { action: 'SET_KEY_FLAG', kind: 'BOTH', reason: '群众反映集中' } }, NOW);
    expect(both).toMatchObject({ ok: true, events: [{ data: { kind: 'BOTH', previousKind: 'KEY' } }] });
    const cleared = decide(marked, { actor: OFFICE, command: { action: 'CLEAR_KEY_FLAG' } }, NOW);
    expect(cleared).toEqual({ ok: true, events: [{ type: 'KeyFlagCleared', data: { kind: 'KEY', reason: '' } }] });
    expect(evolve(marked, cleared.ok ? cleared.events[0] : (undefined as never), meta(OFFICE)).keyFlag).toBeNull();
  });

  it('refuses hostile and pointless input, an archived task, and a stale version', () => {
    const cases: [KeyFlagCommand, string][] = [
      [{ action: 'SET_KEY_FLAG', kind: 'KEY', reason: '字'.repeat(501) }, '标记理由不能超过500字'],
      [{ action: 'SET_KEY_FLAG', kind: 'KEY', reason: '字'.repeat(1_000_000) }, '标记理由不能超过500字'],
      [{ action: 'SET_KEY_FLAG', kind: 'KEY', reason: '\u0007响铃' }, '标记理由不能包含控制字符'],
      [{ action: 'SET_KEY_FLAG', kind: 'KEY', reason: '' }, '请填写标记理由'],
      [{ action: 'SET_KEY_FLAG', kind: 'URGENT' as 'KEY', reason: '紧急' }, '请选择标记类型（重点、难点或重点难点）'],
      [{ action: 'CLEAR_KEY_FLAG' }, '任务没有重点难点标记，无需取消'],
    ];
    for (const [command, message] of cases) {
      const decision = decide(stateOf(), { actor: OFFICE, command }, NOW);
      expect(decision.ok ? null : decision.rejection.message).toBe(message);
    }
    expect(decide(stateOf({ stage: 'ARCHIVED' }), { actor: OFFICE, command: MARK }, NOW)).toMatchObject({ ok: false, rejection: { code: 'ILLEGAL_TRANSITION' } });
    expect(decide(stateOf(), { actor: OFFICE, command: MARK, expectedVersion: 99 }, NOW)).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
  });
});

describe('the key/difficult mark on a rectification item', () => {
  const item: RectificationItemState = { ...initialItemState({ itemId: 'rectification-item:c:1', campaignId: 'c' }, NOW), state: 'DISPATCHED', unitCode: 'WTSQ' };

  it('is the office’s and the leaders’ step, folded by the item; not on a closed item', () => {
    expect(decideItem(item, { actor: SUPERVISOR, command: MARK }, NOW)).toMatchObject({ ok: false, rejection: { code: 'FORBIDDEN' } });
    const set = decideItem(item, { actor: LEADER, command: { action: 'SET_KEY_FLAG', kind: 'DIFFICULT', reason: '多部门' } }, NOW);
    expect(set).toEqual({ ok: true, events: [{ type: 'KeyFlagSet', data: { kind: 'DIFFICULT', reason: '多部门', previousKind: null } }] });
    expect(evolveItem(item, set.ok ? set.events[0] : (undefined as never), meta(LEADER)).keyFlag?.kind).toBe('DIFFICULT');
    const closed = decideItem({ ...item, state: 'CLOSED' }, { actor: OFFICE, command: MARK }, NOW);
    expect(closed.ok ? null : closed.rejection.message).toBe('整改问题已办结，不能标记重点难点');
  });
});
