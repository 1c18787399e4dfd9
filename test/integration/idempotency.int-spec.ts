// A lifecycle action sent again with the same Idempotency-Key — after a timeout, to another API instance, twice at
// once, or after the workflow has finished — takes effect once and answers as the first did; the same key with a
// different request is refused and writes nothing (issue 7: retries after a fault cost nothing but time).
import { randomUUID } from 'node:crypto';
import { CAMPAIGN, eventsOf, startStackWithTask } from '../support/fixtures';
import { gql, type GraphQLResponse, type TestStack } from '../support/test-env';

const CARD = 'id stage version awaitingReview archiveMaterials { code status }';

describe('idempotency keys on lifecycle actions', () => {
  let stack: TestStack;
  let taskId: string;
  /** The archivist's key for the acceptance that archived the task. */
  let finishingKey = '';
  /** The unit's key for its self-check. */
  let firstKey = '';

  beforeAll(async () => ({ stack, taskId } = await startStackWithTask({ prefix: 'idem' })));
  afterAll(async () => stack?.stop());

  type Card = { id: string; stage: string; version: number; awaitingReview: string | null; archiveMaterials: { code: string; status: string }[] };

  async function act(login: string, key: string | null, mutation: string, inputType: string, input: Record<string, unknown>) {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-demo-user': login };
    if (key !== null) headers['idempotency-key'] = key;
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: `mutation($i: ${inputType}!) { ${mutation}(input: $i) { ${CARD} } }`, variables: { i: { taskId, ...input } } }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse<Record<string, Card>> };
  }
  const types = async () => (await eventsOf(stack.db, taskId)).map((e) => e.type);

  it('answers a retry with the first outcome and writes one event', async () => {
    const key = (firstKey = randomUUID());
    const input = { classification: 'MET', note: '宣传栏已更新' };
    const first = await act('wtsq.member', key, 'submitSelfCheck', 'SubmitSelfCheckInput', input);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.submitSelfCheck).toMatchObject({ version: 2, awaitingReview: 'SELF_CHECK_REVIEW' });
    // Without the key the same submission would be refused (a review is pending); with it, it is the same action.
    const again = await act('wtsq.member', key, 'submitSelfCheck', 'SubmitSelfCheckInput', input);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.submitSelfCheck).toEqual(first.body.data!.submitSelfCheck);
    const fresh = await act('wtsq.member', randomUUID(), 'submitSelfCheck', 'SubmitSelfCheckInput', input);
    expect(fresh.body.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(await types()).toEqual(['IndicatorTaskCreated', 'SelfCheckSubmitted']);
  });

  it('takes effect once when the same key arrives twice at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all([0, 1, 2].map(() => act('supervisor', key, 'confirmSelfCheck', 'ApproveInput', { expectedVersion: 2 })));
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data!.confirmSelfCheck).toMatchObject({ stage: 'CONSOLIDATION', version: 3 });
    }
    expect(await types()).toEqual(['IndicatorTaskCreated', 'SelfCheckSubmitted', 'SelfCheckConfirmed']);
  });

  it('refuses the same key with a different request, and writes nothing', async () => {
    const key = randomUUID();
    const started = await act('office', key, 'startArchiving', 'ApproveInput', {});
    expect(started.body.errors).toBeUndefined();
    // Its retry finds the task archiving already, by its own doing: answered, not refused by the rules.
    const retried = await act('office', key, 'startArchiving', 'ApproveInput', {});
    expect(retried.body.errors).toBeUndefined();
    expect(retried.body.data!.startArchiving).toEqual(started.body.data!.startArchiving);
    const before = await types();
    // The unit's key from the first submission, sent with another note: not the same request.
    const other = await act('wtsq.member', firstKey, 'submitSelfCheck', 'SubmitSelfCheckInput', { classification: 'MET', note: '另一份说明' });
    expect(other.status).toBe(200);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.errors?.[0]?.message).toMatch(/Idempotency-Key 已用于另一个不同的操作/);
    expect(await types()).toEqual(before);
  });

  it('keeps each person’s keys apart: another person’s same key is their own action', async () => {
    const key = randomUUID();
    const card = (await act('office', null, 'startArchiving', 'ApproveInput', {})).body; // refused: already archiving
    expect(card.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    const materials = (await gql<{ indicatorTask: Card }>(stack.url, 'wtsq.member', `{ indicatorTask(id: "${taskId}") { ${CARD} } }`)).data!.indicatorTask.archiveMaterials;
    expect(materials.length).toBeGreaterThan(0);
    for (const material of materials) {
      const file = { materialCode: material.code, fileName: `${material.code}.pdf`, contentBase64: Buffer.from(`%PDF-1.4 ${material.code}`).toString('base64') };
      // The unit and the archivist happen to use the same key string: they are two actions.
      const submitted = await act('wtsq.member', key + material.code, 'submitArchiveMaterial', 'SubmitArchiveMaterialInput', file);
      expect(submitted.body.errors).toBeUndefined();
      const accepted = await act('archivist', key + material.code, 'acceptArchiveMaterial', 'AcceptArchiveMaterialInput', { materialCode: material.code });
      expect(accepted.body.errors).toBeUndefined();
      finishingKey = key + material.code;
    }
    const after = await types();
    expect(after.filter((t) => t === 'ArchiveMaterialSubmitted')).toHaveLength(materials.length);
    expect(after.filter((t) => t === 'ArchiveMaterialAccepted')).toHaveLength(materials.length);
    expect(after.at(-1)).toBe('ArchiveMaterialAccepted');
  });

  it('answers a retry of the action that finished the workflow, from the events', async () => {
    const [last] = (await gql<{ indicatorTask: Card }>(stack.url, 'wtsq.member', `{ indicatorTask(id: "${taskId}") { ${CARD} } }`)).data!.indicatorTask.archiveMaterials.slice(-1);
    const before = await types();
    // The workflow completed when the last material was accepted; the archivist's retry is answered, not refused.
    const retry = await act('archivist', finishingKey, 'acceptArchiveMaterial', 'AcceptArchiveMaterialInput', { materialCode: last.code });
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.acceptArchiveMaterial).toMatchObject({ stage: 'ARCHIVED' });
    expect(await types()).toEqual(before);
    // A new key for the same action is a new action, which the finished task refuses.
    const fresh = await act('archivist', randomUUID(), 'acceptArchiveMaterial', 'AcceptArchiveMaterialInput', { materialCode: last.code });
    expect(fresh.body.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(await types()).toEqual(before);
  });

  it('answers the retry of a rectification item action that moved the item on, and writes it once', async () => {
    const jpeg = { fileName: '现场.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64') };
    const reported = await gql<{ reportItem: { item: { id: string } } }>(stack.url, 'supervisor', 'mutation($input: ReportItemInput!) { reportItem(input: $input) { item { id } } }', {
      input: { campaignId: CAMPAIGN, source: 'SUPERVISION', area: 'SANITATION', location: { address: '外滩路 7 号（重试）' }, description: '垃圾桶满溢', photos: [jpeg] },
    });
    expect(reported.errors).toBeUndefined();
    const itemId = reported.data!.reportItem.item.id;
    const key = randomUUID();
    const dispatch = async () => {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-user': 'supervisor', 'idempotency-key': key },
        body: JSON.stringify({ query: 'mutation($i: ItemActionInput!) { actOnItem(input: $i) { state version } }', variables: { i: { itemId, action: 'DISPATCH', unitCode: 'WTSQ' } } }),
      });
      return (await res.json()) as GraphQLResponse<{ actOnItem: { state: string; version: number } }>;
    };
    const first = await dispatch();
    expect(first.errors).toBeUndefined();
    // Dispatching a dispatched item is against the rules; the retry of this very dispatch is not.
    const again = await dispatch();
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect((await eventsOf(stack.db, itemId)).map((e) => e.type)).toEqual(['ItemReported', 'ItemDispatched']);
  });

  it('refuses a malformed key before anything runs', async () => {
    const before = await types();
    for (const key of ['short', 'x'.repeat(129), 'has spaces in it', `${randomUUID()}, ${randomUUID()}`]) {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-user': 'wtsq.member', 'idempotency-key': key },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as GraphQLResponse<unknown>;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/Idempotency-Key 格式不正确/);
    }
    expect(await types()).toEqual(before);
  });
});
