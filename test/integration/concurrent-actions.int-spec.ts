// The same decision delivered twice at once (two supervisors on one card, or one person's double click, with or
// without an expected version) through the real API, workflows and database: exactly one wins, the other is
// refused with a code, and the card's stream holds exactly one event for it (issue 7: nothing duplicated).
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, OFFICE_ACTOR, eventsOf, seedReferenceData, waitFor } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';

const INDICATORS = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2'];

describe('the same action delivered twice at once', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'twice' });
    await seedReferenceData(stack.db);
    for (const indicatorCode of INDICATORS) {
      await startIndicatorTask(stack.temporal, stack.config.temporal.taskQueue, { campaignId: CAMPAIGN, indicatorCode, unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR });
    }
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('campaign_id', '=', CAMPAIGN).execute()).length === INDICATORS.length);
    for (const code of INDICATORS) {
      const res = await gql(stack.url, 'wtsq.member', 'mutation($i: SubmitSelfCheckInput!) { submitSelfCheck(input: $i) { version } }', {
        i: { taskId: indicatorTaskWorkflowId(CAMPAIGN, code, 'WTSQ'), classification: 'NOT_MET', note: '未达标，需整改' },
      });
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(async () => stack?.stop());

  const confirm = (login: string, taskId: string, expectedVersion?: number) =>
    gql<{ confirmSelfCheck: { stage: string } }>(stack.url, login, 'mutation($i: ApproveInput!) { confirmSelfCheck(input: $i) { stage } }', { i: { taskId, ...(expectedVersion ? { expectedVersion } : {}) } });

  it.each([
    ['two supervisors, with the version they saw', ['supervisor', 'supervisor2'], 2],
    ['two supervisors, without a version', ['supervisor', 'supervisor2'], undefined],
    ['one supervisor’s double click', ['supervisor', 'supervisor'], 2],
  ] as const)('%s: exactly one confirmation is written', async (_case, [first, second], expectedVersion) => {
    for (const code of INDICATORS.splice(0, 2)) {
      const taskId = indicatorTaskWorkflowId(CAMPAIGN, code, 'WTSQ');
      const before = await eventsOf(stack.db, taskId);
      const answers = await Promise.all([confirm(first, taskId, expectedVersion), confirm(second, taskId, expectedVersion)]);
      const won = answers.filter((a) => !a.errors);
      const lost = answers.filter((a) => a.errors);
      expect(won).toHaveLength(1);
      expect(won[0].data).toEqual({ confirmSelfCheck: { stage: 'RECTIFICATION' } });
      expect(lost).toHaveLength(1);
      expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain(lost[0].errors![0].extensions?.code);
      expect(lost[0].errors![0].message).toMatch(/[\u4e00-\u9fff]/);
      const after = await eventsOf(stack.db, taskId);
      expect(after.slice(before.length).map((e) => e.type)).toEqual(['SelfCheckConfirmed']);
    }
  });
});
