// Survey rounds (问卷调查, issue 20), in the append's transaction: the rounds' own streams folded with the workflow's
// evolveSurveyRound into `survey_rounds`, for the office's list, the dashboard's trend and tasks' citations.
// Rebuildable from the events alone.
import type { Insertable, Transaction } from 'kysely';
import type { Database, SurveyRoundsTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows } from './stream-rows';
import { stateRows } from './state-rows';
import { evolveSurveyRound, initialSurveyRoundState } from '../../../workflows/survey-round/survey-round.evolve';
import { SURVEY_ROUND_STREAM_PREFIX } from '../../../workflows/survey-round/survey-round.messages';
import type { SurveyRoundState } from '../../../workflows/survey-round/survey-round.types';

export function isSurveyRoundStream(streamId: string): boolean {
  return streamId.startsWith(SURVEY_ROUND_STREAM_PREFIX);
}

interface RoundRow {
  state: SurveyRoundState;
  lastPosition: string;
}

function toRow(row: RoundRow): Insertable<SurveyRoundsTable> | null {
  const s = row.state;
  // A row is written only for a planned round.
  if (s.campaignId === '' || s.dueAt === '') return null;
  return {
    round_id: s.roundId,
    campaign_id: s.campaignId,
    state: s.state,
    title: s.title,
    start_date: s.startDate,
    end_date: s.endDate,
    due_at: s.dueAt,
    closed_at: s.closedAt,
    escalation_level: s.escalationLevel,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const UPDATED = ['state', 'closed_at', 'escalation_level', 'version', 'last_position', 'state_json'] as const;

const ROUND_ROWS = stateRows({
  table: 'survey_rounds',
  key: 'round_id',
  isStream: isSurveyRoundStream,
  initial: (id) => initialSurveyRoundState(id),
  evolve: evolveSurveyRound,
  toRow,
  updated: UPDATED,
});

export class SurveyRoundProjection implements InlineProjection {
  readonly name = 'survey_rounds';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, ROUND_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, ROUND_ROWS);
  }
}
