// The caller of a resolver or controller, as AccessGuard resolved it (AuthService.actor, once per request) before
// the handler ran. Param decorators cannot await, so the guard leaves the resolved caller where this reads it.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { DomainError } from '../platform/errors/domain-error';
import type { Caller } from './access-policy';

/** Keyed by the GraphQL context (one per request or per subscription) or by the HTTP request. */
const callers = new WeakMap<object, Caller>();

/** The object a request's caller is kept on: its GraphQL context, or the HTTP request itself. */
export function requestOf(context: ExecutionContext): object {
  if (context.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(context).getContext<object>();
  return context.switchToHttp().getRequest<object>();
}

export function rememberCaller(request: object, caller: Caller): void {
  callers.set(request, caller);
}

/**
 * Fails closed: a handler that asks for a caller where the guard resolved none (a public root field) is refused as
 * if nobody had signed in.
 */
export function callerOf(request: object): Caller {
  const caller = callers.get(request);
  if (!caller) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return caller;
}

/** `@CurrentActor() actor: Caller` in a resolver's or controller's parameters. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => callerOf(requestOf(context)));
