// The board's pure parts: columns, lanes, filters, deadlines, merging live changes, and which column a card may be
// dropped on. What a person may do is the card's `allowedActions` (the API's answer); this module only says which
// column each of those actions leads to, following the lifecycles in workflows/*/…lifecycle.ts.
import type { ItemCard } from '../api/types';
import type { ActionValues } from '../actions/run';
import type { AnyCard, Kind, TaskCard } from './types';

export const TASK_COLUMNS = ['SELF_CHECK', 'RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION', 'ARCHIVING', 'ARCHIVED'] as const;
export const ITEM_COLUMNS = ['REPORTED', 'DISPATCHED', 'RECTIFYING', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'RECHECK', 'CLOSED'] as const;
export type Column = (typeof TASK_COLUMNS)[number] | (typeof ITEM_COLUMNS)[number];

export function columnsOf(kind: Kind): readonly Column[] {
  return kind === 'task' ? TASK_COLUMNS : ITEM_COLUMNS;
}

export function columnOf(kind: Kind, card: AnyCard): Column {
  return (kind === 'task' ? (card as TaskCard).stage : (card as ItemCard).state) as Column;
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

/** The stages in which the unit owes an item's fix against its due date (rectification-item.lifecycle.ts). */
const ITEM_WORK_STATES = new Set(['DISPATCHED', 'RECTIFYING', 'RETURNED']);

/** The deadline a card counts down to, when it counts down at all. */
export function deadlineOf(kind: Kind, card: AnyCard): string | null {
  if (kind === 'task') {
    const task = card as TaskCard;
    return task.stage === 'ARCHIVED' ? null : task.stageDueAt;
  }
  const item = card as ItemCard;
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
  const item = card as ItemCard;
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
}

export const NO_FILTERS: Filters = { search: '', classification: null, unit: null, area: null, source: null, overdue: false, dueThisWeek: false };

export function filtersActive(filters: Filters): boolean {
  return filters.search.trim() !== '' || filters.classification !== null || filters.unit !== null || filters.area !== null || filters.source !== null || filters.overdue || filters.dueThisWeek;
}

const searchCache = new WeakMap<AnyCard, string>();

function searchTextOf(kind: Kind, card: AnyCard): string {
  let cached = searchCache.get(card);
  if (cached === undefined) {
    const parts =
      kind === 'task'
        ? [(card as TaskCard).indicator.code, (card as TaskCard).indicator.name, (card as TaskCard).indicator.itemName, (card as TaskCard).unit.name, (card as TaskCard).leadUnit.name]
        : [(card as ItemCard).description, (card as ItemCard).location.address, (card as ItemCard).unit?.name, (card as ItemCard).sourceLabel, (card as ItemCard).stateLabel];
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
    const item = card as ItemCard;
    if (filters.unit && item.unit?.code !== filters.unit) return false;
    if (filters.area && item.area !== filters.area) return false;
    if (filters.source && item.source !== filters.source) return false;
  }
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

/** The board's order in a column: soonest deadline first (an item not yet dispatched by when it was reported). */
export function compareCards(kind: Kind, a: AnyCard, b: AnyCard): number {
  const at = kind === 'task' ? (a as TaskCard).stageDueAt ?? (a as TaskCard).dueAt : (a as ItemCard).dueAt ?? (a as ItemCard).createdAt;
  const bt = kind === 'task' ? (b as TaskCard).stageDueAt ?? (b as TaskCard).dueAt : (b as ItemCard).dueAt ?? (b as ItemCard).createdAt;
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
  return (card as ItemCard).unit?.code === unit;
}

/* ---------- Where a card may go ---------- */

export interface Move {
  action: string;
  target: Column;
  /** The card goes to the target at once; false: it waits in its column for someone's review. */
  moves: boolean;
  /** What the drop already says, e.g. the classification a unit proposes by dropping on a stage. */
  preset: ActionValues;
}

/** After a confirmed self-check (indicator-task.lifecycle.ts, stageAfterClassification). */
export function stageAfterClassification(classification: string | null): Column | null {
  switch (classification) {
    case 'MET':
    case 'RELAPSE_PRONE':
      return 'CONSOLIDATION';
    case 'NOT_MET':
      return 'RECTIFICATION';
    case 'UNKNOWN':
      return 'MOCK_ASSESSMENT';
    default:
      return null;
  }
}

/** The drops this person may make with the card now, one per (action, column). */
export function movesFor(kind: Kind, card: AnyCard): Move[] {
  const allowed = new Set<string>(card.allowedActions);
  const moves: Move[] = [];
  const add = (action: string, target: Column | null, moves_: boolean, preset: ActionValues = {}) => {
    if (allowed.has(action) && target) moves.push({ action, target, moves: moves_, preset });
  };
  if (kind === 'task') {
    const task = card as TaskCard;
    // A unit proposes where its indicator belongs; the card waits in 自查自评 for the supervisors' review.
    add('SUBMIT_SELF_CHECK', 'CONSOLIDATION', false, { classification: 'MET' });
    add('SUBMIT_SELF_CHECK', 'RECTIFICATION', false, { classification: 'NOT_MET' });
    add('SUBMIT_SELF_CHECK', 'MOCK_ASSESSMENT', false, { classification: 'UNKNOWN' });
    add('CONFIRM_SELF_CHECK', stageAfterClassification(task.classification), true);
    add('SUBMIT_RECTIFICATION', 'CONSOLIDATION', false);
    add('APPROVE_RECTIFICATION', 'CONSOLIDATION', true);
    // The scores decide: dropped on 巩固 or 整改, the card goes where the score rate sends it.
    add('RECORD_MOCK_ASSESSMENT', 'CONSOLIDATION', true);
    add('RECORD_MOCK_ASSESSMENT', 'RECTIFICATION', true);
    add('RECORD_RECHECK', 'RECTIFICATION', true, { passed: false });
    add('START_ARCHIVING', 'ARCHIVING', true);
    add('SUBMIT_ARCHIVE_MATERIAL', 'ARCHIVED', false);
    add('ACCEPT_ARCHIVE_MATERIAL', 'ARCHIVED', false);
  } else {
    add('DISPATCH', 'DISPATCHED', true);
    add('START_RECTIFICATION', 'RECTIFYING', true);
    add('SUBMIT_RECTIFICATION', 'SUBMITTED', true);
    add('VERIFY', 'VERIFIED', true);
    add('RETURN', 'RETURNED', true);
    add('RECORD_RECHECK', 'CLOSED', true, { passed: true });
    add('RECORD_RECHECK', 'RECTIFYING', true, { passed: false });
    add('APPROVE_DISPATCH_RETURN', 'REPORTED', true);
  }
  const from = columnOf(kind, card);
  return moves.filter((m) => m.target !== from);
}

export function moveTo(kind: Kind, card: AnyCard, target: string): Move | null {
  return movesFor(kind, card).find((m) => m.target === target) ?? null;
}
