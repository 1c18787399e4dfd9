// The board's cards as they stood at a past instant: the same `foldCard` the live projection applies, over only
// the events that had occurred by then, so that a board "as of" a date equals what the live board showed at it.
// Pure; the repository streams the events in, one batch at a time.
import type { StoredEvent } from '../event-store/event-store.types';
import { foldCard, isIndicatorTaskStream } from '../projections/indicator-task-card.projection';
import { foldItemCard, isRectificationItemStream } from '../projections/rectification-item-card.projection';
import { UNVERIFIED_STATES } from '../../workflows/rectification-item/rectification-item.lifecycle';
import type { IndicatorTaskState } from '../../workflows/indicator-task/indicator-task.types';

export interface CardAsOf {
  state: IndicatorTaskState;
  /** The last event's time, as the live card's updated_at. */
  updatedAt: Date;
  /** Linked rectification items not yet verified then (the live card counts them in rectification_item_cards). */
  openItems: number;
}

/** Cards from indicator-task streams; rectification-item streams only for the items linked to them. */
export class CardReplay {
  private readonly cards = new Map<string, ReturnType<typeof foldCard>>();
  private readonly items = new Map<string, ReturnType<typeof foldItemCard>>();

  push(event: StoredEvent): void {
    if (isIndicatorTaskStream(event.streamId)) this.cards.set(event.streamId, foldCard(this.cards.get(event.streamId), event));
    else if (isRectificationItemStream(event.streamId)) this.items.set(event.streamId, foldItemCard(this.items.get(event.streamId), event));
  }

  result(): CardAsOf[] {
    const open = new Map<string, number>();
    for (const { state } of this.items.values()) {
      if (state.indicatorTaskId && UNVERIFIED_STATES.includes(state.state)) open.set(state.indicatorTaskId, (open.get(state.indicatorTaskId) ?? 0) + 1);
    }
    return [...this.cards.values()].map((c) => ({ state: c.state, updatedAt: c.updatedAt, openItems: open.get(c.state.taskId) ?? 0 }));
  }
}

/**
 * The live board's order (indicator-task.repository `list`): what is due soonest in its current stage first,
 * stages without a deadline by the task's due date, then by task id in the database's collation, given as
 * `idOrder` (the ids sorted by PostgreSQL, so that ties fall exactly as the live query's ORDER BY puts them).
 */
export function sortLikeBoard<T extends { state: IndicatorTaskState }>(cards: readonly T[], idOrder: readonly string[]): T[] {
  const position = new Map(idOrder.map((id, i) => [id, i]));
  const due = (c: T) => Date.parse(c.state.stageDueAt ?? c.state.dueAt);
  return [...cards].sort((a, b) => due(a) - due(b) || (position.get(a.state.taskId) ?? 0) - (position.get(b.state.taskId) ?? 0));
}
