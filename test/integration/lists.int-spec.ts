// The paged lists `tasks` and `items` through GraphQL against a real PostgreSQL and the real Temporal dev server.
// The boards are the oracle: every filter and every ordering is checked against the board's cards filtered and
// sorted here, in the test. Paging through with small pages gives every row once and in order, also while new
// items are reported between the pages; units see only their own; covert inspectors stay hidden; bad cursors and
// page sizes are refused; and a page costs the same number of queries whatever its size.
import { sql } from 'kysely';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, OFFICE_ACTOR, seedReferenceData, waitFor } from '../support/fixtures';
import { gql, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const DAY = 86_400_000;
/** Every date of the test is an offset from this instant, so that equal offsets make equal due dates (ties). */
const BASE = Date.now();
const at = (days: number) => new Date(BASE + days * DAY).toISOString();

const TASK_FIELDS = `id campaignId stage stageLabel classification awaitingReview dueAt stageDueAt escalationLevel relapseCount version
  allowedActions updatedAt unit { code name kind } leadUnit { code name } indicator { code name itemName points area }`;
const ITEM_FIELDS = `id campaignId state stateLabel source sourceLabel area dueAt createdAt updatedAt indicatorTaskId criterionCode
  escalationLevel version unit { code name } reportedBy { displayName } allowedActions`;

interface Task {
  id: string;
  stage: string;
  classification: string | null;
  dueAt: string;
  stageDueAt: string | null;
  escalationLevel: string | null;
  updatedAt: string;
  unit: { code: string };
  leadUnit: { code: string };
  indicator: { code: string };
}
interface Item {
  id: string;
  state: string;
  source: string;
  area: string | null;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  indicatorTaskId: string | null;
  criterionCode: string | null;
  unit: { code: string } | null;
  reportedBy: { displayName: string } | null;
}
interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: N }[];
}
interface ListArgs {
  campaignId?: string | null;
  filter?: Record<string, unknown>;
  orderBy?: string;
  first?: number;
  after?: string | null;
}

const TASK_ORDERS = ['DUE_AT_ASC', 'DUE_AT_DESC', 'UPDATED_AT_DESC', 'INDICATOR_CODE_ASC', 'ESCALATION_DESC'] as const;
const ITEM_ORDERS = ['DUE_AT_ASC', 'REPORTED_AT_DESC', 'UPDATED_AT_DESC'] as const;

/** Byte order, as the lists compare ids and codes (COLLATE "C"); ids and codes are ASCII. */
const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const RANK: Record<string, number> = { ACCOUNTABILITY: 0, INTERVIEW: 1, SUPERVISE: 2, URGE: 3, REMINDER: 4 };
const rank = (level: string | null) => (level === null ? 5 : RANK[level]);

const TASK_SORTS: Record<(typeof TASK_ORDERS)[number], (a: Task, b: Task) => number> = {
  DUE_AT_ASC: (a, b) => bytes(a.dueAt, b.dueAt) || bytes(a.id, b.id),
  DUE_AT_DESC: (a, b) => bytes(b.dueAt, a.dueAt) || bytes(b.id, a.id),
  UPDATED_AT_DESC: (a, b) => bytes(b.updatedAt, a.updatedAt) || bytes(b.id, a.id),
  INDICATOR_CODE_ASC: (a, b) => bytes(a.indicator.code, b.indicator.code) || bytes(a.id, b.id),
  ESCALATION_DESC: (a, b) => rank(a.escalationLevel) - rank(b.escalationLevel) || bytes(a.dueAt, b.dueAt) || bytes(a.id, b.id),
};
const ITEM_SORTS: Record<(typeof ITEM_ORDERS)[number], (a: Item, b: Item) => number> = {
  // No due date (not dispatched): last.
  DUE_AT_ASC: (a, b) => (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || bytes(a.dueAt ?? '', b.dueAt ?? '') || bytes(a.id, b.id),
  REPORTED_AT_DESC: (a, b) => bytes(b.createdAt, a.createdAt) || bytes(b.id, a.id),
  UPDATED_AT_DESC: (a, b) => bytes(b.updatedAt, a.updatedAt) || bytes(b.id, a.id),
};

// The tasks: (indicator, unit, due in days). Past due dates have climbed the ladder at once: 20 days → 问责,
// 10 → 约谈, 5 → 督办, 1 → 催办; due within three days → 提醒; later ones have nothing yet. Equal offsets tie.
const TASKS: [string, string, number, string | null][] = [
  ['A1', 'WTSQ', -20, 'ACCOUNTABILITY'],
  ['B1', 'BJSQ', -20, 'ACCOUNTABILITY'],
  ['C1', 'DHC', -10, 'INTERVIEW'],
  ['D1', 'HWS', -5, 'SUPERVISE'],
  ['E1', 'WTSQ', -1, 'URGE'],
  ['F1', 'BJSQ', -1, 'URGE'],
  ['G1', 'DHC', 1, 'REMINDER'],
  ['H1', 'HWS', 2, 'REMINDER'],
  ['A2', 'WTSQ', 30, null],
  ['A3', 'BJSQ', 30, null],
  ['A4', 'DHC', 30, null],
  ['B2', 'HWS', 45, null],
  ['B3', 'WTSQ', 60, null],
  ['C2', 'BJSQ', 60, null],
  ['C3', 'DHC', 60, null],
  ['D2', 'HWS', 60, null],
  ['E2', 'WTSQ', 90, null],
  ['F2', 'BJSQ', 90, null],
  ['G2', 'DHC', 120, null],
  ['H2', 'HWS', 120, null],
  ['I1', 'WTSQ', 150, null],
  ['J1', 'BJSQ', 150, null],
];
const taskId = (indicator: string, unit: string) => indicatorTaskWorkflowId(CAMPAIGN, indicator, unit);

describe('paged lists of tasks and items', () => {
  let stack: TestStack;
  let itemCodeOf: Map<string, string>;
  let indicatorOfCriterion: Map<string, string>;
  let covertId: string;
  let seq = 0;

  async function ok<T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  const listQuery = (field: 'tasks' | 'items', fields: string) =>
    `query($c: String, $f: ${field === 'tasks' ? 'TaskFilter' : 'ItemFilter'}, $o: ${field === 'tasks' ? 'TaskOrder' : 'ItemOrder'}, $n: Int, $a: String) {
      ${field}(campaignId: $c, filter: $f, orderBy: $o, first: $n, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`;
  const vars = (a: ListArgs) => ({ c: a.campaignId === undefined ? CAMPAIGN : a.campaignId, f: a.filter ?? null, o: a.orderBy ?? null, n: a.first ?? null, a: a.after ?? null });

  async function taskList(login: string, args: ListArgs = {}, fields = TASK_FIELDS): Promise<GraphQLResponse<{ tasks: Page<Task> }>> {
    return gql<{ tasks: Page<Task> }>(stack.url, login, listQuery('tasks', fields), vars(args));
  }
  async function itemList(login: string, args: ListArgs = {}, fields = ITEM_FIELDS): Promise<GraphQLResponse<{ items: Page<Item> }>> {
    return gql<{ items: Page<Item> }>(stack.url, login, listQuery('items', fields), vars(args));
  }
  async function tasksPage(login: string, args: ListArgs = {}): Promise<Page<Task>> {
    const res = await taskList(login, args);
    expect(res.errors).toBeUndefined();
    return res.data!.tasks;
  }
  async function itemsPage(login: string, args: ListArgs = {}): Promise<Page<Item>> {
    const res = await itemList(login, args);
    expect(res.errors).toBeUndefined();
    return res.data!.items;
  }

  /** Follows endCursor until hasNextPage is false; checks on the way that every page agrees on the total. */
  async function pageThrough<N>(page: (after: string | null) => Promise<Page<N>>, between?: () => Promise<void>): Promise<N[]> {
    const seen: N[] = [];
    let after: string | null = null;
    let total: number | null = null;
    for (let i = 0; i < 500; i += 1) {
      const [p]: [Page<N>, unknown] = await Promise.all([page(after), between?.()]);
      if (between === undefined) {
        total ??= p.totalCount;
        expect(p.totalCount).toBe(total);
      }
      seen.push(...p.edges.map((e) => e.node));
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
      if (!p.pageInfo.hasNextPage) return seen;
      after = p.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  /** The board's cards, as the office sees them: the oracle. */
  async function boardTasks(login = 'office'): Promise<Task[]> {
    const data = await ok<{ board: { columns: { cards: Task[] }[] } }>(login, `query($c: String) { board(campaignId: $c) { columns { cards { ${TASK_FIELDS} } } } }`, { c: CAMPAIGN });
    return data.board.columns.flatMap((c) => c.cards);
  }
  async function boardItems(login = 'office'): Promise<Item[]> {
    const data = await ok<{ itemBoard: { columns: { items: Item[] }[] } }>(login, `query($c: String) { itemBoard(campaignId: $c) { columns { items { ${ITEM_FIELDS} } } } }`, { c: CAMPAIGN });
    return data.itemBoard.columns.flatMap((c) => c.items);
  }

  async function report(login: string, input: Record<string, unknown>): Promise<Item> {
    seq += 1;
    const data = await ok<{ reportItem: { duplicate: boolean; item: Item } }>(login, `mutation($input: ReportItemInput!) { reportItem(input: $input) { duplicate item { ${ITEM_FIELDS} } } }`, {
      input: { campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'SANITATION', description: '垃圾桶满溢', location: { address: `列表测试路 ${seq} 号` }, ...input },
    });
    expect(data.reportItem.duplicate).toBe(false);
    return data.reportItem.item;
  }

  async function act(login: string, mutation: string, inputType: string, input: Record<string, unknown>) {
    await ok(login, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input });
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'lists' });
    await seedReferenceData(stack.db);
    const indicators = await stack.db.selectFrom('indicators').select(['code', 'item_code']).execute();
    itemCodeOf = new Map(indicators.map((i) => [i.code, i.item_code]));
    const criteria = await stack.db.selectFrom('criteria').select(['code', 'indicator_code']).execute();
    indicatorOfCriterion = new Map(criteria.map((c) => [c.code, c.indicator_code]));

    await Promise.all(
      TASKS.map(([indicatorCode, unitCode, days]) =>
        startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, indicatorCode, unitCode, leadUnitCode: 'XCB', dueAt: at(days), createdBy: OFFICE_ACTOR }),
      ),
    );
    // Until every task has climbed as far as its due date takes it: nothing moves on its own after that.
    await waitFor(
      async () => {
        const cards = await stack.db.selectFrom('indicator_task_cards').select(['task_id', 'escalation_level']).where('campaign_id', '=', CAMPAIGN).execute();
        const level = new Map(cards.map((c) => [c.task_id, c.escalation_level]));
        return TASKS.every(([indicator, unit, , expected]) => level.has(taskId(indicator, unit)) && level.get(taskId(indicator, unit)) === expected);
      },
      60_000,
      'the tasks and their escalation',
    );
    // Stages and classifications: met and confirmed (巩固), not met and confirmed (整改), unknown awaiting review.
    const selfCheck = (indicator: string, unit: string, classification: string) =>
      act(`${unit.toLowerCase()}.member`, 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId: taskId(indicator, unit), classification, note: '自查完成' });
    await selfCheck('A2', 'WTSQ', 'MET');
    await act('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId: taskId('A2', 'WTSQ') });
    await selfCheck('A3', 'BJSQ', 'NOT_MET');
    await act('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId: taskId('A3', 'BJSQ') });
    await selfCheck('B2', 'HWS', 'UNKNOWN');

    // The items: dispatched ones with due dates (two pairs tie), two not dispatched (no due date), one being fixed,
    // two found covertly, some linked to a task or a criterion, and one overdue.
    await report('supervisor', { unitCode: 'WTSQ', dueAt: at(10), indicatorTaskId: taskId('A1', 'WTSQ') });
    covertId = (await report('supervisor', { source: 'COVERT_INSPECTION', area: 'CITY_APPEARANCE', unitCode: 'WTSQ', dueAt: at(10), criterionCode: 'D1-1' })).id;
    await report('office', { source: 'CITIZEN_REPORT', area: 'TRAFFIC_ORDER', unitCode: 'BJSQ', dueAt: at(5), criterionCode: 'E1-1' });
    await report('supervisor', {});
    await report('supervisor2', { source: 'OPEN_INSPECTION', area: 'MARKETS' });
    await report('leader', { source: 'LEADER_VISIT', unitCode: 'DHC' });
    const fixing = await report('supervisor', { area: 'TRAFFIC_ORDER', unitCode: 'WTSQ', dueAt: at(20), indicatorTaskId: taskId('C1', 'DHC') });
    await act('wtsq.member', 'actOnItem', 'ItemActionInput', { itemId: fixing.id, action: 'START_RECTIFICATION' });
    await report('supervisor', { source: 'COVERT_INSPECTION', unitCode: 'BJSQ', dueAt: at(15), criterionCode: 'A4-1' });
    await report('office', { area: 'CITY_APPEARANCE', unitCode: 'DHC', dueAt: at(5) });
    const overdue = await report('supervisor', { area: 'PUBLIC_SECURITY', unitCode: 'HWS', dueAt: new Date(Date.now() + 4_000).toISOString() });
    await waitFor(
      async () => (await stack.db.selectFrom('rectification_item_cards').select('escalation_level').where('item_id', '=', overdue.id).executeTakeFirst())?.escalation_level === 'URGE',
      30_000,
      'the overdue item urged',
    );
  });
  afterAll(async () => stack?.stop());

  it('lists what the boards show, in every ordering, sorted as the test sorts them, with the same cards', async () => {
    const tasks = await boardTasks();
    expect(tasks).toHaveLength(TASKS.length);
    for (const orderBy of TASK_ORDERS) {
      const page = await tasksPage('office', { orderBy, first: 200 });
      expect(page.totalCount).toBe(tasks.length);
      expect(page.pageInfo.hasNextPage).toBe(false);
      // The nodes are the board's cards, field for field, in the ordering's order.
      expect(page.edges.map((e) => e.node)).toEqual([...tasks].sort(TASK_SORTS[orderBy]));
    }
    // DUE_AT_ASC is the default, and the latest campaign the default campaign.
    expect((await tasksPage('office', { campaignId: null })).edges.map((e) => e.node.id)).toEqual([...tasks].sort(TASK_SORTS.DUE_AT_ASC).map((t) => t.id));

    const items = await boardItems();
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => i.dueAt === null).length).toBeGreaterThanOrEqual(2);
    for (const orderBy of ITEM_ORDERS) {
      const page = await itemsPage('office', { orderBy, first: 200 });
      expect(page.totalCount).toBe(items.length);
      expect(page.edges.map((e) => e.node)).toEqual([...items].sort(ITEM_SORTS[orderBy]));
    }
    expect((await itemsPage('office', { campaignId: null })).edges.map((e) => e.node.id)).toEqual([...items].sort(ITEM_SORTS.DUE_AT_ASC).map((i) => i.id));
  });

  it('pages through every ordering with small pages: every row once, in order, across ties and items without a due date', async () => {
    for (const orderBy of TASK_ORDERS) {
      const whole = (await tasksPage('office', { orderBy, first: 200 })).edges.map((e) => e.node.id);
      for (const first of [1, 3, 7]) {
        const paged = await pageThrough((after) => tasksPage('office', { orderBy, first, after }));
        expect(paged.map((t) => t.id)).toEqual(whole);
      }
    }
    for (const orderBy of ITEM_ORDERS) {
      const whole = (await itemsPage('office', { orderBy, first: 200 })).edges.map((e) => e.node.id);
      for (const first of [1, 2, 3]) {
        const paged = await pageThrough((after) => itemsPage('office', { orderBy, first, after }));
        expect(paged.map((i) => i.id)).toEqual(whole);
      }
    }
    // A filtered list pages the same way.
    const wtsq = await pageThrough((after) => tasksPage('office', { filter: { unitCode: 'WTSQ' }, orderBy: 'ESCALATION_DESC', first: 2, after }));
    expect(wtsq.map((t) => t.id)).toEqual((await boardTasks()).filter((t) => t.unit.code === 'WTSQ').sort(TASK_SORTS.ESCALATION_DESC).map((t) => t.id));
  });

  it('filters tasks by each condition and by several together, with the total of the filter', async () => {
    const all = await boardTasks();
    const now = Date.now();
    const overdue = (t: Task) => t.stage !== 'ARCHIVED' && Date.parse(t.stageDueAt ?? t.dueAt) < now;
    const cases: [Record<string, unknown>, (t: Task) => boolean][] = [
      [{ unitCode: 'WTSQ' }, (t) => t.unit.code === 'WTSQ'],
      [{ assessmentItemCode: 'A' }, (t) => itemCodeOf.get(t.indicator.code) === 'A'],
      [{ indicatorCode: 'C1' }, (t) => t.indicator.code === 'C1'],
      [{ stages: ['CONSOLIDATION', 'RECTIFICATION'] }, (t) => ['CONSOLIDATION', 'RECTIFICATION'].includes(t.stage)],
      [{ stages: [] }, () => false],
      [{ classifications: ['MET', 'NOT_MET'] }, (t) => t.classification === 'MET' || t.classification === 'NOT_MET'],
      [{ classifications: ['UNKNOWN'] }, (t) => t.classification === 'UNKNOWN'],
      [{ overdue: true }, overdue],
      [{ overdue: false }, (t) => !overdue(t)],
      [{ dueBefore: at(0) }, (t) => Date.parse(t.dueAt) < BASE],
      [{ dueBefore: at(60) }, (t) => Date.parse(t.dueAt) < BASE + 60 * DAY],
      [{ escalated: true }, (t) => t.escalationLevel !== null],
      [{ escalated: false }, (t) => t.escalationLevel === null],
      [{ unitCode: 'WTSQ', overdue: true }, (t) => t.unit.code === 'WTSQ' && overdue(t)],
      [{ assessmentItemCode: 'A', escalated: false, stages: ['SELF_CHECK'] }, (t) => itemCodeOf.get(t.indicator.code) === 'A' && t.escalationLevel === null && t.stage === 'SELF_CHECK'],
    ];
    for (const [filter, keep] of cases) {
      const expected = all.filter(keep).sort(TASK_SORTS.DUE_AT_ASC).map((t) => t.id);
      if (!(Array.isArray(filter.stages) && filter.stages.length === 0)) {
        // Each case tells some tasks from others.
        expect({ filter, some: expected.length > 0 && expected.length < all.length }).toEqual({ filter, some: true });
      }
      const page = await tasksPage('office', { filter, first: 200 });
      expect({ filter, ids: page.edges.map((e) => e.node.id), total: page.totalCount }).toEqual({ filter, ids: expected, total: expected.length });
    }
  });

  it('filters items by each condition and by several together, with the total of the filter', async () => {
    const all = await boardItems();
    const tasks = new Map((await boardTasks()).map((t) => [t.id, t.indicator.code]));
    const now = Date.now();
    const indicatorOf = (i: Item) => (i.indicatorTaskId ? tasks.get(i.indicatorTaskId) : undefined) ?? (i.criterionCode ? indicatorOfCriterion.get(i.criterionCode) : undefined);
    const overdue = (i: Item) => ['DISPATCHED', 'RECTIFYING', 'RETURNED'].includes(i.state) && i.dueAt !== null && Date.parse(i.dueAt) < now;
    const cases: [Record<string, unknown>, (i: Item) => boolean][] = [
      [{ unitCode: 'WTSQ' }, (i) => i.unit?.code === 'WTSQ'],
      [{ indicatorCode: 'E1' }, (i) => indicatorOf(i) === 'E1'],
      [{ indicatorCode: 'A1' }, (i) => indicatorOf(i) === 'A1'],
      [{ assessmentItemCode: 'A' }, (i) => itemCodeOf.get(indicatorOf(i) ?? '') === 'A'],
      [{ area: 'TRAFFIC_ORDER' }, (i) => i.area === 'TRAFFIC_ORDER'],
      [{ states: ['REPORTED', 'RECTIFYING'] }, (i) => i.state === 'REPORTED' || i.state === 'RECTIFYING'],
      [{ states: [] }, () => false],
      [{ sources: ['COVERT_INSPECTION', 'CITIZEN_REPORT'] }, (i) => i.source === 'COVERT_INSPECTION' || i.source === 'CITIZEN_REPORT'],
      [{ overdue: true }, overdue],
      [{ overdue: false }, (i) => !overdue(i)],
      [{ dueBefore: at(8) }, (i) => i.dueAt !== null && Date.parse(i.dueAt) < BASE + 8 * DAY],
      [{ unitCode: 'WTSQ', area: 'SANITATION', states: ['DISPATCHED'] }, (i) => i.unit?.code === 'WTSQ' && i.area === 'SANITATION' && i.state === 'DISPATCHED'],
    ];
    for (const [filter, keep] of cases) {
      const expected = all.filter(keep).sort(ITEM_SORTS.DUE_AT_ASC).map((i) => i.id);
      if (!(Array.isArray(filter.states) && filter.states.length === 0)) {
        expect({ filter, some: expected.length > 0 && expected.length < all.length }).toEqual({ filter, some: true });
      }
      const page = await itemsPage('office', { filter, first: 200 });
      expect({ filter, ids: page.edges.map((e) => e.node.id), total: page.totalCount }).toEqual({ filter, ids: expected, total: expected.length });
    }
  });

  it('shows a unit the tasks it does or leads, as the board does, and only its own items; another unit’s items are refused', async () => {
    const tasks = await boardTasks();
    const items = await boardItems();
    for (const login of ['wtsq.member', 'wtsq.head']) {
      const own = tasks.filter((t) => t.unit.code === 'WTSQ' || t.leadUnit.code === 'WTSQ').sort(TASK_SORTS.DUE_AT_ASC).map((t) => t.id);
      expect(own.length).toBeGreaterThan(0);
      for (const filter of [undefined, { unitCode: 'WTSQ' }]) {
        const page = await tasksPage(login, { filter, first: 200 });
        expect(page.edges.map((e) => e.node.id)).toEqual(own);
        expect(page.totalCount).toBe(own.length);
      }
      // Another unit's tasks, where this unit is not the lead: none.
      expect((await tasksPage(login, { filter: { unitCode: 'BJSQ' }, first: 200 })).totalCount).toBe(0);
      const ownItems = items.filter((i) => i.unit?.code === 'WTSQ').sort(ITEM_SORTS.DUE_AT_ASC).map((i) => i.id);
      expect(ownItems.length).toBeGreaterThan(0);
      expect((await itemsPage(login, { first: 200 })).edges.map((e) => e.node.id)).toEqual(ownItems);
      expect((await itemsPage(login, { filter: { unitCode: 'WTSQ' }, first: 200 })).totalCount).toBe(ownItems.length);

      const res = await itemList(login, { filter: { unitCode: 'BJSQ', states: ['DISPATCHED'] } });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.unitCode' });
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // The lead unit sees the tasks it leads, as on its board, and may narrow them to one responsible unit.
    const led = tasks.filter((t) => t.leadUnit.code === 'XCB' || t.unit.code === 'XCB').sort(TASK_SORTS.DUE_AT_ASC).map((t) => t.id);
    expect(led.length).toBeGreaterThan(0);
    expect((await tasksPage('xcb.member', { first: 200 })).edges.map((e) => e.node.id)).toEqual(led);
    const ledInBjsq = tasks.filter((t) => t.unit.code === 'BJSQ' && t.leadUnit.code === 'XCB').sort(TASK_SORTS.DUE_AT_ASC).map((t) => t.id);
    expect((await tasksPage('xcb.member', { filter: { unitCode: 'BJSQ' }, first: 200 })).edges.map((e) => e.node.id)).toEqual(ledInBjsq);
  });

  it('hides covert inspectors from units in the list exactly as on the items board', async () => {
    const fields = 'id source reportedBy { displayName } history { actor { displayName } }';
    const covert = (await itemList('wtsq.member', { filter: { sources: ['COVERT_INSPECTION'] } }, fields)).data!.items.edges.map((e) => e.node);
    expect(covert.map((i) => i.id)).toEqual([covertId]);
    expect(covert[0].reportedBy).toBeNull();
    expect((covert[0] as unknown as { history: { actor: { displayName: string } }[] }).history.map((h) => h.actor.displayName)).toEqual(['暗访组', '暗访组']);

    const asOffice = (await itemList('office', { filter: { sources: ['COVERT_INSPECTION'] } }, fields)).data!.items.edges.map((e) => e.node);
    expect(asOffice.find((i) => i.id === covertId)?.reportedBy).toEqual({ displayName: '李督查（督查检查组）' });

    // Field for field what the unit sees on its board.
    const board = await ok<{ itemBoard: { columns: { items: { id: string }[] }[] } }>('wtsq.member', `query($c: String) { itemBoard(campaignId: $c) { columns { items { ${fields} } } } }`, { c: CAMPAIGN });
    const listed = (await itemList('wtsq.member', { first: 200 }, fields)).data!.items.edges.map((e) => e.node);
    const byId = (a: { id: string }, b: { id: string }) => bytes(a.id, b.id);
    expect([...listed].sort(byId)).toEqual(board.itemBoard.columns.flatMap((c) => c.items).sort(byId));
  });

  it('refuses a malformed cursor, a cursor of another ordering or list, and a page size out of range', async () => {
    const taskCursor = (await tasksPage('office', { first: 2 })).pageInfo.endCursor!;
    const itemCursor = (await itemsPage('office', { first: 2, orderBy: 'UPDATED_AT_DESC' })).pageInfo.endCursor!;
    const refusals: [Promise<GraphQLResponse<unknown>>, string][] = [
      [taskList('office', { after: 'not a cursor' }), 'after'],
      [taskList('office', { after: Buffer.from('{"o":"tasks/DUE_AT_ASC","k":["x","y"]}').toString('base64url') }), 'after'],
      [taskList('office', { after: taskCursor, orderBy: 'DUE_AT_DESC' }), 'after'],
      [taskList('office', { after: taskCursor, orderBy: 'ESCALATION_DESC' }), 'after'],
      [itemList('office', { after: taskCursor }), 'after'],
      [taskList('office', { after: itemCursor, orderBy: 'UPDATED_AT_DESC' }), 'after'],
      [itemList('office', { after: itemCursor, orderBy: 'REPORTED_AT_DESC' }), 'after'],
      [taskList('office', { first: 0 }), 'first'],
      [taskList('office', { first: 201 }), 'first'],
      [itemList('office', { first: -1 }), 'first'],
    ];
    for (const [pending, field] of refusals) {
      const res = await pending;
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await taskList('office', { after: 'x' })).errors?.[0]?.message).toMatch(/^分页游标无效/);
    // The cursor is good with its own ordering.
    expect((await taskList('office', { after: taskCursor })).errors).toBeUndefined();
    expect((await tasksPage('office', { first: 200 })).edges).toHaveLength(TASKS.length);
  });

  it('reads a page in a number of queries that does not grow with the number of rows', async () => {
    const fields = 'id stage stageLabel classification dueAt stageDueAt escalationLevel updatedAt version unit { code name } leadUnit { code name } indicator { code name itemName }';
    // The identity first (cached for seconds), so that each count is the list's own queries.
    const warmIdentity = () => gql(stack.url, 'office', '{ me { login } }');
    const count = async (args: ListArgs) => {
      await warmIdentity();
      const before = stack.apiQueries();
      const res = await taskList('office', args, fields);
      expect(res.errors).toBeUndefined();
      return { queries: stack.apiQueries() - before, rows: res.data!.tasks.edges.length };
    };
    await count({ first: 1 }); // warm: the first request of a user may read more than the next
    // A page of 50 that holds 5 rows, and one that holds 20.
    const five = await count({ first: 50, filter: { unitCode: 'DHC' } });
    const twenty = await count({ first: 50, filter: { dueBefore: at(150) } });
    expect([five.rows, twenty.rows]).toEqual([5, 20]);
    expect(twenty.queries).toBe(five.queries);
    // And pages of 5 and of 20 rows of the same list.
    const small = await count({ first: 5 });
    const large = await count({ first: 20 });
    expect([small.rows, large.rows]).toEqual([5, 20]);
    expect(large.queries).toBe(small.queries);
    // Who is asking, the campaign, the page and its total (and little else).
    expect(large.queries).toBeLessThanOrEqual(6);

    const items = async (first: number) => {
      await warmIdentity();
      const before = stack.apiQueries();
      const res = await itemList('office', { first }, 'id state dueAt unit { code name } reportedBy { displayName }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.items.edges).toHaveLength(first);
      return stack.apiQueries() - before;
    };
    expect(await items(8)).toBe(await items(2));
  });

  it('keeps microseconds in the cursor: rows within one millisecond are neither repeated nor skipped', async () => {
    // Events are stamped to the millisecond, but PostgreSQL keeps microseconds; a cursor rounded to milliseconds
    // would step over (or back onto) rows that differ below that. Four cards made to differ by a microsecond each.
    const ids = (await itemsPage('office', { orderBy: 'REPORTED_AT_DESC', first: 4 })).edges.map((e) => e.node.id);
    for (const [k, id] of ids.entries()) {
      await sql`update rectification_item_cards set updated_at = '2030-01-01T00:00:00.000100Z'::timestamptz + ${k} * interval '1 microsecond' where item_id = ${id}`.execute(stack.db);
    }
    const whole = (await itemsPage('office', { orderBy: 'UPDATED_AT_DESC', first: 200 })).edges.map((e) => e.node.id);
    expect(whole.slice(0, 4)).toEqual([...ids].reverse());
    const paged = await pageThrough((after) => itemsPage('office', { orderBy: 'UPDATED_AT_DESC', first: 1, after }));
    expect(paged.map((i) => i.id)).toEqual(whole);
  });

  it('pages through items while others are reported concurrently: every earlier item once, no repeats, in order', async () => {
    for (const orderBy of ['REPORTED_AT_DESC', 'DUE_AT_ASC'] as const) {
      const before = await stack.db.selectFrom('rectification_item_cards').select('item_id').where('campaign_id', '=', CAMPAIGN).execute();
      expect(before.length).toBeGreaterThanOrEqual(10);
      let added = 0;
      let rounds = 0;
      // With the first pages, three reports at once, fired while the page is being read; their due dates fall
      // before, among and after the rows already there. (Only the first pages: new rows ahead of the cursor are
      // read too, and paging should end.)
      const reportSome = async () => {
        if (rounds++ >= 4) return;
        await Promise.all([4, 12, 40].map((days) => report(added++ % 2 ? 'office' : 'supervisor', { area: 'MARKETS', unitCode: 'NMSC', dueAt: at(days + added / 100) })));
      };
      const seen = await pageThrough((after) => itemsPage('office', { orderBy, first: 3, after }), reportSome);
      const ids = seen.map((i) => i.id);
      expect(added).toBe(12);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { item_id } of before) expect(ids.filter((id) => id === item_id)).toHaveLength(1);
      expect(seen).toEqual([...seen].sort(ITEM_SORTS[orderBy]));
      // And what was reported meanwhile is all there on a fresh read.
      expect((await itemsPage('office', { orderBy, first: 200 })).totalCount).toBe(before.length + added);
    }
  });
});
