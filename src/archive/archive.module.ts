import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { ArchiveFilesController } from './archive-files.controller';
import { ArchiveLibraryService } from './archive-library.service';
import { ArchivePackageService } from './archive-package.service';
import { ArchiveRepository } from './archive.repository';
import { ArchiveDocumentResolver, ArchivePackageResolver } from './archive.resolver';

/** The archive library (档案库: documents, 验收) and the archive package (build, download, 送审). */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule],
  controllers: [ArchiveFilesController],
  providers: [ArchiveRepository, ArchiveLibraryService, ArchivePackageService, ArchiveDocumentResolver, ArchivePackageResolver],
  exports: [ArchiveLibraryService],
})
export class ArchiveModule {}
