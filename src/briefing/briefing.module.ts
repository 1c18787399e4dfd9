import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { MonthlyReportRepository } from '../monthly-report/monthly-report.repository';
import { BoardSnapshotRepository } from '../reports/board-snapshot.repository';
import { ReportsRepository } from '../reports/reports.repository';
import { ReportsService } from '../reports/reports.service';
import { BriefingDocumentController } from './briefing-document.controller';
import { BriefingRepository } from './briefing.repository';
import { BriefingResolver } from './briefing.resolver';
import { BriefingService } from './briefing.service';

/** Briefings and circulars (工作简报 / 督查通报): drafts, approval, numbered publication, 签收, the .docx and PDF. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule],
  controllers: [BriefingDocumentController],
  // The pre-filled draft reads the monthly report and the 红黑榜 through their own repositories and service.
  providers: [BriefingRepository, BriefingService, BriefingResolver, MonthlyReportRepository, ReportsRepository, BoardSnapshotRepository, ReportsService],
})
export class BriefingModule {}
