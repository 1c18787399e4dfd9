// How a drive's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { SpecialDriveEvent } from './special-drive.events';
import type { SpecialDriveState } from './special-drive.types';

export function initialDriveState(driveId: string): SpecialDriveState {
  return {
    driveId,
    campaignId: '',
    area: null,
    timeZone: '',
    plan: { leadUnitCode: '', startDate: '', endDate: '', goals: '', participatingUnitCodes: [] },
    startsAt: '',
    endsAt: '',
    dueAt: '',
    state: 'ACTIVE',
    attachedItemIds: [],
    detachedItemIds: [],
    summary: null,
    submissions: 0,
    returnReason: null,
    approvedAt: null,
    approvedBy: null,
    approveNote: null,
    escalationLevel: null,
    launchedAt: null,
    launchedBy: null,
    amendments: 0,
    version: 0,
  };
}

export function evolveDrive(state: SpecialDriveState, event: SpecialDriveEvent, meta: EventMeta): SpecialDriveState {
  const next: SpecialDriveState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'SpecialDriveLaunched': {
      const { campaignId, area, timeZone, plan, startsAt, endsAt, dueAt } = event.data;
      return { ...next, campaignId, area, timeZone, plan, startsAt, endsAt, dueAt, state: 'ACTIVE', launchedAt: meta.at, launchedBy: meta.actorId };
    }
    case 'SpecialDriveAmended': {
      const { plan, startsAt, endsAt, dueAt } = event.data;
      // A new deadline starts the ladder again.
      return { ...next, plan, startsAt, endsAt, dueAt, amendments: state.amendments + 1, escalationLevel: dueAt === state.dueAt ? state.escalationLevel : null };
    }
    case 'SpecialDriveItemAttached':
      return { ...next, attachedItemIds: [...state.attachedItemIds, event.data.itemId], detachedItemIds: state.detachedItemIds.filter((id) => id !== event.data.itemId) };
    case 'SpecialDriveItemDetached':
      return { ...next, attachedItemIds: state.attachedItemIds.filter((id) => id !== event.data.itemId), detachedItemIds: [...state.detachedItemIds, event.data.itemId] };
    case 'SpecialDriveSummarySubmitted': {
      const { text, attachments } = event.data;
      return { ...next, state: 'SUMMARY_SUBMITTED', summary: { text, attachments, submittedAt: meta.at, submittedBy: meta.actorId }, submissions: state.submissions + 1 };
    }
    case 'SpecialDriveSummaryReturned':
      return { ...next, state: 'RETURNED', returnReason: event.data.reason };
    case 'SpecialDriveClosed':
      return { ...next, state: 'CLOSED', approvedAt: meta.at, approvedBy: meta.actorId, approveNote: event.data.note };
    case 'SpecialDriveEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}
