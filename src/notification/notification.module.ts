import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveModule } from '../platform/live/live.module';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationRepository } from './notification.repository';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/**
 * The in-app inbox (站内消息): the notifications the projection writes, read, marked read and pushed live; and their
 * delivery beyond it: a person's preferences and a card's notification log.
 */
@Module({
  imports: [AuthModule, LiveModule],
  providers: [NotificationRepository, NotificationService, NotificationResolver, NotificationDeliveryRepository, NotificationDeliveryService],
})
export class NotificationModule {}
