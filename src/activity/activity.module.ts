import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { ActivityPhotoController } from './activity-photo.controller';
import { ActivityRepository } from './activity.repository';
import { ActivityResolver } from './activity.resolver';
import { ActivityService } from './activity.service';

/** The 活动组's activity records (活动记录): planning, 举办 with photos, cancelling, counts, export and archive evidence. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule, ArchiveModule],
  controllers: [ActivityPhotoController],
  providers: [ActivityRepository, ActivityService, ActivityResolver],
})
export class ActivityModule {}
