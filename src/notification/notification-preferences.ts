// A person's delivery preferences (issue 16), pure: which channels they want and their quiet hours, checked as
// entered (HH:MM strictly, known channels only) and turned into the plan of one notification.
import { DomainError } from '../platform/errors/domain-error';
import { DEFAULT_QUIET_HOURS, HH_MM } from '../../workflows/notification-delivery/notification-delivery.schedule';
import type { QuietHours } from '../../workflows/notification-delivery/notification-delivery.types';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './channels/notification-channel';

export interface Preferences {
  /** null: every configured channel. */
  channels: DeliveryChannel[] | null;
  /** null: no quiet hours. */
  quietHours: QuietHours | null;
}

export const DEFAULT_PREFERENCES: Preferences = { channels: null, quietHours: DEFAULT_QUIET_HOURS };

export const CHANNEL_LABELS: Record<DeliveryChannel, string> = {
  EMAIL: '电子邮件',
  WEBHOOK: '通用推送接口（Webhook）',
  WECOM: '企业微信群机器人',
  DINGTALK: '钉钉群机器人',
  SMS: '短信',
};

/** SMS costs money and interrupts: only for urgent notifications (督办 and above), whatever the person chose. */
export const URGENT_ONLY: ReadonlySet<DeliveryChannel> = new Set<DeliveryChannel>(['SMS']);

export function isDeliveryChannel(value: unknown): value is DeliveryChannel {
  return typeof value === 'string' && (DELIVERY_CHANNELS as readonly string[]).includes(value);
}

export interface PreferencesInput {
  channels?: readonly string[] | null;
  /** true: back to every configured channel (null). */
  defaultChannels?: boolean | null;
  quietHoursEnabled?: boolean | null;
  quietStart?: string | null;
  quietEnd?: string | null;
}

/** Checks what a person entered; a bad value is refused in Chinese, naming the field. */
export function validatePreferences(input: PreferencesInput, current: Preferences): Preferences {
  let channels = current.channels;
  if (input.channels !== undefined && input.channels !== null) {
    if (input.channels.length > DELIVERY_CHANNELS.length * 2) throw new DomainError('BAD_USER_INPUT', `通知渠道最多 ${DELIVERY_CHANNELS.length} 个`, 'channels');
    const chosen: DeliveryChannel[] = [];
    for (const c of input.channels) {
      if (!isDeliveryChannel(c)) {
        throw new DomainError('BAD_USER_INPUT', `不认识的通知渠道「${String(c).slice(0, 40)}」，可选：${DELIVERY_CHANNELS.map((k) => `${k}（${CHANNEL_LABELS[k]}）`).join('、')}`, 'channels');
      }
      if (!chosen.includes(c)) chosen.push(c);
    }
    channels = DELIVERY_CHANNELS.filter((c) => chosen.includes(c));
  }
  if (input.defaultChannels === true) channels = null;
  const enabled = input.quietHoursEnabled ?? current.quietHours !== null;
  if (!enabled) return { channels, quietHours: null };
  const base = current.quietHours ?? DEFAULT_QUIET_HOURS;
  const start = input.quietStart ?? base.start;
  const end = input.quietEnd ?? base.end;
  for (const [field, value, label] of [
    ['quietStart', start, '免打扰开始时间'],
    ['quietEnd', end, '免打扰结束时间'],
  ] as const) {
    if (value.length > 5 || !HH_MM.test(value)) throw new DomainError('BAD_USER_INPUT', `${label}「${value.slice(0, 20)}」须为 24 小时制的 时:分，如 22:00、07:30`, field);
  }
  if (start === end) throw new DomainError('BAD_USER_INPUT', '免打扰的开始和结束时间不能相同；不需要免打扰时请关闭它', 'quietEnd');
  return { channels, quietHours: { start, end } };
}

export type PlannedDelivery = { channel: DeliveryChannel; status: 'PENDING' } | { channel: DeliveryChannel; status: 'SKIPPED'; reason: string };

/**
 * Which of the configured channels a notification goes out on for this person, and why not on the others. Whether
 * the channel can reach the person (an address, a phone) is asked of the channel afterwards.
 */
export function planChannels(configured: readonly DeliveryChannel[], preferences: Preferences, urgent: boolean): PlannedDelivery[] {
  return DELIVERY_CHANNELS.filter((c) => configured.includes(c)).map((channel): PlannedDelivery => {
    if (preferences.channels !== null && !preferences.channels.includes(channel)) return { channel, status: 'SKIPPED', reason: '本人已关闭此渠道' };
    if (URGENT_ONLY.has(channel) && !urgent) return { channel, status: 'SKIPPED', reason: '此渠道只发送紧急消息（督办及以上）' };
    return { channel, status: 'PENDING' };
  });
}
