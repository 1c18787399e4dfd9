// The schedule of a task: when time itself changes it (a reminder before a deadline, the steps of the ladder
// after it, a periodic re-check falling due) and what is recorded then. Dates are written out by hand.
import { evolve, initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import { ESCALATION_NOTIFY, ESCALATION_LEVELS, type EscalationLevel } from '../../workflows/shared/escalation';
import { escalationAt, nextTimer, timerEvent, type Timer } from '../../workflows/indicator-task/indicator-task.schedule';
import {
  DEFAULT_TASK_POLICY,
  REVIEW_KINDS,
  type IndicatorTaskState,
  type ReviewKind,
  type Stage,
} from '../../workflows/indicator-task/indicator-task.types';
import { SYSTEM_ACTOR, type Role } from '../../workflows/shared/actor.types';
// DUE is 2027-01-31 23:59:59 in Shanghai; CUSTOM_POLICY a campaign with its own rules of time.
import { CUSTOM_POLICY, DUE } from '../support/indicator-task.fixtures';

/** A task in rectification, due at DUE, the unit owing work; overrides as given. */
function stateOf(overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  return {
    ...initialState({ taskId: 't', campaignId: 'demo-2027', indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: DUE }),
    stage: 'RECTIFICATION',
    classification: 'NOT_MET',
    stageEnteredAt: '2026-12-01T00:00:00.000Z',
    stageDueAt: DUE,
    version: 5,
    ...overrides,
  };
}

const escalate = (level: EscalationLevel, at: string): Timer => ({ kind: 'ESCALATE', level, at });

/** Under the default policy, for a stage due at DUE. */
const LADDER: Record<EscalationLevel, string> = {
  REMINDER: '2027-01-28T15:59:59.000Z', // 72 hours before
  URGE: '2027-01-31T15:59:59.000Z', // at the deadline
  SUPERVISE: '2027-02-03T15:59:59.000Z', // 72 hours after
  INTERVIEW: '2027-02-07T15:59:59.000Z', // 168 hours after
  ACCOUNTABILITY: '2027-02-14T15:59:59.000Z', // 336 hours after
};

describe('nextTimer: the ladder while the unit owes work', () => {
  it('reminds the unit 72 hours before the deadline', () => {
    expect(nextTimer(stateOf(), '2027-01-10T00:00:00.000Z')).toEqual(escalate('REMINDER', LADDER.REMINDER));
  });

  it('still reminds when the reminder time has passed but the deadline has not (the reminder is due at once)', () => {
    expect(nextTimer(stateOf(), '2027-01-30T00:00:00.000Z')).toEqual(escalate('REMINDER', LADDER.REMINDER));
    expect(nextTimer(stateOf(), '2027-01-31T15:59:58.999Z')).toEqual(escalate('REMINDER', LADDER.REMINDER));
  });

  it.each(['2027-01-31T15:59:59.000Z', '2027-02-01T00:00:00.000Z', '2027-02-20T00:00:00.000Z'])(
    'skips the reminder once the deadline has passed with no step taken (now %s) and urges instead',
    (now) => {
      expect(nextTimer(stateOf(), now)).toEqual(escalate('URGE', LADDER.URGE));
    },
  );

  it.each<[EscalationLevel, EscalationLevel]>([
    ['REMINDER', 'URGE'],
    ['URGE', 'SUPERVISE'],
    ['SUPERVISE', 'INTERVIEW'],
    ['INTERVIEW', 'ACCOUNTABILITY'],
  ])('after %s comes %s', (taken, next) => {
    // Whether now is before or after the deadline does not matter once a step is taken.
    for (const now of ['2027-01-29T00:00:00.000Z', '2027-03-01T00:00:00.000Z']) {
      expect(nextTimer(stateOf({ escalationLevel: taken }), now)).toEqual(escalate(next, LADDER[next]));
    }
  });

  it('has nothing left after ACCOUNTABILITY', () => {
    expect(nextTimer(stateOf({ escalationLevel: 'ACCOUNTABILITY' }), '2027-03-01T00:00:00.000Z')).toBeNull();
  });

  it('urges at the deadline itself once reminded, even before it', () => {
    expect(nextTimer(stateOf({ escalationLevel: 'REMINDER' }), '2027-01-29T00:00:00.000Z')).toEqual(escalate('URGE', DUE));
  });

  it('follows the stage deadline, not the task’s due date', () => {
    const state = stateOf({ rectificationPlan: { plan: 'p', deadline: '2027-01-15T15:59:59.000Z' }, stageDueAt: '2027-01-15T15:59:59.000Z' });
    expect(nextTimer(state, '2027-01-01T00:00:00.000Z')).toEqual(escalate('REMINDER', '2027-01-12T15:59:59.000Z'));
    expect(nextTimer({ ...state, escalationLevel: 'URGE' }, '2027-01-01T00:00:00.000Z')).toEqual(escalate('SUPERVISE', '2027-01-18T15:59:59.000Z'));
  });

  it.each<Stage>(['SELF_CHECK', 'RECTIFICATION', 'ARCHIVING'])('runs the ladder in %s', (stage) => {
    expect(nextTimer(stateOf({ stage }), '2027-01-10T00:00:00.000Z')).toEqual(escalate('REMINDER', LADDER.REMINDER));
  });

  it('keeps running while an extension request is pending: only an approval moves the deadline', () => {
    const state = stateOf({ escalationLevel: 'URGE', pendingExtension: { requestedDueAt: '2027-02-28T15:59:59.000Z', reason: 'r', requestedBy: 'u' } });
    expect(nextTimer(state, '2027-02-01T00:00:00.000Z')).toEqual(escalate('SUPERVISE', LADDER.SUPERVISE));
  });

  it.each<[Stage, ReviewKind]>(REVIEW_KINDS.flatMap((review) => (['SELF_CHECK', 'RECTIFICATION', 'ARCHIVING'] as Stage[]).map((stage): [Stage, ReviewKind] => [stage, review])))(
    'stops in %s while %s is awaited: the unit owes nothing then',
    (stage, review) => {
      const state = stateOf({ stage, awaitingReview: review, submittedBy: 'user:wtsq.member', escalationLevel: 'URGE' });
      expect(nextTimer(state, '2027-01-10T00:00:00.000Z')).toBeNull();
      expect(nextTimer(state, '2027-03-01T00:00:00.000Z')).toBeNull();
    },
  );

  it('does not escalate the mock assessment: supervisors are not escalated', () => {
    const state = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN', stageDueAt: '2026-12-15T00:00:00.000Z' });
    expect(nextTimer(state, '2026-12-01T00:00:00.000Z')).toBeNull();
    expect(nextTimer(state, '2027-03-01T00:00:00.000Z')).toBeNull();
  });

  it.each<Stage>(['SELF_CHECK', 'RECTIFICATION', 'ARCHIVING'])('has nothing to wait for in %s without a deadline', (stage) => {
    expect(nextTimer(stateOf({ stage, stageDueAt: null }), '2027-01-10T00:00:00.000Z')).toBeNull();
  });

  it('has nothing to wait for on an archived task', () => {
    const state = stateOf({ stage: 'ARCHIVED', classification: 'MET', stageDueAt: null });
    expect(nextTimer(state, '2027-01-10T00:00:00.000Z')).toBeNull();
    // Even if a deadline were somehow left behind.
    expect(nextTimer({ ...state, stageDueAt: DUE }, '2027-01-10T00:00:00.000Z')).toBeNull();
  });

  it('uses the task’s policy for every offset', () => {
    const state = stateOf({ policy: CUSTOM_POLICY });
    const now = '2027-01-10T00:00:00.000Z';
    expect(nextTimer(state, now)).toEqual(escalate('REMINDER', '2027-01-30T15:59:59.000Z'));
    expect(nextTimer({ ...state, escalationLevel: 'REMINDER' }, now)).toEqual(escalate('URGE', '2027-02-01T15:59:59.000Z'));
    expect(nextTimer({ ...state, escalationLevel: 'URGE' }, now)).toEqual(escalate('SUPERVISE', '2027-02-02T15:59:59.000Z'));
    expect(nextTimer({ ...state, escalationLevel: 'SUPERVISE' }, now)).toEqual(escalate('INTERVIEW', '2027-02-04T15:59:59.000Z'));
    expect(nextTimer({ ...state, escalationLevel: 'INTERVIEW' }, now)).toEqual(escalate('ACCOUNTABILITY', '2027-02-08T15:59:59.000Z'));
  });

  it('skips the reminder by the deadline, not by the reminder time, under a custom policy too', () => {
    // With URGE 24 hours after the deadline, now between the two still skips straight to urging.
    expect(nextTimer(stateOf({ policy: CUSTOM_POLICY }), '2027-02-01T00:00:00.000Z')).toEqual(escalate('URGE', '2027-02-01T15:59:59.000Z'));
  });
});

describe('escalationAt', () => {
  it.each(ESCALATION_LEVELS.map((level) => [level, LADDER[level]] as const))('puts %s at %s under the default policy', (level, at) => {
    expect(escalationAt(stateOf(), level, DUE)).toBe(at);
  });

  it('reads the deadline it is given, not the state’s', () => {
    expect(escalationAt(stateOf(), 'SUPERVISE', '2027-01-15T15:59:59.000Z')).toBe('2027-01-18T15:59:59.000Z');
  });
});

describe('nextTimer: re-checks in consolidation', () => {
  const consolidating = (overrides: Partial<IndicatorTaskState> = {}) =>
    stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2027-01-09T08:00:00.000Z', ...overrides });

  it('waits for the next re-check', () => {
    expect(nextTimer(consolidating(), '2026-12-15T00:00:00.000Z')).toEqual({ kind: 'RECHECK_DUE', at: '2027-01-09T08:00:00.000Z' });
  });

  it('fires a re-check whose time has passed at once (its time is given as it was)', () => {
    expect(nextTimer(consolidating(), '2027-02-01T00:00:00.000Z')).toEqual({ kind: 'RECHECK_DUE', at: '2027-01-09T08:00:00.000Z' });
  });

  it('waits for nothing once the re-check is due, until a supervisor records it', () => {
    expect(nextTimer(consolidating({ recheckDue: true }), '2027-01-10T00:00:00.000Z')).toBeNull();
  });

  it('waits for nothing without a scheduled re-check', () => {
    expect(nextTimer(consolidating({ nextRecheckAt: null }), '2027-01-10T00:00:00.000Z')).toBeNull();
  });

  it('never escalates in consolidation, whatever deadline might be left behind', () => {
    expect(nextTimer(consolidating({ stageDueAt: DUE, recheckDue: true }), '2027-03-01T00:00:00.000Z')).toBeNull();
  });

  it('waits for nothing outside consolidation even with a re-check date left behind', () => {
    expect(nextTimer(stateOf({ stage: 'ARCHIVED', stageDueAt: null, nextRecheckAt: '2027-01-09T08:00:00.000Z' }), '2027-01-01T00:00:00.000Z')).toBeNull();
  });
});

describe('timerEvent', () => {
  it('records a re-check falling due with its date', () => {
    const state = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2027-01-09T08:00:00.000Z' });
    expect(timerEvent(state, { kind: 'RECHECK_DUE', at: '2027-01-09T08:00:00.000Z' })).toEqual({ type: 'RecheckDue', data: { dueAt: '2027-01-09T08:00:00.000Z' } });
  });

  /** Who is told at each step: the unit, then its head, then the leading group (plan 六(一)). */
  const NOTIFY: [EscalationLevel, Role[]][] = [
    ['REMINDER', ['UNIT_MEMBER', 'UNIT_HEAD']],
    ['URGE', ['UNIT_MEMBER', 'UNIT_HEAD']],
    ['SUPERVISE', ['UNIT_HEAD', 'SUPERVISOR']],
    ['INTERVIEW', ['UNIT_HEAD', 'LEADER']],
    ['ACCOUNTABILITY', ['LEADER', 'OFFICE']],
  ];

  it.each(NOTIFY)('records %s with the stage, its deadline and whom to notify: %j', (level, notify) => {
    expect(timerEvent(stateOf(), escalate(level, LADDER[level]))).toEqual({
      type: 'DeadlineEscalated',
      data: { level, stage: 'RECTIFICATION', stageDueAt: DUE, notify },
    });
  });

  it('names the stage the task is in', () => {
    const event = timerEvent(stateOf({ stage: 'ARCHIVING', classification: 'MET', stageDueAt: '2027-06-30T15:59:59.000Z' }), escalate('URGE', '2027-06-30T15:59:59.000Z'));
    expect(event).toEqual({ type: 'DeadlineEscalated', data: { level: 'URGE', stage: 'ARCHIVING', stageDueAt: '2027-06-30T15:59:59.000Z', notify: ['UNIT_MEMBER', 'UNIT_HEAD'] } });
  });

  it('notifies someone at every step', () => {
    for (const level of ESCALATION_LEVELS) expect(ESCALATION_NOTIFY[level].length).toBeGreaterThan(0);
  });
});

describe('the ladder over time (nextTimer → timerEvent → evolve)', () => {
  /** Lets time run from `now`, firing each timer at its time, until `until` or nothing is left. */
  function run(state: IndicatorTaskState, now: string, until: string): { state: IndicatorTaskState; fired: [string, string][] } {
    const fired: [string, string][] = [];
    for (let timer = nextTimer(state, now); timer !== null; timer = nextTimer(state, now)) {
      const at = Date.parse(timer.at) > Date.parse(now) ? timer.at : now;
      if (Date.parse(at) > Date.parse(until)) break;
      state = evolve(state, timerEvent(state, timer), { actorId: SYSTEM_ACTOR.userId, at });
      now = at;
      fired.push([timer.kind === 'ESCALATE' ? timer.level : timer.kind, at]);
      expect(fired.length).toBeLessThan(50);
    }
    return { state, fired };
  }

  it('climbs every step in order, each at its time, and then stops', () => {
    const { state, fired } = run(stateOf(), '2027-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z');
    expect(fired).toEqual(ESCALATION_LEVELS.map((level) => [level, LADDER[level]]));
    expect(state.escalationLevel).toBe('ACCOUNTABILITY');
    expect(state.version).toBe(5 + ESCALATION_LEVELS.length);
  });

  it('starts again from a new deadline after an extension is approved', () => {
    let { state } = run(stateOf(), '2027-01-01T00:00:00.000Z', '2027-02-04T00:00:00.000Z');
    expect(state.escalationLevel).toBe('SUPERVISE');
    state = evolve(state, { type: 'ExtensionApproved', data: { dueAt: '2027-02-28T15:59:59.000Z', note: '' } }, { actorId: 'user:supervisor', at: '2027-02-04T00:00:00.000Z' });
    const { fired } = run(state, '2027-02-04T00:00:00.000Z', '2027-03-01T00:00:00.000Z');
    expect(fired).toEqual([
      ['REMINDER', '2027-02-25T15:59:59.000Z'],
      ['URGE', '2027-02-28T15:59:59.000Z'],
    ]);
  });

  it('starts again from the plan’s deadline after a rectification plan', () => {
    let { state } = run(stateOf({ stageDueAt: '2026-12-20T00:00:00.000Z' }), '2026-12-01T00:00:00.000Z', '2026-12-21T00:00:00.000Z');
    expect(state.escalationLevel).toBe('URGE');
    state = evolve(state, { type: 'RectificationPlanSubmitted', data: { plan: 'p', deadline: '2027-01-10T00:00:00.000Z' } }, { actorId: 'user:wtsq.member', at: '2026-12-21T00:00:00.000Z' });
    expect(nextTimer(state, '2026-12-21T00:00:00.000Z')).toEqual(escalate('REMINDER', '2027-01-07T00:00:00.000Z'));
  });

  it('pauses while work awaits review and resumes where it was when the work is returned', () => {
    let { state } = run(stateOf(), '2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z');
    expect(state.escalationLevel).toBe('URGE');
    state = evolve(state, { type: 'RectificationSubmitted', data: { note: 'n' } }, { actorId: 'user:wtsq.member', at: '2027-02-01T00:00:00.000Z' });
    expect(nextTimer(state, '2027-02-10T00:00:00.000Z')).toBeNull();
    state = evolve(state, { type: 'RectificationReturned', data: { reason: 'r' } }, { actorId: 'user:supervisor', at: '2027-02-10T00:00:00.000Z' });
    expect(nextTimer(state, '2027-02-10T00:00:00.000Z')).toEqual(escalate('SUPERVISE', LADDER.SUPERVISE));
  });

  it('in consolidation falls due, waits for the re-check, then waits for the next one', () => {
    let state = stateOf({ stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE', stageDueAt: null, nextRecheckAt: '2026-12-08T00:00:00.000Z' });
    const { state: due, fired } = run(state, '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect(fired).toEqual([['RECHECK_DUE', '2026-12-08T00:00:00.000Z']]);
    expect(due.recheckDue).toBe(true);
    state = evolve(due, { type: 'RecheckRecorded', data: { passed: true, note: '' } }, { actorId: 'user:supervisor', at: '2026-12-09T10:00:00.000Z' });
    // Weekly for a relapse-prone indicator, counted from the re-check.
    expect(nextTimer(state, '2026-12-09T10:00:00.000Z')).toEqual({ kind: 'RECHECK_DUE', at: '2026-12-16T10:00:00.000Z' });
  });

  it('uses the default policy’s monthly re-check for an indicator that is met', () => {
    const state = evolve(
      stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-08T00:00:00.000Z', recheckDue: true, policy: DEFAULT_TASK_POLICY }),
      { type: 'RecheckRecorded', data: { passed: true, note: '' } },
      { actorId: 'user:supervisor', at: '2026-12-09T10:00:00.000Z' },
    );
    expect(nextTimer(state, '2026-12-09T10:00:00.000Z')).toEqual({ kind: 'RECHECK_DUE', at: '2027-01-08T10:00:00.000Z' });
  });
});
