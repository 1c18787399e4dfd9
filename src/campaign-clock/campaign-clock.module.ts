import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { UnitReportModule } from '../unit-report/unit-report.module';
import { CampaignClockBootstrap } from './campaign-clock.bootstrap';
import { CampaignClockRepository } from './campaign-clock.repository';
import { CampaignClockResolver, CampaignMeetingResolver, MonthlyCadenceResolver } from './campaign-clock.resolver';
import { CampaignClockService } from './campaign-clock.service';

/** The campaign's clock: phases, supervision visits, meetings and the monthly cadence (one workflow per campaign). */
@Module({
  imports: [AuthModule, CampaignModule, UnitReportModule],
  providers: [CampaignClockRepository, CampaignClockService, CampaignClockResolver, CampaignMeetingResolver, MonthlyCadenceResolver, CampaignClockBootstrap],
  exports: [CampaignClockService],
})
export class CampaignClockModule {}
