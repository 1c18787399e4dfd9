// Downloads of evidence files, with the same identity and visibility rules as the GraphQL API.
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { DomainError, type ErrorCode } from '../errors/domain-error';
import { IndicatorTaskService } from './indicator-task.service';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface HttpResponse {
  status(code: number): HttpResponse;
  json(body: unknown): void;
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

@Controller('tasks')
export class EvidenceController {
  constructor(
    private readonly auth: AuthService,
    private readonly tasks: IndicatorTaskService,
  ) {}

  @Get(':taskId/evidence/:sha256')
  async download(@Param('taskId') taskId: string, @Param('sha256') sha256: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    try {
      const file = await this.tasks.evidenceFile(await this.auth.actor({ req }), taskId, sha256);
      res.setHeader('content-type', file.mimeType);
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      res.setHeader('x-content-type-options', 'nosniff');
      res.send(file.content);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      res.status(STATUS[err.code] ?? 500).json({ code: err.code, message: err.message });
    }
  }
}
