import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { NoticeDocumentController } from './notice-document.controller';
import { OfficialNoticeRepository } from './official-notice.repository';
import { IndicatorTaskNoticesResolver, OfficialNoticeResolver, RectificationItemNoticesResolver } from './official-notice.resolver';
import { OfficialNoticeService } from './official-notice.service';

/** Official notices (正式通知): the card's and the lists' notices, the office's notices on demand, 签收, the .docx and its templates. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule],
  controllers: [NoticeDocumentController],
  providers: [OfficialNoticeRepository, OfficialNoticeService, OfficialNoticeResolver, IndicatorTaskNoticesResolver, RectificationItemNoticesResolver],
})
export class OfficialNoticeModule {}
