// Email over SMTP (issue 16): one message per notification and person, sent with nodemailer to SMTP_URL
// (smtp:// or smtps://, credentials in the URL). The Message-ID is derived from the notification id, so a receiver
// can tell a resent message from a new one. A 5xx answer (a bad address, a refused sender) is permanent; a
// connection that fails or times out, or a 4xx, is tried again by the delivery activity.
import { createTransport, type Transporter } from 'nodemailer';
import { PermanentDeliveryError, type DeliveryMessage, type NotificationChannel } from './notification-channel';

export interface EmailChannelConfig {
  url: string;
  from: string;
  /** Where a card is opened: PUBLIC_URL, or the API's own origin. */
  publicUrl: string;
}

/** The same 10 s for connecting, the greeting and each answer. */
const TIMEOUT_MS = 10_000;
/** A plain check of the shape of an address; the server says the rest. Linear: no nested quantifiers. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export function emailMessageId(notificationId: string): string {
  return `<${notificationId}@notifications.chuangwen>`;
}

/** The card's address on the board, as the inbox bell opens it (web/src/shell/NotificationBell.tsx). */
export function cardLink(publicUrl: string, message: Pick<DeliveryMessage, 'taskId' | 'itemId'>): string {
  const base = publicUrl.replace(/\/+$/, '');
  if (message.taskId) return `${base}/#/board?${new URLSearchParams({ card: message.taskId, kind: 'task' }).toString()}`;
  if (message.itemId) return `${base}/#/board?${new URLSearchParams({ view: 'items', card: message.itemId, kind: 'item' }).toString()}`;
  return `${base}/`;
}

export function emailText(message: DeliveryMessage, publicUrl: string): string {
  return [`${message.recipient.name}：`, '', message.text, '', `查看卡片：${cardLink(publicUrl, message)}`, '', '—— 创文工作流引擎（本邮件由系统发送，请勿直接回复）'].join('\n');
}

export class EmailChannel implements NotificationChannel {
  readonly name = 'EMAIL' as const;
  private readonly transport: Transporter;

  constructor(private readonly config: EmailChannelConfig) {
    this.transport = createTransport({ url: config.url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  }

  reaches(message: DeliveryMessage): boolean {
    return message.recipient.email !== null && EMAIL.test(message.recipient.email);
  }

  async send(message: DeliveryMessage): Promise<void> {
    if (!this.reaches(message)) throw new PermanentDeliveryError('收件人没有有效的邮箱地址');
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: { name: message.recipient.name, address: message.recipient.email as string },
        subject: message.urgent ? `【紧急】${message.title}` : message.title,
        text: emailText(message, this.config.publicUrl),
        messageId: emailMessageId(message.notificationId),
        headers: { 'X-Chuangwen-Notification': message.notificationId },
      });
    } catch (err) {
      const code = (err as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentDeliveryError(`邮件服务器拒收（${code}）：${(err as Error).message}`.slice(0, 500));
      throw err;
    }
  }

  close(): void {
    this.transport.close();
  }
}
