// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask: every person).
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { NotificationService } from './notification.service';

@Resolver()
export class NotificationResolver {
  constructor(private readonly notifications: NotificationService) {}

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
