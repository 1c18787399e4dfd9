import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { CampaignRepository, daysUntil, type CampaignView } from './campaign.repository';

@Resolver('Campaign')
export class CampaignResolver {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly auth: AuthService,
  ) {}

  @Query('campaigns')
  async list(@Context() ctx: GraphQLContext) {
    await this.auth.actor(ctx);
    return this.campaigns.list();
  }

  @ResolveField('daysToInspection')
  daysToInspection(@Parent() campaign: CampaignView) {
    return daysUntil(campaign.inspectionDate, campaign.timeZone);
  }
}
