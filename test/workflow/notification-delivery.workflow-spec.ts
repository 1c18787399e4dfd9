// The notification delivery workflow (issue 16) on the time-skipping server with fake activities: quiet hours wait
// with a durable timer (urgent ones do not), every channel is sent in parallel with retries, a permanent refusal is
// FAILED at once, retries that run out are recorded FAILED, and a channel that fails does not hold up the others.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { keepHistory } from '../support/workflow-fixtures';
import { notificationDeliveryWorkflow } from '../../workflows/notification-delivery/notification-delivery.workflow';
import { NOTIFICATION_DELIVERY_WORKFLOW_TYPE, notificationDeliveryWorkflowId } from '../../workflows/notification-delivery/notification-delivery.messages';
import {
  PERMANENT_DELIVERY_FAILURE,
  type DeliverInput,
  type DeliveryChannelName,
  type DeliveryPlan,
  type QuietHours,
  type RecordFailureInput,
} from '../../workflows/notification-delivery/notification-delivery.types';

const HOUR = 3_600_000;
const FAST_RETRY = { initialMs: 50, maximumMs: 200, totalMs: 3_000 };

/** HH:MM in Asia/Shanghai of an instant. */
function shanghaiHhMm(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(11, 16);
}

type Behaviour = (attempt: number) => void;

describe('the notification delivery workflow', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  const taskQueue = 'notification-delivery-spec';
  const plans = new Map<string, DeliveryPlan>();
  const behaviours = new Map<string, Behaviour>();
  const attempts = new Map<string, number>();
  const sent: { key: string; at: number }[] = [];
  const failures: RecordFailureInput[] = [];

  beforeAll(async () => {
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      logLevel: 'ERROR',
      activities: {
        planNotificationDelivery: async ({ notificationId }: { notificationId: string }) => plans.get(notificationId),
        deliverNotification: async ({ notificationId, channel }: DeliverInput) => {
          const key = `${notificationId}/${channel}`;
          const attempt = (attempts.get(key) ?? 0) + 1;
          attempts.set(key, attempt);
          behaviours.get(key)?.(attempt);
          sent.push({ key, at: Date.now() });
        },
        recordDeliveryFailure: async (input: RecordFailureInput) => {
          failures.push(input);
        },
      },
    });
    env = server.env;
  });

  afterAll(async () => {
    await server?.stop();
  });

  function deliver(plan: Partial<DeliveryPlan> & { channels: DeliveryChannelName[] }) {
    const notificationId = randomUUID();
    plans.set(notificationId, { urgent: false, quietHours: null, retry: FAST_RETRY, ...plan });
    return {
      notificationId,
      handle: env.client.workflow.start(notificationDeliveryWorkflow, {
        workflowId: notificationDeliveryWorkflowId(notificationId),
        taskQueue,
        args: [{ notificationId }],
      }),
    };
  }

  /** Quiet hours that began an hour ago and end in two, in the test server's time. */
  async function quietNow(): Promise<QuietHours> {
    const now = await env.currentTimeMs();
    return { start: shanghaiHhMm(now - HOUR), end: shanghaiHhMm(now + 2 * HOUR) };
  }

  it('is started under the type and id the outbox uses', () => {
    expect(notificationDeliveryWorkflow.name).toBe(NOTIFICATION_DELIVERY_WORKFLOW_TYPE);
    expect(notificationDeliveryWorkflowId('n-1')).toBe('notification-delivery-n-1');
  });

  it('waits out quiet hours with a durable timer before sending a non-urgent notification', async () => {
    const { notificationId, handle } = deliver({ channels: ['EMAIL', 'WEBHOOK'], quietHours: await quietNow() });
    const h = await handle;
    const result = await h.result();
    expect(result.outcomes).toEqual({ EMAIL: 'SENT', WEBHOOK: 'SENT' });
    // Two hours, less the minutes of the hour already gone.
    expect(result.waitedMs).toBeGreaterThan(HOUR);
    expect(result.waitedMs).toBeLessThanOrEqual(2 * HOUR);
    expect(sent.filter((s) => s.key.startsWith(notificationId))).toHaveLength(2);
    await keepHistory('notification-delivery-quiet-hours', h);
  });

  it('sends an urgent notification at once, quiet hours or not', async () => {
    const { handle } = deliver({ channels: ['WEBHOOK'], urgent: true, quietHours: await quietNow() });
    const result = await (await handle).result();
    expect(result).toEqual({ outcomes: { WEBHOOK: 'SENT' }, waitedMs: 0 });
  });

  it('tries a failing channel again with backoff while the others are sent, and records what ran out or was refused', async () => {
    const id = randomUUID();
    behaviours.set(`${id}/EMAIL`, (attempt) => {
      if (attempt < 3) throw new Error(`smtp down (${attempt})`);
    });
    behaviours.set(`${id}/WEBHOOK`, () => {
      throw ApplicationFailure.create({ type: PERMANENT_DELIVERY_FAILURE, message: 'HTTP 400', nonRetryable: true });
    });
    behaviours.set(`${id}/SMS`, () => {
      throw new Error('gateway down');
    });
    plans.set(id, { channels: ['EMAIL', 'WEBHOOK', 'SMS'], urgent: true, quietHours: null, retry: FAST_RETRY });
    const handle = await env.client.workflow.start(notificationDeliveryWorkflow, { workflowId: notificationDeliveryWorkflowId(id), taskQueue, args: [{ notificationId: id }] });
    const result = await handle.result();
    expect(result.outcomes).toEqual({ EMAIL: 'SENT', WEBHOOK: 'FAILED', SMS: 'FAILED' });
    expect(attempts.get(`${id}/EMAIL`)).toBe(3);
    // A permanent refusal is not tried again, and it records itself: the workflow records only the one that ran out.
    expect(attempts.get(`${id}/WEBHOOK`)).toBe(1);
    expect(attempts.get(`${id}/SMS`)).toBeGreaterThan(2);
    expect(failures.filter((f) => f.notificationId === id).map((f) => [f.channel, f.error])).toEqual([['SMS', expect.stringContaining('gateway down')]]);
  });

  it('does nothing more when the plan has no channel (none configured, or the person opted out)', async () => {
    const { notificationId, handle } = deliver({ channels: [] });
    expect(await (await handle).result()).toEqual({ outcomes: {}, waitedMs: 0 });
    expect(sent.some((s) => s.key.startsWith(notificationId))).toBe(false);
  });
});
