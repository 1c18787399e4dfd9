// The board's pure parts: columns, lanes, filters, deadlines, merging live changes. Which column a card may be
// dropped on is the card's `allowedMoves` (the API's answer): the board keeps no copy of the lifecycles.
import type { ActionValues } from '../actions/run';
import type { AnyCard, BoardItemCard, Kind, TaskCard } from './types';

export const TASK_COLUMNS = ['SELF_CHECK', 'RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION', 'ARCHIVING', 'ARCHIVED'] as const;
export const ITEM_COLUMNS = ['REPORTED', 'DISPATCHED', 'RECTIFYING', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'RECHECK', 'CLOSED'] as const;
export type Column = (typeof TASK_COLUMNS)[number] | (typeof ITEM_COLUMNS)[number];

export function columnsOf(kind: Kind): readonly Column[] {
  return kind === 'task' ? TASK_COLUMNS : ITEM_COLUMNS;
}

export function columnOf(kind: Kind, card: AnyCard): Column {
  return (kind === 'task' ? (card as TaskCard).stage : (card as BoardItemCard).state) as Column;
}

/* ---------- Time: every date of the campaign is a day in Shanghai ---------- */

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD in Shanghai. */
export function shanghaiDay(at: string | number | Date): string {
  return DAY.format(new Date(at));
}

export function daysFrom(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Monday and Sunday of the week `today` is in. */
export function weekOf(today: string): { start: string; end: string } {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const start = addDays(today, -((weekday + 6) % 7));
  return { start, end: addDays(start, 6) };
}

/** The stages in which the unit owes an item's fix against its due date (rectification-item.schedule.ts, itemUnitOwesWork). */
const ITEM_WORK_STATES = new Set(['DISPATCHED', 'RECTIFYING', 'RETURNED']);

/** The deadline a card counts down to, when it counts down at all. */
export function deadlineOf(kind: Kind, card: AnyCard): string | null {
  if (kind === 'task') {
    const task = card as TaskCard;
    return task.stage === 'ARCHIVED' ? null : task.stageDueAt;
  }
  const item = card as BoardItemCard;
  return ITEM_WORK_STATES.has(item.state) ? item.dueAt : null;
}

export type Countdown = { kind: 'left' | 'today' | 'overdue'; days: number; day: string };

export function countdown(deadline: string | null, today: string): Countdown | null {
  if (!deadline) return null;
  const day = shanghaiDay(deadline);
  const n = daysFrom(today, day);
  if (n < 0) return { kind: 'overdue', days: -n, day };
  if (n === 0) return { kind: 'today', days: 0, day };
  return { kind: 'left', days: n, day };
}

/* ---------- Lanes, filters and search ---------- */

export type LaneMode = 'none' | 'unit' | 'item' | 'area' | 'source';

export const LANE_MODES: Record<Kind, LaneMode[]> = {
  task: ['none', 'unit', 'item', 'area'],
  item: ['none', 'unit', 'area', 'source'],
};

/** A lane's key and what it is called; '' is the lane of cards that have none (shown last). */
export function laneOf(kind: Kind, mode: LaneMode, card: AnyCard): { key: string; label: string | null } {
  if (mode === 'none') return { key: 'all', label: null };
  if (kind === 'task') {
    const task = card as TaskCard;
    if (mode === 'unit') return { key: task.unit.code, label: task.unit.name };
    if (mode === 'item') return { key: task.indicator.itemName, label: task.indicator.itemName };
    if (mode === 'area') return { key: task.indicator.area ?? '', label: task.indicator.area };
    return { key: 'all', label: null };
  }
  const item = card as BoardItemCard;
  if (mode === 'unit') return { key: item.unit?.code ?? '', label: item.unit?.name ?? null };
  if (mode === 'area') return { key: item.area ?? '', label: item.area };
  if (mode === 'source') return { key: item.source, label: item.sourceLabel };
  return { key: 'all', label: null };
}

export interface Filters {
  search: string;
  classification: string | null; // 'NONE' for cards not yet classified
  unit: string | null;
  area: string | null;
  source: string | null;
  overdue: boolean;
  dueThisWeek: boolean;
  /** Only the cards the office marked 重点/难点. */
  keyDifficult: boolean;
}

export const NO_FILTERS: Filters = { search: '', classification: null, unit: null, area: null, source: null, overdue: false, dueThisWeek: false, keyDifficult: false };

export function filtersActive(filters: Filters): boolean {
  return filters.search.trim() !== '' || filters.classification !== null || filters.unit !== null || filters.area !== null || filters.source !== null || filters.overdue || filters.dueThisWeek || filters.keyDifficult;
}

const searchCache = new WeakMap<AnyCard, string>();

function searchTextOf(kind: Kind, card: AnyCard): string {
  let cached = searchCache.get(card);
  if (cached === undefined) {
    const parts =
      kind === 'task'
        ? [(card as TaskCard).indicator.code, (card as TaskCard).indicator.name, (card as TaskCard).indicator.itemName, (card as TaskCard).unit.name, (card as TaskCard).leadUnit.name]
        : [(card as BoardItemCard).description, (card as BoardItemCard).location.address, (card as BoardItemCard).unit?.name, (card as BoardItemCard).sourceLabel, (card as BoardItemCard).stateLabel];
    cached = parts.filter(Boolean).join('\n').toLowerCase();
    searchCache.set(card, cached);
  }
  return cached;
}

export function matches(kind: Kind, card: AnyCard, filters: Filters, today: string): boolean {
  const query = filters.search.trim().toLowerCase();
  if (query && !query.split(/\s+/).every((word) => searchTextOf(kind, card).includes(word))) return false;
  if (kind === 'task') {
    const task = card as TaskCard;
    if (filters.classification && (task.classification ?? 'NONE') !== filters.classification) return false;
    if (filters.unit && task.unit.code !== filters.unit) return false;
    if (filters.area && task.indicator.area !== filters.area) return false;
  } else {
    const item = card as BoardItemCard;
    if (filters.unit && item.unit?.code !== filters.unit) return false;
    if (filters.area && item.area !== filters.area) return false;
    if (filters.source && item.source !== filters.source) return false;
  }
  if (filters.keyDifficult && !card.keyFlag) return false;
  if (filters.overdue || filters.dueThisWeek) {
    const left = countdown(deadlineOf(kind, card), today);
    if (!left) return false;
    if (filters.overdue && left.kind !== 'overdue') return false;
    if (filters.dueThisWeek) {
      const week = weekOf(today);
      if (left.day < week.start || left.day > week.end) return false;
    }
  }
  return true;
}

/** The most words and characters of a search the API takes (the rest still narrows what is shown, here). */
const SEARCH_WORDS = 5;
const SEARCH_CHARS = 100;

/** Midnight of a day in 北京时间, as an instant: the board's days are Shanghai's. */
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

/**
 * The filters as the API's TaskFilter or ItemFilter, so that counts and pages are of the matching cards of the
 * whole board, not only of those loaded. The same meaning as `matches`, which still applies to what is shown:
 * overdue is a deadline before today, this week a deadline from Monday to Sunday (in 北京时间).
 */
export function serverFilter(kind: Kind, filters: Filters, today: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const words = filters.search.trim().split(/\s+/).filter(Boolean).slice(0, SEARCH_WORDS).join(' ').slice(0, SEARCH_CHARS);
  if (words) out.search = words;
  if (filters.unit) out.unitCode = filters.unit;
  if (filters.area) out.area = filters.area;
  if (kind === 'task' && filters.classification) {
    if (filters.classification === 'NONE') out.classified = false;
    else out.classifications = [filters.classification];
  }
  if (kind === 'item' && filters.source) out.sources = [filters.source];
  if (filters.keyDifficult) out.keyDifficult = true;
  const before: string[] = [];
  if (filters.overdue) before.push(shanghaiMidnight(today));
  if (filters.dueThisWeek) {
    const week = weekOf(today);
    out.deadlineFrom = shanghaiMidnight(week.start);
    before.push(shanghaiMidnight(addDays(week.end, 1)));
  }
  if (before.length) out.deadlineBefore = before.sort()[0];
  return Object.keys(out).length ? out : null;
}

/** The board's order in a column: soonest deadline first (an item not yet dispatched by when it was reported). */
export function compareCards(kind: Kind, a: AnyCard, b: AnyCard): number {
  const at = kind === 'task' ? (a as TaskCard).stageDueAt ?? (a as TaskCard).dueAt : (a as BoardItemCard).dueAt ?? (a as BoardItemCard).createdAt;
  const bt = kind === 'task' ? (b as TaskCard).stageDueAt ?? (b as TaskCard).dueAt : (b as BoardItemCard).dueAt ?? (b as BoardItemCard).createdAt;
  return Date.parse(at) - Date.parse(bt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/* ---------- Merging what arrives ---------- */

/**
 * A card from a live change or an answer: kept only if it is newer than what the board has (a late, older copy
 * never undoes a newer one). Returns the same map when nothing changed, so that nothing re-renders.
 */
export function mergeCard<C extends AnyCard>(cards: Map<string, C>, card: C): Map<string, C> {
  const old = cards.get(card.id);
  if (old && old.version >= card.version) return cards;
  const next = new Map(cards);
  next.set(card.id, card);
  return next;
}

export function removeCard<C extends AnyCard>(cards: Map<string, C>, id: string): Map<string, C> {
  if (!cards.has(id)) return cards;
  const next = new Map(cards);
  next.delete(id);
  return next;
}

/**
 * A full load: cards gone from it are gone; a card the board already has in the same or a newer version stays the
 * object it was (so that its memoised view does not re-render); when nothing changed, the same map comes back.
 */
export function mergeLoad<C extends AnyCard>(cards: Map<string, C>, loaded: C[]): Map<string, C> {
  const next = new Map<string, C>();
  let changed = loaded.length !== cards.size;
  for (const card of loaded) {
    const old = cards.get(card.id);
    const keep = old !== undefined && old.version >= card.version;
    if (!keep) changed = true;
    next.set(card.id, keep ? old : card);
  }
  return changed ? next : cards;
}

/** Whether a unit's person may still see the card (the API pushes nothing when a card leaves a unit). */
export function visibleTo(kind: Kind, card: AnyCard, me: { role: string; unit: { code: string } | null }): boolean {
  if (me.role !== 'UNIT_MEMBER' && me.role !== 'UNIT_HEAD') return true;
  const unit = me.unit?.code;
  if (kind === 'task') return (card as TaskCard).unit.code === unit || (card as TaskCard).leadUnit.code === unit;
  return (card as BoardItemCard).unit?.code === unit;
}

/* ---------- Where a card may go ---------- */

/**
 * A drop this person may make with the card now, one per (action, column): the API's answer (allowedMoves, from the
 * same rules the workflows enforce). `immediate`: the card goes to the target at once; false: it waits in its
 * column for someone's review.
 */
export type Move = TaskCard['allowedMoves'][number] | BoardItemCard['allowedMoves'][number];

export function movesFor(card: AnyCard): readonly Move[] {
  return card.allowedMoves;
}

export function moveTo(card: AnyCard, target: string): Move | null {
  return movesFor(card).find((m) => m.target === target) ?? null;
}

/** What the drop already says, e.g. the classification a unit proposes by dropping on a stage. */
export function presetOf(move: Move): ActionValues {
  const preset: ActionValues = {};
  if ('classification' in move && move.classification) preset.classification = move.classification;
  if (move.passed !== null) preset.passed = move.passed;
  return preset;
}
