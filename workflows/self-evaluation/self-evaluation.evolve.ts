// How a round's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { SelfEvaluationEvent } from './self-evaluation.events';
import type { SelfEvaluationState, SelfEvaluationSubject, UnitForm } from './self-evaluation.types';

export function initialSelfEvaluationState(roundId: string, subject: Partial<SelfEvaluationSubject> = {}): SelfEvaluationState {
  return {
    roundId,
    campaignId: subject.campaignId ?? '',
    title: subject.title ?? '',
    periodStart: subject.periodStart ?? '',
    periodEnd: subject.periodEnd ?? '',
    dueAt: subject.dueAt ?? '',
    units: subject.units ?? [],
    state: 'OPEN',
    forms: [],
    openedAt: null,
    closedAt: null,
    closeNote: null,
    escalationLevel: null,
    version: 0,
  };
}

export function evolveSelfEvaluation(state: SelfEvaluationState, event: SelfEvaluationEvent, meta: EventMeta): SelfEvaluationState {
  const next: SelfEvaluationState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'SelfEvaluationOpened':
      return { ...next, ...event.data, units: event.data.units.map((u) => ({ unitCode: u.unitCode, taskIds: [...u.taskIds] })), state: 'OPEN', openedAt: meta.at };
    case 'SelfEvaluationSubmitted': {
      const { unitCode, items, achievements, shortcomings, nextSteps, selfGrade } = event.data;
      const before = state.forms.find((f) => f.unitCode === unitCode);
      const form: UnitForm = {
        unitCode,
        items: items.map((i) => ({ ...i })),
        achievements,
        shortcomings,
        nextSteps,
        selfGrade,
        state: 'SUBMITTED',
        submittedAt: before?.submittedAt ?? meta.at,
        submittedBy: meta.actorId,
        late: before ? before.late : Date.parse(meta.at) > Date.parse(state.dueAt),
        submissions: (before?.submissions ?? 0) + 1,
        returnReason: null,
      };
      const order = (code: string) => state.units.findIndex((u) => u.unitCode === code);
      const others = state.forms.filter((f) => f.unitCode !== unitCode);
      return { ...next, forms: [...others, form].sort((a, b) => order(a.unitCode) - order(b.unitCode)) };
    }
    case 'SelfEvaluationReturned':
      return { ...next, forms: state.forms.map((f) => (f.unitCode === event.data.unitCode ? { ...f, state: 'RETURNED', returnReason: event.data.reason } : f)) };
    case 'SelfEvaluationClosed':
      return { ...next, state: 'CLOSED', closedAt: meta.at, closeNote: event.data.note };
    case 'SelfEvaluationEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}

/** The units whose form is not submitted: never submitted, or returned and not yet resubmitted. */
export function missingForms(state: SelfEvaluationState): string[] {
  const done = new Set(state.forms.filter((f) => f.state === 'SUBMITTED').map((f) => f.unitCode));
  return state.units.map((u) => u.unitCode).filter((c) => !done.has(c));
}

export function formOf(state: SelfEvaluationState, unitCode: string): UnitForm | null {
  return state.forms.find((f) => f.unitCode === unitCode) ?? null;
}
