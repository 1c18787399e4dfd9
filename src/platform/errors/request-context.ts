// Every HTTP request gets an id: sent back in the `x-request-id` header, written in every log line about the
// request (src/platform/logging/), and shown to the person in the message of an INTERNAL_SERVER_ERROR so that a
// screenshot leads to the log. The id travels with the request's asynchronous work (the logging context), so the
// error formatter, which Apollo gives no context, can read it.
import { currentLogContext, runWithLogContext } from '../logging/log-context';
import { REQUEST_ID_HEADER, requestIdFor } from '../logging/request-id';

export { REQUEST_ID_HEADER } from '../logging/request-id';

/** The id of the request being handled, or null outside of one. */
export function currentRequestId(): string | null {
  return currentLogContext()?.requestId ?? null;
}

/** Runs `fn` as part of the request `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return runWithLogContext({ requestId }, fn);
}

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  requestId?: string;
}
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Express middleware, the first of the API's: takes the id a proxy in front already gave the request if it is
 * 1–64 characters of [A-Za-z0-9._-] (anything else, a 200 KB header or one with control characters, is replaced,
 * never echoed or logged), else makes one, and runs the rest of the request with it.
 */
export function requestIdMiddleware(req: HttpRequest, res: HttpResponse, next: () => void): void {
  const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
  req.requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  withRequestId(requestId, next);
}
