// The funding ledger on the time-skipping server with a fake event store: opened; a spending above the threshold waits
// and climbs 提醒 (24 h) → 催办 (72 h) → 督办 (120 h, the office told too) and no further, each step recorded once by
// the system; the leader's approval ends the waiting; refused moves leave no event; a long ledger continues as new
// carrying its lines, allocations and spendings, and keeps refusing an overdraw after it.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { fundingActionUpdate, fundingLedgerWorkflowId, fundingStateQuery } from '../../workflows/funding/funding.messages';
import type { FundingCommand, FundingLedgerInput } from '../../workflows/funding/funding.types';
import { fundingLedgerWorkflow } from '../../workflows/funding/funding.workflow';
import type { Actor } from '../../workflows/shared/actor.types';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, NEW_UNIT, OFFICE, UNIT } from '../support/workflow-fixtures';

const HOUR = 3_600_000;
const LEADER: Actor = { userId: 'u-leader', displayName: '王组长', role: 'LEADER', unitCode: null };

describe('funding ledger workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'funding-workflow-spec';

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({ taskQueue, workflowsPath: require.resolve('../../workflows/index'), activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) } });
    env = server.env;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function start(extra: Partial<FundingLedgerInput> = {}) {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const id = fundingLedgerWorkflowId(campaignId);
    const handle = await env.client.workflow.start(fundingLedgerWorkflow, { workflowId: id, taskQueue, args: [{ campaignId, openedBy: OFFICE, ...extra }] });
    const act = (actor: Actor, command: FundingCommand) => handle.executeUpdate(fundingActionUpdate, { args: [{ command, actor }] });
    await act(OFFICE, { action: 'ADD_LINE', lineId: 'l1', year: 2027, name: '外滩社区创文工作经费', amountFen: 10_000_000, unitCode: 'WTSQ', purpose: '' });
    return { handle, act, id };
  }
  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }
  const spend = (spendingId: string, amountFen: number): FundingCommand => ({ action: 'RECORD_SPENDING', spendingId, lineId: 'l1', allocationId: null, amountFen, payee: '外滩物业', spentOn: '2027-03-01', purpose: '楼道清理', receipts: [] });
  const types = (id: string) => store.stream(id).map((e) => e.type);

  it('holds a spending above the threshold and climbs 提醒 → 催办 → 督办 until the leader decides', async () => {
    const { handle, act, id } = await start();
    // At the default threshold (5 万元) a spending is recorded at once.
    await act(UNIT, spend('s-first', 5_000_000));
    await act(UNIT, spend('s-second', 4_000_001));
    expect((await handle.query(fundingStateQuery)).spendings.map((s) => s.state)).toEqual(['RECORDED', 'RECORDED']);
    await act(OFFICE, { action: 'SET_THRESHOLD', thresholdFen: 100_000 });
    await act(UNIT, spend('s-wait', 100_001));
    await env.sleep(23 * HOUR);
    expect(types(id).filter((t) => t === 'SpendingApprovalEscalated')).toHaveLength(0);
    await env.sleep(2 * HOUR);
    await env.sleep(48 * HOUR);
    await env.sleep(48 * HOUR);
    const ladder = store.stream(id).filter((e) => e.type === 'SpendingApprovalEscalated');
    expect(ladder.map((e) => [e.data.spendingId, e.data.level, e.data.notify])).toEqual([
      ['s-wait', 'REMINDER', ['LEADER']],
      ['s-wait', 'URGE', ['LEADER']],
      ['s-wait', 'SUPERVISE', ['LEADER', 'OFFICE']],
    ]);
    expect(ladder[0].metadata.actor).toMatchObject({ userId: 'system' });
    await env.sleep(30 * 24 * HOUR);
    expect(store.stream(id).filter((e) => e.type === 'SpendingApprovalEscalated')).toHaveLength(3);

    const before = types(id).length;
    expect((await failure(act(NEW_UNIT, spend('s-other', 1)))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, { action: 'APPROVE_SPENDING', spendingId: 's-wait', note: '' }))).type).toBe('FORBIDDEN');
    // Left on the line: 10,000,000 − 5,000,000 − 4,000,001 − 100,001 (pending counts) = 899,998 fen.
    expect((await failure(act(UNIT, spend('s-over', 899_999)))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(UNIT, spend('s-float', 1.5)))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(LEADER, { action: 'REJECT_SPENDING', spendingId: 's-wait', reason: '' }))).type).toBe('BAD_USER_INPUT');
    expect(types(id)).toHaveLength(before);
    await act(LEADER, { action: 'APPROVE_SPENDING', spendingId: 's-wait', note: '同意' });
    expect((await failure(act(LEADER, { action: 'APPROVE_SPENDING', spendingId: 's-wait', note: '' }))).type).toBe('ILLEGAL_TRANSITION');
    expect((await handle.query(fundingStateQuery)).spendings.find((s) => s.spendingId === 's-wait')).toMatchObject({ state: 'APPROVED', decidedBy: 'u-leader', decisionNote: '同意', escalationLevel: 'SUPERVISE' });
    await handle.terminate('test done');
  });

  it('continues as new before its history is long, carrying the whole ledger, and still refuses an overdraw', async () => {
    const { handle, act, id } = await start({ historyLimit: 40 });
    const firstRun = (await handle.describe()).runId;
    for (let i = 0; i < 20; i++) await act(OFFICE, { action: 'ALLOCATE', allocationId: `a${i}`, lineId: 'l1', target: { kind: 'DRIVE', area: 'SANITATION' }, amountFen: 500_000, note: '' });
    expect((await failure(act(OFFICE, { action: 'ALLOCATE', allocationId: 'a-over', lineId: 'l1', target: { kind: 'DRIVE', area: 'MARKETS' }, amountFen: 1, note: '' }))).type).toBe('BAD_USER_INPUT');
    const latest = env.client.workflow.getHandle(id);
    expect((await latest.describe()).runId).not.toBe(firstRun);
    const state = await latest.query(fundingStateQuery);
    expect(state.allocations).toHaveLength(20);
    expect(state.version).toBe(types(id).length);
    await latest.terminate('test done');
  });
});
