// Messages of the library document's workflow: its type name and ids, the action Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { LibraryActionRequest, LibraryDocumentState, LibraryState } from './archive-library.types';

export interface LibraryActionResult {
  version: number;
  state: LibraryState;
}

export const ARCHIVE_LIBRARY_WORKFLOW_TYPE = 'archiveLibraryDocumentWorkflow';
export const libraryActionUpdate = defineUpdate<LibraryActionResult, [LibraryActionRequest]>('libraryAction');
/** Answers once the document's first event is written. */
export const librarySubmittedUpdate = defineUpdate<LibraryDocumentState, []>('librarySubmitted');
export const libraryStateQuery = defineQuery<LibraryDocumentState>('libraryState');

export const ARCHIVE_DOCUMENT_STREAM_PREFIX = 'archive-document-';

/** A document people hand in, under a key the API chooses. */
export function libraryDocumentWorkflowId(key: string): string {
  return `${ARCHIVE_DOCUMENT_STREAM_PREFIX}${key}`;
}

/** A system document: one per source, however often it is registered (the key is the source's hash). */
export function systemDocumentWorkflowId(sourceHash: string): string {
  return `${ARCHIVE_DOCUMENT_STREAM_PREFIX}system-${sourceHash}`;
}
