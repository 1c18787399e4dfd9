// Downloads of items' photos, with the same identity and visibility rules as the GraphQL API.
import { Controller, Get, Param, Res } from '@nestjs/common';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { RectificationItemService } from './rectification-item.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Controller('items')
export class ItemFileController {
  constructor(
    private readonly items: RectificationItemService,
  ) {}

  @Get(':itemId/files/:sha256')
  async download(@Param('itemId') itemId: string, @Param('sha256') sha256: string, @CurrentActor() actor: Caller, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.items.file(actor, itemId, sha256));
  }
}
