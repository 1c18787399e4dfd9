// Downloads of evidence files, with the same identity and visibility rules as the GraphQL API.
import { Controller, Get, Param, Res } from '@nestjs/common';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { IndicatorTaskService } from './indicator-task.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Controller('tasks')
export class EvidenceController {
  constructor(
    private readonly tasks: IndicatorTaskService,
  ) {}

  @Get(':taskId/evidence/:sha256')
  async download(@Param('taskId') taskId: string, @Param('sha256') sha256: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.tasks.evidenceFile(actor, taskId, sha256));
  }
}
