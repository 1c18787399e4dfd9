// GET /activities/:activityId/photos/:sha256: a photo of a held activity, with the same identity rules as the GraphQL
// API (everyone signed in reads the activities), through the shared download path.
import { Controller, Get, Param, Res } from '@nestjs/common';
import { sendDownload, type HttpResponse } from '../platform/files/download';
import { ActivityService } from './activity.service';

@Controller('activities')
export class ActivityPhotoController {
  constructor(private readonly activities: ActivityService) {}

  @Get(':activityId/photos/:sha256')
  async download(@Param('activityId') activityId: string, @Param('sha256') sha256: string, @Res() res: HttpResponse): Promise<void> {
    await sendDownload(res, async () => this.activities.photo(activityId, sha256));
  }
}
