// One port in front of several API instances (`npm run start:cluster`): a small reverse proxy that spreads
// requests round-robin over the instances that answer, and carries WebSocket upgrades (live subscriptions) through.
// It is the edge: the client's address is worked out here under the same TRUST_PROXY rules the API uses, and
// X-Forwarded-For is replaced (never appended), so the APIs, which trust only their loopback proxy, see the real
// client and no client can choose its own address. A request is moved to another instance only when the
// connection to the first was refused (nothing was sent); once sent, a failure is a 502 UNAVAILABLE the client
// retries with its Idempotency-Key.
import * as http from 'node:http';
import * as net from 'node:net';
import proxyaddr from 'proxy-addr';

export interface Upstream {
  host: string;
  port: number;
}

export interface ApiProxyOptions {
  host: string;
  port: number;
  upstreams: Upstream[];
  /** TRUST_PROXY as the config has it: which hops in front of us may name the client. */
  trustProxy: false | number | string[];
  log?: (line: string) => void;
  /** How often an instance marked down is asked /health again. */
  healthIntervalMs?: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);

function trustFunction(trust: ApiProxyOptions['trustProxy']): (address: string, hop: number) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyaddr.compile(trust);
}

const UNAVAILABLE_BODY = JSON.stringify({
  errors: [{ message: '服务暂时不可用，请稍后重试 / the service is briefly unavailable, please retry', extensions: { code: 'UNAVAILABLE' } }],
});

interface UpstreamState extends Upstream {
  up: boolean;
  agent: http.Agent;
}

export class ApiProxy {
  private next = 0;
  private healthTimer: NodeJS.Timeout | null = null;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: http.Server,
    private readonly upstreams: UpstreamState[],
    private readonly options: ApiProxyOptions,
  ) {}

  static async start(options: ApiProxyOptions): Promise<ApiProxy> {
    const upstreams = options.upstreams.map((u) => ({ ...u, up: true, agent: new http.Agent({ keepAlive: true, maxSockets: 256 }) }));
    const server = http.createServer();
    const proxy = new ApiProxy(server, upstreams, options);
    const trust = trustFunction(options.trustProxy);
    server.on('request', (req, res) => proxy.forward(req, res, trust));
    server.on('upgrade', (req, socket: net.Socket, head: Buffer) => proxy.tunnel(req, socket, head, trust));
    server.on('connection', (socket: net.Socket) => {
      proxy.sockets.add(socket);
      socket.once('close', () => proxy.sockets.delete(socket));
    });
    // Longer than any load balancer's idle timeout in front of us, as the API does.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    proxy.healthTimer = setInterval(() => void proxy.checkHealth(), options.healthIntervalMs ?? 2000);
    proxy.healthTimer.unref();
    return proxy;
  }

  get url(): string {
    return `http://${this.options.host}:${this.options.port}`;
  }

  /** The instances in the order to try: round-robin over those up, then those down (they may be back). */
  private order(): UpstreamState[] {
    const start = this.next++ % this.upstreams.length;
    const rotated = [...this.upstreams.slice(start), ...this.upstreams.slice(0, start)];
    return [...rotated.filter((u) => u.up), ...rotated.filter((u) => !u.up)];
  }

  private markDown(upstream: UpstreamState, reason: string): void {
    if (!upstream.up) return;
    upstream.up = false;
    this.options.log?.(`API 实例 ${upstream.host}:${upstream.port} 无响应（${reason}），暂停转发 / instance down`);
  }

  private async checkHealth(): Promise<void> {
    await Promise.all(
      this.upstreams
        .filter((u) => !u.up)
        .map(
          (u) =>
            new Promise<void>((resolve) => {
              const req = http.get({ host: u.host, port: u.port, path: '/health', timeout: 1500, agent: false }, (res) => {
                res.resume();
                if (res.statusCode === 200) {
                  u.up = true;
                  this.options.log?.(`API 实例 ${u.host}:${u.port} 已恢复 / instance back`);
                }
                resolve();
              });
              req.once('error', () => resolve());
              req.once('timeout', () => req.destroy());
            }),
        ),
    );
  }

  private forwardedHeaders(req: http.IncomingMessage, trust: (address: string, hop: number) => boolean): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(name) || name === 'x-forwarded-for' || name === 'x-forwarded-proto' || name === 'x-forwarded-host' || name === 'forwarded') continue;
      headers[name] = value;
    }
    headers['x-forwarded-for'] = proxyaddr(req, trust);
    headers['x-forwarded-proto'] = 'http';
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    return headers;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse, trust: (address: string, hop: number) => boolean): void {
    const headers = this.forwardedHeaders(req, trust);
    const candidates = this.order();
    const attempt = (index: number): void => {
      const upstream = candidates[index];
      if (!upstream) {
        if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
        res.end(UNAVAILABLE_BODY);
        return;
      }
      let connected = false;
      const outgoing = http.request({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers, agent: upstream.agent });
      outgoing.once('socket', (socket: net.Socket) => {
        // A kept-alive socket is connected already; a new one says so when it is.
        if (!socket.connecting) connected = true;
        else socket.once('connect', () => (connected = true));
      });
      outgoing.once('response', (upstreamRes) => {
        const out: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(upstreamRes.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, out);
        upstreamRes.pipe(res);
        upstreamRes.once('error', () => res.destroy());
      });
      outgoing.once('error', (err: NodeJS.ErrnoException) => {
        if (!connected && (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' || err.code === 'EPIPE') && !req.readableDidRead) {
          // Nothing of the request reached this instance: another may take it.
          this.markDown(upstream, err.code);
          attempt(index + 1);
          return;
        }
        this.markDown(upstream, err.code ?? err.message);
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
          res.end(UNAVAILABLE_BODY);
        } else {
          res.destroy();
        }
      });
      res.once('close', () => {
        if (!res.writableFinished) outgoing.destroy();
      });
      // The body flows only once the connection stands, so a refused connection leaves it unread for the next try.
      const send = () => req.pipe(outgoing);
      if (outgoing.socket && !outgoing.socket.connecting) send();
      else outgoing.once('socket', (socket: net.Socket) => (socket.connecting ? socket.once('connect', send) : send()));
    };
    attempt(0);
  }

  private tunnel(req: http.IncomingMessage, client: net.Socket, head: Buffer, trust: (address: string, hop: number) => boolean): void {
    const headers = this.forwardedHeaders(req, trust);
    const candidates = this.order();
    client.on('error', () => client.destroy());
    const attempt = (index: number): void => {
      const upstream = candidates[index];
      if (!upstream) {
        client.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      const socket = net.connect({ host: upstream.host, port: upstream.port });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        if (socket.connecting || err.code === 'ECONNREFUSED') {
          this.markDown(upstream, err.code ?? 'error');
          attempt(index + 1);
        } else {
          client.destroy();
        }
      });
      socket.once('connect', () => {
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (const [name, value] of Object.entries(headers)) {
          for (const v of Array.isArray(value) ? value : [String(value)]) lines.push(`${name}: ${v}`);
        }
        // The upgrade itself is hop-by-hop but is what we are carrying.
        lines.push('connection: Upgrade', `upgrade: ${req.headers.upgrade ?? 'websocket'}`);
        socket.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) socket.write(head);
        socket.pipe(client);
        client.pipe(socket);
        socket.on('error', () => client.destroy());
        socket.once('close', () => client.destroy());
        client.once('close', () => socket.destroy());
      });
    };
    attempt(0);
  }

  async close(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    for (const u of this.upstreams) u.agent.destroy();
  }
}
