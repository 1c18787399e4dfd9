import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { UnitReportFileController } from './unit-report-file.controller';
import { UnitReportRepository } from './unit-report.repository';
import { MonthlyReportUnitReportsResolver, UnitReportResolver } from './unit-report.resolver';
import { UnitReportService } from './unit-report.service';

/** Units' monthly reports (单位专题汇报): the month's matrix, hand-in and review, opening a month, attachments, the monthly report's links. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule],
  controllers: [UnitReportFileController],
  providers: [UnitReportRepository, UnitReportService, UnitReportResolver, MonthlyReportUnitReportsResolver],
  exports: [UnitReportService],
})
export class UnitReportModule {}
