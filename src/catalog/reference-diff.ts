// What an import of reference data (the catalog, the organisation) changes: the file's records against the
// database's, matched by key. Pure.
import { fileProblem, type SheetProblem } from '../platform/spreadsheet';

export interface ChangeCounts {
  /** Records in the file. */
  total: number;
  created: number;
  changed: number;
  unchanged: number;
  /** In the database, not in the file: deleted by the import. */
  removed: number;
}

export interface Diff<T> {
  created: T[];
  changed: { before: T; after: T }[];
  unchanged: T[];
  removed: T[];
  counts: ChangeCounts;
}

export function diffBy<T>(before: readonly T[], after: readonly T[], key: (record: T) => string, same: (a: T, b: T) => boolean): Diff<T> {
  const old = new Map(before.map((record) => [key(record), record]));
  const seen = new Set<string>();
  const diff: Diff<T> = { created: [], changed: [], unchanged: [], removed: [], counts: { total: after.length, created: 0, changed: 0, unchanged: 0, removed: 0 } };
  for (const record of after) {
    const k = key(record);
    seen.add(k);
    const previous = old.get(k);
    if (previous === undefined) diff.created.push(record);
    else if (same(previous, record)) diff.unchanged.push(record);
    else diff.changed.push({ before: previous, after: record });
  }
  diff.removed = before.filter((record) => !seen.has(key(record)));
  diff.counts = { total: after.length, created: diff.created.length, changed: diff.changed.length, unchanged: diff.unchanged.length, removed: diff.removed.length };
  return diff;
}

export function hasChanges(counts: ChangeCounts): boolean {
  return counts.created + counts.changed + counts.removed > 0;
}

export type ChangeKind = 'CREATED' | 'CHANGED' | 'REMOVED';
export type ReferenceEntity = 'ASSESSMENT_ITEM' | 'INDICATOR' | 'UNIT' | 'PERSON';

/** One change an import brings, for people to read: what, its code (or login) and its name. */
export interface ReferenceChange {
  kind: ChangeKind;
  entity: ReferenceEntity;
  code: string;
  name: string;
}

export function changesOf<T>(diff: Diff<T>, entity: ReferenceEntity, describe: (record: T) => { code: string; name: string }): ReferenceChange[] {
  const change = (kind: ChangeKind, record: T): ReferenceChange => {
    const { code, name } = describe(record);
    return { kind, entity, code, name };
  };
  return [
    ...diff.created.map((r) => change('CREATED', r)),
    ...diff.changed.map((c) => change('CHANGED', c.after)),
    ...diff.removed.map((r) => change('REMOVED', r)),
  ];
}

/** 12 个（新增 1，变更 2，未变 9，删除 0） */
export function countsText(c: ChangeCounts): string {
  return `${c.total} 个（新增 ${c.created}，变更 ${c.changed}，未变 ${c.unchanged}，删除 ${c.removed}）`;
}

/**
 * A problem for each record tasks still use that the file leaves out (an import never deletes those), worded by
 * `message` with the record's code and, when the database has one, its name (`A01 名称`).
 */
export function removedInUse(
  inUse: ReadonlyMap<string, number>,
  kept: ReadonlySet<string>,
  current: readonly { code: string; name: string }[],
  message: (label: string, tasks: number) => string,
): SheetProblem[] {
  const currentNames = new Map(current.map((r) => [r.code, r.name]));
  const problems: SheetProblem[] = [];
  for (const [code, tasks] of inUse) {
    if (tasks === 0 || kept.has(code)) continue;
    const name = currentNames.get(code);
    problems.push(fileProblem('IN_USE', message(`${code}${name ? ` ${name}` : ''}`, tasks)));
  }
  return problems;
}
