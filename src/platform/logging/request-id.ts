// The id of an HTTP request: the one a proxy in front already gave it, if that is a plain token, else a new one.
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Longest id taken from a client or proxy; longer ones are replaced, never cut. */
export const MAX_REQUEST_ID_LENGTH = 64;

/**
 * Whether a given id may be kept and echoed: 1 to 64 characters of [A-Za-z0-9._-]. The length is checked first,
 * so a 200 KB header costs one comparison; the character class has no alternatives to backtrack over.
 */
export function isAcceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_REQUEST_ID_LENGTH && /^[A-Za-z0-9._-]+$/.test(value);
}

/** The id to use for a request that came with the header value `given` (repeated headers: never taken). */
export function requestIdFor(given: string | string[] | undefined): string {
  return isAcceptableRequestId(given) ? given : randomUUID();
}
