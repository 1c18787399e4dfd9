// Mobilization (动员部署, issue 19), in the append's transaction:
// - a document's MobilizationDocumentIssued writes one response workflow per unit into the workflow outbox under
//   `mobilization-resp-{document}-{unit}`, so every unit gets exactly one response, however often the append is
//   retried; a rebuild writes nothing to the outbox;
// - the documents' and the responses' streams are folded with the workflows' own evolve functions into
//   `mobilization_documents` and `mobilization_responses`, for the 动员部署 tab.
import type { Insertable, Transaction } from 'kysely';
import type { Database, MobilizationDocumentsTable, MobilizationResponsesTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { WorkflowOutboxRepository, type OutboxWorkflow } from '../outbox/workflow-outbox.repository';
import { applyToStreamRows, rebuildStreamRows } from './stream-rows';
import { stateRows } from './state-rows';
import type { MobilizationDocEvent } from '../../../workflows/mobilization/mobilization.events';
import { evolveDoc, evolveResponse, initialDocState, initialResponseState } from '../../../workflows/mobilization/mobilization.evolve';
import {
  MOBILIZATION_DOC_STREAM_PREFIX,
  MOBILIZATION_RESPONSE_STREAM_PREFIX,
  MOBILIZATION_RESPONSE_WORKFLOW_TYPE,
  mobilizationResponseWorkflowId,
} from '../../../workflows/mobilization/mobilization.messages';
import type { MobilizationDocState, MobilizationResponseInput, MobilizationResponseState } from '../../../workflows/mobilization/mobilization.types';

export function isMobilizationDocStream(streamId: string): boolean {
  return streamId.startsWith(MOBILIZATION_DOC_STREAM_PREFIX);
}

export function isMobilizationResponseStream(streamId: string): boolean {
  return streamId.startsWith(MOBILIZATION_RESPONSE_STREAM_PREFIX);
}

/** The response workflows a document's issue starts: one per unit it names. */
export function responsesToStart(events: readonly StoredEvent[]): OutboxWorkflow[] {
  return events.flatMap((event) => {
    if (!isMobilizationDocStream(event.streamId) || event.type !== 'MobilizationDocumentIssued') return [];
    const d = (event.data as Extract<MobilizationDocEvent, { type: 'MobilizationDocumentIssued' }>['data']);
    return d.unitCodes.map((unitCode) => {
      const input: MobilizationResponseInput = {
        documentId: event.streamId,
        campaignId: d.campaignId,
        unitCode,
        title: d.title,
        requiresPlan: d.requiresPlan,
        requiresGroup: d.requiresGroup,
        dueAt: d.dueAt,
      };
      return { workflowId: mobilizationResponseWorkflowId(event.streamId, unitCode), workflowType: MOBILIZATION_RESPONSE_WORKFLOW_TYPE, args: [input], sourceEventId: event.eventId };
    });
  });
}

interface DocRow {
  state: MobilizationDocState;
  lastPosition: string;
}

function docRow(row: DocRow): Insertable<MobilizationDocumentsTable> | null {
  const s = row.state;
  if (s.issuedAt === null) return null;
  return {
    document_id: s.documentId,
    campaign_id: s.campaignId,
    kind: s.kind,
    title: s.title,
    status: s.status,
    issued_at: s.issuedAt,
    due_at: s.dueAt,
    unit_codes: s.unitCodes,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const DOC_ROWS = stateRows({
  table: 'mobilization_documents',
  key: 'document_id',
  isStream: isMobilizationDocStream,
  initial: (id) => initialDocState(id),
  evolve: evolveDoc,
  toRow: docRow,
  updated: ['status', 'version', 'last_position', 'state_json'],
});

interface ResponseRow {
  state: MobilizationResponseState;
  lastPosition: string;
}

function responseRow(row: ResponseRow): Insertable<MobilizationResponsesTable> | null {
  const s = row.state;
  if (!s.opened) return null;
  return {
    response_id: s.responseId,
    document_id: s.documentId,
    campaign_id: s.campaignId,
    unit_code: s.unitCode,
    review: s.review,
    acknowledged_at: s.acknowledgedAt,
    escalation_level: s.escalationLevel,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const RESPONSE_ROWS = stateRows({
  table: 'mobilization_responses',
  key: 'response_id',
  isStream: isMobilizationResponseStream,
  initial: (id) => initialResponseState(id),
  evolve: evolveResponse,
  toRow: responseRow,
  updated: ['review', 'acknowledged_at', 'escalation_level', 'version', 'last_position', 'state_json'],
});

export class MobilizationProjection implements InlineProjection {
  readonly name = 'mobilization';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await WorkflowOutboxRepository.enqueue(trx, responsesToStart(events));
    await applyToStreamRows(trx, events, DOC_ROWS);
    await applyToStreamRows(trx, events, RESPONSE_ROWS);
  }

  /** The rows only: the outbox is never written from history. */
  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    const docs = await rebuildStreamRows(trx, DOC_ROWS);
    const responses = await rebuildStreamRows(trx, RESPONSE_ROWS);
    return {
      visit(event) {
        const a = docs.visit(event);
        const b = responses.visit(event);
        return a && b ? Promise.all([a, b]).then(() => undefined) : (a ?? b);
      },
      async finish() {
        const [d, r] = await Promise.all([docs.finish(), responses.finish()]);
        return { events: d.events + r.events };
      },
    };
  }
}
