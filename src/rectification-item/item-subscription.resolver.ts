import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { LiveEventsService } from '../live/live-events.service';
import { visibleChanges } from '../live/visible-changes';
import { isRectificationItemStream } from '../projections/rectification-item-card.projection';
import { RectificationItemRepository } from './rectification-item.repository';
import { RectificationItemService } from './rectification-item.service';

@Resolver()
export class ItemSubscriptionResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveEventsService,
    private readonly repository: RectificationItemRepository,
    private readonly items: RectificationItemService,
  ) {}

  /** Each change is read from the projection and sent only to those who may see the item. */
  @Subscription('itemChanged')
  async itemChanged(@Args('campaignId') campaignId: string | null, @Context() ctx: GraphQLContext) {
    const actor = await this.auth.actor(ctx);
    return visibleChanges(this.live.subscribe(), {
      wanted: isRectificationItemStream,
      load: (id) => this.repository.findById(id),
      visible: (item) => (!campaignId || item.campaignId === campaignId) && this.items.canSee(actor, item),
      wrap: (item, eventType) => ({ itemChanged: { item, eventType } }),
    });
  }
}
