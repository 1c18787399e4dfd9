// Turns PostgreSQL notifications into in-process streams: every appended event (EVENTS_CHANNEL) and every new
// in-app notification (NOTIFICATIONS_CHANNEL). Every API instance LISTENs on its own connections, so a change
// written by any worker reaches subscribers on every instance.
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DATABASE_URL } from '../core/app.tokens';
import { EVENTS_CHANNEL, type EventNotification } from '../event-store/event-store.types';
import { NOTIFICATIONS_CHANNEL, type NotificationNotice } from '../projections/notification.projection';
import { ChannelStream } from './channel-stream';

@Injectable()
export class LiveEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly events: ChannelStream<EventNotification>;
  private readonly notifications: ChannelStream<NotificationNotice>;

  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    this.events = new ChannelStream(databaseUrl, EVENTS_CHANNEL, 'LiveEvents');
    this.notifications = new ChannelStream(databaseUrl, NOTIFICATIONS_CHANNEL, 'LiveNotifications');
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.events.start(), this.notifications.start()]);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.events.stop(), this.notifications.stop()]);
  }

  /** A stream of every event appended from now on; `return()` (end of subscription) unsubscribes. */
  subscribe(): AsyncIterableIterator<EventNotification> {
    return this.events.subscribe();
  }

  /** A stream of every notification written from now on, for every recipient: the subscriber filters. */
  subscribeNotifications(): AsyncIterableIterator<NotificationNotice> {
    return this.notifications.subscribe();
  }
}
