import { Catch, Injectable, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { AccessDenialService } from '../../audit/access-denial.service';
import { DomainError, type ErrorCode } from './domain-error';

/** The HTTP status of a domain error answered by a route (file downloads); anything else is a 500. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
};

interface HttpResponse {
  status(code: number): HttpResponse;
  json(body: unknown): void;
  headersSent?: boolean;
}

/**
 * Errors of GraphQL resolvers go to the formatter (graphql-error.formatter.ts) untouched: domain errors are
 * answers, not faults, and are not logged; anything else is a fault the formatter logs once, whole, under the
 * request's id (Nest's own handler would log it a second time, without the id). Domain errors of HTTP routes
 * (a refused download, a refusal of the access guard) are answered as `{ code, message }` with the matching
 * status, and refusals are recorded; other errors of HTTP routes are handled as Nest handles them by default.
 */
@Catch()
@Injectable()
export class DomainErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  constructor(
    private readonly denials: AccessDenialService,
    adapterHost: HttpAdapterHost,
  ) {
    super(adapterHost.httpAdapter);
  }

  override catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return error;
    if (error instanceof DomainError && host.getType() === 'http') return this.answer(error, host);
    return super.catch(error, host);
  }

  private async answer(error: DomainError, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    await this.denials.recordHttp(http.getRequest(), error);
    const res = http.getResponse<HttpResponse>();
    if (res.headersSent) return;
    res.status(STATUS[error.code] ?? 500).json({ code: error.code, message: error.message, field: error.field });
  }
}
