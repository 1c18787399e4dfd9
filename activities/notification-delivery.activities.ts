// The delivery workflow's side effects (issue 16): plan one notification's delivery (the delivery log rows), send it
// on one channel, record a channel FAILED when its retries ran out. Each is safe to run twice: a plan keeps the rows
// already written, and a channel already SENT is not sent again.
import { ApplicationFailure } from '@temporalio/common';
import type { NotificationChannel } from '../src/notification/channels/notification-channel';
import { PermanentDeliveryError } from '../src/notification/channels/notification-channel';
import { notificationDeliveries } from '../src/platform/metrics/worker.metrics';
import type { NotificationDeliveryRepository } from '../src/notification/notification-delivery.repository';
import { planChannels, type PlannedDelivery } from '../src/notification/notification-preferences';
import type { DeliveryPlan, DeliverInput, DeliveryRetry, NotificationDeliveryInput, RecordFailureInput } from '../workflows/notification-delivery/notification-delivery.types';
import { PERMANENT_DELIVERY_FAILURE } from '../workflows/notification-delivery/notification-delivery.types';

export interface NotificationDeliveryDeps {
  deliveries: NotificationDeliveryRepository;
  /** The channels configured in this worker (configuredChannels). */
  channels: readonly NotificationChannel[];
  retry: DeliveryRetry;
}

export function createNotificationDeliveryActivities(deps: NotificationDeliveryDeps) {
  const byName = new Map(deps.channels.map((c) => [c.name, c]));

  return {
    async planNotificationDelivery({ notificationId }: NotificationDeliveryInput): Promise<DeliveryPlan> {
      const message = await deps.deliveries.message(notificationId);
      if (!message || deps.channels.length === 0) return { channels: [], urgent: false, quietHours: null, retry: deps.retry };
      const preferences = await deps.deliveries.preferences(message.recipient.login);
      const planned: PlannedDelivery[] = [];
      for (const p of planChannels([...byName.keys()], preferences, message.urgent)) {
        const channel = byName.get(p.channel);
        if (p.status === 'PENDING' && channel && !(await channel.reaches(message))) {
          planned.push({ channel: p.channel, status: 'SKIPPED', reason: '无法送达：未登记此渠道所需的联系方式（邮箱、手机号或单位群）' });
        } else {
          planned.push(p);
        }
      }
      const channels = await deps.deliveries.writePlan(notificationId, planned);
      return { channels, urgent: message.urgent, quietHours: preferences.quietHours, retry: deps.retry };
    },

    async deliverNotification({ notificationId, channel }: DeliverInput): Promise<void> {
      const before = await deps.deliveries.beginAttempt(notificationId, channel);
      if (before === 'SENT') return;
      const sender = byName.get(channel);
      const message = await deps.deliveries.message(notificationId);
      if (before === null || !message || !sender) {
        const error = !sender ? '本 worker 未配置此渠道' : '通知或其送达记录不存在';
        await deps.deliveries.noteError(notificationId, channel, error, true);
        throw ApplicationFailure.create({ type: PERMANENT_DELIVERY_FAILURE, message: error, nonRetryable: true });
      }
      try {
        await sender.send(message);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        const permanent = err instanceof PermanentDeliveryError;
        await deps.deliveries.noteError(notificationId, channel, error, permanent);
        notificationDeliveries.inc({ channel: sender.name, outcome: permanent ? 'FAILED' : 'RETRYING' });
        if (permanent) throw ApplicationFailure.create({ type: PERMANENT_DELIVERY_FAILURE, message: error, nonRetryable: true });
        throw err;
      }
      await deps.deliveries.markSent(notificationId, channel);
      notificationDeliveries.inc({ channel: sender.name, outcome: 'SENT' });
    },

    /** Retries ran out (a permanent refusal was counted FAILED when it happened). */
    async recordDeliveryFailure({ notificationId, channel, error }: RecordFailureInput): Promise<void> {
      await deps.deliveries.markFailed(notificationId, channel, error);
      notificationDeliveries.inc({ channel: byName.get(channel)?.name ?? 'unknown', outcome: 'FAILED' });
    },
  };
}

export type NotificationDeliveryActivities = ReturnType<typeof createNotificationDeliveryActivities>;
