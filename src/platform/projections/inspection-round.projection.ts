// Inspection rounds' rows, folded from their events with the round lifecycle's own `evolveRound`, in the same
// transaction as the append.
import type { Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
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

export class InspectionRoundProjection implements InlineProjection {
  readonly name = 'inspection_rounds';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    const relevant = events.filter((e) => isInspectionRoundStream(e.streamId));
    if (relevant.length === 0) return;
    const ids = [...new Set(relevant.map((e) => e.streamId))];
    const existing = await trx.selectFrom('inspection_rounds').select(['round_id', 'state_json', 'created_at', 'updated_at', 'last_position']).where('round_id', 'in', ids).execute();
    const rows = new Map<string, RoundRow>(
      existing.map((r) => [r.round_id, { state: r.state_json as unknown as InspectionRoundState, createdAt: r.created_at, updatedAt: r.updated_at, lastPosition: r.last_position }]),
    );
    for (const event of relevant) {
      const row = rows.get(event.streamId);
      if (row && row.state.version >= event.streamVersion) continue;
      rows.set(event.streamId, fold(row, event));
    }
    await upsert(trx, [...rows.values()]);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    await trx.deleteFrom('inspection_rounds').execute();
    const rows = new Map<string, RoundRow>();
    let count = 0;
    return {
      visit(event) {
        if (!isInspectionRoundStream(event.streamId)) return;
        rows.set(event.streamId, fold(rows.get(event.streamId), event));
        count += 1;
      },
      async finish() {
        await upsert(trx, [...rows.values()]);
        return { events: count };
      },
    };
  }
}
