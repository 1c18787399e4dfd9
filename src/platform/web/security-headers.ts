// Response headers that keep the board from being framed, sniffed or leaking its address (docs/deployment.md,
// "安全 / Security"). Set on every response before any route runs; GraphiQL's page replaces the CSP with its own
// (src/platform/web/graphiql.ts), which is stricter.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the board (web/dist, built by Vite) may do: its own module scripts only (no inline script, no eval; the
 * exceljs export script is a file of ours too); styles from here and the inline ones antd's CSS-in-JS writes into
 * <style> tags and style attributes; images from here, data: (echarts' "save as image") and blob: (evidence
 * fetched with the token, photo previews); calls to this API only ('self' covers ws:/wss: to the same host in
 * current browsers); never inside a frame of another page.
 */
export const BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': BOARD_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // frame-ancestors for browsers that do not know it.
  'x-frame-options': 'DENY',
};

/** Express/Connect middleware: the headers above on every response (JSON, files, errors, 404s). */
export function securityHeaders(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  next();
}
