// A worker's /metrics: ours (worker.metrics.ts) and the Temporal SDK's, as one text at one URL. The SDK serves its
// figures itself (its Prometheus exporter, set up with the Runtime in worker-runner.ts) on a loopback port that only
// this process reads, so that scrapers need one target per worker and our access rule covers both.
import * as http from 'node:http';
import { isMetricsPath, serveMetrics } from './metrics-endpoint';
import { workerRegistry } from './worker.metrics';

/** How long a scrape waits for the SDK's exporter before answering with ours alone. */
const SDK_TIMEOUT_MS = 2_000;

export class WorkerMetrics {
  /** `sdkAddress`: host:port of the SDK's exporter, or null when the Runtime was set up without one. */
  constructor(readonly sdkAddress: string | null) {}

  /** Our metrics, then the SDK's (`temporal_…`); a comment in their place when the SDK's cannot be read. */
  async text(): Promise<string> {
    const ours = await workerRegistry.metrics();
    return `${ours.endsWith('\n') ? ours : `${ours}\n`}${await this.sdkText()}`;
  }

  /**
   * Answers a request for /metrics on a worker's own HTTP server; true when it was one. Nothing proxies a worker,
   * so the socket's address is the caller's.
   */
  handle(req: http.IncomingMessage, res: http.ServerResponse, token: string | null): boolean {
    if (!isMetricsPath(req.url)) return false;
    void serveMetrics(req, res, { token, clientAddress: req.socket.remoteAddress ?? '', collect: () => this.text() });
    return true;
  }

  /** A server of /metrics alone (`npm start`, whose worker has no health endpoint of its own). */
  async listen(host: string, port: number, token: string | null): Promise<http.Server> {
    const server = http.createServer((req, res) => {
      if (!this.handle(req, res, token)) res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found\n');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return server;
  }

  private async sdkText(): Promise<string> {
    if (this.sdkAddress === null) return '# Temporal SDK metrics: not exported by this process\n';
    try {
      const res = await fetch(`http://${this.sdkAddress}/metrics`, { signal: AbortSignal.timeout(SDK_TIMEOUT_MS) });
      if (!res.ok) return `# Temporal SDK metrics unavailable: HTTP ${res.status}\n`;
      const text = await res.text();
      return text.endsWith('\n') || text === '' ? text : `${text}\n`;
    } catch (err) {
      return `# Temporal SDK metrics unavailable: ${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')}\n`;
    }
  }
}
