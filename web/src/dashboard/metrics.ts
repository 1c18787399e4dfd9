// What the dashboard counts, in one place and without React, so that every chart, its table and its export say
// the same thing. The words that explain each count to the reader are in DashboardPage's WORDS.
import type { DashCard, DashItem, KeyItem, KeyTask, PastCard } from './types';

export const DAY = 86_400_000;
const WEEK = 7 * DAY;

/**
 * 达标: the task is classified 达标 (a self-check the supervision group confirmed as met, or met after its
 * rectification or mock assessment), or it is archived. A self-check still awaiting review counts only once confirmed.
 */
export function isMet(card: Pick<PastCard, 'stage' | 'classification' | 'awaitingReview'>): boolean {
  if (card.stage === 'ARCHIVED') return true;
  return card.classification === 'MET' && card.awaitingReview !== 'SELF_CHECK_REVIEW';
}

export interface MetRow {
  /** 测评项目 */
  item: string;
  tasks: number;
  met: number;
  /** 0–1 */
  rate: number;
}

/** The 达标 rate per 测评项目, in the catalog's order (by the items' indicator codes), and over all tasks. */
export function metByItem(cards: readonly DashCard[]): { rows: MetRow[]; total: MetRow } {
  const byItem = new Map<string, { first: string; tasks: number; met: number }>();
  for (const card of cards) {
    const name = card.indicator.itemName;
    const row = byItem.get(name) ?? { first: card.indicator.code, tasks: 0, met: 0 };
    if (card.indicator.code < row.first) row.first = card.indicator.code;
    row.tasks += 1;
    if (isMet(card)) row.met += 1;
    byItem.set(name, row);
  }
  const rows = [...byItem.entries()]
    .sort((a, b) => (a[1].first < b[1].first ? -1 : a[1].first > b[1].first ? 1 : 0))
    .map(([item, r]) => ({ item, tasks: r.tasks, met: r.met, rate: r.tasks ? r.met / r.tasks : 0 }));
  const tasks = cards.length;
  const met = rows.reduce((n, r) => n + r.met, 0);
  return { rows, total: { item: '', tasks, met, rate: tasks ? met / tasks : 0 } };
}

/** The steps of pressure on a piece of work, mildest first: a reminder comes before the deadline, the rest after. */
export const WORK_LEVELS = ['REMINDER', 'OVERDUE', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY'] as const;
export type WorkLevel = (typeof WORK_LEVELS)[number];

/** Overdue as the board judges it: the current stage's deadline (else the due date) has passed, not archived. */
export function taskOverdue(card: Pick<DashCard, 'stage' | 'stageDueAt' | 'dueAt'>, now: number): boolean {
  return card.stage !== 'ARCHIVED' && Date.parse(card.stageDueAt ?? card.dueAt) < now;
}

/** States in which the unit owes the fix. */
const ITEM_OWED = ['DISPATCHED', 'RECTIFYING', 'RETURNED'];
/** States in which an item's escalation still stands (dispatched and not yet verified). */
const ITEM_OPEN = ['DISPATCHED', 'RECTIFYING', 'RETURNED', 'SUBMITTED'];

export function itemOverdue(item: Pick<DashItem, 'state' | 'dueAt'>, now: number): boolean {
  return ITEM_OWED.includes(item.state) && item.dueAt !== null && Date.parse(item.dueAt) < now;
}

/** The highest step a piece of work has reached, or null when it is neither overdue nor escalated. */
function levelOf(escalation: string | null, overdue: boolean): WorkLevel | null {
  const reached = escalation ? WORK_LEVELS.indexOf(escalation as WorkLevel) : -1;
  const index = Math.max(reached, overdue ? WORK_LEVELS.indexOf('OVERDUE') : -1);
  return index >= 0 ? WORK_LEVELS[index] : null;
}

export interface UnitPressure {
  code: string;
  name: string;
  counts: Record<WorkLevel, number>;
  tasks: number;
  items: number;
  total: number;
}

/**
 * Overdue and escalated work per unit: every indicator task and every dispatched rectification item that is
 * overdue or has reached a step of the escalation ladder, counted once, at the highest step it has reached.
 * Units with the most (and the most severe) first.
 */
export function pressureByUnit(cards: readonly DashCard[], items: readonly DashItem[], now: number): UnitPressure[] {
  const units = new Map<string, UnitPressure>();
  const add = (unit: { code: string; name: string }, level: WorkLevel, kind: 'tasks' | 'items') => {
    const row = units.get(unit.code) ?? { code: unit.code, name: unit.name, counts: Object.fromEntries(WORK_LEVELS.map((l) => [l, 0])) as Record<WorkLevel, number>, tasks: 0, items: 0, total: 0 };
    row.counts[level] += 1;
    row[kind] += 1;
    row.total += 1;
    units.set(unit.code, row);
  };
  for (const card of cards) {
    if (card.stage === 'ARCHIVED') continue;
    const level = levelOf(card.escalationLevel, taskOverdue(card, now));
    if (level) add(card.unit, level, 'tasks');
  }
  for (const item of items) {
    if (!item.unit || !ITEM_OPEN.includes(item.state)) continue;
    const level = levelOf(item.escalationLevel, itemOverdue(item, now));
    if (level) add(item.unit, level, 'items');
  }
  const severity = (u: UnitPressure) => WORK_LEVELS.reduce((s, l, i) => s + u.counts[l] * 10 ** i, 0);
  return [...units.values()].sort((a, b) => b.total - a.total || severity(b) - severity(a) || a.code.localeCompare(b.code));
}

/**
 * The past instants of the burn-down: weekly from the campaign's start (at most 15, spread wider when the campaign
 * is long); a campaign younger than five weeks gets six even steps instead, so that its first days show a line.
 * The present is not among them: it is read from the live board.
 */
export function burnDownInstants(start: number, now: number): number[] {
  if (!(now > start)) return [];
  const span = now - start;
  const step = span >= 5 * WEEK ? WEEK * Math.ceil(span / WEEK / 15) : span / 6;
  const instants: number[] = [];
  for (let at = start; at < now - step / 2; at += step) instants.push(Math.round(at));
  return instants;
}

export interface BurnPoint {
  at: number;
  daysLeft: number;
  tasks: number;
  unmet: number;
  /** The ideal line: straight from the first point with tasks to none at the inspection date. */
  ideal: number;
}

export function daysLeft(at: number, inspectionAt: number): number {
  return Math.max(0, Math.ceil((inspectionAt - at) / DAY));
}

/**
 * Unmet indicator tasks at each sampled instant (samples before any task existed are left out) and the ideal line
 * from the first of them down to zero on the inspection date.
 */
export function burnDown(samples: readonly { at: number; cards: readonly PastCard[]; daysLeft?: number }[], inspectionAt: number): BurnPoint[] {
  const counted = samples
    .filter((s) => s.cards.length > 0)
    .map((s) => ({ at: s.at, daysLeft: s.daysLeft ?? daysLeft(s.at, inspectionAt), tasks: s.cards.length, unmet: s.cards.filter((c) => !isMet(c)).length }));
  if (counted.length === 0) return [];
  const first = counted[0];
  const span = inspectionAt - first.at;
  return counted.map((p) => ({
    ...p,
    ideal: span > 0 ? Math.max(0, Math.round(((first.unmet * (inspectionAt - p.at)) / span) * 10) / 10) : 0,
  }));
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** The inspection day's start in the browser's clock, from the campaign's YYYY-MM-DD. */
export function inspectionInstant(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** 2026-11-27, in the browser's clock: for file names and the burn-down's dates. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function dateTime(ms: number): string {
  const d = new Date(ms);
  return `${isoDate(ms)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** One row of the 重点难点 panel: a marked task or item, where it stands, and whether it is overdue. */
export interface KeyWorkRow {
  key: string;
  kind: 'task' | 'item';
  id: string;
  title: string;
  flag: string;
  reason: string;
  state: string;
  unit: string;
  deadline: string | null;
  overdue: boolean;
  escalationLevel: string | null;
}


/**
 * The marked work, overdue first, then by deadline: overdue as the board says it (a task's current stage's deadline,
 * else its due date, passed and not archived; an item the unit owes a fix for past its due date).
 */
export function keyWorkRows(tasks: readonly KeyTask[], items: readonly KeyItem[], now: number): KeyWorkRow[] {
  const rows: KeyWorkRow[] = [
    ...tasks.map((t) => {
      const deadline = t.stage === 'ARCHIVED' ? null : (t.stageDueAt ?? t.dueAt);
      return {
        key: `task:${t.id}`,
        kind: 'task' as const,
        id: t.id,
        title: `${t.indicator.code} ${t.indicator.name}`,
        flag: t.keyFlag?.kindLabel ?? '',
        reason: t.keyFlag?.reason ?? '',
        state: t.stageLabel,
        unit: t.unit.name,
        deadline,
        overdue: deadline !== null && Date.parse(deadline) < now,
        escalationLevel: t.escalationLevel ?? null,
      };
    }),
    ...items.map((i) => ({
      key: `item:${i.id}`,
      kind: 'item' as const,
      id: i.id,
      title: i.description,
      flag: i.keyFlag?.kindLabel ?? '',
      reason: i.keyFlag?.reason ?? '',
      state: i.stateLabel,
      unit: i.unit?.name ?? '',
      deadline: i.dueAt ?? null,
      overdue: ITEM_OWED.includes(i.state) && i.dueAt !== null && i.dueAt !== undefined && Date.parse(i.dueAt) < now,
      escalationLevel: i.escalationLevel ?? null,
    })),
  ];
  const at = (r: KeyWorkRow) => (r.deadline ? Date.parse(r.deadline) : Number.MAX_SAFE_INTEGER);
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || at(a) - at(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
