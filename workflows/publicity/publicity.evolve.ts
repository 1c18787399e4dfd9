// How the ledger's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { PublicityEvent } from './publicity.events';
import type { PublicityEntryFields, PublicityLedgerState } from './publicity.types';

export function initialPublicityState(ledgerId: string, campaignId = ''): PublicityLedgerState {
  return { ledgerId, campaignId, entries: [], version: 0 };
}

function fieldsOf(d: PublicityEntryFields): PublicityEntryFields {
  return { channel: d.channel, location: d.location, unitCode: d.unitCode, count: d.count, heldOn: d.heldOn, indicatorCodes: d.indicatorCodes, photos: d.photos, note: d.note };
}

export function evolvePublicity(state: PublicityLedgerState, event: PublicityEvent, meta: EventMeta): PublicityLedgerState {
  const next: PublicityLedgerState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'PublicityLedgerOpened':
      return { ...next, campaignId: event.data.campaignId };
    case 'PublicityEntryRecorded':
      return {
        ...next,
        entries: [
          ...state.entries,
          { entryId: event.data.entryId, ...fieldsOf(event.data), voided: false, voidReason: null, recordedAt: meta.at, recordedBy: meta.actorId, correctedAt: null, corrections: 0, lastReason: null },
        ],
      };
    case 'PublicityEntryCorrected':
      return {
        ...next,
        entries: state.entries.map((e) => (e.entryId === event.data.entryId ? { ...e, ...fieldsOf(event.data), correctedAt: meta.at, corrections: e.corrections + 1, lastReason: event.data.reason } : e)),
      };
    case 'PublicityEntryVoided':
      return { ...next, entries: state.entries.map((e) => (e.entryId === event.data.entryId ? { ...e, voided: true, voidReason: event.data.reason, lastReason: event.data.reason } : e)) };
    default:
      return assertNever(event);
  }
}
