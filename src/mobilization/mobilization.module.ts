import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { MobilizationFileController } from './mobilization-file.controller';
import { MobilizationRepository } from './mobilization.repository';
import { MobilizationDocumentResolver, MobilizationResponseResolver } from './mobilization.resolver';
import { MobilizationService } from './mobilization.service';

/** Mobilization (动员部署): documents, the units' responses (签收, plan, group), the office's review, the files. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule],
  controllers: [MobilizationFileController],
  providers: [MobilizationRepository, MobilizationService, MobilizationDocumentResolver, MobilizationResponseResolver],
})
export class MobilizationModule {}
