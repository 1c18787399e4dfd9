// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { documentFields } from '../archive/archive-library.service';
import type { ActivityFilter, PlanActivityInput, RecordActivityHeldInput } from '../platform/graphql/graphql.generated';
import type { ActivityView } from './activity.repository';
import { activityFields, ActivityService } from './activity.service';

type ActivityParent = ReturnType<typeof activityFields> & { view: ActivityView };
const toParent = (view: ActivityView): ActivityParent => ({ ...activityFields(view), view });

@Resolver('Activity')
export class ActivityResolver {
  constructor(private readonly activities: ActivityService) {}

  @Query('activities')
  async list(@Args('filter') filter: ActivityFilter | null) {
    return (await this.activities.list(filter)).map(toParent);
  }

  @Query('activity')
  async activity(@Args('id') id: string) {
    return toParent(await this.activities.get(id));
  }

  @Query('activityMonthlyCounts')
  activityMonthlyCounts(@Args('campaignId') campaignId: string | null) {
    return this.activities.counts(campaignId);
  }

  @Query('exportActivities')
  exportActivities(@Args('filter') filter: ActivityFilter | null) {
    return this.activities.export(filter);
  }

  @Mutation('planActivity')
  async planActivity(@Args('input') input: PlanActivityInput, @CurrentActor() actor: Caller) {
    return toParent(await this.activities.plan(actor, input));
  }

  @Mutation('recordActivityHeld')
  async recordActivityHeld(@Args('input') input: RecordActivityHeldInput, @CurrentActor() actor: Caller) {
    return toParent(await this.activities.recordHeld(actor, input));
  }

  @Mutation('cancelActivity')
  async cancelActivity(@Args('id') id: string, @Args('reason') reason: string, @CurrentActor() actor: Caller) {
    return toParent(await this.activities.cancel(actor, id, reason));
  }

  @Mutation('archiveActivityEvidence')
  async archiveActivityEvidence(@Args('id') id: string, @CurrentActor() actor: Caller) {
    const view = await this.activities.archive(actor, id);
    return { ...documentFields(view), view };
  }

  @ResolveField('organiser')
  organiser(@Parent() a: ActivityParent, @Context() ctx: GraphQLContext) {
    return this.activities.organiser(a.view, ctx);
  }

  @ResolveField('indicators')
  indicators(@Parent() a: ActivityParent, @Context() ctx: GraphQLContext) {
    return this.activities.indicators(a.view, ctx);
  }

  @ResolveField('archiveDocumentId')
  archiveDocumentId(@Parent() a: ActivityParent) {
    return this.activities.archiveDocumentId(a.view);
  }

  @ResolveField('history')
  history(@Parent() a: ActivityParent) {
    return this.activities.history(a.view);
  }

  @ResolveField('canRecordHeld')
  canRecordHeld(@Parent() a: ActivityParent, @CurrentActor() actor: Caller) {
    return this.activities.canRecordHeld(actor, a.view);
  }

  @ResolveField('canCancel')
  canCancel(@Parent() a: ActivityParent, @CurrentActor() actor: Caller) {
    return this.activities.canCancel(actor, a.view);
  }

  @ResolveField('canArchive')
  canArchive(@Parent() a: ActivityParent, @CurrentActor() actor: Caller) {
    return this.activities.canArchive(actor, a.view);
  }
}
