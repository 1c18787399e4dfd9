// Who may open the live connection (graphql-ws on /graphql). Browsers send `Origin` with every WebSocket
// handshake and no CORS check applies to WebSockets, so without this any page the person has open could subscribe
// as them, or as the demo's office. A handshake without `Origin` is not from a browser page (the CLI, a service
// account's integration, curl): it is allowed, as the same client could send any Origin it liked anyway.
// Pure: the upgrade handler answers 403 with the reason.

const HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;
const ORIGIN = /^https?:\/\/([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** host[:port] as URL normalises it (lower case, the scheme's default port left out), or null. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Why the handshake is refused, or null when it may go on: a browser's `Origin` must be one of `allowedOrigins`,
 * and its `Host` one of theirs too (a DNS name rebound to this machine keeps its own Host); every handshake needs a
 * well-formed `Host`.
 */
export function upgradeRefusal(headers: { origin?: string | string[]; host?: string | string[] }, allowedOrigins: readonly string[]): string | null {
  const host = one(headers.host)?.trim();
  if (!host || host.length > 300 || !HOST.test(host)) return '缺少或无法识别 Host 请求头 / missing or malformed Host';
  const origin = one(headers.origin)?.trim();
  if (origin === undefined || origin === '') return null;
  if (origin.length > 300 || !ORIGIN.test(origin)) return `不允许的来源 / origin not allowed: ${origin.slice(0, 100)}`;
  const normalised = new URL(origin).origin;
  if (!allowedOrigins.includes(normalised)) return `不允许的来源 / origin not allowed: ${normalised}`;
  const requestHost = hostOf(`http://${host}`);
  const hosts = new Set(allowedOrigins.map(hostOf));
  if (requestHost === null || !hosts.has(requestHost)) return `Host 与允许的来源不符 / Host not among the allowed origins: ${host}`;
  return null;
}
