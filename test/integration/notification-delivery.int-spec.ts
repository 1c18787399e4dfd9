// Delivery beyond the inbox (issue 16) with the real stack and real receivers started here: an SMTP server
// (smtp-server) gets the email with the Chinese subject and a Message-ID from the notification id; an HTTP receiver
// gets the webhook's JSON with Idempotency-Key and a valid HMAC. A receiver answering 500 for a while gets the
// notification once it answers 200 (attempts > 1); one answering 400 records FAILED and is not asked again. The
// card's notification log shows each channel to whoever sees the card; preferences are checked as entered.
import { createHmac } from 'node:crypto';
import { startStackWithTask, waitFor } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../support/notification-receivers';
import { emailMessageId } from '../../src/notification/channels/email.channel';

const SECRET = 'webhook-secret-for-tests-0123456789';
const TITLE = '【待审核】测评指标 A4：外滩社区提交自查结果';

interface LogEntry {
  notificationId: string;
  recipientLogin: string;
  recipientName: string;
  readAt: string | null;
  deliveries: { channel: string; status: string; statusLabel: string; attempts: number; sentAt: string | null; reason: string | null; lastError: string | null }[];
}

describe('notification delivery by email and webhook', () => {
  let stack: TestStack;
  let taskId: string;
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hook = await startWebhookReceiver();
    ({ stack, taskId } = await startStackWithTask({
      prefix: 'delivery',
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: '创文办 <cw@example.gov.cn>',
        PUBLIC_URL: 'https://cw.example.gov.cn',
        NOTIFY_WEBHOOK_URL: hook.url,
        NOTIFY_WEBHOOK_SECRET: SECRET,
        NOTIFY_RETRY_FIRST_SECONDS: '1',
      },
    }));
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
    await hook?.close();
  });

  async function must<T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gql<T>(stack.url, login, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  const LOG = `query($t: ID, $i: ID) { notificationLog(taskId: $t, itemId: $i) { notificationId recipientLogin recipientName readAt deliveries { channel status statusLabel attempts sentAt reason lastError } } }`;
  const log = async (login: string) => (await must<{ notificationLog: LogEntry[] }>(login, LOG, { t: taskId })).notificationLog;

  it('keeps preferences as entered, refusing what is not HH:MM or not a channel, in Chinese', async () => {
    const update = 'mutation($i: NotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { channels defaultChannels quietHoursEnabled quietStart quietEnd availableChannels } }';
    const before = await must<{ myNotificationPreferences: Record<string, unknown> }>('supervisor', '{ myNotificationPreferences { channels defaultChannels quietHoursEnabled quietStart quietEnd availableChannels } }');
    expect(before.myNotificationPreferences).toEqual({ channels: ['EMAIL', 'WEBHOOK'], defaultChannels: true, quietHoursEnabled: true, quietStart: '22:00', quietEnd: '07:00', availableChannels: ['EMAIL', 'WEBHOOK'] });

    for (const [input, field, words] of [
      [{ quietStart: '7:00' }, 'quietStart', '24 小时制'],
      [{ quietEnd: '24:00' }, 'quietEnd', '24 小时制'],
      [{ quietEnd: `07:00${' '.repeat(100_000)}` }, 'quietEnd', '24 小时制'],
      [{ quietStart: '08:00', quietEnd: '08:00' }, 'quietEnd', '不能相同'],
    ] as const) {
      const res = await gql(stack.url, 'supervisor', update, { i: input });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(res.errors?.[0].message).toContain(words);
    }
    const unknown = await gql(stack.url, 'supervisor', update, { i: { channels: ['PIGEON'] } });
    expect(unknown.errors?.[0].message).toMatch(/PIGEON/);
    // Nothing refused was kept.
    expect((await must<{ myNotificationPreferences: unknown }>('supervisor', '{ myNotificationPreferences { quietStart quietEnd } }')).myNotificationPreferences).toEqual({ quietStart: '22:00', quietEnd: '07:00' });

    // The test runs at any hour: the two supervisors have no quiet hours, so that nothing waits for the morning.
    for (const login of ['supervisor', 'supervisor2']) {
      const saved = await must<{ updateNotificationPreferences: Record<string, unknown> }>(login, update, { i: { quietHoursEnabled: false } });
      expect(saved.updateNotificationPreferences).toMatchObject({ quietHoursEnabled: false, defaultChannels: true });
    }
  });

  it('emails and posts a notification once per person and channel; retries a 500, records a 400 as failed', async () => {
    await stack.db.updateTable('users').set({ email: 'zhang.duc@example.gov.cn' }).where('login', '=', 'supervisor').execute();
    hook.answer = (body, attempt) => (body.recipientLogin === 'supervisor2' ? 400 : attempt <= 2 ? 500 : 200);

    await must('wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: MET, note: "台账齐全" }) { version } }`);

    const settled = (entries: LogEntry[]) => entries.length === 2 && entries.every((e) => e.deliveries.length === 2 && e.deliveries.every((d) => d.status !== 'PENDING'));
    await waitFor(async () => settled(await log('office')), 60_000, 'every channel settled');
    const entries = await log('office');
    const of = (login: string) => entries.find((e) => e.recipientLogin === login)!;
    const supervisor = of('supervisor');
    const supervisor2 = of('supervisor2');

    expect(supervisor.deliveries).toEqual([
      { channel: 'EMAIL', status: 'SENT', statusLabel: '送达', attempts: 1, sentAt: expect.any(String), reason: null, lastError: null },
      { channel: 'WEBHOOK', status: 'SENT', statusLabel: '送达', attempts: 3, sentAt: expect.any(String), reason: null, lastError: expect.stringContaining('500') },
    ]);
    expect(supervisor2.deliveries).toEqual([
      { channel: 'EMAIL', status: 'SKIPPED', statusLabel: '未发送', attempts: 0, sentAt: null, reason: expect.stringContaining('无法送达'), lastError: null },
      { channel: 'WEBHOOK', status: 'FAILED', statusLabel: '失败', attempts: 1, sentAt: null, reason: null, lastError: expect.stringContaining('400') },
    ]);

    // The email, at a real SMTP server: the Chinese subject, a link to the card, a Message-ID from the notification.
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ subject: TITLE, messageId: emailMessageId(supervisor.notificationId) });
    expect(smtp.mails[0].to).toContain('zhang.duc@example.gov.cn');
    expect(smtp.mails[0].text).toContain('自评结果：达标。台账齐全');
    expect(smtp.mails[0].text).toContain(`https://cw.example.gov.cn/#/board?${new URLSearchParams({ card: taskId, kind: 'task' }).toString()}`);

    // The webhook: three tries for the supervisor (two 500s, then 200), one for the 400, the same key each time.
    const forSupervisor = hook.posts.filter((p) => p.body.recipientLogin === 'supervisor');
    expect(forSupervisor.map((p) => p.status)).toEqual([500, 500, 200]);
    expect(hook.posts.filter((p) => p.body.recipientLogin === 'supervisor2').map((p) => p.status)).toEqual([400]);
    const accepted = forSupervisor[2];
    expect(accepted.headers['idempotency-key']).toBe(supervisor.notificationId);
    expect(accepted.headers['x-chuangwen-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(accepted.raw).digest('hex')}`);
    expect(Date.parse(String(accepted.headers['x-chuangwen-timestamp']))).not.toBeNaN();
    expect(accepted.body).toEqual({
      id: supervisor.notificationId,
      kind: 'APPROVAL_REQUEST',
      campaignId: expect.any(String),
      taskId,
      recipientLogin: 'supervisor',
      recipientName: supervisor.recipientName,
      recipientPhone: null,
      title: TITLE,
      text: '自评结果：达标。台账齐全',
      urgent: false,
      createdAt: expect.any(String),
    });

    // Later retries or replays send nothing more.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(hook.posts).toHaveLength(4);
    expect(smtp.mails).toHaveLength(1);
  });

  it('sends nothing on a channel the person turned off, and says so in the log', async () => {
    hook.answer = () => 200;
    for (const login of ['wtsq.head', 'wtsq.member']) await must(login, 'mutation { updateNotificationPreferences(input: { quietHoursEnabled: false }) { quietHoursEnabled } }');
    await must('wtsq.head', 'mutation { updateNotificationPreferences(input: { channels: [EMAIL] }) { channels } }');
    const before = hook.posts.length;
    await must('supervisor', `mutation { returnSelfCheck(input: { taskId: "${taskId}", reason: "材料不全" }) { version } }`);
    const settled = (e: LogEntry) => e.deliveries.length === 2 && e.deliveries.every((d) => d.status !== 'PENDING');
    await waitFor(async () => (await log('office')).filter(settled).length === 4, 30_000, 'the return delivered');
    const entries = await log('office');
    const of = (login: string) => entries.find((e) => e.recipientLogin === login)!.deliveries.map((d) => [d.channel, d.status, d.reason]);
    expect(of('wtsq.head')).toEqual([
      ['EMAIL', 'SKIPPED', expect.stringContaining('无法送达')],
      ['WEBHOOK', 'SKIPPED', '本人已关闭此渠道'],
    ]);
    expect(of('wtsq.member')).toEqual([
      ['EMAIL', 'SKIPPED', expect.stringContaining('无法送达')],
      ['WEBHOOK', 'SENT', null],
    ]);
    expect(hook.posts.slice(before).map((p) => p.body.recipientLogin)).toEqual(['wtsq.member']);
  });

  it('shows the log to whoever sees the card, and to nobody else', async () => {
    const own = await log('wtsq.member');
    expect(own.length).toBeGreaterThan(0);
    const other = await gql(stack.url, 'bjsq.member', LOG, { t: taskId });
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const both = await gql(stack.url, 'office', LOG, { t: taskId, i: 'x' });
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const long = await gql(stack.url, 'office', LOG, { t: 'x'.repeat(100_000) });
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
