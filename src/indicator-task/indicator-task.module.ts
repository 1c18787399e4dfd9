import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { LiveModule } from '../platform/live/live.module';
import { EvidenceController } from './evidence.controller';
import { BoardSubscriptionResolver } from './board-subscription.resolver';
import { IndicatorTaskRepository } from './indicator-task.repository';
import { IndicatorTaskResolver } from './indicator-task.resolver';
import { IndicatorTaskService } from './indicator-task.service';
import { TaskListResolver } from './task-list.resolver';

@Module({
  imports: [AuthModule, CampaignModule, LiveModule, FilesModule],
  controllers: [EvidenceController],
  providers: [IndicatorTaskRepository, IndicatorTaskService, IndicatorTaskResolver, BoardSubscriptionResolver, TaskListResolver],
  // The survey module cites a round through the task's own evidence action.
  exports: [IndicatorTaskService],
})
export class IndicatorTaskModule {}
