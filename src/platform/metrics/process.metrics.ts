// Node's own figures (CPU, memory, heap, event-loop lag, GC) under our prefix, on a registry of the caller's.
import { Registry, collectDefaultMetrics } from 'prom-client';

/** Every metric this code registers starts with it, so that ours never clash with the Temporal SDK's `temporal_`. */
export const METRIC_PREFIX = 'chuangwen_';

/** A registry holding the process's metrics (`chuangwen_process_…`, `chuangwen_nodejs_…`); a role adds its own. */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return registry;
}
