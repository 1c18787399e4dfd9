// The boards are bounded (issue 14): `board`, `itemBoard` and `boardAsOf` answer each column's count and one page
// of cards, and the column queries continue after a cursor. Against a real PostgreSQL, with a campaign of more
// cards than a page written as events through the event store's own projections (bench/support/synthetic-events.ts):
// pages have the page size, counts are the column's, following the cursors gives every card exactly once and in
// the board's order, also when a card is added between two pages; hostile page sizes and cursors are refused.
// boardAsOf for a unit reads only that unit's streams: a stream of another unit that claims the unit would change
// its answer if it were read, and the rows read are counted.
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { Database } from '../../src/platform/database/database.types';
import { IndicatorTaskRepository } from '../../src/indicator-task/indicator-task.repository';
import { RectificationItemRepository } from '../../src/rectification-item/rectification-item.repository';
import { DEMO_UNITS, demoAssignment } from '../../src/demo/demo-organisation';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { ReportsRepository } from '../../src/reports/reports.repository';
import { inlineProjections } from '../../src/platform/runtime/worker-runner';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { DEFAULT_TASK_POLICY } from '../../workflows/indicator-task/indicator-task.types';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';
import { rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import { DEFAULT_ITEM_POLICY } from '../../workflows/rectification-item/rectification-item.types';
import { writeEvents, type SyntheticEvent } from '../../bench/support/synthetic-events';
import { CAMPAIGN, OFFICE_ACTOR, seedReferenceData } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';

const DAY = 86_400_000;
const BASE = Date.parse('2027-01-10T00:00:00.000Z');
/** Events happened well before now; the instant T of the as-of checks falls between them. */
const START = Date.now() - 30 * DAY;
const T = new Date(START + 10 * DAY).toISOString();

const catalog = readDemoCatalog();
// The unit whose board is checked first, so that it does 40 of the tasks (and leads none: the leads are departments).
const units = ['WTSQ', 'BJSQ', 'HWS', 'DHC', ...DEMO_UNITS.map((u) => u.code as string).filter((c) => !['WTSQ', 'BJSQ', 'HWS', 'DHC'].includes(c))];
/** Task number i: an indicator and a unit of the demo, so that the cards join their catalog and organisation. */
const taskOf = (i: number) => {
  const row = catalog[i % catalog.length];
  const unitCode = units[Math.floor(i / catalog.length) % units.length];
  return { id: indicatorTaskWorkflowId(CAMPAIGN, row.code, unitCode), row, unitCode, lead: demoAssignment(row.code, row.area).lead };
};

const TASKS = 140;
/** Tasks 0..RECTIFYING-1 go on to rectification; the rest stay in self-check (more than two default pages). */
const RECTIFYING = 12;
const ITEMS = 75;

interface Card {
  id: string;
  stage: string;
  dueAt: string;
  stageDueAt: string | null;
  unit: { code: string };
  leadUnit: { code: string };
}
interface Page<C> {
  stage?: string;
  state?: string;
  count: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  cards?: C[];
  items?: C[];
}

const CARD = 'id stage dueAt stageDueAt unit { code } leadUnit { code }';
const COLUMN = `stage count pageInfo { hasNextPage endCursor } cards { ${CARD} }`;
const ITEM_COLUMN = 'state count pageInfo { hasNextPage endCursor } items { id state dueAt createdAt unit { code } }';

/** Byte order, as the boards compare ids (COLLATE "C"); the ids here are ASCII. */
const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const boardOrder = (a: Card, b: Card) => Date.parse(a.stageDueAt ?? a.dueAt) - Date.parse(b.stageDueAt ?? b.dueAt) || bytes(a.id, b.id);

describe('bounded boards: a page per column, cursors, counts', () => {
  let stack: TestStack;
  const version = new Map<string, number>();
  const projections = inlineProjections();

  async function ok<T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const at = (ms: number) => new Date(ms);
  function event(streamId: string, type: string, data: Record<string, unknown>, occurredAt: Date, actor: Actor = OFFICE_ACTOR): SyntheticEvent {
    const v = (version.get(streamId) ?? 0) + 1;
    version.set(streamId, v);
    return { streamId, streamVersion: v, type, data, actor, occurredAt };
  }
  function created(i: number, occurredAt: Date): SyntheticEvent {
    const t = taskOf(i);
    // Due dates repeat every 9 tasks, so that many cards tie and the id decides.
    const dueAt = new Date(BASE + (i % 9) * DAY).toISOString();
    return event(t.id, 'IndicatorTaskCreated', { campaignId: CAMPAIGN, indicatorCode: t.row.code, unitCode: t.unitCode, leadUnitCode: t.lead, dueAt, policy: DEFAULT_TASK_POLICY }, occurredAt);
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'board-paging', withWorker: false });
    await seedReferenceData(stack.db);
    const events: SyntheticEvent[] = [];
    for (let i = 0; i < TASKS; i++) events.push(created(i, at(START + i * 60_000)));
    for (let i = 0; i < RECTIFYING; i++) {
      const unit = { userId: 'user:x', displayName: 'x', role: 'UNIT_MEMBER' as const, unitCode: taskOf(i).unitCode };
      events.push(event(taskOf(i).id, 'SelfCheckSubmitted', { classification: 'NOT_MET', note: '' }, at(START + DAY), unit));
      events.push(event(taskOf(i).id, 'SelfCheckConfirmed', { classification: 'NOT_MET', note: '' }, at(START + DAY + 60_000)));
    }
    for (let j = 0; j < ITEMS; j++) {
      const id = rectificationItemWorkflowId(CAMPAIGN, `paging-${j}`);
      // Every fifth item counts against a task (its unit's), the rest are loose.
      const task = j % 5 === 0 ? taskOf(j) : null;
      events.push(
        event(id, 'ItemReported', {
          campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'ENVIRONMENT', location: { address: `解放路${j}号`, latitude: null, longitude: null },
          description: `问题${j}`, photos: [], indicatorTaskId: task?.id ?? null, criterionCode: null, inspectionRoundId: null, policy: DEFAULT_ITEM_POLICY,
        }, at(START + 2 * DAY + j * 1000)),
      );
      if (j % 3 === 0) events.push(event(id, 'ItemDispatched', { unitCode: task?.unitCode ?? 'WTSQ', dueAt: new Date(BASE + (j % 4) * DAY).toISOString(), note: '' }, at(START + 3 * DAY)));
    }
    await writeEvents(stack.db, events, projections);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** Every card of a column, following the cursors with pages of `first`; the pages as they came. */
  async function followColumn(login: string, stage: string, first: number | null, extra = '') {
    const board = await ok<{ board: { columns: Page<Card>[] } }>(login, `query($c: String, $n: Int) { board(campaignId: $c, first: $n${extra}) { columns { ${COLUMN} } } }`, { c: CAMPAIGN, n: first });
    const column = board.board.columns.find((c) => c.stage === stage)!;
    const pages = [column];
    for (let i = 0; i < 50 && pages.at(-1)!.pageInfo.hasNextPage; i++) {
      const next = await ok<{ boardColumn: Page<Card> }>(
        login,
        `query($c: String, $s: Stage!, $n: Int, $a: String) { boardColumn(campaignId: $c, stage: $s, first: $n, after: $a${extra}) { ${COLUMN} } }`,
        { c: CAMPAIGN, s: stage, n: first, a: pages.at(-1)!.pageInfo.endCursor },
      );
      pages.push(next.boardColumn);
    }
    return { pages, cards: pages.flatMap((p) => p.cards!) };
  }

  it('answers each column with its count and a first page of the default size, and pages give every card once, in order', async () => {
    const board = await ok<{ board: { columns: Page<Card>[] } }>('office', `query($c: String) { board(campaignId: $c) { columns { ${COLUMN} } } }`, { c: CAMPAIGN });
    const counts = Object.fromEntries(board.board.columns.map((c) => [c.stage, c.count]));
    expect(counts).toEqual({ SELF_CHECK: TASKS - RECTIFYING, RECTIFICATION: RECTIFYING, MOCK_ASSESSMENT: 0, CONSOLIDATION: 0, ARCHIVING: 0, ARCHIVED: 0 });
    const selfCheck = board.board.columns.find((c) => c.stage === 'SELF_CHECK')!;
    expect(selfCheck.cards).toHaveLength(50);
    expect(selfCheck.pageInfo.hasNextPage).toBe(true);
    const rect = board.board.columns.find((c) => c.stage === 'RECTIFICATION')!;
    expect(rect.cards).toHaveLength(RECTIFYING);
    expect(rect.pageInfo.hasNextPage).toBe(false);

    const { pages, cards } = await followColumn('office', 'SELF_CHECK', null);
    expect(pages.map((p) => p.cards!.length)).toEqual([50, 50, TASKS - RECTIFYING - 100]);
    expect(pages.every((p) => p.count === TASKS - RECTIFYING)).toBe(true);
    expect(new Set(cards.map((c) => c.id)).size).toBe(TASKS - RECTIFYING);
    expect(cards.every((c) => c.stage === 'SELF_CHECK')).toBe(true);
    expect(cards).toEqual([...cards].sort(boardOrder));
    // The same cards with pages of 7 (many ties fall across page boundaries), and in one page of the maximum.
    expect((await followColumn('office', 'SELF_CHECK', 7)).cards).toEqual(cards);
    expect((await followColumn('office', 'SELF_CHECK', 200)).pages).toHaveLength(1);
  });

  it("gives a unit's member only the cards the unit does or leads, counted and paged the same way", async () => {
    const mine = (c: Card) => c.unit.code === 'WTSQ' || c.leadUnit.code === 'WTSQ';
    const all = (await followColumn('office', 'SELF_CHECK', 200)).cards;
    const { cards, pages } = await followColumn('wtsq.member', 'SELF_CHECK', 5);
    expect(cards.map((c) => c.id)).toEqual(all.filter(mine).map((c) => c.id));
    expect(pages[0].count).toBe(all.filter(mine).length);
    // The office asking for one unit: only the cards that unit does.
    const { cards: asked } = await followColumn('office', 'SELF_CHECK', 6, ', unitCode: "WTSQ"');
    expect(asked.map((c) => c.id)).toEqual(all.filter((c) => c.unit.code === 'WTSQ').map((c) => c.id));
  });

  it('pages the items board by column with counts and cursors', async () => {
    const first = await ok<{ itemBoard: { columns: Page<{ id: string; state: string }>[] } }>('office', `query($c: String) { itemBoard(campaignId: $c, first: 20) { columns { ${ITEM_COLUMN} } } }`, { c: CAMPAIGN });
    const reported = first.itemBoard.columns.find((c) => c.state === 'REPORTED')!;
    const dispatched = first.itemBoard.columns.find((c) => c.state === 'DISPATCHED')!;
    expect(reported.count + dispatched.count).toBe(ITEMS);
    expect(dispatched.count).toBe(Math.ceil(ITEMS / 3));
    expect(reported.items).toHaveLength(20);
    const ids = reported.items!.map((i) => i.id);
    let page = reported;
    for (let i = 0; i < 20 && page.pageInfo.hasNextPage; i++) {
      const next = await ok<{ itemBoardColumn: Page<{ id: string }> }>(
        'office',
        `query($c: String, $a: String) { itemBoardColumn(campaignId: $c, state: REPORTED, first: 20, after: $a) { ${ITEM_COLUMN} } }`,
        { c: CAMPAIGN, a: page.pageInfo.endCursor },
      );
      page = next.itemBoardColumn as typeof page;
      expect(page.items!.length).toBeLessThanOrEqual(20);
      ids.push(...page.items!.map((i) => i.id));
    }
    expect(ids).toHaveLength(reported.count);
    expect(new Set(ids).size).toBe(reported.count);
    // A unit sees the items dispatched to it only, whatever unit it asks for.
    const unit = await ok<{ itemBoardColumn: Page<{ unit: { code: string } }> }>('wtsq.member', `query($c: String) { itemBoardColumn(campaignId: $c, state: DISPATCHED, unitCode: "BJSQ", first: 200) { ${ITEM_COLUMN} } }`, { c: CAMPAIGN });
    expect(unit.itemBoardColumn.count).toBeGreaterThan(0);
    expect(unit.itemBoardColumn.items!.every((i) => i.unit.code === 'WTSQ')).toBe(true);
  });

  describe('filters in SQL (issue 18)', () => {
    const STAGES = ['SELF_CHECK', 'RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION', 'ARCHIVING', 'ARCHIVED'];

    /** Every card id of the board under a filter, column by column, following cursors with small pages. */
    async function boardIds(login: string, filter: Record<string, unknown>) {
      const out = new Map<string, { count: number; ids: string[] }>();
      const first = await ok<{ board: { columns: Page<Card>[] } }>(login, `query($c: String, $f: TaskFilter) { board(campaignId: $c, first: 7, filter: $f) { columns { ${COLUMN} } } }`, { c: CAMPAIGN, f: filter });
      for (const column of first.board.columns) {
        const ids = column.cards!.map((c) => c.id);
        let page = column;
        for (let i = 0; i < 50 && page.pageInfo.hasNextPage; i++) {
          page = (await ok<{ boardColumn: Page<Card> }>(login, `query($c: String, $s: Stage!, $a: String, $f: TaskFilter) { boardColumn(campaignId: $c, stage: $s, first: 7, after: $a, filter: $f) { ${COLUMN} } }`, { c: CAMPAIGN, s: column.stage, a: page.pageInfo.endCursor, f: filter })).boardColumn;
          expect(page.count).toBe(column.count);
          ids.push(...page.cards!.map((c) => c.id));
        }
        out.set(column.stage!, { count: column.count, ids });
      }
      return out;
    }

    /** The `tasks` list's answer for the same filter and one stage: its total and every id. */
    async function listIds(login: string, filter: Record<string, unknown>, stage: string) {
      const res = await ok<{ tasks: { totalCount: number; edges: { node: { id: string } }[] } }>(login, `query($c: String, $f: TaskFilter) { tasks(campaignId: $c, filter: $f, first: 200) { totalCount edges { node { id } } } }`, { c: CAMPAIGN, f: { ...filter, stages: [stage] } });
      return { count: res.tasks.totalCount, ids: res.tasks.edges.map((e) => e.node.id) };
    }

    it("filters each column of the task board exactly as the `tasks` list filters, for the office, a unit and a supervisor", async () => {
      const { item_code: itemCode } = await stack.db.selectFrom('indicators').select('item_code').where('code', '=', catalog[0].code).executeTakeFirstOrThrow();
      const area = catalog.find((r) => r.area)!.area!;
      const filters: Record<string, unknown>[] = [
        { assessmentItemCode: itemCode },
        { area },
        { classified: false },
        { classified: true },
        { classifications: ['NOT_MET'] },
        { overdue: true },
        { overdue: false },
        { deadlineFrom: new Date(BASE + 2 * DAY).toISOString(), deadlineBefore: new Date(BASE + 5 * DAY).toISOString() },
        { search: '外滩' },
        { search: `${catalog[1].code.toLowerCase()}` },
        { search: `${catalog[2].indicator.slice(0, 3)} 社区` },
        { unitCode: 'BJSQ', classified: false },
        { awaitingMyDecision: true },
      ];
      let nonEmpty = 0;
      for (const login of ['office', 'wtsq.member', 'supervisor']) {
        for (const filter of filters) {
          const board = await boardIds(login, filter);
          for (const stage of STAGES) {
            const list = await listIds(login, filter, stage);
            const column = board.get(stage)!;
            expect({ login, filter, stage, count: column.count, ids: [...column.ids].sort() }).toEqual({ login, filter, stage, count: list.count, ids: [...list.ids].sort() });
            if (column.count > 0) nonEmpty += 1;
          }
        }
      }
      // The filters do select: most of them leave some cards and drop others.
      expect(nonEmpty).toBeGreaterThan(20);
      const everything = await boardIds('office', {});
      const searched = await boardIds('office', { search: '外滩' });
      const total = (b: Map<string, { count: number }>) => [...b.values()].reduce((n, c) => n + c.count, 0);
      expect(total(searched)).toBeGreaterThan(0);
      expect(total(searched)).toBeLessThan(total(everything));
      // Worked out apart from SQL: the tasks in rectification are the classified ones (NOT_MET), the rest are not.
      expect(total(await boardIds('office', { classified: false }))).toBe(TASKS - RECTIFYING);
      expect(total(await boardIds('office', { classifications: ['NOT_MET'] }))).toBe(RECTIFYING);
      const wtsq = (await followColumn('office', 'SELF_CHECK', 200)).cards.filter((c) => c.unit.code === 'WTSQ' || c.leadUnit.code === 'WTSQ');
      expect(searched.get('SELF_CHECK')!.ids.sort()).toEqual(wtsq.map((c) => c.id).sort());
    });

    it('filters each column of the items board exactly as the `items` list filters', async () => {
      const filters: Record<string, unknown>[] = [
        { search: '问题1' },
        { search: '解放路 7号' },
        { overdue: true },
        { deadlineBefore: new Date(BASE + 2 * DAY).toISOString() },
        { unitCode: 'WTSQ' },
        { awaitingMyDecision: false },
      ];
      for (const filter of filters) {
        const board = await ok<{ itemBoard: { columns: Page<{ id: string }>[] } }>('office', `query($c: String, $f: ItemFilter) { itemBoard(campaignId: $c, first: 200, filter: $f) { columns { ${ITEM_COLUMN} } } }`, { c: CAMPAIGN, f: filter });
        for (const column of board.itemBoard.columns) {
          const state = column.state!;
          const list = await ok<{ items: { totalCount: number; edges: { node: { id: string } }[] } }>('office', `query($c: String, $f: ItemFilter) { items(campaignId: $c, filter: $f, first: 200) { totalCount edges { node { id } } } }`, { c: CAMPAIGN, f: { ...filter, states: [state] } });
          expect({ filter, state, count: column.count, ids: column.items!.map((i) => i.id).sort() }).toEqual({ filter, state, count: list.items.totalCount, ids: list.items.edges.map((e) => e.node.id).sort() });
        }
      }
      const searched = await ok<{ itemBoard: { columns: Page<{ id: string }>[] } }>('office', `query($c: String) { itemBoard(campaignId: $c, first: 200, filter: { search: "问题1" }) { columns { ${ITEM_COLUMN} } } }`, { c: CAMPAIGN });
      // 问题1 and 问题10 to 问题19.
      expect(searched.itemBoard.columns.reduce((n, c) => n + c.count, 0)).toBe(11);
    });

    it('keeps a unit to its own cards whatever its filter names, and takes %, _ and \\ in a search literally', async () => {
      const other = await boardIds('wtsq.member', { unitCode: 'BJSQ' });
      for (const column of other.values()) for (const id of column.ids) expect(id).toContain('WTSQ');
      for (const search of ['%', '_', '\\', '%%%_%', '外滩%']) {
        const board = await boardIds('office', { search });
        expect({ search, n: [...board.values()].reduce((n, c) => n + c.count, 0) }).toEqual({ search, n: 0 });
      }
    });

    it.each([
      ['a search over 100 characters', { search: '外'.repeat(101) }, 'filter.search'],
      ['a search of more than 5 words', { search: 'a b c d e f' }, 'filter.search'],
      ['a unit in the filter other than the argument', { unitCode: 'BJSQ' }, 'filter.unitCode'],
    ])('refuses %s as BAD_USER_INPUT on every board', async (_what, filter, field) => {
      for (const [query, type] of [
        [`query($f: TaskFilter) { board(campaignId: "${CAMPAIGN}", unitCode: "WTSQ", filter: $f) { columns { count } } }`, 'task'],
        [`query($f: TaskFilter) { boardColumn(campaignId: "${CAMPAIGN}", stage: SELF_CHECK, unitCode: "WTSQ", filter: $f) { count } }`, 'task'],
        [`query($f: ItemFilter) { itemBoard(campaignId: "${CAMPAIGN}", unitCode: "WTSQ", filter: $f) { columns { count } } }`, 'item'],
        [`query($f: ItemFilter) { itemBoardColumn(campaignId: "${CAMPAIGN}", state: REPORTED, unitCode: "WTSQ", filter: $f) { count } }`, 'item'],
      ] as const) {
        const res = await gql(stack.url, 'office', query, { f: filter });
        expect({ type, code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field }).toEqual({ type, code: 'BAD_USER_INPUT', field });
        expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    });
  });

  it('neither repeats nor skips a card when a card is added to the column between two pages', async () => {
    const board = await ok<{ board: { columns: Page<Card>[] } }>('office', `query($c: String) { board(campaignId: $c, first: 30) { columns { ${COLUMN} } } }`, { c: CAMPAIGN });
    const before = (await followColumn('office', 'SELF_CHECK', 200)).cards;
    const column = board.board.columns.find((c) => c.stage === 'SELF_CHECK')!;
    // A new task due before everything (its self-check deadline counts from its creation, long ago): it lands on the
    // first page, which has been read already, and pushes every card one place down.
    const added = taskOf(TASKS + 1);
    await writeEvents(stack.db, [event(added.id, 'IndicatorTaskCreated', { campaignId: CAMPAIGN, indicatorCode: added.row.code, unitCode: added.unitCode, leadUnitCode: added.lead, dueAt: new Date(BASE - 90 * DAY).toISOString(), policy: DEFAULT_TASK_POLICY }, at(START - 90 * DAY))], projections);
    const seen = [...column.cards!];
    let page = column;
    for (let i = 0; i < 20 && page.pageInfo.hasNextPage; i++) {
      page = (await ok<{ boardColumn: Page<Card> }>('office', `query($c: String, $a: String) { boardColumn(campaignId: $c, stage: SELF_CHECK, first: 30, after: $a) { ${COLUMN} } }`, { c: CAMPAIGN, a: page.pageInfo.endCursor })).boardColumn;
      seen.push(...page.cards!);
    }
    expect(seen.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(page.count).toBe(before.length + 1);
    expect((await followColumn('office', 'SELF_CHECK', 200)).cards[0].id).toBe(added.id);
  });

  it.each([
    ['a page size of 0', 'first: 0', 'first'],
    ['a page size over the maximum', 'first: 201', 'first'],
    ['a negative page size', 'first: -5', 'first'],
    ['a cursor that is not base64url', 'after: "../../etc/passwd"', 'after'],
    ['a cursor of another list', 'after: "eyJvIjoidGFza3MvRFVFX0FUX0FTQyIsImsiOlsiMjAyNy0wMS0xMFQwMDowMDowMFoiLCJ4Il19"', 'after'],
    ['a cursor with a bad timestamp', `after: "${Buffer.from(JSON.stringify({ o: 'board/STAGE_DUE_AT', k: ["2027-02-30T00:00:00Z'; drop table events; --", 'x'] })).toString('base64url')}"`, 'after'],
    ['a cursor with too many values', `after: "${Buffer.from(JSON.stringify({ o: 'board/STAGE_DUE_AT', k: ['2027-01-01T00:00:00Z', 'x', 'y'] })).toString('base64url')}"`, 'after'],
    ['a huge cursor', `after: "${'A'.repeat(5000)}"`, 'after'],
  ])('refuses %s as BAD_USER_INPUT', async (_what, arg, field) => {
    for (const query of [
      `{ boardColumn(campaignId: "${CAMPAIGN}", stage: SELF_CHECK, ${arg}) { count } }`,
      `{ itemBoardColumn(campaignId: "${CAMPAIGN}", state: REPORTED, ${arg}) { count } }`,
      `{ boardAsOfColumn(campaignId: "${CAMPAIGN}", asOf: "${T}", stage: SELF_CHECK, ${arg}) { count } }`,
    ]) {
      const res = await gql(stack.url, 'office', query);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    if (field !== 'first') return;
    for (const query of [
      `{ board(campaignId: "${CAMPAIGN}", ${arg}) { columns { count } } }`,
      `{ itemBoard(campaignId: "${CAMPAIGN}", ${arg}) { columns { count } } }`,
      `{ boardAsOf(campaignId: "${CAMPAIGN}", asOf: "${T}", ${arg}) { columns { count } } }`,
    ]) {
      const res = await gql(stack.url, 'office', query);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe('first');
    }
  });

  it("reads a column's page and the events that name a task's previous unit from the indexes of migration 0019, never by sorting the column", async () => {
    // The plans PostgreSQL makes for the very statements the repositories send, with sequential scans priced out so
    // that a small test table still shows whether an index can serve them (an expression written differently from
    // the index's would leave only a scan and a sort).
    const captured: CompiledQuery[] = [];
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: stack.databaseUrl, max: 1 }) }), log: (e) => void captured.push(e.query) });
    try {
      await sql`set enable_seqscan = off`.execute(db);
      // Bitmap scans too: a bitmap scan reads an index but returns rows out of its order (a sort follows), and the
      // planner picks one or the other on a small table by its statistics of the moment (CI once saw a bitmap scan
      // where every earlier run saw the ordered index scan). With both priced out, an ordered index scan is chosen
      // whenever the statement lets the index serve it, which is what these checks are about.
      await sql`set enable_bitmapscan = off`.execute(db);
      const plan = async (run: () => Promise<unknown>) => {
        captured.length = 0;
        await run();
        const texts: string[] = [];
        // A copy (the EXPLAINs are logged too), of the reads only (a transaction's begin and commit are logged).
        for (const q of captured.filter((c) => /^\s*select/i.test(c.sql))) {
          const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]));
          texts.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
        }
        return texts.join('\n');
      };
      const tasks = new IndicatorTaskRepository(db);
      const board = { campaignId: CAMPAIGN, unitCode: null, visibleToUnit: null, filter: {} };
      const all = await plan(() => tasks.columnPage(board, 'SELF_CHECK', null, 51));
      expect(all).toMatch(/indicator_task_cards_board on/);
      expect(all).not.toMatch(/Sort/);
      const after = await plan(() => tasks.columnPage({ ...board, unitCode: 'WTSQ' }, 'SELF_CHECK', ['2027-01-10T00:00:00Z', 'x'], 51));
      expect(after).toMatch(/indicator_task_cards_board_unit on/);
      expect(after).not.toMatch(/Sort/);
      // The first pages of every column in one statement: an index seek per column (the sort is of the pages only).
      const pages = await plan(() => tasks.firstPages(board, ['SELF_CHECK', 'RECTIFICATION'], 51));
      expect(pages).toMatch(/indicator_task_cards_board on/);
      const items = new RectificationItemRepository(db);
      expect(await plan(() => items.firstPages({ campaignId: CAMPAIGN, unitCode: null, filter: {} }, ['REPORTED', 'DISPATCHED'], 51))).toMatch(/rectification_item_cards_board on/);
      const itemPlan = await plan(() => items.columnPage({ campaignId: CAMPAIGN, unitCode: null, filter: {} }, 'REPORTED', null, 51));
      expect(itemPlan).toMatch(/rectification_item_cards_board on/);
      expect(itemPlan).not.toMatch(/Sort/);
      // The previous-unit read is checked as before, bitmap scans allowed: what matters there is that both indexes are used.
      await sql`set enable_bitmapscan = on`.execute(db);
      const unitPlan = await plan(() => new ReportsRepository(db).replayUnit(CAMPAIGN, 'WTSQ', new Date(), () => undefined));
      expect(unitPlan).toMatch(/events_previous_unit/);
      expect(unitPlan).toMatch(/events_previous_lead_unit/);
    } finally {
      await db.destroy();
    }
  });

  describe('boardAsOf', () => {
    async function asOfColumn(login: string, asOf: string, stage: string, first: number, extra = '') {
      const board = await ok<{ boardAsOf: { columns: Page<Card>[] } }>(login, `query($c: String, $t: DateTime!, $n: Int) { boardAsOf(campaignId: $c, asOf: $t, first: $n${extra}) { columns { ${COLUMN} } } }`, { c: CAMPAIGN, t: asOf, n: first });
      const pages = [board.boardAsOf.columns.find((c) => c.stage === stage)!];
      for (let i = 0; i < 50 && pages.at(-1)!.pageInfo.hasNextPage; i++) {
        const next = await ok<{ boardAsOfColumn: Page<Card> }>(
          login,
          `query($c: String, $t: DateTime!, $s: Stage!, $n: Int, $a: String) { boardAsOfColumn(campaignId: $c, asOf: $t, stage: $s, first: $n, after: $a${extra}) { ${COLUMN} } }`,
          { c: CAMPAIGN, t: asOf, s: stage, n: first, a: pages.at(-1)!.pageInfo.endCursor },
        );
        pages.push(next.boardAsOfColumn);
      }
      return { pages, cards: pages.flatMap((p) => p.cards!) };
    }

    it('pages like the live board and, as of now, shows what the live board shows', async () => {
      const now = new Date().toISOString();
      const live = await followColumn('office', 'SELF_CHECK', 200);
      const { pages, cards } = await asOfColumn('office', now, 'SELF_CHECK', 11);
      expect(pages[0].cards).toHaveLength(11);
      expect(pages.every((p) => p.count === live.cards.length)).toBe(true);
      expect(cards).toEqual(live.cards);
      const unit = await asOfColumn('wtsq.member', now, 'SELF_CHECK', 3);
      expect(unit.cards).toEqual((await followColumn('wtsq.member', 'SELF_CHECK', 200)).cards);
    });

    it("for a unit reads only that unit's streams: a stream elsewhere that claims the unit is not read, a task moved away since is", async () => {
      // A stream the unit's cards do not name, whose events claim WTSQ. Read, it would show on WTSQ's board as of T;
      // it is on the campaign's log, so the office's board as of T (which reads the whole log) shows it.
      const ghost = `${indicatorTaskWorkflowId(CAMPAIGN, catalog[0].code, 'ZZZ')}:ghost`;
      await sql`insert into events (event_id, stream_id, stream_version, type, data, metadata, occurred_at)
        values (gen_random_uuid(), ${ghost}, 1, 'IndicatorTaskCreated',
                ${JSON.stringify({ campaignId: CAMPAIGN, indicatorCode: catalog[0].code, unitCode: 'WTSQ', leadUnitCode: 'WTSQ', dueAt: new Date(BASE).toISOString(), policy: DEFAULT_TASK_POLICY })}::jsonb,
                ${JSON.stringify({ actor: SYSTEM_ACTOR })}::jsonb, ${at(START + DAY)})`.execute(stack.db);
      // A WTSQ task reassigned to another unit after T: WTSQ's board as of T still has it.
      const moved = [...Array(TASKS).keys()].slice(RECTIFYING).map(taskOf).find((t) => t.unitCode === 'WTSQ' && t.lead !== 'WTSQ')!;
      await writeEvents(stack.db, [event(moved.id, 'TaskReassigned', { unitCode: 'ZXXX', previousUnitCode: 'WTSQ', reason: '调整' }, at(START + 15 * DAY))], projections);

      const office = (await asOfColumn('office', T, 'SELF_CHECK', 200)).cards.map((c) => c.id);
      expect(office).toContain(ghost);
      const unitAtT = (await asOfColumn('wtsq.member', T, 'SELF_CHECK', 200)).cards.map((c) => c.id);
      expect(unitAtT).not.toContain(ghost);
      expect(unitAtT).toContain(moved.id);
      const askedAtT = (await asOfColumn('office', T, 'SELF_CHECK', 200, ', unitCode: "WTSQ"')).cards.map((c) => c.id);
      expect(askedAtT).not.toContain(ghost);
      expect(askedAtT).toContain(moved.id);
      // The cards of WTSQ as of T are the office's as of T, less the ghost, filtered to WTSQ's.
      const wtsqAtT = (await asOfColumn('office', T, 'SELF_CHECK', 200)).cards.filter((c) => c.id !== ghost && (c.unit.code === 'WTSQ' || c.leadUnit.code === 'WTSQ'));
      expect(unitAtT).toEqual(wtsqAtT.map((c) => c.id));
      // Live, the moved task has left WTSQ's board.
      expect((await followColumn('wtsq.member', 'SELF_CHECK', 200)).cards.map((c) => c.id)).not.toContain(moved.id);

      // The rows read: exactly the events of WTSQ's streams (its tasks now and before, and their items), not the log.
      const reports = new ReportsRepository(stack.db);
      const read = await reports.replayUnit(CAMPAIGN, 'WTSQ', new Date(), () => undefined);
      const { rows } = await sql<{ unit: string; campaign: string }>`
        with tasks as (
          select task_id from indicator_task_cards where campaign_id = ${CAMPAIGN} and (unit_code = 'WTSQ' or lead_unit_code = 'WTSQ')
          union select ${moved.id}),
        streams as (select task_id as id from tasks union select item_id from rectification_item_cards where indicator_task_id in (select task_id from tasks))
        select (select count(*) from events where stream_id in (select id from streams))::text as unit,
               (select count(*) from events where split_part(stream_id, ':', 2) = ${CAMPAIGN})::text as campaign`.execute(stack.db);
      expect(read).toBe(Number(rows[0].unit));
      expect(read).toBeLessThan(Number(rows[0].campaign) / 2);
    });
  });
});
