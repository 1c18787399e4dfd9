// Thin: who is calling, what they asked, delegated to LeadUnitMeetingService and the clock (access-policy.ts says who may ask).
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { CampaignView } from '../campaign/campaign.repository';
import { CampaignClockService } from '../campaign-clock/campaign-clock.service';
import { IndicatorTaskService } from '../indicator-task/indicator-task.service';
import type { RecordLeadUnitMeetingInput } from '../platform/graphql/graphql.generated';
import { itemLocation } from '../rectification-item/item-input';
import { RectificationItemRepository } from '../rectification-item/rectification-item.repository';
import { RectificationItemService } from '../rectification-item/rectification-item.service';
import type { ItemArea } from '../../workflows/rectification-item/rectification-item.types';
import { LeadUnitMeetingService } from './lead-unit-meeting.service';

@Resolver('Campaign')
export class LeadUnitMeetingResolver {
  constructor(
    private readonly meetings: LeadUnitMeetingService,
    private readonly clock: CampaignClockService,
  ) {}

  @ResolveField('leadScope')
  async leadScope(@Parent() campaign: CampaignView, @CurrentActor() actor: Caller) {
    return this.clock.leadScope(actor, campaign);
  }

  @Mutation('recordLeadUnitMeeting')
  async recordLeadUnitMeeting(@Args('input') i: RecordLeadUnitMeetingInput, @CurrentActor() actor: Caller) {
    return this.meetings.record(actor, {
      campaignId: i.campaignId,
      date: i.date,
      title: i.title,
      attendees: i.attendees,
      unitCodes: i.unitCodes,
      minutes: i.minutes,
      decisions: (i.decisions ?? []).map((d) => ({
        text: d.text,
        unitCode: d.unitCode,
        dueDate: d.dueDate,
        area: (d.area ?? null) as ItemArea | null,
        location: d.location ? itemLocation(d.location) : null,
        taskId: d.taskId,
      })),
    });
  }
}

/** A meeting's decision: the item it became and the task it commented on, each only where the caller may see it. */
@Resolver('MeetingDecision')
export class MeetingDecisionLinksResolver {
  constructor(
    private readonly items: RectificationItemService,
    private readonly itemCards: RectificationItemRepository,
    private readonly tasks: IndicatorTaskService,
  ) {}

  @ResolveField('item')
  async item(@Parent() decision: { itemId?: string | null }, @CurrentActor() actor: Caller) {
    if (!decision.itemId) return null;
    const item = await this.itemCards.findById(decision.itemId);
    return item && this.items.canSee(actor, item) ? item : null;
  }

  @ResolveField('task')
  async task(@Parent() decision: { taskId?: string | null }, @CurrentActor() actor: Caller) {
    if (!decision.taskId) return null;
    return this.tasks.get(actor, decision.taskId).catch(() => null);
  }
}
