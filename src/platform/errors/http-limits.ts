// Refusals that happen before GraphQL sees a request: a body too large for MAX_REQUEST_MB, a body that is not
// JSON, and a batch (an array of operations). They answer like GraphQL errors do, as JSON with a stable code and
// a Chinese message, never with Express's HTML error page.
import type { ErrorCode } from './domain-error';

interface HttpRequest {
  body?: unknown;
  headers?: Record<string, string | string[] | undefined>;
  ip?: string;
}
interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  json(body: unknown): unknown;
  end(): unknown;
}
type Next = (err?: unknown) => void;

/** The body of a refusal, shaped like a GraphQL response with one error. */
export function errorBody(code: ErrorCode, message: string): { errors: { message: string; extensions: { code: ErrorCode } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Express error middleware for what the body parsers refuse (their errors carry a `type`); anything else goes on
 * to the next handler. Register it right after the parsers.
 */
export function bodyErrorHandler(maxBytes: number) {
  return (err: unknown, _req: HttpRequest, res: HttpResponse, next: Next): void => {
    const type = (err as { type?: unknown } | null)?.type;
    if (res.headersSent || typeof type !== 'string') return next(err);
    switch (type) {
      case 'entity.too.large':
      case 'parameters.too.many':
        res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', `请求内容过大，超过 ${megabytes(maxBytes)} 的上限；照片和文件请分开上传，每次少传几个`));
        return;
      case 'entity.parse.failed':
        res.status(400).json(errorBody('BAD_USER_INPUT', '请求内容不是有效的 JSON'));
        return;
      case 'request.size.invalid':
        res.status(400).json(errorBody('BAD_USER_INPUT', '请求内容不完整（长度与 Content-Length 不符）'));
        return;
      case 'encoding.unsupported':
      case 'charset.unsupported':
        res.status(415).json(errorBody('BAD_USER_INPUT', '请求的编码不受支持，请使用 UTF-8 编码的 JSON'));
        return;
      case 'request.aborted':
        // The client went away: nobody is left to answer.
        res.status(400).end();
        return;
      default:
        next(err);
    }
  };
}

/** The body an anonymous caller may send: the sign-in and refresh mutations fit many times over. */
export const ANONYMOUS_BODY_BYTES = 64 * 1024;

const header = (req: HttpRequest, name: string): string | undefined => {
  const value = req.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Whether a request presents credentials: `Authorization`, `X-Api-Key`, or the demo identity header where it is
 * accepted (on, and from this machine). Whether they are valid is known only later, but a bad one is refused
 * before any resolver runs, so their presence is enough to decide how much body to read.
 */
export function presentsCredentials(req: HttpRequest, demoHeader: { accepted: boolean; isLoopback: (address: string) => boolean }): boolean {
  if (header(req, 'authorization')?.trim() || header(req, 'x-api-key')?.trim()) return true;
  return demoHeader.accepted && Boolean(header(req, 'x-demo-user')?.trim()) && demoHeader.isLoopback(req.ip ?? '');
}

/**
 * Before the body parser: a request without credentials may send at most ANONYMOUS_BODY_BYTES, said up front
 * in Content-Length (Node's parser then reads no more than that); a chunked body of unknown length is refused,
 * since browsers and the CLI always say the length of what they post.
 */
export function anonymousBodyLimit(presents: (req: HttpRequest) => boolean) {
  return (req: HttpRequest, res: HttpResponse, next: Next): void => {
    const length = header(req, 'content-length');
    const chunked = header(req, 'transfer-encoding') !== undefined;
    if ((length === undefined && !chunked) || (length !== undefined && Number(length) <= ANONYMOUS_BODY_BYTES) || presents(req)) return next();
    res.status(length === undefined ? 411 : 413).json(errorBody('PAYLOAD_TOO_LARGE', `未登录的请求内容不能超过 ${ANONYMOUS_BODY_BYTES / 1024} KB（且须注明长度），请先登录`));
  };
}

/**
 * Refuses batches: a body that is an array of operations. One request is one operation, so that the depth and
 * cost limits bound what one request can cost (Apollo Server also refuses batches while
 * allowBatchedHttpRequests is off; this answers first, with the API's own code and a Chinese message).
 */
export function refuseBatches(req: HttpRequest, res: HttpResponse, next: Next): void {
  if (Array.isArray(req.body)) {
    res.status(400).json(errorBody('BAD_USER_INPUT', '不支持批量请求：一个请求只能包含一个操作，请分开发送'));
    return;
  }
  if (containsNul(req.body)) {
    res.status(400).json(errorBody('BAD_USER_INPUT', NUL_MESSAGE));
    return;
  }
  next();
}

/** PostgreSQL text cannot hold U+0000; no one types it, so a request carrying one is refused before it gets far. */
export const NUL_MESSAGE = '输入中含有空字符（U+0000），无法保存，请删除后重试';

/** Whether any string in a parsed JSON value (the query, variables, names) contains U+0000. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}
