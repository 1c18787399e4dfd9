// What every delivery channel of a notification (issue 16) implements: the in-app inbox needs none (the row is the
// message); email, the generic webhook, the 企业微信 and 钉钉 group robots and SMS each send one notification to one
// person, called from the delivery activity with retries, and say by the error they throw whether trying again helps.

/** The channels beyond the inbox, by the names the delivery log and the preferences use. */
export const DELIVERY_CHANNELS = ['EMAIL', 'WEBHOOK', 'WECOM', 'DINGTALK', 'SMS'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** One notification for one person, as a channel sends it. */
export interface DeliveryMessage {
  /** The notification's id: the idempotency key a receiver can deduplicate with. */
  notificationId: string;
  /** The event that caused it: notifications of one event to several people share it (one group message). */
  sourceEventId: string;
  kind: string;
  campaignId: string;
  taskId: string | null;
  itemId: string | null;
  title: string;
  text: string;
  urgent: boolean;
  /** ISO 8601. */
  createdAt: string;
  recipient: {
    login: string;
    name: string;
    phone: string | null;
    email: string | null;
    unitCode: string | null;
  };
}

/** The receiver refused the message for good (a 4xx, a bad address): recorded as failed, not tried again. */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;
}

export interface NotificationChannel {
  readonly name: DeliveryChannel;
  /** Whether the channel can reach this person at all (an address, a phone, a group for the unit). */
  reaches(message: DeliveryMessage): boolean | Promise<boolean>;
  /**
   * Sends the message. Throws PermanentDeliveryError when trying again cannot help; any other error is retried
   * with backoff by the delivery activity.
   */
  send(message: DeliveryMessage): Promise<void>;
}
