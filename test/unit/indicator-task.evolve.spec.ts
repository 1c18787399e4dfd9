// Indicator-task rules: how each event moves the state in `evolve`.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import {
  DEFAULT_TASK_POLICY,
  PACKAGE_MATERIAL,
  type Classification,
  type IndicatorTaskState,
  type ReviewKind,
  type Stage,
} from '../../workflows/indicator-task/indicator-task.types';
import { allowedActions } from '../../workflows/indicator-task/indicator-task.decide';
import { archiveOf } from '../../workflows/indicator-task/indicator-task.rules';
import { evolve, initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';
import {
  OWN_UNIT,
  OTHER_UNIT,
  ARCHIVIST_2,
  DUE,
  CREATED_AT,
  ENTERED,
  TASK_INPUT,
  CUSTOM_POLICY,
  PLAN,
  EXTENSION,
  stateOf,
  awaiting,
  meta,
  HOUR,
  plus,
  M1,
  M2,
  material,
  frozen,
  AT,
  OFFICE,
  SUPERVISOR,
  ARCHIVIST,
  OWN_UNIT_HEAD,
  OWN_UNIT_MEMBER,
  CREATION_FACTS,
} from '../support/indicator-task.fixtures';

describe('evolve', () => {
  it('starts a new task in self-check at version 0 with nothing awaited, under the default policy', () => {
    expect(initialState(TASK_INPUT)).toEqual({
      ...TASK_INPUT,
      responsiblePerson: null,
      stage: 'SELF_CHECK',
      classification: null,
      awaitingReview: null,
      submittedBy: null,
      policy: DEFAULT_TASK_POLICY,
      // Placeholders: IndicatorTaskCreated enters self-check and sets both.
      stageEnteredAt: expect.any(String),
      stageDueAt: expect.any(String),
      escalationLevel: null,
      pendingExtension: null,
      rectificationPlan: null,
      nextRecheckAt: null,
      recheckDue: false,
      failedCriteria: [],
      relapseCount: 0,
      archive: null,
      version: 0,
    });
  });

  it('keeps the policy it is given', () => {
    expect(initialState({ ...TASK_INPUT, policy: CUSTOM_POLICY }).policy).toEqual(CUSTOM_POLICY);
  });

  it('records the creation facts on IndicatorTaskCreated and enters self-check', () => {
    // As the projection folds a stream: from a blank state.
    const blank = initialState({ ...TASK_INPUT, campaignId: '', indicatorCode: '', unitCode: '', leadUnitCode: '', dueAt: '' });
    const data = { campaignId: 'demo-2027', indicatorCode: 'C2', unitCode: 'HWS', leadUnitCode: 'HWS', dueAt: '2027-03-31T15:59:59.000Z', policy: DEFAULT_TASK_POLICY };
    expect(evolve(blank, { type: 'IndicatorTaskCreated', data }, meta(OFFICE, CREATED_AT))).toEqual({
      ...blank,
      ...data,
      stage: 'SELF_CHECK',
      stageEnteredAt: CREATED_AT,
      // 14 days of self-check, well before the task's due date.
      stageDueAt: '2026-11-15T00:00:00.000Z',
      version: 1,
    });
  });

  it('takes the policy from the creation event, not from the state it folds onto', () => {
    const after = evolve(initialState(TASK_INPUT), { type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy: CUSTOM_POLICY } }, meta(OFFICE, CREATED_AT));
    expect(after.policy).toEqual(CUSTOM_POLICY);
    expect(after.stageDueAt).toBe('2026-11-11T00:00:00.000Z');
  });

  it.each<[string, string]>([
    ['2027-01-25T00:00:00.000Z', DUE],
    // Exactly 14 days before the due date: both are the same instant.
    ['2027-01-17T15:59:59.000Z', DUE],
    ['2027-01-17T15:59:58.999Z', '2027-01-31T15:59:58.999Z'],
  ])('gives a task created at %s a self-check due at %s: never past the task’s own due date', (at, expected) => {
    const after = evolve(initialState(TASK_INPUT), { type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy: DEFAULT_TASK_POLICY } }, meta(OFFICE, at));
    expect(after.stageDueAt).toBe(expected);
    expect(after.stageEnteredAt).toBe(at);
  });

  it.each<[Classification, Stage, string | null, string | null]>([
    ['MET', 'CONSOLIDATION', null, '2027-01-09T08:00:00.000Z'],
    ['RELAPSE_PRONE', 'CONSOLIDATION', null, '2026-12-17T08:00:00.000Z'],
    ['NOT_MET', 'RECTIFICATION', DUE, null],
    ['UNKNOWN', 'MOCK_ASSESSMENT', '2026-12-24T08:00:00.000Z', null],
  ])('moves a confirmed %s self-check to %s, clears the review and what belonged to self-check', (classification, stage, stageDueAt, nextRecheckAt) => {
    const before = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, {
      classification,
      version: 3,
      escalationLevel: 'REMINDER',
      pendingExtension: EXTENSION,
    });
    const after = evolve(frozen(before), { type: 'SelfCheckConfirmed', data: { classification, note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({
      ...before,
      stage,
      classification,
      awaitingReview: null,
      submittedBy: null,
      stageEnteredAt: AT,
      stageDueAt,
      escalationLevel: null,
      pendingExtension: null,
      nextRecheckAt,
      version: 4,
    });
  });

  it.each<[string, IndicatorTaskEvent, Stage, ReviewKind]>([
    ['SelfCheckSubmitted', { type: 'SelfCheckSubmitted', data: { classification: 'UNKNOWN', note: 'n' } }, 'SELF_CHECK', 'SELF_CHECK_REVIEW'],
    ['RectificationSubmitted', { type: 'RectificationSubmitted', data: { note: 'n' } }, 'RECTIFICATION', 'RECTIFICATION_REVIEW'],
  ])('on %s in %s waits for %s and remembers who submitted, keeping the deadline and the ladder', (_type, event, stage, review) => {
    const before = stateOf({ stage, classification: 'NOT_MET', version: 8, escalationLevel: 'URGE', rectificationPlan: stage === 'RECTIFICATION' ? PLAN : null });
    const after = evolve(frozen(before), event, meta(OWN_UNIT_HEAD));
    expect(after.stage).toBe(stage);
    expect(after.awaitingReview).toBe(review);
    expect(after.submittedBy).toBe(OWN_UNIT_HEAD.userId);
    expect(after.version).toBe(9);
    expect({ stageDueAt: after.stageDueAt, escalationLevel: after.escalationLevel, stageEnteredAt: after.stageEnteredAt }).toEqual({
      stageDueAt: before.stageDueAt,
      escalationLevel: 'URGE',
      stageEnteredAt: ENTERED,
    });
  });

  it('takes the submitted classification on SelfCheckSubmitted', () => {
    const after = evolve(stateOf({ classification: 'NOT_MET' }), { type: 'SelfCheckSubmitted', data: { classification: 'RELAPSE_PRONE', note: 'n' } }, meta(OWN_UNIT_MEMBER));
    expect(after.classification).toBe('RELAPSE_PRONE');
  });

  it('on SelfCheckReturned clears the proposed classification, the awaited review and the submitter, and nothing else', () => {
    const before = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { version: 4, escalationLevel: 'URGE' });
    const after = evolve(frozen(before), { type: 'SelfCheckReturned', data: { reason: 'r' } }, meta(SUPERVISOR));
    expect(after).toEqual({ ...before, classification: null, awaitingReview: null, submittedBy: null, version: 5 });
  });

  it.each<[string, IndicatorTaskEvent, Stage, ReviewKind]>([
    ['RectificationReturned', { type: 'RectificationReturned', data: { reason: 'r' } }, 'RECTIFICATION', 'RECTIFICATION_REVIEW'],
  ])('on %s stays in %s and clears the awaited review and the submitter, keeping plan, deadline and ladder', (_type, event, stage, review) => {
    const before = awaiting(stage, review, OWN_UNIT_MEMBER.userId, {
      version: 4,
      escalationLevel: 'SUPERVISE',
      rectificationPlan: stage === 'RECTIFICATION' ? PLAN : null,
      stageDueAt: stage === 'RECTIFICATION' ? PLAN.deadline : DUE,
    });
    const after = evolve(frozen(before), event, meta(SUPERVISOR));
    expect(after).toEqual({ ...before, awaitingReview: null, submittedBy: null, version: 5 });
  });

  it('records rectification progress without changing anything but the version', () => {
    const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', version: 6, rectificationPlan: PLAN, escalationLevel: 'REMINDER' });
    expect(evolve(frozen(before), { type: 'RectificationProgressReported', data: { note: 'n' } }, meta(OWN_UNIT_MEMBER))).toEqual({ ...before, version: 7 });
  });

  it.each<[Classification | null, Classification, string]>([
    ['RELAPSE_PRONE', 'RELAPSE_PRONE', '2026-12-17T08:00:00.000Z'],
    ['NOT_MET', 'MET', '2027-01-09T08:00:00.000Z'],
    ['UNKNOWN', 'MET', '2027-01-09T08:00:00.000Z'],
    ['MET', 'MET', '2027-01-09T08:00:00.000Z'],
    [null, 'MET', '2027-01-09T08:00:00.000Z'],
  ])('on an approved rectification of a %s task moves to consolidation as %s, re-checked first at %s', (classification, expected, nextRecheckAt) => {
    const before = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, {
      classification,
      rectificationPlan: PLAN,
      stageDueAt: PLAN.deadline,
      escalationLevel: 'REMINDER',
    });
    const after = evolve(frozen(before), { type: 'RectificationApproved', data: { note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({
      ...before,
      stage: 'CONSOLIDATION',
      classification: expected,
      awaitingReview: null,
      submittedBy: null,
      stageEnteredAt: AT,
      stageDueAt: null,
      escalationLevel: null,
      rectificationPlan: null,
      nextRecheckAt,
      version: 6,
    });
  });

  it.each<[boolean, Stage, Classification, string | null, string | null]>([
    [true, 'CONSOLIDATION', 'MET', null, '2027-01-09T08:00:00.000Z'],
    [false, 'RECTIFICATION', 'NOT_MET', DUE, null],
  ])('on a mock assessment with passed=%s moves to %s as %s', (passed, stage, classification, stageDueAt, nextRecheckAt) => {
    const before = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN', stageDueAt: '2026-12-04T00:00:00.000Z' });
    const after = evolve(frozen(before), { type: 'MockAssessmentRecorded', data: { scores: [], score: passed ? 91 : 40, maxScore: 100, scoreRate: passed ? 91 : 40, passed, failedCriteria: passed ? [] : ['A1-1'], note: '' } }, meta(SUPERVISOR, AT));
    const failedCriteria = passed ? [] : ['A1-1'];
    expect(after).toEqual({ ...before, stage, classification, stageEnteredAt: AT, stageDueAt, nextRecheckAt, failedCriteria, version: 6 });
  });

  it('lets "passed" decide a mock assessment in evolve, not the score (the score decided in decide)', () => {
    const before = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });
    const after = evolve(before, { type: 'MockAssessmentRecorded', data: { scores: [{ criterionCode: 'A1-1', points: 100, score: 99 }], score: 99, maxScore: 100, scoreRate: 99, passed: false, failedCriteria: [], note: '' } }, meta(SUPERVISOR));
    expect(after.stage).toBe('RECTIFICATION');
  });

  it('moves a consolidated task to archiving on ArchivingStarted and ends its re-checks', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE', stageDueAt: null, nextRecheckAt: '2026-12-12T00:00:00.000Z', recheckDue: true });
    expect(evolve(frozen(before), { type: 'ArchivingStarted', data: { note: '', materials: [M1, M2] } }, meta(OFFICE, AT))).toEqual({
      ...before,
      stage: 'ARCHIVING',
      stageEnteredAt: AT,
      stageDueAt: DUE,
      nextRecheckAt: null,
      recheckDue: false,
      archive: [material(M1), material(M2)],
      version: 6,
    });
  });

  it('gives an archive started without a list (older streams) the one package to hand in', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null });
    expect(evolve(frozen(before), { type: 'ArchivingStarted', data: { note: '' } }, meta(OFFICE, AT)).archive).toEqual([material(PACKAGE_MATERIAL)]);
  });

  it('folds the whole-package events of older streams as the package material: handed in, returned, accepted', () => {
    const start = evolve(stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, version: 5 }), { type: 'ArchivingStarted', data: { note: '' } }, meta(OFFICE, AT));
    const submitted = evolve(frozen(start), { type: 'ArchiveSubmitted', data: { note: '台账' } }, meta(OWN_UNIT_HEAD, AT));
    expect(submitted).toMatchObject({ stage: 'ARCHIVING', awaitingReview: 'ARCHIVE_REVIEW', version: 7 });
    expect(submitted.archive).toEqual([material(PACKAGE_MATERIAL, { status: 'SUBMITTED', note: '台账', submittedBy: OWN_UNIT_HEAD.userId, submittedAt: AT })]);
    const returned = evolve(frozen(submitted), { type: 'ArchiveReturned', data: { reason: '缺签字' } }, meta(ARCHIVIST, AT));
    expect(returned).toMatchObject({ stage: 'ARCHIVING', awaitingReview: null, version: 8 });
    expect(returned.archive?.[0]).toMatchObject({ status: 'RETURNED', returnReason: '缺签字', reviewedBy: ARCHIVIST.userId });
    const again = evolve(frozen(returned), { type: 'ArchiveSubmitted', data: { note: '已签字' } }, meta(OWN_UNIT_MEMBER, AT));
    const accepted = evolve(frozen(again), { type: 'ArchiveAccepted', data: { note: '' } }, meta(ARCHIVIST_2, AT));
    expect(accepted).toMatchObject({ stage: 'ARCHIVED', awaitingReview: null, submittedBy: null, stageDueAt: null, escalationLevel: null, version: 10 });
    expect(accepted.archive?.[0]).toMatchObject({ status: 'ACCEPTED', returnReason: null, reviewedBy: ARCHIVIST_2.userId, submittedBy: OWN_UNIT_MEMBER.userId });
  });

  it('reads a state carried over from before per-material review (no archive) as one package, handed in when awaited', () => {
    const carried = (overrides: Partial<IndicatorTaskState>) => {
      const { archive: _none, ...rest } = stateOf({ stage: 'ARCHIVING', classification: 'MET', ...overrides });
      return rest as IndicatorTaskState;
    };
    expect(archiveOf(carried({}))).toEqual([material(PACKAGE_MATERIAL)]);
    expect(archiveOf(carried({ awaitingReview: 'ARCHIVE_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId }))).toEqual([
      material(PACKAGE_MATERIAL, { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId }),
    ]);
    expect(allowedActions(carried({ awaitingReview: 'ARCHIVE_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId }), ARCHIVIST)).toEqual([
      'ACCEPT_ARCHIVE_MATERIAL',
      'RETURN_ARCHIVE_MATERIAL',
    ]);
  });

  it('on TaskReassigned changes the unit and nothing else: stage, deadline, ladder and the review awaited stay', () => {
    const before = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, { escalationLevel: 'URGE', rectificationPlan: PLAN, version: 7 });
    const after = evolve(frozen(before), { type: 'TaskReassigned', data: { unitCode: OTHER_UNIT, previousUnitCode: OWN_UNIT, reason: '职责调整' } }, meta(OFFICE, AT));
    expect(after).toEqual({ ...before, unitCode: OTHER_UNIT, version: 8 });
  });

  it('increments the version by exactly one per event', () => {
    const events: [IndicatorTaskEvent, Actor][] = [
      [{ type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy: DEFAULT_TASK_POLICY } }, SYSTEM_ACTOR],
      [{ type: 'ExtensionRequested', data: { requestedDueAt: '2026-11-30T00:00:00.000Z', reason: 'r' } }, OWN_UNIT_MEMBER],
      [{ type: 'ExtensionRefused', data: { reason: 'r' } }, SUPERVISOR],
      [{ type: 'DeadlineEscalated', data: { level: 'REMINDER', stage: 'SELF_CHECK', stageDueAt: '2026-11-15T00:00:00.000Z', notify: ['UNIT_MEMBER', 'UNIT_HEAD'] } }, SYSTEM_ACTOR],
      [{ type: 'SelfCheckSubmitted', data: { classification: 'NOT_MET', note: 'n' } }, OWN_UNIT_MEMBER],
      [{ type: 'SelfCheckConfirmed', data: { classification: 'NOT_MET', note: '' } }, SUPERVISOR],
      [{ type: 'RectificationPlanSubmitted', data: PLAN }, OWN_UNIT_MEMBER],
      [{ type: 'RectificationProgressReported', data: { note: 'n' } }, OWN_UNIT_MEMBER],
      [{ type: 'ExtensionRequested', data: { requestedDueAt: EXTENSION.requestedDueAt, reason: 'r' } }, OWN_UNIT_MEMBER],
      [{ type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }, SUPERVISOR],
      [{ type: 'RectificationSubmitted', data: { note: 'n' } }, OWN_UNIT_MEMBER],
      [{ type: 'RectificationApproved', data: { note: '' } }, SUPERVISOR],
      [{ type: 'RecheckDue', data: { dueAt: '2027-01-01T00:00:00.000Z' } }, SYSTEM_ACTOR],
      [{ type: 'RecheckRecorded', data: { passed: true, note: '' } }, SUPERVISOR],
    ];
    const versions: number[] = [];
    events.reduce((state, [event, actor], i) => {
      const next = evolve(state, event, meta(actor, plus(CREATED_AT, i * HOUR)));
      versions.push(next.version);
      return next;
    }, initialState(TASK_INPUT));
    expect(versions).toEqual(events.map((_e, i) => i + 1));
  });
});
