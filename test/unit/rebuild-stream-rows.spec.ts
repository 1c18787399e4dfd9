// How a rebuild writes one-row-per-stream projections (src/platform/projections/stream-rows.ts rebuildStreamRows):
// a stream's row goes to the database as soon as its last event is folded, in batches, while the rebuild reads on;
// an event that comes after its stream's row went (an append committed late inside the rebuild's range) is folded
// onto the row read back; a failed write fails the rebuild. The table here is a Map: the database's part is covered
// by the rebuild's integration tests and bench/rebuild.bench.ts, which compare every row with the appends' own.
import type { Transaction } from 'kysely';
import type { Database } from '../../src/platform/database/database.types';
import type { ReplayedEvent } from '../../src/platform/event-store/event-store.types';
import { rebuildStreamRows, type StreamRows } from '../../src/platform/projections/stream-rows';

interface Row {
  state: { version: number; folded: number[] };
}

const trx = {} as Transaction<Database>;

function table(options: { failOnWrite?: number } = {}) {
  const rows = new Map<string, Row>();
  const writes: string[][] = [];
  const p: StreamRows<Row> = {
    isStream: (streamId) => streamId.startsWith('s:'),
    async read(_trx, streamIds) {
      return new Map(streamIds.filter((id) => rows.has(id)).map((id) => [id, structuredClone(rows.get(id)!)]));
    },
    fold(row, event) {
      const next = { state: { version: event.streamVersion, folded: [...(row?.state.folded ?? []), Number(event.position)] } };
      ids.set(next, event.streamId);
      return next;
    },
    async write(_trx, batch) {
      await new Promise((resolve) => setImmediate(resolve));
      if (options.failOnWrite === writes.length + 1) throw new Error('写入失败');
      writes.push(batch.map((r) => ids.get(r)!));
      for (const r of batch) rows.set(ids.get(r)!, r);
    },
    async clear() {
      rows.clear();
    },
  };
  const ids = new WeakMap<Row, string>();
  return { rows, writes, p };
}

let position = 0;
const event = (streamId: string, streamVersion: number, lastOfStream: boolean): ReplayedEvent => ({
  position: String(++position),
  eventId: `e${position}`,
  streamId,
  streamVersion,
  type: 'T',
  data: {},
  metadata: {},
  occurredAt: new Date(0),
  lastOfStream,
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('rebuildStreamRows', () => {
  beforeEach(() => {
    position = 0;
  });

  it('writes finished streams in batches of 1,000 before the end, and the rest at the end', async () => {
    const { rows, writes, p } = table();
    const rebuild = await rebuildStreamRows(trx, p);
    // 2,500 streams of two events each, finished as they go; one stream left open; one not the projection's.
    await rebuild.visit(event('s:open', 1, false));
    await rebuild.visit(event('other:1', 1, true));
    for (let i = 0; i < 2_500; i += 1) {
      await rebuild.visit(event(`s:${i}`, 1, false));
      await rebuild.visit(event(`s:${i}`, 2, true));
    }
    await tick();
    await tick();
    expect(writes.map((w) => w.length)).toEqual([1_000, 1_000]);
    expect(rows.has('s:open')).toBe(false);

    expect(await rebuild.finish()).toEqual({ events: 5_001 });
    expect(writes.map((w) => w.length)).toEqual([1_000, 1_000, 501]);
    expect(rows.size).toBe(2_501);
    expect(rows.get('s:0')!.state).toEqual({ version: 2, folded: [3, 4] });
    expect(rows.get('s:open')!.state.folded).toEqual([1]);
  });

  it('folds an event that comes after its stream was written onto the row read back, and writes it again', async () => {
    const { rows, writes, p } = table();
    const rebuild = await rebuildStreamRows(trx, p);
    await rebuild.visit(event('s:a', 1, false));
    await rebuild.visit(event('s:a', 2, true));
    // A late append of s:a, committed after the rebuild read version 2 as the last.
    await rebuild.visit(event('s:a', 3, true));
    // and again, with a batch still waiting
    await rebuild.visit(event('s:b', 1, true));
    await rebuild.visit(event('s:a', 4, false));
    expect(await rebuild.finish()).toEqual({ events: 5 });
    expect(rows.get('s:a')!.state).toEqual({ version: 4, folded: [1, 2, 3, 5] });
    expect(rows.get('s:b')!.state).toEqual({ version: 1, folded: [4] });
    // Never one key twice in a statement.
    for (const w of writes) expect(new Set(w).size).toBe(w.length);
  });

  it('fails the rebuild when a write fails', async () => {
    const { p } = table({ failOnWrite: 1 });
    const rebuild = await rebuildStreamRows(trx, p);
    for (let i = 0; i < 1_500; i += 1) await rebuild.visit(event(`s:${i}`, 1, true));
    await expect(rebuild.finish()).rejects.toThrow('写入失败');
  });
});
