// The mobilization workflows on the time-skipping server with a fake event store: a document is issued and falls
// due at its deadline; a unit's response is opened, refuses other units and the office's 签收 without writing, and
// a missing submission climbs 提醒 → 催办 → 督办 and stops there; a submission after a return is reviewed again and
// approval ends the run. The scenarios are kept as replay fixtures (RECORD_HISTORIES=1).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { mobilizationDocStateQuery, mobilizationResponseStateQuery, responseActionUpdate } from '../../workflows/mobilization/mobilization.messages';
import type { MobilizationResponseInput, ResponseCommand } from '../../workflows/mobilization/mobilization.types';
import { mobilizationDocumentWorkflow, mobilizationResponseWorkflow } from '../../workflows/mobilization/mobilization.workflow';
import type { Actor } from '../../workflows/shared/actor.types';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, keepHistory, NEW_UNIT, OFFICE, UNIT } from '../support/workflow-fixtures';

const DAY = 86_400_000;
const HEAD: Actor = { userId: 'u-head', displayName: '外滩社区主任', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const FILE = { sha256: 'c'.repeat(64), name: '外滩社区创文工作实施方案.pdf', size: 2048, mimeType: 'application/pdf' };

describe('mobilization workflows', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'mobilization-workflow-spec';

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  async function startResponse(dueInMs: number, extra: Partial<MobilizationResponseInput> = {}) {
    const key = randomUUID();
    const id = `mobilization-resp-${key}-WTSQ`;
    const now = await env.currentTimeMs();
    const input: MobilizationResponseInput = {
      documentId: `mobilization-doc-${key}`,
      campaignId: 'wf',
      unitCode: 'WTSQ',
      title: '创文动员实施方案',
      requiresPlan: true,
      requiresGroup: true,
      dueAt: new Date(now + dueInMs).toISOString(),
      ...extra,
    };
    const handle = await env.client.workflow.start(mobilizationResponseWorkflow, { workflowId: id, taskQueue, args: [input] });
    const act = (actor: Actor, command: ResponseCommand) => handle.executeUpdate(responseActionUpdate, { args: [{ command, actor }] });
    return { id, handle, act, input };
  }

  it('issues a document and marks it due at its deadline', async () => {
    const id = `mobilization-doc-${randomUUID()}`;
    const now = await env.currentTimeMs();
    const handle = await env.client.workflow.start(mobilizationDocumentWorkflow, {
      workflowId: id,
      taskQueue,
      args: [
        {
          campaignId: 'wf',
          kind: 'IMPLEMENTATION_PLAN',
          title: '某街道创建全国文明城区动员实施方案',
          summary: '动员部署',
          file: FILE,
          unitCodes: ['WTSQ', 'BJSQ'],
          requiresPlan: true,
          requiresGroup: true,
          dueAt: new Date(now + 5 * DAY).toISOString(),
          issuedBy: OFFICE,
        },
      ],
    });
    const final = await handle.result();
    expect(final.status).toBe('DUE');
    expect(store.stream(id).map((e) => e.type)).toEqual(['MobilizationDocumentIssued', 'MobilizationDocumentDue']);
    expect(store.stream(id)[0].data).toMatchObject({ unitCodes: ['WTSQ', 'BJSQ'], requiresPlan: true });
    await expect(handle.query(mobilizationDocStateQuery)).resolves.toMatchObject({ status: 'DUE' });
  });

  it('a missing submission climbs 提醒 → 催办 → 督办 and stops; other units and the office cannot 签收, and write nothing', async () => {
    const { id, handle, act } = await startResponse(3 * DAY);
    await env.sleep(60_000);
    expect((await failure(act(NEW_UNIT, { action: 'ACKNOWLEDGE' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, { action: 'ACKNOWLEDGE' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, { action: 'APPROVE' }))).type).toBe('ILLEGAL_TRANSITION');
    expect(store.stream(id).map((e) => e.type)).toEqual(['MobilizationResponseOpened']);

    await act(UNIT, { action: 'ACKNOWLEDGE', note: '已收到' });
    await env.sleep(2 * DAY + 60_000); // a day before the deadline
    expect((await handle.query(mobilizationResponseStateQuery)).escalationLevel).toBe('REMINDER');
    await env.sleep(DAY);
    expect((await handle.query(mobilizationResponseStateQuery)).escalationLevel).toBe('URGE');
    await env.sleep(2 * DAY);
    expect((await handle.query(mobilizationResponseStateQuery)).escalationLevel).toBe('SUPERVISE');
    await env.sleep(30 * DAY);
    const escalations = store.stream(id).filter((e) => e.type === 'MobilizationEscalated');
    expect(escalations.map((e) => (e.data as { level: string }).level)).toEqual(['REMINDER', 'URGE', 'SUPERVISE']);
    expect(escalations[2].data).toMatchObject({ missing: ['PLAN', 'GROUP'], notify: ['UNIT_MEMBER', 'UNIT_HEAD', 'OFFICE'] });

    // Late, but handed in: reviewed, returned, handed in again, approved; the run ends.
    await act(UNIT, { action: 'SUBMIT_PLAN', file: FILE, summary: '分三阶段推进' });
    await act(HEAD, { action: 'REGISTER_GROUP', group: { leader: '王主任', members: ['张科员'], phone: '13812345678' } });
    expect((await failure(act(UNIT, { action: 'SUBMIT_PLAN', file: FILE, summary: '再改' }))).type).toBe('ILLEGAL_TRANSITION');
    expect(await act(OFFICE, { action: 'RETURN', reason: '缺少时间节点' })).toMatchObject({ review: 'RETURNED' });
    expect(await act(UNIT, { action: 'SUBMIT_PLAN', file: FILE, summary: '补充时间节点' })).toMatchObject({ review: 'SUBMITTED' });
    expect(await act(OFFICE, { action: 'APPROVE', note: '同意' })).toMatchObject({ review: 'APPROVED' });
    const final = await handle.result();
    expect([final.review, final.returns, final.escalationLevel]).toEqual(['APPROVED', 1, 'SUPERVISE']);
    expect(store.stream(id).map((e) => e.type)).toEqual([
      'MobilizationResponseOpened',
      'MobilizationAcknowledged',
      'MobilizationEscalated',
      'MobilizationEscalated',
      'MobilizationEscalated',
      'MobilizationPlanSubmitted',
      'MobilizationGroupRegistered',
      'MobilizationReturned',
      'MobilizationPlanSubmitted',
      'MobilizationApproved',
    ]);
    await keepHistory('mobilization-response-escalated-returned-approved', handle);
  });

  it('handed in on time, climbs nothing; asked only for 签收, ends once acknowledged', async () => {
    const onTime = await startResponse(10 * DAY, { requiresGroup: false });
    await onTime.act(UNIT, { action: 'ACKNOWLEDGE' });
    await onTime.act(UNIT, { action: 'SUBMIT_PLAN', file: FILE, summary: '按期提交' });
    await env.sleep(20 * DAY);
    expect(store.stream(onTime.id).some((e) => e.type === 'MobilizationEscalated')).toBe(false);
    await onTime.act(OFFICE, { action: 'APPROVE' });
    expect((await onTime.handle.result()).review).toBe('APPROVED');

    const ackOnly = await startResponse(10 * DAY, { requiresPlan: false, requiresGroup: false });
    await ackOnly.act(HEAD, { action: 'ACKNOWLEDGE' });
    expect((await ackOnly.handle.result()).acknowledgedBy).toBe('u-head');
  });
});
