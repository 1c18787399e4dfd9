// The 责任人 of a task through GraphQL with the real stack (issue 16): a task breakdown with a 责任人 column is
// refused whole when one person is wrong and starts its tasks with their people when right; the unit head names
// another person of the unit, another unit's head and a person of another unit are refused without an event; and a
// return reaches the named person alone.
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, eventsOf, startSeededStack, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const HEADER = '测评项目,测评指标,牵头单位,责任单位,完成时限,责任人';
const C1 = '环境卫生,主次干道及背街小巷无垃圾烟头,街道环卫所';
const CARD = 'responsiblePerson { login name } responsiblePersonCandidates { login name } sideActions version history { type label }';

interface Card {
  responsiblePerson: { login: string; name: string } | null;
  responsiblePersonCandidates: { login: string; name: string }[];
  sideActions: string[];
  version: number;
  history: { type: string; label: string }[];
}

describe('the 责任人 of a task', () => {
  let stack: TestStack;
  const wtsqTask = indicatorTaskWorkflowId(CAMPAIGN, 'C1', 'WTSQ');
  const bjsqTask = indicatorTaskWorkflowId(CAMPAIGN, 'C1', 'BJSQ');

  beforeAll(async () => {
    stack = await startSeededStack({ prefix: 'responsible-person' });
  });
  afterAll(async () => stack?.stop());

  const importCsv = (csv: string) =>
    gql<{ importTaskBreakdown: { id: string | null; status: string; problems: { row: number; column: string; code: string; message: string }[]; changes: { taskId: string; responsiblePerson: { login: string } | null }[] } }>(
      stack.url,
      'office',
      'mutation($input: ImportTaskBreakdownInput!) { importTaskBreakdown(input: $input) { id status problems { row column code message } changes { taskId responsiblePerson { login } } } }',
      { input: { campaignId: CAMPAIGN, fileName: '任务分解表.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') } },
    );

  async function card(login: string, taskId: string): Promise<Card> {
    const res = await gql<{ indicatorTask: Card }>(stack.url, login, `{ indicatorTask(id: "${taskId}") { ${CARD} } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.indicatorTask;
  }

  const assign = (login: string, taskId: string, person: string) =>
    gql<{ assignTaskResponsiblePerson: Card }>(stack.url, login, `mutation($i: AssignTaskResponsiblePersonInput!) { assignTaskResponsiblePerson(input: $i) { ${CARD} } }`, {
      i: { taskId, login: person },
    });

  it('refuses a breakdown naming a person of another unit, whole, and writes nothing', async () => {
    const res = await importCsv(`${HEADER}\n${C1},外滩社区,2027-03-31,外滩社区工作人员\n${C1},滨江社区,2027-03-31,外滩社区负责人\n`);
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.importTaskBreakdown;
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.problems).toEqual([
      { row: 3, column: '责任人', code: 'UNKNOWN_PERSON', message: expect.stringContaining('责任人「外滩社区负责人」是「外滩社区」的人员，不是本行责任单位「滨江社区」的人员') },
    ]);
    expect(await stack.db.selectFrom('task_breakdown_imports').selectAll().execute()).toEqual([]);
  });

  it('starts each new task with the person its row names', async () => {
    const res = await importCsv(`${HEADER}\n${C1},外滩社区,2027-03-31,外滩社区工作人员\n${C1},滨江社区,2027-03-31,\n`);
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.importTaskBreakdown;
    expect(outcome.status).toBe('APPLYING');
    expect(outcome.changes.map((c) => [c.taskId, c.responsiblePerson?.login ?? null])).toEqual([
      [wtsqTask, 'wtsq.member'],
      [bjsqTask, null],
    ]);
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('task_id', 'in', [wtsqTask, bjsqTask]).execute()).length === 2, 30_000, 'two cards');
    expect((await card('office', wtsqTask)).responsiblePerson).toEqual({ login: 'wtsq.member', name: '外滩社区工作人员' });
    expect((await card('office', bjsqTask)).responsiblePerson).toBeNull();
    const created = await stack.db.selectFrom('events').select('data').where('stream_id', '=', wtsqTask).where('type', '=', 'IndicatorTaskCreated').executeTakeFirstOrThrow();
    expect(created.data.responsiblePerson).toEqual({ login: 'wtsq.member', name: '外滩社区工作人员' });
  });

  it('lets the unit head name another person of the unit, recorded on the card and in its history', async () => {
    const head = await card('wtsq.head', wtsqTask);
    expect(head.sideActions).toContain('ASSIGN_RESPONSIBLE_PERSON');
    expect(head.responsiblePersonCandidates.map((p) => p.login).sort()).toEqual(['wtsq.head', 'wtsq.member']);
    // Members see who is responsible, but are offered nobody to name.
    expect((await card('wtsq.member', wtsqTask)).responsiblePersonCandidates).toEqual([]);

    const res = await assign('wtsq.head', wtsqTask, 'wtsq.head');
    expect(res.errors).toBeUndefined();
    expect(res.data!.assignTaskResponsiblePerson.responsiblePerson).toEqual({ login: 'wtsq.head', name: '外滩社区负责人' });
    expect(res.data!.assignTaskResponsiblePerson.history.at(-1)).toEqual({ type: 'ResponsiblePersonAssigned', label: '指定责任人' });
  });

  it("refuses another unit's head, a member, a person of another unit and an unknown login, leaving no event", async () => {
    const before = (await eventsOf(stack.db, wtsqTask)).length;
    const otherHead = await assign('bjsq.head', wtsqTask, 'bjsq.member');
    expect(otherHead.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const member = await assign('wtsq.member', wtsqTask, 'wtsq.member');
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await assign('wtsq.head', wtsqTask, 'bjsq.member');
    expect(outsider.errors?.[0]).toMatchObject({ message: '「滨江社区工作人员」不是「外滩社区」的人员，不能担任本任务的责任人（责任人须是责任单位的人员）', extensions: { code: 'BAD_USER_INPUT' } });
    const unknown = await assign('wtsq.head', wtsqTask, `=cmd|'/C calc'!A0${'x'.repeat(50)}`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/^[^=+\-@]/);
    expect((await eventsOf(stack.db, wtsqTask)).length).toBe(before);
  });

  it('sends a return to the named person alone, not to the rest of the unit', async () => {
    // The office names the member again; the member hands in, a supervisor returns it.
    expect((await assign('office', wtsqTask, 'wtsq.member')).errors).toBeUndefined();
    const submitted = await gql(stack.url, 'wtsq.head', `mutation { submitSelfCheck(input: { taskId: "${wtsqTask}", classification: MET, note: "已自查" }) { version } }`);
    expect(submitted.errors).toBeUndefined();
    const returned = await gql(stack.url, 'supervisor', `mutation { returnSelfCheck(input: { taskId: "${wtsqTask}", reason: "缺少照片" }) { version } }`);
    expect(returned.errors).toBeUndefined();
    const recipients = async () => {
      const [event] = await stack.db.selectFrom('events').select('event_id').where('stream_id', '=', wtsqTask).where('type', '=', 'SelfCheckReturned').execute();
      if (!event) return [];
      return (await stack.db.selectFrom('notifications').select('recipient_login').where('source_event_id', '=', String(event.event_id)).execute()).map((r) => r.recipient_login);
    };
    await waitFor(async () => (await recipients()).length > 0, 10_000, 'the return’s notification');
    expect(await recipients()).toEqual(['wtsq.member']);
    // The task of the unit without a 责任人 still tells the unit's people.
    await gql(stack.url, 'bjsq.member', `mutation { submitSelfCheck(input: { taskId: "${bjsqTask}", classification: MET, note: "已自查" }) { version } }`);
    await gql(stack.url, 'supervisor', `mutation { returnSelfCheck(input: { taskId: "${bjsqTask}", reason: "缺少照片" }) { version } }`);
    await waitFor(
      async () => {
        const [event] = await stack.db.selectFrom('events').select('event_id').where('stream_id', '=', bjsqTask).where('type', '=', 'SelfCheckReturned').execute();
        if (!event) return false;
        const rows = await stack.db.selectFrom('notifications').select('recipient_login').where('source_event_id', '=', String(event.event_id)).execute();
        return rows.map((r) => r.recipient_login).sort().join() === 'bjsq.head,bjsq.member';
      },
      10_000,
      'the unit’s notifications',
    );
  });

  it("names an item's 责任人 through assignItemResponsiblePerson, for the unit head of the item's unit only", async () => {
    const reported = await gql<{ reportItem: { item: { id: string } } }>(
      stack.url,
      'supervisor',
      'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { id } } }',
      { input: { campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'SANITATION', location: { address: '外滩路 8 号' }, description: '垃圾桶满溢', unitCode: 'WTSQ' } },
    );
    expect(reported.errors).toBeUndefined();
    const itemId = reported.data!.reportItem.item.id;
    const ITEM_FIELDS = 'responsiblePerson { login name } responsiblePersonCandidates { login } allowedActions';
    const assignItem = (login: string, person: string) =>
      gql<{ assignItemResponsiblePerson: { responsiblePerson: { login: string; name: string } | null } }>(
        stack.url,
        login,
        `mutation($i: AssignItemResponsiblePersonInput!) { assignItemResponsiblePerson(input: $i) { ${ITEM_FIELDS} } }`,
        { i: { itemId, login: person } },
      );
    const before = await gql<{ rectificationItem: { responsiblePerson: null; responsiblePersonCandidates: { login: string }[]; allowedActions: string[] } }>(
      stack.url,
      'wtsq.head',
      `{ rectificationItem(id: "${itemId}") { ${ITEM_FIELDS} } }`,
    );
    expect(before.data!.rectificationItem.responsiblePerson).toBeNull();
    expect(before.data!.rectificationItem.responsiblePersonCandidates.map((p) => p.login).sort()).toEqual(['wtsq.head', 'wtsq.member']);
    expect(before.data!.rectificationItem.allowedActions).not.toContain('ASSIGN_RESPONSIBLE_PERSON');
    const events = async () => (await eventsOf(stack.db, itemId)).length;
    const count = await events();
    expect((await assignItem('bjsq.head', 'bjsq.member')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await assignItem('wtsq.head', 'bjsq.member')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await events()).toBe(count);
    const named = await assignItem('wtsq.head', 'wtsq.member');
    expect(named.errors).toBeUndefined();
    expect(named.data!.assignItemResponsiblePerson.responsiblePerson).toEqual({ login: 'wtsq.member', name: '外滩社区工作人员' });
    expect(await events()).toBe(count + 1);
  });
});

