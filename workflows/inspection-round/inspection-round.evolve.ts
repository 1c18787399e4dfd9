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
    taskAssessments: [],
    windowChecks: [],
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
    case 'RoundScoresRecorded': {
      const touched = (event.data.assessments ?? []).map((a) => ({ ...a, at: meta.at }));
      const kept = (state.taskAssessments ?? []).filter((a) => !touched.some((t) => t.taskId === a.taskId));
      const taskAssessments = [...kept, ...touched].sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode, 'en', { numeric: true }) || a.unitCode.localeCompare(b.unitCode));
      return { ...next, scores: event.data.scores, score: event.data.score, maxScore: event.data.maxScore, scoreRate: event.data.scoreRate, taskAssessments };
    }
    case 'RoundTaskAssessed': {
      const { taskId, taskVersion: _v, ...outcome } = event.data;
      return { ...next, taskAssessments: (state.taskAssessments ?? []).map((a) => (a.taskId === taskId ? { ...a, ...outcome, pending: null, at: meta.at } : a)) };
    }
    case 'RoundWindowCheckRecorded': {
      const check = { ...event.data, at: meta.at, by: meta.actorId };
      // Each failure is a finding of the round, as one recorded on the spot.
      const found = event.data.results.flatMap((r) => (r.itemId ? [{ itemId: r.itemId, duplicate: r.duplicate, at: meta.at, by: meta.actorId }] : []));
      return { ...next, windowChecks: [...(state.windowChecks ?? []), check], findings: [...state.findings, ...found] };
    }
    case 'RoundClosed':
      // Scores a task never got complete are reported as not applied: the round is over.
      return {
        ...next,
        state: 'CLOSED',
        closedAt: meta.at,
        taskAssessments: (state.taskAssessments ?? []).map((a) =>
          a.outcome === 'INCOMPLETE' ? { ...a, outcome: 'NOT_APPLICABLE', reason: `轮次已结束，${a.reason ?? '测评内容未录全'}，未计入任务的模拟测评`, at: meta.at } : a,
        ),
      };
    default:
      return assertNever(event);
  }
}
