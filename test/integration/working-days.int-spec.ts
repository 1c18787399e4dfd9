// Working days (工作日) through GraphQL on the real stack: the office imports its overrides (a bad file writes
// nothing), sets the campaign to count working days, and a task imported afterwards gets its self-check deadline
// at the end of the right working day in Shanghai, counted by the worker's addWorkingDays activity.
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { WorkingDayCalendar, nextDate, shanghaiDateOf } from '../../src/working-days/working-day-calendar';
import { breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';
import { CAMPAIGN, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

interface ImportResult {
  importWorkingDayOverrides: { status: string; count: number; report: string; problems: { row: number; code: string; message: string }[] };
}

describe('working days', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await startSeededStack({ prefix: 'workdays' })));
  afterAll(async () => stack?.stop());

  const importOverrides = (login: string, csv: string, dryRun = false) =>
    gql<ImportResult>(
      stack.url,
      login,
      `mutation($input: ImportWorkingDayOverridesInput!) { importWorkingDayOverrides(input: $input) { status count report problems { row code message } } }`,
      { input: { file: { fileName: '工作日调整.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') }, dryRun } },
    );
  const stored = async () => (await stack.db.selectFrom('working_day_overrides').select('day').execute()).length;

  // The office rests the seven days after today (Shanghai): a deadline in working days must jump over them.
  const today = shanghaiDateOf(new Date());
  const restDays = Array.from({ length: 7 }, (_, i) => nextDate(today, i + 1));
  const goodFile = `日期,类型,说明\n${restDays.map((d) => `${d},休息日,集中整治周调休`).join('\n')}\n`;

  it('refuses a bad override file whole, writing nothing, and lets only the office import', async () => {
    const hostile = `日期,类型,说明\n${restDays[0]},休息日,ok\n2019-01-01,休息日,\n"=DATE(2027,2,8)",休息日,\n${restDays[1]},休息日,"=HYPERLINK(""http://x"")"\n`;
    const refused = await importOverrides('office', hostile);
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.importWorkingDayOverrides).toMatchObject({ status: 'REJECTED', count: 0 });
    expect(refused.data!.importWorkingDayOverrides.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'BAD_DATE'],
      [4, 'BAD_DATE'],
      [5, 'BAD_VALUE'],
    ]);
    expect(await stored()).toBe(0);
    const huge = `日期,类型,说明\n${Array.from({ length: 100_000 }, () => `${restDays[0]},休息日,`).join('\n')}`;
    expect((await importOverrides('office', huge)).data!.importWorkingDayOverrides.problems[0].code).toBe('TOO_LARGE');
    expect(await stored()).toBe(0);
    expect((await importOverrides('supervisor', goodFile)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await importOverrides('office', goodFile, true)).data!.importWorkingDayOverrides.status).toBe('DRY_RUN');
    expect(await stored()).toBe(0);
  });

  it('imports the overrides, and lists them for everyone', async () => {
    const applied = await importOverrides('office', goodFile);
    expect(applied.data!.importWorkingDayOverrides).toMatchObject({ status: 'APPLIED', count: 7 });
    expect((await importOverrides('office', goodFile)).data!.importWorkingDayOverrides.status).toBe('UNCHANGED');
    const listed = await gql<{ workingDayCalendar: { overrides: { date: string; kind: string; note: string }[]; officialYears: number[]; importedBy: string } }>(
      stack.url,
      'wtsq.member',
      '{ workingDayCalendar { overrides { date kind note } officialYears importedBy } }',
    );
    expect(listed.data!.workingDayCalendar.overrides).toEqual(restDays.map((date) => ({ date, kind: 'RESTDAY', note: '集中整治周调休' })));
    expect(listed.data!.workingDayCalendar.officialYears).toContain(2026);
    expect(listed.data!.workingDayCalendar.importedBy).toBe('office');
  });

  it('a task of a campaign counting working days gets its self-check deadline on the right working day', async () => {
    const set = await gql<{ updateCampaignPolicy: { policy: { selfCheckDays: number; dayCounting: string } } }>(
      stack.url,
      'office',
      `mutation { updateCampaignPolicy(input: { campaignId: "${CAMPAIGN}", selfCheckDays: 3, dayCounting: WORKING }) { policy { selfCheckDays dayCounting } } }`,
    );
    expect(set.data!.updateCampaignPolicy.policy).toEqual({ selfCheckDays: 3, dayCounting: 'WORKING' });

    const file = await xlsx([breakdownSheet('任务分解表', [dataRow({ 责任单位: '外滩社区', 完成时限: '2030-12-31' })])]);
    const res = await gql<{ importTaskBreakdown: { status: string } }>(
      stack.url,
      'office',
      `mutation($input: ImportTaskBreakdownInput!) { importTaskBreakdown(input: $input) { status } }`,
      { input: { campaignId: CAMPAIGN, fileName: 'workdays.xlsx', contentBase64: file.toString('base64') } },
    );
    expect(res.data!.importTaskBreakdown.status).toBe('APPLYING');
    const taskId = indicatorTaskWorkflowId(CAMPAIGN, 'A1', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', '=', taskId).executeTakeFirst()) !== undefined, 30_000, 'the card');
    const card = await stack.db.selectFrom('indicator_task_cards').select(['stage_due_at', 'created_at']).where('task_id', '=', taskId).executeTakeFirstOrThrow();

    const calendar = new WorkingDayCalendar(new Map(restDays.map((d) => [d, false])));
    const expected = calendar.addWorkingDays(card.created_at.toISOString(), 3);
    expect(card.stage_due_at!.toISOString()).toBe(expected);
    // The end of a Shanghai working day after the office's rest week: never one of the days it rests.
    expect(expected.endsWith('T15:59:59.000Z')).toBe(true);
    expect(restDays).not.toContain(shanghaiDateOf(expected));
    expect(shanghaiDateOf(expected) > restDays[6]).toBe(true);
    // The count is a fact of the creation event, so a projection rebuild folds the same date.
    const created = await stack.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', taskId).orderBy('stream_version').executeTakeFirstOrThrow();
    expect(created.type).toBe('IndicatorTaskCreated');
    expect((created.data as { counted?: { selfCheck: string } }).counted?.selfCheck).toBe(expected);
  });
});
