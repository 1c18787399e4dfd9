// The first import of every entry point (src/main.ts, api.main.ts, worker.main.ts): starts tracing when the
// OTEL_* variables ask for it, before anything requires `pg` or `http`. Does nothing when they do not.
import { startTracingIfConfigured } from './tracing';

startTracingIfConfigured();
