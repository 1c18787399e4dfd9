// bench/summary.json: the latest figure of each headline benchmark under a fixed key, for programs (a CI job, a
// dashboard, the next session) to read without parsing Markdown. Each benchmark overwrites only its own keys, with
// when and by which command it was measured. Figures measured on the Temporal cluster (BENCH_TEMPORAL=cluster) are
// recorded in bench/results/ only: the keys are the reference setup's (the dev server on this machine's size).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { benchOnCluster, recordingResults } from './harness';

/** The fixed keys (issue 18). */
export type SummaryKey =
  | 'lifecycleRatio'
  | 'lifecycleRatioRuns'
  | 'actionP99Ms20'
  | 'boardP95Ms100k'
  | 'import6000Seconds'
  | 'rebuildEventsPerSecond'
  | 'workerMiBPer1000Cached'
  | 'boardAsOfP95Ms1M';

export interface SummaryEntry {
  value: number | number[];
  /** ISO 8601, UTC. */
  measuredAt: string;
  /** How to measure it again. */
  command: string;
  /** Anything a reader needs to compare (units, sizes, which role was the worst). */
  note?: string;
}

export type Summary = Partial<Record<SummaryKey, SummaryEntry>>;

export const SUMMARY_FILE = path.join(projectRoot(), 'bench/summary.json');

export function readSummary(file = SUMMARY_FILE): Summary {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Summary;
}

/**
 * Sets `figures` in the summary file, keeping every other key; written to a temporary file and renamed, so that a
 * reader never sees half a file. Not with BENCH_NO_RECORD=1 (a try) nor on the cluster (see above).
 */
export function recordSummary(figures: Partial<Record<SummaryKey, Omit<SummaryEntry, 'measuredAt'>>>, file = SUMMARY_FILE, now = new Date()): void {
  if (!recordingResults()) return;
  if (benchOnCluster()) {
    console.log('[bench] on the cluster: bench/summary.json keeps the dev server figures (this run is in bench/results/)');
    return;
  }
  const summary = readSummary(file);
  for (const [key, entry] of Object.entries(figures) as [SummaryKey, Omit<SummaryEntry, 'measuredAt'>][]) {
    summary[key] = { value: entry.value, measuredAt: now.toISOString(), command: entry.command, ...(entry.note ? { note: entry.note } : {}) };
  }
  const ordered: Summary = {};
  for (const key of Object.keys(summary).sort() as SummaryKey[]) ordered[key] = summary[key];
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(ordered, null, 2)}\n`);
  fs.renameSync(temporary, file);
  console.log(`[bench] bench/summary.json: ${Object.keys(figures).join(', ')}`);
}
