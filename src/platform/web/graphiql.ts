// GraphiQL, the in-browser GraphQL IDE, at GET /graphiql: for client developers trying the API (docs/api-session.md).
// Everything comes from installed npm packages (no CDN, the API may run without internet): React 18's and GraphiQL's
// UMD builds, and the page's start script next to this file. GraphiQL's bundle carries its own graphql-ws client, so
// subscriptions need no further file. GRAPHQL_IDE=false leaves it unmounted: /graphiql answers 404.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { projectRoot } from '../runtime/project-paths';

/** Where the router is mounted; the page names its files by absolute path. */
export const GRAPHIQL_PATH = '/graphiql';

/** The page's own script: creates the fetcher and renders GraphiQL (kept out of the HTML for a strict CSP). */
const START_SCRIPT = 'src/platform/web/graphiql-start.js';

interface Asset {
  /** Path below /graphiql/assets/: `<package>@<version>/<file>`, so that it may be cached for a year. */
  name: string;
  file: string;
  type: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** A file of an installed package, named with the package's version. */
function packageFile(pkg: string, file: string, type: string): Asset {
  // The package.json, not the entry point: react's `exports` list neither umd/ nor a root to resolve from.
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  return { name: `${pkg}@${version}/${path.basename(file)}`, file: path.join(path.dirname(manifest), file), type };
}

/** A file of this project, named with a hash of its content. */
function ownFile(relative: string, type: string): Asset {
  const file = path.join(projectRoot(), relative);
  const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  return { name: `chuangwen@${hash}/${path.basename(file)}`, file, type };
}

/** The files the page loads, in order. */
export function graphiqlAssets(): { styles: Asset[]; scripts: Asset[] } {
  return {
    styles: [packageFile('graphiql', 'graphiql.min.css', CSS)],
    scripts: [
      packageFile('react', 'umd/react.production.min.js', JS),
      packageFile('react-dom', 'umd/react-dom.production.min.js', JS),
      packageFile('graphiql', 'graphiql.min.js', JS),
      ownFile(START_SCRIPT, JS),
    ],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(assets: { styles: Asset[]; scripts: Asset[] }): string {
  const url = (asset: Asset) => escapeHtml(`${GRAPHIQL_PATH}/assets/${asset.name}`);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    '  <title>创文工作流 GraphQL 调试台</title>',
    '  <link rel="icon" href="data:,">',
    ...assets.styles.map((a) => `  <link rel="stylesheet" href="${url(a)}">`),
    '</head>',
    '<body>',
    '  <div id="graphiql">正在加载 GraphQL 调试台… / Loading GraphiQL…</div>',
    '  <noscript>调试台需要启用 JavaScript / GraphiQL needs JavaScript.</noscript>',
    ...assets.scripts.map((a) => `  <script src="${url(a)}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * What the page may do: its own scripts only (no inline script, no eval), styles from here and those React
 * components set inline, calls to this API only (`'self'` covers ws:/wss: to this host).
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Loaded {
  body: Buffer;
  gzipped: Buffer;
}

type Next = (err?: unknown) => void;

/**
 * Express middleware for app.use(GRAPHIQL_PATH, …): the page at /graphiql and its files at /graphiql/assets/….
 * Files are read on first request and kept in memory, with a gzipped copy (GraphiQL's bundle is 3.5 MB).
 */
export function graphiqlRouter(): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const assets = graphiqlAssets();
  const byName = new Map([...assets.styles, ...assets.scripts].map((a) => [a.name, a]));
  const html = Buffer.from(page(assets));
  const loaded = new Map<string, Promise<Loaded>>();
  const load = (asset: Asset): Promise<Loaded> => {
    let entry = loaded.get(asset.name);
    if (!entry) {
      entry = fs.promises.readFile(asset.file).then(async (body) => ({ body, gzipped: await promisify(gzip)(body) }));
      entry.catch(() => loaded.delete(asset.name));
      loaded.set(asset.name, entry);
    }
    return entry;
  };

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Below the mount point Express leaves the rest of the path in req.url: "/" for the page.
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/' || pathname === '') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': html.length,
        'cache-control': 'no-cache',
        'content-security-policy': GRAPHIQL_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    const asset = pathname.startsWith('/assets/') ? byName.get(pathname.slice('/assets/'.length)) : undefined;
    if (!asset) return next();
    load(asset).then(
      ({ body, gzipped }) => {
        const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        const content = useGzip ? gzipped : body;
        res.writeHead(200, {
          'content-type': asset.type,
          'content-length': content.length,
          ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
          vary: 'Accept-Encoding',
          // The name changes with the package version or the file's content: cache it for a year.
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : content);
      },
      (err: unknown) => next(err),
    );
  };
}
