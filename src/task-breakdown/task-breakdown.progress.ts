// How far a recorded import has got, for the office watching it (the board's 工作台, `npm run import`): the share of
// its changes that reached their task workflows and, from the pace so far, how long the rest will take.

export interface ImportProgress {
  /** Changes to apply: new tasks and changed ones (removals are only reported, nothing waits for them). */
  total: number;
  applied: number;
  /** 0–100, floored, so that 100 means every change is applied and never "almost". */
  percent: number;
  /** Null while there is no pace to go by (nothing applied yet) and once nothing is left. */
  secondsLeft: number | null;
}

export function importProgress(figures: { total: number; applied: number; importedAt: Date }, now: Date): ImportProgress {
  const { total } = figures;
  const applied = Math.min(figures.applied, total);
  const remaining = total - applied;
  const percent = remaining === 0 ? 100 : Math.floor((applied * 100) / total);
  // The clock of the API instance answering may be a little behind the one that recorded the import.
  const elapsedSeconds = Math.max(0, (now.getTime() - figures.importedAt.getTime()) / 1000);
  // While something is left, at least a second is: 「预计剩余 0秒」 beside an unfinished bar reads as a fault.
  const secondsLeft = applied === 0 || remaining === 0 ? null : Math.max(1, Math.ceil((elapsedSeconds / applied) * remaining));
  return { total, applied, percent, secondsLeft };
}

/** 「1分35秒」, 「35秒」, 「2小时5分」: how the office reads a remaining time. */
export function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${s % 60}秒`;
  return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分`;
}
