// Downloads of items' photos, with the same identity and visibility rules as the GraphQL API.
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { sendDownload, type HttpRequest, type HttpResponse } from '../files/download';
import { RectificationItemService } from './rectification-item.service';

@Controller('items')
export class ItemFileController {
  constructor(
    private readonly auth: AuthService,
    private readonly items: RectificationItemService,
  ) {}

  @Get(':itemId/files/:sha256')
  async download(@Param('itemId') itemId: string, @Param('sha256') sha256: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.items.file(await this.auth.actor({ req }), itemId, sha256));
  }
}
