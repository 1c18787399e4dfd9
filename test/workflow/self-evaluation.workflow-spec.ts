// A self-evaluation round on the time-skipping server with a fake event store: opened, the ladder climbs 提醒 → 催办 →
// 督办 while forms are missing, naming the units still owing; refused moves (a unit filling another's form, the office
// filling a unit's, a task not the unit's, an oversized text, a leader returning) leave no event; a unit submits, the
// office returns it, the unit resubmits and the office closes the round, which ends the run. Then the campaign's 评议:
// only the leading group grades, a revision needs a reason.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { appraisalActionUpdate, appraisalStateQuery, appraisalWorkflowId } from '../../workflows/appraisal/appraisal.messages';
import type { AppraisalCommand } from '../../workflows/appraisal/appraisal.types';
import { appraisalWorkflow } from '../../workflows/appraisal/appraisal.workflow';
import { selfEvaluationActionUpdate, selfEvaluationStateQuery, selfEvaluationWorkflowId } from '../../workflows/self-evaluation/self-evaluation.messages';
import type { SelfEvaluationCommand } from '../../workflows/self-evaluation/self-evaluation.types';
import { selfEvaluationWorkflow } from '../../workflows/self-evaluation/self-evaluation.workflow';
import type { Actor } from '../../workflows/shared/actor.types';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { FakeEventStore, NEW_UNIT, OFFICE, UNIT } from '../support/workflow-fixtures';

const DAY = 86_400_000;
const LEADER: Actor = { userId: 'u-leader', displayName: '王组长', role: 'LEADER', unitCode: null };
const form = (unitCode: string, items: { taskId: string; status: 'MET' | 'NOT_MET' | 'UNKNOWN'; note: string }[], achievements = '完成了门前三包整治'): SelfEvaluationCommand => ({
  action: 'SUBMIT',
  unitCode,
  items,
  achievements,
  shortcomings: '宣传栏更新不及时',
  nextSteps: '每周巡查一次',
  selfGrade: 'GOOD',
});

describe('self-evaluation workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'self-evaluation-workflow-spec';

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

  it('climbs the ladder while forms are missing, refuses what the rules forbid, takes a return and a resubmission, and ends once closed', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const now = await env.currentTimeMs();
    const id = selfEvaluationWorkflowId(campaignId, 'r1');
    const units = [
      { unitCode: 'SUBDISTRICT', taskIds: [] },
      { unitCode: 'WTSQ', taskIds: ['t-w1', 't-w2'] },
      { unitCode: 'BJSQ', taskIds: ['t-b1'] },
    ];
    const handle = await env.client.workflow.start(selfEvaluationWorkflow, {
      workflowId: id,
      taskQueue,
      args: [{ campaignId, title: '第一季度自查自评', periodStart: '2027-01-01', periodEnd: '2027-03-31', dueAt: new Date(now + 5 * DAY).toISOString(), units, openedBy: OFFICE }],
    });
    const act = (actor: Actor, command: SelfEvaluationCommand) => handle.executeUpdate(selfEvaluationActionUpdate, { args: [{ command, actor }] });
    const types = () => store.stream(id).map((e) => e.type);
    const wtsq = [
      { taskId: 't-w1', status: 'MET' as const, note: '' },
      { taskId: 't-w2', status: 'NOT_MET' as const, note: '公厕保洁不到位' },
    ];

    // On time: 外滩社区 submits its own form.
    expect(await act(UNIT, form('WTSQ', wtsq))).toEqual({ version: 2, state: 'OPEN' });
    // Hostile: another unit's form, the office filling a unit's, a task not the unit's, a task twice, too long, missing a task.
    expect((await failure(act(NEW_UNIT, form('WTSQ', wtsq)))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, form('BJSQ', [{ taskId: 't-b1', status: 'MET', note: '' }])))).type).toBe('FORBIDDEN');
    expect((await failure(act(NEW_UNIT, form('BJSQ', [{ taskId: 't-w1', status: 'MET', note: '' }])))).message).toBe('自评的任务不是本单位的任务');
    expect((await failure(act(NEW_UNIT, form('BJSQ', [{ taskId: 't-b1', status: 'MET', note: '' }, { taskId: 't-b1', status: 'MET', note: '' }])))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(NEW_UNIT, form('BJSQ', [{ taskId: 't-b1', status: 'MET', note: '' }], '长'.repeat(2001))))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(NEW_UNIT, form('BJSQ', [])))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(UNIT, form('WTSQ', wtsq)))).type).toBe('ILLEGAL_TRANSITION'); // submitted: returned first
    expect((await failure(act(LEADER, { action: 'RETURN', unitCode: 'WTSQ', reason: '不全' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(OFFICE, { action: 'RETURN', unitCode: 'WTSQ', reason: '   ' }))).type).toBe('BAD_USER_INPUT');
    expect(types()).toEqual(['SelfEvaluationOpened', 'SelfEvaluationSubmitted']);

    await env.sleep(4 * DAY + 60_000); // a day before: 提醒
    await env.sleep(DAY); // the due time: 催办
    // Late: 滨江社区 submits after the due time.
    await act(NEW_UNIT, form('BJSQ', [{ taskId: 't-b1', status: 'UNKNOWN', note: '待模拟测评' }]));
    await env.sleep(3 * DAY); // 3 days after: 督办 (the sub-district still owes its form)
    await env.sleep(20 * DAY);
    const ladder = store.stream(id).filter((e) => e.type === 'SelfEvaluationEscalated');
    expect(ladder.map((e) => [e.data.level, e.data.missing])).toEqual([
      ['REMINDER', ['SUBDISTRICT', 'BJSQ']],
      ['URGE', ['SUBDISTRICT', 'BJSQ']],
      ['SUPERVISE', ['SUBDISTRICT']],
    ]);
    expect(ladder[2].data.notify).toEqual(['OFFICE', 'LEADER']);

    await act(OFFICE, { action: 'RETURN', unitCode: 'WTSQ', reason: '第2项请补充整改措施' });
    await act(UNIT, form('WTSQ', [wtsq[0], { ...wtsq[1], note: '已安排专人保洁，下周复查' }]));
    await act(OFFICE, { action: 'SUBMIT', unitCode: 'SUBDISTRICT', items: [], achievements: '街道整体推进有力', shortcomings: '个别社区滞后', nextSteps: '迎检冲刺', selfGrade: 'GOOD' });
    expect(await act(OFFICE, { action: 'CLOSE', note: '第一季度' })).toEqual({ version: 10, state: 'CLOSED' });
    await handle.result();
    const state = await handle.query(selfEvaluationStateQuery);
    expect(state.forms.map((f) => [f.unitCode, f.state, f.late, f.submissions])).toEqual([
      ['SUBDISTRICT', 'SUBMITTED', true, 1],
      ['WTSQ', 'SUBMITTED', false, 2],
      ['BJSQ', 'SUBMITTED', true, 1],
    ]);
    expect(store.stream(id).find((e) => e.type === 'SelfEvaluationReturned')!.data).toMatchObject({ unitCode: 'WTSQ', reason: '第2项请补充整改措施' });
  });

  it('lets only the leading group grade units and rate groups, a revision only with a reason', async () => {
    const campaignId = `wf-${randomUUID().slice(0, 8)}`;
    const id = appraisalWorkflowId(campaignId);
    const handle = await env.client.workflow.start(appraisalWorkflow, { workflowId: id, taskQueue, args: [{ campaignId, openedBy: LEADER }] });
    const act = (actor: Actor, command: AppraisalCommand) => handle.executeUpdate(appraisalActionUpdate, { args: [{ command, actor }] });

    expect((await failure(act(OFFICE, { action: 'GRADE_UNIT', unitCode: 'WTSQ', grade: 'EXCELLENT', comment: '' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(UNIT, { action: 'GRADE_UNIT', unitCode: 'WTSQ', grade: 'EXCELLENT', comment: '' }))).type).toBe('FORBIDDEN');
    expect((await failure(act(LEADER, { action: 'GRADE_UNIT', unitCode: 'WTSQ', grade: 'SUPERB' as never, comment: '' }))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act(LEADER, { action: 'RATE_GROUP', group: 'ARCHIVE' as never, rating: 'MET', comment: '' }))).type).toBe('BAD_USER_INPUT');
    await act(LEADER, { action: 'GRADE_UNIT', unitCode: 'WTSQ', grade: 'GOOD', comment: '工作扎实' });
    expect((await failure(act(LEADER, { action: 'GRADE_UNIT', unitCode: 'WTSQ', grade: 'EXCELLENT', comment: '工作扎实' }))).type).toBe('BAD_USER_INPUT'); // a revision needs its reason
    await act(LEADER, { action: 'GRADE_UNIT', unitCode: 'WTSQ', grade: 'EXCELLENT', comment: '工作扎实', reason: '复核后上调' });
    await act(LEADER, { action: 'RATE_GROUP', group: 'ARCHIVES', rating: 'MET', comment: '档案齐全' });
    const state = await handle.query(appraisalStateQuery);
    expect(state.grades).toEqual([expect.objectContaining({ unitCode: 'WTSQ', grade: 'EXCELLENT', revisions: 1, lastReason: '复核后上调' })]);
    expect(state.ratings).toEqual([expect.objectContaining({ group: 'ARCHIVES', rating: 'MET', revisions: 0 })]);
    expect(store.stream(id).map((e) => e.type)).toEqual(['AppraisalOpened', 'UnitGraded', 'UnitGraded', 'WorkingGroupRated']);
    await handle.terminate('test over');
  });
});
