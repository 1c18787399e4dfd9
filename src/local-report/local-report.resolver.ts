// Thin: who is calling, what they asked, delegated to LocalReportService (access-policy.ts says who may ask).
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { LocalProblemInput } from '../platform/graphql/graphql.generated';
import type { ItemView } from '../rectification-item/rectification-item.repository';
import { itemLocation } from '../rectification-item/item-input';
import { LocalReportService } from './local-report.service';

@Resolver('RectificationItem')
export class LocalReportResolver {
  constructor(private readonly local: LocalReportService) {}

  @Mutation('reportLocalProblem')
  async reportLocalProblem(@Args('input') i: LocalProblemInput, @CurrentActor() actor: Caller) {
    return this.local.report(actor, {
      campaignId: i.campaignId,
      area: i.area,
      location: itemLocation(i.location),
      description: i.description,
      photos: i.photos,
      indicatorTaskId: i.indicatorTaskId,
    });
  }

  @Query('localReports')
  async localReports(
    @Args('campaignId') campaignId: string | null,
    @Args('unitCode') unitCode: string | null,
    @Args('awaitingDispatch') awaitingDispatch: boolean | null,
    @Args('first') first: number | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.local.list(actor, { campaignId, unitCode, awaitingDispatch, first });
  }

  @Query('exportLocalReports')
  async exportLocalReports(
    @Args('campaignId') campaignId: string | null,
    @Args('unitCode') unitCode: string | null,
    @Args('awaitingDispatch') awaitingDispatch: boolean | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.local.export(actor, { campaignId, unitCode, awaitingDispatch });
  }

  @ResolveField('reportingUnit')
  reportingUnit(@Parent() item: ItemView) {
    return this.local.reportingUnit(item);
  }
}
