import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../platform/errors/domain-error';
import type { UpdateCampaignPolicyInput } from '../platform/graphql/graphql.generated';
import { validatePolicy } from '../../workflows/indicator-task/indicator-task.policy';
import type { TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';
import { CampaignRepository, daysUntil, type CampaignView } from './campaign.repository';

@Resolver('Campaign')
export class CampaignResolver {
  constructor(private readonly campaigns: CampaignRepository) {}

  @Query('campaigns')
  list() {
    return this.campaigns.list();
  }

  /** One campaign by id; without an id, the current one. */
  @Query('campaign')
  campaign(@Args('id') id: string | null) {
    return this.campaigns.require(id);
  }

  /** New tasks start with the campaign's policy; running tasks keep the one they were created with. */
  @Mutation('updateCampaignPolicy')
  async updateCampaignPolicy(@Args('input') input: UpdateCampaignPolicyInput) {
    const campaign = await this.campaigns.require(input.campaignId);
    const current = campaign.policy;
    const policy: TaskPolicy = {
      selfCheckDays: input.selfCheckDays ?? current.selfCheckDays,
      rectificationDays: input.rectificationDays ?? current.rectificationDays,
      mockAssessmentDays: input.mockAssessmentDays ?? current.mockAssessmentDays,
      mockPassRate: input.mockPassRate ?? current.mockPassRate,
      reminderBeforeHours: input.reminderBeforeHours ?? current.reminderBeforeHours,
      escalationAfterHours: {
        URGE: input.escalationAfterHours?.URGE ?? current.escalationAfterHours.URGE,
        SUPERVISE: input.escalationAfterHours?.SUPERVISE ?? current.escalationAfterHours.SUPERVISE,
        INTERVIEW: input.escalationAfterHours?.INTERVIEW ?? current.escalationAfterHours.INTERVIEW,
        ACCOUNTABILITY: input.escalationAfterHours?.ACCOUNTABILITY ?? current.escalationAfterHours.ACCOUNTABILITY,
      },
      recheckDays: {
        relapseProne: input.recheckDays?.relapseProne ?? current.recheckDays.relapseProne,
        other: input.recheckDays?.other ?? current.recheckDays.other,
      },
      // An explicit null returns to each task's own due date; leaving it out keeps the current one.
      archiveDueAt: input.archiveDueAt === undefined ? current.archiveDueAt : input.archiveDueAt,
      // Like every rule here, for tasks created from now on; running tasks keep how they count.
      dayCounting: input.dayCounting ?? current.dayCounting ?? 'CALENDAR',
    };
    const problems = validatePolicy(policy);
    if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', problems.map((p) => p.message).join('；'), problems[0].field);
    await this.campaigns.updatePolicy(campaign.id, policy);
    return (await this.campaigns.find(campaign.id))!;
  }

  @ResolveField('daysToInspection')
  daysToInspection(@Parent() campaign: CampaignView) {
    return daysUntil(campaign.inspectionDate, campaign.timeZone);
  }
}

