// The publicity ledger on the time-skipping server with a fake event store: opened once; the office's entries are
// recorded, corrected and voided one at a time; refused moves (another role, a count of 0, voiding twice) leave no
// event; with no timers the run only waits, and a long ledger continues as new carrying every entry, refusing a
// duplicate entry id after it.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { publicityActionUpdate, publicityLedgerWorkflowId, publicityStateQuery } from '../../workflows/publicity/publicity.messages';
import type { PublicityCommand, PublicityLedgerInput } from '../../workflows/publicity/publicity.types';
import { publicityLedgerWorkflow } from '../../workflows/publicity/publicity.workflow';
import type { Actor } from '../../workflows/shared/actor.types';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, OFFICE, UNIT } from '../support/workflow-fixtures';

const FIELDS = { channel: 'BANNER' as const, location: '中山东一路', unitCode: 'WTSQ', count: 12, heldOn: '2026-11-03', indicatorCodes: ['A1'], photos: [], note: '' };

describe('publicity ledger workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'publicity-workflow-spec';

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({ taskQueue, workflowsPath: require.resolve('../../workflows/index'), activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) } });
    env = server.env;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function start(extra: Partial<PublicityLedgerInput> = {}) {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const id = publicityLedgerWorkflowId(campaignId);
    const handle = await env.client.workflow.start(publicityLedgerWorkflow, { workflowId: id, taskQueue, args: [{ campaignId, openedBy: OFFICE, ...extra }] });
    const act = (actor: Actor, command: PublicityCommand) => handle.executeUpdate(publicityActionUpdate, { args: [{ command, actor }] });
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
  const types = (id: string) => store.stream(id).map((e) => e.type);

  it('records, corrects and voids one at a time; refusals leave no event', async () => {
    const { handle, act, id } = await start();
    await act(OFFICE, { action: 'RECORD_ENTRY', entryId: 'e1', ...FIELDS });
    expect((await failure(act(UNIT, { action: 'RECORD_ENTRY', entryId: 'e2', ...FIELDS }))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, { action: 'RECORD_ENTRY', entryId: 'e2', ...FIELDS, count: 0 }))).type).toBe('BAD_USER_INPUT');
    await act(OFFICE, { action: 'CORRECT_ENTRY', entryId: 'e1', ...FIELDS, count: 14, reason: '复核' });
    await act(OFFICE, { action: 'VOID_ENTRY', entryId: 'e1', reason: '重复' });
    expect((await failure(act(OFFICE, { action: 'VOID_ENTRY', entryId: 'e1', reason: '再' }))).type).toBe('ILLEGAL_TRANSITION');
    expect(types(id)).toEqual(['PublicityLedgerOpened', 'PublicityEntryRecorded', 'PublicityEntryCorrected', 'PublicityEntryVoided']);
    // No timers: a month passes and nothing is recorded.
    await env.sleep(30 * 24 * 3_600_000);
    expect(types(id)).toHaveLength(4);
    expect((await handle.query(publicityStateQuery)).entries).toMatchObject([{ entryId: 'e1', count: 14, voided: true, corrections: 1 }]);
    await handle.terminate('test done');
  });

  it('continues as new before its history is long, carrying every entry', async () => {
    const { handle, act, id } = await start({ historyLimit: 40 });
    const firstRun = (await handle.describe()).runId;
    for (let i = 0; i < 20; i++) await act(OFFICE, { action: 'RECORD_ENTRY', entryId: `e${i}`, ...FIELDS });
    expect((await failure(act(OFFICE, { action: 'RECORD_ENTRY', entryId: 'e0', ...FIELDS }))).type).toBe('BAD_USER_INPUT');
    const latest = env.client.workflow.getHandle(id);
    expect((await latest.describe()).runId).not.toBe(firstRun);
    const state = await latest.query(publicityStateQuery);
    expect(state.entries).toHaveLength(20);
    expect(state.version).toBe(types(id).length);
    await latest.terminate('test done');
  });
});
