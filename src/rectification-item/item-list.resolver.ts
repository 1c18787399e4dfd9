// `items`: the rectification items as a list for other systems, filtered, sorted and paged by cursor. Who sees what
// is the items board's rule: a unit's users see the items dispatched to their unit only. The nodes are the board's
// ItemViews, so the RectificationItem field resolvers (and with them the hiding of covert inspectors from units)
// apply to them unchanged.
import { Args, Query, Resolver } from '@nestjs/graphql';
import { visibleUnit } from '../auth/access-policy';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import { decodeCursor, pageSize, toConnection } from '../platform/graphql/cursor';
import type { ItemFilter, ItemOrder } from '../platform/graphql/graphql.generated';
import type { Actor } from '../../workflows/shared/actor.types';
import { ITEM_ORDERINGS } from './item-list';
import { RectificationItemRepository } from './rectification-item.repository';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver()
export class ItemListResolver {
  constructor(
    private readonly items: RectificationItemRepository,
    private readonly campaigns: CampaignRepository,
  ) {}

  @Query('items')
  async list(
    @Args('campaignId') campaignId: string | null,
    @Args('filter') filter: ItemFilter | null,
    @Args('orderBy') orderBy: ItemOrder | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @CurrentActor() actor: Caller,
  ) {
    const size = pageSize(first);
    const ordering = ITEM_ORDERINGS[orderBy ?? 'DUE_AT_ASC'];
    const position = after === null || after === undefined ? null : decodeCursor(after, ordering);
    const unitCode = unitScope(actor, filter?.unitCode || null, '整改问题');
    const campaign = await this.campaigns.require(campaignId);

    const query = { campaignId: campaign.id, unitCode, filter: filter ?? {}, decider: { role: actor.role, userId: actor.userId } };
    const rows = await this.items.listPage(query, ordering, position, size + 1);
    const views = new Map((await this.items.findByIds(rows.slice(0, size).map((r) => r.item_id))).map((v) => [v.id, v]));
    return toConnection(ordering, rows, size, (row) => views.get(row.item_id), () => this.items.listCount(query));
  }
}

/**
 * The unit whose items the actor may list: a unit's users their own (asking for another is refused,
 * not quietly answered with nothing), everyone else the one they ask for, or all (null).
 */
function unitScope(actor: Actor, asked: string | null, what: string): string | null {
  const own = visibleUnit(actor);
  if (own === null) return asked;
  if (asked && asked !== own) throw new DomainError('FORBIDDEN', `只能查看本单位的${what}，不能查看单位「${asked}」的${what}`, 'filter.unitCode');
  return own;
}
