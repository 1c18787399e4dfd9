// The channels this process can send on, built from the configuration (issue 16): a channel whose variables are
// unset is left out, and with none configured only the inbox works. Add a channel here and to DELIVERY_CHANNELS.
import type { NotificationsConfig } from '../../platform/config/config';
import { EmailChannel } from './email.channel';
import type { NotificationChannel } from './notification-channel';
import { WebhookChannel } from './webhook.channel';

export function configuredChannels(config: NotificationsConfig): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (config.email) channels.push(new EmailChannel({ ...config.email, publicUrl: config.publicUrl }));
  if (config.webhook) channels.push(new WebhookChannel(config.webhook));
  return channels;
}
