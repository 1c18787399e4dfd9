// One indicator task through every stage, through GraphQL over HTTP, against the real Temporal dev server
// and a real PostgreSQL: each legal action moves the card and adds exactly one event; each illegal one is
// refused with a code and adds none.
import { CAMPAIGN, eventsOf, startStackWithTask, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const CARD = 'id stage classification awaitingReview version relapseCount allowedActions failedCriteria stageDueAt escalationLevel pendingExtension { requestedDueAt reason } rectificationPlan { plan deadline }';
/** The rest of what a card shows, for comparing the card a mutation answers with the card read afterwards. */
const MORE =
  'updatedAt stageEnteredAt nextRecheckAt recheckDue openItems sideActions proposedStage indicator { code name } unit { code name kind } leadUnit { code name kind } ' +
  'responsiblePerson { login name } archiveMaterials { code status note } accountabilityActions allowedMoves { action target immediate }';

interface Card {
  stage: string;
  classification: string | null;
  awaitingReview: string | null;
  version: number;
  allowedActions: string[];
  failedCriteria: string[];
  stageDueAt: string | null;
  pendingExtension: { requestedDueAt: string; reason: string } | null;
  rectificationPlan: { plan: string; deadline: string } | null;
}

describe('indicator task lifecycle through GraphQL', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'lifecycle' })));
  afterAll(async () => stack?.stop());

  async function act(login: string, mutation: string, input: Record<string, unknown>) {
    return gql<Record<string, Card>>(
      stack.url,
      login,
      `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${CARD} ${MORE} } }`,
      { input: { taskId, ...input } },
    );
  }

  async function legal(login: string, mutation: string, input: Record<string, unknown> = {}) {
    const before = (await eventsOf(stack.db, taskId)).length;
    const res = await act(login, mutation, input);
    expect(res.errors).toBeUndefined();
    const card = res.data![mutation];
    const after = await eventsOf(stack.db, taskId);
    expect(after).toHaveLength(before + 1);
    expect(card.version).toBe(after.length);
    // The card the mutation answers with is the card as read afterwards, to the last field; but a failed mock
    // assessment raises its rectification items after it is answered (their own workflows, then their cards), so
    // its count of open items may be behind a read a moment later.
    const read = await gql<{ indicatorTask: Card }>(stack.url, login, `{ indicatorTask(id: "${taskId}") { ${CARD} ${MORE} } }`);
    expect(read.errors).toBeUndefined();
    const raisesItems = mutation === 'recordMockAssessment';
    const withoutOpenItems = ({ openItems: _, ...rest }: Card & { openItems?: unknown }) => rest;
    if (raisesItems) expect(withoutOpenItems(card)).toEqual(withoutOpenItems(read.data!.indicatorTask));
    else expect(card).toEqual(read.data!.indicatorTask);
    return card;
  }

  async function refused(login: string, mutation: string, input: Record<string, unknown>, code: string) {
    const before = await eventsOf(stack.db, taskId);
    const res = await act(login, mutation, input);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await eventsOf(stack.db, taskId)).toEqual(before);
    return res.errors![0];
  }

  it('starts in self-check with only the unit able to act', async () => {
    const res = await gql<{ indicatorTask: { stage: string; allowedActions: string[]; indicator: { name: string }; unit: { name: string } } }>(
      stack.url,
      'wtsq.member',
      `{ indicatorTask(id: "${taskId}") { stage allowedActions indicator { name } unit { name } } }`,
    );
    expect(res.data?.indicatorTask).toEqual({ stage: 'SELF_CHECK', allowedActions: ['SUBMIT_SELF_CHECK', 'REQUEST_EXTENSION'], indicator: { name: '市民创建知晓率' }, unit: { name: '外滩社区' } });
    const supervisor = await gql<{ indicatorTask: { allowedActions: string[] } }>(stack.url, 'supervisor', `{ indicatorTask(id: "${taskId}") { allowedActions } }`);
    expect(supervisor.data?.indicatorTask.allowedActions).toEqual([]);
  });

  it('drives the task through every stage and refuses illegal moves on the way', async () => {
    await refused('supervisor', 'recordMockAssessment', { scores: [{ criterionCode: 'A4-1', score: 2 }] }, 'ILLEGAL_TRANSITION');
    await refused('bjsq.member', 'submitSelfCheck', { classification: 'MET', note: '别的单位' }, 'NOT_FOUND');
    await refused('wtsq.member', 'submitSelfCheck', { classification: 'UNKNOWN', note: '   ' }, 'BAD_USER_INPUT');

    let card = await legal('wtsq.member', 'submitSelfCheck', { classification: 'UNKNOWN', note: '知晓率无把握，申请模拟测评' });
    expect(card).toMatchObject({ stage: 'SELF_CHECK', awaitingReview: 'SELF_CHECK_REVIEW', allowedActions: [] });

    await refused('wtsq.member', 'confirmSelfCheck', {}, 'FORBIDDEN');
    await refused('supervisor', 'confirmSelfCheck', { expectedVersion: 1 }, 'CONFLICT');

    card = await legal('supervisor', 'confirmSelfCheck', { expectedVersion: 2 });
    expect(card).toMatchObject({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });

    await refused('supervisor', 'recordMockAssessment', { scores: [] }, 'BAD_USER_INPUT');
    await refused('supervisor', 'recordMockAssessment', { scores: [{ criterionCode: 'B1-1', score: 1 }] }, 'BAD_USER_INPUT');
    await refused('supervisor', 'recordMockAssessment', { scores: [{ criterionCode: 'A4-1', score: 2.5 }] }, 'BAD_USER_INPUT');
    card = await legal('supervisor', 'recordMockAssessment', { scores: [{ criterionCode: 'A4-1', score: 1.25 }], note: '问卷知晓率 62.5%' });
    expect(card).toMatchObject({ stage: 'RECTIFICATION', classification: 'NOT_MET', failedCriteria: ['A4-1'] });
    // The failed criterion's rectification item comes onto the card's count before anything else is done.
    await waitFor(async () => {
      const res = await gql<{ indicatorTask: { openItems: number } }>(stack.url, 'supervisor', `{ indicatorTask(id: "${taskId}") { openItems } }`);
      return res.data?.indicatorTask.openItems === 1;
    });

    await refused('wtsq.member', 'submitRectification', { note: '还没有方案' }, 'ILLEGAL_TRANSITION');
    await refused('wtsq.member', 'submitRectificationPlan', { plan: '入户宣传', deadline: '2030-01-01T00:00:00Z' }, 'BAD_USER_INPUT');
    card = await legal('wtsq.member', 'submitRectificationPlan', { plan: '入户宣传、发放告知书', deadline: '2027-03-15T15:59:59Z' });
    expect(card).toMatchObject({ stageDueAt: '2027-03-15T15:59:59.000Z', rectificationPlan: { plan: '入户宣传、发放告知书' } });
    await legal('wtsq.member', 'reportRectificationProgress', { note: '已入户宣传 300 户' });
    card = await legal('wtsq.member', 'requestExtension', { requestedDueAt: '2027-03-31T15:59:59Z', reason: '春节期间入户困难' });
    expect(card.pendingExtension).toEqual({ requestedDueAt: '2027-03-31T15:59:59.000Z', reason: '春节期间入户困难' });
    card = await legal('supervisor', 'approveExtension', { note: '同意' });
    expect(card).toMatchObject({ stageDueAt: '2027-03-31T15:59:59.000Z', pendingExtension: null });

    // The failed assessment raised a rectification item for A4-1: completion waits until it is verified.
    await refused('wtsq.member', 'submitRectification', { note: '宣传全覆盖' }, 'ILLEGAL_TRANSITION');
    const item = await stack.db.selectFrom('rectification_item_cards').select('item_id').where('indicator_task_id', '=', taskId).executeTakeFirstOrThrow();
    const onItem = (login: string, action: string, input: Record<string, unknown> = {}) =>
      gql(stack.url, login, 'mutation($input: ItemActionInput!) { actOnItem(input: $input) { state } }', { input: { itemId: item.item_id, action, ...input } });
    const photo = { fileName: '入户宣传.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]).toString('base64') };
    for (const [login, action, input] of [
      ['wtsq.member', 'START_RECTIFICATION', {}],
      ['wtsq.member', 'SUBMIT_RECTIFICATION', { note: '入户宣传 300 户', photos: [photo] }],
      ['supervisor2', 'VERIFY', {}],
    ] as const) {
      expect((await onItem(login, action, input)).errors).toBeUndefined();
    }
    card = await legal('wtsq.member', 'submitRectification', { note: '宣传全覆盖' });
    expect(card.awaitingReview).toBe('RECTIFICATION_REVIEW');
    card = await legal('supervisor', 'returnRectification', { reason: '缺少入户照片' });
    expect(card).toMatchObject({ stage: 'RECTIFICATION', awaitingReview: null });
    await legal('wtsq.member', 'submitRectification', { note: '补充照片 20 张' });

    card = await legal('supervisor2', 'approveRectification', { note: '复核通过' });
    expect(card).toMatchObject({ stage: 'CONSOLIDATION', classification: 'MET' });

    await refused('wtsq.member', 'startArchiving', {}, 'FORBIDDEN');
    card = await legal('office', 'startArchiving', {});
    expect(card.stage).toBe('ARCHIVING');

    // A4 is assessed by survey: the catalog asks for one material, 问卷及统计结果 (A4-M1).
    const file = { materialCode: 'A4-M1', fileName: '问卷统计.pdf', contentBase64: Buffer.from('%PDF-1.4 问卷').toString('base64') };
    await refused('wtsq.member', 'submitArchiveMaterial', { ...file, materialCode: 'A4-M9' }, 'BAD_USER_INPUT');
    await legal('wtsq.member', 'submitArchiveMaterial', { ...file, note: '问卷 300 份' });
    await refused('supervisor', 'acceptArchiveMaterial', { materialCode: 'A4-M1' }, 'FORBIDDEN');
    card = await legal('archivist', 'acceptArchiveMaterial', { materialCode: 'A4-M1' });
    expect(card).toMatchObject({ stage: 'ARCHIVED', allowedActions: [] });

    await refused('wtsq.member', 'submitArchiveMaterial', file, 'ILLEGAL_TRANSITION');

    const events = await eventsOf(stack.db, taskId);
    expect(events.map((e) => e.type)).toEqual([
      'IndicatorTaskCreated',
      'SelfCheckSubmitted',
      'SelfCheckConfirmed',
      'MockAssessmentRecorded',
      'RectificationPlanSubmitted',
      'RectificationProgressReported',
      'ExtensionRequested',
      'ExtensionApproved',
      'RectificationSubmitted',
      'RectificationReturned',
      'RectificationSubmitted',
      'RectificationApproved',
      'ArchivingStarted',
      'ArchiveMaterialSubmitted',
      'ArchiveMaterialAccepted',
    ]);
    expect(events.map((e) => e.stream_version)).toEqual(events.map((_, i) => i + 1));

    const description = await stack.temporal.workflow.getHandle(taskId).describe();
    expect(description.status.name).toBe('COMPLETED');
  });

  it('shows the finished card on the board and its history with actors', async () => {
    const res = await gql<{ board: { campaign: { id: string }; columns: { stage: string; count: number; cards: { id: string }[] }[] } }>(
      stack.url,
      'leader',
      `{ board(campaignId: "${CAMPAIGN}") { campaign { id } columns { stage count cards { id } } } }`,
    );
    const archived = res.data!.board.columns.find((c) => c.stage === 'ARCHIVED')!;
    expect(archived.cards.map((c) => c.id)).toEqual([taskId]);
    expect(res.data!.board.columns.filter((c) => c.stage !== 'ARCHIVED').every((c) => c.count === 0)).toBe(true);

    const history = await gql<{ indicatorTask: { history: { label: string; actor: { displayName: string } }[] } }>(
      stack.url,
      'office',
      `{ indicatorTask(id: "${taskId}") { history { label actor { displayName } } } }`,
    );
    expect(history.data!.indicatorTask.history[1]).toEqual({ label: '提交自查结果', actor: { displayName: '外滩社区工作人员' } });
    expect(history.data!.indicatorTask.history.at(-1)).toEqual({ label: '档案材料验收通过', actor: { displayName: '陈档案（档案组）' } });
  });

  it('links the task to its workflow in the Temporal UI the entry point knows of', async () => {
    const res = await gql<{ indicatorTask: { temporalUiUrl: string | null } }>(stack.url, 'office', `{ indicatorTask(id: "${taskId}") { temporalUiUrl } }`);
    expect(res.errors).toBeUndefined();
    const namespace = encodeURIComponent(stack.config.temporal.namespace);
    expect(res.data!.indicatorTask.temporalUiUrl).toBe(`http://localhost:8233/namespaces/${namespace}/workflows/${encodeURIComponent(taskId)}`);
  });

  it('refuses callers without a known identity', async () => {
    const res = await gql(stack.url, null, '{ me { role } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers health checks', async () => {
    const res = await fetch(`${stack.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', temporal: 'ok', worker: { state: 'RUNNING' } });
  });
});

function inputType(mutation: string): string {
  const types: Record<string, string> = {
    submitSelfCheck: 'SubmitSelfCheckInput',
    recordMockAssessment: 'RecordMockAssessmentInput',
    confirmSelfCheck: 'ApproveInput',
    approveRectification: 'ApproveInput',
    startArchiving: 'ApproveInput',
    acceptArchiveMaterial: 'AcceptArchiveMaterialInput',
    returnSelfCheck: 'ReturnInput',
    returnRectification: 'ReturnInput',
    returnArchiveMaterial: 'ReturnArchiveMaterialInput',
    reportRectificationProgress: 'NoteInput',
    submitRectificationPlan: 'RectificationPlanInput',
    requestExtension: 'RequestExtensionInput',
    approveExtension: 'ApproveInput',
    refuseExtension: 'ReturnInput',
    recordRecheck: 'RecordRecheckInput',
    submitRectification: 'NoteInput',
    submitArchiveMaterial: 'SubmitArchiveMaterialInput',
  };
  return types[mutation];
}
