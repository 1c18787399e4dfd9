// Enforces access-policy.ts before any resolver or controller runs: on every root field of every query, mutation
// and subscription, and on every HTTP route. Field resolvers below a root field are not guarded here: what they
// show follows from the root (a card the caller may read) and the visibility predicates of the policy.
// The caller it resolves is left for @CurrentActor(), which the root's field resolvers read too.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { authorise, isPublic } from './access-policy';
import { AuthService, type GraphQLContext } from './auth.service';
import { rememberCaller } from './current-actor.decorator';
import { annotateLogContext, personOf } from '../platform/logging/log-context';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

interface HttpRequest {
  method: string;
  route?: { path?: string };
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
      if (!ROOT_TYPES.has(info.parentType.name)) return true;
      const operation = `${info.parentType.name}.${info.fieldName}`;
      const ctx = gql.getContext<GraphQLContext>();
      await this.check(operation, ctx, ctx, gql.getArgs<Record<string, unknown>>());
      return true;
    }
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const operation = `${req.method.toUpperCase()} ${req.route?.path ?? '?'}`;
    await this.check(operation, { req }, req, {});
    return true;
  }

  /** `request` keeps the resolved caller for @CurrentActor() (the GraphQL context, or the HTTP request). */
  private async check(operation: string, ctx: GraphQLContext, request: object, args: Record<string, unknown>): Promise<void> {
    if (isPublic(operation)) return;
    const caller = await this.auth.actor(ctx);
    rememberCaller(request, caller);
    // Every later line about the request, its operation's line included, says who asked.
    annotateLogContext({ person: personOf(caller.userId) });
    authorise(caller, operation, args);
  }
}
