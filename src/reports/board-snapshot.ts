// Snapshots of a campaign's board (migration 0033), so that the office's board as of an instant folds a day's events
// at most instead of the whole log. Pure: what a snapshot row holds, and how the events after a snapshot change the
// cards they touch. The SQL is in board-snapshot.repository.ts.
//
// Why the answer is the same as a replay of the whole log: a snapshot is the fold of every event of the campaign at
// or below its position, all of which occurred at or before its `maxOccurredAt`. For an instant T at or after that,
// the replay's events are the snapshot's plus those above its position that occurred by T; folding those onto the
// snapshot's cards, stream by stream in position order, is the replay's own fold (each card folds only its stream).
import type { StoredEvent } from '../platform/event-store/event-store.types';
import { IndicatorTaskCardProjection, foldCard, isIndicatorTaskStream, type Card } from '../platform/projections/indicator-task-card.projection';
import { RectificationItemCardProjection, foldItemCard, isRectificationItemStream, type ItemCard } from '../platform/projections/rectification-item-card.projection';
import { UNVERIFIED_STATES, type RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import type { CardAsOf } from './board-as-of';

/**
 * What the snapshots were folded with: the snapshots' own layout, and the card projections' versions (a card's
 * meaning changes with them). Snapshots of another version are not read, and the next snapshot starts afresh.
 */
export const BOARD_SNAPSHOT_VERSION = 1 * 10_000 + new IndicatorTaskCardProjection().schemaVersion * 100 + new RectificationItemCardProjection().schemaVersion;

/** A task's card in a snapshot. */
export type SnapshotTask = CardAsOf;

/** An item in a snapshot: only what its task's count of open items needs, and its state to fold on. */
export interface SnapshotItem {
  state: RectificationItemState;
  updatedAt: Date;
}

/** The task an item counts against while it is open (not yet verified), or null. */
export function openFor(item: SnapshotItem | undefined): string | null {
  return item && item.state.indicatorTaskId && UNVERIFIED_STATES.includes(item.state.state) ? item.state.indicatorTaskId : null;
}

/** A snapshot row as the card its fold continues from (the fold reads only the state; the times are the row's). */
function asCard<S>(row: { state: S; updatedAt: Date } | undefined): { state: S; createdAt: Date; updatedAt: Date; lastPosition: string } | undefined {
  return row && { state: row.state, createdAt: row.updatedAt, updatedAt: row.updatedAt, lastPosition: '0' };
}

/**
 * The events after a snapshot folded onto the snapshot's rows of the streams they touch (`priorTasks`,
 * `priorItems`: the rows of those streams that the snapshot has), one event at a time in position order. Events of
 * other kinds of stream are ignored.
 */
export class BoardFold {
  private readonly tasks = new Map<string, Card>();
  private readonly items = new Map<string, ItemCard>();
  events = 0;
  maxOccurredAt: Date | null = null;
  minOccurredAt: Date | null = null;

  constructor(
    private readonly priorTasks: ReadonlyMap<string, SnapshotTask>,
    private readonly priorItems: ReadonlyMap<string, SnapshotItem>,
  ) {}

  push(event: StoredEvent): void {
    if (isIndicatorTaskStream(event.streamId)) this.tasks.set(event.streamId, foldCard(this.tasks.get(event.streamId) ?? asCard(this.priorTasks.get(event.streamId)), event));
    else if (isRectificationItemStream(event.streamId)) this.items.set(event.streamId, foldItemCard(this.items.get(event.streamId) ?? asCard(this.priorItems.get(event.streamId)), event));
    else return;
    this.events += 1;
    if (!this.maxOccurredAt || event.occurredAt > this.maxOccurredAt) this.maxOccurredAt = event.occurredAt;
    if (!this.minOccurredAt || event.occurredAt < this.minOccurredAt) this.minOccurredAt = event.occurredAt;
  }

  /** The items the events touched, as they stand now. */
  foldedItems(): Map<string, SnapshotItem> {
    return new Map([...this.items].map(([id, c]) => [id, { state: c.state, updatedAt: c.updatedAt }]));
  }

  /**
   * What the touched items change in their tasks' counts of open items: an item leaves the count of the task it
   * was open against in the snapshot and joins that of the task it is open against now.
   */
  openChange(): Map<string, number> {
    const change = new Map<string, number>();
    const add = (taskId: string | null, by: number) => {
      if (taskId) change.set(taskId, (change.get(taskId) ?? 0) + by);
    };
    for (const [itemId, card] of this.items) {
      add(openFor(this.priorItems.get(itemId)), -1);
      add(openFor({ state: card.state, updatedAt: card.updatedAt }), +1);
    }
    for (const [taskId, by] of change) if (by === 0) change.delete(taskId);
    return change;
  }

  /** Tasks whose count of open items changes but which the events did not touch: the caller reads their snapshot rows. */
  untouchedTasksWithOpenChange(change: ReadonlyMap<string, number>): string[] {
    return [...change.keys()].filter((id) => !this.tasks.has(id));
  }

  /** Tasks the events begin (no snapshot row): the caller counts the items already open against them in the snapshot. */
  tasksWithoutPrior(): string[] {
    return [...this.tasks.keys()].filter((id) => !this.priorTasks.has(id));
  }

  /**
   * Every task card that changed, as it stands now: those the events touched, and those whose count of open items
   * changed (`untouchedPrior`: their snapshot rows). `openWithoutCard`: for a task the events begin, the items
   * already open against it in the snapshot (linked before its first event).
   */
  foldedTasks(change: ReadonlyMap<string, number>, untouchedPrior: ReadonlyMap<string, SnapshotTask>, openWithoutCard: ReadonlyMap<string, number>): Map<string, SnapshotTask> {
    const tasks = new Map<string, SnapshotTask>();
    for (const [taskId, card] of this.tasks) {
      const before = this.priorTasks.get(taskId);
      const open = before ? before.openItems : (openWithoutCard.get(taskId) ?? 0);
      tasks.set(taskId, { state: card.state, updatedAt: card.updatedAt, openItems: open + (change.get(taskId) ?? 0) });
    }
    for (const [taskId, by] of change) {
      if (tasks.has(taskId)) continue;
      const before = untouchedPrior.get(taskId);
      // An item linked to a task whose stream has no event yet: the replay has no card for it either.
      if (before) tasks.set(taskId, { ...before, openItems: before.openItems + by });
    }
    return tasks;
  }
}

/**
 * How long every (nightly) snapshot is kept, by the time of its latest event counted back from the newest's: a year,
 * the length of a campaign; before that, one a week. An instant within the year folds at most a day's events onto
 * its snapshot; an older one up to a week's. (A snapshot writes a row only for each card that changed that day, so
 * thinning saves rows only of cards that changed on several days of a week.)
 */
export const SNAPSHOT_RETENTION = { everyDayFor: 366 * 86_400_000, thenEvery: 7 * 86_400_000 };
export type SnapshotRetention = typeof SNAPSHOT_RETENTION;

export interface SnapshotSegment {
  seq: number;
  maxOccurredAt: Date | null;
  minOccurredAt: Date | null;
  events: number;
}

/**
 * Which snapshots to keep: the newest, every one whose latest event is within `everyDayFor` of the newest's, and
 * before that the last of each `thenEvery` period. A snapshot dropped hands its segment of the log to the next one
 * kept (the earliest event time and the count), so that an instant before it still reads that segment. Returns
 * the kept snapshots as they must now read, and the numbers of those to drop.
 */
export function retainSnapshots(snapshots: readonly SnapshotSegment[], retention: SnapshotRetention = SNAPSHOT_RETENTION): { kept: SnapshotSegment[]; dropped: number[] } {
  const newest = snapshots.at(-1)?.maxOccurredAt?.getTime() ?? 0;
  const period = (s: SnapshotSegment) => Math.floor((s.maxOccurredAt?.getTime() ?? 0) / retention.thenEvery);
  const keep = snapshots.map((s, i) => i === snapshots.length - 1 || newest - (s.maxOccurredAt?.getTime() ?? 0) <= retention.everyDayFor || period(s) !== period(snapshots[i + 1]));
  const kept: SnapshotSegment[] = [];
  const dropped: number[] = [];
  let carried: { min: Date | null; events: number } = { min: null, events: 0 };
  snapshots.forEach((s, i) => {
    const min = [carried.min, s.minOccurredAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    if (keep[i]) {
      kept.push({ ...s, minOccurredAt: min, events: s.events + carried.events });
      carried = { min: null, events: 0 };
    } else {
      dropped.push(s.seq);
      carried = { min, events: s.events + carried.events };
    }
  });
  return { kept, dropped };
}
