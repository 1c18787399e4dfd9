// How an indicator task's events change its state, as a pure fold: the workflow, the board projection and the
// tests replay a stream through `evolve` to the same state. Each event comes with its actor and its workflow time.
import { evolveAccountability } from '../shared/accountability';
import { assertNever } from '../shared/assert-never';
import { evolveKeyFlag } from '../shared/key-flag';
import type { EventMeta } from '../shared/decision.types';
import type { IndicatorTaskEvent } from './indicator-task.events';
import { archiveOf, newMaterial, nextRecheck, stageAfterClassification, stageDeadline } from './indicator-task.rules';
import { DEFAULT_TASK_POLICY, PACKAGE_MATERIAL, type ArchiveMaterialState, type CountedDeadlines, type IndicatorTaskInput, type IndicatorTaskState, type Stage } from './indicator-task.types';

/** A material changed: the task awaits the archivist while any is handed in; all accepted archives it. */
function withMaterial(state: IndicatorTaskState, code: string, change: (m: ArchiveMaterialState) => ArchiveMaterialState, at: string): IndicatorTaskState {
  const archive = archiveOf(state).map((m) => (m.code === code ? change(m) : m));
  if (archive.every((m) => m.status === 'ACCEPTED')) return { ...enter(state, 'ARCHIVED', at), archive };
  return { ...state, archive, awaitingReview: archive.some((m) => m.status === 'SUBMITTED') ? 'ARCHIVE_REVIEW' : null, submittedBy: null };
}

/** A changed due date moves the stage's deadline where it derives from it (not a plan's own deadline). */
function afterBreakdownChange(state: IndicatorTaskState): IndicatorTaskState {
  const derived = state.stage === 'RECTIFICATION' ? state.rectificationPlan === null : state.stage !== 'MOCK_ASSESSMENT';
  if (!derived) return state;
  const stageDueAt = stageDeadline(state, state.stage, state.stageEnteredAt);
  return stageDueAt === state.stageDueAt ? state : { ...state, stageDueAt, escalationLevel: null };
}

/**
 * Entering a stage sets its deadline and clears what belonged to the previous one. `counted`: the working-day
 * deadlines the event recorded; a calendar-day task has none, and its state never gets the field.
 */
function enter(from: IndicatorTaskState, stage: Stage, at: string, counted?: CountedDeadlines): IndicatorTaskState {
  const state: IndicatorTaskState = counted || from.countedDeadlines ? { ...from, countedDeadlines: counted ?? null } : from;
  return {
    ...state,
    stage,
    stageEnteredAt: at,
    stageDueAt: stageDeadline(state, stage, at),
    escalationLevel: null,
    pendingExtension: null,
    rectificationPlan: null,
    awaitingReview: null,
    submittedBy: null,
    nextRecheckAt: stage === 'CONSOLIDATION' ? nextRecheck(state.policy, state.classification, at, counted) : null,
    recheckDue: false,
    failedCriteria: [],
    // Kept once archived, as the record of what was accepted; set by ArchivingStarted on entering archiving.
    archive: stage === 'ARCHIVED' ? (state.archive ?? null) : null,
  };
}

export function initialState(input: Omit<IndicatorTaskInput, 'createdBy'>): IndicatorTaskState {
  return {
    taskId: input.taskId,
    campaignId: input.campaignId,
    indicatorCode: input.indicatorCode,
    unitCode: input.unitCode,
    leadUnitCode: input.leadUnitCode,
    stage: 'SELF_CHECK',
    classification: null,
    awaitingReview: null,
    submittedBy: null,
    dueAt: input.dueAt,
    policy: input.policy ?? DEFAULT_TASK_POLICY,
    stageEnteredAt: input.dueAt,
    stageDueAt: input.dueAt,
    escalationLevel: null,
    pendingExtension: null,
    rectificationPlan: null,
    nextRecheckAt: null,
    recheckDue: false,
    failedCriteria: [],
    relapseCount: 0,
    responsiblePerson: input.responsiblePerson ?? null,
    archive: null,
    version: 0,
  };
}

/** Apply one recorded event, with its actor and its (workflow) time. */
export function evolve(state: IndicatorTaskState, event: IndicatorTaskEvent, meta: EventMeta): IndicatorTaskState {
  const next: IndicatorTaskState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'IndicatorTaskCreated': {
      const { counted, ...created } = event.data;
      return enter({ ...next, ...created, classification: null, relapseCount: 0, responsiblePerson: created.responsiblePerson ?? null }, 'SELF_CHECK', meta.at, counted);
    }
    case 'SelfCheckSubmitted':
      return { ...next, classification: event.data.classification, awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: meta.actorId };
    case 'SelfCheckConfirmed':
      return enter({ ...next, classification: event.data.classification }, stageAfterClassification(event.data.classification), meta.at, event.data.counted);
    case 'SelfCheckReturned':
      // The returned classification was only proposed; the card shows none until the unit submits again.
      return { ...next, classification: null, awaitingReview: null, submittedBy: null };
    case 'RectificationReturned':
      return { ...next, awaitingReview: null, submittedBy: null };
    case 'RectificationPlanSubmitted':
      return { ...next, rectificationPlan: { ...event.data }, stageDueAt: event.data.deadline, escalationLevel: null };
    case 'RectificationProgressReported':
      return next;
    case 'RectificationSubmitted':
      return { ...next, awaitingReview: 'RECTIFICATION_REVIEW', submittedBy: meta.actorId };
    case 'RectificationApproved':
      // A relapse keeps the task relapse-prone: it is re-checked weekly from now on.
      return enter({ ...next, classification: state.classification === 'RELAPSE_PRONE' ? 'RELAPSE_PRONE' : 'MET' }, 'CONSOLIDATION', meta.at, event.data.counted);
    case 'MockAssessmentRecorded': {
      const rounds = event.data.roundId ? { mockAssessmentRounds: [...(state.mockAssessmentRounds ?? []), event.data.roundId] } : {};
      return event.data.passed
        ? enter({ ...next, ...rounds, classification: 'MET' }, 'CONSOLIDATION', meta.at, event.data.counted)
        : { ...enter({ ...next, ...rounds, classification: 'NOT_MET' }, 'RECTIFICATION', meta.at, event.data.counted), failedCriteria: event.data.failedCriteria ?? [] };
    }
    case 'RecheckDue':
      return { ...next, recheckDue: true };
    case 'RecheckRecorded':
      return event.data.passed
        ? { ...next, recheckDue: false, nextRecheckAt: nextRecheck(state.policy, state.classification, meta.at, event.data.counted) }
        : enter({ ...next, classification: 'RELAPSE_PRONE', relapseCount: state.relapseCount + 1 }, 'RECTIFICATION', meta.at, event.data.counted);
    case 'ArchivingStarted':
      return { ...enter(next, 'ARCHIVING', meta.at), archive: (event.data.materials ?? [PACKAGE_MATERIAL]).map(newMaterial) };
    case 'ArchiveMaterialSubmitted':
      return withMaterial(
        next,
        event.data.materialCode,
        (m) => ({ ...m, status: 'SUBMITTED', file: event.data.file, note: event.data.note, submittedBy: meta.actorId, submittedAt: meta.at }),
        meta.at,
      );
    case 'ArchiveMaterialAccepted':
      return withMaterial(next, event.data.materialCode, (m) => ({ ...m, status: 'ACCEPTED', reviewedBy: meta.actorId, reviewedAt: meta.at, returnReason: null }), meta.at);
    case 'ArchiveMaterialReturned':
      return withMaterial(
        next,
        event.data.materialCode,
        (m) => ({ ...m, status: 'RETURNED', reviewedBy: meta.actorId, reviewedAt: meta.at, returnReason: event.data.reason }),
        meta.at,
      );
    case 'ArchiveSubmitted':
      return evolve(state, { type: 'ArchiveMaterialSubmitted', data: { materialCode: PACKAGE_MATERIAL.code, file: null, note: event.data.note } }, meta);
    case 'ArchiveAccepted':
      return evolve(state, { type: 'ArchiveMaterialAccepted', data: { materialCode: PACKAGE_MATERIAL.code, note: event.data.note } }, meta);
    case 'ArchiveReturned':
      return evolve(state, { type: 'ArchiveMaterialReturned', data: { materialCode: PACKAGE_MATERIAL.code, reason: event.data.reason } }, meta);
    case 'TaskReassigned':
      // Everything else stays: the stage, its deadline and the ladder's step, and anything awaiting review. The
      // 责任人 was a person of the old unit: the new unit names its own.
      return { ...next, unitCode: event.data.unitCode, responsiblePerson: null };
    case 'ResponsiblePersonAssigned':
      return { ...next, responsiblePerson: { login: event.data.login, name: event.data.name } };
    case 'ExtensionRequested':
      return { ...next, pendingExtension: { requestedDueAt: event.data.requestedDueAt, reason: event.data.reason, requestedBy: meta.actorId } };
    case 'ExtensionApproved':
      // The deadline moves, and the ladder starts again from the new one.
      return { ...next, pendingExtension: null, stageDueAt: event.data.dueAt, escalationLevel: null };
    case 'ExtensionRefused':
      return { ...next, pendingExtension: null };
    case 'DeadlineEscalated':
      return { ...next, escalationLevel: event.data.level };
    case 'CommentAdded':
    case 'EvidenceAttached':
      return next;
    case 'AccountabilityProposed':
    case 'AccountabilityApproved':
    case 'AccountabilityReturned':
      return { ...next, accountability: evolveAccountability(state.accountability, event, meta) };
    case 'KeyFlagSet':
    case 'KeyFlagCleared':
      return { ...next, keyFlag: evolveKeyFlag(event, meta) };
    case 'TaskBreakdownChanged':
      return afterBreakdownChange({ ...next, dueAt: event.data.dueAt, leadUnitCode: event.data.leadUnitCode });
    default:
      return assertNever(event);
  }
}
