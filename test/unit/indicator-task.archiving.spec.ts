// Indicator-task rules: archiving material by material, and reassignment.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { IndicatorTaskCommand } from '../../workflows/indicator-task/indicator-task.types';
import { allowedActions, allowedSideActions, decide } from '../../workflows/indicator-task/indicator-task.decide';
import { unitOwesWork } from '../../workflows/indicator-task/indicator-task.rules';
import { evolve } from '../../workflows/indicator-task/indicator-task.evolve';
import { nextTimer } from '../../workflows/indicator-task/indicator-task.schedule';
import type { Actor } from '../../workflows/shared/actor.types';
import {
  OTHER_UNIT,
  ARCHIVIST_2,
  EVERYONE,
  DUE,
  NOW,
  stateOf,
  meta,
  HOUR,
  DAY,
  plus,
  M1,
  M2,
  archivingWith,
  material,
  FILE,
  valid,
  rejectionOf,
  eventsOf,
  AT,
  OFFICE,
  SUPERVISOR,
  ARCHIVIST,
  OWN_UNIT_HEAD,
  OWN_UNIT_MEMBER,
  OTHER_UNIT_MEMBER,
} from '../support/indicator-task.fixtures';

// ---------------------------------------------------------------------------------------------------------
// Archiving material by material, and reassignment
// ---------------------------------------------------------------------------------------------------------

describe('archiving material by material', () => {
  const SUBMITTED_BY_MEMBER = { status: 'SUBMITTED' as const, submittedBy: OWN_UNIT_MEMBER.userId, file: FILE };

  it('while one material awaits the archivist, the unit hands in the other and may ask for time for it', () => {
    const state = archivingWith({ [M1.code]: SUBMITTED_BY_MEMBER });
    expect(state.awaitingReview).toBe('ARCHIVE_REVIEW');
    expect(allowedActions(state, OWN_UNIT_MEMBER)).toEqual(['SUBMIT_ARCHIVE_MATERIAL', 'REQUEST_EXTENSION']);
    expect(allowedActions(state, ARCHIVIST)).toEqual(['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']);
    expect(allowedActions(state, SUPERVISOR)).toEqual([]);
  });

  it('once everything is handed in, the unit owes nothing: no more submissions, no extension, no escalation', () => {
    const state = archivingWith({ [M1.code]: SUBMITTED_BY_MEMBER, [M2.code]: { status: 'ACCEPTED', submittedBy: OWN_UNIT_HEAD.userId } });
    expect(allowedActions(state, OWN_UNIT_MEMBER)).toEqual([]);
    expect(unitOwesWork(state)).toBe(false);
    expect(nextTimer({ ...state, escalationLevel: 'URGE' }, plus(DUE, DAY))).toBeNull();
  });

  it('while a material is still missing, the escalation ladder runs even though another awaits review', () => {
    const state = archivingWith({ [M1.code]: SUBMITTED_BY_MEMBER }, { escalationLevel: 'URGE' });
    expect(unitOwesWork(state)).toBe(true);
    expect(nextTimer(state, plus(DUE, DAY))).toEqual({ kind: 'ESCALATE', level: 'SUPERVISE', at: plus(DUE, 72 * HOUR) });
  });

  it('a returned material is owed again: the unit hands it in again, with the reason shown on it', () => {
    const state = archivingWith({ [M1.code]: { status: 'RETURNED', returnReason: '缺签字', submittedBy: OWN_UNIT_MEMBER.userId }, [M2.code]: SUBMITTED_BY_MEMBER });
    expect(unitOwesWork(state)).toBe(true);
    expect(allowedActions(state, OWN_UNIT_HEAD)).toEqual(['SUBMIT_ARCHIVE_MATERIAL', 'REQUEST_EXTENSION']);
  });

  it('walks two materials to ARCHIVED: submitted, one returned and handed in again, both accepted; the record stays', () => {
    let state = evolve(stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null }), { type: 'ArchivingStarted', data: { note: '', materials: [M1, M2] } }, meta(OFFICE, AT));
    const act = (actor: Actor, command: IndicatorTaskCommand) => {
      const events = eventsOf(decide(state, { actor, command }, NOW));
      state = evolve(state, events[0], meta(actor, NOW));
      return state;
    };
    act(OWN_UNIT_MEMBER, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE, note: '台账一册' });
    expect(state).toMatchObject({ stage: 'ARCHIVING', awaitingReview: 'ARCHIVE_REVIEW', submittedBy: null });
    act(ARCHIVIST, { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: '缺签字页' });
    expect(state).toMatchObject({ stage: 'ARCHIVING', awaitingReview: null });
    act(OWN_UNIT_HEAD, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M2.code, file: FILE });
    act(OWN_UNIT_MEMBER, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE, note: '已补签字' });
    act(ARCHIVIST, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code });
    expect(state.stage).toBe('ARCHIVING');
    act(ARCHIVIST_2, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code, note: '齐全' });
    expect(state).toMatchObject({ stage: 'ARCHIVED', awaitingReview: null, stageDueAt: null });
    expect(state.archive).toEqual([
      material(M1, { status: 'ACCEPTED', file: FILE, note: '已补签字', submittedBy: OWN_UNIT_MEMBER.userId, submittedAt: NOW, reviewedBy: ARCHIVIST.userId, reviewedAt: NOW }),
      material(M2, { status: 'ACCEPTED', file: FILE, submittedBy: OWN_UNIT_HEAD.userId, submittedAt: NOW, reviewedBy: ARCHIVIST_2.userId, reviewedAt: NOW }),
    ]);
  });

  it('never lets an archivist accept a material they handed in themselves, but a colleague may', () => {
    const state = archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: ARCHIVIST.userId } });
    expect(allowedActions(state, ARCHIVIST)).toEqual([]);
    expect(rejectionOf(decide(state, { actor: ARCHIVIST, command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code } }, NOW)).code).toBe('FORBIDDEN');
    expect(allowedActions(state, ARCHIVIST_2)).toEqual(['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']);
    // With another material awaiting that someone else handed in, the archivist may review that one only.
    const both = archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: ARCHIVIST.userId }, [M2.code]: SUBMITTED_BY_MEMBER });
    expect(allowedActions(both, ARCHIVIST)).toEqual(['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']);
    expect(rejectionOf(decide(both, { actor: ARCHIVIST, command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: 'r' } }, NOW)).code).toBe('FORBIDDEN');
    expect(eventsOf(decide(both, { actor: ARCHIVIST, command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code } }, NOW))).toHaveLength(1);
  });

  it('refuses a list of materials that is empty, has blank names or repeats a code', () => {
    const state = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null });
    for (const materials of [[], [{ code: 'A1-M1', name: ' ' }], [M1, M1], [{ code: '', name: 'x' }]]) {
      const rejection = rejectionOf(decide(state, { actor: OFFICE, command: { action: 'START_ARCHIVING', materials } }, NOW));
      expect({ code: rejection.code, field: rejection.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'materials' });
    }
  });
});

describe('reassignment', () => {
  it.each(['SELF_CHECK', 'RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION', 'ARCHIVING'] as const)('is the office’s alone in %s', (stage) => {
    const state = stateOf({ stage, classification: stage === 'SELF_CHECK' ? null : 'NOT_MET' });
    for (const actor of EVERYONE) expect({ who: actor.userId, may: allowedSideActions(state, actor).includes('REASSIGN') }).toEqual({ who: actor.userId, may: actor.role === 'OFFICE' });
  });

  it('is closed once the task is archived', () => {
    const rejection = rejectionOf(decide(stateOf({ stage: 'ARCHIVED', classification: 'MET', stageDueAt: null }), { actor: OFFICE, command: valid('REASSIGN') }, NOW));
    expect(rejection.code).toBe('ILLEGAL_TRANSITION');
  });

  it('hands the work to the new unit: the old one can no longer act, the new one can', () => {
    const before = stateOf({ stage: 'SELF_CHECK' });
    const events = eventsOf(decide(before, { actor: OFFICE, command: { action: 'REASSIGN', unitCode: OTHER_UNIT, reason: '职责调整' } }, NOW));
    const after = evolve(before, events[0], meta(OFFICE));
    expect(allowedActions(after, OWN_UNIT_MEMBER)).toEqual([]);
    expect(allowedActions(after, OTHER_UNIT_MEMBER)).toEqual(['SUBMIT_SELF_CHECK', 'REQUEST_EXTENSION']);
    expect(rejectionOf(decide(after, { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK') }, NOW)).code).toBe('FORBIDDEN');
  });
});
