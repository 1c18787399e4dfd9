// GET /funding/spendings/:spendingId/receipts/:sha256: a receipt of a spending, with the same identity and visibility
// rules as the GraphQL API (a unit only its own unit's spendings), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { FundingService } from './funding.service';

@Controller('funding')
export class FundingReceiptController {
  constructor(private readonly funding: FundingService) {}

  @Get('spendings/:spendingId/receipts/:sha256')
  async download(@Param('spendingId') spendingId: string, @Param('sha256') sha256: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.funding.receipt(actor, spendingId, sha256));
  }
}
