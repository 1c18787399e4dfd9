// Thin: the office manages service accounts (access-policy.ts says only the office may).
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CreateServiceAccountInput } from '../graphql/graphql.generated';
import { AuthService, type GraphQLContext } from './auth.service';
import { ServiceAccountService } from './service-accounts';

@Resolver()
export class ServiceAccountResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: ServiceAccountService,
  ) {}

  @Query('serviceAccounts')
  serviceAccounts() {
    return this.accounts.list();
  }

  @Mutation('createServiceAccount')
  async createServiceAccount(@Args('input') input: CreateServiceAccountInput, @Context() ctx: GraphQLContext) {
    return this.accounts.create(await this.auth.actor(ctx), input);
  }

  @Mutation('rotateServiceAccountKey')
  rotateServiceAccountKey(@Args('id') id: string) {
    return this.accounts.rotate(id);
  }

  @Mutation('revokeServiceAccount')
  async revokeServiceAccount(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.accounts.revoke(await this.auth.actor(ctx), id);
  }
}
