// The approval queue in SQL (`awaitingMyDecision` on `tasks` and `items`, issue 18) against the rules the API enforces.
// Cards in every combination that matters (stage or state × review waiting × who handed in × extension or return
// request and who asked × archive materials and who handed them in) are written straight into the projections; then,
// for every kind of person, the filtered list must hold exactly the cards whose `allowedActions` (computed by the API
// from the same state with check() and checkItem()) offer a decision the queue lists (web/src/approvals/queue.ts),
// and `awaitingMyDecision: false` exactly the others.
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { taskCardRow } from '../../src/platform/projections/indicator-task-card.projection';
import { itemCardRow } from '../../src/platform/projections/rectification-item-card.projection';
import { initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import type { ArchiveMaterialState, IndicatorTaskState, ReviewKind, Stage } from '../../workflows/indicator-task/indicator-task.types';
import { initialItemState } from '../../workflows/rectification-item/rectification-item.evolve';
import type { ItemState, RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import { CAMPAIGN, seedReferenceData } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';

const STAGES: Stage[] = ['SELF_CHECK', 'RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION', 'ARCHIVING', 'ARCHIVED'];
const REVIEWS: (ReviewKind | null)[] = [null, 'SELF_CHECK_REVIEW', 'RECTIFICATION_REVIEW', 'ARCHIVE_REVIEW'];
const ITEM_STATES: ItemState[] = ['REPORTED', 'DISPATCHED', 'RECTIFYING', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'RECHECK', 'CLOSED'];
/** Who handed something in or asked: nobody, one supervisor, the archivist, or the unit's member. */
const BY = [null, 'user:supervisor', 'user:archivist', 'user:wtsq.member'] as const;
/** Everyone whose queue is checked: each role, and two supervisors (one of whom hands things in above). */
const PEOPLE = ['supervisor', 'supervisor2', 'archivist', 'office', 'leader', 'wtsq.member', 'wtsq.head', 'xcb.head'];

/** The decisions the queue offers, as web/src/approvals/queue.ts reads them from a card's allowedActions. */
const TASK_DECISIONS = ['CONFIRM_SELF_CHECK', 'APPROVE_RECTIFICATION', 'APPROVE_EXTENSION', 'ACCEPT_ARCHIVE_MATERIAL'];
const ITEM_DECISIONS = ['VERIFY', 'APPROVE_EXTENSION', 'APPROVE_DISPATCH_RETURN', 'RECORD_RECHECK'];

function material(code: string, status: ArchiveMaterialState['status'], submittedBy: string | null): ArchiveMaterialState {
  return { code, name: `材料${code}`, status, file: null, note: '', submittedBy, submittedAt: null, reviewedBy: null, reviewedAt: null, returnReason: null };
}

function taskStates(): IndicatorTaskState[] {
  const codes = readDemoCatalog().map((row) => row.code);
  const archives: (ArchiveMaterialState[] | null)[] = [
    null,
    [],
    [material('M1', 'SUBMITTED', 'user:archivist'), material('M2', 'MISSING', null)],
    [material('M1', 'SUBMITTED', 'user:wtsq.member'), material('M2', 'ACCEPTED', 'user:wtsq.member')],
    [material('M1', 'SUBMITTED', null), material('M2', 'RETURNED', 'user:wtsq.member')],
  ];
  const states: IndicatorTaskState[] = [];
  for (const stage of STAGES)
    for (const review of REVIEWS)
      for (const submittedBy of BY)
        for (const requestedBy of BY)
          for (const archive of archives) {
            const n = states.length;
            const base = initialState({ taskId: `awaiting:${String(n).padStart(4, '0')}`, campaignId: CAMPAIGN, indicatorCode: codes[n % codes.length], unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: new Date(Date.UTC(2027, 0, 1 + (n % 300))).toISOString() });
            states.push({
              ...base,
              stage,
              awaitingReview: review,
              submittedBy,
              classification: stage === 'SELF_CHECK' && review === null ? null : 'NOT_MET',
              pendingExtension: requestedBy ? { requestedDueAt: '2027-06-30T15:59:59.000Z', reason: '需要时间', requestedBy } : null,
              archive,
              version: 3,
            } as IndicatorTaskState);
          }
  return states;
}

function itemStates(): RectificationItemState[] {
  const states: RectificationItemState[] = [];
  for (const state of ITEM_STATES)
    for (const submittedBy of BY)
      for (const extensionBy of BY)
        for (const returnBy of BY) {
          const n = states.length;
          const base = initialItemState({ itemId: `awaiting-item:${String(n).padStart(4, '0')}`, campaignId: CAMPAIGN }, '2026-12-01T00:00:00.000Z');
          states.push({
            ...base,
            state,
            unitCode: state === 'REPORTED' ? null : 'WTSQ',
            dueAt: state === 'REPORTED' ? null : '2027-02-01T00:00:00.000Z',
            location: { address: `外滩路${n}号`, latitude: null, longitude: null },
            submission: submittedBy ? { note: '已整改', photos: [], submittedBy, submittedAt: '2026-12-02T00:00:00.000Z' } : null,
            pendingExtension: extensionBy ? { requestedDueAt: '2027-03-01T00:00:00.000Z', reason: '需要时间', requestedBy: extensionBy } : null,
            pendingDispatchReturn: returnBy ? { reason: '非本单位职责', requestedBy: returnBy } : null,
            recheckAt: state === 'RECHECK' ? '2026-12-03T00:00:00.000Z' : null,
            version: 4,
          } as RectificationItemState);
        }
  return states;
}

interface Node {
  id: string;
  allowedActions: string[];
}
interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Node }[];
}

describe('awaitingMyDecision: the approval queue in SQL', () => {
  let stack: TestStack;
  const tasks = taskStates();
  const items = itemStates();

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'awaiting' });
    await seedReferenceData(stack.db);
    const at = new Date('2026-12-01T00:00:00.000Z');
    for (let i = 0; i < tasks.length; i += 500) {
      await stack.db
        .insertInto('indicator_task_cards')
        .values(tasks.slice(i, i + 500).map((state) => taskCardRow({ state, createdAt: at, updatedAt: at, lastPosition: '0' })))
        .execute();
    }
    await stack.db
      .insertInto('rectification_item_cards')
      .values(items.map((state) => itemCardRow({ state, createdAt: at, updatedAt: at, lastPosition: '0' })))
      .execute();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** Every node of the list as `login` sees it, following the cursor. */
  async function all(login: string, root: 'tasks' | 'items', filter: Record<string, unknown>): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await gql<Record<string, Page>>(
        stack.url,
        login,
        `query($c: String, $f: ${root === 'tasks' ? 'TaskFilter' : 'ItemFilter'}, $a: String) { ${root}(campaignId: $c, filter: $f, first: 200, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id allowedActions } } } }`,
        { c: CAMPAIGN, f: filter, a: after },
      );
      expect(res.errors).toBeUndefined();
      const list: Page = res.data![root];
      nodes.push(...list.edges.map((e) => e.node));
      if (!list.pageInfo.hasNextPage) return nodes;
      after = list.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  }

  const ids = (nodes: Node[]) => nodes.map((n) => n.id).sort();

  it.each(PEOPLE)('lists for %s exactly the tasks the API offers them a decision on, and the rest with false', async (login) => {
    const everything = await all(login, 'tasks', {});
    expect(everything.length).toBeGreaterThan(0);
    const expected = everything.filter((t) => t.allowedActions.some((a) => TASK_DECISIONS.includes(a) || (login === 'office' && a === 'START_ARCHIVING')));
    const awaiting = await all(login, 'tasks', { awaitingMyDecision: true });
    expect(ids(awaiting)).toEqual(ids(expected));
    const others = await all(login, 'tasks', { awaitingMyDecision: false });
    expect(ids(others)).toEqual(ids(everything.filter((t) => !expected.includes(t))));
    // The roles that decide have something waiting in these combinations; the others never.
    if (['supervisor', 'supervisor2', 'archivist', 'office'].includes(login)) expect(awaiting.length).toBeGreaterThan(0);
    else expect(awaiting).toEqual([]);
  });

  it.each(PEOPLE)('lists for %s exactly the rectification items the API offers them a decision on', async (login) => {
    const everything = await all(login, 'items', {});
    const expected = everything.filter((i) => i.allowedActions.some((a) => ITEM_DECISIONS.includes(a)));
    const awaiting = await all(login, 'items', { awaitingMyDecision: true });
    expect(ids(awaiting)).toEqual(ids(expected));
    expect(ids(await all(login, 'items', { awaitingMyDecision: false }))).toEqual(ids(everything.filter((i) => !expected.includes(i))));
    if (login.startsWith('supervisor')) expect(awaiting.length).toBeGreaterThan(0);
    else expect(awaiting).toEqual([]);
  });

  it('never lists a decision on what the person handed in or asked for themselves', async () => {
    const awaiting = new Set(ids(await all('supervisor', 'tasks', { awaitingMyDecision: true })));
    // Reviews the supervisor handed in themselves, with no extension request beside them.
    const reviewOnly = tasks.filter((t) => t.submittedBy === 'user:supervisor' && t.awaitingReview !== null && t.stage !== 'ARCHIVING' && t.pendingExtension === null);
    expect(reviewOnly.length).toBeGreaterThan(0);
    for (const t of reviewOnly) expect(awaiting.has(t.taskId)).toBe(false);
  });

  it('keeps a unit to its own cards and refuses a filter that is not a boolean', async () => {
    const other = await all('bjsq.member', 'tasks', { awaitingMyDecision: false });
    expect(other).toEqual([]);
    const res = await gql(stack.url, 'supervisor', `{ tasks(campaignId: "${CAMPAIGN}", filter: { awaitingMyDecision: "yes" }) { edges { node { id } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
