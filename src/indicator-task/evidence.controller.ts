// Downloads of evidence files, with the same identity and visibility rules as the GraphQL API.
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { sendDownload, type HttpRequest, type HttpResponse } from '../files/download';
import { IndicatorTaskService } from './indicator-task.service';

@Controller('tasks')
export class EvidenceController {
  constructor(
    private readonly auth: AuthService,
    private readonly tasks: IndicatorTaskService,
  ) {}

  @Get(':taskId/evidence/:sha256')
  async download(@Param('taskId') taskId: string, @Param('sha256') sha256: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.tasks.evidenceFile(await this.auth.actor({ req }), taskId, sha256));
  }
}
