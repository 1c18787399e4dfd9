// Thin: who is calling, what they asked, delegated to the campaign clock's service (phases, visits, meetings, cadence).
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type {
  AdvanceCampaignPhaseInput,
  RecordCampaignMeetingInput,
  RecordSupervisionVisitInput,
  SetCampaignPhasePlanInput,
} from '../platform/graphql/graphql.generated';
import { PHASE_LABELS } from '../../workflows/campaign/campaign.labels';
import { CampaignClockService } from './campaign-clock.service';
import { unitReportFields, UnitReportService } from '../unit-report/unit-report.service';
import type { CampaignView } from '../campaign/campaign.repository';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver('Campaign')
export class CampaignClockResolver {
  constructor(private readonly clock: CampaignClockService) {}

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
  async allowedActions(@Parent() campaign: CampaignView, @CurrentActor() actor: Caller) {
    return this.clock.allowedActions(actor, campaign);
  }

  @ResolveField('visits')
  async visits(@Parent() campaign: CampaignView, @Args('month') month: string | null, @CurrentActor() actor: Caller) {
    return this.clock.visits(actor, campaign, month);
  }

  @ResolveField('meetings')
  async meetings(@Parent() campaign: CampaignView, @Args('month') month: string | null, @CurrentActor() actor: Caller) {
    return this.clock.meetings(actor, campaign, month);
  }

  @ResolveField('cadence')
  cadence(@Parent() campaign: CampaignView, @Args('month') month: string) {
    return this.clock.cadence(campaign, month);
  }

  @ResolveField('history')
  async history(@Parent() campaign: CampaignView, @CurrentActor() actor: Caller) {
    return this.clock.history(actor, campaign);
  }

  @ResolveField('version')
  async version(@Parent() campaign: CampaignView) {
    return (await this.clock.state(campaign)).version;
  }

  @Mutation('setCampaignPhasePlan')
  async setCampaignPhasePlan(@Args('input') i: SetCampaignPhasePlanInput, @CurrentActor() actor: Caller) {
    return this.clock.setPlan(actor, i);
  }

  @Mutation('advanceCampaignPhase')
  async advanceCampaignPhase(@Args('input') i: AdvanceCampaignPhaseInput, @CurrentActor() actor: Caller) {
    return this.clock.advance(actor, i);
  }

  @Mutation('recordSupervisionVisit')
  async recordSupervisionVisit(@Args('input') i: RecordSupervisionVisitInput, @CurrentActor() actor: Caller) {
    return this.clock.recordVisit(actor, i);
  }

  @Mutation('recordCampaignMeeting')
  async recordCampaignMeeting(@Args('input') i: RecordCampaignMeetingInput, @CurrentActor() actor: Caller) {
    return this.clock.recordMeeting(actor, i);
  }
}

/** A meeting of the clock: for the leading group's hearing of the units' reports, the month's 专题汇报 of the units that reported. */
@Resolver('CampaignMeeting')
export class CampaignMeetingResolver {
  constructor(private readonly reports: UnitReportService) {}

  @ResolveField('unitReports')
  async unitReports(@Parent() meeting: { campaignId: string; kind: string; date: string; unitCodes: string[] }, @CurrentActor() actor: Caller) {
    if (meeting.kind !== 'HEARING' || meeting.unitCodes.length === 0) return [];
    const { reports } = await this.reports.month(actor, meeting.campaignId, meeting.date.slice(0, 7));
    // As the unit-report module's resolvers take them: the fields, and the view their own resolvers read.
    return reports.filter((r) => meeting.unitCodes.includes(r.unitCode)).map((view) => ({ ...unitReportFields(view), view }));
  }
}

/** A month's cadence, as the clock answers it now or as a monthly report kept it (reports before issue 20 lack hearings). */
@Resolver('MonthlyCadence')
export class MonthlyCadenceResolver {
  @ResolveField('hearings')
  hearings(@Parent() cadence: { hearings?: number | null }) {
    return cadence.hearings ?? 0;
  }
}
