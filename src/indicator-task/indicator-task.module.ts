import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { LiveModule } from '../live/live.module';
import { BoardSubscriptionResolver } from './board-subscription.resolver';
import { IndicatorTaskRepository } from './indicator-task.repository';
import { IndicatorTaskResolver } from './indicator-task.resolver';
import { IndicatorTaskService } from './indicator-task.service';

@Module({
  imports: [AuthModule, CampaignModule, LiveModule],
  providers: [IndicatorTaskRepository, IndicatorTaskService, IndicatorTaskResolver, BoardSubscriptionResolver],
})
export class IndicatorTaskModule {}
