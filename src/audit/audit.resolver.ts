// Thin: what they asked, delegated to the service (access-policy.ts says who may ask).
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AccessDenialService } from './access-denial.service';

@Resolver()
export class AuditResolver {
  constructor(private readonly denials: AccessDenialService) {}

  @Query('accessDenials')
  accessDenials(@Args('first') first: number | null, @Args('after') after: string | null, @Args('since') since: string | null) {
    return this.denials.page({ first, after, since });
  }
}
