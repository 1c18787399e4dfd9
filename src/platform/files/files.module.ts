import { Module } from '@nestjs/common';
import { CONFIG } from '../core/app.tokens';
import type { AppConfig } from '../config/config';
import { AuthModule } from '../../auth/auth.module';
import { FileStore } from './file-store';
import { UploadController } from './upload.controller';
import { UploadService } from './upload.service';
import { UploadedFileRepository } from './uploaded-file.repository';

@Module({
  imports: [AuthModule],
  controllers: [UploadController],
  providers: [{ provide: FileStore, inject: [CONFIG], useFactory: (config: AppConfig) => new FileStore(config.files.dir, config.files.maxBytes) }, UploadedFileRepository, UploadService],
  exports: [FileStore, UploadService],
})
export class FilesModule {}
