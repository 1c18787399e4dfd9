// 专项整治 drives (issue 20), in the append's transaction: the drives' own streams folded with the workflow's
// evolveDrive into `special_drives`, for the 工作组 page, the dashboard and the exports. Rebuildable from the events
// alone. The items of a drive are read beside it (special-drive.repository.ts), not copied here.
import type { Insertable, Transaction } from 'kysely';
import type { Database, SpecialDrivesTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows } from './stream-rows';
import { stateRows, type StateRow } from './state-rows';
import { evolveDrive, initialDriveState } from '../../../workflows/special-drive/special-drive.evolve';
import { SPECIAL_DRIVE_STREAM_PREFIX } from '../../../workflows/special-drive/special-drive.messages';
import type { SpecialDriveState } from '../../../workflows/special-drive/special-drive.types';

export function isSpecialDriveStream(streamId: string): boolean {
  return streamId.startsWith(SPECIAL_DRIVE_STREAM_PREFIX);
}

function toRow(row: StateRow<SpecialDriveState>): Insertable<SpecialDrivesTable> | null {
  const s = row.state;
  // A stream's first event launches it; a row is written only for a launched drive.
  if (s.area === null || s.startsAt === '') return null;
  return {
    drive_id: s.driveId,
    campaign_id: s.campaignId,
    area: s.area,
    state: s.state,
    lead_unit_code: s.plan.leadUnitCode,
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    due_at: s.dueAt,
    escalation_level: s.escalationLevel,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const UPDATED = ['state', 'lead_unit_code', 'starts_at', 'ends_at', 'due_at', 'escalation_level', 'version', 'last_position', 'state_json'] as const;

const DRIVE_ROWS = stateRows({
  table: 'special_drives',
  key: 'drive_id',
  isStream: isSpecialDriveStream,
  initial: (id) => initialDriveState(id),
  evolve: evolveDrive,
  toRow,
  updated: UPDATED,
});

export class SpecialDriveProjection implements InlineProjection {
  readonly name = 'special_drives';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, DRIVE_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, DRIVE_ROWS);
  }
}
