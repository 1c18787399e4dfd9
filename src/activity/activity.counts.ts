// The monthly counts of activities, pure: per month of the planned date (and per month and kind) how many are still
// planned, were held and were cancelled, and the attendance of the held ones.
import { ACTIVITY_KIND_LABELS } from '../../workflows/activity/activity.labels';
import { ACTIVITY_KINDS, type ActivityKind } from '../../workflows/activity/activity.types';
import type { ActivityCountRow } from './activity.repository';

export interface ActivityCount {
  month: string;
  kind: ActivityKind | null;
  kindLabel: string | null;
  planned: number;
  held: number;
  cancelled: number;
  attendance: number;
}

export interface MonthlyCounts {
  months: ActivityCount[];
  byKind: ActivityCount[];
}

function empty(month: string, kind: ActivityKind | null): ActivityCount {
  return { month, kind, kindLabel: kind ? ACTIVITY_KIND_LABELS[kind] : null, planned: 0, held: 0, cancelled: 0, attendance: 0 };
}

function add(into: ActivityCount, row: ActivityCountRow): void {
  if (row.state === 'PLANNED') into.planned += row.count;
  else if (row.state === 'HELD') {
    into.held += row.count;
    into.attendance += row.attendance;
  } else if (row.state === 'CANCELLED') into.cancelled += row.count;
}

/** Months in order; within a month the kinds in the catalog's order, only those with activities. */
export function monthlyCounts(rows: readonly ActivityCountRow[]): MonthlyCounts {
  const months = new Map<string, ActivityCount>();
  const byKind = new Map<string, ActivityCount>();
  for (const row of rows) {
    if (!(ACTIVITY_KINDS as readonly string[]).includes(row.kind)) continue;
    const kind = row.kind as ActivityKind;
    if (!months.has(row.month)) months.set(row.month, empty(row.month, null));
    add(months.get(row.month)!, row);
    const key = `${row.month} ${ACTIVITY_KINDS.indexOf(kind)}`;
    if (!byKind.has(key)) byKind.set(key, empty(row.month, kind));
    add(byKind.get(key)!, row);
  }
  const order = (a: ActivityCount, b: ActivityCount) => a.month.localeCompare(b.month) || (a.kind ? ACTIVITY_KINDS.indexOf(a.kind) : -1) - (b.kind ? ACTIVITY_KINDS.indexOf(b.kind) : -1);
  return { months: [...months.values()].sort(order), byKind: [...byKind.values()].sort(order) };
}
