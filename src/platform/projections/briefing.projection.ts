// Briefings and circulars (issue 19), in the append's transaction: each briefing's stream is folded with the
// workflow's own evolveBriefing into `briefings`, for the lists and the 文书档案 tab. Rebuildable from the events
// (npm run projections:rebuild); the number register (briefing_numbers) is not a projection and is never cleared.
import type { Insertable, Transaction } from 'kysely';
import type { BriefingsTable, Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import { WorkflowOutboxRepository } from '../outbox/workflow-outbox.repository';
import { briefingsToArchive } from './briefing-archive';
import type { BriefingEvent } from '../../../workflows/briefing/briefing.events';
import { evolveBriefing, initialBriefingState, pendingUnits } from '../../../workflows/briefing/briefing.evolve';
import { BRIEFING_STREAM_PREFIX } from '../../../workflows/briefing/briefing.messages';
import type { BriefingStateView } from '../../../workflows/briefing/briefing.types';

const INSERT_CHUNK = 500;

export function isBriefingStream(streamId: string): boolean {
  return streamId.startsWith(BRIEFING_STREAM_PREFIX);
}

interface BriefingRow {
  state: BriefingStateView;
  lastPosition: string;
  updatedAt: string;
}

function toRow(row: BriefingRow): Insertable<BriefingsTable> | null {
  const s = row.state;
  if (s.createdAt === null) return null;
  return {
    briefing_id: s.briefingId,
    campaign_id: s.campaignId,
    kind: s.kind,
    state: s.state,
    title: s.title,
    number: s.number,
    year: s.year,
    seq: s.seq,
    named_units: s.state === 'PUBLISHED' ? s.acks.map((a) => a.unitCode) : s.namedUnits,
    pending_units: pendingUnits(s),
    created_at: s.createdAt,
    updated_at: row.updatedAt,
    published_at: s.publishedAt,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const UPDATED = ['state', 'title', 'number', 'year', 'seq', 'named_units', 'pending_units', 'updated_at', 'published_at', 'version', 'last_position', 'state_json'] as const;

const BRIEFING_ROWS: StreamRows<BriefingRow> = {
  isStream: isBriefingStream,
  async read(trx, ids) {
    const rows = await trx.selectFrom('briefings').select(['briefing_id', 'state_json', 'last_position', 'updated_at']).where('briefing_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.briefing_id, { state: r.state_json as unknown as BriefingStateView, lastPosition: r.last_position, updatedAt: r.updated_at.toISOString() }]));
  },
  fold(row, event) {
    const actor = event.metadata.actor as { userId?: string } | undefined;
    const at = event.occurredAt.toISOString();
    const state = evolveBriefing(row?.state ?? initialBriefingState(event.streamId), { type: event.type, data: event.data } as BriefingEvent, { actorId: actor?.userId ?? '', at });
    return { state, lastPosition: event.position, updatedAt: at };
  },
  async write(trx, rows) {
    const values = rows.map(toRow).filter((r) => r !== null);
    for (let i = 0; i < values.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('briefings')
        .values(values.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) => oc.column('briefing_id').doUpdateSet((eb) => Object.fromEntries(UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)]))))
        .execute();
    }
  },
  async clear(trx) {
    await trx.deleteFrom('briefings').execute();
  },
};

export class BriefingProjection implements InlineProjection {
  readonly name = 'briefings';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, BRIEFING_ROWS);
    // A published briefing goes into the archive library (briefing-archive.ts); a rebuild writes no outbox rows.
    await WorkflowOutboxRepository.enqueue(trx, briefingsToArchive(events));
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, BRIEFING_ROWS);
  }
}
