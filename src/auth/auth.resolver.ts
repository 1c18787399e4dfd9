import { Context, Query, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from './auth.service';

@Resolver('Me')
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query('me')
  async me(@Context() ctx: GraphQLContext) {
    return this.auth.profile(await this.auth.actor(ctx));
  }
}
