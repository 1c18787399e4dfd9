import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { ReportsRepository } from './reports.repository';
import { BoardSnapshotRepository } from './board-snapshot.repository';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** 绩效考核, 红黑榜 and reports as of a past instant, all folded from the events. */
@Module({
  imports: [AuthModule, CampaignModule],
  providers: [ReportsRepository, BoardSnapshotRepository, ReportsService, ReportsResolver],
  exports: [BoardSnapshotRepository],
})
export class ReportsModule {}
