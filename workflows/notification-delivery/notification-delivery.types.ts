// What the delivery workflow and its activities exchange (issue 16). The channel names are the contract's
// (src/notification/channels/notification-channel.ts), repeated here because workflow code imports no src/.

export type DeliveryChannelName = 'EMAIL' | 'WEBHOOK' | 'WECOM' | 'DINGTALK' | 'SMS';

export interface NotificationDeliveryInput {
  notificationId: string;
}

/** A person's quiet hours in Asia/Shanghai, HH:MM; start after end spans midnight (22:00–07:00). */
export interface QuietHours {
  start: string;
  end: string;
}

/** How a failed send is tried again: exponential backoff from `initialMs`, capped at `maximumMs`, for `totalMs`. */
export interface DeliveryRetry {
  initialMs: number;
  maximumMs: number;
  totalMs: number;
}

/** The plan activity's answer: the delivery log rows are written; these channels are to be sent. */
export interface DeliveryPlan {
  /** PENDING channels, in the order of the contract. */
  channels: DeliveryChannelName[];
  urgent: boolean;
  /** null: the person has no quiet hours, or the notification is urgent. */
  quietHours: QuietHours | null;
  retry: DeliveryRetry;
}

export interface DeliverInput {
  notificationId: string;
  channel: DeliveryChannelName;
}

export interface RecordFailureInput extends DeliverInput {
  error: string;
}

export type DeliveryOutcome = 'SENT' | 'FAILED';

export interface NotificationDeliveryResult {
  /** Per channel, what became of it; the workflow's result, for tests and the Temporal UI. */
  outcomes: Partial<Record<DeliveryChannelName, DeliveryOutcome>>;
  /** How long the delivery waited for quiet hours to end, in ms. */
  waitedMs: number;
}

/** The non-retryable failure type of a send refused for good (PermanentDeliveryError in the channel). */
export const PERMANENT_DELIVERY_FAILURE = 'PermanentDeliveryError';
