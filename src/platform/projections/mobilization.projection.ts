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
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import type { MobilizationDocEvent, MobilizationResponseEvent } from '../../../workflows/mobilization/mobilization.events';
import { evolveDoc, evolveResponse, initialDocState, initialResponseState } from '../../../workflows/mobilization/mobilization.evolve';
import {
  MOBILIZATION_DOC_STREAM_PREFIX,
  MOBILIZATION_RESPONSE_STREAM_PREFIX,
  MOBILIZATION_RESPONSE_WORKFLOW_TYPE,
  mobilizationResponseWorkflowId,
} from '../../../workflows/mobilization/mobilization.messages';
import type { MobilizationDocState, MobilizationResponseInput, MobilizationResponseState } from '../../../workflows/mobilization/mobilization.types';

const INSERT_CHUNK = 500;

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

const metaOf = (event: StoredEvent) => ({ actorId: (event.metadata.actor as { userId?: string } | undefined)?.userId ?? '', at: event.occurredAt.toISOString() });

async function upsert<T extends 'mobilization_documents' | 'mobilization_responses'>(trx: Transaction<Database>, table: T, key: string, values: unknown[], updated: readonly string[]): Promise<void> {
  for (let i = 0; i < values.length; i += INSERT_CHUNK) {
    await trx
      .insertInto(table)
      .values(values.slice(i, i + INSERT_CHUNK) as never)
      .onConflict((oc) => oc.column(key as never).doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never))
      .execute();
  }
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

const DOC_ROWS: StreamRows<DocRow> = {
  isStream: isMobilizationDocStream,
  async read(trx, ids) {
    const rows = await trx.selectFrom('mobilization_documents').select(['document_id', 'state_json', 'last_position']).where('document_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.document_id, { state: r.state_json as unknown as MobilizationDocState, lastPosition: r.last_position }]));
  },
  fold(row, event) {
    const state = evolveDoc(row?.state ?? initialDocState(event.streamId), { type: event.type, data: event.data } as MobilizationDocEvent, metaOf(event));
    return { state, lastPosition: event.position };
  },
  async write(trx, rows) {
    await upsert(trx, 'mobilization_documents', 'document_id', rows.map(docRow).filter((r) => r !== null), ['status', 'version', 'last_position', 'state_json']);
  },
  async clear(trx) {
    await trx.deleteFrom('mobilization_documents').execute();
  },
};

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

const RESPONSE_ROWS: StreamRows<ResponseRow> = {
  isStream: isMobilizationResponseStream,
  async read(trx, ids) {
    const rows = await trx.selectFrom('mobilization_responses').select(['response_id', 'state_json', 'last_position']).where('response_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.response_id, { state: r.state_json as unknown as MobilizationResponseState, lastPosition: r.last_position }]));
  },
  fold(row, event) {
    const state = evolveResponse(row?.state ?? initialResponseState(event.streamId), { type: event.type, data: event.data } as MobilizationResponseEvent, metaOf(event));
    return { state, lastPosition: event.position };
  },
  async write(trx, rows) {
    await upsert(trx, 'mobilization_responses', 'response_id', rows.map(responseRow).filter((r) => r !== null), ['review', 'acknowledged_at', 'escalation_level', 'version', 'last_position', 'state_json']);
  },
  async clear(trx) {
    await trx.deleteFrom('mobilization_responses').execute();
  },
};

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
