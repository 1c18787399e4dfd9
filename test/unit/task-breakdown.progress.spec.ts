// An import's progress as the office sees it: the percent never claims 100 before the last change is applied, and
// the time left is the pace so far applied to what remains, rounded up, with no guess before there is a pace.
import { durationLabel, importProgress } from '../../src/task-breakdown/task-breakdown.progress';

const importedAt = new Date('2027-03-01T08:00:00.000Z');
const after = (seconds: number) => new Date(importedAt.getTime() + seconds * 1000);

describe('importProgress', () => {
  it('has no estimate before the first change is applied', () => {
    expect(importProgress({ total: 6000, applied: 0, importedAt }, after(5))).toEqual({ total: 6000, applied: 0, percent: 0, secondsLeft: null });
  });

  it('floors the percent and estimates the rest from the pace so far, rounded up', () => {
    // 1234 in 19 s: 4766 more at that pace is 73.38… s.
    expect(importProgress({ total: 6000, applied: 1234, importedAt }, after(19))).toEqual({ total: 6000, applied: 1234, percent: 20, secondsLeft: 74 });
    expect(importProgress({ total: 600, applied: 300, importedAt }, after(10))).toEqual({ total: 600, applied: 300, percent: 50, secondsLeft: 10 });
  });

  it('says 99, not 100, while one change is left, and 100 with no estimate once all are applied', () => {
    expect(importProgress({ total: 6000, applied: 5999, importedAt }, after(60)).percent).toBe(99);
    expect(importProgress({ total: 6000, applied: 6000, importedAt }, after(60))).toEqual({ total: 6000, applied: 6000, percent: 100, secondsLeft: null });
  });

  it('never counts more applied than there is to apply', () => {
    expect(importProgress({ total: 3, applied: 5, importedAt }, after(2))).toEqual({ total: 3, applied: 3, percent: 100, secondsLeft: null });
  });

  it('reckons no negative time when the clock reading it is behind the one that recorded the import, and leaves at least a second', () => {
    expect(importProgress({ total: 10, applied: 5, importedAt }, after(-3))).toEqual({ total: 10, applied: 5, percent: 50, secondsLeft: 1 });
  });

  it('is complete for an import with nothing to apply', () => {
    expect(importProgress({ total: 0, applied: 0, importedAt }, after(1))).toEqual({ total: 0, applied: 0, percent: 100, secondsLeft: null });
  });
});

describe('durationLabel', () => {
  it.each([
    [0, '0秒'],
    [35, '35秒'],
    [34.2, '35秒'],
    [60, '1分0秒'],
    [95, '1分35秒'],
    [3599, '59分59秒'],
    [3600, '1小时0分'],
    [7530, '2小时5分'],
  ])('%s s is %s', (seconds, label) => {
    expect(durationLabel(seconds)).toBe(label);
  });
});
