// 重点和难点 through GraphQL on the real stack (issue 20): the office and the leading group mark an indicator task and a
// rectification item key, difficult or both, change and clear the mark, each an Update of the workflow that records
// KeyFlagSet / KeyFlagCleared; the boards, the paged board's columns and the lists filter on keyDifficult; units,
// supervisors and hostile input are refused with a code and leave no event.
import { randomUUID } from 'node:crypto';
import { seedDemoCadence } from '../../src/demo/demo-cadence';
import { seedDemoKeyFlags } from '../../src/demo/demo-key-flags';
import { startCampaignClock } from '../../src/campaign-clock/campaign-clock.starter';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { RECTIFICATION_ITEM_WORKFLOW_TYPE, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import { CAMPAIGN, OFFICE_ACTOR, startStackWithTask, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const DAY = 86_400_000;
const FLAG = 'keyFlag { kind kindLabel reason flaggedBy { displayName } } keyFlagActions';

interface Flagged {
  version: number;
  keyFlag: { kind: string; kindLabel: string; reason: string; flaggedBy: { displayName: string } } | null;
  keyFlagActions: string[];
}
type Res = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe('重点和难点 through GraphQL', () => {
  let stack: TestStack;
  let taskId: string;
  let otherTaskId: string;
  let itemId: string;

  beforeAll(async () => {
    ({ stack, taskId } = await startStackWithTask({ prefix: 'key-flags' }));
    await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, {
      campaignId: CAMPAIGN,
      indicatorCode: 'A1',
      unitCode: 'WTSQ',
      leadUnitCode: 'XCB',
      dueAt: new Date(Date.now() - 3 * DAY).toISOString(),
      createdBy: OFFICE_ACTOR,
    });
    otherTaskId = indicatorTaskWorkflowId(CAMPAIGN, 'A1', 'WTSQ');
    itemId = rectificationItemWorkflowId(CAMPAIGN, randomUUID());
    const input: RectificationItemInput = {
      itemId,
      campaignId: CAMPAIGN,
      source: 'SUPERVISION',
      area: 'SANITATION',
      location: { address: '外滩路 18 号', latitude: null, longitude: null },
      description: '背街小巷垃圾堆放',
      photos: [],
      indicatorTaskId: null,
      criterionCode: null,
      inspectionRoundId: null,
      reportedBy: OFFICE_ACTOR,
      dispatch: { unitCode: 'WTSQ', dueAt: new Date(Date.now() + 10 * DAY).toISOString(), note: '' },
    };
    await stack.temporal.workflow.start(RECTIFICATION_ITEM_WORKFLOW_TYPE, { workflowId: itemId, taskQueue: stack.config.temporal.taskQueue, args: [input] });
    const seen = async (sql: 'indicator_task_cards' | 'rectification_item_cards', column: 'task_id' | 'item_id', id: string) =>
      (await stack.db.selectFrom(sql).select(column).where(column, '=', id).executeTakeFirst()) !== undefined;
    await waitFor(() => seen('indicator_task_cards', 'task_id', otherTaskId), 30_000, 'the second task on the board');
    await waitFor(() => seen('rectification_item_cards', 'item_id', itemId), 30_000, 'the item on the board');
  });
  afterAll(async () => stack?.stop());

  const codeOf = (res: Res) => res.errors?.[0]?.extensions?.code;
  const task = async (login: string, id = taskId) =>
    (await gql<{ indicatorTask: Flagged }>(stack.url, login, `query($id: String!) { indicatorTask(id: $id) { version ${FLAG} } }`, { id })).data!.indicatorTask;
  const item = async (login: string) =>
    (await gql<{ rectificationItem: Flagged }>(stack.url, login, `query($id: String!) { rectificationItem(id: $id) { version ${FLAG} } }`, { id: itemId })).data!.rectificationItem;
  const setTask = (login: string, input: Record<string, unknown>) =>
    gql<{ setTaskKeyFlag: Flagged }>(stack.url, login, `mutation($i: SetTaskKeyFlagInput!) { setTaskKeyFlag(input: $i) { version ${FLAG} } }`, { i: { taskId, ...input } });
  const clearTask = (login: string, input: Record<string, unknown> = {}) =>
    gql<{ clearTaskKeyFlag: Flagged }>(stack.url, login, `mutation($i: ClearTaskKeyFlagInput!) { clearTaskKeyFlag(input: $i) { version ${FLAG} } }`, { i: { taskId, ...input } });
  const setItem = (login: string, input: Record<string, unknown>) =>
    gql<{ setItemKeyFlag: Flagged }>(stack.url, login, `mutation($i: SetItemKeyFlagInput!) { setItemKeyFlag(input: $i) { version ${FLAG} } }`, { i: { itemId, ...input } });
  const clearItem = (login: string) =>
    gql<{ clearItemKeyFlag: Flagged }>(stack.url, login, `mutation($i: ClearItemKeyFlagInput!) { clearItemKeyFlag(input: $i) { version ${FLAG} } }`, { i: { itemId } });
  const flagEvents = async (id: string) =>
    stack.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', id).where('type', 'in', ['KeyFlagSet', 'KeyFlagCleared']).orderBy('stream_version').execute();

  /** The ids the task list, the board and a paged board column give for a filter, as `login` sees them. */
  async function taskIdsFiltered(login: string, keyDifficult: boolean) {
    const f = { keyDifficult };
    const list = (await gql<{ tasks: { totalCount: number; edges: { node: { id: string } }[] } }>(
      stack.url,
      login,
      'query($c: String, $f: TaskFilter) { tasks(campaignId: $c, filter: $f, first: 50) { totalCount edges { node { id } } } }',
      { c: CAMPAIGN, f },
    )).data!.tasks;
    const board = (await gql<{ board: { columns: { stage: string; count: number; cards: { id: string }[] }[] } }>(
      stack.url,
      login,
      'query($c: String, $f: TaskFilter) { board(campaignId: $c, filter: $f) { columns { stage count cards { id } } } }',
      { c: CAMPAIGN, f },
    )).data!.board;
    const column = (await gql<{ boardColumn: { count: number; cards: { id: string }[] } }>(
      stack.url,
      login,
      'query($c: String, $f: TaskFilter) { boardColumn(campaignId: $c, stage: SELF_CHECK, filter: $f, first: 1) { count cards { id } } }',
      { c: CAMPAIGN, f },
    )).data!.boardColumn;
    return {
      list: list.edges.map((e) => e.node.id).sort(),
      total: list.totalCount,
      board: board.columns.flatMap((c) => c.cards.map((x) => x.id)).sort(),
      boardCount: board.columns.reduce((n, c) => n + c.count, 0),
      columnCount: column.count,
    };
  }

  async function itemIdsFiltered(login: string, keyDifficult: boolean) {
    const f = { keyDifficult };
    const list = (await gql<{ items: { totalCount: number; edges: { node: { id: string } }[] } }>(
      stack.url,
      login,
      'query($c: String, $f: ItemFilter) { items(campaignId: $c, filter: $f, first: 50) { totalCount edges { node { id } } } }',
      { c: CAMPAIGN, f },
    )).data!.items;
    const board = (await gql<{ itemBoard: { columns: { count: number; items: { id: string }[] }[] } }>(
      stack.url,
      login,
      'query($c: String, $f: ItemFilter) { itemBoard(campaignId: $c, filter: $f) { columns { count items { id } } } }',
      { c: CAMPAIGN, f },
    )).data!.itemBoard;
    return { list: list.edges.map((e) => e.node.id), total: list.totalCount, board: board.columns.flatMap((c) => c.items.map((x) => x.id)), boardCount: board.columns.reduce((n, c) => n + c.count, 0) };
  }

  it('offers the mark to the office and the leading group only; units, supervisors and hostile input are refused, writing nothing', async () => {
    expect((await task('office')).keyFlagActions).toEqual(['SET_KEY_FLAG']);
    expect((await task('leader')).keyFlagActions).toEqual(['SET_KEY_FLAG']);
    expect((await task('wtsq.head')).keyFlagActions).toEqual([]);
    expect((await task('supervisor')).keyFlagActions).toEqual([]);
    expect((await item('wtsq.head')).keyFlagActions).toEqual([]);

    for (const login of ['wtsq.head', 'wtsq.member', 'supervisor', 'archivist']) {
      expect([login, codeOf(await setTask(login, { kind: 'KEY', reason: '本单位自己标记' }))]).toEqual([login, 'FORBIDDEN']);
      expect([login, codeOf(await setItem(login, { kind: 'KEY', reason: '本单位自己标记' }))]).toEqual([login, 'FORBIDDEN']);
      expect([login, codeOf(await clearTask(login))]).toEqual([login, 'FORBIDDEN']);
    }
    const refusals: [Record<string, unknown>, string, string | null][] = [
      [{ kind: 'KEY', reason: '字'.repeat(100_000) }, 'BAD_USER_INPUT', '标记理由不能超过500字'],
      [{ kind: 'KEY', reason: '字'.repeat(501) }, 'BAD_USER_INPUT', '标记理由不能超过500字'],
      [{ kind: 'KEY', reason: '群众\u0001反映\u001b[31m集中' }, 'BAD_USER_INPUT', '标记理由不能包含控制字符'],
      [{ kind: 'KEY', reason: '   ' }, 'BAD_USER_INPUT', '请填写标记理由'],
      // Not one of the enum's values: GraphQL refuses it before any resolver.
      [{ kind: 'URGENT', reason: '紧急' }, 'BAD_USER_INPUT', null],
    ];
    for (const [input, code, message] of refusals) {
      const res = await setTask('office', input);
      expect([codeOf(res), message === null ? null : res.errors?.[0]?.message]).toEqual([code, message]);
    }
    expect(codeOf(await setTask('office', { kind: 'KEY', reason: '群众反映集中', expectedVersion: 999 }))).toBe('CONFLICT');
    // Nothing to clear yet.
    const clear = await clearTask('office');
    expect([codeOf(clear), clear.errors?.[0]?.message]).toEqual(['ILLEGAL_TRANSITION', '任务没有重点难点标记，无需取消']);
    expect(codeOf(await clearItem('leader'))).toBe('ILLEGAL_TRANSITION');
    expect(await flagEvents(taskId)).toEqual([]);
    expect(await flagEvents(itemId)).toEqual([]);
  });

  it('marks a task, changes and clears the mark; the card, the list, the board and its columns follow', async () => {
    const before = await task('office');
    const set = await setTask('office', { kind: 'KEY', reason: '  群众反映集中，列为重点  ', expectedVersion: before.version });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setTaskKeyFlag.keyFlag).toEqual({ kind: 'KEY', kindLabel: '重点', reason: '群众反映集中，列为重点', flaggedBy: { displayName: '张霞（创建办主任）' } });
    expect(set.data!.setTaskKeyFlag.version).toBe(before.version + 1);
    expect(set.data!.setTaskKeyFlag.keyFlagActions).toEqual(['SET_KEY_FLAG', 'CLEAR_KEY_FLAG']);
    // The unit sees the mark on its card, and may not change it.
    const seen = await task('wtsq.head');
    expect([seen.keyFlag?.kindLabel, seen.keyFlagActions]).toEqual(['重点', []]);

    const flagged = await taskIdsFiltered('office', true);
    expect(flagged).toEqual({ list: [taskId], total: 1, board: [taskId], boardCount: 1, columnCount: 1 });
    const unflagged = await taskIdsFiltered('office', false);
    expect(unflagged.list).toContain(otherTaskId);
    expect(unflagged.list).not.toContain(taskId);
    // A unit filters its own board the same way.
    expect((await taskIdsFiltered('wtsq.head', true)).list).toEqual([taskId]);

    // The same mark again changes nothing and is refused; the leading group changes it to both.
    expect(codeOf(await setTask('office', { kind: 'KEY', reason: '群众反映集中，列为重点' }))).toBe('BAD_USER_INPUT');
    const both = await setTask('leader', { kind: 'BOTH', reason: '整改涉及多个部门，既是重点也是难点' });
    expect(both.data!.setTaskKeyFlag.keyFlag).toMatchObject({ kind: 'BOTH', kindLabel: '重点、难点', flaggedBy: { displayName: '王组长（领导小组）' } });

    const cleared = await clearTask('office', { reason: '已协调解决' });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.clearTaskKeyFlag.keyFlag).toBeNull();
    expect(await taskIdsFiltered('office', true)).toEqual({ list: [], total: 0, board: [], boardCount: 0, columnCount: 0 });

    expect((await flagEvents(taskId)).map((e) => [e.type, e.data])).toEqual([
      ['KeyFlagSet', { kind: 'KEY', reason: '群众反映集中，列为重点', previousKind: null }],
      ['KeyFlagSet', { kind: 'BOTH', reason: '整改涉及多个部门，既是重点也是难点', previousKind: 'KEY' }],
      ['KeyFlagCleared', { kind: 'BOTH', reason: '已协调解决' }],
    ]);
    // The history names the steps in Chinese.
    const history = (await gql<{ indicatorTask: { history: { label: string }[] } }>(stack.url, 'office', `{ indicatorTask(id: "${taskId}") { history { label } } }`)).data!.indicatorTask.history;
    expect(history.map((h) => h.label).filter((l) => l.includes('重点难点'))).toEqual(['标记为重点难点', '标记为重点难点', '取消重点难点标记']);
  });

  it('marks a rectification item; the item list and the items board filter on it', async () => {
    const set = await setItem('office', { kind: 'DIFFICULT', reason: '涉及物业与城管两个部门' });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setItemKeyFlag.keyFlag).toMatchObject({ kind: 'DIFFICULT', kindLabel: '难点' });
    expect(await itemIdsFiltered('office', true)).toEqual({ list: [itemId], total: 1, board: [itemId], boardCount: 1 });
    expect((await itemIdsFiltered('wtsq.head', true)).list).toEqual([itemId]);
    expect((await itemIdsFiltered('office', false)).list).not.toContain(itemId);

    expect((await clearItem('leader')).data!.clearItemKeyFlag.keyFlag).toBeNull();
    expect((await itemIdsFiltered('office', true)).total).toBe(0);
    expect((await flagEvents(itemId)).map((e) => e.type)).toEqual(['KeyFlagSet', 'KeyFlagCleared']);
  });

  it('seeds the demo’s marks once: three tasks and two dispatched items, one of them overdue', async () => {
    for (const unitCode of ['ZHZF', 'BJSQ']) {
      await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, indicatorCode: 'A1', unitCode, leadUnitCode: 'ZHZF', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR });
    }
    const lines: string[] = [];
    await seedDemoKeyFlags(stack.temporal, stack.config.temporal.taskQueue, CAMPAIGN, (line) => lines.push(line));
    expect(lines).toEqual([]);
    const marked = async () =>
      (await gql<{ tasks: { edges: { node: { id: string; keyFlag: { kind: string } } }[] }; items: { edges: { node: { description: string; dueAt: string; state: string; keyFlag: { kind: string } } }[] } }>(
        stack.url,
        'leader',
        'query($c: String) { tasks(campaignId: $c, filter: { keyDifficult: true }) { edges { node { id keyFlag { kind } } } } items(campaignId: $c, filter: { keyDifficult: true }) { edges { node { description dueAt state keyFlag { kind } } } } }',
        { c: CAMPAIGN },
      )).data!;
    await waitFor(async () => (await marked()).items.edges.length === 2, 30_000, 'the demo items marked');
    const first = await marked();
    expect(first.tasks.edges.map((e) => [e.node.id.split(':').slice(2).join(':'), e.node.keyFlag.kind]).sort()).toEqual([
      ['A1:BJSQ', 'DIFFICULT'],
      ['A1:WTSQ', 'BOTH'],
      ['A1:ZHZF', 'KEY'],
    ]);
    expect(first.items.edges.map((e) => [e.node.state, e.node.keyFlag.kind, Date.parse(e.node.dueAt) < Date.now()])).toEqual([
      ['DISPATCHED', 'DIFFICULT', true],
      ['DISPATCHED', 'KEY', false],
    ]);
    // Again: the same Update ids and workflow ids, nothing new written.
    const count = async () => Number((await stack.db.selectFrom('events').select((e) => e.fn.countAll<string>().as('n')).where('type', '=', 'KeyFlagSet').executeTakeFirstOrThrow()).n);
    const before = await count();
    await seedDemoKeyFlags(stack.temporal, stack.config.temporal.taskQueue, CAMPAIGN, () => undefined);
    expect(await count()).toBe(before);
  });

  it('seeds the demo month’s coordination meeting and hearing once, both counted in the cadence', async () => {
    const campaign = { id: CAMPAIGN, timeZone: 'Asia/Shanghai', inspectionDate: '2027-06-30' };
    await startCampaignClock(stack.temporal, stack.config.temporal.taskQueue, campaign);
    const lines: string[] = [];
    await seedDemoCadence(stack.temporal, campaign, (line) => lines.push(line));
    await seedDemoCadence(stack.temporal, campaign, (line) => lines.push(line));
    expect(lines).toEqual([]);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const cadence = async () =>
      (await gql<{ campaign: { cadence: { coordinationMeetings: number; hearings: number }; meetings: { kind: string; units: { code: string }[] }[] } }>(
        stack.url,
        'leader',
        `{ campaign(id: "${CAMPAIGN}") { cadence(month: "${month}") { coordinationMeetings hearings } meetings(month: "${month}") { kind units { code } } } }`,
      )).data?.campaign;
    await waitFor(async () => (await cadence())?.cadence.hearings === 1, 30_000, 'the demo meetings');
    const seen = (await cadence())!;
    expect(seen.cadence).toEqual({ coordinationMeetings: 1, hearings: 1 });
    expect(seen.meetings.map((m) => [m.kind, m.units.map((u) => u.code)])).toEqual([
      ['COORDINATION', ['ZHZF', 'WTSQ', 'BJSQ']],
      ['HEARING', ['WTSQ', 'BJSQ', 'DHC', 'HWS']],
    ]);
  });
});
