// bench/summary.json is read by programs: fixed keys, each with its value, when and how it was measured; a benchmark
// overwrites only its own keys, a try (BENCH_NO_RECORD=1) and a run on the cluster write nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median } from '../../bench/support/harness';
import { readSummary, recordSummary } from '../../bench/support/summary';

describe('bench/summary.json', () => {
  let dir: string;
  let file: string;
  const saved = { record: process.env.BENCH_NO_RECORD, temporal: process.env.BENCH_TEMPORAL };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-summary-'));
    file = path.join(dir, 'summary.json');
    delete process.env.BENCH_NO_RECORD;
    delete process.env.BENCH_TEMPORAL;
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of [['BENCH_NO_RECORD', saved.record], ['BENCH_TEMPORAL', saved.temporal]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    jest.restoreAllMocks();
  });

  it('writes each key with its value, measuredAt and command, and keeps the keys other benchmarks wrote', () => {
    recordSummary({ rebuildEventsPerSecond: { value: 61234, command: 'node dist/bench/rebuild.bench.js 1000000' } }, file, new Date('2026-12-06T01:00:00Z'));
    recordSummary(
      { lifecycleRatio: { value: 0.91, command: 'node dist/bench/lifecycle.bench.js 200 8 3', note: 'median' }, lifecycleRatioRuns: { value: [0.9, 0.91, 0.93], command: 'node dist/bench/lifecycle.bench.js 200 8 3' } },
      file,
      new Date('2026-12-06T02:00:00Z'),
    );
    const summary = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(summary)).toEqual(['lifecycleRatio', 'lifecycleRatioRuns', 'rebuildEventsPerSecond']);
    expect(summary.rebuildEventsPerSecond).toEqual({ value: 61234, measuredAt: '2026-12-06T01:00:00.000Z', command: 'node dist/bench/rebuild.bench.js 1000000' });
    expect(summary.lifecycleRatio).toEqual({ value: 0.91, measuredAt: '2026-12-06T02:00:00.000Z', command: 'node dist/bench/lifecycle.bench.js 200 8 3', note: 'median' });
    expect(summary.lifecycleRatioRuns.value).toEqual([0.9, 0.91, 0.93]);
    // A newer run of one benchmark replaces its own figure only.
    recordSummary({ rebuildEventsPerSecond: { value: 70000, command: 'x' } }, file, new Date('2026-12-06T03:00:00Z'));
    expect(readSummary(file).rebuildEventsPerSecond).toMatchObject({ value: 70000, measuredAt: '2026-12-06T03:00:00.000Z' });
    expect(readSummary(file).lifecycleRatio?.value).toBe(0.91);
    expect(fs.readdirSync(dir)).toEqual(['summary.json']); // no temporary file left behind
  });

  it('writes nothing for a try (BENCH_NO_RECORD=1) or a run on the cluster', () => {
    process.env.BENCH_NO_RECORD = '1';
    recordSummary({ actionP99Ms20: { value: 200, command: 'x' } }, file);
    delete process.env.BENCH_NO_RECORD;
    process.env.BENCH_TEMPORAL = 'cluster';
    recordSummary({ actionP99Ms20: { value: 200, command: 'x' } }, file);
    expect(fs.existsSync(file)).toBe(false);
    expect(readSummary(file)).toEqual({});
  });

  it('takes the median of odd and even counts, and refuses none', () => {
    expect(median([0.93, 0.88, 0.91])).toBe(0.91);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});
