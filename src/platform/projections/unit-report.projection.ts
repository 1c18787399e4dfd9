// Units' monthly reports (issue 19), in the append's transaction: the reports' own streams folded with the
// workflow's evolveUnitReport into `unit_reports`, for the month's matrix, the report view and the monthly report's
// links. Rebuildable from the events alone.
import type { Insertable, Transaction } from 'kysely';
import type { Database, UnitReportsTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows } from './stream-rows';
import { stateRows } from './state-rows';
import { evolveUnitReport, initialUnitReportState } from '../../../workflows/unit-report/unit-report.evolve';
import { UNIT_REPORT_STREAM_PREFIX } from '../../../workflows/unit-report/unit-report.messages';
import type { UnitReportState } from '../../../workflows/unit-report/unit-report.types';

export function isUnitReportStream(streamId: string): boolean {
  return streamId.startsWith(UNIT_REPORT_STREAM_PREFIX);
}

interface ReportRow {
  state: UnitReportState;
  lastPosition: string;
}

function toRow(row: ReportRow): Insertable<UnitReportsTable> | null {
  const s = row.state;
  // A stream's first event opens it; a row is written only for an opened report.
  if (s.month === '' || s.dueAt === '') return null;
  return {
    report_id: s.reportId,
    campaign_id: s.campaignId,
    unit_code: s.unitCode,
    month: s.month,
    state: s.state,
    due_at: s.dueAt,
    submitted_at: s.submittedAt,
    accepted_at: s.acceptedAt,
    late: s.late,
    escalation_level: s.escalationLevel,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const UPDATED = ['state', 'submitted_at', 'accepted_at', 'late', 'escalation_level', 'version', 'last_position', 'state_json'] as const;

const REPORT_ROWS = stateRows({
  table: 'unit_reports',
  key: 'report_id',
  isStream: isUnitReportStream,
  initial: (id) => initialUnitReportState(id),
  evolve: evolveUnitReport,
  toRow,
  updated: UPDATED,
});

export class UnitReportProjection implements InlineProjection {
  readonly name = 'unit_reports';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, REPORT_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, REPORT_ROWS);
  }
}
