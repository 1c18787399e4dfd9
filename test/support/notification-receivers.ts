// Real servers that notifications are delivered to in tests (issue 16): an SMTP server (the smtp-server package,
// speaking SMTP over a socket, not a mock transport) and an HTTP receiver for the webhook. Each keeps what it got,
// and can be told to refuse for a while, to be stopped and started again on the same port.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  subject: string;
  to: string;
  text: string;
  raw: string;
}

/** Headers of a message, unfolded, by lower-case name. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), adjacent ones joined. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function parseMail(raw: string): ReceivedMail {
  const headers = headersOf(raw);
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).trim();
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { messageId: headers.get('message-id') ?? '', subject: decodeWords(headers.get('subject') ?? ''), to: headers.get('to') ?? '', text, raw };
}

export interface SmtpReceiver {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Stops listening (connections are refused) until start() is called again, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtpReceiver(port = 0): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  const receiver: SmtpReceiver = {
    port,
    url: '',
    mails,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
        onData: (stream, _session, callback) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            mails.push(parseMail(Buffer.concat(chunks).toString('utf8')));
            callback();
          });
        },
      });
      const s = server;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(receiver.port, '127.0.0.1', () => resolve());
      });
      receiver.port = (s.server.address() as AddressInfo).port;
      receiver.url = `smtp://cw:secret@127.0.0.1:${receiver.port}`;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await receiver.start();
  return receiver;
}

export interface ReceivedPost {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  /** The status the receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  posts: ReceivedPost[];
  /** The status to answer a POST with; 200 unless it says otherwise. */
  answer: (body: Record<string, unknown>, attempt: number) => number;
  /** Those answered 2xx. */
  accepted(): ReceivedPost[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const posts: ReceivedPost[] = [];
  const attempts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as Record<string, unknown>;
      const key = String(req.headers['idempotency-key']);
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const status = receiver.answer(body, attempt);
      posts.push({ headers: req.headers, raw, body, status });
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(status < 300 ? 'ok' : `refused ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    posts,
    answer: () => 200,
    accepted: () => posts.filter((p) => p.status < 300),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return receiver;
}
