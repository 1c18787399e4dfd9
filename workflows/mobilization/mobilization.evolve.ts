// How mobilization events change a document's and a response's state: pure folds shared by the workflows and the
// projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { MobilizationDocEvent, MobilizationResponseEvent } from './mobilization.events';
import type { MobilizationDocInput, MobilizationDocState, MobilizationResponseInput, MobilizationResponseState } from './mobilization.types';

export function initialDocState(documentId: string, input: Partial<MobilizationDocInput> = {}): MobilizationDocState {
  return {
    documentId,
    campaignId: input.campaignId ?? '',
    kind: input.kind ?? 'IMPLEMENTATION_PLAN',
    title: input.title ?? '',
    summary: input.summary ?? '',
    file: input.file ?? null,
    unitCodes: input.unitCodes ?? [],
    requiresPlan: input.requiresPlan ?? false,
    requiresGroup: input.requiresGroup ?? false,
    dueAt: input.dueAt ?? '',
    status: 'PENDING',
    issuedAt: null,
    issuedBy: null,
    version: 0,
  };
}

export function evolveDoc(state: MobilizationDocState, event: MobilizationDocEvent, meta: EventMeta): MobilizationDocState {
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'MobilizationDocumentIssued':
      return { ...next, ...event.data, status: 'ISSUED', issuedAt: meta.at, issuedBy: meta.actorId };
    case 'MobilizationDocumentDue':
      return { ...next, status: 'DUE' };
    default:
      return assertNever(event);
  }
}

export function initialResponseState(responseId: string, input: Partial<MobilizationResponseInput> = {}): MobilizationResponseState {
  return {
    responseId,
    documentId: input.documentId ?? '',
    campaignId: input.campaignId ?? '',
    unitCode: input.unitCode ?? '',
    title: input.title ?? '',
    requiresPlan: input.requiresPlan ?? false,
    requiresGroup: input.requiresGroup ?? false,
    dueAt: input.dueAt ?? '',
    opened: false,
    acknowledgedAt: null,
    acknowledgedBy: null,
    plan: null,
    group: null,
    review: 'NONE',
    reviewedAt: null,
    reviewedBy: null,
    returnReason: null,
    returns: 0,
    escalationLevel: null,
    version: 0,
  };
}

/** Handed in: every part the document asks for is there, so it goes to the office for review. */
function handedIn(s: MobilizationResponseState): MobilizationResponseState {
  const complete = s.acknowledgedAt !== null && (!s.requiresPlan || s.plan !== null) && (!s.requiresGroup || s.group !== null);
  return complete ? { ...s, review: 'SUBMITTED' } : s;
}

export function evolveResponse(state: MobilizationResponseState, event: MobilizationResponseEvent, meta: EventMeta): MobilizationResponseState {
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'MobilizationResponseOpened':
      return { ...next, ...event.data, opened: true };
    case 'MobilizationAcknowledged':
      return { ...next, acknowledgedAt: meta.at, acknowledgedBy: meta.actorId };
    case 'MobilizationPlanSubmitted':
      return handedIn({ ...next, plan: { file: event.data.file, summary: event.data.summary, submittedAt: meta.at } });
    case 'MobilizationGroupRegistered': {
      const { leader, members, phone } = event.data;
      return handedIn({ ...next, group: { leader, members, phone, registeredAt: meta.at } });
    }
    case 'MobilizationApproved':
      return { ...next, review: 'APPROVED', reviewedAt: meta.at, reviewedBy: meta.actorId, returnReason: null };
    case 'MobilizationReturned':
      return { ...next, review: 'RETURNED', reviewedAt: meta.at, reviewedBy: meta.actorId, returnReason: event.data.reason, returns: state.returns + 1 };
    case 'MobilizationEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}
