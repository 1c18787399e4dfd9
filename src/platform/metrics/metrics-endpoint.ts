// Who may read /metrics, the API's and each worker's. The figures name operations, activities and error rates: not
// secret, but not for anyone who can reach the port either. With METRICS_TOKEN set, Prometheus sends it as a bearer
// token; without it, only this machine is answered (the client's address under TRUST_PROXY for the API).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopback } from '../../auth/auth.service';

export const METRICS_PATH = '/metrics';
/** The Prometheus text format every scraper reads (prom-client's and the Temporal SDK's both write it). */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface MetricsRefusal {
  status: 401 | 403;
  message: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Why a request for /metrics is refused, or null when it may read them. */
export function metricsRefusal(token: string | null, authorization: string | undefined, clientAddress: string): MetricsRefusal | null {
  if (token !== null) {
    const given = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1] ?? '';
    // Digests have one length, so the comparison takes the same time whatever was sent and tells nothing of the token.
    if (given !== '' && timingSafeEqual(sha256(given), sha256(token))) return null;
    return { status: 401, message: '读取监控指标需要正确的监控令牌（Authorization: Bearer <METRICS_TOKEN>） / a valid METRICS_TOKEN bearer token is required' };
  }
  if (isLoopback(clientAddress)) return null;
  return {
    status: 403,
    message: '监控指标只对本机开放；要从其他机器抓取，请设置 METRICS_TOKEN 并让 Prometheus 带上它 / metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere',
  };
}

/**
 * Answers one request for /metrics: the refusal, or the text `collect` gives. `clientAddress` is where the request
 * came from as the server sees it (Express's req.ip behind a trusted proxy, the socket's address otherwise).
 */
export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  options: { token: string | null; clientAddress: string; collect: () => Promise<string> },
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('只支持 GET / GET only\n');
    return;
  }
  const refusal = metricsRefusal(options.token, req.headers.authorization, options.clientAddress);
  if (refusal) {
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
    if (refusal.status === 401) headers['www-authenticate'] = 'Bearer realm="metrics"';
    res.writeHead(refusal.status, headers).end(`${refusal.message}\n`);
    return;
  }
  try {
    const text = await options.collect();
    res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`监控指标暂时无法读取 / metrics could not be collected: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}

/** Whether a request's URL (path and query) asks for /metrics. */
export function isMetricsPath(url: string | undefined): boolean {
  return (url ?? '').split('?')[0] === METRICS_PATH;
}

/** Express middleware of the API's /metrics: the client's address is Express's req.ip, which follows TRUST_PROXY. */
export function metricsMiddleware(token: string | null, collect: () => Promise<string>) {
  return (req: IncomingMessage & { ip?: string }, res: ServerResponse, next: () => void): void => {
    if (!isMetricsPath(req.url)) return next();
    void serveMetrics(req, res, { token, clientAddress: req.ip ?? req.socket.remoteAddress ?? '', collect });
  };
}
