// 问责 decisions through GraphQL on the real stack (issue 16): a task and an item whose due date lies weeks in the past
// climb the ladder to 问责 at once; the office proposes, a leader approves or returns; who may do what; hostile input
// refused with a code and leaving no event; the decision on the card, in the inbox, the assessment and the 红黑榜.
import { randomUUID } from 'node:crypto';
import * as ExcelJS from 'exceljs';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { RECTIFICATION_ITEM_WORKFLOW_TYPE, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import { CAMPAIGN, OFFICE_ACTOR, eventsOf, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const DAY = 86_400_000;
const CARD = 'accountabilityActions accountabilityDecisions { status holdsUnit unit { code } persons { login displayName } form formLabel reason proposedBy { displayName } decidedBy { displayName } decisionNote }';

interface Decision {
  status: string;
  holdsUnit: boolean;
  persons: { login: string; displayName: string }[];
  form: string;
  formLabel: string;
  reason: string;
  proposedBy: { displayName: string };
  decidedBy: { displayName: string } | null;
  decisionNote: string;
}

describe('问责 decisions through GraphQL', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'accountability' });
    await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, {
      campaignId: CAMPAIGN,
      indicatorCode: 'A4',
      unitCode: 'WTSQ',
      leadUnitCode: 'XCB',
      dueAt: new Date(Date.now() - 20 * DAY).toISOString(),
      createdBy: OFFICE_ACTOR,
    });
    taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A4', 'WTSQ');
    const level = async () =>
      (await gql<{ indicatorTask: { escalationLevel: string | null } }>(stack.url, 'office', `{ indicatorTask(id: "${taskId}") { escalationLevel } }`)).data?.indicatorTask.escalationLevel;
    await waitFor(async () => (await level()) === 'ACCOUNTABILITY', 60_000, 'the ladder at 问责');
  });
  afterAll(async () => stack?.stop());

  async function card(login: string): Promise<{ escalationLevel: string | null; accountabilityActions: string[]; accountabilityDecisions: Decision[] }> {
    const res = await gql<{ indicatorTask: { escalationLevel: string | null; accountabilityActions: string[]; accountabilityDecisions: Decision[] } }>(
      stack.url,
      login,
      `query($id: String!) { indicatorTask(id: $id) { escalationLevel ${CARD} } }`,
      { id: taskId },
    );
    return res.data!.indicatorTask;
  }

  async function propose(login: string, input: Record<string, unknown>) {
    return gql<{ proposeAccountabilityDecision: { version: number } }>(
      stack.url,
      login,
      'mutation($i: ProposeAccountabilityDecisionInput!) { proposeAccountabilityDecision(input: $i) { version } }',
      { i: { taskId, holdsUnit: true, personLogins: ['wtsq.head'], form: 'CRITICISM_NOTICE', reason: '自查逾期两周未交', ...input } },
    );
  }
  const review = (login: string, mutation: 'approveAccountabilityDecision' | 'returnAccountabilityDecision', input: Record<string, unknown> = {}) =>
    gql(stack.url, login, `mutation($i: ${mutation === 'approveAccountabilityDecision' ? 'ApproveInput' : 'ReturnInput'}!) { ${mutation}(input: $i) { version } }`, { i: { taskId, ...input } });
  const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
  const accountabilityEvents = async () => (await eventsOf(stack.db, taskId)).filter((e) => e.type.startsWith('Accountability')).length;

  it('offers the form to the office only, and refuses hostile input with a code, writing nothing', async () => {
    expect((await card('office')).accountabilityActions).toEqual(['PROPOSE_ACCOUNTABILITY']);
    expect((await card('leader')).accountabilityActions).toEqual([]);
    expect((await card('wtsq.head')).accountabilityActions).toEqual([]);

    // A unit head cannot propose (the access policy answers before any resolver runs).
    expect(codeOf(await propose('wtsq.head', {}))).toBe('FORBIDDEN');
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ reason: '字'.repeat(100_000) }, 'BAD_USER_INPUT', '问责理由不能超过1000字'],
      [{ reason: '逾期\u0001\u001b[31m未交' }, 'BAD_USER_INPUT', '问责理由不能包含控制字符'],
      [{ reason: '   ' }, 'BAD_USER_INPUT', '请填写问责理由'],
      [{ personLogins: Array.from({ length: 10_000 }, (_, i) => `p${i}`) }, 'BAD_USER_INPUT', '问责人员最多20人'],
      [{ personLogins: ['bjsq.head'] }, 'BAD_USER_INPUT', '「bjsq.head」不是该责任单位的人员'],
      [{ personLogins: ['no-such-person'] }, 'BAD_USER_INPUT', '「no-such-person」不是该责任单位的人员'],
      [{ personLogins: ['office'] }, 'BAD_USER_INPUT', '「office」不是该责任单位的人员'],
      [{ holdsUnit: false, personLogins: [] }, 'BAD_USER_INPUT', '请选择问责对象：责任单位和/或该单位的人员'],
      [{ form: 'OTHER' }, 'BAD_USER_INPUT', '请填写其他问责方式的说明'],
    ];
    for (const [input, code, message] of refusals) {
      const res = await propose('office', input);
      expect([code, message]).toEqual([codeOf(res), res.errors?.[0]?.message]);
    }
    expect(codeOf(await review('leader', 'approveAccountabilityDecision'))).toBe('ILLEGAL_TRANSITION');
    expect(await accountabilityEvents()).toBe(0);
  });

  it('proposal → return → proposal → approval, on the card and in the inbox; the office cannot approve its own', async () => {
    expect((await propose('office', { personLogins: ['wtsq.head', 'wtsq.member'] })).errors).toBeUndefined();
    expect(codeOf(await propose('office', {}))).toBe('ILLEGAL_TRANSITION');
    expect(codeOf(await review('office', 'approveAccountabilityDecision'))).toBe('FORBIDDEN');
    expect((await card('leader')).accountabilityActions).toEqual(['APPROVE_ACCOUNTABILITY', 'RETURN_ACCOUNTABILITY']);
    expect(codeOf(await review('leader', 'returnAccountabilityDecision', { reason: 'x'.repeat(1001) }))).toBe('BAD_USER_INPUT');
    expect((await review('leader', 'returnAccountabilityDecision', { reason: '先约谈' })).errors).toBeUndefined();

    expect((await propose('office', { form: 'OTHER', formNote: '取消年度评优' })).errors).toBeUndefined();
    expect((await review('leader', 'approveAccountabilityDecision', { note: '同意' })).errors).toBeUndefined();
    expect(codeOf(await review('leader', 'approveAccountabilityDecision'))).toBe('ILLEGAL_TRANSITION');

    const decisions = (await card('wtsq.member')).accountabilityDecisions;
    expect(decisions.map((d) => [d.status, d.formLabel, d.persons.map((p) => p.login), d.decisionNote])).toEqual([
      ['RETURNED', '通报批评', ['wtsq.head', 'wtsq.member'], '先约谈'],
      ['APPROVED', '其他（取消年度评优）', ['wtsq.head'], '同意'],
    ]);
    expect(decisions[1].decidedBy?.displayName).toContain('王组长');
    expect(await accountabilityEvents()).toBe(4);

    const inbox = async (login: string) =>
      (await gql<{ notifications: { edges: { node: { kind: string; title: string } }[] } }>(stack.url, login, '{ notifications(first: 50) { edges { node { kind title } } } }')).data!.notifications.edges
        .map((e) => e.node)
        .filter((n) => n.kind !== 'ESCALATION' && n.title.includes('问责'))
        .reverse();
    expect((await inbox('leader')).map((n) => n.kind)).toEqual(['APPROVAL_REQUEST', 'APPROVAL_REQUEST']);
    expect((await inbox('office')).map((n) => n.kind)).toEqual(['RETURNED']);
    expect((await inbox('wtsq.head')).map((n) => n.kind)).toEqual(['ACCOUNTABILITY_DECISION']);
    // The member was named only in the returned proposal: told of nothing.
    expect(await inbox('wtsq.member')).toEqual([]);
  });

  it('counts the approved decision in the performance assessment and puts the unit on the week’s 黑榜', async () => {
    const assessment = await gql<{ performanceAssessment: { units: { unit: { code: string }; deductions: { code: string; points: number }[]; accountabilityDecisions: { formLabel: string; target: string }[] }[] } }>(
      stack.url,
      'office',
      `{ performanceAssessment(campaignId: "${CAMPAIGN}") { units { unit { code } deductions { code points } accountabilityDecisions { formLabel target } } } }`,
    );
    const wtsq = assessment.data!.performanceAssessment.units.find((u) => u.unit.code === 'WTSQ')!;
    expect(wtsq.deductions).toContainEqual({ code: 'ACCOUNTABILITY_DECISION', points: 10 });
    expect(wtsq.accountabilityDecisions).toEqual([{ formLabel: '其他（取消年度评优）', target: expect.stringContaining('负责人') }]);
    const ranking = await gql<{ unitRanking: { weeks: { worst: { unit: { code: string }; accountabilityDecisions: number }[] }[] } }>(
      stack.url,
      'office',
      `{ unitRanking(campaignId: "${CAMPAIGN}") { weeks { worst { unit { code } accountabilityDecisions } } } }`,
    );
    expect(ranking.data!.unitRanking.weeks[0].worst).toContainEqual({ unit: { code: 'WTSQ' }, accountabilityDecisions: 1 });
    // The Excel export lists it on its own sheet.
    const file = await gql<{ exportPerformanceAssessment: { contentBase64: string } }>(stack.url, 'office', `{ exportPerformanceAssessment(campaignId: "${CAMPAIGN}", format: XLSX) { contentBase64 } }`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.data!.exportPerformanceAssessment.contentBase64, 'base64') as unknown as ArrayBuffer);
    const row = (workbook.getWorksheet('问责决定')!.getRow(4).values as unknown[]).slice(1);
    expect(row.slice(0, 5)).toEqual(['WTSQ', expect.any(String), expect.stringContaining('负责人'), '其他（取消年度评优）', '自查逾期两周未交']);
  });

  it('takes the same steps on a rectification item', async () => {
    const itemId = rectificationItemWorkflowId(CAMPAIGN, randomUUID());
    const input: RectificationItemInput = {
      itemId,
      campaignId: CAMPAIGN,
      source: 'SUPERVISION',
      area: 'SANITATION',
      location: { address: '外滩路 99 号', latitude: null, longitude: null },
      description: '垃圾桶满溢',
      photos: [],
      indicatorTaskId: null,
      criterionCode: null,
      inspectionRoundId: null,
      reportedBy: OFFICE_ACTOR,
      dispatch: { unitCode: 'WTSQ', dueAt: new Date(Date.now() - 20 * DAY).toISOString(), note: '' },
    };
    await stack.temporal.workflow.start(RECTIFICATION_ITEM_WORKFLOW_TYPE, { workflowId: itemId, taskQueue: stack.config.temporal.taskQueue, args: [input] });
    const item = async (login: string) =>
      (await gql<{ rectificationItem: { escalationLevel: string | null; accountabilityActions: string[]; accountabilityDecisions: Decision[] } }>(
        stack.url,
        login,
        `query($id: String!) { rectificationItem(id: $id) { escalationLevel ${CARD} } }`,
        { id: itemId },
      )).data?.rectificationItem;
    await waitFor(async () => (await item('office'))?.escalationLevel === 'ACCOUNTABILITY', 60_000, 'the item at 问责');
    const act = (login: string, mutation: string, type: string, extra: Record<string, unknown>) =>
      gql(stack.url, login, `mutation($i: ${type}!) { ${mutation}(input: $i) { id } }`, { i: { itemId, ...extra } });
    expect(codeOf(await act('wtsq.head', 'proposeItemAccountabilityDecision', 'ProposeItemAccountabilityDecisionInput', { holdsUnit: true, personLogins: [], form: 'INTERVIEW', reason: '逾期' }))).toBe('FORBIDDEN');
    expect((await act('office', 'proposeItemAccountabilityDecision', 'ProposeItemAccountabilityDecisionInput', { holdsUnit: true, personLogins: [], form: 'INTERVIEW', reason: '逾期' })).errors).toBeUndefined();
    expect(codeOf(await act('leader', 'returnItemAccountabilityDecision', 'ItemAccountabilityReviewInput', {}))).toBe('BAD_USER_INPUT');
    expect((await act('leader', 'approveItemAccountabilityDecision', 'ItemAccountabilityReviewInput', {})).errors).toBeUndefined();
    expect((await item('wtsq.member'))!.accountabilityDecisions.map((d) => [d.status, d.formLabel, d.holdsUnit])).toEqual([['APPROVED', '约谈', true]]);
  });
});
