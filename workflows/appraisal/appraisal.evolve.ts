// How 评议's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { AppraisalEvent } from './appraisal.events';
import type { AppraisalState } from './appraisal.types';

export function initialAppraisalState(appraisalId: string, campaignId = ''): AppraisalState {
  return { appraisalId, campaignId, grades: [], ratings: [], version: 0 };
}

export function evolveAppraisal(state: AppraisalState, event: AppraisalEvent, meta: EventMeta): AppraisalState {
  const next: AppraisalState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'AppraisalOpened':
      return { ...next, campaignId: event.data.campaignId };
    case 'UnitGraded': {
      const { unitCode, grade, comment, reason } = event.data;
      const before = state.grades.find((g) => g.unitCode === unitCode);
      const graded = { unitCode, grade, comment, gradedAt: meta.at, gradedBy: meta.actorId, revisions: before ? before.revisions + 1 : 0, lastReason: reason };
      return { ...next, grades: [...state.grades.filter((g) => g.unitCode !== unitCode), graded].sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0)) };
    }
    case 'WorkingGroupRated': {
      const { group, rating, comment, reason } = event.data;
      const before = state.ratings.find((r) => r.group === group);
      const rated = { group, rating, comment, ratedAt: meta.at, ratedBy: meta.actorId, revisions: before ? before.revisions + 1 : 0, lastReason: reason };
      return { ...next, ratings: [...state.ratings.filter((r) => r.group !== group), rated] };
    }
    default:
      return assertNever(event);
  }
}
