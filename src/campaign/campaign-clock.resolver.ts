// Thin: who is calling, what they asked, delegated to the clock's and the reports' services.
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import type {
  AdvanceCampaignPhaseInput,
  GenerateMonthlyReportInput,
  RecordCampaignMeetingInput,
  RecordSupervisionVisitInput,
  SetCampaignPhasePlanInput,
} from '../graphql/graphql.generated';
import { PHASE_LABELS } from '../../workflows/campaign/campaign.labels';
import { CampaignClockService } from './campaign-clock.service';
import type { CampaignView } from './campaign.repository';
import { MonthlyReportService } from './monthly-report.service';

@Resolver('Campaign')
export class CampaignClockResolver {
  constructor(
    private readonly clock: CampaignClockService,
    private readonly reports: MonthlyReportService,
    private readonly auth: AuthService,
  ) {}

  @Query('campaign')
  campaign(@Args('id') id: string | null) {
    return this.clock.campaign(id);
  }

  @Query('monthlyReport')
  monthlyReport(@Args('campaignId') campaignId: string, @Args('month') month: string) {
    return this.reports.find(campaignId, month);
  }

  @Query('exportMonthlyReport')
  exportMonthlyReport(@Args('campaignId') campaignId: string, @Args('month') month: string) {
    return this.reports.export(campaignId, month);
  }

  @ResolveField('timeZone')
  timeZone(@Parent() campaign: CampaignView) {
    return campaign.timeZone;
  }

  @ResolveField('phase')
  async phase(@Parent() campaign: CampaignView) {
    return (await this.clock.state(campaign)).phase;
  }

  @ResolveField('phaseLabel')
  async phaseLabel(@Parent() campaign: CampaignView) {
    return PHASE_LABELS[(await this.clock.state(campaign)).phase];
  }

  @ResolveField('phaseStartedAt')
  async phaseStartedAt(@Parent() campaign: CampaignView) {
    return (await this.clock.state(campaign)).phaseEnteredAt || null;
  }

  @ResolveField('nextPhase')
  nextPhase(@Parent() campaign: CampaignView) {
    return this.clock.nextPhase(campaign);
  }

  @ResolveField('phases')
  phases(@Parent() campaign: CampaignView) {
    return this.clock.phases(campaign);
  }

  @ResolveField('countdownLabel')
  countdownLabel(@Parent() campaign: CampaignView) {
    return this.clock.countdownLabel(campaign);
  }

  @ResolveField('archiveProgress')
  archiveProgress(@Parent() campaign: CampaignView) {
    return this.clock.archiveProgress(campaign);
  }

  @ResolveField('allowedActions')
  async allowedActions(@Parent() campaign: CampaignView, @Context() ctx: GraphQLContext) {
    return this.clock.allowedActions(await this.auth.actor(ctx), campaign);
  }

  @ResolveField('visits')
  async visits(@Parent() campaign: CampaignView, @Args('month') month: string | null, @Context() ctx: GraphQLContext) {
    return this.clock.visits(await this.auth.actor(ctx), campaign, month);
  }

  @ResolveField('meetings')
  async meetings(@Parent() campaign: CampaignView, @Args('month') month: string | null, @Context() ctx: GraphQLContext) {
    return this.clock.meetings(await this.auth.actor(ctx), campaign, month);
  }

  @ResolveField('cadence')
  cadence(@Parent() campaign: CampaignView, @Args('month') month: string) {
    return this.clock.cadence(campaign, month);
  }

  @ResolveField('monthlyReports')
  async monthlyReports(@Parent() campaign: CampaignView, @Context() ctx: GraphQLContext) {
    return this.reports.list(await this.auth.actor(ctx), campaign);
  }

  @ResolveField('history')
  async history(@Parent() campaign: CampaignView, @Context() ctx: GraphQLContext) {
    return this.clock.history(await this.auth.actor(ctx), campaign);
  }

  @ResolveField('version')
  async version(@Parent() campaign: CampaignView) {
    return (await this.clock.state(campaign)).version;
  }

  @Mutation('setCampaignPhasePlan')
  async setCampaignPhasePlan(@Args('input') i: SetCampaignPhasePlanInput, @Context() ctx: GraphQLContext) {
    return this.clock.setPlan(await this.auth.actor(ctx), i);
  }

  @Mutation('advanceCampaignPhase')
  async advanceCampaignPhase(@Args('input') i: AdvanceCampaignPhaseInput, @Context() ctx: GraphQLContext) {
    return this.clock.advance(await this.auth.actor(ctx), i);
  }

  @Mutation('recordSupervisionVisit')
  async recordSupervisionVisit(@Args('input') i: RecordSupervisionVisitInput, @Context() ctx: GraphQLContext) {
    return this.clock.recordVisit(await this.auth.actor(ctx), i);
  }

  @Mutation('recordCampaignMeeting')
  async recordCampaignMeeting(@Args('input') i: RecordCampaignMeetingInput, @Context() ctx: GraphQLContext) {
    return this.clock.recordMeeting(await this.auth.actor(ctx), i);
  }

  @Mutation('generateMonthlyReport')
  async generateMonthlyReport(@Args('input') i: GenerateMonthlyReportInput, @Context() ctx: GraphQLContext) {
    return this.reports.generate(await this.auth.actor(ctx), i.campaignId, i.month);
  }
}
