// The GraphiQL IDE at /graphiql, in a real browser (Debian's Chromium, driven by playwright-core): the page and its
// files come from the API itself, with long cache headers; a query typed into the IDE and run with its button
// answers in the result panel; the Headers panel signs requests in, and a subscription sends it as graphql-ws
// connectionParams; nothing is fetched from anywhere but the API, and the page's CSP is never violated.
// GRAPHQL_IDE=false answers 404.
import * as fs from 'node:fs';
import { parse, validate } from 'graphql';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { seedReferenceData } from '../support/fixtures';
import { loadSchema } from '../support/schema';
import { startTestStack, type TestStack } from '../support/test-env';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The URLs of the page's scripts and style sheets, in order. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((m) => m[1]);
}

describe('GraphiQL at /graphiql', () => {
  let stack: TestStack;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // Demo tokens only: the demo header is off, as in production.
    stack = await startTestStack({ withWorker: false, prefix: 'graphiql', env: { DEMO_IDENTITY_HEADER: 'false' } });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the page and its files from the installed packages, the files cached for a year', async () => {
    const res = await fetch(`${stack.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<title>创文工作流 GraphQL 调试台</title>');
    expect(html).not.toMatch(/<script>|<script(?![^>]*\ssrc=)/); // no inline script: the start script is a file

    const urls = assetUrls(html);
    expect(urls).toEqual([
      expect.stringMatching(/^\/graphiql\/assets\/graphiql@3\.8\.3\/graphiql\.min\.css$/),
      expect.stringMatching(/^\/graphiql\/assets\/react@18\.3\.1\/react\.production\.min\.js$/),
      expect.stringMatching(/^\/graphiql\/assets\/react-dom@18\.3\.1\/react-dom\.production\.min\.js$/),
      expect.stringMatching(/^\/graphiql\/assets\/graphiql@3\.8\.3\/graphiql\.min\.js$/),
      expect.stringMatching(/^\/graphiql\/assets\/chuangwen@[0-9a-f]{12}\/graphiql-start\.js$/),
    ]);
    const sources = [
      require.resolve('graphiql/graphiql.min.css'),
      require.resolve('react/package.json').replace(/package\.json$/, 'umd/react.production.min.js'),
      require.resolve('react-dom/package.json').replace(/package\.json$/, 'umd/react-dom.production.min.js'),
      require.resolve('graphiql/graphiql.min.js'),
      `${__dirname}/../../src/platform/web/graphiql-start.js`,
    ];
    for (const [i, url] of urls.entries()) {
      const asset = await fetch(stack.url + url, { headers: { 'accept-encoding': 'gzip' } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toBe(url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-encoding')).toBe('gzip');
      // fetch unzips: the very bytes of the installed file.
      expect(Buffer.from(await asset.arrayBuffer()).equals(fs.readFileSync(sources[i]))).toBe(true);
    }
    // Without gzip, the file as it is.
    const plain = await fetch(stack.url + urls[1], { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(fs.statSync(sources[1]).size);
    // Only the page's files: nothing else of node_modules or of the project.
    for (const path of ['/graphiql/assets/react@18.3.1/package.json', '/graphiql/assets/graphiql@3.8.3/%2e%2e%2fpackage.json', '/graphiql/assets/']) {
      expect((await fetch(stack.url + path)).status).toBe(404);
    }
  });

  /** What the page's functions see of a CodeMirror 5 element: its instance, which GraphiQL's query editor annotates. */
  interface EditorElement {
    CodeMirror: { getValue(): string; documentAST?: { loc?: { source: { body: string } } } | null };
  }
  interface BrowserGlobals {
    document: { querySelector(selector: string): unknown };
  }

  const QUERY = '.graphiql-query-editor .CodeMirror';
  const HEADERS = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
  const RESPONSE = '.graphiql-response .CodeMirror';
  const RUN = '.graphiql-execute-button';

  function editor(page: Page, selector: string): Promise<string> {
    return page.$eval(selector, (el) => (el as unknown as EditorElement).CodeMirror.getValue());
  }
  /** Replaces an editor's text the way a person does: click into it, select all, type. */
  async function type(page: Page, selector: string, text: string): Promise<void> {
    await page.click(selector);
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    expect(await editor(page, selector)).toBe(text);
    if (selector !== QUERY) return;
    // GraphiQL parses the query 100 ms after the last change (which operation to run, whether it is a subscription):
    // a person takes longer than that to reach the button.
    await page.waitForFunction((query) => {
      const cm = ((globalThis as unknown as BrowserGlobals).document.querySelector(query) as EditorElement).CodeMirror;
      return cm.documentAST?.loc?.source.body === cm.getValue();
    }, QUERY);
    await page.waitForSelector(`${RUN}:not([aria-haspopup])`); // one operation: the button runs it, no menu
  }
  /** Runs the query editor's operation with the run button; resolves with the result panel's JSON. */
  async function run(page: Page, query: string): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }> {
    await type(page, QUERY, query);
    const before = await editor(page, RESPONSE);
    await page.click(RUN);
    await page.waitForFunction(
      ([response, previous]) => {
        const value = ((globalThis as unknown as BrowserGlobals).document.querySelector(response) as EditorElement).CodeMirror.getValue();
        return value !== '' && value !== previous;
      },
      [RESPONSE, before] as const,
    );
    const text = await editor(page, RESPONSE);
    try {
      return JSON.parse(text) as never;
    } catch {
      throw new Error(`the result panel shows no JSON: ${text}`);
    }
  }

  it('runs what is typed into the IDE: sign in, the Headers panel, a query, a subscription, all on this host', async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = new URL(stack.url).origin;
    const requested: string[] = [];
    const problems: string[] = [];
    const frames: { sent: string[]; received: string[] } = { sent: [], received: [] };
    context.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (ws) => {
      requested.push(ws.url());
      ws.on('framesent', (f) => frames.sent.push(String(f.payload)));
      ws.on('framereceived', (f) => frames.received.push(String(f.payload)));
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    // A CSP violation, a failed load or a React error is reported on the console.
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));

    await page.goto(`${stack.url}/graphiql`);
    await page.waitForSelector(QUERY);
    expect(await page.title()).toBe('创文工作流 GraphQL 调试台');
    await expect(page.textContent('.graphiql-logo')).resolves.toBe('创文工作流 GraphQL 调试台');
    // The Headers panel is open, and the editor starts with how to sign in and operations valid against the schema.
    expect(await page.getAttribute('.graphiql-editor-tools button[data-name="headers"]', 'class')).toContain('active');
    const defaultQuery = await editor(page, QUERY);
    expect(defaultQuery).toContain('chuangwen2027');
    expect(defaultQuery).toContain('{"authorization": "Bearer <accessToken>"}');
    expect(validate(loadSchema(), parse(defaultQuery))).toEqual([]);

    // Sign in as a demo user through the IDE.
    const signedIn = await run(page, `mutation { signIn(input: { login: "office", password: "${DEMO_PASSWORD}" }) { accessToken me { login displayName } } }`);
    expect(signedIn.errors).toBeUndefined();
    const session = signedIn.data!.signIn as { accessToken: string; me: { login: string; displayName: string } };
    expect(session.me).toEqual({ login: 'office', displayName: '张霞（创建办主任）' });

    // Without the header the API does not know who asks; with it in the Headers panel, it does.
    expect((await run(page, '{ me { login } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await type(page, HEADERS, `{"authorization": "Bearer ${session.accessToken}"}`);
    expect(await run(page, '{ me { login role } }')).toEqual({ data: { me: { login: 'office', role: 'OFFICE' } } });

    // A subscription goes over graphql-ws to this host, the Headers panel as connectionParams: the API accepts it
    // (no error; the result panel waits for changes), where without the header it refuses.
    await type(page, QUERY, 'subscription { boardChanged { eventType task { id } } }');
    await page.click(RUN);
    await page.waitForSelector(`${RUN}[aria-label^="Stop"]`);
    const deadline = Date.now() + 10_000;
    while (!frames.sent.some((f) => f.includes('"subscribe"')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500)); // time for a refusal to arrive
    const init = JSON.parse(frames.sent.find((f) => f.includes('"connection_init"'))!) as { payload: Record<string, string> };
    expect(init.payload).toEqual({ authorization: `Bearer ${session.accessToken}` });
    expect(frames.received.map((f) => (JSON.parse(f) as { type: string }).type)).toEqual(['connection_ack']);
    expect(await editor(page, RESPONSE)).toBe('');
    await page.click(RUN); // stop
    await page.waitForSelector(`${RUN}[aria-label^="Execute"]`);
    await type(page, HEADERS, '{}');
    const refused = await run(page, 'subscription { boardChanged { eventType } }');
    expect(refused.errors?.[0]?.message).toBe('请先登录');

    const ws = origin.replace(/^http/, 'ws');
    expect(requested.length).toBeGreaterThanOrEqual(5 + 4);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`${ws}/`))).toEqual([]);
    expect(requested.filter((url) => url.startsWith(ws))).toEqual([`${ws}/graphql`, `${ws}/graphql`]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers 404 when GRAPHQL_IDE=false', async () => {
    const off = await startTestStack({ withWorker: false, prefix: 'graphiql-off', env: { GRAPHQL_IDE: 'false' } });
    try {
      expect((await fetch(`${off.url}/graphiql`)).status).toBe(404);
      expect((await fetch(`${off.url}/graphiql/assets/react@18.3.1/react.production.min.js`)).status).toBe(404);
      // The API itself is on.
      const res = await fetch(`${off.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await off.stop();
    }
  });
});
