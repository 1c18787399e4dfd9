import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { LiveEventsService } from '../platform/live/live-events.service';
import { visibleChanges } from '../platform/live/visible-changes';
import { isRectificationItemStream } from '../platform/projections/rectification-item-card.projection';
import { RectificationItemRepository } from './rectification-item.repository';
import { RectificationItemService } from './rectification-item.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver()
export class ItemSubscriptionResolver {
  constructor(
    private readonly live: LiveEventsService,
    private readonly repository: RectificationItemRepository,
    private readonly items: RectificationItemService,
  ) {}

  /** Each change is read from the projection and sent only to those who may see the item. */
  @Subscription('itemChanged')
  async itemChanged(@Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return visibleChanges(this.live.subscribe(), {
      wanted: isRectificationItemStream,
      load: (id) => this.repository.findById(id),
      visible: (item) => (!campaignId || item.campaignId === campaignId) && this.items.canSee(actor, item),
      wrap: (item, eventType) => ({ itemChanged: { item, eventType } }),
    });
  }
}
