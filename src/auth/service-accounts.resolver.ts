// Thin: the office manages service accounts (access-policy.ts says only the office may).
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CreateServiceAccountInput } from '../platform/graphql/graphql.generated';
import { ServiceAccountService } from './service-accounts';
import { CurrentActor } from './current-actor.decorator';
import type { Caller } from './access-policy';

@Resolver()
export class ServiceAccountResolver {
  constructor(
    private readonly accounts: ServiceAccountService,
  ) {}

  @Query('serviceAccounts')
  serviceAccounts() {
    return this.accounts.list();
  }

  @Mutation('createServiceAccount')
  async createServiceAccount(@Args('input') input: CreateServiceAccountInput, @CurrentActor() actor: Caller) {
    return this.accounts.create(actor, input);
  }

  @Mutation('rotateServiceAccountKey')
  rotateServiceAccountKey(@Args('id') id: string) {
    return this.accounts.rotate(id);
  }

  @Mutation('revokeServiceAccount')
  async revokeServiceAccount(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return this.accounts.revoke(actor, id);
  }
}
