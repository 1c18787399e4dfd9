import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Errors of GraphQL resolvers go to the formatter (graphql-error.formatter.ts) untouched: domain errors are
 * answers, not faults, and are not logged; anything else is a fault the formatter logs once, whole, under the
 * request's id (Nest's own handler would log it a second time, without the id). Errors of HTTP controllers are
 * handled as Nest handles them by default.
 */
@Catch()
export class DomainErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return error;
    return super.catch(error, host);
  }
}
