// An action whose events cannot be written, through the real API, Temporal and PostgreSQL (issue 14). A foreign
// writer takes the task's next stream version, so the workflow's append meets a real STREAM_CONFLICT: the action
// fails with EVENT_APPEND_FAILED, the card and the stream stay as they were, and once the stream is repaired the
// next action is written at the version the failed one would have had. A database that refuses appends for a
// while (a trigger made by this test in its own database) only delays the action: it is answered once written.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { eventsOf, startStackWithTask } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const CARD = 'id stage awaitingReview version';
type Card = { id: string; stage: string; awaitingReview: string | null; version: number };

describe('an action whose events cannot be written', () => {
  let stack: TestStack;
  let taskId: string;
  /** Every action answered OK: its mutation and the version it was answered with. */
  const answered: { mutation: string; version: number }[] = [];

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'append-failure' })));
  afterAll(async () => stack?.stop());

  async function act(login: string, mutation: string, inputType: string, input: Record<string, unknown> = {}) {
    const res = await gql<Record<string, Card>>(stack.url, login, `mutation($i: ${inputType}!) { ${mutation}(input: $i) { ${CARD} } }`, { i: { taskId, ...input } });
    if (!res.errors) answered.push({ mutation, version: res.data![mutation].version });
    return res;
  }
  const card = async () => (await gql<{ indicatorTask: Card }>(stack.url, 'office', `query($id: String!) { indicatorTask(id: $id) { ${CARD} } }`, { id: taskId })).data!.indicatorTask;

  it('fails with EVENT_APPEND_FAILED, changes nothing, and the task takes the next action at the next version', async () => {
    expect((await act('wtsq.member', 'submitSelfCheck', 'SubmitSelfCheckInput', { classification: 'NOT_MET', note: '未达标，需整改' })).errors).toBeUndefined();
    const before = await card();
    expect(before).toMatchObject({ stage: 'SELF_CHECK', awaitingReview: 'SELF_CHECK_REVIEW', version: 2 });

    // Another writer takes version 3 of the task's stream.
    const foreign = randomUUID();
    await sql`insert into events (event_id, stream_id, stream_version, type, data, metadata, occurred_at)
              values (${foreign}, ${taskId}, 3, 'ForeignEvent', '{}', '{}', now())`.execute(stack.db);

    const refused = await act('supervisor', 'confirmSelfCheck', 'ApproveInput');
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('EVENT_APPEND_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/未能写入事件库/);
    expect((await eventsOf(stack.db, taskId)).map((e) => e.type)).toEqual(['IndicatorTaskCreated', 'SelfCheckSubmitted', 'ForeignEvent']);
    expect(await card()).toEqual(before);

    // The operator removes the foreign event (events are append-only: the guard is lifted for this one delete).
    await sql`alter table events disable trigger events_append_only`.execute(stack.db);
    await sql`delete from events where event_id = ${foreign}`.execute(stack.db);
    await sql`alter table events enable trigger events_append_only`.execute(stack.db);

    const confirmed = await act('supervisor', 'confirmSelfCheck', 'ApproveInput');
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmSelfCheck).toMatchObject({ stage: 'RECTIFICATION', version: 3 });
    expect((await eventsOf(stack.db, taskId)).map((e) => [e.type, e.stream_version])).toEqual([
      ['IndicatorTaskCreated', 1],
      ['SelfCheckSubmitted', 2],
      ['SelfCheckConfirmed', 3],
    ]);
  });

  it('only delays an action while the database refuses its append, and answers once it is written', async () => {
    // Refuses the task's comments twice (a sequence, since the refused transaction rolls back), then lets them in.
    await sql`create sequence test_comment_refusals`.execute(stack.db);
    await sql
      .raw(
        `create function test_refuse_comments() returns trigger language plpgsql as $$
         begin
           if new.type = 'CommentAdded' and new.stream_id = '${taskId.replace(/'/g, "''")}' and nextval('test_comment_refusals') <= 2 then
             raise exception 'test: the database refuses this append for now';
           end if;
           return new;
         end $$`,
      )
      .execute(stack.db);
    await sql`create trigger test_refuse_comments before insert on events for each row execute function test_refuse_comments()`.execute(stack.db);

    const commented = await act('wtsq.member', 'addComment', 'AddCommentInput', { text: '整改方案正在制定' });
    expect(commented.errors).toBeUndefined();
    expect(commented.data!.addComment.version).toBe(4);
    const { rows } = await sql<{ last_value: string }>`select last_value from test_comment_refusals`.execute(stack.db);
    expect(Number(rows[0].last_value)).toBe(3);
    expect((await eventsOf(stack.db, taskId)).map((e) => e.type).at(-1)).toBe('CommentAdded');
  });

  it('leaves no answered action out of the stream, and no gap in it', async () => {
    const events = await eventsOf(stack.db, taskId);
    expect(events.map((e) => e.stream_version)).toEqual(events.map((_, i) => i + 1));
    for (const a of answered) expect(events.map((e) => e.stream_version)).toContain(a.version);
    expect(answered.map((a) => a.mutation)).toEqual(['submitSelfCheck', 'confirmSelfCheck', 'addComment']);
  });
});
