// Rectification items through GraphQL against the real Temporal dev server and PostgreSQL: a finding reaches
// the unit, is fixed with proof, verified by someone else, re-checked on the clock, relapses, and is closed;
// duplicates link; covert inspectors stay hidden from units; units see only their own items; a failed mock
// assessment raises one item per failed criterion, and the task's rectification waits for them.
import { sql } from 'kysely';
import { CAMPAIGN, eventsOf, seedReferenceData, seedTask, waitFor } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';

const ITEM = `id state stateLabel source area location { address latitude longitude } description unit { code name } dueAt version
  allowedActions relapseCount duplicateReports reportedBy { displayName } returnReason recheckAt indicatorTaskId criterionCode
  photos { name url } submission { note photos { name url } submittedBy { displayName } }`;

/** The rest of what an item shows, for comparing the item a mutation answers with the item read afterwards. */
const MORE = `campaignId sourceLabel inspectionRoundId escalationLevel createdAt updatedAt responsiblePerson { login name }
  pendingExtension { requestedDueAt reason } pendingDispatchReturn { requestedDueAt reason } accountabilityActions allowedMoves { action target immediate passed }`;

interface Item {
  id: string;
  state: string;
  stateLabel: string;
  source: string;
  unit: { code: string; name: string } | null;
  dueAt: string | null;
  version: number;
  allowedActions: string[];
  relapseCount: number;
  duplicateReports: number;
  reportedBy: { displayName: string } | null;
  returnReason: string | null;
  recheckAt: string | null;
  indicatorTaskId: string | null;
  criterionCode: string | null;
  photos: { name: string; url: string }[];
  submission: { note: string; photos: { name: string; url: string }[]; submittedBy: { displayName: string } } | null;
}

const JPEG = { fileName: '现场.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64') };
const AFTER = { fileName: '整改后.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]).toString('base64') };

describe('rectification items', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'items' });
    await seedReferenceData(stack.db);
    // Re-checks two seconds after verification, so that the clock can be watched in a test.
    await sql`update campaigns set policy = coalesce(policy, '{}'::jsonb) || ${JSON.stringify({ items: { recheckAfterDays: 2 / 86_400, relapseDays: 7 } })}::jsonb where id = ${CAMPAIGN}`.execute(stack.db);
  });
  afterAll(async () => stack?.stop());

  async function report(login: string, input: Record<string, unknown>) {
    return gql<{ reportItem: { item: Item; duplicate: boolean } }>(stack.url, login, `mutation($input: ReportItemInput!) { reportItem(input: $input) { duplicate item { ${ITEM} } } }`, {
      input: { campaignId: CAMPAIGN, ...input },
    });
  }

  async function act(login: string, itemId: string, action: string, input: Record<string, unknown> = {}) {
    return gql<{ actOnItem: Item }>(stack.url, login, `mutation($input: ItemActionInput!) { actOnItem(input: $input) { ${ITEM} } }`, { input: { itemId, action, ...input } });
  }

  async function legal(login: string, itemId: string, action: string, input: Record<string, unknown> = {}): Promise<Item> {
    const before = (await eventsOf(stack.db, itemId)).length;
    const fields = `${ITEM} ${MORE}`;
    const res = await gql<{ actOnItem: Item }>(stack.url, login, `mutation($input: ItemActionInput!) { actOnItem(input: $input) { ${fields} } }`, { input: { itemId, action, ...input } });
    expect(res.errors).toBeUndefined();
    expect(await eventsOf(stack.db, itemId)).toHaveLength(before + 1);
    // The item the mutation answers with is the item as read afterwards, to the last field (when the caller may still read it).
    const read = await gql<{ rectificationItem: Item }>(stack.url, login, `query($id: String!) { rectificationItem(id: $id) { ${fields} } }`, { id: itemId });
    if (read.data?.rectificationItem) expect(res.data!.actOnItem).toEqual(read.data.rectificationItem);
    return res.data!.actOnItem;
  }

  async function refused(login: string, itemId: string, action: string, input: Record<string, unknown>, code: string) {
    const before = await eventsOf(stack.db, itemId);
    const res = await act(login, itemId, action, input);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await eventsOf(stack.db, itemId)).toEqual(before);
  }

  async function item(login: string, id: string) {
    return gql<{ rectificationItem: Item }>(stack.url, login, `query($id: String!) { rectificationItem(id: $id) { ${ITEM} } }`, { id });
  }

  const FINDING = {
    source: 'SUPERVISION',
    area: 'SANITATION',
    location: { address: '外滩路 12 号（东门）', latitude: 31.2304, longitude: 121.4737 },
    description: '垃圾桶满溢，周边有散落垃圾',
    photos: [JPEG],
  };

  it('takes a finding from the street to 销号: dispatched, fixed with proof, verified by another, re-checked, relapsed, closed', async () => {
    const res = await report('supervisor', FINDING);
    expect(res.errors).toBeUndefined();
    const created = res.data!.reportItem;
    expect(created.duplicate).toBe(false);
    expect(created.item).toMatchObject({ state: 'REPORTED', stateLabel: '上报', unit: null, reportedBy: { displayName: '李督查（督查检查组）' } });
    const id = created.item.id;

    // Units never dispatch: refused for the role, before anything is said about the item (which they may not see yet).
    await refused('wtsq.member', id, 'DISPATCH', { unitCode: 'WTSQ' }, 'FORBIDDEN');
    await refused('wtsq.member', id, 'START_RECTIFICATION', {}, 'NOT_FOUND'); // not theirs to see yet
    let card = await legal('supervisor', id, 'DISPATCH', { unitCode: 'WTSQ', note: '请三日内整改' });
    expect(card).toMatchObject({ state: 'DISPATCHED', unit: { code: 'WTSQ' } });
    // The campaign's default: 7 days to fix.
    expect(Date.parse(card.dueAt!) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    // It is on the unit's board now, and not on another unit's.
    const boardOf = async (login: string) =>
      (await gql<{ itemBoard: { columns: { state: string; items: { id: string }[] }[] } }>(stack.url, login, `{ itemBoard(campaignId: "${CAMPAIGN}") { columns { state items { id } } } }`))
        .data!.itemBoard.columns.flatMap((c) => c.items.map((i) => [c.state, i.id]));
    expect(await boardOf('wtsq.member')).toEqual([['DISPATCHED', id]]);
    expect(await boardOf('bjsq.member')).toEqual([]);

    await refused('bjsq.member', id, 'START_RECTIFICATION', {}, 'NOT_FOUND');
    await refused('wtsq.member', id, 'SUBMIT_RECTIFICATION', { note: '已清理', photos: [AFTER] }, 'ILLEGAL_TRANSITION');
    card = await legal('wtsq.member', id, 'START_RECTIFICATION');
    expect(card.state).toBe('RECTIFYING');
    await refused('wtsq.member', id, 'SUBMIT_RECTIFICATION', { note: '已清理', photos: [] }, 'BAD_USER_INPUT');
    card = await legal('wtsq.member', id, 'SUBMIT_RECTIFICATION', { note: '已清理并增设垃圾桶', photos: [AFTER] });
    expect(card).toMatchObject({ state: 'SUBMITTED', submission: { note: '已清理并增设垃圾桶', submittedBy: { displayName: '外滩社区工作人员' } } });

    await refused('wtsq.head', id, 'VERIFY', {}, 'FORBIDDEN');
    card = await legal('supervisor2', id, 'RETURN', { reason: '东门仍有散落垃圾' });
    expect(card).toMatchObject({ state: 'RETURNED', returnReason: '东门仍有散落垃圾' });
    await legal('wtsq.head', id, 'SUBMIT_RECTIFICATION', { note: '已全部清理', photos: [AFTER] });
    card = await legal('supervisor', id, 'VERIFY', { note: '现场复核合格' });
    expect(card.state).toBe('VERIFIED');

    // Two seconds later the re-check falls due, on the workflow's own timer.
    await waitFor(async () => (await item('supervisor', id)).data!.rectificationItem.state === 'RECHECK', 30_000, 're-check due');
    card = await legal('supervisor', id, 'RECORD_RECHECK', { passed: false, note: '又见满溢' });
    expect(card).toMatchObject({ state: 'RECTIFYING', relapseCount: 1, submission: null });
    await legal('wtsq.member', id, 'SUBMIT_RECTIFICATION', { note: '增加清运频次', photos: [AFTER] });
    await legal('supervisor2', id, 'VERIFY');
    await waitFor(async () => (await item('supervisor', id)).data!.rectificationItem.state === 'RECHECK', 30_000, 'second re-check due');
    card = await legal('supervisor', id, 'RECORD_RECHECK', { passed: true, note: '保持良好' });
    expect(card).toMatchObject({ state: 'CLOSED', stateLabel: '销号', allowedActions: [] });

    const events = (await eventsOf(stack.db, id)).map((e) => e.type);
    expect(events).toEqual([
      'ItemReported',
      'ItemDispatched',
      'ItemRectificationStarted',
      'ItemSubmitted',
      'ItemReturned',
      'ItemSubmitted',
      'ItemVerified',
      'ItemRecheckDue',
      'ItemRecheckRecorded',
      'ItemSubmitted',
      'ItemVerified',
      'ItemRecheckDue',
      'ItemRecheckRecorded',
    ]);
    const history = await gql<{ rectificationItem: { history: { label: string; actor: { displayName: string } }[] } }>(
      stack.url,
      'wtsq.member',
      `{ rectificationItem(id: "${id}") { history { label actor { displayName } } } }`,
    );
    expect(history.data!.rectificationItem.history[0]).toEqual({ label: '上报问题', actor: { displayName: '李督查（督查检查组）' } });
    await waitFor(async () => (await stack.temporal.workflow.getHandle(id).describe()).status.name === 'COMPLETED', 30_000, 'workflow completed');

    // Photos download for those who may see the item only.
    const url = card.submission === null ? (await item('wtsq.member', id)).data!.rectificationItem.photos[0].url : card.photos[0].url;
    expect((await fetch(`${stack.url}${url}`, { headers: { 'x-demo-user': 'wtsq.member' } })).status).toBe(200);
    expect((await fetch(`${stack.url}${url}`, { headers: { 'x-demo-user': 'bjsq.member' } })).status).toBe(404);
  });

  it('links a repeated report of the same place, area and criterion to the open item instead of making another', async () => {
    const first = (await report('supervisor', { ...FINDING, location: { address: '滨江大道 88 号' }, area: 'CITY_APPEARANCE', unitCode: 'BJSQ' })).data!.reportItem;
    const again = await report('supervisor2', { ...FINDING, location: { address: ' 滨江大道88号 ' }, area: 'CITY_APPEARANCE', description: '店外占道经营' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.reportItem).toMatchObject({ duplicate: true, item: { id: first.item.id, duplicateReports: 1 } });
    // Another area at the same place is another problem.
    const other = (await report('supervisor2', { ...FINDING, location: { address: '滨江大道 88 号' }, area: 'TRAFFIC_ORDER' })).data!.reportItem;
    expect(other.duplicate).toBe(false);
    expect(other.item.id).not.toBe(first.item.id);
    expect((await eventsOf(stack.db, first.item.id)).map((e) => e.type)).toEqual(['ItemReported', 'ItemDispatched', 'ItemDuplicateReported']);
  });

  it('never shows a covert inspector to the unit, in the card or its history', async () => {
    const covert = (await report('supervisor', { ...FINDING, source: 'COVERT_INSPECTION', location: { address: '东湖村文化广场' }, unitCode: 'DHC' })).data!.reportItem.item;
    const seenByUnit = (await gql<{ rectificationItem: { reportedBy: unknown; history: { actor: { displayName: string } }[] } }>(
      stack.url,
      'dhc.member',
      `{ rectificationItem(id: "${covert.id}") { reportedBy { displayName } history { actor { displayName } } } }`,
    )).data!.rectificationItem;
    expect(seenByUnit.reportedBy).toBeNull();
    expect(seenByUnit.history.map((h) => h.actor.displayName)).toEqual(['暗访组', '暗访组']);
    const seenByOffice = (await item('office', covert.id)).data!.rectificationItem;
    expect(seenByOffice.reportedBy).toEqual({ displayName: '李督查（督查检查组）' });
  });

  it('lets the unit ask for more time or give back a wrongly dispatched item; a supervisor decides', async () => {
    const it = (await report('office', { ...FINDING, location: { address: '中心小学门口' }, area: 'TRAFFIC_ORDER', unitCode: 'WTSQ' })).data!.reportItem.item;
    await refused('wtsq.member', it.id, 'REQUEST_EXTENSION', { requestedDueAt: '2020-01-01T00:00:00Z', reason: '人手不足' }, 'BAD_USER_INPUT');
    const later = new Date(Date.parse(it.dueAt!) + 5 * 86_400_000).toISOString();
    await legal('wtsq.member', it.id, 'REQUEST_EXTENSION', { requestedDueAt: later, reason: '需协调交警' });
    await refused('wtsq.member', it.id, 'APPROVE_EXTENSION', {}, 'FORBIDDEN');
    let card = await legal('supervisor', it.id, 'APPROVE_EXTENSION', { note: '同意' });
    expect(card.dueAt).toBe(later);
    await legal('wtsq.head', it.id, 'REQUEST_DISPATCH_RETURN', { reason: '校门口交通由学校和交警负责' });
    await refused('wtsq.head', it.id, 'START_RECTIFICATION', {}, 'ILLEGAL_TRANSITION');
    card = await legal('supervisor2', it.id, 'APPROVE_DISPATCH_RETURN', { note: '改派学校' });
    expect(card).toMatchObject({ state: 'REPORTED', unit: null, dueAt: null });
    card = await legal('office', it.id, 'DISPATCH', { unitCode: 'ZXXX' });
    expect(card.unit).toMatchObject({ code: 'ZXXX' });
    expect((await item('wtsq.member', it.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses reports from units and bad reports whole, writing nothing', async () => {
    const before = await stack.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect((await report('wtsq.member', FINDING)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await report('supervisor', { ...FINDING, location: { address: ' ' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'location.address' });
    expect((await report('supervisor', { ...FINDING, location: { address: '某地', latitude: 31 } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await report('supervisor', { ...FINDING, unitCode: 'NOPE' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitCode' });
    expect((await report('supervisor', { ...FINDING, photos: [{ fileName: 'x.exe', contentBase64: 'AAAA' }] })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await stack.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('raises one item per failed criterion of a failed mock assessment, and holds the task’s completion until they are verified', async () => {
    const taskId = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    const run = (login: string, mutation: string, type: string, input: Record<string, unknown>) =>
      gql<Record<string, { stage: string; allowedActions: string[]; linkedItems: { id: string; state: string; unit: { code: string } | null; criterionCode: string }[] }>>(
        stack.url,
        login,
        `mutation($input: ${type}!) { ${mutation}(input: $input) { stage allowedActions linkedItems { id state unit { code } criterionCode } } }`,
        { input: { taskId, ...input } },
      );
    await run('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { classification: 'UNKNOWN', note: '不确定' });
    await run('supervisor', 'confirmSelfCheck', 'ApproveInput', {});
    const failed = await run('supervisor', 'recordMockAssessment', 'RecordMockAssessmentInput', { scores: [{ criterionCode: 'A4-1', score: 0 }], note: '知晓率不足' });
    expect(failed.errors).toBeUndefined();
    expect(failed.data!.recordMockAssessment.stage).toBe('RECTIFICATION');
    let linked: { id: string; state: string; unit: { code: string } | null; criterionCode: string }[] = [];
    await waitFor(async () => {
      const res = await gql<{ indicatorTask: { linkedItems: typeof linked } }>(stack.url, 'wtsq.member', `{ indicatorTask(id: "${taskId}") { linkedItems { id state unit { code } criterionCode } } }`);
      linked = res.data!.indicatorTask.linkedItems;
      return linked.length === 1;
    }, 30_000, 'the raised item');
    expect(linked[0]).toMatchObject({ state: 'DISPATCHED', unit: { code: 'WTSQ' }, criterionCode: 'A4-1' });
    const raised = (await item('wtsq.member', linked[0].id)).data!.rectificationItem;
    expect(raised).toMatchObject({ source: 'MOCK_ASSESSMENT', indicatorTaskId: taskId });

    await run('wtsq.member', 'submitRectificationPlan', 'RectificationPlanInput', { plan: '入户宣传', deadline: '2027-03-15T15:59:59Z' });
    let task = await gql<{ indicatorTask: { allowedActions: string[] } }>(stack.url, 'wtsq.member', `{ indicatorTask(id: "${taskId}") { allowedActions } }`);
    expect(task.data!.indicatorTask.allowedActions).not.toContain('SUBMIT_RECTIFICATION');
    const blocked = await run('wtsq.member', 'submitRectification', 'NoteInput', { note: '完成' });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(blocked.errors?.[0]?.message).toContain('1个关联的整改问题');

    await legal('wtsq.member', raised.id, 'START_RECTIFICATION');
    await legal('wtsq.member', raised.id, 'SUBMIT_RECTIFICATION', { note: '宣传到位', photos: [AFTER] });
    await legal('supervisor', raised.id, 'VERIFY');
    task = await gql<{ indicatorTask: { allowedActions: string[] } }>(stack.url, 'wtsq.member', `{ indicatorTask(id: "${taskId}") { allowedActions } }`);
    expect(task.data!.indicatorTask.allowedActions).toContain('SUBMIT_RECTIFICATION');
    const done = await run('wtsq.member', 'submitRectification', 'NoteInput', { note: '完成' });
    expect(done.errors).toBeUndefined();
  });

  it('turns a meeting’s decisions into a dispatched item and a new indicator task, each once', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const recorded = await gql<{ recordCampaignMeeting: { id: string } }>(stack.url, 'office', 'mutation($input: RecordCampaignMeetingInput!) { recordCampaignMeeting(input: $input) { id } }', {
      input: {
        campaignId: CAMPAIGN,
        kind: 'JOINT',
        date: today,
        attendees: ['王组长', '张霞'],
        unitCodes: ['DHC', 'HWS'],
        minutes: '听取东湖村创建工作汇报',
        decisions: [
          { text: '东湖村清理村口垃圾点', unitCode: 'DHC', dueDate: '2027-01-15' },
          { text: '环卫所负责背街小巷保洁', unitCode: 'HWS', dueDate: '2027-02-28' },
          { text: '加强宣传' },
        ],
      },
    });
    expect(recorded.errors).toBeUndefined();
    const meetingId = recorded.data!.recordCampaignMeeting.id;
    const toItem = (login: string, decisionIndex: number) =>
      gql<{ meetingDecisionToItem: { duplicate: boolean; item: Item } }>(stack.url, login, `mutation($input: MeetingDecisionToItemInput!) { meetingDecisionToItem(input: $input) { duplicate item { ${ITEM} } } }`, {
        input: { campaignId: CAMPAIGN, meetingId, decisionIndex, area: 'SANITATION', location: { address: '东湖村村口' } },
      });
    expect((await toItem('dhc.member', 0)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await toItem('office', 2)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisionIndex' });
    const made = await toItem('office', 0);
    expect(made.errors).toBeUndefined();
    expect(made.data!.meetingDecisionToItem.item).toMatchObject({
      state: 'DISPATCHED',
      unit: { code: 'DHC' },
      dueAt: '2027-01-15T15:59:59.000Z',
      description: `【联席会议 ${today} 议定】东湖村清理村口垃圾点`,
    });
    expect((await toItem('supervisor', 0)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const toTask = (login: string, decisionIndex: number, indicatorCode = 'C1') =>
      gql<{ meetingDecisionToTask: { id: string; stage: string; dueAt: string; unit: { code: string }; leadUnit: { code: string } } }>(
        stack.url,
        login,
        'mutation($input: MeetingDecisionToTaskInput!) { meetingDecisionToTask(input: $input) { id stage dueAt unit { code } leadUnit { code } } }',
        { input: { campaignId: CAMPAIGN, meetingId, decisionIndex, indicatorCode, leadUnitCode: 'HWS' } },
      );
    expect((await toTask('supervisor', 1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const task = await toTask('office', 1);
    expect(task.errors).toBeUndefined();
    expect(task.data!.meetingDecisionToTask).toMatchObject({ stage: 'SELF_CHECK', dueAt: '2027-02-28T15:59:59.000Z', unit: { code: 'HWS' }, leadUnit: { code: 'HWS' } });
    expect((await toTask('office', 1)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const assignment = await stack.db.selectFrom('task_assignments').select(['unit_code', 'task_id']).where('campaign_id', '=', CAMPAIGN).where('indicator_code', '=', 'C1').execute();
    expect(assignment).toEqual([{ unit_code: 'HWS', task_id: task.data!.meetingDecisionToTask.id }]);
  });

  it('reads the items board in a number of queries that does not grow with the number of items', async () => {
    const board = `{ itemBoard(campaignId: "${CAMPAIGN}") { columns { items { id unit { name } reportedBy { displayName } submission { submittedBy { displayName } } } } } }`;
    const count = async () => {
      // The identity first (cached for seconds), so that the count is the board's own queries.
      await gql(stack.url, 'office', '{ me { login } }');
      const before = stack.apiQueries();
      const res = await gql<{ itemBoard: { columns: { items: unknown[] }[] } }>(stack.url, 'office', board);
      expect(res.errors).toBeUndefined();
      return { queries: stack.apiQueries() - before, items: res.data!.itemBoard.columns.flatMap((c) => c.items).length };
    };
    expect((await report('supervisor', { ...FINDING, area: 'CITY_APPEARANCE', location: { address: '批量路 首号' }, unitCode: 'NMSC' })).errors).toBeUndefined();
    const first = await count();
    for (const [i, unit] of ['WTSQ', 'BJSQ', 'DHC', 'HWS', 'ZXXX'].entries()) {
      const res = await report(i % 2 ? 'office' : 'supervisor2', { ...FINDING, area: 'CITY_APPEARANCE', location: { address: `批量路 ${i} 号` }, unitCode: unit });
      expect(res.errors).toBeUndefined();
    }
    const second = await count();
    expect(second.items).toBe(first.items + 5);
    // Units and people are loaded once per request for every card together; the board reads the columns' counts in
    // one query and their first pages in one, however many items there are.
    expect(second.queries).toBeLessThanOrEqual(first.queries);
    expect(second.queries).toBeLessThanOrEqual(7);
  });
});
