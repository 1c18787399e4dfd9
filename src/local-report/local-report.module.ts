import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { RectificationItemModule } from '../rectification-item/rectification-item.module';
import { LocalReportRepository } from './local-report.repository';
import { LocalReportResolver } from './local-report.resolver';
import { LocalReportService } from './local-report.service';

/** 属地上报 (全民共创): communities and villages report problems of their own area through the items' report path. */
@Module({
  imports: [AuthModule, CampaignModule, RectificationItemModule],
  providers: [LocalReportRepository, LocalReportService, LocalReportResolver],
})
export class LocalReportModule {}
