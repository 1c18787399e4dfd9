// The board's cards as they stood at a past instant: the same `foldCard` the live projection applies, over only
// the events that had occurred by then, so that a board "as of" a date equals what the live board showed at it.
// Pure; the repository streams the events in, one batch at a time. Each column is returned a page at a time.
import type { StoredEvent } from '../platform/event-store/event-store.types';
import { encodeCursor, type Ordering, type SortValue } from '../platform/graphql/cursor';
import { foldCard, isIndicatorTaskStream } from '../platform/projections/indicator-task-card.projection';
import { foldItemCard, isRectificationItemStream } from '../platform/projections/rectification-item-card.projection';
import { UNVERIFIED_STATES } from '../../workflows/rectification-item/rectification-item.types';
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
 * The live board's column order (indicator-task.repository BOARD_ORDERING): what is due soonest in its current
 * stage first, stages without a deadline by the task's due date, then the task id in byte order (COLLATE "C").
 * Its own cursor name: a page of the board as of an instant continues only with boardAsOfColumn.
 */
export const BOARD_AS_OF_ORDERING: Ordering = {
  name: 'boardAsOf/STAGE_DUE_AT',
  direction: 'asc',
  keys: [
    { sql: 'stage_due_at', type: 'timestamptz' },
    { sql: 'task_id', type: 'text' },
  ],
};

/** The deadline a card counts down to: its stage's, else the task's. */
export function sortAt(state: IndicatorTaskState): Date {
  return new Date(state.stageDueAt ?? state.dueAt);
}

/** A card's sort values in that order: the deadline it counts down to, and its id. */
export function boardSortValues(state: IndicatorTaskState): [string, string] {
  return [sortAt(state).toISOString(), state.taskId];
}

/** Compares two positions in the board's order; ids byte by byte, as PostgreSQL's COLLATE "C". */
export function compareBoardPositions(a: readonly SortValue[], b: readonly SortValue[]): number {
  return Date.parse(String(a[0])) - Date.parse(String(b[0])) || Buffer.compare(Buffer.from(String(a[1]), 'utf8'), Buffer.from(String(b[1]), 'utf8'));
}

export function sortLikeBoard<T extends { state: IndicatorTaskState }>(cards: readonly T[]): T[] {
  return [...cards].sort((a, b) => compareBoardPositions(boardSortValues(a.state), boardSortValues(b.state)));
}

/** Up to `size` cards of a sorted column strictly after `after` (from the top without one), and whether more follow. */
export function pageAfter<T extends { state: IndicatorTaskState }>(sorted: readonly T[], after: readonly SortValue[] | null, size: number) {
  const start = after === null ? 0 : sorted.findIndex((c) => compareBoardPositions(boardSortValues(c.state), after) > 0);
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, size);
  const last = page.at(-1);
  return { page, hasNextPage: rest.length > size, endCursor: last ? encodeCursor(BOARD_AS_OF_ORDERING, boardSortValues(last.state)) : null };
}
