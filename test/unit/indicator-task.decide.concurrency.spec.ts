// Indicator-task rules: `decide` under optimistic concurrency.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { ActionRequest } from '../../workflows/indicator-task/indicator-task.types';
import { decide } from '../../workflows/indicator-task/indicator-task.decide';
import { NOW, EXTENSION, stateOf, valid, rejectionOf, CHINESE, SUPERVISOR, OWN_UNIT_MEMBER } from '../support/indicator-task.fixtures';

describe('decide: optimistic concurrency', () => {
  /** Whether `text` mentions `n` as a whole number. */
  const mentions = (text: string, n: number) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(text);

  it('refuses with CONFLICT when the caller saw an older version, naming both versions', () => {
    const state = stateOf({ version: 12 });
    const rejection = rejectionOf(decide(state, { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), expectedVersion: 7 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
    expect(mentions(rejection.message, 7)).toBe(true);
    expect(mentions(rejection.message, 12)).toBe(true);
    expect(rejection.message).toMatch(CHINESE);
  });

  it('treats an expected version of 0 as a real version, not as "none"', () => {
    const rejection = rejectionOf(decide(stateOf({ version: 3 }), { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), expectedVersion: 0 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
  });

  it('refuses with CONFLICT when the caller claims a newer version than the task has', () => {
    const rejection = rejectionOf(decide(stateOf({ version: 3 }), { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), expectedVersion: 4 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
  });

  it('refuses a stale extension decision with CONFLICT before looking at anything else', () => {
    const state = stateOf({ version: 9, pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
    const rejection = rejectionOf(decide(state, { actor: SUPERVISOR, command: valid('APPROVE_EXTENSION'), expectedVersion: 8 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
  });

  it.each<[string, Partial<ActionRequest>]>([
    ['null', { expectedVersion: null }],
    ['undefined', { expectedVersion: undefined }],
    ['absent', {}],
    ['equal to the current version', { expectedVersion: 12 }],
  ])('accepts the action when the expected version is %s', (_label, extra) => {
    const decision = decide(stateOf({ version: 12 }), { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), ...extra }, NOW);
    expect(decision.ok).toBe(true);
  });
});
