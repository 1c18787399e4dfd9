import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { LiveModule } from '../platform/live/live.module';
import { WorkingDaysModule } from '../working-days/working-days.module';
import { ItemSubscriptionResolver } from './item-subscription.resolver';
import { ItemFileController } from './item-file.controller';
import { ItemListResolver } from './item-list.resolver';
import { RectificationItemRepository } from './rectification-item.repository';
import { IndicatorTaskItemsResolver, MeetingDecisionResolver, RectificationItemResolver } from './rectification-item.resolver';
import { MeetingDecisionRepository } from './meeting-decision.repository';
import { MeetingDecisionService } from './meeting-decision.service';
import { IndicatorTaskRepository } from '../indicator-task/indicator-task.repository';
import { RectificationItemService } from './rectification-item.service';

@Module({
  imports: [AuthModule, CampaignModule, FilesModule, LiveModule, WorkingDaysModule],
  controllers: [ItemFileController],
  providers: [RectificationItemRepository, RectificationItemService, RectificationItemResolver, IndicatorTaskItemsResolver, MeetingDecisionRepository, MeetingDecisionService, MeetingDecisionResolver, IndicatorTaskRepository, ItemSubscriptionResolver, ItemListResolver],
  exports: [RectificationItemService, RectificationItemRepository],
})
export class RectificationItemModule {}
