// How a rectification item's events change its state, as a pure fold shared by the workflow, the board
// projection and the tests. Each event comes with its actor and its workflow time.
import { evolveKeyFlag } from '../shared/key-flag';
import { evolveAccountability } from '../shared/accountability';
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { RectificationItemEvent } from './rectification-item.events';
import { DEFAULT_ITEM_POLICY, type ItemState, type RectificationItemInput, type RectificationItemState } from './rectification-item.types';

function enter(state: RectificationItemState, next: ItemState, at: string): RectificationItemState {
  return { ...state, state: next, stateEnteredAt: at };
}

export function initialItemState(input: Pick<RectificationItemInput, 'itemId' | 'campaignId'> & Partial<RectificationItemInput>, at: string): RectificationItemState {
  return {
    itemId: input.itemId,
    campaignId: input.campaignId,
    state: 'REPORTED',
    source: input.source ?? 'SUPERVISION',
    area: input.area ?? null,
    location: input.location ?? { address: '', latitude: null, longitude: null },
    description: input.description ?? '',
    photos: input.photos ?? [],
    indicatorTaskId: input.indicatorTaskId ?? null,
    criterionCode: input.criterionCode ?? null,
    inspectionRoundId: input.inspectionRoundId ?? null,
    reportingUnitCode: input.reportingUnitCode ?? null,
    reportedBy: input.reportedBy?.userId ?? '',
    unitCode: null,
    dueAt: null,
    responsiblePerson: null,
    stateEnteredAt: at,
    escalationLevel: null,
    pendingExtension: null,
    pendingDispatchReturn: null,
    submission: null,
    returnReason: null,
    recheckAt: null,
    relapseCount: 0,
    duplicateReports: 0,
    policy: input.policy ?? DEFAULT_ITEM_POLICY,
    version: 0,
  };
}

/** Apply one recorded event, with its actor and its (workflow) time. */
export function evolveItem(state: RectificationItemState, event: RectificationItemEvent, meta: EventMeta): RectificationItemState {
  const next: RectificationItemState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ItemReported':
      return { ...next, ...event.data, reportedBy: meta.actorId, state: 'REPORTED', stateEnteredAt: meta.at };
    case 'ItemDispatched':
      return { ...enter(next, 'DISPATCHED', meta.at), unitCode: event.data.unitCode, dueAt: event.data.dueAt, escalationLevel: null, pendingDispatchReturn: null, responsiblePerson: null };
    case 'ItemRectificationStarted':
      return enter(next, 'RECTIFYING', meta.at);
    case 'ItemSubmitted':
      return {
        ...enter(next, 'SUBMITTED', meta.at),
        submission: { note: event.data.note, photos: event.data.photos, submittedBy: meta.actorId, submittedAt: meta.at },
        pendingExtension: null,
      };
    case 'ItemVerified':
      return { ...enter(next, 'VERIFIED', meta.at), recheckAt: event.data.recheckAt, returnReason: null, escalationLevel: null };
    case 'ItemReturned':
      return { ...enter(next, 'RETURNED', meta.at), returnReason: event.data.reason };
    case 'ItemRecheckDue':
      return enter(next, 'RECHECK', meta.at);
    case 'ItemRecheckRecorded':
      return event.data.passed
        ? { ...enter(next, 'CLOSED', meta.at), recheckAt: null }
        : {
            ...enter(next, 'RECTIFYING', meta.at),
            relapseCount: state.relapseCount + 1,
            dueAt: event.data.dueAt,
            recheckAt: null,
            submission: null,
            escalationLevel: null,
          };
    case 'ItemExtensionRequested':
      return { ...next, pendingExtension: { requestedDueAt: event.data.requestedDueAt, reason: event.data.reason, requestedBy: meta.actorId } };
    case 'ItemExtensionApproved':
      return { ...next, pendingExtension: null, dueAt: event.data.dueAt, escalationLevel: null };
    case 'ItemExtensionRefused':
      return { ...next, pendingExtension: null };
    case 'ItemDispatchReturnRequested':
      return { ...next, pendingDispatchReturn: { reason: event.data.reason, requestedBy: meta.actorId } };
    case 'ItemDispatchReturnApproved':
      return { ...enter(next, 'REPORTED', meta.at), unitCode: null, dueAt: null, escalationLevel: null, pendingDispatchReturn: null, pendingExtension: null, responsiblePerson: null };
    case 'ResponsiblePersonAssigned':
      return { ...next, responsiblePerson: { login: event.data.login, name: event.data.name } };
    case 'ItemDispatchReturnRefused':
      return { ...next, pendingDispatchReturn: null };
    case 'ItemDuplicateReported':
      return { ...next, duplicateReports: state.duplicateReports + 1 };
    case 'DeadlineEscalated':
      return { ...next, escalationLevel: event.data.level };
    case 'AccountabilityProposed':
    case 'AccountabilityApproved':
    case 'AccountabilityReturned':
      return { ...next, accountability: evolveAccountability(state.accountability, event, meta) };
    case 'KeyFlagSet':
    case 'KeyFlagCleared':
      return { ...next, keyFlag: evolveKeyFlag(event, meta) };
    default:
      return assertNever(event);
  }
}
