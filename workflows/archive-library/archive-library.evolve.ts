// How a library document's events change its state: a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { ArchiveLibraryEvent } from './archive-library.events';
import type { LibraryDocumentState } from './archive-library.types';

export function initialLibraryState(documentId: string): LibraryDocumentState {
  return {
    documentId,
    campaignId: '',
    title: '',
    kind: 'OTHER',
    file: { sha256: '', name: '', size: 0, mimeType: '' },
    unitCode: null,
    tags: [],
    source: null,
    state: 'PENDING',
    submittedBy: null,
    submittedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    returnReason: null,
    reviewNote: null,
    rounds: 0,
    version: 0,
  };
}

export function evolveLibrary(state: LibraryDocumentState, event: ArchiveLibraryEvent, meta: EventMeta): LibraryDocumentState {
  const next: LibraryDocumentState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'LibraryDocumentSubmitted':
      return { ...next, ...event.data, state: 'SUBMITTED', submittedBy: meta.actorId, submittedAt: meta.at, rounds: 1 };
    case 'LibraryDocumentAccepted':
      return { ...next, state: 'ACCEPTED', reviewedBy: meta.actorId, reviewedAt: meta.at, returnReason: null, reviewNote: event.data.note };
    case 'LibraryDocumentReturned':
      return { ...next, state: 'RETURNED', reviewedBy: meta.actorId, reviewedAt: meta.at, returnReason: event.data.reason, reviewNote: null };
    case 'LibraryDocumentResubmitted':
      return {
        ...next,
        title: event.data.title,
        file: event.data.file,
        tags: event.data.tags,
        state: 'SUBMITTED',
        submittedBy: meta.actorId,
        submittedAt: meta.at,
        rounds: state.rounds + 1,
      };
    default:
      return assertNever(event);
  }
}
