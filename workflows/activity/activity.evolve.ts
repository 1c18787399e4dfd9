// How an activity's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { ActivityEvent } from './activity.events';
import type { ActivityState, ActivitySubject } from './activity.types';

export function initialActivityState(activityId: string, subject: Partial<ActivitySubject> = {}): ActivityState {
  return {
    activityId,
    campaignId: subject.campaignId ?? '',
    kind: subject.kind ?? 'OTHER',
    title: subject.title ?? '',
    organiserUnitCode: subject.organiserUnitCode ?? '',
    plannedDate: subject.plannedDate ?? '',
    place: subject.place ?? '',
    indicatorCodes: subject.indicatorCodes ?? [],
    dueAt: subject.dueAt ?? '',
    state: 'PLANNED',
    plannedAt: null,
    plannedBy: null,
    heldDate: null,
    attendance: null,
    photos: [],
    summary: null,
    recordedAt: null,
    recordedBy: null,
    cancelReason: null,
    cancelledAt: null,
    escalationLevel: null,
    version: 0,
  };
}

export function evolveActivity(state: ActivityState, event: ActivityEvent, meta: EventMeta): ActivityState {
  const next: ActivityState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ActivityPlanned':
      return { ...next, ...event.data, indicatorCodes: [...event.data.indicatorCodes], state: 'PLANNED', plannedAt: meta.at, plannedBy: meta.actorId };
    case 'ActivityHeld': {
      const { heldDate, attendance, photos, summary } = event.data;
      return { ...next, state: 'HELD', heldDate, attendance, photos: photos.map((p) => ({ ...p })), summary, recordedAt: meta.at, recordedBy: meta.actorId };
    }
    case 'ActivityCancelled':
      return { ...next, state: 'CANCELLED', cancelReason: event.data.reason, cancelledAt: meta.at };
    case 'ActivityEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}
