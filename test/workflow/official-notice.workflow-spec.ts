// An official notice's workflow on the time-skipping server with a fake event store and number register: it is
// numbered once (a retried allocation gives the same number), issued, acknowledged by the head of its unit and
// then ends; a refused 签收 leaves no event; an unacknowledged notice climbs 催签 → 督办 at its deadlines and
// stops there; the scenarios are kept as replay fixtures (RECORD_HISTORIES=1).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { noticeNumber } from '../../workflows/official-notice/official-notice.labels';
import { noticeActionUpdate, noticeIssuedUpdate, noticeStateQuery, OFFICIAL_NOTICE_STREAM_PREFIX } from '../../workflows/official-notice/official-notice.messages';
import type { NoticeKind, OfficialNoticeInput } from '../../workflows/official-notice/official-notice.types';
import { officialNoticeWorkflow } from '../../workflows/official-notice/official-notice.workflow';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, keepHistory, OFFICE, UNIT } from '../support/workflow-fixtures';

const DAY = 86_400_000;
const HEAD: Actor = { userId: 'u-head', displayName: '外滩社区主任', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const OTHER_HEAD: Actor = { userId: 'u-bj-head', displayName: '滨江社区主任', role: 'UNIT_HEAD', unitCode: 'BJSQ' };

describe('official notice workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'official-notice-workflow-spec';
  // The register as the real one keeps it: per kind and year, once per notice id.
  const register = new Map<string, { seq: number; number: string }>();
  let allocations = 0;
  let failNextAllocation = false;

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: {
        appendEvents: (r: AppendRequest) => store.appendEvents(r),
        allocateNoticeNumber: async ({ noticeId, kind, year }: { noticeId: string; kind: NoticeKind; year: number }) => {
          allocations += 1;
          const given = register.get(noticeId) ?? { seq: [...register.values()].filter((v) => v.number.startsWith(noticeNumber(kind, year, 0).slice(0, 9))).length + 1, number: '' };
          if (!given.number) {
            given.number = noticeNumber(kind, year, given.seq);
            register.set(noticeId, given);
          }
          // The register wrote the number but the answer was lost: the retry must get the same one.
          if (failNextAllocation) {
            failNextAllocation = false;
            throw new Error('connection reset');
          }
          return given;
        },
      },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  function input(extra: Partial<OfficialNoticeInput> = {}): OfficialNoticeInput {
    return {
      campaignId: 'wf',
      taskId: 'indicator-task:wf:1.1.1:WTSQ',
      itemId: null,
      unitCode: 'WTSQ',
      indicatorCode: '1.1.1',
      title: '测评指标 1.1.1',
      dueAt: '2027-03-31T16:00:00.000Z',
      kind: 'SUPERVISION',
      trigger: 'ESCALATION',
      level: 'SUPERVISE',
      note: '',
      sourceEventId: randomUUID(),
      issuedBy: SYSTEM_ACTOR,
      ...extra,
    };
  }

  async function start(extra: Partial<OfficialNoticeInput> = {}) {
    const id = `${OFFICIAL_NOTICE_STREAM_PREFIX}${randomUUID()}`;
    const handle = await env.client.workflow.start(officialNoticeWorkflow, { workflowId: id, taskQueue, args: [input(extra)] });
    const ack = (actor: Actor, note?: string) => handle.executeUpdate(noticeActionUpdate, { args: [{ command: { action: 'ACKNOWLEDGE', note }, actor }] });
    return { id, handle, ack };
  }

  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  it('is numbered once, issued, acknowledged by the head of its unit only, and then ends', async () => {
    const before = allocations;
    failNextAllocation = true;
    const { id, handle, ack } = await start();
    const issued = await handle.executeUpdate(noticeIssuedUpdate);
    expect(allocations - before).toBe(2); // the lost answer, then the retry
    expect(issued.number).toMatch(/^创文督〔\d{4}〕\d+号$/);
    expect(register.get(id)?.number).toBe(issued.number);

    expect((await failure(ack(OTHER_HEAD))).type).toBe('FORBIDDEN');
    expect((await failure(ack(UNIT))).type).toBe('FORBIDDEN');
    expect((await failure(ack(OFFICE))).type).toBe('FORBIDDEN');
    expect(store.stream(id).map((e) => e.type)).toEqual(['NoticeIssued']);

    expect(await ack(HEAD, '已收到，立即整改')).toEqual({ version: 2, state: 'ACKNOWLEDGED' });
    const final = await handle.result();
    expect([final.state, final.acknowledgedBy, final.ackNote]).toEqual(['ACKNOWLEDGED', 'u-head', '已收到，立即整改']);
    const events = store.stream(id);
    expect(events.map((e) => [e.type, e.streamVersion])).toEqual([
      ['NoticeIssued', 1],
      ['NoticeAcknowledged', 2],
    ]);
    expect(events[0].data).toMatchObject({ kind: 'SUPERVISION', number: issued.number, unitCode: 'WTSQ', ackDueAt: expect.any(String) });
    await keepHistory('official-notice-acknowledged', handle);
  });

  it('unacknowledged, climbs 催签 at the 签收 deadline and 督办 as long again after, then waits; a late 签收 still ends it', async () => {
    const { id, handle, ack } = await start({ kind: 'INTERVIEW', level: 'INTERVIEW', ackHours: 48 });
    const issued = await handle.executeUpdate(noticeIssuedUpdate);
    expect(issued.number).toMatch(/^创文约〔\d{4}〕\d+号$/);
    await env.sleep(2 * DAY + 60_000);
    expect((await handle.query(noticeStateQuery)).escalationLevel).toBe('URGE');
    await env.sleep(2 * DAY);
    expect((await handle.query(noticeStateQuery)).escalationLevel).toBe('SUPERVISE');
    await env.sleep(30 * DAY);
    expect(store.stream(id).map((e) => [e.type, (e.data as { level?: string }).level ?? null])).toEqual([
      ['NoticeIssued', 'INTERVIEW'],
      ['NoticeAckEscalated', 'URGE'],
      ['NoticeAckEscalated', 'SUPERVISE'],
    ]);
    expect(store.stream(id)[2].data).toMatchObject({ notify: ['UNIT_HEAD', 'OFFICE'] });
    await ack(HEAD);
    expect((await handle.result()).state).toBe('ACKNOWLEDGED');
    await keepHistory('official-notice-overdue-then-acknowledged', handle);
  });

  it('a 签收 sent twice at once is recorded once', async () => {
    const { id, handle, ack } = await start({ kind: 'RECTIFICATION', taskId: null, itemId: 'rectification-item:wf:1' });
    await handle.executeUpdate(noticeIssuedUpdate);
    const results = await Promise.allSettled([ack(HEAD), ack(HEAD)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(store.stream(id).filter((e) => e.type === 'NoticeAcknowledged')).toHaveLength(1);
  });
});
