// The board, its files, the API's answers (refusals and 404s included) and GraphiQL carry the headers that keep
// them from being framed by another page, sniffed as another type, or leaking their address in a Referer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startTestStack, type TestStack } from '../support/test-env';

describe('security headers', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'headers', withWorker: false, env: { GRAPHQL_IDE: 'true' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const expectCommon = (res: Response) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('serves the board with a CSP that forbids framing, inline scripts and other origins', async () => {
    const res = await fetch(`${stack.url}/`);
    expect(res.status).toBe(200);
    expectCommon(res);
    const csp = res.headers.get('content-security-policy')!;
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // The built page has no inline script that the CSP would block.
    expect(await res.text()).not.toMatch(/<script(?![^>]*\ssrc=)/);

    const asset = fs.readdirSync(path.join(stack.config.webDir, 'assets')).find((f) => f.endsWith('.js'))!;
    const file = await fetch(`${stack.url}/assets/${asset}`);
    expect(file.status).toBe(200);
    expectCommon(file);
  });

  it('sends the headers with GraphQL answers, refusals and unknown paths too', async () => {
    const ok = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expectCommon(ok);
    const refused = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(refused.status).toBe(400);
    expectCommon(refused);
    const missing = await fetch(`${stack.url}/no-such-page`);
    expect(missing.status).toBe(404);
    expectCommon(missing);
    expectCommon(await fetch(`${stack.url}/health`));
  });

  it('gives GraphiQL its own stricter CSP, still not frameable', async () => {
    const res = await fetch(`${stack.url}/graphiql`);
    expect(res.status).toBe(200);
    expectCommon(res);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
