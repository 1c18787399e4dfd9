import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppRuntime } from './app-runtime';
import { DATABASE, RUNTIME, TEMPORAL } from './app.tokens';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { WorkflowActions } from '../temporal/workflow-actions';

/** Makes the connections the entry point opened, and what every action shares, available to every feature module. */
@Global()
@Module({})
export class CoreModule {
  static register(runtime: AppRuntime): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: DATABASE, useValue: runtime.db },
        { provide: TEMPORAL, useValue: runtime.temporal },
        IdempotencyService,
        WorkflowActions,
      ],
      exports: [RUNTIME, DATABASE, TEMPORAL, IdempotencyService, WorkflowActions],
    };
  }
}
