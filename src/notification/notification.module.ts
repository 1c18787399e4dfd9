import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveModule } from '../platform/live/live.module';
import { NotificationRepository } from './notification.repository';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/** The in-app inbox (站内消息): the notifications the projection writes, read, marked read and pushed live. */
@Module({
  imports: [AuthModule, LiveModule],
  providers: [NotificationRepository, NotificationService, NotificationResolver],
})
export class NotificationModule {}
