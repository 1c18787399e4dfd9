// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { IssueMobilizationDocumentInput, MobilizationGroupInput } from '../platform/graphql/graphql.generated';
import type { MobilizationDocState, MobilizationResponseState } from '../../workflows/mobilization/mobilization.types';
import { MobilizationService } from './mobilization.service';

type DocParent = ReturnType<MobilizationService['documentFields']> & { state: MobilizationDocState };
type ResponseParent = ReturnType<MobilizationService['responseFields']>;

@Resolver('MobilizationDocument')
export class MobilizationDocumentResolver {
  constructor(private readonly mobilization: MobilizationService) {}

  private parent = (state: MobilizationDocState): DocParent => ({ ...this.mobilization.documentFields(state), state });

  @Query('mobilizationDocuments')
  async mobilizationDocuments(@Args('campaignId') campaignId: string | null, @Args('first') first: number | null, @CurrentActor() actor: Caller) {
    return (await this.mobilization.documents(actor, { campaignId, first })).map(this.parent);
  }

  @Query('mobilizationDocument')
  async mobilizationDocument(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return this.parent(await this.mobilization.document(actor, id));
  }

  @Mutation('issueMobilizationDocument')
  async issueMobilizationDocument(@Args('input') input: IssueMobilizationDocumentInput, @CurrentActor() actor: Caller) {
    return this.parent(await this.mobilization.issue(actor, input));
  }

  @ResolveField('responses')
  async responses(@Parent() doc: DocParent, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return (await this.mobilization.responses(actor, doc.id, ctx)).map((r) => this.mobilization.responseFields(actor, r));
  }
}

@Resolver('MobilizationResponse')
export class MobilizationResponseResolver {
  constructor(private readonly mobilization: MobilizationService) {}

  private fields = (actor: Caller) => (r: MobilizationResponseState) => this.mobilization.responseFields(actor, r);

  @Mutation('acknowledgeMobilization')
  async acknowledgeMobilization(@Args('responseId') responseId: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return this.fields(actor)(await this.mobilization.acknowledge(actor, responseId, note));
  }

  @Mutation('submitMobilizationPlan')
  async submitMobilizationPlan(@Args('responseId') responseId: string, @Args('fileId') fileId: string, @Args('summary') summary: string, @CurrentActor() actor: Caller) {
    return this.fields(actor)(await this.mobilization.submitPlan(actor, responseId, fileId, summary));
  }

  @Mutation('registerMobilizationGroup')
  async registerMobilizationGroup(@Args('responseId') responseId: string, @Args('group') group: MobilizationGroupInput, @CurrentActor() actor: Caller) {
    return this.fields(actor)(await this.mobilization.registerGroup(actor, responseId, group));
  }

  @Mutation('approveMobilization')
  async approveMobilization(@Args('responseId') responseId: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return this.fields(actor)(await this.mobilization.approve(actor, responseId, note));
  }

  @Mutation('returnMobilization')
  async returnMobilization(@Args('responseId') responseId: string, @Args('reason') reason: string, @CurrentActor() actor: Caller) {
    return this.fields(actor)(await this.mobilization.return(actor, responseId, reason));
  }

  @ResolveField('unit')
  unit(@Parent() r: ResponseParent, @Context() ctx: GraphQLContext) {
    return this.mobilization.unit(r.unitCode, ctx);
  }
}
