// Self-evaluation rounds and 评议 (总结评议, issue 20), in the append's transaction: the rounds' streams folded with
// evolveSelfEvaluation into `self_evaluation_rounds`, each campaign's 评议 stream with evolveAppraisal into
// `appraisals`, for the office's list, the units' forms, the leading group's grades and the performance assessment.
// Rebuildable from the events alone.
import type { Insertable, Transaction } from 'kysely';
import type { AppraisalsTable, Database, SelfEvaluationRoundsTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, combineRebuilds, rebuildStreamRows } from './stream-rows';
import { stateRows, type StateRow } from './state-rows';
import { evolveAppraisal, initialAppraisalState } from '../../../workflows/appraisal/appraisal.evolve';
import { APPRAISAL_STREAM_PREFIX } from '../../../workflows/appraisal/appraisal.messages';
import type { AppraisalState } from '../../../workflows/appraisal/appraisal.types';
import { evolveSelfEvaluation, initialSelfEvaluationState } from '../../../workflows/self-evaluation/self-evaluation.evolve';
import { SELF_EVALUATION_STREAM_PREFIX } from '../../../workflows/self-evaluation/self-evaluation.messages';
import type { SelfEvaluationState } from '../../../workflows/self-evaluation/self-evaluation.types';

export function isSelfEvaluationStream(streamId: string): boolean {
  return streamId.startsWith(SELF_EVALUATION_STREAM_PREFIX);
}

export function isAppraisalStream(streamId: string): boolean {
  return streamId.startsWith(APPRAISAL_STREAM_PREFIX);
}

function roundRow(row: StateRow<SelfEvaluationState>): Insertable<SelfEvaluationRoundsTable> | null {
  const s = row.state;
  if (s.campaignId === '' || s.dueAt === '') return null;
  return {
    round_id: s.roundId,
    campaign_id: s.campaignId,
    state: s.state,
    title: s.title,
    period_start: s.periodStart,
    period_end: s.periodEnd,
    due_at: s.dueAt,
    closed_at: s.closedAt,
    escalation_level: s.escalationLevel,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

function appraisalRow(row: StateRow<AppraisalState>): Insertable<AppraisalsTable> | null {
  const s = row.state;
  if (s.campaignId === '') return null;
  return { appraisal_id: s.appraisalId, campaign_id: s.campaignId, version: s.version, last_position: row.lastPosition, state_json: JSON.stringify(s) };
}

const ROUND_ROWS = stateRows({
  table: 'self_evaluation_rounds',
  key: 'round_id',
  isStream: isSelfEvaluationStream,
  initial: (id) => initialSelfEvaluationState(id),
  evolve: evolveSelfEvaluation,
  toRow: roundRow,
  updated: ['state', 'closed_at', 'escalation_level', 'version', 'last_position', 'state_json'],
});

const APPRAISAL_ROWS = stateRows({
  table: 'appraisals',
  key: 'appraisal_id',
  isStream: isAppraisalStream,
  initial: (id) => initialAppraisalState(id),
  evolve: evolveAppraisal,
  toRow: appraisalRow,
  updated: ['version', 'last_position', 'state_json'],
});

export class SelfEvaluationProjection implements InlineProjection {
  readonly name = 'self_evaluation';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, ROUND_ROWS);
    await applyToStreamRows(trx, events, APPRAISAL_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    const rounds = await rebuildStreamRows(trx, ROUND_ROWS);
    const appraisals = await rebuildStreamRows(trx, APPRAISAL_ROWS);
    return combineRebuilds(rounds, appraisals);
  }
}
