// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { CiteSurveyRoundInput, PlanSurveyRoundInput, RecordSurveyResultsInput } from '../platform/graphql/graphql.generated';
import type { SurveyRoundView } from './survey.repository';
import { surveyRoundFields, SurveyService } from './survey.service';

type RoundParent = ReturnType<typeof surveyRoundFields> & { view: SurveyRoundView };
const toParent = (view: SurveyRoundView): RoundParent => ({ ...surveyRoundFields(view), view });

@Resolver('SurveyRound')
export class SurveyResolver {
  constructor(private readonly surveys: SurveyService) {}

  @Query('surveyRounds')
  async surveyRounds(@Args('campaignId') campaignId: string | null) {
    return (await this.surveys.list(campaignId)).map(toParent);
  }

  @Query('surveyRound')
  async surveyRound(@Args('id') id: string) {
    return toParent(await this.surveys.get(id));
  }

  @Query('surveyCommunities')
  surveyCommunities() {
    return this.surveys.communities();
  }

  @Query('exportSurveyRound')
  exportSurveyRound(@Args('id') id: string) {
    return this.surveys.exportRound(id);
  }

  @Query('exportSurveyTrend')
  exportSurveyTrend(@Args('campaignId') campaignId: string | null) {
    return this.surveys.exportTrend(campaignId);
  }

  @Mutation('planSurveyRound')
  async planSurveyRound(@Args('input') input: PlanSurveyRoundInput, @CurrentActor() actor: Caller) {
    return toParent(await this.surveys.plan(actor, input));
  }

  @Mutation('recordSurveyResults')
  async recordSurveyResults(@Args('input') input: RecordSurveyResultsInput, @CurrentActor() actor: Caller) {
    return toParent(await this.surveys.record(actor, input));
  }

  @Mutation('closeSurveyRound')
  async closeSurveyRound(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.surveys.close(actor, id, note));
  }

  @Mutation('citeSurveyRound')
  citeSurveyRound(@Args('input') input: CiteSurveyRoundInput, @CurrentActor() actor: Caller) {
    return this.surveys.cite(actor, input);
  }

  @ResolveField('communities')
  communities(@Parent() r: RoundParent, @Context() ctx: GraphQLContext) {
    return this.surveys.communityResults(r.view, ctx);
  }

  @ResolveField('history')
  history(@Parent() r: RoundParent) {
    return this.surveys.history(r.view);
  }

  @ResolveField('canRecord')
  canRecord(@Parent() r: RoundParent, @CurrentActor() actor: Caller) {
    return this.surveys.canRecord(actor, r.view);
  }

  @ResolveField('canClose')
  canClose(@Parent() r: RoundParent, @CurrentActor() actor: Caller) {
    return this.surveys.canClose(actor, r.view);
  }
}

/** The trend's communities are named by their units. */
@Resolver('SurveyCommunityTrend')
export class SurveyCommunityTrendResolver {
  constructor(private readonly surveys: SurveyService) {}

  @Query('surveyTrend')
  surveyTrend(@Args('campaignId') campaignId: string | null) {
    return this.surveys.trend(campaignId);
  }

  @ResolveField('unit')
  unit(@Parent() c: { unitCode: string }, @Context() ctx: GraphQLContext) {
    return this.surveys.unitLoader(ctx)(c.unitCode);
  }
}
