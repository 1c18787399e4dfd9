// A briefing's workflow on the time-skipping server with a fake event store, number register and PDF: drafted,
// submitted, returned, resubmitted, approved and published once with its number and PDF (a second publish is
// refused and writes nothing); a circular naming two units climbs 提醒 → 催办 → 督办 for the one that does not
// acknowledge, naming only it, and ends once it does; the scenarios are kept as replay fixtures (RECORD_HISTORIES=1).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { briefingNumber } from '../../workflows/briefing/briefing.labels';
import { briefingActionUpdate, briefingDraftedUpdate, briefingStateQuery, BRIEFING_STREAM_PREFIX } from '../../workflows/briefing/briefing.messages';
import type { BriefingCommand, BriefingInput, BriefingKind, BriefingStateView } from '../../workflows/briefing/briefing.types';
import { briefingWorkflow } from '../../workflows/briefing/briefing.workflow';
import type { Actor } from '../../workflows/shared/actor.types';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, keepHistory, OFFICE } from '../support/workflow-fixtures';

const DAY = 86_400_000;
const LEADER: Actor = { userId: 'u-leader', displayName: '街道书记', role: 'LEADER', unitCode: null };
const WTSQ_HEAD: Actor = { userId: 'u-wt-head', displayName: '外滩社区主任', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const BJSQ_HEAD: Actor = { userId: 'u-bj-head', displayName: '滨江社区主任', role: 'UNIT_HEAD', unitCode: 'BJSQ' };
const OTHER_HEAD: Actor = { userId: 'u-cg-head', displayName: '城管局局长', role: 'UNIT_HEAD', unitCode: 'CGJ' };

describe('briefing workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'briefing-workflow-spec';
  const register = new Map<string, { seq: number; number: string }>();
  let pdfs = 0;

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: {
        appendEvents: (r: AppendRequest) => store.appendEvents(r),
        allocateBriefingNumber: async ({ briefingId, kind, year }: { briefingId: string; kind: BriefingKind; year: number }) => {
          const given = register.get(briefingId);
          if (given) return given;
          const seq = [...register.values()].filter((v) => v.number.startsWith(briefingNumber(kind, year, 0).slice(0, 10))).length + 1;
          const next = { seq, number: briefingNumber(kind, year, seq) };
          register.set(briefingId, next);
          return next;
        },
        briefingPdfForArchive: async ({ state }: { state: BriefingStateView }) => {
          pdfs += 1;
          return { sha256: 'f'.repeat(64), name: `${state.number}.pdf`, size: 100 };
        },
      },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function start(kind: BriefingKind, namedUnits: string[]) {
    const id = `${BRIEFING_STREAM_PREFIX}${randomUUID()}`;
    const input: BriefingInput = {
      campaignId: 'wf',
      kind,
      draft: { title: '三月督查通报', sections: [{ heading: '一、总体情况', body: '督查点位 42 个。' }], attachments: [], namedUnits, ackDays: 2 },
      createdBy: OFFICE,
    };
    const handle = await env.client.workflow.start(briefingWorkflow, { workflowId: id, taskQueue, args: [input] });
    await handle.executeUpdate(briefingDraftedUpdate);
    const act = (actor: Actor, command: BriefingCommand) => handle.executeUpdate(briefingActionUpdate, { args: [{ command, actor }] });
    return { id, handle, act };
  }

  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  it('is returned, resubmitted, approved and published once with its number and PDF; published, it is read-only', async () => {
    const { id, handle, act } = await start('WORK_BRIEFING', []);
    await act(OFFICE, { action: 'SUBMIT' });
    expect((await failure(act(OFFICE, { action: 'APPROVE' }))).type).toBe('FORBIDDEN');
    await act(LEADER, { action: 'RETURN', reason: '数据需核实' });
    await act(OFFICE, { action: 'SUBMIT' });
    await act(LEADER, { action: 'APPROVE', note: '同意' });
    const before = pdfs;
    const results = await Promise.allSettled([act(OFFICE, { action: 'PUBLISH' }), act(OFFICE, { action: 'PUBLISH' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(((refused.reason as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('ILLEGAL_TRANSITION');
    expect(pdfs - before).toBeGreaterThanOrEqual(1);
    const final = await handle.result();
    expect(final.number).toMatch(/^创文简报〔\d{4}〕第\d+期$/);
    expect(final.pdfSha256).toBe('f'.repeat(64));
    expect(store.stream(id).map((e) => e.type)).toEqual(['BriefingDrafted', 'BriefingSubmitted', 'BriefingReturned', 'BriefingSubmitted', 'BriefingApproved', 'BriefingPublished']);
    expect(store.stream(id)[5].data).toMatchObject({ number: final.number, pdfFileId: 'f'.repeat(64), namedUnits: [], ackDueAt: null });
    await keepHistory('briefing-returned-then-published', handle);
  });

  it('a circular climbs 提醒 → 催办 → 督办 for the unit that has not acknowledged, and ends once it does', async () => {
    const { id, handle, act } = await start('SUPERVISION_CIRCULAR', ['WTSQ', 'BJSQ']);
    await act(OFFICE, { action: 'SUBMIT' });
    await act(LEADER, { action: 'APPROVE' });
    await act(OFFICE, { action: 'PUBLISH' });
    expect((await failure(act(OTHER_HEAD, { action: 'ACKNOWLEDGE' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, { action: 'UPDATE_DRAFT', draft: { title: '改', sections: [], attachments: [], namedUnits: [], ackDays: 1 } }))).type).toBe('ILLEGAL_TRANSITION');
    await act(WTSQ_HEAD, { action: 'ACKNOWLEDGE', note: '收到' });
    const published = store.stream(id).length;
    await env.sleep(1 * DAY + 60_000);
    expect((await handle.query(briefingStateQuery)).escalationLevel).toBe('REMINDER');
    await env.sleep(1 * DAY);
    expect((await handle.query(briefingStateQuery)).escalationLevel).toBe('URGE');
    await env.sleep(2 * DAY);
    expect((await handle.query(briefingStateQuery)).escalationLevel).toBe('SUPERVISE');
    await env.sleep(30 * DAY);
    const ladder = store.stream(id).slice(published);
    expect(ladder.map((e) => [e.type, (e.data as { level: string }).level, (e.data as { unitCodes: string[] }).unitCodes])).toEqual([
      ['BriefingAckEscalated', 'REMINDER', ['BJSQ']],
      ['BriefingAckEscalated', 'URGE', ['BJSQ']],
      ['BriefingAckEscalated', 'SUPERVISE', ['BJSQ']],
    ]);
    expect(ladder[2].data).toMatchObject({ notify: ['UNIT_HEAD', 'OFFICE', 'SUPERVISOR'] });
    await act(BJSQ_HEAD, { action: 'ACKNOWLEDGE' });
    const final = await handle.result();
    expect(final.acks.every((a) => a.acknowledgedAt !== null)).toBe(true);
    await keepHistory('briefing-circular-escalated-then-acknowledged', handle);
  });
});
