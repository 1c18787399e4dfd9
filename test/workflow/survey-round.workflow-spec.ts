// A survey round on the time-skipping server with a fake event store: planned, the ladder climbs 提醒 → 催办 → 督办
// while results are owed and stops there; refused moves (a unit, the leading group, counts above the sample,
// closing with a community missing) leave no event; the office enters and corrects results and closes the round,
// which ends the run. The history is kept for the replay test (RECORD_HISTORIES=1).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { surveyRoundActionUpdate, surveyRoundStateQuery, surveyRoundWorkflowId } from '../../workflows/survey-round/survey-round.messages';
import type { SurveyRoundCommand } from '../../workflows/survey-round/survey-round.types';
import { surveyRoundWorkflow } from '../../workflows/survey-round/survey-round.workflow';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, keepHistory, OFFICE, UNIT } from '../support/workflow-fixtures';

const DAY = 86_400_000;
const LEADER: Actor = { userId: 'u-leader', displayName: '王组长', role: 'LEADER', unitCode: null };
const record = (unitCode: string, sample: number, aware: number, supporting: number, participating: number, satisfied: number): SurveyRoundCommand => ({ action: 'RECORD_RESULTS', unitCode, sample, aware, supporting, participating, satisfied });

describe('survey round workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'survey-round-workflow-spec';

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({ taskQueue, workflowsPath: require.resolve('../../workflows/index'), activities: { appendEvents: (r: AppendRequest) => store.appendEvents(r) } });
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

  it('climbs the ladder while results are owed, refuses what the rules forbid, and ends once closed', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const now = await env.currentTimeMs();
    const id = surveyRoundWorkflowId(campaignId, 'r1');
    const handle = await env.client.workflow.start(surveyRoundWorkflow, {
      workflowId: id,
      taskQueue,
      args: [{ campaignId, title: '第一轮', method: 'IN_PERSON', startDate: '2027-03-01', endDate: '2027-03-07', unitCodes: ['WTSQ', 'BJSQ'], dueAt: new Date(now + 5 * DAY).toISOString(), plannedBy: OFFICE }],
    });
    const act = (actor: Actor, command: SurveyRoundCommand) => handle.executeUpdate(surveyRoundActionUpdate, { args: [{ command, actor }] });
    const types = () => store.stream(id).map((e) => e.type);

    expect(await act(OFFICE, record('WTSQ', 200, 150, 160, 90, 140))).toEqual({ version: 2, state: 'OPEN' });
    await env.sleep(4 * DAY + 60_000); // a day before: 提醒
    await env.sleep(DAY); // the due time: 催办
    await env.sleep(3 * DAY); // 3 days after: 督办
    await env.sleep(20 * DAY);
    const ladder = store.stream(id).filter((e) => e.type === 'SurveyRoundEscalated');
    expect(ladder.map((e) => [e.data.level, e.data.missing])).toEqual([
      ['REMINDER', ['BJSQ']],
      ['URGE', ['BJSQ']],
      ['SUPERVISE', ['BJSQ']],
    ]);
    expect(ladder[2].data.notify).toEqual(['OFFICE', 'LEADER']);

    expect((await failure(act(UNIT, record('BJSQ', 10, 1, 1, 1, 1)))).type).toBe('FORBIDDEN');
    expect((await failure(act(LEADER, { action: 'CLOSE' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, record('BJSQ', 10, 11, 1, 1, 1)))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(OFFICE, record('BJSQ', 10, 1.5, 1, 1, 1)))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(OFFICE, { action: 'CLOSE' }))).type).toBe('ILLEGAL_TRANSITION');
    expect(types()).toHaveLength(5);

    await act(OFFICE, record('BJSQ', 180, 126, 135, 72, 117));
    await act(OFFICE, record('BJSQ', 180, 127, 135, 72, 117));
    expect(await act(OFFICE, { action: 'CLOSE', note: '首轮' })).toEqual({ version: 8, state: 'CLOSED' });
    await handle.result();
    expect(types().slice(5)).toEqual(['SurveyResultsRecorded', 'SurveyResultsRecorded', 'SurveyRoundClosed']);
    expect(store.stream(id)[6].data).toMatchObject({ unitCode: 'BJSQ', aware: 127, amended: true });
    expect(await handle.query(surveyRoundStateQuery)).toMatchObject({ state: 'CLOSED', closeNote: '首轮', escalationLevel: 'SUPERVISE' });
    await keepHistory('survey-round-escalated-closed', handle);
  });
});
