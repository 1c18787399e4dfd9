// GET /official-notices/:noticeId/document: the notice's .docx, with the same identity and visibility rules as the
// GraphQL API (a unit only its own notices), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { OfficialNoticeService } from './official-notice.service';

@Controller('official-notices')
export class NoticeDocumentController {
  constructor(private readonly notices: OfficialNoticeService) {}

  @Get(':noticeId/document')
  async download(@Param('noticeId') noticeId: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.notices.document(actor, noticeId));
  }
}
