// Thin: who is calling, what they asked, delegated to the service.
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { AccessDenialService } from './access-denial.service';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly denials: AccessDenialService,
    private readonly auth: AuthService,
  ) {}

  @Query('accessDenials')
  async accessDenials(
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Args('since') since: string | null,
    @Context() ctx: GraphQLContext,
  ) {
    return this.denials.page(await this.auth.actor(ctx), { first, after, since });
  }
}
