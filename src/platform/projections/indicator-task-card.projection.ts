// The board's cards: one row per indicator task, folded from its events with the lifecycle's own `evolve`,
// so the board can never disagree with the workflow about what an event means.
import type { Insertable, Selectable, Transaction } from 'kysely';
import type { Database, IndicatorTaskCardsTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import { upsertJsonRows } from '../database/json-rows';
import type { IndicatorTaskEvent } from '../../../workflows/indicator-task/indicator-task.events';
import { evolve, initialState } from '../../../workflows/indicator-task/indicator-task.evolve';
import type { IndicatorTaskState } from '../../../workflows/indicator-task/indicator-task.types';

export const INDICATOR_TASK_STREAM_PREFIX = 'indicator-task:';

export interface Card {
  state: IndicatorTaskState;
  createdAt: Date;
  updatedAt: Date;
  lastPosition: string;
}

/** The lifecycle state a card row holds; also used by the API to apply the rules to what it reads. */
export type CardStateRow = Pick<Selectable<IndicatorTaskCardsTable>, 'state'>;

export function stateFromCardRow(row: CardStateRow): IndicatorTaskState {
  return row.state as unknown as IndicatorTaskState;
}

function fromRow(row: Selectable<IndicatorTaskCardsTable>): Card {
  return { state: stateFromCardRow(row), createdAt: row.created_at, updatedAt: row.updated_at, lastPosition: row.last_position };
}

/** The card's row: the state, and copies of what the board filters and sorts on. */
export function taskCardRow(card: Card): Insertable<IndicatorTaskCardsTable> {
  const s = card.state;
  return {
    task_id: s.taskId,
    campaign_id: s.campaignId,
    indicator_code: s.indicatorCode,
    unit_code: s.unitCode,
    lead_unit_code: s.leadUnitCode,
    stage: s.stage,
    classification: s.classification,
    awaiting_review: s.awaitingReview,
    submitted_by: s.submittedBy,
    due_at: s.dueAt,
    relapse_count: s.relapseCount,
    version: s.version,
    created_at: card.createdAt,
    updated_at: card.updatedAt,
    last_position: card.lastPosition,
    state: JSON.stringify(s),
    stage_due_at: s.stageDueAt,
    escalation_level: s.escalationLevel,
    pending_extension: s.pendingExtension !== null,
    recheck_due: s.recheckDue,
    key_flag: s.keyFlag?.kind ?? null,
  };
}

/** Folds one stored event into a card; a stream's first event creates it. */
export function foldCard(card: Card | undefined, event: StoredEvent): Card {
  const state =
    card?.state ??
    initialState({ taskId: event.streamId, campaignId: '', indicatorCode: '', unitCode: '', leadUnitCode: '', dueAt: event.occurredAt.toISOString() });
  const actor = event.metadata.actor as { userId?: string } | undefined;
  const domainEvent = { type: event.type, data: event.data } as IndicatorTaskEvent;
  return {
    state: evolve(state, domainEvent, { actorId: actor?.userId ?? '', at: event.occurredAt.toISOString() }),
    createdAt: card?.createdAt ?? event.occurredAt,
    updatedAt: event.occurredAt,
    lastPosition: event.position,
  };
}

export function isIndicatorTaskStream(streamId: string): boolean {
  return streamId.startsWith(INDICATOR_TASK_STREAM_PREFIX);
}

async function upsertCards(trx: Transaction<Database>, cards: Card[]): Promise<void> {
  // The state as the jsonb value itself: the row's text form would be stored as a JSON string.
  await upsertJsonRows(trx, 'indicator_task_cards', 'task_id', cards, (card) => ({ ...taskCardRow(card), state: card.state }));
}

const TASK_CARDS: StreamRows<Card> = {
  isStream: isIndicatorTaskStream,
  async read(trx, ids) {
    const rows = await trx.selectFrom('indicator_task_cards').selectAll().where('task_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.task_id, fromRow(r)]));
  },
  fold: foldCard,
  write: upsertCards,
  async clear(trx) {
    await trx.deleteFrom('indicator_task_cards').execute();
  },
};

export class IndicatorTaskCardProjection implements InlineProjection {
  readonly name = 'indicator_task_cards';
  /** Raise when what a card holds changes: processes starting with a newer version rebuild the cards. */
  readonly schemaVersion = 4;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, TASK_CARDS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, TASK_CARDS);
  }
}
