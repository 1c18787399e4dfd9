// The generic webhook (issue 16): one JSON POST per notification and person to NOTIFY_WEBHOOK_URL, with the
// notification id as Idempotency-Key, and, when NOTIFY_WEBHOOK_SECRET is set, an HMAC-SHA256 of the raw body
// (X-Chuangwen-Signature: sha256=<hex>) and the time it was signed (X-Chuangwen-Timestamp). A 5xx, a 429, a timeout
// or a refused connection is tried again; any other 4xx is permanent. At most 64 KB of an answer is read.
import { createHmac } from 'node:crypto';
import { PermanentDeliveryError, type DeliveryMessage, type NotificationChannel } from './notification-channel';

export interface WebhookChannelConfig {
  url: string;
  secret: string | null;
}

const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** The body of one POST: what a receiver needs without calling back. */
export function webhookBody(message: DeliveryMessage): Record<string, unknown> {
  return {
    id: message.notificationId,
    kind: message.kind,
    campaignId: message.campaignId,
    ...(message.taskId !== null ? { taskId: message.taskId } : {}),
    ...(message.itemId !== null ? { itemId: message.itemId } : {}),
    recipientLogin: message.recipient.login,
    recipientName: message.recipient.name,
    recipientPhone: message.recipient.phone,
    title: message.title,
    text: message.text,
    urgent: message.urgent,
    createdAt: message.createdAt,
  };
}

export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** Reads at most `limit` bytes of the answer (for the error message), then lets the rest go. */
async function readSome(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

export class WebhookChannel implements NotificationChannel {
  readonly name = 'WEBHOOK' as const;

  constructor(private readonly config: WebhookChannelConfig) {
    const protocol = new URL(config.url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error('NOTIFY_WEBHOOK_URL 须为 http:// 或 https:// 地址');
  }

  reaches(): boolean {
    return true;
  }

  async send(message: DeliveryMessage): Promise<void> {
    const raw = JSON.stringify(webhookBody(message));
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'idempotency-key': message.notificationId,
      'user-agent': 'chuangwen-notify/1',
    };
    if (this.config.secret !== null) {
      headers['x-chuangwen-timestamp'] = new Date().toISOString();
      headers['x-chuangwen-signature'] = webhookSignature(this.config.secret, raw);
    }
    const response = await fetch(this.config.url, { method: 'POST', headers, body: raw, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    const answer = (await readSome(response, MAX_RESPONSE_BYTES)).slice(0, 300);
    if (response.status >= 200 && response.status < 300) return;
    const error = `接收端返回 HTTP ${response.status}${answer ? `：${answer}` : ''}`;
    if (response.status >= 500 || response.status === 429 || response.status === 408) throw new Error(error);
    // Any other 4xx, and a redirect (not followed: the address is to be corrected), cannot get better by itself.
    throw new PermanentDeliveryError(error);
  }
}
