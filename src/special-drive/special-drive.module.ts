import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { SpecialDriveFileController } from './special-drive-file.controller';
import { SpecialDriveRepository } from './special-drive.repository';
import { SpecialDriveResolver } from './special-drive.resolver';
import { SpecialDriveService } from './special-drive.service';

/** 专项整治 drives (plan 四(三)): launching, amending, items, the closing summary and its review, the workbook. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule],
  controllers: [SpecialDriveFileController],
  providers: [SpecialDriveRepository, SpecialDriveService, SpecialDriveResolver],
  exports: [SpecialDriveService],
})
export class SpecialDriveModule {}
