import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { LiveEventsService } from '../live/live-events.service';
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
    const source = this.live.subscribe();
    const { repository, items } = this;
    async function* changes() {
      try {
        for await (const notification of source) {
          if (!isRectificationItemStream(notification.streamId)) continue;
          const item = await repository.findById(notification.streamId);
          if (!item || (campaignId && item.campaignId !== campaignId) || !items.canSee(actor, item)) continue;
          yield { itemChanged: { item, eventType: notification.type } };
        }
      } finally {
        await source.return?.();
      }
    }
    return changes();
  }
}
