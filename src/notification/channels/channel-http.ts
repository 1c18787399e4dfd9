// One HTTP request of a delivery channel: a time limit, a capped response body, and the HTTP status sorted into
// "try again later" (5xx, 429, no answer) and "refused for good" (other 4xx), as the delivery activity needs it.
import { PermanentDeliveryError } from './notification-channel';

/** A receiver that has not answered by then is treated as down. */
const TIMEOUT_MS = 10_000;
/** Bytes of a response body read at most: receivers answer a few bytes of JSON. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface ChannelResponse {
  status: number;
  body: string;
}

/** Sends the request; throws a retryable Error for no answer, 5xx and 429, PermanentDeliveryError for other 4xx. */
export async function channelRequest(what: string, url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }): Promise<ChannelResponse> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new Error(`${what}无法连接：${errorText(err)}`, { cause: err });
  }
  const body = await readCapped(response);
  if (response.status >= 500 || response.status === 429) throw new Error(`${what}暂时不可用（HTTP ${response.status}）：${body.slice(0, 200)}`);
  if (response.status >= 300) throw new PermanentDeliveryError(`${what}拒绝了消息（HTTP ${response.status}）：${body.slice(0, 200)}`);
  return { status: response.status, body };
}

/** The JSON of a response, or null if it is none. */
export function jsonOf(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Text cut to at most `maxBytes` of UTF-8, never inside a character. */
export function cutUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      size += value.byteLength;
      if (size >= MAX_RESPONSE_BYTES) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}

function errorText(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } })?.cause;
  return String(cause?.code ?? cause?.message ?? (err as Error)?.message ?? err);
}
