// Which board snapshots the retention keeps (src/reports/board-snapshot.ts retainSnapshots): the newest, every one
// of the last days (14 here), then the last of each week; a dropped snapshot's segment of the log goes to the next kept.
import { retainSnapshots, type SnapshotSegment } from '../../src/reports/board-snapshot';

/** Two weeks of every snapshot, then weekly (the default keeps a year). */
const RETENTION = { everyDayFor: 14 * 86_400_000, thenEvery: 7 * 86_400_000 };

const DAY = 86_400_000;
/** Snapshot n taken after day n: its latest event at noon of day n, its segment's earliest at 01:00 of day n. */
const day = (n: number, events = 10): SnapshotSegment => ({
  seq: n,
  maxOccurredAt: new Date(n * DAY + 12 * 3_600_000),
  minOccurredAt: new Date(n * DAY + 3_600_000),
  events,
});

describe('board snapshot retention', () => {
  it('keeps everything within 14 days of the newest', () => {
    const snapshots = Array.from({ length: 15 }, (_, i) => day(i + 1));
    expect(retainSnapshots(snapshots, RETENTION)).toEqual({ kept: snapshots, dropped: [] });
  });

  it('keeps the last of each week before that, and hands dropped segments to the next kept', () => {
    // Days 1..40: the newest is day 40, so days 26..40 are within 14 days; before, one per 7-day period.
    const snapshots = Array.from({ length: 40 }, (_, i) => day(i + 1, i + 1));
    const { kept, dropped } = retainSnapshots(snapshots, RETENTION);
    const period = (n: number) => Math.floor(day(n).maxOccurredAt!.getTime() / (7 * DAY));
    const keptSeqs = kept.map((s) => s.seq);
    expect(keptSeqs.filter((s) => s >= 26)).toEqual(Array.from({ length: 15 }, (_, i) => 26 + i));
    for (const seq of keptSeqs.filter((s) => s < 26)) expect(period(seq + 1)).not.toBe(period(seq));
    expect([...keptSeqs, ...dropped].sort((a, b) => a - b)).toEqual(snapshots.map((s) => s.seq));
    expect(dropped.length).toBeGreaterThan(15);
    // Every event is counted once, in the kept snapshot that follows it.
    expect(kept.reduce((n, s) => n + s.events, 0)).toBe(snapshots.reduce((n, s) => n + s.events, 0));
    // A kept snapshot after dropped ones starts its segment where the first dropped one's began.
    for (const [i, s] of kept.entries()) {
      const previous = i === 0 ? 0 : kept[i - 1].seq;
      expect(s.minOccurredAt).toEqual(day(previous + 1).minOccurredAt);
    }
  });

  it('carries a segment without events and keeps the newest alone', () => {
    const empty: SnapshotSegment = { seq: 2, maxOccurredAt: day(1).maxOccurredAt, minOccurredAt: null, events: 0 };
    const far = day(60);
    const { kept, dropped } = retainSnapshots([day(1), empty, far], RETENTION);
    expect(dropped).toEqual([1]);
    expect(kept.map((s) => s.seq)).toEqual([2, 60]);
    expect(kept[0]).toMatchObject({ minOccurredAt: day(1).minOccurredAt, events: 10 });
    expect(retainSnapshots([far], RETENTION)).toEqual({ kept: [far], dropped: [] });
    expect(retainSnapshots([], RETENTION)).toEqual({ kept: [], dropped: [] });
  });

  it('keeps a year of every snapshot by default', () => {
    const snapshots = Array.from({ length: 367 }, (_, i) => day(i + 1));
    expect(retainSnapshots(snapshots).dropped).toEqual([]);
    expect(retainSnapshots([day(1), ...snapshots.map((s) => ({ ...s, seq: s.seq + 1, maxOccurredAt: new Date(s.maxOccurredAt!.getTime() + DAY) }))]).dropped).toEqual([1]);
  });
});
