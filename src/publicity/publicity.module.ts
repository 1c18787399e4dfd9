import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { PublicityPhotoController } from './publicity-photo.controller';
import { PublicityRepository } from './publicity.repository';
import { PublicityEntryResolver, PublicityResolver } from './publicity.resolver';
import { PublicityService } from './publicity.service';

/** The 宣传组's publicity ledger (宣传台账): entries with photos, corrections and voiding, counts, export, archiving photos. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule, ArchiveModule],
  controllers: [PublicityPhotoController],
  providers: [PublicityRepository, PublicityService, PublicityResolver, PublicityEntryResolver],
})
export class PublicityModule {}
