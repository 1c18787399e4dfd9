// GET /briefings/:briefingId/docx, /pdf and /attachments/:fileId: a briefing's documents, with the same identity
// and visibility rules as the GraphQL API (drafts for the office and the leaders only), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { BriefingService } from './briefing.service';

@Controller('briefings')
export class BriefingDocumentController {
  constructor(private readonly briefings: BriefingService) {}

  @Get(':briefingId/docx')
  async docx(@Param('briefingId') briefingId: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.briefings.docx(actor, briefingId));
  }

  @Get(':briefingId/pdf')
  async pdf(@Param('briefingId') briefingId: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.briefings.pdf(actor, briefingId));
  }

  @Get(':briefingId/attachments/:fileId')
  async attachment(@Param('briefingId') briefingId: string, @Param('fileId') fileId: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.briefings.attachment(actor, briefingId, fileId));
  }
}
