// Fault (issue 16): notifications are delivered although everything they go through fails for a while. The worker
// is killed with SIGKILL while deliveries are being retried, the SMTP server is down and the webhook answers 500;
// when a new worker runs, the SMTP server is back and the webhook answers 200, every notification arrives exactly
// once per channel (counted at the receivers by Message-ID and by Idempotency-Key) and the log says SENT.
import { waitFor } from '../../bench/support/harness';
import { benchTasks } from '../../bench/support/lifecycle';
import { gql } from '../support/test-env';
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../support/notification-receivers';
import { emailMessageId } from '../../src/notification/channels/email.channel';
import { log, startTasks, useFaultStack } from './support/scenario';

const TASKS = 4;

describe('fault: notification delivery through a killed worker, a dead SMTP server and a failing webhook', () => {
  const faultTest = useFaultStack();
  let smtp: SmtpReceiver | null = null;
  let hook: WebhookReceiver | null = null;
  afterAll(async () => {
    await smtp?.stop();
    await hook?.close();
  });

  faultTest('delivers every notification once per channel when they come back', async (stack) => {
    const cli = process.env.TEMPORAL_CLI;
    if (!cli) throw new Error('TEMPORAL_CLI is not set: run the fault tests through jest (global setup)');
    smtp = await startSmtpReceiver();
    await smtp.stop(); // down from the start: connections are refused
    hook = await startWebhookReceiver();
    let webhookUp = false;
    hook.answer = () => (webhookUp ? 200 : 500);

    await Promise.all([stack.startPostgres(), stack.startTemporal(cli)]);
    await stack.prepareDatabase([stack.campaignId]);
    const db = stack.db();
    const client = await stack.client();
    // Both supervisors are told of every self-check; both have an address; nobody has quiet hours (any hour of the day).
    await db.updateTable('users').set({ email: 'supervisor@example.gov.cn' }).where('login', '=', 'supervisor').execute();
    await db.updateTable('users').set({ email: 'supervisor2@example.gov.cn' }).where('login', '=', 'supervisor2').execute();
    const logins = (await db.selectFrom('users').select('login').execute()).map((u) => u.login);
    await db.insertInto('notification_preferences').values(logins.map((login) => ({ login, quiet_hours_enabled: false }))).execute();

    const channels = {
      SMTP_URL: smtp.url,
      SMTP_FROM: '创文办 <cw@example.gov.cn>',
      NOTIFY_WEBHOOK_URL: hook.url,
      NOTIFY_RETRY_FIRST_SECONDS: '1',
      NOTIFY_RETRY_MAX_MINUTES: '1',
    };
    const worker = await stack.startWorker(channels);
    const api = await stack.startApi();
    const { tasks, starts } = benchTasks(stack.campaignId, TASKS);
    await startTasks(db, client, stack.taskQueue, starts);
    log(`${TASKS} tasks started; SMTP down, webhook answering 500`);

    for (const t of tasks) {
      const res = await gql(api.url, t.unitLogin, `mutation { submitSelfCheck(input: { taskId: "${t.taskId}", classification: MET, note: "故障测试" }) { version } }`);
      expect(res.errors).toBeUndefined();
    }
    const expected = TASKS * 2;
    const notifications = async () => db.selectFrom('notifications').select('id').where('kind', '=', 'APPROVAL_REQUEST').execute();
    await waitFor(async () => (await notifications()).length === expected, 30_000, 'the notifications');
    // Deliveries are under way and failing: the webhook has refused some, and no email got through.
    await waitFor(async () => hook!.posts.length >= expected, 30_000, 'the first webhook attempts', 100);
    await stack.kill(worker);
    log(`worker killed with ${hook.posts.length} webhook attempts refused, ${smtp.mails.length} emails`);

    // Everything stays away a little longer; then the receivers come back before the new worker.
    await new Promise((r) => setTimeout(r, 5_000));
    await smtp.start();
    webhookUp = true;
    await stack.startWorker(channels);
    log('SMTP back, webhook answering 200, new worker healthy');

    const ids = (await notifications()).map((n) => n.id).sort();
    const sent = async () =>
      Number(
        (await db.selectFrom('notification_deliveries').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'SENT').where('notification_id', 'in', ids).executeTakeFirstOrThrow()).n,
      );
    await waitFor(async () => (await sent()) === expected * 2, 90_000, 'every notification sent on both channels', 250);
    // Time for a second send to show up, if there were one.
    await new Promise((r) => setTimeout(r, 2_000));

    const accepted = hook.accepted().map((p) => String(p.headers['idempotency-key'])).sort();
    expect(accepted).toEqual(ids);
    expect(smtp.mails.map((m) => m.messageId).sort()).toEqual(ids.map(emailMessageId).sort());
    const rows = await db.selectFrom('notification_deliveries').select(['channel', 'status', 'attempts']).where('notification_id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    // Each webhook delivery was refused at least once before it went through.
    expect(rows.filter((r) => r.channel === 'WEBHOOK').every((r) => r.attempts >= 2)).toBe(true);
    log(`${expected} notifications, each sent once by email and once by webhook (${hook.posts.length} webhook attempts in all)`);
    expect(stack.crashes).toEqual([]);
  });
});
