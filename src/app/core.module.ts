import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppRuntime } from './app-runtime';
import { DATABASE, RUNTIME } from './app.tokens';
import { IdempotencyService } from '../idempotency/idempotency.service';

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
        IdempotencyService,
      ],
      exports: [RUNTIME, DATABASE, IdempotencyService],
    };
  }
}
