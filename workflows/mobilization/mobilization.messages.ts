// Messages of the mobilization workflows: type names, ids, the response's action Update and the state queries.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { MobilizationDocState, MobilizationResponseState, ResponseActionRequest, ReviewState } from './mobilization.types';

export interface ResponseActionResult {
  version: number;
  review: ReviewState;
}

export const MOBILIZATION_DOC_WORKFLOW_TYPE = 'mobilizationDocumentWorkflow';
export const MOBILIZATION_RESPONSE_WORKFLOW_TYPE = 'mobilizationResponseWorkflow';
export const responseActionUpdate = defineUpdate<ResponseActionResult, [ResponseActionRequest]>('mobilizationResponseAction');
export const mobilizationDocStateQuery = defineQuery<MobilizationDocState>('mobilizationDocState');
export const mobilizationResponseStateQuery = defineQuery<MobilizationResponseState>('mobilizationResponseState');

export const MOBILIZATION_DOC_STREAM_PREFIX = 'mobilization-doc-';
export const MOBILIZATION_RESPONSE_STREAM_PREFIX = 'mobilization-resp-';

/** A document the office issues, under a key the API chooses (a uuid, or the Idempotency-Key's update id). */
export function mobilizationDocWorkflowId(key: string): string {
  return `${MOBILIZATION_DOC_STREAM_PREFIX}${key}`;
}

/** One unit's response to a document: one per (document, unit), however often the outbox starts it. */
export function mobilizationResponseWorkflowId(documentId: string, unitCode: string): string {
  return `${MOBILIZATION_RESPONSE_STREAM_PREFIX}${documentId.slice(MOBILIZATION_DOC_STREAM_PREFIX.length)}-${unitCode}`;
}
