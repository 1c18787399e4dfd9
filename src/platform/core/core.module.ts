import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppRuntime } from './app-runtime';
import { CONFIG, DATABASE, DATABASE_URL, TEMPORAL, TEMPORAL_UI_URL, WORKER_STATUS } from './app.tokens';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { WorkflowActions } from '../temporal/workflow-actions';

/**
 * Makes the connections the entry point opened, and what every action shares, available to every feature module:
 * each part under its own token (app.tokens.ts), never the AppRuntime bag itself.
 */
@Global()
@Module({})
export class CoreModule {
  static register(runtime: AppRuntime): DynamicModule {
    const parts = [CONFIG, DATABASE, DATABASE_URL, TEMPORAL, TEMPORAL_UI_URL, WORKER_STATUS];
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: runtime.config },
        { provide: DATABASE, useValue: runtime.db },
        { provide: DATABASE_URL, useValue: runtime.databaseUrl },
        { provide: TEMPORAL, useValue: runtime.temporal },
        { provide: TEMPORAL_UI_URL, useValue: runtime.temporalUiUrl },
        // Nest takes an undefined useValue for no value at all: null says "no worker in this process".
        { provide: WORKER_STATUS, useValue: runtime.workerStatus ?? null },
        IdempotencyRepository,
        IdempotencyService,
        WorkflowActions,
      ],
      exports: [...parts, IdempotencyService, WorkflowActions],
    };
  }
}
