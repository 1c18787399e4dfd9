// Thin: who is calling, what they asked, delegated to the service.
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { SignInInput } from '../platform/graphql/graphql.generated';
import { AuthService, type GraphQLContext, type SignedIn } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import type { Caller } from './access-policy';

@Resolver('Me')
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query('me')
  async me(@CurrentActor() actor: Caller) {
    return this.auth.profile(actor);
  }

  private async session(signedIn: SignedIn) {
    const { actor, ...tokens } = signedIn;
    return { ...tokens, me: await this.auth.profile(actor) };
  }

  @Mutation('signIn')
  async signIn(@Args('input') i: SignInInput, @Context() ctx: GraphQLContext) {
    return this.session(await this.auth.signIn(i.login, i.password, AuthService.address(ctx)));
  }

  @Mutation('refreshSession')
  async refreshSession(@Args('refreshToken') refreshToken: string) {
    return this.session(await this.auth.refresh(refreshToken));
  }

  @Mutation('changePassword')
  changePassword(@Args('currentPassword') current: string, @Args('newPassword') next: string, @Context() ctx: GraphQLContext) {
    return this.auth.changePassword(ctx, current, next);
  }

  @Mutation('setUserPassword')
  setUserPassword(@Args('login') login: string, @Args('password') password: string) {
    return this.auth.setPassword(login, password);
  }

  @Mutation('signOut')
  signOut(@Context() ctx: GraphQLContext) {
    return this.auth.signOut(ctx);
  }
}
