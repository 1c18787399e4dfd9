import { Module } from '@nestjs/common';
import { RUNTIME } from '../app/app.tokens';
import type { AppRuntime } from '../app/app-runtime';
import { FileStore } from './file-store';

@Module({
  providers: [{ provide: FileStore, inject: [RUNTIME], useFactory: (runtime: AppRuntime) => new FileStore(runtime.config.files.dir, runtime.config.files.maxBytes) }],
  exports: [FileStore],
})
export class FilesModule {}
