// Every HTTP request gets an id: sent back in the `x-request-id` header, written with every line the server logs
// about the request's unexpected errors, and shown to the person in the message of an INTERNAL_SERVER_ERROR so
// that a screenshot leads to the log. The id travels with the request's asynchronous work (AsyncLocalStorage),
// so the error formatter, which Apollo gives no context, can read it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being handled, or null outside of one. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

/** Runs `fn` as part of the request `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  requestId?: string;
}
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Express middleware: takes the id a proxy in front already gave the request (a sane `x-request-id`), else makes
 * one, and runs the rest of the request with it.
 */
export function requestIdMiddleware(req: HttpRequest, res: HttpResponse, next: () => void): void {
  const given = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof given === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(given) ? given : randomUUID();
  req.requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  withRequestId(requestId, next);
}
