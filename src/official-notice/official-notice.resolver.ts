// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { IssueOfficialNoticeInput } from '../platform/graphql/graphql.generated';
import type { NoticeView } from './official-notice.repository';
import { noticeFields, OfficialNoticeService } from './official-notice.service';

type NoticeParent = ReturnType<typeof noticeFields> & { view: NoticeView };
const toParent = (view: NoticeView): NoticeParent => ({ ...noticeFields(view), view });

@Resolver('OfficialNotice')
export class OfficialNoticeResolver {
  constructor(private readonly notices: OfficialNoticeService) {}

  @Query('officialNotices')
  async officialNotices(
    @Args('campaignId') campaignId: string | null,
    @Args('unacknowledgedOnly') unacknowledgedOnly: boolean | null,
    @Args('first') first: number | null,
    @CurrentActor() actor: Caller,
  ) {
    return (await this.notices.list(actor, { campaignId, unacknowledgedOnly, first })).map(toParent);
  }

  @Query('officialNoticeTemplates')
  officialNoticeTemplates() {
    return this.notices.templates();
  }

  @Mutation('issueOfficialNotice')
  async issueOfficialNotice(@Args('input') input: IssueOfficialNoticeInput, @CurrentActor() actor: Caller) {
    return toParent(await this.notices.issue(actor, input));
  }

  @Mutation('acknowledgeOfficialNotice')
  async acknowledgeOfficialNotice(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.notices.acknowledge(actor, id, note));
  }

  @Mutation('uploadOfficialNoticeTemplate')
  uploadOfficialNoticeTemplate(@Args('kind') kind: string, @Args('fileId') fileId: string, @CurrentActor() actor: Caller) {
    return this.notices.uploadTemplate(actor, kind, fileId);
  }

  @Mutation('resetOfficialNoticeTemplate')
  resetOfficialNoticeTemplate(@Args('kind') kind: string) {
    return this.notices.resetTemplate(kind);
  }

  @ResolveField('unit')
  unit(@Parent() n: NoticeParent, @Context() ctx: GraphQLContext) {
    return this.notices.unitOf(n.view, ctx);
  }

  @ResolveField('acknowledgedByName')
  acknowledgedByName(@Parent() n: NoticeParent, @Context() ctx: GraphQLContext) {
    return this.notices.acknowledgedByName(n.view, ctx);
  }

  @ResolveField('canAcknowledge')
  canAcknowledge(@Parent() n: NoticeParent, @CurrentActor() actor: Caller) {
    return this.notices.canAcknowledge(actor, n.view);
  }
}

@Resolver('IndicatorTask')
export class IndicatorTaskNoticesResolver {
  constructor(private readonly notices: OfficialNoticeService) {}

  @ResolveField('officialNotices')
  async officialNotices(@Parent() task: { id: string }, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return (await this.notices.ofCard(actor, 'task', task, ctx)).map(toParent);
  }
}

@Resolver('RectificationItem')
export class RectificationItemNoticesResolver {
  constructor(private readonly notices: OfficialNoticeService) {}

  @ResolveField('officialNotices')
  async officialNotices(@Parent() item: { id: string }, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return (await this.notices.ofCard(actor, 'item', item, ctx)).map(toParent);
  }
}
