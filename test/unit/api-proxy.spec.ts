// The reverse proxy of `npm run start:cluster`, against real HTTP and WebSocket servers on loopback: it spreads
// requests, moves one to the other instance only when its connection was refused, answers a cut request with a
// coded 502, carries WebSocket upgrades, and never lets a client choose the address the APIs see.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { ApiProxy } from '../../src/platform/runtime/cluster/api-proxy';
import { freePort } from '../../src/platform/runtime/ports';

interface Seen {
  name: string;
  xff: string | undefined;
  body: string;
}

async function upstream(name: string, seen: Seen[], onRequest?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ name, xff: req.headers['x-forwarded-for'] as string | undefined, body });
      if (onRequest?.(req, res)) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, json: await res.json() };
}

describe('ApiProxy', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  const track = (server: http.Server) => closers.push(() => new Promise((r) => server.close(() => r())));

  async function proxyTo(ports: number[], trustProxy: false | number | string[] = false): Promise<string> {
    const proxy = await ApiProxy.start({ host: '127.0.0.1', port: await freePort(), upstreams: ports.map((port) => ({ host: '127.0.0.1', port })), trustProxy, healthIntervalMs: 100 });
    closers.push(() => proxy.close());
    return proxy.url;
  }

  it('spreads requests over the instances, round-robin', async () => {
    const seen: Seen[] = [];
    const a = await upstream('a', seen);
    const b = await upstream('b', seen);
    track(a.server);
    track(b.server);
    const url = await proxyTo([a.port, b.port]);
    for (let i = 0; i < 4; i++) expect((await post(`${url}/graphql`, `{"i":${i}}`)).status).toBe(200);
    expect(seen.map((s) => s.name).sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(seen.map((s) => s.body).sort()).toEqual(['{"i":0}', '{"i":1}', '{"i":2}', '{"i":3}']);
  });

  it('replaces a forged X-Forwarded-For with the address it saw', async () => {
    const seen: Seen[] = [];
    const a = await upstream('a', seen);
    track(a.server);
    const url = await proxyTo([a.port]);
    await post(`${url}/graphql`, '{}', { 'x-forwarded-for': '6.6.6.6, 10.0.0.1' });
    expect(seen[0].xff).toBe('127.0.0.1');
  });

  it('takes the client from trusted hops only, under the TRUST_PROXY rules', async () => {
    const seen: Seen[] = [];
    const a = await upstream('a', seen);
    track(a.server);
    const url = await proxyTo([a.port], ['loopback']);
    // The client forged the first entry; the trusted hop (loopback) appended the real one.
    await post(`${url}/graphql`, '{}', { 'x-forwarded-for': '6.6.6.6, 203.0.113.5' });
    expect(seen[0].xff).toBe('203.0.113.5');
  });

  it('moves a request whose connection was refused to the other instance, body intact', async () => {
    const seen: Seen[] = [];
    const b = await upstream('b', seen);
    track(b.server);
    const dead = await freePort();
    const url = await proxyTo([dead, b.port]);
    for (let i = 0; i < 3; i++) {
      const answer = await post(`${url}/graphql`, `{"mutation":${i}}`);
      expect(answer).toEqual({ status: 200, json: { name: 'b', body: `{"mutation":${i}}` } });
    }
    expect(seen).toHaveLength(3);
  });

  it('answers a request cut off after it was sent with a coded 502, and does not send it again', async () => {
    const seen: Seen[] = [];
    const a = await upstream('a', seen, (req) => {
      req.socket.destroy();
      return true;
    });
    const b = await upstream('b', seen);
    track(a.server);
    track(b.server);
    const url = await proxyTo([a.port, b.port]);
    const answers = [await post(`${url}/graphql`, '{"n":1}'), await post(`${url}/graphql`, '{"n":2}')];
    const cut = answers.find((x) => x.status === 502);
    expect(cut?.json).toEqual({ errors: [{ message: expect.stringMatching(/服务暂时不可用/), extensions: { code: 'UNAVAILABLE' } }] });
    // Each body reached exactly one instance once: the cut one is the client's to retry (with its Idempotency-Key).
    expect(seen.map((s) => s.body).sort()).toEqual(['{"n":1}', '{"n":2}']);
  });

  it('answers 503 UNAVAILABLE when no instance is up, and finds one again when it comes back', async () => {
    const port = await freePort();
    const url = await proxyTo([port]);
    expect(await post(`${url}/graphql`, '{}')).toEqual({ status: 503, json: { errors: [{ message: expect.any(String), extensions: { code: 'UNAVAILABLE' } }] } });
    const seen: Seen[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ name: 'back', xff: undefined, body: '' });
      res.writeHead(200).end(req.url === '/health' ? 'ok' : '{"back":true}');
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    track(server);
    const deadline = Date.now() + 5000;
    let answer = await post(`${url}/graphql`, '{}').catch(() => ({ status: 0, json: null }));
    while (answer.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await post(`${url}/graphql`, '{}');
    }
    expect(answer).toEqual({ status: 200, json: { back: true } });
  });

  it('carries a WebSocket upgrade through, with the address it saw', async () => {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    let xff: string | undefined;
    wss.on('connection', (socket, req) => {
      xff = req.headers['x-forwarded-for'] as string | undefined;
      socket.on('message', (m) => socket.send(`echo ${String(m)}`));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    });
    const url = await proxyTo([(server.address() as AddressInfo).port]);
    const ws = new WebSocket(url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws', { headers: { 'x-forwarded-for': '6.6.6.6' } });
    const reply = await new Promise<string>((resolve, reject) => {
      ws.once('open', () => ws.send('hello'));
      ws.once('message', (m) => resolve(String(m)));
      ws.once('error', reject);
    });
    ws.close();
    expect(reply).toBe('echo hello');
    expect(xff).toBe('127.0.0.1');
  });
});
