import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { TaskBreakdownRepository } from './task-breakdown.repository';
import { ImportProgressResolver, TaskBreakdownResolver } from './task-breakdown.resolver';
import { TaskBreakdownService } from './task-breakdown.service';

@Module({
  imports: [AuthModule, CampaignModule],
  providers: [TaskBreakdownRepository, TaskBreakdownService, TaskBreakdownResolver, ImportProgressResolver],
})
export class TaskBreakdownModule {}
