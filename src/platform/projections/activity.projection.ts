// Activities (活动组, issue 20), in the append's transaction: the activities' own streams folded with the workflow's
// evolveActivity into `activities`, for the list, the monthly counts and the archive evidence. Rebuildable from the
// events alone.
import type { Insertable, Transaction } from 'kysely';
import type { ActivitiesTable, Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows } from './stream-rows';
import { stateRows } from './state-rows';
import { evolveActivity, initialActivityState } from '../../../workflows/activity/activity.evolve';
import { ACTIVITY_STREAM_PREFIX } from '../../../workflows/activity/activity.messages';
import type { ActivityState } from '../../../workflows/activity/activity.types';

export function isActivityStream(streamId: string): boolean {
  return streamId.startsWith(ACTIVITY_STREAM_PREFIX);
}

interface ActivityRow {
  state: ActivityState;
  lastPosition: string;
}

function toRow(row: ActivityRow): Insertable<ActivitiesTable> | null {
  const s = row.state;
  // A row is written only for a planned activity.
  if (s.campaignId === '' || s.dueAt === '') return null;
  return {
    activity_id: s.activityId,
    campaign_id: s.campaignId,
    kind: s.kind,
    state: s.state,
    title: s.title,
    organiser_unit_code: s.organiserUnitCode,
    planned_date: s.plannedDate,
    held_date: s.heldDate,
    attendance: s.attendance,
    due_at: s.dueAt,
    escalation_level: s.escalationLevel,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const UPDATED = ['state', 'held_date', 'attendance', 'escalation_level', 'version', 'last_position', 'state_json'] as const;

const ACTIVITY_ROWS = stateRows({
  table: 'activities',
  key: 'activity_id',
  isStream: isActivityStream,
  initial: (id) => initialActivityState(id),
  evolve: evolveActivity,
  toRow,
  updated: UPDATED,
});

export class ActivityProjection implements InlineProjection {
  readonly name = 'activities';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, ACTIVITY_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, ACTIVITY_ROWS);
  }
}
