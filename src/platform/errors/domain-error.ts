// Services throw DomainErrors with a stable code; one place (graphql-error.formatter.ts) maps them to the API.
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  // What one request may be and ask for (query-limits.ts, http-limits.ts).
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  // An Idempotency-Key sent again with a different request (src/platform/idempotency/).
  'IDEMPOTENCY_KEY_REUSED',
  // An action whose events could not be written (workflows/shared/event-recorder.ts): it did not take effect.
  'EVENT_APPEND_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** For people: Chinese. */
    message: string,
    /** The input field at fault, for form errors. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
