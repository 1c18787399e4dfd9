// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { GradeUnitInput, OpenSelfEvaluationRoundInput, RateWorkingGroupInput, SubmitSelfEvaluationInput } from '../platform/graphql/graphql.generated';
import { SelfEvaluationService } from './self-evaluation.service';

@Resolver('SelfEvaluationRound')
export class SelfEvaluationResolver {
  constructor(private readonly service: SelfEvaluationService) {}

  @Query('selfEvaluationRounds')
  async selfEvaluationRounds(@Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return Promise.all((await this.service.list(campaignId)).map((r) => this.service.roundView(actor, r)));
  }

  @Query('selfEvaluationRound')
  async selfEvaluationRound(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return this.service.roundView(actor, await this.service.get(id));
  }

  @Query('exportSelfEvaluationRound')
  exportSelfEvaluationRound(@Args('id') id: string) {
    return this.service.exportRound(id);
  }

  @Query('appraisal')
  appraisal(@Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return this.service.appraisal(actor, campaignId);
  }

  @Mutation('openSelfEvaluationRound')
  async openSelfEvaluationRound(@Args('input') input: OpenSelfEvaluationRoundInput, @CurrentActor() actor: Caller) {
    return this.service.roundView(actor, await this.service.open(actor, input));
  }

  @Mutation('submitSelfEvaluation')
  async submitSelfEvaluation(@Args('input') input: SubmitSelfEvaluationInput, @CurrentActor() actor: Caller) {
    return this.service.roundView(actor, await this.service.submit(actor, input));
  }

  @Mutation('returnSelfEvaluation')
  async returnSelfEvaluation(@Args('roundId') roundId: string, @Args('unitCode') unitCode: string, @Args('reason') reason: string, @CurrentActor() actor: Caller) {
    return this.service.roundView(actor, await this.service.returnForm(actor, roundId, unitCode, reason));
  }

  @Mutation('closeSelfEvaluationRound')
  async closeSelfEvaluationRound(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return this.service.roundView(actor, await this.service.close(actor, id, note));
  }

  @Mutation('gradeUnit')
  gradeUnit(@Args('input') input: GradeUnitInput, @CurrentActor() actor: Caller) {
    return this.service.grade(actor, input);
  }

  @Mutation('rateWorkingGroup')
  rateWorkingGroup(@Args('input') input: RateWorkingGroupInput, @CurrentActor() actor: Caller) {
    return this.service.rate(actor, input);
  }
}
