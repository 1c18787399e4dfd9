// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { BriefingDraftInput, CreateBriefingInput } from '../platform/graphql/graphql.generated';
import type { BriefingView } from './briefing.repository';
import { briefingFields, BriefingService } from './briefing.service';

type BriefingParent = ReturnType<typeof briefingFields> & { view: BriefingView };
const toParent = (view: BriefingView): BriefingParent => ({ ...briefingFields(view), view });

@Resolver('Briefing')
export class BriefingResolver {
  constructor(private readonly briefings: BriefingService) {}

  @Query('briefings')
  async list(
    @Args('campaignId') campaignId: string | null,
    @Args('kind') kind: string | null,
    @Args('state') state: string | null,
    @Args('awaitingMyAcknowledgement') awaitingMyAcknowledgement: boolean | null,
    @Args('first') first: number | null,
    @CurrentActor() actor: Caller,
  ) {
    return (await this.briefings.list(actor, { campaignId, kind, state, awaitingMyAcknowledgement, first })).map(toParent);
  }

  @Query('briefing')
  async one(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.get(actor, id));
  }

  @Query('briefingPrefill')
  prefill(@Args('campaignId') campaignId: string | null, @Args('kind') kind: string, @Args('month') month: string | null) {
    return this.briefings.prefill({ campaignId, kind, month });
  }

  @Mutation('createBriefing')
  async create(@Args('input') input: CreateBriefingInput, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.create(actor, input));
  }

  @Mutation('updateBriefingDraft')
  async update(@Args('id') id: string, @Args('draft') draft: BriefingDraftInput, @Args('expectedVersion') expectedVersion: number | null, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.updateDraft(actor, id, draft, expectedVersion));
  }

  @Mutation('submitBriefing')
  async submit(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.submit(actor, id));
  }

  @Mutation('approveBriefing')
  async approve(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.approve(actor, id, note));
  }

  @Mutation('returnBriefing')
  async returnBriefing(@Args('id') id: string, @Args('reason') reason: string, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.returnIt(actor, id, reason));
  }

  @Mutation('publishBriefing')
  async publish(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.publish(actor, id));
  }

  @Mutation('acknowledgeBriefing')
  async acknowledge(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.briefings.acknowledge(actor, id, note));
  }

  @ResolveField('namedUnits')
  namedUnits(@Parent() b: BriefingParent, @Context() ctx: GraphQLContext) {
    return this.briefings.namedUnits(b.view, ctx);
  }

  @ResolveField('history')
  history(@Parent() b: BriefingParent) {
    return this.briefings.history(b.view);
  }

  @ResolveField('canEdit')
  canEdit(@Parent() b: BriefingParent, @CurrentActor() actor: Caller) {
    return this.briefings.can(actor, b.view, 'UPDATE_DRAFT');
  }

  @ResolveField('canSubmit')
  canSubmit(@Parent() b: BriefingParent, @CurrentActor() actor: Caller) {
    return this.briefings.can(actor, b.view, 'SUBMIT');
  }

  @ResolveField('canApprove')
  canApprove(@Parent() b: BriefingParent, @CurrentActor() actor: Caller) {
    return this.briefings.can(actor, b.view, 'APPROVE');
  }

  @ResolveField('canPublish')
  canPublish(@Parent() b: BriefingParent, @CurrentActor() actor: Caller) {
    return this.briefings.can(actor, b.view, 'PUBLISH');
  }

  @ResolveField('canAcknowledge')
  canAcknowledge(@Parent() b: BriefingParent, @CurrentActor() actor: Caller) {
    return this.briefings.can(actor, b.view, 'ACKNOWLEDGE');
  }
}
