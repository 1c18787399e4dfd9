import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { UnitReportModule } from '../unit-report/unit-report.module';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportResolver } from './monthly-report.resolver';
import { MonthlyReportService } from './monthly-report.service';

/** 月度报告: the monthly report the cadence workflow builds, read and exported here. */
@Module({
  imports: [AuthModule, CampaignModule, UnitReportModule],
  providers: [MonthlyReportRepository, MonthlyReportService, MonthlyReportResolver],
})
export class MonthlyReportModule {}
