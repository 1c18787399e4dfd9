// Delivers one notification beyond the inbox (issue 16): plans it (the delivery log gets one row per channel,
// PENDING or SKIPPED with the reason), waits out the person's quiet hours with a durable timer unless it is urgent,
// then sends on every channel at once, each its own activity with retries and exponential backoff, so that a channel
// that is down delays neither the others nor any task workflow. A send refused for good, or still failing when the
// retries run out, is recorded FAILED with the last error; the sends themselves are idempotent per channel.
import { ActivityFailure, ApplicationFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { NotificationDeliveryActivities } from '../../activities/notification-delivery.activities';
import { quietHoursWaitMs } from './notification-delivery.schedule';
import {
  PERMANENT_DELIVERY_FAILURE,
  type DeliveryChannelName,
  type DeliveryOutcome,
  type NotificationDeliveryInput,
  type NotificationDeliveryResult,
} from './notification-delivery.types';

const book = proxyActivities<NotificationDeliveryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function lastError(err: unknown): string {
  let cause: unknown = err;
  while (cause instanceof ActivityFailure && cause.cause) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}

export async function notificationDeliveryWorkflow(input: NotificationDeliveryInput): Promise<NotificationDeliveryResult> {
  const plan = await book.planNotificationDelivery({ notificationId: input.notificationId });
  if (plan.channels.length === 0) return { outcomes: {}, waitedMs: 0 };
  const waitedMs = plan.urgent ? 0 : quietHoursWaitMs(Date.now(), plan.quietHours);
  if (waitedMs > 0) await sleep(waitedMs);

  const { deliverNotification } = proxyActivities<NotificationDeliveryActivities>({
    // One send: an SMTP dialogue or an HTTP request, each with its own 10 s timeout.
    startToCloseTimeout: '1 minute',
    scheduleToCloseTimeout: plan.retry.totalMs,
    retry: {
      initialInterval: plan.retry.initialMs,
      backoffCoefficient: 2,
      maximumInterval: plan.retry.maximumMs,
      nonRetryableErrorTypes: [PERMANENT_DELIVERY_FAILURE],
    },
  });
  const outcomes: Partial<Record<DeliveryChannelName, DeliveryOutcome>> = {};
  await Promise.all(
    plan.channels.map(async (channel) => {
      try {
        await deliverNotification({ notificationId: input.notificationId, channel });
        outcomes[channel] = 'SENT';
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        // A permanent refusal has recorded FAILED itself; retries that ran out (or a timeout) are recorded here.
        const permanent = err.cause instanceof ApplicationFailure && err.cause.type === PERMANENT_DELIVERY_FAILURE;
        if (!permanent) await book.recordDeliveryFailure({ notificationId: input.notificationId, channel, error: lastError(err) });
        outcomes[channel] = 'FAILED';
      }
    }),
  );
  return { outcomes, waitedMs };
}
