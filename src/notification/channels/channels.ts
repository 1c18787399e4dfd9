// The channels this process can send on, built from the configuration (issue 16): a channel whose variables are
// unset is left out, and with none configured only the inbox works. Add a channel here and to DELIVERY_CHANNELS.
// The group robots are on when the office's own group is set (WECOM_WEBHOOK_URL / DINGTALK_WEBHOOK_URL); units'
// groups from the organisation import then take their people's messages.
import type { NotificationsConfig } from '../../platform/config/config';
import type { Db } from '../../platform/database/database';
import { EmailChannel } from './email.channel';
import { DingtalkRobotChannel, WecomRobotChannel } from './group-robot.channel';
import type { DeliveryChannel, NotificationChannel } from './notification-channel';
import { AliyunSmsProvider } from './sms/aliyun-sms.provider';
import { SmsChannel } from './sms/sms.channel';
import { WebhookChannel } from './webhook.channel';

/** The names of the channels `configuredChannels` builds, for the API (which sends nothing itself). */
export function configuredChannelNames(config: NotificationsConfig): DeliveryChannel[] {
  const { wecom, dingtalk, sms } = config.robotsAndSms;
  return [
    ...(config.email ? (['EMAIL'] as const) : []),
    ...(config.webhook ? (['WEBHOOK'] as const) : []),
    ...(wecom.webhookUrl ? (['WECOM'] as const) : []),
    ...(dingtalk.webhookUrl ? (['DINGTALK'] as const) : []),
    ...(sms ? (['SMS'] as const) : []),
  ];
}

export function configuredChannels(config: NotificationsConfig, db: Db): NotificationChannel[] {
  const { wecom, dingtalk, sms } = config.robotsAndSms;
  const channels: NotificationChannel[] = [];
  if (config.email) channels.push(new EmailChannel({ ...config.email, publicUrl: config.publicUrl }));
  if (config.webhook) channels.push(new WebhookChannel(config.webhook));
  if (wecom.webhookUrl) channels.push(new WecomRobotChannel(db, wecom));
  if (dingtalk.webhookUrl) channels.push(new DingtalkRobotChannel(db, dingtalk));
  if (sms) channels.push(new SmsChannel(new AliyunSmsProvider(sms)));
  return channels;
}
