// The board and the items board with every detail field asked, against real PostgreSQL and the real Temporal dev
// server: one request sends the same number of queries whatever the number of cards (field resolvers load through
// per-request batches), and every card reads exactly as it does when asked for alone, for each kind of caller
// (covert inspectors masked as 「暗访组」 for units, units seeing only their own items). What a request has read is
// not served again to a card read anew later in it: after a mutation, or on a subscription's next change.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, OFFICE_ACTOR, seedReferenceData, waitFor } from '../support/fixtures';
import { accessToken, gql, startTestStack, type TestStack } from '../support/test-env';

const EVENT = 'position streamVersion type label occurredAt actor { userId displayName role } data';
const ITEM = `id campaignId state stateLabel source sourceLabel area location { address latitude longitude } description
  photos { sha256 name size mimeType url } indicatorTaskId criterionCode inspectionRoundId reportedBy { userId displayName role }
  unit { code name kind } dueAt escalationLevel pendingExtension { requestedDueAt reason } pendingDispatchReturn { requestedDueAt reason }
  submission { note photos { sha256 name size mimeType url } submittedBy { userId displayName role } submittedAt }
  returnReason recheckAt relapseCount duplicateReports version allowedActions history { ${EVENT} } createdAt updatedAt`;
const TASK = `id campaignId indicator { code itemName name method points standard area } unit { code name kind } leadUnit { code name kind }
  stage stageLabel classification awaitingReview dueAt stageEnteredAt stageDueAt escalationLevel pendingExtension { requestedDueAt reason }
  rectificationPlan { plan deadline } nextRecheckAt recheckDue failedCriteria
  archiveMaterials { code name status statusLabel file { sha256 name size mimeType url } note submittedBy { userId displayName role } submittedAt
    reviewedBy { userId displayName role } reviewedAt returnReason }
  relapseCount version allowedActions sideActions comments { text author { userId displayName role } at }
  evidence { sha256 name size mimeType stage note uploadedBy { userId displayName role } at url }
  history { ${EVENT} } temporalUiUrl updatedAt linkedItems { ${ITEM} }`;

const JPEG = (n: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, n, n + 1, n + 2]).toString('base64');
const LOGINS = ['office', 'wtsq.member', 'xcb.member'];

type Card = Record<string, unknown> & { id: string };
interface BoardAnswer {
  queries: number;
  cards: Card[];
}

describe('board and items board: detail fields in a number of queries that does not grow with the cards', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // The whole card with its linked items and their histories is costlier than the default limit allows (lists
    // inside lists inside lists); this file measures queries, not the cost rule.
    stack = await startTestStack({ prefix: 'batching', env: { MAX_QUERY_COST: '10000000' } });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => stack?.stop());

  async function ok<T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  /**
   * One request, and how many queries the API sent for it: the fewest of three tries, since the count is of all the
   * API's queries and one of its own timers (a retention sweep, a listener reconnecting) may add one to a try; none
   * can take one away.
   */
  async function measured<T>(login: string, query: string): Promise<{ queries: number; data: T }> {
    let best: { queries: number; data: T } | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      // The caller's identity is cached for seconds (src/auth/identity-cache.ts): read it first, so that every
      // measured request finds it there and counts only the board's own queries.
      await ok(login, '{ me { login } }');
      const before = stack.apiQueries();
      const data = await ok<T>(login, query);
      const queries = stack.apiQueries() - before;
      if (!best || queries < best.queries) best = { queries, data };
    }
    return best!;
  }

  /** Every card as it reads when asked for alone, by the query `field(id)` with the same `fields`. */
  async function expectSameAsAlone(login: string, cards: Card[], field: string, fields: string) {
    for (const card of cards) {
      const alone = await ok<Record<string, Card>>(login, `query($id: String!) { ${field}(id: $id) { ${fields} } }`, { id: card.id });
      expect(card).toEqual(alone[field]);
    }
  }

  /**
   * Adds 3 cards and reads the board as each login, then 9 more and reads it again: each login's second request
   * sends exactly as many queries as its first, and every card reads as it does alone.
   */
  async function expectQueriesIndependentOfCards(read: (login: string) => Promise<BoardAnswer>, add: (n: number) => Promise<void>, field: string, fields: string) {
    await add(3);
    // One request at a time: the count is of all the API's queries.
    const small: Record<string, BoardAnswer> = {};
    for (const login of LOGINS) small[login] = await read(login);
    expect(small.office.cards).toHaveLength(3);
    await add(9);
    for (const login of LOGINS) {
      const big = await read(login);
      expect({ login, queries: big.queries }).toEqual({ login, queries: small[login].queries });
      await expectSameAsAlone(login, big.cards, field, fields);
    }
  }

  async function report(login: string, input: Record<string, unknown>): Promise<string> {
    const data = await ok<{ reportItem: { item: { id: string } } }>(login, 'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { id } } }', {
      input: { campaignId: CAMPAIGN, description: '问题描述', photos: [{ fileName: '现场.jpg', contentBase64: JPEG(1) }], ...input },
    });
    return data.reportItem.item.id;
  }

  async function actOnItem(login: string, itemId: string, action: string, input: Record<string, unknown> = {}) {
    await ok(login, 'mutation($input: ItemActionInput!) { actOnItem(input: $input) { version } }', { input: { itemId, action, ...input } });
  }

  describe('items board', () => {
    let made = 0;

    /** Items of every kind: fixed and handed in by the unit, covert, not yet dispatched; for 外滩社区 and 滨江社区. */
    async function addItems(count: number) {
      for (let i = 0; i < count; i += 1, made += 1) {
        const unitCode = made % 2 ? 'BJSQ' : 'WTSQ';
        const address = `批次街 ${made} 号`;
        switch (made % 3) {
          case 0: {
            const id = await report('supervisor', { source: 'SUPERVISION', area: 'CITY_APPEARANCE', location: { address, latitude: 31.2, longitude: 121.4 }, unitCode });
            await actOnItem(`${unitCode.toLowerCase()}.member`, id, 'START_RECTIFICATION');
            await actOnItem(`${unitCode.toLowerCase()}.head`, id, 'SUBMIT_RECTIFICATION', { note: '已整改', photos: [{ fileName: '整改后.jpg', contentBase64: JPEG(made) }] });
            break;
          }
          case 1:
            await report('supervisor2', { source: 'COVERT_INSPECTION', area: 'SANITATION', location: { address }, unitCode });
            break;
          default:
            await report('office', { source: 'OPEN_INSPECTION', area: 'TRAFFIC_ORDER', location: { address } });
        }
      }
    }

    async function itemBoard(login: string): Promise<BoardAnswer> {
      const { queries, data } = await measured<{ itemBoard: { columns: { items: Card[] }[] } }>(login, `{ itemBoard(campaignId: "${CAMPAIGN}") { columns { state items { ${ITEM} } } } }`);
      return { queries, cards: data.itemBoard.columns.flatMap((c) => c.items) };
    }

    it('reads 3 items and 12 items with the same number of queries, each item as it reads alone', async () => {
      // Exactly as many: one query per kind of thing read (the caller, the campaign, the cards, their events,
      // units, people), none per card.
      await expectQueriesIndependentOfCards(itemBoard, addItems, 'rectificationItem', ITEM);
      expect((await itemBoard('office')).cards).toHaveLength(12);
      expect((await itemBoard('wtsq.member')).cards.map((c) => (c.unit as { code: string }).code)).toEqual(Array(4).fill('WTSQ'));
    });

    it('masks covert inspectors for units on the board as it does for one item', async () => {
      const unit = (await itemBoard('wtsq.member')).cards.filter((c) => c.source === 'COVERT_INSPECTION');
      const office = (await itemBoard('office')).cards.filter((c) => c.source === 'COVERT_INSPECTION' && (c.unit as { code: string }).code === 'WTSQ');
      expect(unit.map((c) => c.id)).toEqual(office.map((c) => c.id));
      expect(unit.length).toBeGreaterThan(0);
      for (const card of unit) {
        expect(card.reportedBy).toBeNull();
        expect((card.history as { actor: { displayName: string } }[]).map((h) => h.actor.displayName)).toEqual(['暗访组', '暗访组']);
      }
      for (const card of office) expect(card.reportedBy).toMatchObject({ displayName: '赵督查（督查检查组）' });
    });
  });

  describe('task board', () => {
    let made = 0;
    const INDICATORS = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'C3', 'C4'];
    const UNITS = ['WTSQ', 'BJSQ', 'WTSQ', 'DHC'];

    async function taskAct(login: string, mutation: string, inputType: string, input: Record<string, unknown>) {
      return ok<Record<string, { archiveMaterials: { code: string }[] }>>(login, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { archiveMaterials { code } } }`, { input });
    }

    /**
     * Tasks of 外滩社区, 滨江社区 and 东湖村 (lead unit 宣传统战办); every third one with everything a card can carry:
     * comments, evidence, archive materials handed in and accepted, and linked items (one covert item for the unit,
     * one dispatched elsewhere).
     */
    async function addTasks(count: number) {
      for (let i = 0; i < count; i += 1, made += 1) {
        const indicatorCode = INDICATORS[made];
        const unitCode = UNITS[made % UNITS.length];
        const member = `${unitCode.toLowerCase()}.member`;
        await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, indicatorCode, unitCode, leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR });
        const taskId = indicatorTaskWorkflowId(CAMPAIGN, indicatorCode, unitCode);
        await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined);
        if (made % 3) continue;
        await taskAct(member, 'addComment', 'AddCommentInput', { taskId, text: `${indicatorCode} 本周完成` });
        await taskAct('supervisor', 'addComment', 'AddCommentInput', { taskId, text: '请抓紧' });
        await taskAct(member, 'uploadEvidence', 'UploadEvidenceInput', { taskId, fileName: '现场.jpg', contentBase64: JPEG(made), note: '整改前' });
        await taskAct(member, 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId, classification: 'MET', note: '已达标' });
        await taskAct('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId });
        const archiving = await taskAct('office', 'startArchiving', 'ApproveInput', { taskId });
        const materialCode = archiving.startArchiving.archiveMaterials[0].code;
        const file = { fileName: '台账.pdf', contentBase64: Buffer.from(`%PDF-1.4 ${indicatorCode}`).toString('base64') };
        await taskAct(member, 'submitArchiveMaterial', 'SubmitArchiveMaterialInput', { taskId, materialCode, ...file, note: '台账' });
        await taskAct('archivist', 'acceptArchiveMaterial', 'AcceptArchiveMaterialInput', { taskId, materialCode });
        await report('supervisor', { source: 'COVERT_INSPECTION', area: 'SANITATION', location: { address: `任务 ${indicatorCode} 暗访点` }, indicatorTaskId: taskId, unitCode });
        await report('office', { source: 'SUPERVISION', area: 'MARKETS', location: { address: `任务 ${indicatorCode} 市场` }, indicatorTaskId: taskId, unitCode: 'NMSC' });
      }
    }

    async function board(login: string): Promise<BoardAnswer> {
      const { queries, data } = await measured<{ board: { columns: { cards: Card[] }[] } }>(login, `{ board(campaignId: "${CAMPAIGN}") { columns { stage count cards { ${TASK} } } } }`);
      return { queries, cards: data.board.columns.flatMap((c) => c.cards) };
    }

    it('reads 3 cards and 12 cards with every detail field in the same number of queries, each card as it reads alone', async () => {
      // Exactly as many: the caller, the campaign, the cards, then one query per kind of detail for all cards
      // together (events, people, linked items, and the linked items' events, units and people), none per card.
      await expectQueriesIndependentOfCards(board, addTasks, 'indicatorTask', TASK);
      const office = await board('office');
      expect(office.cards).toHaveLength(12);
      // 外滩社区 sees its own cards and, of their linked items, only those dispatched to it; the lead unit sees all
      // twelve cards but none of the items.
      const unit = await board('wtsq.member');
      expect(unit.cards.map((c) => (c.unit as { code: string }).code)).toEqual(Array(6).fill('WTSQ'));
      const linked = unit.cards.flatMap((c) => c.linkedItems as { unit: { code: string }; reportedBy: unknown; history: { actor: { displayName: string } }[] }[]);
      expect(linked.length).toBe(2);
      for (const item of linked) {
        expect(item.unit.code).toBe('WTSQ');
        expect(item.reportedBy).toBeNull();
        expect(item.history.map((h) => h.actor.displayName)).toEqual(['暗访组', '暗访组']);
      }
      const lead = await board('xcb.member');
      expect(lead.cards).toHaveLength(12);
      expect(lead.cards.flatMap((c) => c.linkedItems as unknown[])).toEqual([]);
      const rich = office.cards.filter((c) => (c.comments as unknown[]).length > 0);
      expect(rich).toHaveLength(4);
      for (const card of rich) {
        expect((card.comments as { author: { displayName: string } }[]).map((c) => c.author.displayName)).toEqual([expect.stringContaining('工作人员'), '李督查（督查检查组）']);
        expect(card.evidence).toHaveLength(1);
        expect(card.archiveMaterials).toEqual(
          expect.arrayContaining([expect.objectContaining({ status: 'ACCEPTED', submittedBy: expect.objectContaining({ role: 'UNIT_MEMBER' }), reviewedBy: expect.objectContaining({ displayName: '陈档案（档案组）' }) })]),
        );
        expect(card.linkedItems).toHaveLength(2);
      }
    });
  });

  describe('a card read anew is read afresh', () => {
    const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'D1', 'BJSQ');
    const comment = (alias: string, text: string) => `${alias}: addComment(input: { taskId: "${taskId}", text: "${text}" }) { version comments { text } }`;

    beforeAll(async () => {
      await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, indicatorCode: 'D1', unitCode: 'BJSQ', leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR });
      await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined);
    });

    it('answers each of two mutations in one request with the comments as they stand after it', async () => {
      type Answer = { version: number; comments: { text: string }[] };
      const data = await ok<{ first: Answer; second: Answer }>('bjsq.member', `mutation { ${comment('first', '第一条')} ${comment('second', '第二条')} }`);
      expect(data.first.comments.map((c) => c.text)).toEqual(['第一条']);
      expect(data.second.comments.map((c) => c.text)).toEqual(['第一条', '第二条']);
    });

    it('sends each change of a subscription with the history as it stands then', async () => {
      const seen: { version: number; history: { type: string }[] }[] = [];
      let connected!: () => void;
      const ready = new Promise<void>((resolve) => (connected = resolve));
      const client = createClient({ url: `${stack.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await accessToken(stack.url, 'bjsq.member')}` }, on: { connected: () => connected() } });
      try {
        client.subscribe<{ boardChanged: { task: { version: number; history: { type: string }[] } } }>(
          { query: `subscription { boardChanged(campaignId: "${CAMPAIGN}") { task { version history { type } } } }` },
          { next: (value) => value.data && seen.push(value.data.boardChanged.task), error: () => undefined, complete: () => undefined },
        );
        await ready;
        await new Promise((r) => setTimeout(r, 300)); // let the subscription register
        await ok('bjsq.member', `mutation { ${comment('third', '第三条')} }`);
        await waitFor(async () => seen.length === 1, 10_000, 'the first change');
        await ok('bjsq.member', `mutation { ${comment('fourth', '第四条')} }`);
        await waitFor(async () => seen.length === 2, 10_000, 'the second change');
      } finally {
        await client.dispose();
      }
      expect(seen.map((t) => t.history.length - t.version)).toEqual([0, 0]);
      expect(seen[1].version).toBe(seen[0].version + 1);
    });
  });
});
