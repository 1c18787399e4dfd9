// Thin: who is calling, what they asked, delegated to the service.
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLContext } from '../auth/auth.service';
import type { AssignItemResponsiblePersonInput, ClearItemKeyFlagInput, SetItemKeyFlagInput, ItemAccountabilityReviewInput, ItemActionInput, ItemFilter, MeetingDecisionToItemInput, MeetingDecisionToTaskInput, ProposeItemAccountabilityDecisionInput, ReportItemInput } from '../platform/graphql/graphql.generated';
import { IndicatorTaskRepository } from '../indicator-task/indicator-task.repository';
import { DomainError } from '../platform/errors/domain-error';
import { MeetingDecisionService } from './meeting-decision.service';
import type { TaskView } from '../indicator-task/indicator-task.repository';
import type { ItemArea, ItemSource, ItemState } from '../../workflows/rectification-item/rectification-item.types';
import type { ItemView } from './rectification-item.repository';
import { RectificationItemService } from './rectification-item.service';
import { itemMoves } from './rectification-item.board-moves';
import { foundProblem, itemLocation } from './item-input';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver('RectificationItem')
export class RectificationItemResolver {
  constructor(
    private readonly items: RectificationItemService,
  ) {}

  @Query('rectificationItem')
  async rectificationItem(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return this.items.get(actor, id);
  }

  @Query('itemBoard')
  async itemBoard(
    @Args('campaignId') campaignId: string | null,
    @Args('unitCode') unitCode: string | null,
    @Args('area') area: ItemArea | null,
    @Args('source') source: ItemSource | null,
    @Args('first') first: number | null,
    @Args('filter') filter: ItemFilter | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.items.board(actor, campaignId, { unitCode, area, source, filter }, first);
  }

  @Query('itemBoardColumn')
  async itemBoardColumn(
    @Args('campaignId') campaignId: string | null,
    @Args('state') state: ItemState,
    @Args('unitCode') unitCode: string | null,
    @Args('area') area: ItemArea | null,
    @Args('source') source: ItemSource | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Args('filter') filter: ItemFilter | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.items.boardColumn(actor, { campaignId, state, unitCode, area, source, first, after, filter });
  }

  @Mutation('reportItem')
  async reportItem(@Args('input') i: ReportItemInput, @CurrentActor() actor: Caller) {
    return this.items.report(actor, { campaignId: i.campaignId, source: i.source, ...foundProblem(i) });
  }

  @Mutation('actOnItem')
  async actOnItem(@Args('input') i: ItemActionInput, @CurrentActor() actor: Caller) {
    return this.items.act(actor, i);
  }

  @Mutation('assignItemResponsiblePerson')
  async assignItemResponsiblePerson(@Args('input') i: AssignItemResponsiblePersonInput, @CurrentActor() actor: Caller) {
    return this.items.assignResponsiblePerson(actor, i.itemId, i.login, i.expectedVersion ?? null);
  }

  @ResolveField('responsiblePerson')
  responsiblePerson(@Parent() item: ItemView) {
    return item.responsiblePerson ?? null;
  }

  @ResolveField('responsiblePersonCandidates')
  responsiblePersonCandidates(@Parent() item: ItemView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.items.responsiblePersonCandidates(actor, item, ctx);
  }

  @Mutation('proposeItemAccountabilityDecision')
  async proposeItemAccountabilityDecision(@Args('input') i: ProposeItemAccountabilityDecisionInput, @CurrentActor() actor: Caller) {
    return this.items.actOnAccountability(actor, i.itemId, { action: 'PROPOSE_ACCOUNTABILITY', input: i }, i.expectedVersion ?? null);
  }

  @Mutation('approveItemAccountabilityDecision')
  async approveItemAccountabilityDecision(@Args('input') i: ItemAccountabilityReviewInput, @CurrentActor() actor: Caller) {
    return this.items.actOnAccountability(actor, i.itemId, { action: 'APPROVE_ACCOUNTABILITY', note: i.note ?? undefined }, i.expectedVersion ?? null);
  }

  @Mutation('returnItemAccountabilityDecision')
  async returnItemAccountabilityDecision(@Args('input') i: ItemAccountabilityReviewInput, @CurrentActor() actor: Caller) {
    return this.items.actOnAccountability(actor, i.itemId, { action: 'RETURN_ACCOUNTABILITY', reason: i.reason ?? '' }, i.expectedVersion ?? null);
  }

  @Mutation('setItemKeyFlag')
  async setItemKeyFlag(@Args('input') i: SetItemKeyFlagInput, @CurrentActor() actor: Caller) {
    return this.items.setKeyFlag(actor, i.itemId, { action: 'SET_KEY_FLAG', kind: i.kind, reason: i.reason }, i.expectedVersion ?? null);
  }

  @Mutation('clearItemKeyFlag')
  async clearItemKeyFlag(@Args('input') i: ClearItemKeyFlagInput, @CurrentActor() actor: Caller) {
    return this.items.setKeyFlag(actor, i.itemId, { action: 'CLEAR_KEY_FLAG', reason: i.reason ?? undefined }, i.expectedVersion ?? null);
  }

  @ResolveField('keyFlag')
  keyFlag(@Parent() item: ItemView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.items.keyFlag(actor, item, ctx);
  }

  @ResolveField('keyFlagActions')
  keyFlagActions(@Parent() item: ItemView, @CurrentActor() actor: Caller) {
    return this.items.keyFlagActions(actor, item);
  }

  @ResolveField('accountabilityActions')
  accountabilityActions(@Parent() item: ItemView, @CurrentActor() actor: Caller) {
    return this.items.accountabilityActions(actor, item);
  }

  @ResolveField('accountabilityDecisions')
  async accountabilityDecisions(@Parent() item: ItemView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.items.accountabilityDecisions(actor, item, ctx);
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() item: ItemView) {
    return this.items.stateLabel(item);
  }

  @ResolveField('sourceLabel')
  sourceLabel(@Parent() item: ItemView) {
    return this.items.sourceLabel(item);
  }

  @ResolveField('photos')
  photos(@Parent() item: ItemView) {
    return item.photos.map((f) => this.items.fileUrl(item, f));
  }

  @ResolveField('submission')
  async submission(@Parent() item: ItemView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    if (!item.submission) return null;
    return {
      ...item.submission,
      photos: item.submission.photos.map((f) => this.items.fileUrl(item, f)),
      submittedBy: await this.items.person(actor, item, item.submission.submittedBy, ctx),
    };
  }

  @ResolveField('reportedBy')
  async reportedBy(@Parent() item: ItemView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.items.hidesReporter(actor, item) ? null : this.items.person(actor, item, item.reportedBy, ctx);
  }

  @ResolveField('unit')
  unit(@Parent() item: ItemView, @Context() ctx: GraphQLContext) {
    return this.items.unitOf(item, ctx);
  }

  @ResolveField('allowedActions')
  async allowedActions(@Parent() item: ItemView, @CurrentActor() actor: Caller) {
    return this.items.allowedActions(actor, item);
  }

  @ResolveField('allowedMoves')
  allowedMoves(@Parent() item: ItemView, @CurrentActor() actor: Caller) {
    return itemMoves(item, this.items.allowedActions(actor, item));
  }

  @ResolveField('history')
  async history(@Parent() item: ItemView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.items.history(actor, item, ctx);
  }
}

@Resolver()
export class MeetingDecisionResolver {
  constructor(
    private readonly decisions: MeetingDecisionService,
    private readonly tasks: IndicatorTaskRepository,
  ) {}

  @Mutation('meetingDecisionToItem')
  async meetingDecisionToItem(@Args('input') i: MeetingDecisionToItemInput, @CurrentActor() actor: Caller) {
    return this.decisions.toItem(actor, {
      campaignId: i.campaignId,
      meetingId: i.meetingId,
      decisionIndex: i.decisionIndex,
      area: i.area,
      location: itemLocation(i.location),
      criterionCode: i.criterionCode,
    });
  }

  @Mutation('meetingDecisionToTask')
  async meetingDecisionToTask(@Args('input') i: MeetingDecisionToTaskInput, @CurrentActor() actor: Caller) {
    const taskId = await this.decisions.toTask(actor, i);
    // The card appears once the task's creation event is projected.
    for (let delay = 20, waited = 0; waited < 15_000; waited += delay, delay = Math.min(delay * 2, 250)) {
      const card = await this.tasks.findById(taskId);
      if (card) return card;
      await new Promise((r) => setTimeout(r, delay));
    }
    throw new DomainError('UNAVAILABLE', '任务已创建，但看板尚未更新，请稍后刷新');
  }
}

@Resolver('IndicatorTask')
export class IndicatorTaskItemsResolver {
  constructor(
    private readonly items: RectificationItemService,
  ) {}

  @ResolveField('linkedItems')
  async linkedItems(@Parent() task: TaskView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.items.linkedTo(actor, task, ctx);
  }
}
