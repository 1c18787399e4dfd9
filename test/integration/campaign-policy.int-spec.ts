// A campaign's rules of time through GraphQL: only the office changes them, a broken ladder is refused, and
// tasks imported afterwards start with them.
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';
import { CAMPAIGN, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

describe('campaign policy', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await startSeededStack({ prefix: 'policy' })));
  afterAll(async () => stack?.stop());

  const update = (login: string, fields: string) =>
    gql<{ updateCampaignPolicy: { policy: { selfCheckDays: number; recheckDays: { relapseProne: number; other: number }; escalationAfterHours: { URGE: number } } } }>(
      stack.url,
      login,
      `mutation { updateCampaignPolicy(input: { campaignId: "${CAMPAIGN}", ${fields} }) { policy { selfCheckDays recheckDays { relapseProne other } escalationAfterHours { URGE } } } }`,
    );

  it('lets only the office change it, keeps what is not given, and refuses a ladder out of order', async () => {
    expect((await update('supervisor', 'selfCheckDays: 3')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await update('office', 'escalationAfterHours: { SUPERVISE: 500 }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('递增');
    const ok = await update('office', 'selfCheckDays: 3, recheckDays: { relapseProne: 5 }');
    expect(ok.data!.updateCampaignPolicy.policy).toEqual({ selfCheckDays: 3, recheckDays: { relapseProne: 5, other: 30 }, escalationAfterHours: { URGE: 0 } });
  });

  it('starts imported tasks with the campaign policy', async () => {
    const file = await xlsx([breakdownSheet('任务分解表', [dataRow({ 责任单位: '外滩社区', 完成时限: '2030-12-31' })])]);
    const res = await gql<{ importTaskBreakdown: { status: string } }>(
      stack.url,
      'office',
      `mutation($input: ImportTaskBreakdownInput!) { importTaskBreakdown(input: $input) { status } }`,
      { input: { campaignId: CAMPAIGN, fileName: 'policy.xlsx', contentBase64: file.toString('base64') } },
    );
    expect(res.data!.importTaskBreakdown.status).toBe('APPLYING');
    const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A1', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined, 30_000, 'the card');
    const card = await stack.db.selectFrom('indicator_task_cards').select(['state', 'stage_due_at', 'created_at']).where('task_id', '=', taskId).executeTakeFirstOrThrow();
    expect(card.state).toMatchObject({ policy: { selfCheckDays: 3, recheckDays: { relapseProne: 5, other: 30 } } });
    expect(card.stage_due_at!.getTime() - card.created_at.getTime()).toBe(3 * 86_400_000);
  });
});
