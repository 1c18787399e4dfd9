// Time on the real Temporal dev server, not the time-skipping one: a task whose rules of time are seconds long
// climbs the whole escalation ladder, has its deadline moved by an approved extension, and relapses when a
// periodic re-check falls due and fails, all on durable timers in wall-clock time, seen through GraphQL.
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { DEFAULT_TASK_POLICY, type TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';
import { CAMPAIGN, OFFICE_ACTOR, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const SECOND_IN_HOURS = 1 / 3600;

/** The campaign's rules, in seconds instead of days: reminder 2 s before, then a step every second after. */
const FAST: TaskPolicy = {
  ...DEFAULT_TASK_POLICY,
  reminderBeforeHours: 2 * SECOND_IN_HOURS,
  escalationAfterHours: { URGE: 0, SUPERVISE: 1 * SECOND_IN_HOURS, INTERVIEW: 2 * SECOND_IN_HOURS, ACCOUNTABILITY: 3 * SECOND_IN_HOURS },
  recheckDays: { relapseProne: 3 / 86_400, other: 3 / 86_400 },
};

interface HistoryEntry {
  type: string;
  label: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

describe('deadlines, escalation, extensions and relapses in real time', () => {
  let stack: TestStack;

  beforeAll(async () => (stack = await startSeededStack({ prefix: 'realtime' })));
  afterAll(async () => stack?.stop());

  async function start(indicatorCode: string, dueInMs: number): Promise<string> {
    await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, {
      campaignId: CAMPAIGN,
      indicatorCode,
      unitCode: 'WTSQ',
      leadUnitCode: 'XCB',
      dueAt: new Date(Date.now() + dueInMs).toISOString(),
      createdBy: OFFICE_ACTOR,
      policy: FAST,
    });
    const taskId = indicatorTaskWorkflowId(CAMPAIGN, indicatorCode, 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined);
    return taskId;
  }

  async function history(taskId: string): Promise<HistoryEntry[]> {
    const res = await gql<{ indicatorTask: { history: HistoryEntry[] } }>(stack.url, 'office', `query($id: String!) { indicatorTask(id: $id) { history { type label occurredAt data } } }`, { id: taskId });
    return res.data!.indicatorTask.history;
  }

  const ladder = async (taskId: string) => (await history(taskId)).filter((e) => e.type === 'DeadlineEscalated').map((e) => e.data.level);

  async function act(login: string, mutation: string, inputType: string, input: Record<string, unknown>) {
    const res = await gql<Record<string, { stage: string; relapseCount: number; escalationLevel: string | null }>>(
      stack.url,
      login,
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { stage relapseCount escalationLevel } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    return res.data![mutation];
  }

  it('climbs 提醒 → 催办 → 督办 → 约谈 → 问责 on the clock, each step on the card and in its history', async () => {
    const taskId = await start('A1', 4_000);
    await waitFor(async () => (await ladder(taskId)).length === 5, 30_000, 'the whole ladder');
    expect(await ladder(taskId)).toEqual(['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY']);
    const steps = (await history(taskId)).filter((e) => e.type === 'DeadlineEscalated');
    expect(steps.map((e) => e.label)).toEqual(['提醒（自查自评时限）', '催办（自查自评时限）', '督办（自查自评时限）', '约谈（自查自评时限）', '问责（自查自评时限）']);
    // In order, a second or so apart, as the rules say.
    const at = steps.map((e) => Date.parse(e.occurredAt));
    for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThanOrEqual(at[i - 1]);
    const card = await gql<{ indicatorTask: { escalationLevel: string } }>(stack.url, 'wtsq.member', `{ indicatorTask(id: "${taskId}") { escalationLevel } }`);
    expect(card.data!.indicatorTask.escalationLevel).toBe('ACCOUNTABILITY');
    // Nothing more comes: the ladder has no step after 问责.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await ladder(taskId)).toHaveLength(5);
  });

  it('moves the timers with an approved extension: no urging at the old deadline, the ladder restarts from the new one', async () => {
    const taskId = await start('A2', 6_000);
    await act('wtsq.member', 'requestExtension', 'RequestExtensionInput', { taskId, requestedDueAt: new Date(Date.now() + 14_000).toISOString(), reason: '等待区里下发标识样式' });
    await act('supervisor', 'approveExtension', 'ApproveInput', { taskId, note: '同意' });
    const approvedAt = Date.now();
    // The old deadline passes (its reminder may have come already): no urging for it.
    await new Promise((r) => setTimeout(r, 7_000));
    const early = (await history(taskId)).filter((e) => e.type === 'DeadlineEscalated' && e.data.level !== 'REMINDER');
    expect(early).toEqual([]);
    await waitFor(async () => (await ladder(taskId)).includes('URGE'), 20_000, 'urging at the new deadline');
    const urge = (await history(taskId)).find((e) => e.type === 'DeadlineEscalated' && e.data.level === 'URGE')!;
    expect(Date.parse(urge.occurredAt)).toBeGreaterThan(approvedAt + 7_000);
  });

  it('falls a re-check due on the clock; a failed re-check is a relapse back to rectification', async () => {
    const taskId = await start('A3', 60 * 60_000);
    await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { taskId, classification: 'MET', note: '台账齐全' });
    expect(await act('supervisor', 'confirmSelfCheck', 'ApproveInput', { taskId })).toMatchObject({ stage: 'CONSOLIDATION' });
    await waitFor(async () => (await history(taskId)).some((e) => e.type === 'RecheckDue'), 20_000, 'a re-check falling due');
    const card = await act('supervisor', 'recordRecheck', 'RecordRecheckInput', { taskId, passed: false, note: '活动台账又缺两个月' });
    expect(card).toMatchObject({ stage: 'RECTIFICATION', relapseCount: 1 });
    const res = await gql<{ indicatorTask: { classification: string } }>(stack.url, 'office', `{ indicatorTask(id: "${taskId}") { classification } }`);
    expect(res.data!.indicatorTask.classification).toBe('RELAPSE_PRONE');
  });
});
