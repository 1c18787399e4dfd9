// GET /unit-reports/:reportId/files/:sha256: an attachment of a unit's monthly report, with the same identity and
// visibility rules as the GraphQL API (a unit only its own reports), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { UnitReportService } from './unit-report.service';

@Controller('unit-reports')
export class UnitReportFileController {
  constructor(private readonly reports: UnitReportService) {}

  @Get(':reportId/files/:sha256')
  async download(@Param('reportId') reportId: string, @Param('sha256') sha256: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.reports.attachment(actor, reportId, sha256));
  }
}
