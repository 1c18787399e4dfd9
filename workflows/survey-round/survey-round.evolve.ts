// How a round's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { SurveyRoundEvent } from './survey-round.events';
import type { SurveyCommunityResult, SurveyRoundState, SurveyRoundSubject } from './survey-round.types';

export function initialSurveyRoundState(roundId: string, subject: Partial<SurveyRoundSubject> = {}): SurveyRoundState {
  return {
    roundId,
    campaignId: subject.campaignId ?? '',
    title: subject.title ?? '',
    method: subject.method ?? 'IN_PERSON',
    startDate: subject.startDate ?? '',
    endDate: subject.endDate ?? '',
    unitCodes: subject.unitCodes ?? [],
    dueAt: subject.dueAt ?? '',
    state: 'OPEN',
    results: [],
    plannedAt: null,
    plannedBy: null,
    closedAt: null,
    closedBy: null,
    closeNote: null,
    escalationLevel: null,
    version: 0,
  };
}

export function evolveSurveyRound(state: SurveyRoundState, event: SurveyRoundEvent, meta: EventMeta): SurveyRoundState {
  const next: SurveyRoundState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'SurveyRoundPlanned':
      return { ...next, ...event.data, unitCodes: [...event.data.unitCodes], state: 'OPEN', plannedAt: meta.at, plannedBy: meta.actorId };
    case 'SurveyResultsRecorded': {
      const { unitCode, sample, aware, supporting, participating, satisfied } = event.data;
      const result: SurveyCommunityResult = { unitCode, sample, aware, supporting, participating, satisfied, recordedAt: meta.at, recordedBy: meta.actorId };
      const others = state.results.filter((r) => r.unitCode !== unitCode);
      const order = (code: string) => state.unitCodes.indexOf(code);
      return { ...next, results: [...others, result].sort((a, b) => order(a.unitCode) - order(b.unitCode)) };
    }
    case 'SurveyRoundClosed':
      return { ...next, state: 'CLOSED', closedAt: meta.at, closedBy: meta.actorId, closeNote: event.data.note };
    case 'SurveyRoundEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}

/** The communities of the round without results yet. */
export function missingCommunities(state: SurveyRoundState): string[] {
  const done = new Set(state.results.map((r) => r.unitCode));
  return state.unitCodes.filter((c) => !done.has(c));
}
