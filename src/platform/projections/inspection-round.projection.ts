// Inspection rounds' rows, folded from their events with the round lifecycle's own `evolveRound`, in the same
// transaction as the append.
import type { Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import { INSPECTION_ROUND_STREAM_PREFIX } from '../../../workflows/inspection-round/inspection-round.messages';
import type { InspectionRoundEvent } from '../../../workflows/inspection-round/inspection-round.events';
import { evolveRound, initialRoundState } from '../../../workflows/inspection-round/inspection-round.evolve';
import type { InspectionRoundState } from '../../../workflows/inspection-round/inspection-round.types';

interface RoundRow {
  state: InspectionRoundState;
  createdAt: Date;
  updatedAt: Date;
  lastPosition: string;
}

export function isInspectionRoundStream(streamId: string): boolean {
  return streamId.startsWith(INSPECTION_ROUND_STREAM_PREFIX);
}

function fold(row: RoundRow | undefined, event: StoredEvent): RoundRow {
  const state = row?.state ?? initialRoundState({ roundId: event.streamId, campaignId: '' });
  const actor = event.metadata.actor as { userId?: string } | undefined;
  return {
    state: evolveRound(state, { type: event.type, data: event.data } as InspectionRoundEvent, { actorId: actor?.userId ?? '', at: event.occurredAt.toISOString() }),
    createdAt: row?.createdAt ?? event.occurredAt,
    updatedAt: event.occurredAt,
    lastPosition: event.position,
  };
}

async function upsert(trx: Transaction<Database>, rows: RoundRow[]): Promise<void> {
  for (const r of rows) {
    const s = r.state;
    const values = {
      round_id: s.roundId,
      campaign_id: s.campaignId,
      kind: s.kind,
      title: s.title,
      planned_on: s.plannedOn,
      state: s.state,
      finding_count: s.findings.length,
      score: s.score,
      max_score: s.maxScore,
      score_rate: s.scoreRate,
      closed_at: s.closedAt,
      version: s.version,
      state_json: JSON.stringify(s),
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      last_position: r.lastPosition,
    };
    const { round_id: _id, ...changes } = values;
    await trx.insertInto('inspection_rounds').values(values).onConflict((oc) => oc.column('round_id').doUpdateSet(changes)).execute();
  }
}

const ROUNDS: StreamRows<RoundRow> = {
  isStream: isInspectionRoundStream,
  async read(trx, ids) {
    const existing = await trx.selectFrom('inspection_rounds').select(['round_id', 'state_json', 'created_at', 'updated_at', 'last_position']).where('round_id', 'in', ids).execute();
    return new Map(
      existing.map((r) => [r.round_id, { state: r.state_json as unknown as InspectionRoundState, createdAt: r.created_at, updatedAt: r.updated_at, lastPosition: r.last_position }]),
    );
  },
  fold,
  write: upsert,
  async clear(trx) {
    await trx.deleteFrom('inspection_rounds').execute();
  },
};

export class InspectionRoundProjection implements InlineProjection {
  readonly name = 'inspection_rounds';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, ROUNDS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, ROUNDS);
  }
}
