// The pure rules of a rectification item: who may do what in which state (written out by hand, not derived
// from the module's rule table), what each accepted action records, how events move the state, and when time
// acts (the escalation ladder and the re-check).
import { ITEM_ACTIONS, type ItemAction, type ItemCommand, DEFAULT_ITEM_POLICY, ITEM_STATES, placeKey, type ItemState, type RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import { allowedItemActions, decideItem } from '../../workflows/rectification-item/rectification-item.decide';
import { evolveItem, initialItemState } from '../../workflows/rectification-item/rectification-item.evolve';
import type { Decision } from '../../workflows/shared/decision.types';
import type { RectificationItemEvent } from '../../workflows/rectification-item/rectification-item.events';
import { nextItemTimer } from '../../workflows/rectification-item/rectification-item.schedule';
import type { Actor } from '../../workflows/shared/actor.types';

const SUPERVISOR: Actor = { userId: 'u:sup', displayName: '李督查', role: 'SUPERVISOR', unitCode: null };
const SUPERVISOR_2: Actor = { userId: 'u:sup2', displayName: '赵督查', role: 'SUPERVISOR', unitCode: null };
const OFFICE: Actor = { userId: 'u:office', displayName: '张霞', role: 'OFFICE', unitCode: null };
const LEADER: Actor = { userId: 'u:leader', displayName: '王组长', role: 'LEADER', unitCode: null };
const ARCHIVIST: Actor = { userId: 'u:arc', displayName: '陈档案', role: 'ARCHIVIST', unitCode: null };
const MEMBER: Actor = { userId: 'u:wtsq', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const HEAD: Actor = { userId: 'u:wtsq.head', displayName: '外滩社区负责人', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const OTHER: Actor = { userId: 'u:bjsq', displayName: '滨江社区工作人员', role: 'UNIT_MEMBER', unitCode: 'BJSQ' };
const PEOPLE = { SUPERVISOR, OFFICE, LEADER, ARCHIVIST, MEMBER, HEAD, OTHER };

const NOW = '2026-12-01T00:00:00.000Z';
const DUE = '2026-12-08T00:00:00.000Z';
const PHOTO = { sha256: 'c'.repeat(64), name: '整改后.jpg', size: 100, mimeType: 'image/jpeg' };

function stateOf(state: ItemState, overrides: Partial<RectificationItemState> = {}): RectificationItemState {
  const dispatched = state !== 'REPORTED';
  return {
    ...initialItemState({ itemId: 'rectification-item:c:1', campaignId: 'c' }, '2026-11-30T00:00:00.000Z'),
    area: 'SANITATION',
    location: { address: '外滩路12号', latitude: null, longitude: null },
    description: '垃圾满溢',
    reportedBy: SUPERVISOR.userId,
    state,
    unitCode: dispatched ? 'WTSQ' : null,
    dueAt: dispatched ? DUE : null,
    submission: state === 'SUBMITTED' ? { note: '已清理', photos: [PHOTO], submittedBy: MEMBER.userId, submittedAt: NOW } : null,
    recheckAt: state === 'VERIFIED' ? '2026-12-15T00:00:00.000Z' : null,
    version: 4,
    ...overrides,
  };
}

// Who may do what, by state, when nothing is pending. Written out from the glossary and the issue.
const EXPECTED: Record<ItemState, Partial<Record<keyof typeof PEOPLE, ItemAction[]>>> = {
  REPORTED: { SUPERVISOR: ['DISPATCH'], OFFICE: ['DISPATCH'] },
  DISPATCHED: { MEMBER: ['START_RECTIFICATION', 'REQUEST_EXTENSION', 'REQUEST_DISPATCH_RETURN'], HEAD: ['START_RECTIFICATION', 'REQUEST_EXTENSION', 'REQUEST_DISPATCH_RETURN'] },
  RECTIFYING: { MEMBER: ['SUBMIT_RECTIFICATION', 'REQUEST_EXTENSION', 'REQUEST_DISPATCH_RETURN'], HEAD: ['SUBMIT_RECTIFICATION', 'REQUEST_EXTENSION', 'REQUEST_DISPATCH_RETURN'] },
  SUBMITTED: { SUPERVISOR: ['VERIFY', 'RETURN'] },
  RETURNED: { MEMBER: ['SUBMIT_RECTIFICATION', 'REQUEST_EXTENSION'], HEAD: ['SUBMIT_RECTIFICATION', 'REQUEST_EXTENSION'] },
  VERIFIED: {},
  RECHECK: { SUPERVISOR: ['RECORD_RECHECK'] },
  CLOSED: {},
};

function eventsOf(decision: Decision<RectificationItemEvent>): RectificationItemEvent[] {
  if (!decision.ok) throw new Error(`refused: ${JSON.stringify(decision.rejection)}`);
  return decision.events;
}

function rejectionOf(decision: Decision<RectificationItemEvent>) {
  if (decision.ok) throw new Error(`accepted: ${JSON.stringify(decision.events)}`);
  return decision.rejection;
}

describe('allowedItemActions', () => {
  it.each(ITEM_STATES)('in %s offers exactly the expected actions to each person', (state) => {
    const item = stateOf(state);
    const actual = Object.fromEntries(Object.entries(PEOPLE).map(([k, actor]) => [k, allowedItemActions(item, actor)]));
    const expected = Object.fromEntries(Object.keys(PEOPLE).map((k) => [k, EXPECTED[state][k as keyof typeof PEOPLE] ?? []]));
    expect(actual).toEqual(expected);
  });

  it('offers the decision on a pending request to a supervisor other than the one who asked, and blocks the unit meanwhile', () => {
    const extension = stateOf('RECTIFYING', { pendingExtension: { requestedDueAt: '2026-12-20T00:00:00.000Z', reason: 'r', requestedBy: MEMBER.userId } });
    expect(allowedItemActions(extension, SUPERVISOR)).toEqual(['APPROVE_EXTENSION', 'REFUSE_EXTENSION']);
    expect(allowedItemActions(extension, MEMBER)).toEqual([]);
    const giveBack = stateOf('DISPATCHED', { pendingDispatchReturn: { reason: '非本单位', requestedBy: HEAD.userId } });
    expect(allowedItemActions(giveBack, SUPERVISOR)).toEqual(['APPROVE_DISPATCH_RETURN', 'REFUSE_DISPATCH_RETURN']);
    expect(allowedItemActions(giveBack, HEAD)).toEqual([]);
  });

  it('never lets the person who handed the fix in verify it', () => {
    const selfSubmitted = stateOf('SUBMITTED', { submission: { note: 'n', photos: [PHOTO], submittedBy: SUPERVISOR.userId, submittedAt: NOW } });
    expect(allowedItemActions(selfSubmitted, SUPERVISOR)).toEqual([]);
    expect(allowedItemActions(selfSubmitted, SUPERVISOR_2)).toEqual(['VERIFY', 'RETURN']);
    expect(rejectionOf(decideItem(selfSubmitted, { actor: SUPERVISOR, command: { action: 'VERIFY' } }, NOW)).code).toBe('FORBIDDEN');
  });

  it('lists every action in the rules', () => {
    expect([...ITEM_ACTIONS].sort()).toEqual(
      [
        'APPROVE_DISPATCH_RETURN', 'APPROVE_EXTENSION', 'ASSIGN_RESPONSIBLE_PERSON', 'DISPATCH', 'RECORD_RECHECK', 'REFUSE_DISPATCH_RETURN', 'REFUSE_EXTENSION', 'REPORT_DUPLICATE',
        'REQUEST_DISPATCH_RETURN', 'REQUEST_EXTENSION', 'RETURN', 'START_RECTIFICATION', 'SUBMIT_RECTIFICATION', 'VERIFY',
      ].sort(),
    );
  });
});

describe('decideItem and evolveItem', () => {
  const at = (actor: Actor, time = NOW) => ({ actorId: actor.userId, at: time });

  it('dispatches with the campaign’s default days when no due date is given', () => {
    const [event] = eventsOf(decideItem(stateOf('REPORTED'), { actor: OFFICE, command: { action: 'DISPATCH', unitCode: ' WTSQ ' } }, NOW));
    expect(event).toEqual({ type: 'ItemDispatched', data: { unitCode: 'WTSQ', dueAt: '2026-12-08T00:00:00.000Z', note: '' } });
    const after = evolveItem(stateOf('REPORTED'), event, at(OFFICE));
    expect(after).toMatchObject({ state: 'DISPATCHED', unitCode: 'WTSQ', dueAt: DUE, version: 5, stateEnteredAt: NOW });
  });

  it('refuses a due date in the past and a submission without after-photos', () => {
    expect(rejectionOf(decideItem(stateOf('REPORTED'), { actor: SUPERVISOR, command: { action: 'DISPATCH', unitCode: 'WTSQ', dueAt: '2026-11-01T00:00:00Z' } }, NOW))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dueAt',
    });
    expect(rejectionOf(decideItem(stateOf('RECTIFYING'), { actor: MEMBER, command: { action: 'SUBMIT_RECTIFICATION', note: '已清理', photos: [] } }, NOW))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'photos',
    });
  });

  it('records a submission with who handed it in, and a return keeps the reason', () => {
    const [submitted] = eventsOf(decideItem(stateOf('RECTIFYING'), { actor: HEAD, command: { action: 'SUBMIT_RECTIFICATION', note: ' 已清理 ', photos: [PHOTO] } }, NOW));
    const s = evolveItem(stateOf('RECTIFYING'), submitted, at(HEAD));
    expect(s).toMatchObject({ state: 'SUBMITTED', submission: { note: '已清理', photos: [PHOTO], submittedBy: HEAD.userId, submittedAt: NOW } });
    const [returned] = eventsOf(decideItem(s, { actor: SUPERVISOR, command: { action: 'RETURN', reason: '东门未清理' } }, NOW));
    expect(evolveItem(s, returned, at(SUPERVISOR))).toMatchObject({ state: 'RETURNED', returnReason: '东门未清理' });
  });

  it('verifies with the re-check a set number of days later; a passed re-check closes, a failed one relapses', () => {
    const [verified] = eventsOf(decideItem(stateOf('SUBMITTED'), { actor: SUPERVISOR, command: { action: 'VERIFY' } }, NOW));
    expect(verified).toEqual({ type: 'ItemVerified', data: { note: '', recheckAt: '2026-12-15T00:00:00.000Z' } });
    const recheck = stateOf('RECHECK');
    const [pass] = eventsOf(decideItem(recheck, { actor: SUPERVISOR, command: { action: 'RECORD_RECHECK', passed: true } }, NOW));
    expect(evolveItem(recheck, pass, at(SUPERVISOR))).toMatchObject({ state: 'CLOSED' });
    expect(rejectionOf(decideItem(recheck, { actor: SUPERVISOR, command: { action: 'RECORD_RECHECK', passed: false } }, NOW)).field).toBe('note');
    const [fail] = eventsOf(decideItem(recheck, { actor: SUPERVISOR, command: { action: 'RECORD_RECHECK', passed: false, note: '又见垃圾' } }, NOW));
    expect(evolveItem(recheck, fail, at(SUPERVISOR))).toMatchObject({ state: 'RECTIFYING', relapseCount: 1, dueAt: '2026-12-04T00:00:00.000Z', submission: null });
  });

  it('approves an extension by moving the due date and restarting the ladder; a dispatch return sends the item back to be dispatched', () => {
    const asked = stateOf('RECTIFYING', { escalationLevel: 'URGE', pendingExtension: { requestedDueAt: '2026-12-20T00:00:00.000Z', reason: 'r', requestedBy: MEMBER.userId } });
    const [approved] = eventsOf(decideItem(asked, { actor: SUPERVISOR, command: { action: 'APPROVE_EXTENSION' } }, NOW));
    expect(evolveItem(asked, approved, at(SUPERVISOR))).toMatchObject({ dueAt: '2026-12-20T00:00:00.000Z', escalationLevel: null, pendingExtension: null });
    const giveBack = stateOf('DISPATCHED', { pendingDispatchReturn: { reason: '非本单位', requestedBy: MEMBER.userId } });
    const [back] = eventsOf(decideItem(giveBack, { actor: SUPERVISOR, command: { action: 'APPROVE_DISPATCH_RETURN' } }, NOW));
    expect(back).toEqual({ type: 'ItemDispatchReturnApproved', data: { note: '', previousUnitCode: 'WTSQ' } });
    expect(evolveItem(giveBack, back, at(SUPERVISOR))).toMatchObject({ state: 'REPORTED', unitCode: null, dueAt: null, pendingDispatchReturn: null });
  });

  it('counts a linked duplicate report without moving the item', () => {
    const command: ItemCommand = { action: 'REPORT_DUPLICATE', source: 'CITIZEN_REPORT', description: '又有人反映', photos: [], location: { address: '外滩路12号', latitude: null, longitude: null } };
    const [dup] = eventsOf(decideItem(stateOf('RECTIFYING'), { actor: LEADER, command }, NOW));
    expect(evolveItem(stateOf('RECTIFYING'), dup, at(LEADER))).toMatchObject({ state: 'RECTIFYING', duplicateReports: 1 });
    expect(rejectionOf(decideItem(stateOf('CLOSED'), { actor: LEADER, command }, NOW)).code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses a stale version with CONFLICT', () => {
    expect(rejectionOf(decideItem(stateOf('REPORTED'), { actor: OFFICE, command: { action: 'DISPATCH', unitCode: 'WTSQ' }, expectedVersion: 3 }, NOW)).code).toBe('CONFLICT');
  });
});

describe('nextItemTimer', () => {
  it('reminds a day before the due date, then climbs the ladder by the campaign’s hours while the unit owes the fix', () => {
    const item = stateOf('RECTIFYING');
    expect(nextItemTimer(item, NOW)).toEqual({ kind: 'ESCALATE', level: 'REMINDER', at: '2026-12-07T00:00:00.000Z' });
    expect(nextItemTimer({ ...item, escalationLevel: 'REMINDER' }, NOW)).toEqual({ kind: 'ESCALATE', level: 'URGE', at: DUE });
    expect(nextItemTimer({ ...item, escalationLevel: 'URGE' }, NOW)).toEqual({ kind: 'ESCALATE', level: 'SUPERVISE', at: '2026-12-10T00:00:00.000Z' });
    expect(nextItemTimer({ ...item, escalationLevel: 'ACCOUNTABILITY' }, NOW)).toBeNull();
  });

  it('waits for nothing while the fix awaits verification, and for the re-check once verified', () => {
    expect(nextItemTimer(stateOf('SUBMITTED'), NOW)).toBeNull();
    expect(nextItemTimer(stateOf('VERIFIED'), NOW)).toEqual({ kind: 'RECHECK_DUE', at: '2026-12-15T00:00:00.000Z' });
    expect(nextItemTimer(stateOf('CLOSED'), NOW)).toBeNull();
  });

  it('keeps the defaults docs/user-guide.md documents: 7 days to fix, re-checked 14 days after verification, 3 days after a relapse', () => {
    expect(DEFAULT_ITEM_POLICY).toMatchObject({ rectificationDays: 7, recheckAfterDays: 14, relapseDays: 3 });
  });
});

describe('placeKey', () => {
  it('treats full-width, spaces and punctuation as the same place', () => {
    expect(placeKey('解放路 12 号（东门）')).toBe(placeKey('解放路12号(东门)'));
    expect(placeKey('ＡＢＣ路１２号')).toBe(placeKey('abc路12号'));
    expect(placeKey('解放路12号')).not.toBe(placeKey('解放路13号'));
  });
});
