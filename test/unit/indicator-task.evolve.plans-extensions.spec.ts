// Indicator-task rules: plans, extensions, re-checks and escalation in `evolve`.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import { DEFAULT_TASK_POLICY, type Classification } from '../../workflows/indicator-task/indicator-task.types';
import { evolve } from '../../workflows/indicator-task/indicator-task.evolve';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import { SYSTEM_ACTOR } from '../../workflows/shared/actor.types';
import {
  DUE,
  CUSTOM_POLICY,
  PLAN,
  EXTENSION,
  stateOf,
  awaiting,
  meta,
  frozen,
  AT,
  SUPERVISOR,
  OWN_UNIT_HEAD,
  OWN_UNIT_MEMBER,
} from '../support/indicator-task.fixtures';

describe('evolve: plans, extensions, re-checks and escalation', () => {
  it('on RectificationPlanSubmitted keeps the plan, makes its deadline the stage’s and starts the ladder again', () => {
    const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', escalationLevel: 'INTERVIEW', version: 7 });
    const after = evolve(frozen(before), { type: 'RectificationPlanSubmitted', data: PLAN }, meta(OWN_UNIT_MEMBER, AT));
    expect(after).toEqual({ ...before, rectificationPlan: PLAN, stageDueAt: PLAN.deadline, escalationLevel: null, version: 8 });
  });

  it('on a revised RectificationPlanSubmitted replaces the earlier plan and its deadline', () => {
    const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline, escalationLevel: 'REMINDER' });
    const revised = { plan: '调整后的方案', deadline: DUE };
    const after = evolve(frozen(before), { type: 'RectificationPlanSubmitted', data: revised }, meta(OWN_UNIT_HEAD, AT));
    expect(after).toEqual({ ...before, rectificationPlan: revised, stageDueAt: DUE, escalationLevel: null, version: 6 });
  });

  it('on ExtensionRequested remembers the request and who made it, leaving the deadline and the ladder alone', () => {
    const before = stateOf({ escalationLevel: 'URGE', version: 2 });
    const after = evolve(frozen(before), { type: 'ExtensionRequested', data: { requestedDueAt: EXTENSION.requestedDueAt, reason: '理由' } }, meta(OWN_UNIT_HEAD, AT));
    expect(after).toEqual({
      ...before,
      pendingExtension: { requestedDueAt: EXTENSION.requestedDueAt, reason: '理由', requestedBy: OWN_UNIT_HEAD.userId },
      version: 3,
    });
  });

  it('on ExtensionApproved moves the stage deadline, clears the request and starts the ladder again', () => {
    const before = stateOf({
      stage: 'RECTIFICATION',
      classification: 'NOT_MET',
      rectificationPlan: PLAN,
      stageDueAt: PLAN.deadline,
      escalationLevel: 'SUPERVISE',
      pendingExtension: EXTENSION,
    });
    const after = evolve(frozen(before), { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({ ...before, pendingExtension: null, stageDueAt: EXTENSION.requestedDueAt, escalationLevel: null, version: 6 });
  });

  it('on ExtensionApproved while work awaits review keeps the review', () => {
    const before = awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { pendingExtension: EXTENSION });
    const after = evolve(frozen(before), { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({ ...before, pendingExtension: null, stageDueAt: EXTENSION.requestedDueAt, version: 6 });
  });

  it('on ExtensionRefused clears only the request: the deadline and the ladder stay where they were', () => {
    const before = stateOf({ stage: 'ARCHIVING', classification: 'MET', escalationLevel: 'INTERVIEW', pendingExtension: EXTENSION });
    const after = evolve(frozen(before), { type: 'ExtensionRefused', data: { reason: 'r' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({ ...before, pendingExtension: null, version: 6 });
  });

  it('on RecheckDue marks the re-check as due and changes nothing else', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z' });
    const after = evolve(frozen(before), { type: 'RecheckDue', data: { dueAt: '2026-12-20T00:00:00.000Z' } }, meta(SYSTEM_ACTOR, '2026-12-20T00:00:00.000Z'));
    expect(after).toEqual({ ...before, recheckDue: true, version: 6 });
  });

  it.each<[Classification, 'DEFAULT' | 'CUSTOM', string]>([
    ['MET', 'DEFAULT', '2027-01-21T09:30:00.000Z'],
    ['RELAPSE_PRONE', 'DEFAULT', '2026-12-29T09:30:00.000Z'],
    ['MET', 'CUSTOM', '2027-01-05T09:30:00.000Z'],
    ['RELAPSE_PRONE', 'CUSTOM', '2026-12-25T09:30:00.000Z'],
  ])('on a passed re-check of a %s task under the %s policy schedules the next one from the re-check: %s', (classification, which, next) => {
    const policy = which === 'DEFAULT' ? DEFAULT_TASK_POLICY : CUSTOM_POLICY;
    const before = stateOf({ stage: 'CONSOLIDATION', classification, policy, stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z', recheckDue: true });
    const after = evolve(frozen(before), { type: 'RecheckRecorded', data: { passed: true, note: '' } }, meta(SUPERVISOR, '2026-12-22T09:30:00.000Z'));
    expect(after).toEqual({ ...before, recheckDue: false, nextRecheckAt: next, version: 6 });
  });

  it('on a passed spot check before the re-check is due reschedules from the spot check', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2027-01-09T08:00:00.000Z' });
    const after = evolve(frozen(before), { type: 'RecheckRecorded', data: { passed: true, note: '抽查' } }, meta(SUPERVISOR, '2026-12-15T00:00:00.000Z'));
    expect(after).toEqual({ ...before, nextRecheckAt: '2027-01-14T00:00:00.000Z', version: 6 });
  });

  it('on a failed re-check records a relapse: back to rectification, relapse-prone, one more relapse', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z', recheckDue: true, relapseCount: 0 });
    const after = evolve(frozen(before), { type: 'RecheckRecorded', data: { passed: false, note: '反弹' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({
      ...before,
      stage: 'RECTIFICATION',
      classification: 'RELAPSE_PRONE',
      relapseCount: 1,
      stageEnteredAt: AT,
      stageDueAt: DUE,
      nextRecheckAt: null,
      recheckDue: false,
      version: 6,
    });
  });

  it('counts every relapse and keeps a relapsed task on weekly re-checks after its rectification', () => {
    const relapse: IndicatorTaskEvent = { type: 'RecheckRecorded', data: { passed: false, note: '反弹' } };
    let state = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z', relapseCount: 2 });
    state = evolve(state, relapse, meta(SUPERVISOR, '2026-12-01T00:00:00.000Z'));
    state = evolve(state, { type: 'RectificationPlanSubmitted', data: PLAN }, meta(OWN_UNIT_MEMBER, '2026-12-02T00:00:00.000Z'));
    state = evolve(state, { type: 'RectificationSubmitted', data: { note: 'n' } }, meta(OWN_UNIT_MEMBER, '2026-12-03T00:00:00.000Z'));
    state = evolve(state, { type: 'RectificationApproved', data: { note: '' } }, meta(SUPERVISOR, '2026-12-04T00:00:00.000Z'));
    expect({ stage: state.stage, classification: state.classification, relapseCount: state.relapseCount, nextRecheckAt: state.nextRecheckAt }).toEqual({
      stage: 'CONSOLIDATION',
      classification: 'RELAPSE_PRONE',
      relapseCount: 3,
      nextRecheckAt: '2026-12-11T00:00:00.000Z',
    });
  });

  it.each<EscalationLevel>(['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY'])(
    'on DeadlineEscalated(%s) records the step taken and changes nothing else',
    (level) => {
      const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline });
      const event: IndicatorTaskEvent = { type: 'DeadlineEscalated', data: { level, stage: 'RECTIFICATION', stageDueAt: PLAN.deadline, notify: ['LEADER'] } };
      expect(evolve(frozen(before), event, meta(SYSTEM_ACTOR, AT))).toEqual({ ...before, escalationLevel: level, version: 6 });
    },
  );
});
