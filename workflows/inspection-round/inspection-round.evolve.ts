// How an inspection round's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { InspectionRoundEvent } from './inspection-round.events';
import type { InspectionRoundInput, InspectionRoundState } from './inspection-round.types';

export function initialRoundState(input: Pick<InspectionRoundInput, 'roundId' | 'campaignId'> & Partial<InspectionRoundInput>): InspectionRoundState {
  return {
    roundId: input.roundId,
    campaignId: input.campaignId,
    kind: input.kind ?? 'MONTHLY_SUPERVISION',
    title: input.title ?? '',
    plannedOn: input.plannedOn ?? '',
    places: input.places ?? [],
    indicatorCodes: input.indicatorCodes ?? [],
    state: 'PLANNED',
    plannedBy: input.plannedBy?.userId ?? '',
    findings: [],
    scores: [],
    score: 0,
    maxScore: 0,
    scoreRate: null,
    startedAt: null,
    closedAt: null,
    version: 0,
  };
}

export function evolveRound(state: InspectionRoundState, event: InspectionRoundEvent, meta: EventMeta): InspectionRoundState {
  const next: InspectionRoundState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'RoundPlanned':
      return { ...next, ...event.data, plannedBy: meta.actorId, state: 'PLANNED' };
    case 'RoundStarted':
      return { ...next, state: 'IN_PROGRESS', startedAt: meta.at };
    case 'RoundFindingRecorded':
      return { ...next, findings: [...state.findings, { itemId: event.data.itemId, duplicate: event.data.duplicate, at: meta.at, by: meta.actorId }] };
    case 'RoundScoresRecorded':
      return { ...next, scores: event.data.scores, score: event.data.score, maxScore: event.data.maxScore, scoreRate: event.data.scoreRate };
    case 'RoundClosed':
      return { ...next, state: 'CLOSED', closedAt: meta.at };
    default:
      return assertNever(event);
  }
}
