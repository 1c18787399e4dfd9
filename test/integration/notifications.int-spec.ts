// The in-app inbox (站内消息, issue 16) with the real stack: notifications are written once per person in the
// transaction of the event that causes them, read and marked read only by their recipient, and pushed live to
// the recipient alone.
import type { EventMetadata, NewEvent } from '../../activities/event-store.types';
import { createEventStore } from '../../src/platform/runtime/worker-runner';
import { startStackWithTask, waitFor } from '../support/fixtures';
import { accessToken, gql, subscribeAs, type TestStack } from '../support/test-env';

interface Inbox {
  notifications: {
    unreadCount: number;
    edges: { cursor: string; node: { id: string; kind: string; title: string; text: string; taskId: string | null; urgent: boolean; readAt: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
interface Added {
  notificationAdded: { id: string; kind: string; title: string; taskId: string | null };
}

describe('in-app inbox', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'notifications' })));
  afterAll(async () => stack?.stop());

  async function inbox(login: string, args = ''): Promise<Inbox['notifications']> {
    const res = await gql<Inbox>(
      stack.url,
      login,
      `{ notifications${args} { unreadCount edges { cursor node { id kind title text taskId urgent readAt } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.notifications;
  }

  async function must(login: string, query: string, variables: Record<string, unknown> = {}) {
    const res = await gql<Record<string, unknown>>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  async function rowsOf(type: string) {
    const events = await stack.db.selectFrom('events').select('event_id').where('stream_id', '=', taskId).where('type', '=', type).execute();
    if (events.length === 0) return [];
    return stack.db
      .selectFrom('notifications')
      .select(['id', 'recipient_login', 'read_at'])
      .where('source_event_id', 'in', events.map((e) => String(e.event_id)))
      .orderBy('recipient_login')
      .execute();
  }

  it('tells each supervisor of a submitted self-check once, live, and nobody else', async () => {
    const subscribe = async (login: string) => subscribeAs<Added>(stack.url, await accessToken(stack.url, login), 'subscription { notificationAdded { id kind title taskId } }');
    const supervisor = await subscribe('supervisor');
    const member = await subscribe('wtsq.member');
    const office = await subscribe('office');
    await Promise.all([supervisor.ready, member.ready, office.ready]);
    await new Promise((r) => setTimeout(r, 300)); // let the subscriptions register

    await must('wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: MET, note: "台账齐全" }) { version } }`);

    await waitFor(async () => supervisor.received.length > 0, 10_000, 'the supervisor’s notification');
    await new Promise((r) => setTimeout(r, 300)); // time for a wrong delivery to show up
    expect((await rowsOf('SelfCheckSubmitted')).map((r) => r.recipient_login)).toEqual(['supervisor', 'supervisor2']);
    expect(supervisor.received).toEqual([{ notificationAdded: { id: expect.any(String), kind: 'APPROVAL_REQUEST', title: '【待审核】测评指标 A4：外滩社区提交自查结果', taskId } }]);
    expect(member.received).toEqual([]);
    expect(office.received).toEqual([]);
    // No channel is configured here: only the inbox, and no delivery is even started.
    expect(await stack.db.selectFrom('workflow_outbox').select('workflow_id').where('workflow_type', '=', 'notificationDeliveryWorkflow').execute()).toEqual([]);

    const own = await inbox('supervisor');
    expect(own.unreadCount).toBe(1);
    expect(own.edges.map((e) => e.node)).toEqual([
      { id: supervisor.received[0].notificationAdded.id, kind: 'APPROVAL_REQUEST', title: '【待审核】测评指标 A4：外滩社区提交自查结果', text: '自评结果：达标。台账齐全', taskId, urgent: false, readAt: null },
    ]);
    expect(await inbox('wtsq.member')).toEqual({ unreadCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect((await inbox('office')).unreadCount).toBe(0);
    await Promise.all([supervisor.client.dispose(), member.client.dispose(), office.client.dispose()]);
  });

  it('tells the unit’s people of a return, newest first', async () => {
    await must('supervisor', `mutation { returnSelfCheck(input: { taskId: "${taskId}", reason: "材料不全" }) { version } }`);
    await waitFor(async () => (await rowsOf('SelfCheckReturned')).length > 0, 10_000, 'the return’s notifications');
    expect((await rowsOf('SelfCheckReturned')).map((r) => r.recipient_login)).toEqual(['wtsq.head', 'wtsq.member']);
    const member = await inbox('wtsq.member');
    expect(member.unreadCount).toBe(1);
    expect(member.edges[0].node).toMatchObject({ kind: 'RETURNED', title: '【退回】测评指标 A4：自查结果被退回', text: '退回理由：材料不全。请修改后重新提交。' });
    expect((await inbox('bjsq.member')).unreadCount).toBe(0);
    expect((await inbox('supervisor2')).unreadCount).toBe(1);

    // Submitted again: the supervisor's inbox holds two, newest first, paged by cursor.
    await must('wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: NOT_MET, note: "部分未达标" }) { version } }`);
    await waitFor(async () => (await inbox('supervisor')).unreadCount === 2, 10_000, 'the second request');
    const first = await inbox('supervisor', '(first: 1)');
    expect(first.edges.map((e) => e.node.text)).toEqual(['自评结果：未达标。部分未达标']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await inbox('supervisor', `(first: 1, after: "${first.pageInfo.endCursor}")`);
    expect(second.edges.map((e) => e.node.text)).toEqual(['自评结果：达标。台账齐全']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('marks read only the caller’s own, and counts what is left unread', async () => {
    const [own] = (await inbox('supervisor')).edges.map((e) => e.node.id);
    const [others] = (await inbox('supervisor2')).edges.map((e) => e.node.id);
    const mark = (login: string, ids: string[]) => must(login, 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids });

    expect(await mark('supervisor', [others, 'no-such-id'])).toEqual({ markNotificationsRead: 0 });
    expect((await inbox('supervisor2')).unreadCount).toBe(2);
    expect(await mark('supervisor', [own])).toEqual({ markNotificationsRead: 1 });
    expect(await mark('supervisor', [own])).toEqual({ markNotificationsRead: 0 });
    const after = await inbox('supervisor');
    expect(after.unreadCount).toBe(1);
    expect(after.edges.find((e) => e.node.id === own)?.node.readAt).toEqual(expect.any(String));
    expect((await inbox('supervisor', '(unreadOnly: true)')).edges.map((e) => e.node.id)).not.toContain(own);

    expect(await must('supervisor2', 'mutation { markAllNotificationsRead }')).toEqual({ markAllNotificationsRead: 2 });
    expect((await inbox('supervisor2')).unreadCount).toBe(0);
    expect((await inbox('supervisor')).unreadCount).toBe(1);
  });

  it('refuses more than 200 ids at once with a stable code', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => `id-${i}`);
    const res = await gql(stack.url, 'supervisor', 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids });
    expect(res.errors?.[0]).toMatchObject({ message: '一次最多标记 200 条消息为已读，本次有 201 条，请分批标记', extensions: { code: 'BAD_USER_INPUT', field: 'ids' } });
    expect((await inbox('supervisor')).unreadCount).toBe(1);
  });

  it('writes nothing twice when the event is appended again or the projections are rebuilt, and keeps read state', async () => {
    const count = async () => Number((await stack.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const stored = await stack.db.selectFrom('events').selectAll().where('stream_id', '=', taskId).where('type', '=', 'SelfCheckSubmitted').orderBy('stream_version').executeTakeFirstOrThrow();
    const again: NewEvent = {
      eventId: stored.event_id,
      streamVersion: stored.stream_version,
      type: stored.type,
      data: stored.data,
      metadata: stored.metadata as unknown as EventMetadata,
      occurredAt: stored.occurred_at.toISOString(),
    };
    const store = createEventStore(stack.db);
    expect((await store.append({ streamId: taskId, events: [again] })).written).toBe(0);
    expect(await count()).toBe(before);

    const readBefore = await rowsOf('SelfCheckSubmitted');
    const results = await store.rebuildProjections();
    expect(results.find((r) => r.name === 'notifications')).toEqual({ name: 'notifications', events: 3 });
    expect(await count()).toBe(before);
    expect(await rowsOf('SelfCheckSubmitted')).toEqual(readBefore);
    expect((await inbox('supervisor')).unreadCount).toBe(1);

    // Notifications a rebuild finds missing (the inbox added to a district already running) are history: written as
    // read, so that nobody's inbox fills with old unread messages.
    await stack.db.deleteFrom('notifications').where('source_event_id', '=', String(stored.event_id)).execute();
    await store.rebuildProjections();
    const rebuilt = await rowsOf('SelfCheckSubmitted');
    expect(rebuilt.map((r) => r.id).sort()).toEqual(readBefore.map((r) => r.id).sort());
    expect(rebuilt.every((r) => r.read_at !== null)).toBe(true);
  });
});
