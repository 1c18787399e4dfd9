// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask: every person).
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { NotificationPreferencesInput } from '../platform/graphql/graphql.generated';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationService } from './notification.service';

@Resolver()
export class NotificationResolver {
  constructor(
    private readonly notifications: NotificationService,
    private readonly deliveries: NotificationDeliveryService,
  ) {}

  @Query('myNotificationPreferences')
  myNotificationPreferences(@CurrentActor() actor: Caller) {
    return this.deliveries.preferences(actor);
  }

  @Mutation('updateNotificationPreferences')
  updateNotificationPreferences(@Args('input') input: NotificationPreferencesInput, @CurrentActor() actor: Caller) {
    return this.deliveries.updatePreferences(actor, input);
  }

  @Query('notificationLog')
  notificationLog(@Args('taskId') taskId: string | null, @Args('itemId') itemId: string | null, @CurrentActor() actor: Caller) {
    return this.deliveries.cardLog(actor, { taskId, itemId });
  }

  @Query('notifications')
  notificationPage(
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Args('unreadOnly') unreadOnly: boolean | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.notifications.page(actor, { first, after, unreadOnly });
  }

  @Mutation('markNotificationsRead')
  markNotificationsRead(@Args('ids') ids: string[], @CurrentActor() actor: Caller) {
    return this.notifications.markRead(actor, ids);
  }

  @Mutation('markAllNotificationsRead')
  markAllNotificationsRead(@CurrentActor() actor: Caller) {
    return this.notifications.markAllRead(actor);
  }

  @Subscription('notificationAdded')
  notificationAdded(@CurrentActor() actor: Caller) {
    return this.notifications.added(actor);
  }
}
