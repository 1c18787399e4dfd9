// Thin: who is calling, what they asked, delegated to the monthly report's service (月度报告: build, read, export).
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GenerateMonthlyReportInput } from '../platform/graphql/graphql.generated';
import type { CampaignView } from '../campaign/campaign.repository';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';
import { MonthlyReportService } from './monthly-report.service';

@Resolver('Campaign')
export class MonthlyReportResolver {
  constructor(private readonly reports: MonthlyReportService) {}

  @Query('monthlyReport')
  monthlyReport(@Args('campaignId') campaignId: string, @Args('month') month: string) {
    return this.reports.find(campaignId, month);
  }

  @Query('exportMonthlyReport')
  exportMonthlyReport(@Args('campaignId') campaignId: string, @Args('month') month: string) {
    return this.reports.export(campaignId, month);
  }

  @ResolveField('monthlyReports')
  async monthlyReports(@Parent() campaign: CampaignView, @CurrentActor() actor: Caller) {
    return this.reports.list(actor, campaign);
  }

  @Mutation('generateMonthlyReport')
  async generateMonthlyReport(@Args('input') i: GenerateMonthlyReportInput, @CurrentActor() actor: Caller) {
    return this.reports.generate(actor, i.campaignId, i.month);
  }
}
