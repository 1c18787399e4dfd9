// POST /files: one file as the raw request body, its name in X-File-Name (percent-encoded UTF-8), answered
// with the upload's id for an action to name (upload.service.ts). The caller is known before a byte of the body
// is read (AccessGuard, by the same rules as GraphQL: a Bearer token or, where it is accepted, the demo header);
// no cookie is involved, and a cross-site form cannot set these headers, so there is nothing to forge.
import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { UploadService, type Uploaded } from './upload.service';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Caller } from '../../auth/access-policy';

interface UploadRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  iterator(options: { destroyOnReturn: boolean }): AsyncIterable<Buffer>;
}
interface UploadResponse {
  setHeader(name: string, value: string): void;
}

@Controller('files')
export class UploadController {
  constructor(
    private readonly uploads: UploadService,
  ) {}

  @Post()
  @HttpCode(201)
  async upload(@Req() req: UploadRequest, @CurrentActor() caller: Caller, @Res({ passthrough: true }) res: UploadResponse): Promise<Uploaded> {
    const length = req.headers['content-length'];
    try {
      // Not destroyed when the upload stops early, so that the refusal can still be answered on its connection.
      const body = req.iterator({ destroyOnReturn: false });
      return await this.uploads.receive(caller, UploadService.fileName(req.headers['x-file-name']), typeof length === 'string' ? Number(length) : null, body);
    } catch (error) {
      // The rest of a refused body is not read: the connection closes after the answer.
      res.setHeader('connection', 'close');
      throw error;
    }
  }
}
