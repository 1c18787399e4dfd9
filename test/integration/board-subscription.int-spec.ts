// Live board updates over graphql-ws: a change written by the worker reaches subscribers who may see the
// card (through PostgreSQL NOTIFY), and only them.
import { startStackWithTask } from '../support/fixtures';
import { accessToken, gql, subscribeAs, type TestStack } from '../support/test-env';

interface Change {
  boardChanged: { eventType: string; task: { id: string; stage: string; awaitingReview: string | null; allowedActions: string[] } };
}

async function subscribe(url: string, login: string) {
  return subscribeAs<Change>(url, await accessToken(url, login), 'subscription { boardChanged { eventType task { id stage awaitingReview allowedActions } } }');
}

describe('board subscription', () => {
  let stack: TestStack;
  let taskId: string;

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'subscription' })));
  afterAll(async () => stack?.stop());

  it('pushes the change to the unit and the supervisor, not to another unit', async () => {
    const own = await subscribe(stack.url, 'wtsq.member');
    const supervisor = await subscribe(stack.url, 'supervisor');
    const other = await subscribe(stack.url, 'bjsq.member');
    await Promise.all([own.ready, supervisor.ready, other.ready]);
    await new Promise((r) => setTimeout(r, 300)); // let the subscriptions register

    const res = await gql(stack.url, 'wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: MET, note: "台账齐全" }) { version } }`);
    expect(res.errors).toBeUndefined();

    const deadline = Date.now() + 10_000;
    while ((own.received.length === 0 || supervisor.received.length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300)); // time for a wrong delivery to show up

    expect(own.received).toEqual([
      { boardChanged: { eventType: 'SelfCheckSubmitted', task: { id: taskId, stage: 'SELF_CHECK', awaitingReview: 'SELF_CHECK_REVIEW', allowedActions: [] } } },
    ]);
    // Each subscriber gets the card as they see it: the supervisor may now confirm.
    expect(supervisor.received[0].boardChanged.task.allowedActions).toEqual(['CONFIRM_SELF_CHECK', 'RETURN_SELF_CHECK']);
    expect(other.received).toEqual([]);
    await Promise.all([own.client.dispose(), supervisor.client.dispose(), other.client.dispose()]);
  });
});
