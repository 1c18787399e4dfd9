// The publicity ledger (issue 20), in the append's transaction: each campaign's ledger stream folded with the
// workflow's evolvePublicity into `publicity_ledgers` (the whole state), and the entries its events touched into
// `publicity_entries`, whose columns the lists filter and count on. Rebuildable from the events alone.
import type { Insertable, Transaction } from 'kysely';
import type { Database, PublicityEntriesTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { eventMeta } from './state-rows';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import type { PublicityEvent } from '../../../workflows/publicity/publicity.events';
import { evolvePublicity, initialPublicityState } from '../../../workflows/publicity/publicity.evolve';
import { PUBLICITY_STREAM_PREFIX } from '../../../workflows/publicity/publicity.messages';
import type { PublicityEntry, PublicityLedgerState } from '../../../workflows/publicity/publicity.types';

const CHUNK = 500;

export function isPublicityStream(streamId: string): boolean {
  return streamId.startsWith(PUBLICITY_STREAM_PREFIX);
}

/** A ledger while it is folded, and the entries its events touched (the rows to write). */
interface LedgerRow {
  state: PublicityLedgerState;
  lastPosition: string;
  entries: Set<string>;
}

function entryRow(campaignId: string, e: PublicityEntry): Insertable<PublicityEntriesTable> {
  return {
    entry_id: e.entryId,
    campaign_id: campaignId,
    channel: e.channel,
    location: e.location,
    unit_code: e.unitCode,
    count: e.count,
    held_on: e.heldOn,
    month: e.heldOn.slice(0, 7),
    indicator_codes: e.indicatorCodes,
    photos: JSON.stringify(e.photos),
    note: e.note,
    voided: e.voided,
    void_reason: e.voidReason,
    recorded_at: e.recordedAt,
    recorded_by: e.recordedBy,
    corrected_at: e.correctedAt,
    corrections: e.corrections,
    last_reason: e.lastReason,
  };
}

const LEDGER_ROWS: StreamRows<LedgerRow> = {
  isStream: isPublicityStream,
  async read(trx, ids) {
    const rows = await trx.selectFrom('publicity_ledgers').select(['ledger_id', 'state_json', 'last_position']).where('ledger_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.ledger_id, { state: r.state_json as unknown as PublicityLedgerState, lastPosition: String(r.last_position), entries: new Set<string>() }]));
  },
  fold(row, event: StoredEvent) {
    const e = { type: event.type, data: event.data } as PublicityEvent;
    const next: LedgerRow = row ?? { state: initialPublicityState(event.streamId), lastPosition: event.position, entries: new Set() };
    next.state = evolvePublicity(next.state, e, eventMeta(event));
    next.lastPosition = event.position;
    if (e.type !== 'PublicityLedgerOpened') next.entries.add(e.data.entryId);
    return next;
  },
  async write(trx, rows) {
    const ledgers = rows.filter((r) => r.state.campaignId !== '');
    for (let i = 0; i < ledgers.length; i += CHUNK) {
      await trx
        .insertInto('publicity_ledgers')
        .values(
          ledgers.slice(i, i + CHUNK).map((r) => ({ ledger_id: r.state.ledgerId, campaign_id: r.state.campaignId, version: r.state.version, last_position: r.lastPosition, state_json: JSON.stringify(r.state) })),
        )
        .onConflict((oc) => oc.column('ledger_id').doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), last_position: eb.ref('excluded.last_position'), state_json: eb.ref('excluded.state_json') })))
        .execute();
    }
    for (const r of ledgers) {
      const touched = r.state.entries.filter((e) => r.entries.has(e.entryId)).map((e) => entryRow(r.state.campaignId, e));
      for (let i = 0; i < touched.length; i += CHUNK) {
        await trx
          .insertInto('publicity_entries')
          .values(touched.slice(i, i + CHUNK))
          .onConflict((oc) =>
            oc.column('entry_id').doUpdateSet((eb) => ({
              channel: eb.ref('excluded.channel'),
              location: eb.ref('excluded.location'),
              unit_code: eb.ref('excluded.unit_code'),
              count: eb.ref('excluded.count'),
              held_on: eb.ref('excluded.held_on'),
              month: eb.ref('excluded.month'),
              indicator_codes: eb.ref('excluded.indicator_codes'),
              photos: eb.ref('excluded.photos'),
              note: eb.ref('excluded.note'),
              voided: eb.ref('excluded.voided'),
              void_reason: eb.ref('excluded.void_reason'),
              corrected_at: eb.ref('excluded.corrected_at'),
              corrections: eb.ref('excluded.corrections'),
              last_reason: eb.ref('excluded.last_reason'),
            })),
          )
          .execute();
      }
      r.entries.clear();
    }
  },
  async clear(trx) {
    await trx.deleteFrom('publicity_entries').execute();
    await trx.deleteFrom('publicity_ledgers').execute();
  },
};

export class PublicityProjection implements InlineProjection {
  readonly name = 'publicity';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, LEDGER_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, LEDGER_ROWS);
  }
}
