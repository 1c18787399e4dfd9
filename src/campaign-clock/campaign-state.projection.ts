// The campaign's clock as the API reads it: one row per campaign, folded from the events of stream
// `campaign:{id}` with the clock's own `evolve`, in the same transaction as the append.
import type { Insertable, Selectable, Transaction } from 'kysely';
import type { CampaignStatesTable, Database } from '../platform/database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../platform/event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from '../platform/projections/stream-rows';
import type { CampaignEvent } from '../../workflows/campaign/campaign.events';
import { evolve, initialCampaignState } from '../../workflows/campaign/campaign.evolve';
import { CAMPAIGN_STREAM_PREFIX } from '../../workflows/campaign/campaign.messages';
import type { CampaignState } from '../../workflows/campaign/campaign.types';

interface Row {
  streamId: string;
  state: CampaignState;
  createdAt: Date;
  updatedAt: Date;
  lastPosition: string;
}

export function isCampaignStream(streamId: string): boolean {
  return streamId.startsWith(CAMPAIGN_STREAM_PREFIX);
}

export function stateFromCampaignRow(row: Pick<Selectable<CampaignStatesTable>, 'state'>): CampaignState {
  return row.state as unknown as CampaignState;
}

function toRow(r: Row): Insertable<CampaignStatesTable> {
  const s = r.state;
  return {
    campaign_id: s.campaignId,
    stream_id: r.streamId,
    phase: s.phase,
    phase_entered_at: s.phaseEnteredAt || null,
    phase_due: s.phaseDue !== null,
    version: s.version,
    state: JSON.stringify(s),
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    last_position: r.lastPosition,
  };
}

/** Folds one stored event into a campaign's row; the stream's first event (CampaignClockStarted) creates it. */
export function foldCampaign(row: Row | undefined, event: StoredEvent): Row {
  const state = row?.state ?? initialCampaignState({ campaignId: '', timeZone: 'Asia/Shanghai', inspectionDate: '' });
  const actor = event.metadata.actor as { userId?: string } | undefined;
  const domainEvent = { type: event.type, data: event.data } as CampaignEvent;
  return {
    streamId: event.streamId,
    state: evolve(state, domainEvent, { actorId: actor?.userId ?? '', at: event.occurredAt.toISOString() }),
    createdAt: row?.createdAt ?? event.occurredAt,
    updatedAt: event.occurredAt,
    lastPosition: event.position,
  };
}

async function upsert(trx: Transaction<Database>, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('campaign_states')
    .values(rows.map(toRow))
    .onConflict((oc) =>
      oc.column('campaign_id').doUpdateSet((eb) => ({
        stream_id: eb.ref('excluded.stream_id'),
        phase: eb.ref('excluded.phase'),
        phase_entered_at: eb.ref('excluded.phase_entered_at'),
        phase_due: eb.ref('excluded.phase_due'),
        version: eb.ref('excluded.version'),
        state: eb.ref('excluded.state'),
        created_at: eb.ref('excluded.created_at'),
        updated_at: eb.ref('excluded.updated_at'),
        last_position: eb.ref('excluded.last_position'),
      })),
    )
    .execute();
}

const CAMPAIGN_STATES: StreamRows<Row> = {
  isStream: isCampaignStream,
  async read(trx, streamIds) {
    const existing = await trx.selectFrom('campaign_states').selectAll().where('stream_id', 'in', streamIds).execute();
    return new Map(
      existing.map((r) => [r.stream_id, { streamId: r.stream_id, state: stateFromCampaignRow(r), createdAt: r.created_at, updatedAt: r.updated_at, lastPosition: r.last_position }]),
    );
  },
  fold: foldCampaign,
  write: upsert,
  async clear(trx) {
    await trx.deleteFrom('campaign_states').execute();
  },
};

export class CampaignStateProjection implements InlineProjection {
  readonly name = 'campaign_states';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, CAMPAIGN_STATES);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, CAMPAIGN_STATES);
  }
}
