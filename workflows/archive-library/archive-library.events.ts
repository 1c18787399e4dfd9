// Domain events of a library document; its stream is its workflow id (`archive-document-…`).
import type { LibraryDocumentContent, LibraryFile, LibraryTag } from './archive-library.types';

export type ArchiveLibraryEvent =
  | { type: 'LibraryDocumentSubmitted'; data: LibraryDocumentContent & { source: string | null } }
  | { type: 'LibraryDocumentAccepted'; data: { note: string } }
  /** Carries what the inbox says of it (campaign, unit, title), so that the notice needs no other event. */
  | { type: 'LibraryDocumentReturned'; data: { reason: string; campaignId: string; unitCode: string | null; submittedBy: string | null; title: string } }
  | { type: 'LibraryDocumentResubmitted'; data: { title: string; file: LibraryFile; tags: LibraryTag[]; note: string; campaignId: string; unitCode: string | null } };

export type ArchiveLibraryEventType = ArchiveLibraryEvent['type'];
