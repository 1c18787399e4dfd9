// GET /special-drives/:driveId/files/:sha256: an attachment of a drive's closing summary, with the same identity
// rules as the GraphQL API (every role reads the drives), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { SpecialDriveService } from './special-drive.service';

@Controller('special-drives')
export class SpecialDriveFileController {
  constructor(private readonly drives: SpecialDriveService) {}

  @Get(':driveId/files/:sha256')
  async download(@Param('driveId') driveId: string, @Param('sha256') sha256: string, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.drives.attachment(driveId, sha256));
  }
}
