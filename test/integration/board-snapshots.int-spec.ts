// The office's board as of an instant from snapshots (src/reports/board-snapshot.ts) must be the board the whole
// log's replay gives, for every instant: before the first snapshot, between snapshots, after the last, and with
// events stored after a snapshot that occurred before it (a late append). Real PostgreSQL, the real API and the real
// Temporal dev server: a campaign of synthetic task and item streams (bench/support/synthetic-events.ts, the real
// events' shapes) is written day by day as it occurred, with a nightly snapshot after each day but the last two (the
// retention thinning the older ones out to one a week); the answers with the snapshots are taken, the snapshots
// dropped, and the replay's answers must be equal, column for column and page for page. The nightly schedule's run
// takes a snapshot through the worker.
import { sql } from 'kysely';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { DEMO_UNITS } from '../../src/demo/demo-organisation';
import { inlineProjections } from '../../src/platform/runtime/worker-runner';
import { BoardSnapshotRepository } from '../../src/reports/board-snapshot.repository';
import { BOARD_SNAPSHOT_VERSION } from '../../src/reports/board-snapshot';
import { ensureBoardSnapshotSchedule } from '../../src/campaign-clock/campaign-clock.starter';
import { boardSnapshotScheduleId } from '../../workflows/campaign/campaign.messages';
import { itemEvents, syntheticTask, taskEvents, writeEvents, type SyntheticCampaign, type SyntheticEvent } from '../../bench/support/synthetic-events';
import { CAMPAIGN, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

/** 40 indicators × 12 units in the demo: 330 tasks reach 外滩社区 (the eighth unit), whose member looks too. */
const DAY = 86_400_000;
const TASKS = 330;
const ITEMS = 150;
const CARD = 'id stage version openItems allowedActions updatedAt stageDueAt dueAt escalationLevel classification unit { code } leadUnit { code } indicator { code }';

interface Column {
  stage: string;
  count: number;
  cards: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('the office board as of an instant from nightly snapshots equals the replay of the whole log', () => {
  let stack: TestStack;
  let snapshots: BoardSnapshotRepository;
  const campaign: SyntheticCampaign = { campaignId: CAMPAIGN, catalog: readDemoCatalog(), unitCodes: DEMO_UNITS.map((u) => u.code), start: new Date('2026-09-01T01:00:00Z') };

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'snapshots' });
    snapshots = new BoardSnapshotRepository(stack.db);
  });
  afterAll(async () => stack?.stop());

  async function ok<T>(query: string, variables: Record<string, unknown>, login = 'office'): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  /** Every column's count, first page and then every further page, for the office as of `asOf`. */
  async function wholeBoard(asOf: string): Promise<{ columns: Column[]; pages: Record<string, string[][]> }> {
    const { boardAsOf } = await ok<{ boardAsOf: { columns: Column[] } }>(
      `query($c: String, $t: DateTime!) { boardAsOf(campaignId: $c, asOf: $t, first: 5) { columns { stage count cards { ${CARD} } pageInfo { hasNextPage endCursor } } } }`,
      { c: CAMPAIGN, t: asOf },
    );
    const pages: Record<string, string[][]> = {};
    for (const column of boardAsOf.columns) {
      pages[column.stage] = [column.cards.map((c) => c.id)];
      let info = column.pageInfo;
      while (info.hasNextPage) {
        const { boardAsOfColumn } = await ok<{ boardAsOfColumn: Column }>(
          `query($c: String, $t: DateTime!, $s: Stage!, $a: String) { boardAsOfColumn(campaignId: $c, asOf: $t, stage: $s, first: 7, after: $a) { stage count cards { ${CARD} } pageInfo { hasNextPage endCursor } } }`,
          { c: CAMPAIGN, t: asOf, s: column.stage, a: info.endCursor },
        );
        expect(boardAsOfColumn.count).toBe(column.count);
        pages[column.stage].push(boardAsOfColumn.cards.map((c) => c.id));
        info = boardAsOfColumn.pageInfo;
      }
      expect(pages[column.stage].flat()).toHaveLength(column.count);
    }
    return { columns: boardAsOf.columns, pages };
  }

  it('answers every instant as the replay does, late appends included, and the nightly schedule takes the next snapshot', async () => {
    const streams = [
      ...Array.from({ length: TASKS }, (_, i) => taskEvents(campaign, i)),
      ...Array.from({ length: ITEMS }, (_, j) => itemEvents(campaign, j, TASKS)),
    ];
    const all = streams.flat().sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const times = all.map((e) => e.occurredAt.getTime());
    // Every eleventh stream's events after its third are held back and appended last: stored after every snapshot,
    // though many occurred before the first.
    const held = new Set(streams.filter((_, k) => k % 11 === 0).map((s) => s[0].streamId));
    // And the tasks of the first items reported against tasks are held back whole: their items (open in the
    // snapshots) are linked to tasks that have no card until the late events create them.
    const heldWhole = new Set([0, 3, 6, 9, 12, 15].map((j) => syntheticTask(campaign, (j * 7) % TASKS).taskId));
    const late = (e: SyntheticEvent) => heldWhole.has(e.streamId) || (held.has(e.streamId) && e.streamVersion > 3);
    const write = async (events: SyntheticEvent[]) => {
      for (let i = 0; i < events.length; i += 500) await writeEvents(stack.db, events.slice(i, i + 500), inlineProjections({ deliverNotifications: false }));
    };

    // Day by day as the campaign ran, a nightly snapshot after each day but the last two.
    const firstDay = Math.floor(times[0] / DAY);
    const lastDay = Math.floor(times[times.length - 1] / DAY);
    expect(lastDay - firstDay).toBeGreaterThan(21); // long enough for the retention to thin the older snapshots out
    let taken = 0;
    let pruned = 0;
    let snapshotted = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      const events = all.filter((e) => !late(e) && Math.floor(e.occurredAt.getTime() / DAY) === day);
      await write(events);
      if (day >= lastDay - 1) continue;
      snapshotted += events.length;
      // Two weeks of every snapshot, then weekly (the default keeps a year): the campaign here lasts about 25.
      const snapshot = await snapshots.take(CAMPAIGN, new Date(), { everyDayFor: 14 * DAY, thenEvery: 7 * DAY });
      if (!snapshot) continue;
      taken += 1;
      pruned += snapshot.pruned;
      expect(snapshot).toMatchObject({ seq: taken, restarted: false });
      if (taken === 1) expect(await snapshots.take(CAMPAIGN)).toBeNull(); // nothing new since
    }
    const lateEvents = all.filter(late);
    const listed = await snapshots.list(CAMPAIGN);
    expect(lateEvents.some((e) => e.occurredAt.getTime() <= listed[0].max_occurred_at!.getTime())).toBe(true);
    await write(lateEvents);

    // The older snapshots were thinned out to one a week; those kept carry the segments of the dropped ones.
    expect(pruned).toBeGreaterThan(0);
    expect(listed).toHaveLength(taken - pruned);
    expect(listed.reduce((n, s) => n + s.events, 0)).toBe(snapshotted);

    const iso = (ms: number) => new Date(ms).toISOString();
    const at = (fraction: number) => times[Math.floor((times.length - 1) * fraction)];
    const instants = [
      iso(times[0] - 1), // before anything: an empty board
      iso(at(0.02)), // before the first snapshot's latest event: no snapshot is old enough, the log is replayed
      ...[0.1, 0.25, 0.4, 0.55, 0.7, 0.85].map((f) => iso(at(f))), // a thinned-out week, the daily ones
      iso(listed.at(-1)!.max_occurred_at!.getTime()), // the newest snapshot exactly
      iso(times[times.length - 1] + 1), // everything: the newest snapshot, the last two days and the late events
    ];
    const withSnapshots = [];
    for (const t of instants) withSnapshots.push(await wholeBoard(t));
    expect(withSnapshots.at(-1)!.columns.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(TASKS / 2);
    expect(withSnapshots[0].columns.every((c) => c.count === 0)).toBe(true);

    // The same instants replayed from the log alone.
    await stack.db.deleteFrom('board_snapshot_cards').where('campaign_id', '=', CAMPAIGN).execute();
    await stack.db.deleteFrom('board_snapshots').where('campaign_id', '=', CAMPAIGN).execute();
    for (const [k, t] of instants.entries()) expect({ t, ...(await wholeBoard(t)) }).toEqual({ t, ...withSnapshots[k] });
    // Not the same board every time: the cards move through the columns from one instant to the next.
    const shapes = withSnapshots.map((b) => JSON.stringify(b.columns.map((c) => c.count)));
    expect(new Set(shapes).size).toBe(instants.length);

    // One snapshot of everything, taken afresh, answers as well; an older version's snapshots are dropped and retaken.
    expect(await snapshots.take(CAMPAIGN)).toMatchObject({ seq: 1, events: all.length, restarted: false, pruned: 0 });
    expect(await wholeBoard(instants.at(-1)!)).toEqual(withSnapshots.at(-1));
    await sql`update board_snapshots set schema_version = ${BOARD_SNAPSHOT_VERSION - 1} where campaign_id = ${CAMPAIGN}`.execute(stack.db);
    // Not of this version: not read (the replay answers), and the next snapshot starts again from the first event.
    expect(await wholeBoard(instants[4])).toEqual(withSnapshots[4]);
    expect(await snapshots.take(CAMPAIGN)).toMatchObject({ seq: 1, events: all.length, restarted: true });

    // A unit's member sees only the unit's cards, read from its own streams, whatever snapshots exist.
    const unit = 'WTSQ';
    const member = await ok<{ boardAsOf: { columns: Column[] } }>(
      `query($c: String, $t: DateTime!) { boardAsOf(campaignId: $c, asOf: $t, first: 200) { columns { stage count cards { ${CARD} } } } }`,
      { c: CAMPAIGN, t: instants.at(-1) },
      `${unit.toLowerCase()}.member`,
    );
    const memberCards = member.boardAsOf.columns.flatMap((c) => c.cards) as unknown as { unit: { code: string }; leadUnit: { code: string } }[];
    expect(memberCards.length).toBeGreaterThan(0);
    expect(memberCards.every((c) => c.unit.code === unit || c.leadUnit.code === unit)).toBe(true);

    // The nightly schedule: created for the campaign, and a run of it (triggered now) takes the next snapshot in
    // the worker, after one more event.
    expect(await ensureBoardSnapshotSchedule(stack.temporal, stack.config.temporal.taskQueue, { id: CAMPAIGN, timeZone: 'Asia/Shanghai', inspectionDate: '2027-06-30' })).toBe('created');
    expect(await ensureBoardSnapshotSchedule(stack.temporal, stack.config.temporal.taskQueue, { id: CAMPAIGN, timeZone: 'Asia/Shanghai', inspectionDate: '2027-06-30' })).toBe('unchanged');
    const described = await stack.temporal.schedule.getHandle(boardSnapshotScheduleId(CAMPAIGN)).describe();
    expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
    const next = taskEvents(campaign, TASKS)[0];
    await write([next]);
    await stack.temporal.schedule.getHandle(boardSnapshotScheduleId(CAMPAIGN)).trigger();
    await waitFor(async () => (await snapshots.list(CAMPAIGN)).length === 2, 30_000, 'the scheduled snapshot');
    expect((await snapshots.list(CAMPAIGN))[1]).toMatchObject({ seq: 2, events: 1, streams: 1 });
    await stack.temporal.schedule.getHandle(boardSnapshotScheduleId(CAMPAIGN)).delete();
  });
});
