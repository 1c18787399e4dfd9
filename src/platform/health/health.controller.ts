import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DATABASE, TEMPORAL, WORKER_STATUS } from '../core/app.tokens';
import type { WorkerStatus } from '../core/app-runtime';
import { pingDatabase, type Db } from '../database/database';

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(WORKER_STATUS) private readonly workerStatus: (() => WorkerStatus) | null,
  ) {}

  /** 200 when the database and Temporal answer (and the in-process worker runs, if any); 503 otherwise. */
  @Get()
  async check(@Res() res: JsonResponse): Promise<void> {
    const [database, temporal] = await Promise.all([
      probe(() => pingDatabase(this.db)),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const worker = this.workerStatus?.();
    const ok = database === 'ok' && temporal === 'ok' && (!worker || worker.state === 'RUNNING');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: ok ? 'ok' : 'unavailable',
      database,
      temporal,
      ...(worker ? { worker } : {}),
    });
  }
}

async function probe(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (err) {
    return `error: ${err instanceof Error ? err.message : String(err)}`;
  }
}
