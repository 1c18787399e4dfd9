// How a briefing's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { BriefingEvent } from './briefing.events';
import { DEFAULT_ACK_DAYS, type BriefingKind, type BriefingStateView } from './briefing.types';

export function initialBriefingState(briefingId: string, input: { campaignId?: string; kind?: BriefingKind } = {}): BriefingStateView {
  return {
    briefingId,
    campaignId: input.campaignId ?? '',
    kind: input.kind ?? 'WORK_BRIEFING',
    state: 'DRAFT',
    title: '',
    sections: [],
    attachments: [],
    namedUnits: [],
    ackDays: DEFAULT_ACK_DAYS,
    createdAt: null,
    createdBy: null,
    submittedAt: null,
    approvedAt: null,
    approvedBy: null,
    approvalNote: null,
    returnedAt: null,
    returnReason: null,
    number: null,
    year: null,
    seq: null,
    publishedAt: null,
    publishedBy: null,
    pdfSha256: null,
    pdfName: null,
    ackDueAt: null,
    acks: [],
    escalationLevel: null,
    version: 0,
  };
}

export function evolveBriefing(state: BriefingStateView, event: BriefingEvent, meta: EventMeta): BriefingStateView {
  const next: BriefingStateView = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'BriefingDrafted': {
      const { campaignId, kind, ...draft } = event.data;
      return { ...next, ...draft, campaignId, kind, state: 'DRAFT', createdAt: meta.at, createdBy: meta.actorId };
    }
    case 'BriefingDraftUpdated':
      return { ...next, ...event.data };
    case 'BriefingSubmitted':
      return { ...next, state: 'SUBMITTED', submittedAt: meta.at };
    case 'BriefingApproved':
      return { ...next, state: 'APPROVED', approvedAt: meta.at, approvedBy: meta.actorId, approvalNote: event.data.note };
    case 'BriefingReturned':
      return { ...next, state: 'DRAFT', returnedAt: meta.at, returnReason: event.data.reason };
    case 'BriefingPublished':
      return {
        ...next,
        state: 'PUBLISHED',
        number: event.data.number,
        year: event.data.year,
        seq: event.data.seq,
        pdfSha256: event.data.pdfFileId,
        pdfName: event.data.pdfName,
        publishedAt: meta.at,
        publishedBy: meta.actorId,
        ackDueAt: event.data.ackDueAt,
        acks: event.data.namedUnits.map((unitCode) => ({ unitCode, acknowledgedAt: null, acknowledgedBy: null, note: null })),
      };
    case 'BriefingAcknowledged':
      return {
        ...next,
        acks: state.acks.map((a) => (a.unitCode === event.data.unitCode ? { ...a, acknowledgedAt: meta.at, acknowledgedBy: meta.actorId, note: event.data.note } : a)),
      };
    case 'BriefingAckEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}

/** The named units that have not acknowledged. */
export function pendingUnits(state: BriefingStateView): string[] {
  return state.acks.filter((a) => a.acknowledgedAt === null).map((a) => a.unitCode);
}
