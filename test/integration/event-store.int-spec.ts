// The event store against a real PostgreSQL: idempotent appends, version conflicts, append-only facts,
// and a projection rebuild that gives the same rows as the live projection.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { NewEvent } from '../../activities/event-store.types';
import { StreamConflictError } from '../../src/platform/event-store/event-store.errors';
import { createEventStore } from '../../src/platform/runtime/worker-runner';
import type { Actor } from '../../workflows/shared/actor.types';
import { createTestDatabase } from '../support/test-env';

// Every projection the worker keeps, by name (a new feature's projection is added here).
const PROJECTIONS = ['activities', 'archive', 'briefings', 'campaign_states', 'funding', 'indicator_task_cards', 'inspection_rounds', 'mobilization', 'notifications', 'official_notices', 'publicity', 'rectification_item_cards', 'self_evaluation', 'special_drives', 'survey_rounds', 'task_assignment_units', 'unit_reports'];

const ACTOR: Actor = { userId: 'user:wtsq.member', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };

function event(streamId: string, streamVersion: number, type: string, data: Record<string, unknown>, actor: Actor = ACTOR): NewEvent {
  return {
    eventId: randomUUID(),
    streamVersion,
    type,
    data,
    metadata: { actor, causationId: 'c', correlationId: 'c', workflowId: streamId, runId: 'r' },
    occurredAt: new Date(Date.UTC(2026, 10, 1, 8, streamVersion)).toISOString(),
  };
}

function created(streamId: string, unitCode = 'WTSQ'): NewEvent {
  return event(streamId, 1, 'IndicatorTaskCreated', { campaignId: 'c1', indicatorCode: 'A1', unitCode, leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z' });
}

describe('event store', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('writes a retried step once', async () => {
    const store = createEventStore(database.db);
    const request = { streamId: 'indicator-task:c1:A1:WTSQ', events: [created('indicator-task:c1:A1:WTSQ')] };
    expect((await store.append(request)).written).toBe(1);
    expect((await store.append(request)).written).toBe(0);
    expect(await store.readStream(request.streamId)).toHaveLength(1);
  });

  it('writes concurrent duplicates of one step once', async () => {
    const store = createEventStore(database.db);
    const streamId = 'indicator-task:c1:A1:BJSQ';
    const request = { streamId, events: [created(streamId, 'BJSQ')] };
    const results = await Promise.all([store.append(request), store.append(request), store.append(request)]);
    expect(results.map((r) => r.written).sort()).toEqual([0, 0, 1]);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('refuses a version that does not follow the stream, naming expected and actual', async () => {
    const store = createEventStore(database.db);
    const streamId = 'indicator-task:c1:A1:WTSQ';
    const gap = event(streamId, 5, 'SelfCheckSubmitted', { classification: 'MET', note: 'x' });
    const err = await store.append({ streamId, events: [gap] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamConflictError);
    expect(err).toMatchObject({ expectedVersion: 4, actualVersion: 1 });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('keeps events append-only at the database', async () => {
    await expect(sql`update events set type = 'Changed'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('rebuilds projections to exactly the live rows', async () => {
    const store = createEventStore(database.db);
    const streamId = 'indicator-task:c1:A1:WTSQ';
    const supervisor: Actor = { userId: 'user:supervisor', displayName: '李督查', role: 'SUPERVISOR', unitCode: null };
    await store.append({ streamId, events: [event(streamId, 2, 'SelfCheckSubmitted', { classification: 'NOT_MET', note: '未达标' })] });
    await store.append({ streamId, events: [event(streamId, 3, 'SelfCheckConfirmed', { classification: 'NOT_MET', note: '' }, supervisor)] });
    await store.append({ streamId, events: [event(streamId, 4, 'RectificationSubmitted', { note: '完成' })] });

    const rows = () => database.db.selectFrom('indicator_task_cards').selectAll().orderBy('task_id').execute();
    const live = await rows();
    expect(live.find((r) => r.task_id === streamId)).toMatchObject({ stage: 'RECTIFICATION', awaiting_review: 'RECTIFICATION_REVIEW', submitted_by: 'user:wtsq.member', version: 4 });

    await database.db.updateTable('indicator_task_cards').set({ stage: 'ARCHIVED' }).execute(); // damage it
    const results = await store.rebuildProjections();
    // Every projection is rebuilt; the cards from the five task events, the inbox from the two asking for a review,
    // the others from none of theirs.
    expect(results.find((r) => r.name === 'indicator_task_cards')).toEqual({ name: 'indicator_task_cards', events: 5 });
    expect(results.find((r) => r.name === 'notifications')).toEqual({ name: 'notifications', events: 2 });
    expect(results.map((r) => r.name).sort()).toEqual(PROJECTIONS);
    expect(results.filter((r) => r.name !== 'indicator_task_cards' && r.name !== 'notifications').every((r) => r.events === 0)).toBe(true);
    expect(await rows()).toEqual(live);

    const checkpoint = await database.db.selectFrom('projection_checkpoints').selectAll().where('name', '=', 'indicator_task_cards').executeTakeFirstOrThrow();
    const max = await database.db.selectFrom('events').select((eb) => eb.fn.max('position').as('p')).executeTakeFirstOrThrow();
    expect(checkpoint.position).toBe(max.p);
  });
});

describe('event store: which projections a start rebuilds', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('records the versions on an empty database, rebuilds nothing while the appends keep the rows, and rebuilds a projection whose version is older', async () => {
    const store = createEventStore(database.db);
    const checkpoints = () => database.db.selectFrom('projection_checkpoints').select(['name', 'position', 'schema_version']).orderBy('name').execute();
    expect(await store.rebuildProjections({ onlyStale: true })).toEqual([]);
    const empty = await checkpoints();
    expect(empty.map((c) => c.name).sort()).toEqual(PROJECTIONS);
    expect(empty.every((c) => c.position === '0')).toBe(true);

    // Appends project their events without touching the checkpoints (a row every append locked held them in line).
    const streamId = 'indicator-task:c1:A1:WTSQ';
    await store.append({ streamId, events: [created(streamId)] });
    await store.append({ streamId, events: [event(streamId, 2, 'SelfCheckSubmitted', { classification: 'NOT_MET', note: '未达标' })] });
    expect(await checkpoints()).toEqual(empty);
    expect(await store.rebuildProjections({ onlyStale: true })).toEqual([]);

    // A release that raises the cards' version: only they are rebuilt, and their checkpoint moves to the last event.
    await database.db.updateTable('projection_checkpoints').set({ schema_version: 0 }).where('name', '=', 'indicator_task_cards').execute();
    expect(await store.rebuildProjections({ onlyStale: true })).toEqual([{ name: 'indicator_task_cards', events: 2 }]);
    const max = await database.db.selectFrom('events').select((eb) => eb.fn.max('position').as('p')).executeTakeFirstOrThrow();
    expect((await checkpoints()).find((c) => c.name === 'indicator_task_cards')?.position).toBe(max.p);
    expect(await database.db.selectFrom('indicator_task_cards').select(['stage', 'version']).where('task_id', '=', streamId).executeTakeFirstOrThrow()).toEqual({ stage: 'SELF_CHECK', version: 2 });
  });
});
