// GET the mobilization document's own file and a unit's plan, with the same identity and visibility rules as the
// GraphQL API (a unit only what was issued to it, and its own plan), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { MobilizationService } from './mobilization.service';

@Controller('mobilization')
export class MobilizationFileController {
  constructor(private readonly mobilization: MobilizationService) {}

  @Get('documents/:documentId/file')
  async documentFile(@Param('documentId') documentId: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.mobilization.documentFile(actor, documentId));
  }

  @Get('responses/:responseId/plan')
  async planFile(@Param('responseId') responseId: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.mobilization.planFile(actor, responseId));
  }
}
