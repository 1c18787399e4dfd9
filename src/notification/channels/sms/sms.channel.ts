// The SMS channel (issue 16): one message per notification and person with a mobile number, through the configured
// provider. Providers send only pre-approved templates, so the message is the template with the notification's
// title as its one variable; the template the office registers is in docs/configuration.md.
import { PermanentDeliveryError, type DeliveryMessage, type NotificationChannel } from '../notification-channel';
import type { SmsProvider } from './sms-provider';

/** 阿里云 limits a variable of a notice template to 35 characters. */
const MAX_TITLE = 35;

export class SmsChannel implements NotificationChannel {
  readonly name = 'SMS' as const;

  constructor(private readonly provider: SmsProvider) {}

  reaches(message: DeliveryMessage): boolean {
    return message.recipient.phone !== null;
  }

  async send(message: DeliveryMessage): Promise<void> {
    if (!message.recipient.phone) throw new PermanentDeliveryError('此人没有登记手机号');
    const title = [...message.title];
    await this.provider.send({
      phone: message.recipient.phone,
      params: { title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).join('')}…` : message.title },
      outId: message.notificationId,
    });
  }
}
