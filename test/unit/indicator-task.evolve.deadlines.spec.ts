// Indicator-task rules: the deadline `evolve` sets on entering each stage.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import {
  DEFAULT_TASK_POLICY,
  STAGES,
  type Classification,
  type IndicatorTaskState,
  type Stage,
  type TaskPolicy,
} from '../../workflows/indicator-task/indicator-task.types';
import { evolve } from '../../workflows/indicator-task/indicator-task.evolve';
import {
  DUE,
  ENTERED,
  CUSTOM_POLICY,
  PLAN,
  EXTENSION,
  stateOf,
  meta,
  frozen,
  AT,
  OFFICE,
  SUPERVISOR,
  OWN_UNIT_MEMBER,
  CREATION_FACTS,
} from '../support/indicator-task.fixtures';

describe('evolve: deadlines on entering each stage', () => {
  interface Entry {
    name: string;
    before: Partial<IndicatorTaskState>;
    event: (policy: TaskPolicy) => IndicatorTaskEvent;
    stage: Stage;
    classification: Classification | null;
    /** The stage's due date under the default and under the custom policy. */
    due: { DEFAULT: string | null; CUSTOM: string | null };
    nextRecheck: { DEFAULT: string | null; CUSTOM: string | null };
  }

  const event = (e: IndicatorTaskEvent) => () => e;
  const MET_RECHECK = { DEFAULT: '2027-01-09T08:00:00.000Z', CUSTOM: '2026-12-24T08:00:00.000Z' };
  const RELAPSE_RECHECK = { DEFAULT: '2026-12-17T08:00:00.000Z', CUSTOM: '2026-12-13T08:00:00.000Z' };
  const NONE = { DEFAULT: null, CUSTOM: null };
  const TASK_DUE = { DEFAULT: DUE, CUSTOM: DUE };

  const ENTRIES: Entry[] = [
    {
      name: 'IndicatorTaskCreated → SELF_CHECK',
      before: { classification: null },
      event: (policy) => ({ type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy } }),
      stage: 'SELF_CHECK',
      classification: null,
      due: { DEFAULT: '2026-12-24T08:00:00.000Z', CUSTOM: '2026-12-20T08:00:00.000Z' },
      nextRecheck: NONE,
    },
    {
      name: 'SelfCheckConfirmed(NOT_MET) → RECTIFICATION',
      before: { stage: 'SELF_CHECK', classification: 'NOT_MET', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'NOT_MET', note: '' } }),
      stage: 'RECTIFICATION',
      classification: 'NOT_MET',
      due: TASK_DUE,
      nextRecheck: NONE,
    },
    {
      name: 'SelfCheckConfirmed(UNKNOWN) → MOCK_ASSESSMENT',
      before: { stage: 'SELF_CHECK', classification: 'UNKNOWN', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'UNKNOWN', note: '' } }),
      stage: 'MOCK_ASSESSMENT',
      classification: 'UNKNOWN',
      due: { DEFAULT: '2026-12-24T08:00:00.000Z', CUSTOM: '2026-12-31T08:00:00.000Z' },
      nextRecheck: NONE,
    },
    {
      name: 'SelfCheckConfirmed(MET) → CONSOLIDATION',
      before: { stage: 'SELF_CHECK', classification: 'MET', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'MET', note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'MET',
      due: NONE,
      nextRecheck: MET_RECHECK,
    },
    {
      name: 'SelfCheckConfirmed(RELAPSE_PRONE) → CONSOLIDATION',
      before: { stage: 'SELF_CHECK', classification: 'RELAPSE_PRONE', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'RELAPSE_PRONE', note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'RELAPSE_PRONE',
      due: NONE,
      nextRecheck: RELAPSE_RECHECK,
    },
    {
      name: 'RectificationApproved(NOT_MET) → CONSOLIDATION',
      before: { stage: 'RECTIFICATION', classification: 'NOT_MET', awaitingReview: 'RECTIFICATION_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'RectificationApproved', data: { note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'MET',
      due: NONE,
      nextRecheck: MET_RECHECK,
    },
    {
      name: 'RectificationApproved(RELAPSE_PRONE) → CONSOLIDATION',
      before: { stage: 'RECTIFICATION', classification: 'RELAPSE_PRONE', awaitingReview: 'RECTIFICATION_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'RectificationApproved', data: { note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'RELAPSE_PRONE',
      due: NONE,
      nextRecheck: RELAPSE_RECHECK,
    },
    {
      name: 'MockAssessmentRecorded(passed) → CONSOLIDATION',
      before: { stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' },
      event: event({ type: 'MockAssessmentRecorded', data: { scores: [{ criterionCode: 'A1-1', points: 100, score: 90 }], score: 90, maxScore: 100, scoreRate: 90, passed: true, failedCriteria: [], note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'MET',
      due: NONE,
      nextRecheck: MET_RECHECK,
    },
    {
      name: 'MockAssessmentRecorded(failed) → RECTIFICATION',
      before: { stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' },
      event: event({ type: 'MockAssessmentRecorded', data: { scores: [{ criterionCode: 'A1-1', points: 100, score: 50 }], score: 50, maxScore: 100, scoreRate: 50, passed: false, failedCriteria: ['A1-1'], note: '' } }),
      stage: 'RECTIFICATION',
      classification: 'NOT_MET',
      due: TASK_DUE,
      nextRecheck: NONE,
    },
    {
      name: 'RecheckRecorded(failed) → RECTIFICATION',
      before: { stage: 'CONSOLIDATION', classification: 'MET' },
      event: event({ type: 'RecheckRecorded', data: { passed: false, note: '反弹' } }),
      stage: 'RECTIFICATION',
      classification: 'RELAPSE_PRONE',
      due: TASK_DUE,
      nextRecheck: NONE,
    },
    {
      name: 'ArchivingStarted → ARCHIVING',
      before: { stage: 'CONSOLIDATION', classification: 'MET' },
      event: event({ type: 'ArchivingStarted', data: { note: '' } }),
      stage: 'ARCHIVING',
      classification: 'MET',
      due: { DEFAULT: DUE, CUSTOM: '2027-06-30T15:59:59.000Z' },
      nextRecheck: NONE,
    },
    {
      name: 'ArchiveAccepted → ARCHIVED',
      before: { stage: 'ARCHIVING', classification: 'MET', awaitingReview: 'ARCHIVE_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'ArchiveAccepted', data: { note: '' } }),
      stage: 'ARCHIVED',
      classification: 'MET',
      due: NONE,
      nextRecheck: NONE,
    },
  ];

  /** What a previous stage may leave behind: all of it belongs to that stage and is cleared on entering the next. */
  const LEFTOVERS: Partial<IndicatorTaskState> = {
    stageEnteredAt: ENTERED,
    stageDueAt: '2026-12-05T00:00:00.000Z',
    escalationLevel: 'INTERVIEW',
    pendingExtension: EXTENSION,
    rectificationPlan: PLAN,
    nextRecheckAt: '2026-12-05T00:00:00.000Z',
    recheckDue: true,
  };

  it('enters every stage', () => {
    expect(new Set(ENTRIES.map((e) => e.stage))).toEqual(new Set(STAGES));
  });

  it.each(ENTRIES.flatMap((entry) => (['DEFAULT', 'CUSTOM'] as const).map((which) => [entry.name, which, entry] as const)))(
    '%s under the %s policy sets the stage’s dates and clears what belonged to the stage before',
    (_name, which, { before, event: eventFor, stage, classification, due, nextRecheck }) => {
      const policy = which === 'DEFAULT' ? DEFAULT_TASK_POLICY : CUSTOM_POLICY;
      const state = frozen(stateOf({ ...LEFTOVERS, policy, ...before }));
      const after = evolve(state, eventFor(policy), meta(SUPERVISOR, AT));
      expect({
        stage: after.stage,
        classification: after.classification,
        policy: after.policy,
        stageEnteredAt: after.stageEnteredAt,
        stageDueAt: after.stageDueAt,
        nextRecheckAt: after.nextRecheckAt,
        recheckDue: after.recheckDue,
        escalationLevel: after.escalationLevel,
        pendingExtension: after.pendingExtension,
        rectificationPlan: after.rectificationPlan,
        awaitingReview: after.awaitingReview,
        submittedBy: after.submittedBy,
      }).toEqual({
        stage,
        classification,
        policy,
        stageEnteredAt: AT,
        stageDueAt: due[which],
        nextRecheckAt: nextRecheck[which],
        recheckDue: false,
        escalationLevel: null,
        pendingExtension: null,
        rectificationPlan: null,
        awaitingReview: null,
        submittedBy: null,
      });
    },
  );

  it('gives archiving the campaign’s archive deadline even when it is earlier than the task’s due date', () => {
    const policy: TaskPolicy = { ...DEFAULT_TASK_POLICY, archiveDueAt: '2026-12-31T15:59:59.000Z' };
    const after = evolve(stateOf({ stage: 'CONSOLIDATION', classification: 'MET', policy }), { type: 'ArchivingStarted', data: { note: '' } }, meta(OFFICE, AT));
    expect(after.stageDueAt).toBe('2026-12-31T15:59:59.000Z');
  });
});
