import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignClockBootstrap } from '../campaign-clock/campaign-clock.bootstrap';
import { CampaignClockRepository } from '../campaign-clock/campaign-clock.repository';
import { CampaignClockResolver } from '../campaign-clock/campaign-clock.resolver';
import { CampaignClockService } from '../campaign-clock/campaign-clock.service';
import { CampaignRepository } from './campaign.repository';
import { CampaignResolver } from './campaign.resolver';
import { MonthlyReportRepository } from '../monthly-report/monthly-report.repository';
import { MonthlyReportService } from '../monthly-report/monthly-report.service';

@Module({
  imports: [AuthModule],
  providers: [
    CampaignRepository,
    CampaignResolver,
    CampaignClockRepository,
    CampaignClockService,
    CampaignClockResolver,
    MonthlyReportRepository,
    MonthlyReportService,
    CampaignClockBootstrap,
  ],
  exports: [CampaignRepository],
})
export class CampaignModule {}
