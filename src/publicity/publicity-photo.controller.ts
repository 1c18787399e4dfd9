// GET /publicity/entries/:entryId/photos/:sha256: a photo of a publicity entry, with the same identity rules as the
// GraphQL API (everyone signed in reads the ledger), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { PublicityService } from './publicity.service';

@Controller('publicity')
export class PublicityPhotoController {
  constructor(private readonly publicity: PublicityService) {}

  @Get('entries/:entryId/photos/:sha256')
  async download(@Param('entryId') entryId: string, @Param('sha256') sha256: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.publicity.photo(actor, entryId, sha256));
  }
}
