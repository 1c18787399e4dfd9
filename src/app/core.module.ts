import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppRuntime } from './app-runtime';
import { DATABASE, RUNTIME } from './app.tokens';

/** Makes the connections the entry point opened available to every feature module. */
@Global()
@Module({})
export class CoreModule {
  static register(runtime: AppRuntime): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: DATABASE, useValue: runtime.db },
      ],
      exports: [RUNTIME, DATABASE],
    };
  }
}
