import { Module } from '@nestjs/common';
import { RUNTIME } from '../app/app.tokens';
import type { AppRuntime } from '../app/app-runtime';
import { AuthModule } from '../auth/auth.module';
import { FileStore } from './file-store';
import { UploadController } from './upload.controller';
import { UploadService } from './upload.service';

@Module({
  imports: [AuthModule],
  controllers: [UploadController],
  providers: [{ provide: FileStore, inject: [RUNTIME], useFactory: (runtime: AppRuntime) => new FileStore(runtime.config.files.dir, runtime.config.files.maxBytes) }, UploadService],
  exports: [FileStore, UploadService],
})
export class FilesModule {}
