// GET /archive-documents/:documentId/file (a library document's file, a unit only its own) and
// GET /archive-packages/:packageId/download (the zip, streamed from the file store, never held in memory), with
// the same identity and visibility rules as the GraphQL API.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendDownload, sendStreamDownload, type HttpResponse, type StreamingResponse } from '../platform/files/download';
import { ArchiveLibraryService } from './archive-library.service';
import { ArchivePackageService } from './archive-package.service';

@Controller()
export class ArchiveFilesController {
  constructor(
    private readonly library: ArchiveLibraryService,
    private readonly packages: ArchivePackageService,
  ) {}

  @Get('archive-documents/:documentId/file')
  async document(@Param('documentId') documentId: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.library.file(actor, documentId));
  }

  @Get('archive-packages/:packageId/download')
  async package(@Param('packageId') packageId: string, @Res() res: StreamingResponse): Promise<void> {
    await sendStreamDownload(res, async () => this.packages.download(packageId));
  }
}
